import type { MockLink } from '@apollo/client/testing';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CurrentUser } from '../../auth/auth.graphql';
import { renderAs } from '../../task-work/test-providers';
import { ADMIN_DEPARTMENTS, ADMIN_USERS, CREATE_USER, RESET_PASSWORD, SET_USER_ACTIVE, type CreateUserInput } from '../graphql/admin.graphql';
import { AccountsTab } from './AccountsTab';

// antd tables and forms render slowly in jsdom, more so on a busy machine: wait up to 5 s, not 1.
configure({ asyncUtilTimeout: 5000 });

// @ant-design/icons ships ESM that this jest setup does not transform.
jest.mock('@ant-design/icons', () => ({ PlusOutlined: () => null }));

const ADMIN: CurrentUser = { id: 'u-admin', email: 'admin@demo.gov', name: '系统管理员', role: 'ADMIN', department: null };

const department = (id: string, name: string, code: string) => ({ __typename: 'Department', id, name, code });
const account = (id: string, name: string, email: string, role: string, active = true, dept: ReturnType<typeof department> | null = null) => ({
  __typename: 'User',
  id,
  name,
  email,
  role,
  active,
  department: dept,
});

const usersMock: MockLink.MockedResponse = {
  request: { query: ADMIN_USERS },
  result: {
    data: {
      users: [
        account('u-admin', '系统管理员', 'admin@demo.gov', 'ADMIN'),
        account('u2', '王经办', 'jxw@demo.gov', 'STAFF', true, department('d-jxw', '省经济和信息化委', 'jxw')),
        account('u3', '陈检查', 'inspector@demo.gov', 'INSPECTOR', false),
      ],
    },
  },
};

const departmentsMock: MockLink.MockedResponse = {
  request: { query: ADMIN_DEPARTMENTS },
  result: {
    data: {
      departments: [
        { __typename: 'Department', id: 'd-jxw', name: '省经济和信息化委', code: 'jxw', level: 'province', parentId: null },
        { __typename: 'Department', id: 'c-fs', name: '佛山市', code: 'fs', level: 'city', parentId: null },
      ],
    },
  },
};

/** Opens an antd Select and clicks the option whose label is `label`. */
async function pick(testId: string, label: string) {
  const select = screen.getByTestId(testId);
  const box = select.closest('.ant-select') ?? select;
  fireEvent.mouseDown(within(box as HTMLElement).getByRole('combobox'));
  const option = await waitFor(() => {
    const found = Array.from(document.querySelectorAll<HTMLElement>('.ant-select-item-option')).find((el) => el.getAttribute('title') === label);
    if (!found) throw new Error(`no option ${label}`);
    return found;
  });
  fireEvent.click(option);
}

const rowOf = (email: string) => document.querySelector<HTMLElement>(`[data-testid="account-row"][data-email="${email}"]`)!;
const fieldOf = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;

describe('AccountsTab', () => {
  it('lists every account with role, department and status, finds them by search, and never offers to deactivate oneself', async () => {
    renderAs(ADMIN, [usersMock], <AccountsTab />);
    await screen.findByTestId('accounts-table');
    expect(document.querySelectorAll('[data-testid="account-row"]')).toHaveLength(3);

    const staff = rowOf('jxw@demo.gov');
    expect(staff.textContent).toContain('王经办');
    expect(staff.textContent).toContain('部门经办人');
    expect(staff.textContent).toContain('省经济和信息化委');
    expect(staff.textContent).toContain('正常');
    expect(within(staff).getByTestId('deactivate').hasAttribute('disabled')).toBe(false);

    const inactive = rowOf('inspector@demo.gov');
    expect(inactive.textContent).toContain('已停用');
    expect(within(inactive).getByTestId('reactivate')).toBeTruthy();

    const own = rowOf('admin@demo.gov');
    expect(own.textContent).toContain('本人');
    expect(within(own).getByTestId('deactivate').hasAttribute('disabled')).toBe(true);

    fireEvent.change(within(screen.getByTestId('accounts-search')).getByRole('searchbox'), { target: { value: '经济和信息化' } });
    await waitFor(() => expect(document.querySelectorAll('[data-testid="account-row"]')).toHaveLength(1));
    expect(screen.getByText('共 1 个账号')).toBeTruthy();
  });

  it('creates an account: staff need a department, the password at least 10 characters, and a taken email is marked on the email field', async () => {
    const sent: CreateUserInput[] = [];
    const answer = (result: object) => (vars: { input: CreateUserInput }) => {
      sent.push(vars.input);
      return result;
    };
    renderAs(
      ADMIN,
      [
        usersMock,
        departmentsMock,
        {
          request: { query: CREATE_USER, variables: () => true },
          result: answer({ errors: [{ message: 'An account for jxw@demo.gov exists already', extensions: { code: 'BAD_USER_INPUT', field: 'email' } }] }),
        },
        {
          request: { query: CREATE_USER, variables: () => true },
          result: answer({ data: { createUser: account('u9', '新经办', 'new@demo.gov', 'STAFF', true, department('d-jxw', '省经济和信息化委', 'jxw')) } }),
        },
      ],
      <AccountsTab />,
    );
    await screen.findByTestId('accounts-table');
    fireEvent.click(screen.getByTestId('new-account'));

    fireEvent.change(await screen.findByTestId('account-email'), { target: { value: 'jxw@demo.gov' } });
    fireEvent.change(screen.getByTestId('account-name'), { target: { value: '新经办' } });
    await pick('account-role', '部门经办人');
    fireEvent.change(screen.getByTestId('account-password'), { target: { value: 'short' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('account-submit'));
    });
    expect(await within(fieldOf('account-department')).findByText('部门经办人须指定所属部门')).toBeTruthy();
    expect(await screen.findByText('密码至少 10 个字符')).toBeTruthy();
    expect(sent).toEqual([]);

    await pick('account-department', '省经济和信息化委');
    fireEvent.click(screen.getByTestId('account-password-generate'));
    const password = (screen.getByTestId('account-password') as HTMLInputElement).value;
    expect(password).toHaveLength(14);
    await waitFor(() => expect(screen.queryByText('密码至少 10 个字符')).toBeNull());
    await act(async () => {
      fireEvent.click(screen.getByTestId('account-submit'));
    });

    // The server refuses the email: said on the email field, in Chinese, and the form stays open.
    await waitFor(() => expect(within(fieldOf('account-email')).queryByText('该邮箱已有账号')).toBeTruthy());
    expect(sent).toEqual([{ email: 'jxw@demo.gov', name: '新经办', role: 'STAFF', departmentId: 'd-jxw', password }]);

    fireEvent.change(screen.getByTestId('account-email'), { target: { value: 'new@demo.gov' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('account-submit'));
    });
    await screen.findByText('已新建账号：新经办');
    expect(sent[1]).toEqual({ email: 'new@demo.gov', name: '新经办', role: 'STAFF', departmentId: 'd-jxw', password });
    // The new account is in the table without reloading the list.
    await waitFor(() => expect(rowOf('new@demo.gov')).toBeTruthy());
    await waitFor(() => expect(screen.queryByTestId('create-account-form')).toBeNull());
  });

  it('resets a password after warning that the person’s sign-ins end, refusing one that is too short', async () => {
    const sent: Array<{ userId: string; password: string }> = [];
    renderAs(
      ADMIN,
      [
        usersMock,
        {
          request: { query: RESET_PASSWORD, variables: () => true },
          result: (vars: { userId: string; password: string }) => {
            sent.push(vars);
            return { data: { resetPassword: { __typename: 'User', id: vars.userId } } };
          },
        },
      ],
      <AccountsTab />,
    );
    await screen.findByTestId('accounts-table');
    fireEvent.click(within(rowOf('jxw@demo.gov')).getByTestId('reset-password'));
    expect(await screen.findByText('重置「王经办」的密码')).toBeTruthy();
    expect(screen.getByText('重置后，其所有登录将立即结束，须用新密码重新登录。')).toBeTruthy();

    fireEvent.change(screen.getByTestId('reset-new-password'), { target: { value: '123456789' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('reset-submit'));
    });
    expect(await screen.findByText('密码至少 10 个字符')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(screen.getByTestId('reset-new-password'), { target: { value: '1234567890' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('reset-submit'));
    });
    await screen.findByText('已重置 王经办 的密码');
    expect(sent).toEqual([{ userId: 'u2', password: '1234567890' }]);
  });

  it('deactivates an account after warning that their sign-ins end at once', async () => {
    const sent: Array<{ userId: string; active: boolean }> = [];
    renderAs(
      ADMIN,
      [
        usersMock,
        {
          request: { query: SET_USER_ACTIVE, variables: () => true },
          result: (vars: { userId: string; active: boolean }) => {
            sent.push(vars);
            return { data: { setUserActive: { __typename: 'User', id: vars.userId, active: vars.active } } };
          },
        },
      ],
      <AccountsTab />,
    );
    await screen.findByTestId('accounts-table');
    fireEvent.click(within(rowOf('jxw@demo.gov')).getByTestId('deactivate'));
    expect(await screen.findByText('停用「王经办」的账号？')).toBeTruthy();
    expect(screen.getByText('其所有登录将立即结束，停用期间无法登录。')).toBeTruthy();
    expect(sent).toEqual([]);

    await act(async () => {
      fireEvent.click(screen.getByTestId('confirm-toggle'));
    });
    await screen.findByText('已停用：王经办');
    expect(sent).toEqual([{ userId: 'u2', active: false }]);
    await waitFor(() => expect(rowOf('jxw@demo.gov').textContent).toContain('已停用'));
    expect(within(rowOf('jxw@demo.gov')).getByTestId('reactivate')).toBeTruthy();
  });
});

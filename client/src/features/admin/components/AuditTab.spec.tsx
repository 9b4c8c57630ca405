import type { MockLink } from '@apollo/client/testing';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import type { CurrentUser } from '../../auth/auth.graphql';
import { renderAs } from '../../task-work/test-providers';
import { ADMIN_USERS, AUDIT_LOG, type AuditEntry, type AuditFilter, type AuditPage } from '../graphql/admin.graphql';
import { auditFilterOf, AuditTab } from './AuditTab';

// antd tables and forms render slowly in jsdom, more so on a busy machine: wait up to 5 s, not 1.
configure({ asyncUtilTimeout: 5000 });

// @ant-design/icons ships ESM that this jest setup does not transform.
jest.mock('@ant-design/icons', () => ({ ReloadOutlined: () => null }));

const ADMIN: CurrentUser = { id: 'u-admin', email: 'admin@demo.gov', name: '系统管理员', role: 'ADMIN', department: null };

type Variables = { filter: AuditFilter; first: number; after: string | null };

const entry = (id: string, operation: string, result = 'OK', overrides: Partial<AuditEntry> = {}): AuditEntry & { __typename: 'AuditEntry' } => ({
  __typename: 'AuditEntry',
  id,
  at: '2026-03-01T08:00:00.000Z',
  actorId: 'u-admin',
  actorEmail: 'admin@demo.gov',
  actorRole: 'ADMIN',
  operation,
  targetId: 'new@demo.gov',
  arguments: { input: { email: 'new@demo.gov', password: '[redacted]' } },
  address: '127.0.0.1',
  requestId: `req-${id}`,
  result,
  message: result === 'OK' ? null : 'An account for new@demo.gov exists already',
  durationMs: 12,
  ...overrides,
});

const page = (entries: AuditEntry[], hasMore = false): { auditLog: AuditPage & { __typename: 'AuditPage' } } => ({
  auditLog: { __typename: 'AuditPage', entries, hasMore, endCursor: entries.at(-1)?.id ?? null },
});

/** Answers every audit query with `answer(variables)` and records the variables it was asked with. */
function auditServer(answer: (vars: Variables) => ReturnType<typeof page>) {
  const asked: Variables[] = [];
  const mock: MockLink.MockedResponse = {
    request: { query: AUDIT_LOG, variables: () => true },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: (vars: Variables) => {
      asked.push(vars);
      return { data: answer(vars) };
    },
  };
  return { mock, asked };
}

const usersMock: MockLink.MockedResponse = {
  request: { query: ADMIN_USERS },
  result: {
    data: {
      users: [
        { __typename: 'User', id: 'u-admin', name: '系统管理员', email: 'admin@demo.gov', role: 'ADMIN', active: true, department: null },
        { __typename: 'User', id: 'u2', name: '王经办', email: 'jxw@demo.gov', role: 'STAFF', active: true, department: null },
      ],
    },
  },
};

/** Opens an antd Select, types `search` if given (long lists render only the options in view), and clicks the option labelled `label`. */
async function pick(testId: string, label: string, search?: string) {
  const select = screen.getByTestId(testId);
  const box = select.closest('.ant-select') ?? select;
  const combobox = within(box as HTMLElement).getByRole('combobox');
  fireEvent.mouseDown(combobox);
  if (search) fireEvent.change(combobox, { target: { value: search } });
  const option = await waitFor(() => {
    const found = Array.from(document.querySelectorAll<HTMLElement>('.ant-select-item-option')).find((el) => el.getAttribute('title') === label);
    if (!found) throw new Error(`no option ${label}`);
    return found;
  });
  fireEvent.click(option);
}

const rows = () => Array.from(document.querySelectorAll<HTMLElement>('[data-testid="audit-row"]'));

describe('AuditTab', () => {
  it('shows the trail with a green OK or a red code, and every filter sends what was chosen', async () => {
    const server = auditServer((vars) => page(vars.filter.result === 'FAILED' ? [entry('e2', 'createUser', 'BAD_USER_INPUT')] : [entry('e1', 'setUserActive', 'OK', { targetId: 'u2' }), entry('e2', 'createUser', 'BAD_USER_INPUT')]));
    renderAs(ADMIN, [usersMock, server.mock], <AuditTab />);
    await screen.findByTestId('audit-table');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(server.asked[0]).toEqual({ filter: {}, first: 50, after: null });

    const [ok, failed] = rows();
    expect(ok.textContent).toContain('admin@demo.gov');
    expect(ok.textContent).toContain('系统管理员');
    expect(ok.textContent).toContain('停用或启用账号');
    expect(ok.textContent).toContain('setUserActive');
    expect(ok.textContent).toContain('127.0.0.1');
    expect(ok.textContent).toContain('req-e1');
    expect(ok.textContent).toContain('王经办 jxw@demo.gov'); // an account's id, named
    expect(within(ok).getByTestId('audit-result').className).toContain('ant-tag-green');
    expect(within(failed).getByTestId('audit-result').textContent).toBe('BAD_USER_INPUT');
    expect(within(failed).getByTestId('audit-result').className).toContain('ant-tag-red');

    await pick('audit-result-filter', '全部失败 (FAILED)');
    await waitFor(() => expect(server.asked.at(-1)).toEqual({ filter: { result: 'FAILED' }, first: 50, after: null }));
    await waitFor(() => expect(rows()).toHaveLength(1));

    await pick('audit-operation', '新建账号 · createUser', 'createUser');
    await waitFor(() => expect(server.asked.at(-1)).toEqual({ filter: { result: 'FAILED', operation: 'createUser' }, first: 50, after: null }));

    await pick('audit-actor', '王经办 jxw@demo.gov');
    await waitFor(() => expect(server.asked.at(-1)?.filter).toEqual({ result: 'FAILED', operation: 'createUser', actorId: 'u2' }));

    const target = within(screen.getByTestId('audit-target')).getByRole('searchbox');
    fireEvent.change(target, { target: { value: ' new@demo.gov ' } });
    fireEvent.keyDown(target, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(server.asked.at(-1)?.filter).toEqual({ result: 'FAILED', operation: 'createUser', actorId: 'u2', targetId: 'new@demo.gov' }));

    fireEvent.click(screen.getByText('清除筛选'));
    await waitFor(() => expect(rows()).toHaveLength(2)); // the unfiltered answer, from the cache or the server
  });

  it('turns a range of days into since and until in the browser’s time zone', () => {
    const filter = auditFilterOf({ days: [dayjs('2026-03-01T15:00:00'), dayjs('2026-03-02T09:00:00')] });
    expect(filter).toEqual({ since: dayjs('2026-03-01T00:00:00').toISOString(), until: dayjs('2026-03-02T23:59:59.999').toISOString() });
    expect(auditFilterOf({ operation: undefined, result: '', targetId: '  ' })).toEqual({});
  });

  it('loads more with the end cursor and appends the older entries', async () => {
    const server = auditServer((vars) => (vars.after === 'e2' ? page([entry('e3', 'login', 'UNAUTHENTICATED', { actorId: null, actorEmail: 'x@demo.gov', actorRole: null })], false) : page([entry('e1', 'setUserActive'), entry('e2', 'createUser')], true)));
    renderAs(ADMIN, [usersMock, server.mock], <AuditTab />);
    await screen.findByTestId('audit-table');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.getByText('已显示 2 条')).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByTestId('audit-load-more'));
    });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(server.asked.at(-1)).toEqual({ filter: {}, first: 50, after: 'e2' });
    expect(rows().map((r) => r.getAttribute('data-operation'))).toEqual(['setUserActive', 'createUser', 'login']);
    expect(screen.queryByTestId('audit-load-more')).toBeNull(); // nothing older
    expect(screen.getByText('已显示 3 条')).toBeTruthy();
  });

  it('shows a row’s arguments as pretty-printed JSON text, never as markup, with the server’s message', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const server = auditServer(() => page([entry('e1', 'createTask', 'FORBIDDEN', { arguments: { input: { title: hostile } }, message: 'A admin account may not do this (createTask)' })]));
    renderAs(ADMIN, [usersMock, server.mock], <AuditTab />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0].querySelector('.ant-table-row-expand-icon')!);
    const json = await screen.findByTestId('audit-arguments');
    expect(json.textContent).toBe(JSON.stringify({ input: { title: hostile } }, null, 2));
    expect(json.querySelector('img')).toBeNull();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(screen.getByTestId('audit-details').textContent).toContain('A admin account may not do this (createTask)');
  });

  it('says so when nothing matches the filters', async () => {
    const server = auditServer((vars) => page(vars.filter.result ? [] : [entry('e1', 'login')]));
    renderAs(ADMIN, [usersMock, server.mock], <AuditTab />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    await pick('audit-result-filter', 'SERVICE_UNAVAILABLE');
    expect(await screen.findByText('没有符合筛选条件的记录')).toBeTruthy();
  });
});

import type { MockLink } from '@apollo/client/testing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CurrentUser } from '../../auth/auth.graphql';
import { USERS, renderAs } from '../../task-work/test-providers';
import { PLAN_SETTINGS, UPDATE_PLAN_SETTINGS, type PlanSettings, type UpdatePlanSettingsInput } from '../graphql/plan-admin.graphql';
import { PlanSettingsCard } from './PlanSettingsCard';

const MANAGER: CurrentUser = { id: 'u6', email: 'manager@demo.gov', name: '孙管理', role: 'MANAGER', department: null };

const plan = (overrides: Partial<PlanSettings> = {}): PlanSettings & { __typename: 'Plan' } => ({
  __typename: 'Plan',
  id: 'p1',
  title: '技术改造三年行动计划',
  reportCadence: 'QUARTER',
  reportDueOffsetDays: 5,
  commendCount: 3,
  warnCount: 3,
  taskVisibility: 'FULL',
  lightRules: { __typename: 'LightRules', dueSoonDays: 3, workingDays: true, paceYellowPoints: 10, paceRedPoints: 30, staleDays: 10 } as PlanSettings['lightRules'],
  escalationRules: { __typename: 'EscalationRules', reminderAfterDays: 1, noticeAfterDays: 5 } as PlanSettings['escalationRules'],
  ...overrides,
});

const plansMock = (p1 = plan()): MockLink.MockedResponse => ({
  request: { query: PLAN_SETTINGS },
  result: { data: { plans: [plan({ id: 'p0', title: '另一方案', reportCadence: 'YEAR' }), p1] } },
});

describe('PlanSettingsCard', () => {
  it('refuses a negative count, then sends only the changed rule and says so', async () => {
    const sent: UpdatePlanSettingsInput[] = [];
    renderAs(USERS.coordinator, [
      plansMock(),
      {
        request: { query: UPDATE_PLAN_SETTINGS, variables: () => true },
        result: (vars: { input: UpdatePlanSettingsInput }) => {
          sent.push(vars.input);
          return { data: { updatePlanSettings: plan({ commendCount: 5 }) } };
        },
      },
    ], <PlanSettingsCard planId="p1" />);

    const count = await screen.findByTestId('settings-commend-count');
    expect((count as HTMLInputElement).value).toBe('3');
    expect((screen.getByTestId('settings-due-offset') as HTMLInputElement).value).toBe('5');
    const save = screen.getByTestId('settings-save');
    expect(save.hasAttribute('disabled')).toBe(true); // nothing changed yet

    fireEvent.change(count, { target: { value: '-1' } });
    await act(async () => {
      fireEvent.click(save);
    });
    expect(await screen.findByText('请输入 0–100 的整数')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(count, { target: { value: '5' } });
    await waitFor(() => expect(screen.queryByText('请输入 0–100 的整数')).toBeNull());
    await act(async () => {
      fireEvent.click(save);
    });
    await screen.findByText('方案规则已保存');
    expect(sent).toEqual([{ planId: 'p1', commendCount: 5 }]);
    // The answer becomes the new baseline: nothing left to save.
    await waitFor(() => expect(screen.getByTestId('settings-save').hasAttribute('disabled')).toBe(true));
  });

  it('refuses more than 90 days after the period', async () => {
    renderAs(USERS.coordinator, [plansMock()], <PlanSettingsCard planId="p1" />);
    const days = await screen.findByTestId('settings-due-offset');
    fireEvent.change(days, { target: { value: '91' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save'));
    });
    expect(await screen.findByText('请输入 0–90 的整数')).toBeTruthy();
  });

  it('lets a coordinator choose what staff see of other departments’ tasks, explaining each choice', async () => {
    const sent: UpdatePlanSettingsInput[] = [];
    renderAs(USERS.coordinator, [
      plansMock(),
      {
        request: { query: UPDATE_PLAN_SETTINGS, variables: () => true },
        result: (vars: { input: UpdatePlanSettingsInput }) => {
          sent.push(vars.input);
          return { data: { updatePlanSettings: plan({ taskVisibility: 'SUMMARY' }) } };
        },
      },
    ], <PlanSettingsCard planId="p1" />);

    const select = await screen.findByTestId('settings-visibility');
    expect(select.textContent).toContain('全部可见');
    expect(screen.getByTestId('settings-visibility-hint').textContent).toContain('全部内容');
    fireEvent.mouseDown(within(select.closest('.ant-select') as HTMLElement).getByRole('combobox'));
    const option = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('.ant-select-item-option[title="仅看任务卡片"]');
      if (!found) throw new Error('no option');
      return found;
    });
    // Each choice says what it means in the list itself.
    expect(document.querySelector('.ant-select-item-option[title="仅本部门任务"]')?.textContent).toContain('其他部门的任务卡片也不显示');
    fireEvent.click(option);
    await waitFor(() => expect(screen.getByTestId('settings-visibility-hint').textContent).toContain('但不能查看其进度报告'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save'));
    });
    await screen.findByText('方案规则已保存');
    expect(sent).toEqual([{ planId: 'p1', taskVisibility: 'SUMMARY' }]);
  });

  it('lets a coordinator tune the warning lights, sending only the rules that changed', async () => {
    const sent: UpdatePlanSettingsInput[] = [];
    renderAs(USERS.coordinator, [
      plansMock(),
      {
        request: { query: UPDATE_PLAN_SETTINGS, variables: () => true },
        result: (vars: { input: UpdatePlanSettingsInput }) => {
          sent.push(vars.input);
          return { data: { updatePlanSettings: plan({ lightRules: { ...plan().lightRules, dueSoonDays: 5, workingDays: false } }) } };
        },
      },
    ], <PlanSettingsCard planId="p1" />);

    const dueSoon = await screen.findByTestId('settings-due-soon-days');
    expect((dueSoon as HTMLInputElement).value).toBe('3');
    expect((screen.getByTestId('settings-pace-yellow') as HTMLInputElement).value).toBe('10');
    expect((screen.getByTestId('settings-pace-red') as HTMLInputElement).value).toBe('30');
    expect((screen.getByTestId('settings-stale-days') as HTMLInputElement).value).toBe('10');
    expect(screen.getByTestId('settings-working-days').getAttribute('aria-checked')).toBe('true');
    // Each rule says what it does.
    expect(screen.getByTestId('plan-settings-form').textContent).toContain('截止日期前 N 天内亮黄灯');
    expect(screen.getByTestId('plan-settings-form').textContent).toContain('扣除节假日，计入调休上班日');

    fireEvent.change(dueSoon, { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('settings-working-days'));
    await waitFor(() => expect(screen.getByTestId('settings-save').hasAttribute('disabled')).toBe(false));
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save'));
    });
    await screen.findByText('方案规则已保存');
    expect(sent).toEqual([{ planId: 'p1', lightRules: { dueSoonDays: 5, workingDays: false } }]);
  });

  it('lets a coordinator set when reminders escalate, in working days, at least one', async () => {
    const sent: UpdatePlanSettingsInput[] = [];
    renderAs(USERS.coordinator, [
      plansMock(),
      {
        request: { query: UPDATE_PLAN_SETTINGS, variables: () => true },
        result: (vars: { input: UpdatePlanSettingsInput }) => (sent.push(vars.input), { data: { updatePlanSettings: plan({ escalationRules: { reminderAfterDays: 1, noticeAfterDays: 3 } }) } }),
      },
    ], <PlanSettingsCard planId="p1" />);
    const notice = await screen.findByTestId('settings-notice-after');
    expect((screen.getByTestId('settings-reminder-after') as HTMLInputElement).value).toBe('1');
    expect((notice as HTMLInputElement).value).toBe('5');
    fireEvent.change(screen.getByTestId('settings-reminder-after'), { target: { value: '0' } });
    await waitFor(() => expect(screen.getByTestId('settings-save').hasAttribute('disabled')).toBe(false));
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save'));
    });
    expect(await screen.findByText('请输入 1–60 的整数')).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.change(screen.getByTestId('settings-reminder-after'), { target: { value: '1' } });
    fireEvent.change(notice, { target: { value: '3' } });
    await waitFor(() => expect(screen.queryByText('请输入 1–60 的整数')).toBeNull());
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save'));
    });
    await screen.findByText('方案规则已保存');
    expect(sent).toEqual([{ planId: 'p1', escalationRules: { noticeAfterDays: 3 } }]);
  });

  it('refuses a red margin below the yellow one, and days out of range', async () => {
    const sent: UpdatePlanSettingsInput[] = [];
    renderAs(USERS.coordinator, [plansMock(), { request: { query: UPDATE_PLAN_SETTINGS, variables: () => true }, result: (vars: { input: UpdatePlanSettingsInput }) => (sent.push(vars.input), { data: { updatePlanSettings: plan() } }) }], <PlanSettingsCard planId="p1" />);
    const red = await screen.findByTestId('settings-pace-red');
    fireEvent.change(red, { target: { value: '5' } });
    fireEvent.change(screen.getByTestId('settings-stale-days'), { target: { value: '400' } });
    await waitFor(() => expect(screen.getByTestId('settings-save').hasAttribute('disabled')).toBe(false));
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save'));
    });
    expect(await screen.findByText('红灯阈值不得小于黄灯阈值')).toBeTruthy();
    expect(await screen.findByText('请输入 0–365 的整数')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('shows others the plan’s rules read-only', async () => {
    renderAs(MANAGER, [plansMock(plan({ reportCadence: 'HALF_YEAR', reportDueOffsetDays: 10, commendCount: 2, warnCount: 3, taskVisibility: 'OWN' }))], <PlanSettingsCard planId="p1" />);
    const card = await screen.findByTestId('plan-settings-card');
    await within(card).findByText('半年');
    expect(card.textContent).toContain('期末后 10 天内报送');
    expect(card.textContent).toContain('前 2 名');
    expect(card.textContent).toContain('后 3 名');
    expect(screen.getByTestId('settings-visibility-view').textContent).toContain('仅本部门任务');
    expect(screen.getByTestId('settings-visibility-view').textContent).toContain('部门经办人只能看到本部门牵头或配合的任务');
    expect(screen.queryByTestId('settings-visibility')).toBeNull();
    expect(screen.queryByTestId('settings-commend-count')).toBeNull();
    expect(screen.queryByTestId('settings-save')).toBeNull();
    const lights = screen.getByTestId('plan-light-rules-view');
    expect(lights.textContent).toContain('截止前 3 个工作日内亮黄灯');
    expect(lights.textContent).toContain('落后 10 个百分点及以上亮黄灯');
    expect(lights.textContent).toContain('落后超过 30 个百分点亮红灯');
    expect(lights.textContent).toContain('紧急任务超过 10 个工作日未报送进度亮黄灯');
    expect(screen.queryByTestId('settings-due-soon-days')).toBeNull();
  });
});

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { GraphQLError } from 'graphql';
import { TASK, USERS, renderAs } from '../../task-work/test-providers';
import { LOG_FINDING, TASK_FINDINGS, TRANSITION_FINDING, type Finding, type LogFindingVars, type TransitionFindingVars } from '../graphql/finding.graphql';
import { TaskFindingsPanel } from './TaskFindingsPanel';

// @ant-design/icons ships ESM that this jest setup does not transform.
jest.mock('@ant-design/icons', () => ({ PaperClipOutlined: () => null, UploadOutlined: () => null }));

const finding = (overrides: Partial<Finding>): Finding & { __typename: 'Finding' } => ({
  __typename: 'Finding',
  id: 'f1',
  taskId: 't1',
  severity: 'MAJOR',
  status: 'RECTIFYING',
  description: '项目资金拨付滞后',
  rectificationDeadline: '2026-06-30',
  overdue: false,
  version: 3,
  createdAt: '2026-05-01T02:00:00.000Z',
  availableEvents: [],
  evidence: [],
  history: [],
  ...overrides,
});

const findingsMock = (findings: Finding[]) => ({ request: { query: TASK_FINDINGS, variables: { taskId: 't1' } }, result: { data: { findings } } });

describe('logging a finding', () => {
  it('refuses an empty description, then sends severity, description and the default deadline', async () => {
    const sent: LogFindingVars['input'][] = [];
    const logged = finding({ id: 'f9', status: 'OPEN', description: '未按计划开工' });
    renderAs(USERS.inspector, [
      findingsMock([]),
      {
        request: { query: LOG_FINDING, variables: () => true },
        result: (vars: LogFindingVars) => {
          sent.push(vars.input);
          return { data: { logFinding: logged } };
        },
      },
      findingsMock([logged]),
    ], <TaskFindingsPanel task={TASK} />);

    const form = await screen.findByTestId('log-finding-form');
    await act(async () => {
      fireEvent.click(screen.getByTestId('log-finding-submit'));
    });
    expect(await screen.findByText('请填写问题描述')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(screen.getByTestId('finding-description'), { target: { value: '  未按计划开工  ' } });
    fireEvent.click(screen.getByTestId('finding-severity-MAJOR'));
    // Ctrl+Enter sends from the description, as an inspector on site would.
    await act(async () => {
      fireEvent.keyDown(screen.getByTestId('finding-description'), { key: 'Enter', ctrlKey: true });
    });

    await screen.findByText('问题已登记，已通知牵头单位');
    expect(sent).toEqual([{ taskId: 't1', severity: 'MAJOR', description: '未按计划开工', rectificationDeadline: dayjs().add(30, 'day').format('YYYY-MM-DD') }]);
    // Ready for the next one: empty description, severity back to 一般.
    expect((screen.getByTestId('finding-description') as HTMLTextAreaElement).value).toBe('');
    expect(form.querySelector<HTMLInputElement>('input[value="MINOR"]')?.checked).toBe(true);
    expect(await screen.findByText('未按计划开工')).toBeTruthy();
  });

  it.each([
    ['inspector', 'INSPECTION', true, USERS.inspector],
    ['coordinator', 'IMPLEMENTATION', true, USERS.coordinator],
    ['coordinator', 'COMMENDATION', false, USERS.coordinator],
    ['lead staff', 'IMPLEMENTATION', false, USERS.leadStaff],
  ])('is offered to the %s while the task is in %s: %s', async (_, stage, offered, user) => {
    renderAs(user, [findingsMock([])], <TaskFindingsPanel task={{ ...TASK, stage }} />);
    await screen.findByText('未发现问题');
    expect(screen.queryByTestId('log-finding-form') !== null).toBe(offered);
  });
});

describe('rectifying a finding', () => {
  it('asks for a comment before SUBMIT_RECTIFICATION, refuses an empty one, then sends it', async () => {
    const sent: TransitionFindingVars['input'][] = [];
    renderAs(USERS.leadStaff, [
      findingsMock([finding({ availableEvents: ['SUBMIT_RECTIFICATION'] })]),
      {
        request: { query: TRANSITION_FINDING, variables: () => true },
        result: (vars: TransitionFindingVars) => {
          sent.push(vars.input);
          return { data: { transitionFinding: finding({ status: 'RECTIFIED', version: 4 }) } };
        },
      },
    ], <TaskFindingsPanel task={TASK} />);

    fireEvent.click(await screen.findByTestId('finding-action-SUBMIT_RECTIFICATION'));
    const comment = await screen.findByTestId('finding-comment');
    const dialog = within(comment.closest<HTMLElement>('[role="dialog"]')!);
    const confirm = dialog.getByText(/确\s*定/);
    fireEvent.click(confirm);
    expect(await dialog.findByText('请填写说明')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(comment, { target: { value: '资金已于5月20日拨付到位' } });
    await act(async () => {
      fireEvent.click(confirm);
    });
    await waitFor(() => expect(screen.getByTestId('finding-item').getAttribute('data-status')).toBe('RECTIFIED'));
    expect(sent).toEqual([{ findingId: 'f1', event: 'SUBMIT_RECTIFICATION', expectedVersion: 3, comment: '资金已于5月20日拨付到位' }]);
    expect(screen.queryByTestId('finding-action-SUBMIT_RECTIFICATION')).toBeNull();
  });

  it('on VERSION_CONFLICT says so and reloads the finding', async () => {
    renderAs(USERS.leadStaff, [
      findingsMock([finding({ status: 'OPEN', availableEvents: ['START_RECTIFICATION'] })]),
      {
        request: { query: TRANSITION_FINDING, variables: (vars: TransitionFindingVars) => vars.input.event === 'START_RECTIFICATION' && vars.input.expectedVersion === 3 },
        result: { errors: [new GraphQLError('changed', { extensions: { code: 'VERSION_CONFLICT' } })] },
      },
      findingsMock([finding({ status: 'RECTIFYING', version: 4, availableEvents: ['SUBMIT_RECTIFICATION'] })]),
    ], <TaskFindingsPanel task={TASK} />);

    fireEvent.click(await screen.findByTestId('finding-action-START_RECTIFICATION'));
    await screen.findByText('该任务已被他人更新，已为您刷新，请重试');
    await waitFor(() => expect(screen.getByTestId('finding-item').getAttribute('data-status')).toBe('RECTIFYING'));
    expect(screen.getByTestId('finding-action-SUBMIT_RECTIFICATION')).toBeTruthy();
  });

  it('offers evidence upload to the lead department, not to other staff', async () => {
    const { unmount } = renderAs(USERS.leadStaff, [findingsMock([finding({})])], <TaskFindingsPanel task={TASK} />);
    expect(await screen.findByTestId('evidence-upload')).toBeTruthy();
    unmount();
    renderAs(USERS.otherStaff, [findingsMock([finding({})])], <TaskFindingsPanel task={TASK} />);
    await screen.findByTestId('finding-item');
    expect(screen.queryByTestId('evidence-upload')).toBeNull();
  });
});

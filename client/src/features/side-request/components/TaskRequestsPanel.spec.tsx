import { fireEvent, screen, within } from '@testing-library/react';
import { addDays, todayIn } from '@workplan/shared';
import { TASK, USERS, renderAs } from '../../task-work/test-providers';
import { DECIDE_AS_LEADER, TASK_SIDE_REQUESTS, type SideRequest } from '../graphql/side-request.graphql';
import { TaskRequestsPanel } from './TaskRequestsPanel';

const today = todayIn();
const task = { ...TASK, dueDate: addDays(today, 10) };
const request = (over: Partial<SideRequest> = {}): SideRequest & { __typename: string } => ({
  __typename: 'SideRequest',
  id: 'r1',
  taskId: 't1',
  taskCode: '1.2',
  taskTitle: '推进重点园区建设',
  keyTask: false,
  kind: 'EXTENSION',
  status: 'PENDING_LEADER',
  department: { __typename: 'Department', id: 'd-lead', name: '省经济和信息化委' } as SideRequest['department'],
  reason: '受汛期影响无法按期完工',
  requestedDueDate: addDays(today, 40),
  adjustment: null,
  stageAtFiling: 'IMPLEMENTATION',
  dueDateAtFiling: addDays(today, 10),
  filedBy: { __typename: 'TaskActor', id: 'u1', name: '王牵头' } as SideRequest['filedBy'],
  filedAt: '2026-05-01T02:00:00.000Z',
  leaderDecision: null,
  finalDecision: null,
  withdrawnAt: null,
  awaitingMyDecision: null,
  canWithdraw: false,
  ...over,
});
const listed = (rows: SideRequest[]) => ({ request: { query: TASK_SIDE_REQUESTS, variables: { taskId: 't1' } }, result: { data: { sideRequests: rows } } });

describe('the drawer’s 申请 tab', () => {
  it('offers the responsible unit the form, with the new date only for an extension', async () => {
    renderAs(USERS.coopStaff, [listed([])], <TaskRequestsPanel task={task} />);
    expect(await screen.findByTestId('request-form')).toBeTruthy();
    expect(screen.getByTestId('request-due-date')).toBeTruthy();
    fireEvent.click(screen.getByText('中止'));
    expect(await screen.findByText('同意后任务即终止（中止或撤销），不再回到看板。')).toBeTruthy();
    expect(screen.queryByTestId('request-due-date')).toBeNull();
    expect(screen.getByText('暂无申请')).toBeTruthy();
  });

  it('offers no form to another unit, nor after the deadline', async () => {
    renderAs(USERS.otherStaff, [listed([])], <TaskRequestsPanel task={task} />);
    expect(await screen.findByText('暂无申请')).toBeTruthy();
    expect(screen.queryByTestId('request-form')).toBeNull();
  });

  it('says why the unit can no longer file once the deadline has passed', async () => {
    renderAs(USERS.leadStaff, [listed([])], <TaskRequestsPanel task={{ ...task, dueDate: addDays(today, -1) }} />);
    expect(await screen.findByText(/截止日期之后也不能再申请/)).toBeTruthy();
    expect(screen.queryByTestId('request-form')).toBeNull();
  });

  it('shows both decisions and the granted date', async () => {
    const decided = request({
      status: 'PARTLY_GRANTED',
      leaderDecision: { approved: true, by: { id: 'l', name: '张负责' }, role: 'STAFF', at: '2026-05-02T02:00:00.000Z', comment: '同意', grantedDueDate: null },
      finalDecision: { approved: true, by: { id: 'c', name: '刘协调' }, role: 'COORDINATOR', at: '2026-05-03T02:00:00.000Z', comment: '准予延期至月底', grantedDueDate: addDays(today, 25) },
    });
    renderAs(USERS.coordinator, [listed([decided])], <TaskRequestsPanel task={task} />);
    const card = await screen.findByTestId('side-request');
    expect(within(card).getByTestId('side-request-status').textContent).toBe('部分同意');
    expect(card.textContent).toContain('张负责');
    expect(card.textContent).toContain(`批准时限 ${addDays(today, 25)}`);
    expect(card.textContent).toContain('准予延期至月底');
    expect(within(card).queryByTestId('side-request-decision')).toBeNull();
  });

  it('gives the unit leader approve and reject; rejecting needs a comment', async () => {
    const waiting = request({ awaitingMyDecision: 'LEADER' });
    const approved = request({ status: 'PENDING_DECISION', leaderDecision: { approved: true, by: { id: 'u1', name: '王牵头' }, role: 'STAFF', at: '2026-05-02T02:00:00.000Z', comment: null, grantedDueDate: null } });
    renderAs(
      USERS.leadStaff,
      [
        listed([waiting]),
        { request: { query: DECIDE_AS_LEADER, variables: { id: 'r1', approve: true, comment: null } }, result: { data: { decideSideRequestAsLeader: approved } } },
        listed([approved]),
      ],
      <TaskRequestsPanel task={task} />,
    );
    const decision = await screen.findByTestId('side-request-decision');
    fireEvent.click(within(decision).getByText('不同意'));
    expect(await screen.findByText('不同意时请填写意见')).toBeTruthy();
    fireEvent.click(screen.getByTestId('leader-approve'));
    expect(await screen.findByText('已处理')).toBeTruthy();
  });

  it('gives the second level grant, partial grant and reject', async () => {
    renderAs(USERS.coordinator, [listed([request({ status: 'PENDING_DECISION', awaitingMyDecision: 'FINAL' })])], <TaskRequestsPanel task={task} />);
    const decision = await screen.findByTestId('side-request-decision');
    expect(within(decision).getByTestId('decide-grant')).toBeTruthy();
    expect(within(decision).getByText('部分同意').closest('button')?.disabled).toBe(true); // until a date is picked
    expect(within(decision).getByText('不同意')).toBeTruthy();
  });
});

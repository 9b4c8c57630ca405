import { fireEvent, screen } from '@testing-library/react';
import { renderAs, USERS } from '../../task-work/test-providers';
import { TASK_INSTRUCTIONS } from '../instruction.graphql';
import { TaskInstructionsPanel } from './TaskInstructionsPanel';

jest.mock('@ant-design/icons', () => new Proxy({}, { get: () => () => null }));

const person = (id: string, name: string) => ({ __typename: 'TaskActor', id, name });
const instruction = (extra: Record<string, unknown> = {}) => ({
  __typename: 'LeaderInstruction',
  id: 'i1',
  taskId: 't1',
  taskCode: '1.2',
  taskTitle: '推进工业企业技术改造',
  number: '省领导批示〔2026〕12号',
  issuedOn: '2026-11-18',
  content: '请抓紧推进，按期完成。',
  tone: 'POSITIVE',
  reopenedTask: false,
  createdAt: '2026-11-18T02:00:00.000Z',
  answer: null,
  answeredAt: null,
  mayAnswer: false,
  createdBy: person('a1', '张领导'),
  answeredBy: null,
  ...extra,
});
const answer = (data: { instructions: unknown[]; annotations?: unknown[]; followedByMe?: boolean }) => ({
  request: { query: TASK_INSTRUCTIONS, variables: { taskId: 't1' } },
  result: { data: { instructions: data.instructions, annotations: data.annotations ?? [], task: { __typename: 'Task', id: 't1', followedByMe: data.followedByMe ?? false } } },
});
const APPROVER = { id: 'a1', email: 'approver@demo.gov', name: '张领导', role: 'APPROVER', department: null } as const;

describe('the 批示 tab', () => {
  it('shows the lead unit each instruction with its number, date and kind, and an answer box', async () => {
    renderAs(USERS.leadStaff, [answer({ instructions: [instruction({ mayAnswer: true })] })], <TaskInstructionsPanel task={{ id: 't1', stage: 'IMPLEMENTATION' }} />);
    expect(await screen.findByText('省领导批示〔2026〕12号')).toBeTruthy();
    expect(screen.getByText('2026-11-18')).toBeTruthy();
    expect(screen.getByText('表扬性批示')).toBeTruthy();
    expect(screen.getByTestId('answer-input')).toBeTruthy();
    // Staff neither attach instructions, nor follow, nor remark.
    expect(screen.queryByTestId('issue-instruction-form')).toBeNull();
    expect(screen.queryByTestId('follow-toggle')).toBeNull();
    expect(screen.queryByTestId('annotate-input')).toBeNull();
  });

  it('shows an answer as sent, and an unanswered one to others as awaiting', async () => {
    renderAs(
      USERS.coordinator,
      [answer({ instructions: [instruction({ answer: '已部署落实', answeredAt: '2026-11-19T08:00:00.000Z', answeredBy: person('u1', '王牵头') }), instruction({ id: 'i2', number: '2号' })] })],
      <TaskInstructionsPanel task={{ id: 't1', stage: 'IMPLEMENTATION' }} />,
    );
    expect(await screen.findByText('已部署落实')).toBeTruthy();
    expect(screen.getByText(/王牵头 于 2026-11-19/)).toBeTruthy();
    expect(screen.getByText('待牵头单位回复')).toBeTruthy();
    expect(screen.queryByTestId('answer-input')).toBeNull();
    // The office follows tasks but neither instructs nor remarks.
    expect(screen.getByTestId('follow-toggle').getAttribute('data-following')).toBe('false');
    expect(screen.queryByTestId('issue-instruction-form')).toBeNull();
  });

  it('gives leaders the form, the follow toggle and the remark box, and warns that finished work reopens', async () => {
    renderAs(
      APPROVER,
      [answer({ instructions: [], followedByMe: true, annotations: [{ __typename: 'TaskAnnotation', id: 'n1', content: '请督查室每周跟踪', createdAt: '2026-11-18T02:00:00.000Z', author: person('a1', '张领导') }] })],
      <TaskInstructionsPanel task={{ id: 't1', stage: 'COMMENDATION' }} />,
    );
    expect(await screen.findByText('暂无领导批示')).toBeTruthy();
    expect(screen.getByTestId('issue-instruction-form')).toBeTruthy();
    expect(screen.getByText('该任务已办结，添加批示将使其重新进入实施阶段')).toBeTruthy();
    expect(screen.getByTestId('follow-toggle').getAttribute('data-following')).toBe('true');
    expect(screen.getByTestId('follow-toggle').textContent).toBe('取消关注');
    expect(screen.getByText('请督查室每周跟踪')).toBeTruthy();
    fireEvent.change(screen.getByTestId('annotate-input'), { target: { value: '注意衔接' } });
    expect((screen.getByTestId('annotate-input') as HTMLInputElement).value).toBe('注意衔接');
  });

  it('tells leaders a closed task takes no more instructions', async () => {
    renderAs(APPROVER, [answer({ instructions: [] })], <TaskInstructionsPanel task={{ id: 't1', stage: 'ARCHIVED' }} />);
    expect(await screen.findByText('任务已关闭，不能再添加批示')).toBeTruthy();
    expect(screen.queryByTestId('issue-instruction-form')).toBeNull();
  });
});

import { MockedProvider } from '@apollo/client/testing/react';
import { TASK_MACHINE_VERSION, type BoardStage } from '@workplan/shared';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { GraphQLError } from 'graphql';
import { I18nProvider } from '../../../i18n/i18n';
import { TRANSITION_TASK, type CardTask } from '../graphql/board.graphql';
import { overlayColumn } from '../utils/pending-moves';
import { BoardRefreshProvider } from './board-refresh';
import { TaskMovesProvider, useTaskMoves } from './task-moves';

const task: CardTask = {
  id: 't1',
  code: '1.3',
  title: '推进技术改造',
  stage: 'REVIEW',
  subState: null,
  version: 4,
  dueDate: null,
  overdue: false,
  returnCount: 0,
  rectificationCount: 0,
  outcome: null,
  planId: null,
  progressReportCount: 0,
  openFindingCount: 0,
  openMajorFindingCount: 0,
  lateReportCount: 0,
  reportsDueSoonCount: 0,
  light: 'GREEN',
  lightReasons: [],
  pointsBehind: null,
  percentDone: null,
  leadDepartment: { id: 'd1', name: '省科技厅' },
  cooperatingDepartments: [],
  assignmentRollup: { units: 1, signed: 1, reported: 0, passed: 0, returned: 0, sentBack: 0 },
  urgent: false,
  keyTask: false,
  unsignedReminderCount: 0,
  snapshot: {
    machineId: 'task',
    machineVersion: TASK_MACHINE_VERSION,
    value: 'REVIEW',
    context: { leadDepartmentId: 'd1', cooperatingDepartmentIds: [], origin: 'PROPOSED', rectificationCount: 0, returnCount: 0, outcome: null },
  },
};

/** Two columns as the board draws them: the server's cards with the pending moves laid over. */
function Columns() {
  const { pending, requestMove } = useTaskMoves();
  const columns: BoardStage[] = ['REVIEW', 'APPROVAL', 'PROPOSAL'];
  return (
    <>
      {columns.map((stage) => (
        <ul key={stage} data-testid={stage}>
          {overlayColumn(stage, stage === 'REVIEW' ? [task] : [], pending).map((t) => (
            <li key={t.id}>{t.code}</li>
          ))}
        </ul>
      ))}
      <button onClick={() => requestMove(task, { event: 'ACCEPT', toStage: 'APPROVAL', needsComment: false })}>accept</button>
      <button onClick={() => requestMove(task, { event: 'RETURN', toStage: 'PROPOSAL', needsComment: true })}>return</button>
    </>
  );
}

function renderWith(mocks: ConstructorParameters<typeof Object>[0]) {
  return render(
    <I18nProvider language="zh-CN">
      <AntApp>
        <MockedProvider mocks={mocks as never}>
          <BoardRefreshProvider>
            <TaskMovesProvider>
              <Columns />
            </TaskMovesProvider>
          </BoardRefreshProvider>
        </MockedProvider>
      </AntApp>
    </I18nProvider>,
  );
}

const transitionMock = (event: string, comment: string | null, result: { errors?: GraphQLError[]; task?: CardTask }) => ({
  request: {
    query: TRANSITION_TASK,
    variables: (vars: { input: { taskId: string; event: string; expectedVersion: number; comment: string | null } }) =>
      vars.input.taskId === 't1' && vars.input.event === event && vars.input.expectedVersion === 4 && vars.input.comment === comment,
  },
  delay: 50,
  result: result.errors ? { errors: result.errors } : { data: { transitionTask: { __typename: 'TransitionResult', replayed: false, task: result.task } } },
});

const codesIn = (stage: string) => Array.from(screen.getByTestId(stage).querySelectorAll('li')).map((li) => li.textContent);

describe('moving a card', () => {
  it('shows the move at once, and rolls it back with a clear message on VERSION_CONFLICT', async () => {
    renderWith([transitionMock('ACCEPT', null, { errors: [new GraphQLError('changed', { extensions: { code: 'VERSION_CONFLICT' } })] })]);
    fireEvent.click(screen.getByText('accept'));
    // Optimistic: in approval before the server answers.
    expect(codesIn('APPROVAL')).toEqual(['1.3']);
    expect(codesIn('REVIEW')).toEqual([]);
    await screen.findByText('该任务已被他人更新，已为您刷新，请重试');
    expect(codesIn('REVIEW')).toEqual(['1.3']);
    expect(codesIn('APPROVAL')).toEqual([]);
  });

  it.each([
    ['FORBIDDEN', '您没有权限执行此操作'],
    ['TRANSITION_NOT_ALLOWED', '当前阶段不能执行此操作'],
  ])('rolls back on %s', async (code, text) => {
    renderWith([transitionMock('ACCEPT', null, { errors: [new GraphQLError('no', { extensions: { code } })] })]);
    fireEvent.click(screen.getByText('accept'));
    await screen.findByText(text);
    expect(codesIn('REVIEW')).toEqual(['1.3']);
  });

  it('asks for a comment before RETURN, refuses an empty one, then sends it', async () => {
    renderWith([transitionMock('RETURN', '请补充指标', { task: { ...task, stage: 'PROPOSAL', version: 5, snapshot: { ...task.snapshot, value: 'PROPOSAL' } } })]);
    fireEvent.click(screen.getByText('return'));
    const textarea = await screen.findByPlaceholderText('说明理由，例如需要补充的内容');
    expect(codesIn('PROPOSAL')).toEqual([]); // nothing moves before the comment
    fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '请填写意见');
    fireEvent.change(textarea, { target: { value: '请补充指标' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }));
    });
    expect(codesIn('PROPOSAL')).toEqual(['1.3']);
    await screen.findByText('已退回修改：推进技术改造');
  });
});

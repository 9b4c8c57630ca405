import { TASK_MACHINE_VERSION, type Light, type LightReason, type TaskStage } from '@workplan/shared';
import { act, cleanup, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nProvider } from '../../../i18n/i18n';
import { TaskCard } from '../../board/components/TaskCard';
import { TaskDrawer } from '../../board/components/TaskDrawer';
import { TASK_DETAIL, type CardTask } from '../../board/graphql/board.graphql';
import { BoardRefreshProvider } from '../../board/hooks/board-refresh';
import { TaskMovesProvider } from '../../board/hooks/task-moves';
import { USERS, renderAs } from '../../task-work/test-providers';
import { LightDot, LightTag } from './TaskLight';

// antd renders slowly in jsdom, more so on a busy machine: wait up to 5 s, not 1.
configure({ asyncUtilTimeout: 5000 });

// @ant-design/icons ships ESM that this jest setup does not transform.
jest.mock('@ant-design/icons', () => ({ MoreOutlined: () => null, PaperClipOutlined: () => null, UploadOutlined: () => null }));

const card = (light: Light, lightReasons: LightReason[], over: Partial<CardTask> = {}): CardTask => ({
  id: 't1',
  code: '2.3.1',
  title: '推进工业企业技术改造',
  stage: 'IMPLEMENTATION',
  subState: null,
  version: 3,
  dueDate: '2026-06-30',
  overdue: lightReasons.includes('OVERDUE'),
  returnCount: 0,
  rectificationCount: 0,
  outcome: null,
  planId: 'p1',
  progressReportCount: 1,
  openFindingCount: 0,
  openMajorFindingCount: 0,
  lateReportCount: lightReasons.includes('REPORT_MISSED') ? 1 : 0,
  reportsDueSoonCount: 0,
  light,
  lightReasons,
  pointsBehind: null,
  percentDone: null,
  leadDepartment: { id: 'd-lead', name: '省经济和信息化委' },
  cooperatingDepartments: [],
  snapshot: {
    machineId: 'task',
    machineVersion: TASK_MACHINE_VERSION,
    value: (over.stage ?? 'IMPLEMENTATION') as TaskStage,
    context: { leadDepartmentId: 'd-lead', cooperatingDepartmentIds: [], origin: 'ASSIGNED', rectificationCount: 0, returnCount: 0, outcome: null },
  } as CardTask['snapshot'],
  assignmentRollup: { units: 1, signed: 1, reported: 0, passed: 0, returned: 0, sentBack: 0 },
  urgent: false,
  keyTask: false,
  unsignedReminderCount: 0,
  ...over,
});

async function showCard(task: CardTask) {
  renderAs(
    USERS.coordinator,
    [],
    <BoardRefreshProvider>
      <TaskMovesProvider>
        <TaskCard task={task} laneId={null} onOpen={() => undefined} />
      </TaskMovesProvider>
    </BoardRefreshProvider>,
  );
  return screen.findByTestId('task-card');
}

/** Hovers the dot and returns the tooltip antd opens for it. */
async function hoverTooltip(dot: HTMLElement) {
  await act(async () => {
    fireEvent.mouseEnter(dot);
  });
  return screen.findByTestId('task-light-tooltip');
}

describe('a card’s warning light', () => {
  it('is a red dot named for screen readers, its reasons in the tooltip, with the points behind pace', async () => {
    const element = await showCard(card('RED', ['OVERDUE', 'FAR_BEHIND_PACE', 'REPORT_MISSED'], { pointsBehind: 35, percentDone: 15 }));
    const dot = within(element).getByRole('img', { name: '红灯：已超期、进度严重滞后 35 个百分点、报告未交' });
    expect(dot.getAttribute('data-light')).toBe('RED');
    expect(dot.className).toContain('light-dot--RED');
    // The card itself says so too: a focused card is read by its own name.
    expect(element.getAttribute('aria-label')).toBe('2.3.1 推进工业企业技术改造 · 红灯：已超期、进度严重滞后 35 个百分点、报告未交');

    const tooltip = await hoverTooltip(dot);
    expect(tooltip.textContent).toContain('红灯');
    expect(Array.from(tooltip.querySelectorAll('li')).map((li) => li.textContent)).toEqual(['已超期', '进度严重滞后 35 个百分点', '报告未交']);
  });

  it('is amber for the yellow reasons: due soon, behind pace, report missed, stale', async () => {
    const element = await showCard(card('YELLOW', ['DUE_SOON', 'BEHIND_PACE', 'REPORT_MISSED', 'STALE'], { pointsBehind: 12 }));
    const dot = within(element).getByTestId('task-light');
    expect(dot.getAttribute('data-light')).toBe('YELLOW');
    expect(dot.getAttribute('aria-label')).toBe('黄灯：临期、进度滞后 12 个百分点、报告未交、长期未更新');
    const tooltip = await hoverTooltip(dot);
    expect(Array.from(tooltip.querySelectorAll('li')).map((li) => li.textContent)).toEqual(['临期', '进度滞后 12 个百分点', '报告未交', '长期未更新']);
  });

  it('is a faint green ring while work is under way, with nothing to announce', async () => {
    const element = await showCard(card('GREEN', []));
    const dot = within(element).getByRole('img', { name: '绿灯：进展正常' });
    expect(dot.className).toContain('light-dot--subtle');
    expect(element.getAttribute('aria-label')).toBe('2.3.1 推进工业企业技术改造'); // nothing to announce
  });

  it('is not drawn on a card in inspection (its light is always green there)', async () => {
    const element = await showCard(card('GREEN', [], { stage: 'INSPECTION' }));
    expect(within(element).queryByTestId('task-light')).toBeNull();
  });

  it('sits beside small 急 / 重点 tags and the count of slips not yet signed for, none of them on a plain card', async () => {
    const flagged = await showCard(card('RED', ['OVERDUE'], { urgent: true, keyTask: true, unsignedReminderCount: 2 }));
    expect(within(flagged).getByTestId('chip-urgent').textContent).toBe('急');
    expect(within(flagged).getByTestId('chip-key-task').textContent).toBe('重点');
    expect(within(flagged).getByTestId('chip-reminders').textContent).toBe('催办 2');
    cleanup();
    const plain = await showCard(card('GREEN', []));
    for (const id of ['chip-urgent', 'chip-key-task', 'chip-reminders']) expect(within(plain).queryByTestId(id)).toBeNull();
  });

  it('speaks English too', async () => {
    render(
      <I18nProvider language="en">
        <LightDot facts={{ light: 'RED', lightReasons: ['OVERDUE', 'BEHIND_PACE'], pointsBehind: 12 }} />
        <LightTag facts={{ light: 'YELLOW', lightReasons: ['REPORT_MISSED', 'STALE'], pointsBehind: null }} />
      </I18nProvider>,
    );
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Red light: Overdue, 12 points behind pace');
    expect(screen.getByTestId('drawer-light').textContent).toBe('Yellow · Progress report missing, No update for a long time');
  });
});

describe('the task drawer', () => {
  const detail = (over: Partial<CardTask>) => ({
    task: {
      __typename: 'Task',
      ...card('RED', ['OVERDUE', 'BEHIND_PACE'], { pointsBehind: 18, percentDone: 40 }),
      leadDepartment: { __typename: 'Department', id: 'd-lead', name: '省经济和信息化委' },
      ...over,
      description: '',
      origin: 'ASSIGNED',
      createdAt: '2026-01-05T00:00:00.000Z',
      plan: { __typename: 'Plan', id: 'p1', title: '技术改造三年行动计划' },
      history: [],
      urgent: false,
      keyTask: false,
      originalDueDate: null,
      outcomeSuggestion: null,
    },
  });
  const open = (over: Partial<CardTask> = {}) =>
    renderAs(
      USERS.coordinator,
      [{ request: { query: TASK_DETAIL, variables: { id: 't1' } }, result: { data: detail(over) } }],
      <BoardRefreshProvider>
        <TaskMovesProvider>
          <TaskDrawer taskId="t1" onClose={() => undefined} />
        </TaskMovesProvider>
      </BoardRefreshProvider>,
    );

  it('shows the light with its reasons, the percent done and how it compares with the pace', async () => {
    open();
    const light = await screen.findByTestId('drawer-light');
    expect(light.getAttribute('data-light')).toBe('RED');
    expect(light.textContent).toBe('红灯 · 已超期、进度滞后 18 个百分点');
    expect(screen.getByTestId('drawer-percent-done').textContent).toContain('40%');
    expect(screen.getByTestId('drawer-pace').textContent).toBe('落后序时进度 18 个百分点');
  });

  it('says when no percent has been reported', async () => {
    open({ light: 'GREEN', lightReasons: [], pointsBehind: null, percentDone: null });
    expect((await screen.findByTestId('drawer-light')).textContent).toBe('绿灯');
    expect(screen.getByText('尚未报告完成进度')).toBeTruthy();
    expect(screen.queryByTestId('drawer-percent-done')).toBeNull();
  });
});

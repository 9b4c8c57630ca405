import type { MockLink } from '@apollo/client/testing';
import { TASK_MACHINE_VERSION, periodOf, todayIn, type Light, type LightReason } from '@workplan/shared';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { BOARD_OPTIONS } from '../../board/graphql/board.graphql';
import { BoardRefreshProvider } from '../../board/hooks/board-refresh';
import { USERS, renderAs } from '../../task-work/test-providers';
import { WATCH_LIST, type WatchedTask, type WatchList as WatchListData, type WatchListVars } from '../graphql/supervision.graphql';
import { WatchList } from './WatchListPage';

// antd tables render slowly in jsdom, more so on a busy machine: wait up to 5 s, not 1.
configure({ asyncUtilTimeout: 5000 });

// @ant-design/icons ships ESM that this jest setup does not transform; only the ledger's export button draws one.
jest.mock('@ant-design/icons', () => ({ DownloadOutlined: () => null }));

const department = (id: string, code: string, name: string) => ({ __typename: 'Department', id, code, name, level: 'province' });
const DEPARTMENTS = [department('d-jxw', 'jxw', '省经济和信息化委'), department('d-kjt', 'kjt', '省科技厅')];
const PLANS = [
  { __typename: 'Plan', id: 'p1', title: '技术改造三年行动计划' },
  { __typename: 'Plan', id: 'p2', title: '工业转型升级规划' },
];

const optionsMock: MockLink.MockedResponse = { request: { query: BOARD_OPTIONS }, result: { data: { plans: PLANS, departments: DEPARTMENTS } } };

const task = (id: string, code: string, light: Light, lightReasons: LightReason[], over: Partial<WatchedTask> = {}): WatchedTask & { __typename: 'Task' } => ({
  __typename: 'Task',
  id,
  code,
  title: `任务 ${code}`,
  stage: 'IMPLEMENTATION',
  subState: null,
  version: 1,
  dueDate: '2026-06-30',
  overdue: lightReasons.includes('OVERDUE'),
  returnCount: 0,
  rectificationCount: 0,
  outcome: null,
  planId: 'p1',
  progressReportCount: 0,
  openFindingCount: 0,
  openMajorFindingCount: 0,
  lateReportCount: 0,
  reportsDueSoonCount: 0,
  light,
  lightReasons,
  pointsBehind: null,
  percentDone: null,
  leadDepartment: { __typename: 'Department', id: 'd-jxw', name: '省经济和信息化委' } as WatchedTask['leadDepartment'],
  cooperatingDepartments: [],
  snapshot: { machineId: 'task', machineVersion: TASK_MACHINE_VERSION, value: 'IMPLEMENTATION', context: {} } as unknown as WatchedTask['snapshot'],
  plan: { __typename: 'Plan', id: 'p1', title: '技术改造三年行动计划' } as WatchedTask['plan'],
  assignmentRollup: { __typename: 'AssignmentRollup', units: 1, signed: 1, reported: 0, passed: 0, returned: 0, sentBack: 0 } as WatchedTask['assignmentRollup'],
  urgent: false,
  keyTask: false,
  unsignedReminderCount: 0,
  ...over,
});

const LATE = task('t1', '1.1', 'RED', ['OVERDUE', 'REPORT_MISSED']);
const LATE_AND_SLOW = task('t2', '1.2', 'RED', ['OVERDUE', 'FAR_BEHIND_PACE'], { pointsBehind: 40, percentDone: 10 });
const SOON = task('t3', '2.1', 'YELLOW', ['DUE_SOON'], { dueDate: '2026-11-25' });
const KJT_SOON = task('t4', '3.1', 'YELLOW', ['DUE_SOON'], { leadDepartment: { __typename: 'Department', id: 'd-kjt', name: '省科技厅' } as WatchedTask['leadDepartment'] });

const watchList = (groups: Partial<WatchListData>) => ({
  watchList: { __typename: 'WatchList', overdue: [], dueSoon: [], behindPace: [], reportsMissed: [], stale: [], reportsReturned: [], signedLate: [], ...groups },
});

/** Answers every watch-list query with `answer(variables)` and records the variables. */
function watchServer(answer: (vars: WatchListVars) => ReturnType<typeof watchList>) {
  const asked: WatchListVars[] = [];
  const mock: MockLink.MockedResponse = {
    request: { query: WATCH_LIST, variables: () => true },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: (vars: WatchListVars) => {
      asked.push(vars);
      return { data: answer(vars) };
    },
  };
  return { mock, asked };
}

function show(mocks: MockLink.MockedResponse[], onOpen: (id: string) => void = () => undefined) {
  return renderAs(
    USERS.coordinator,
    [optionsMock, ...mocks],
    <BoardRefreshProvider>
      <WatchList onOpen={onOpen} />
    </BoardRefreshProvider>,
  );
}

const group = (name: string) => screen.getByTestId(`watch-group-${name}`);
const rowsOf = (name: string) => within(group(name)).queryAllByTestId('watch-row');

/** Opens an antd Select, types `search` if given, and clicks the option titled `label`. */
async function pick(testId: string, label: string, search?: string) {
  const select = screen.getByTestId(testId);
  const combobox = within((select.closest('.ant-select') ?? select) as HTMLElement).getByRole('combobox');
  fireEvent.mouseDown(combobox);
  if (search) fireEvent.change(combobox, { target: { value: search } });
  const option = await waitFor(() => {
    const found = Array.from(document.querySelectorAll<HTMLElement>('.ant-select-item-option')).find((el) => el.getAttribute('title') === label);
    if (!found) throw new Error(`no option ${label}`);
    return found;
  });
  fireEvent.click(option);
}

beforeEach(() => history.replaceState(null, '', '/watch'));

describe('the watch list (督办)', () => {
  it('shows the five groups with their counts, each row with its light, code, lead department, due date and reasons', async () => {
    const server = watchServer(() => watchList({ overdue: [LATE, LATE_AND_SLOW], dueSoon: [SOON], behindPace: [LATE_AND_SLOW], reportsMissed: [LATE] }));
    const opened: string[] = [];
    show([server.mock], (id) => opened.push(id));
    await screen.findByTestId('watch-group-overdue');
    expect(server.asked[0]).toEqual({ planId: null, departmentId: null });

    expect(['overdue', 'dueSoon', 'behindPace', 'reportsMissed', 'stale'].map((g) => group(g).getAttribute('data-count'))).toEqual(['2', '1', '1', '1', '0']);
    expect(within(group('overdue')).getByText('超期')).toBeTruthy();
    expect(within(group('stale')).getByText('长期未更新')).toBeTruthy();
    expect(within(group('stale')).getByText('无')).toBeTruthy();

    const [first, second] = rowsOf('overdue');
    expect(first.getAttribute('data-light')).toBe('RED');
    expect(within(first).getByRole('img').getAttribute('aria-label')).toBe('红灯：已超期、报告未交');
    expect(first.textContent).toContain('1.1');
    expect(first.textContent).toContain('任务 1.1');
    expect(first.textContent).toContain('技术改造三年行动计划'); // which plan: codes repeat across plans
    expect(first.textContent).toContain('省经济和信息化委');
    expect(first.textContent).toContain('2026-06-30');
    expect(Array.from(second.querySelectorAll('[data-reason]')).map((t) => t.textContent)).toEqual(['已超期', '进度严重滞后 40 个百分点']);
    expect(within(rowsOf('dueSoon')[0]).getByRole('img').getAttribute('aria-label')).toBe('黄灯：临期');

    // The summary jumps to each group and counts it.
    expect(screen.getByTestId('watch-jump-overdue').textContent).toBe('超期 2');
    expect(screen.getByTestId('watch-jump-stale').hasAttribute('disabled')).toBe(true);

    fireEvent.click(within(rowsOf('behindPace')[0]).getByText('任务 1.2'));
    expect(opened).toEqual(['t2']);
    fireEvent.keyDown(rowsOf('dueSoon')[0], { key: 'Enter' });
    expect(opened).toEqual(['t2', 't3']);
  });

  it('asks again for one department (lead or cooperating) and one plan, and keeps both in the address', async () => {
    const server = watchServer((vars) => watchList(vars.departmentId === 'd-kjt' ? { dueSoon: [KJT_SOON] } : { overdue: [LATE], dueSoon: [SOON, KJT_SOON] }));
    show([server.mock]);
    await waitFor(() => expect(rowsOf('dueSoon')).toHaveLength(2));

    await pick('watch-department', '省科技厅', '科技');
    await waitFor(() => expect(server.asked.at(-1)).toEqual({ planId: null, departmentId: 'd-kjt' }));
    await waitFor(() => expect(rowsOf('dueSoon')).toHaveLength(1));
    expect(group('overdue').getAttribute('data-count')).toBe('0');
    expect(location.search).toBe('?dept=kjt');

    await pick('watch-plan', '工业转型升级规划');
    await waitFor(() => expect(server.asked.at(-1)).toEqual({ planId: 'p2', departmentId: 'd-kjt' }));
    expect(new URLSearchParams(location.search).get('plan')).toBe('p2');
  });

  it('takes the department from a link (the board’s first one) once the departments are known', async () => {
    history.replaceState(null, '', '/watch?dept=kjt,jxw&q=技改');
    const server = watchServer(() => watchList({ dueSoon: [KJT_SOON] }));
    show([server.mock]);
    await waitFor(() => expect(rowsOf('dueSoon')).toHaveLength(1));
    expect(server.asked).toEqual([{ planId: null, departmentId: 'd-kjt' }]); // never everything first
    expect(screen.getByTestId('watch-department').closest('.ant-select')?.textContent).toContain('省科技厅');
  });

  it('says so when nothing needs chasing', async () => {
    const server = watchServer(() => watchList({}));
    show([server.mock]);
    expect(await screen.findByText('暂无需要督办的事项')).toBeTruthy();
    expect(screen.queryByTestId('watch-group-overdue')).toBeNull();
  });

  it('links to this quarter’s bulletin of the chosen plan and exports its supervision ledger', async () => {
    const quarter = periodOf(todayIn(), 'QUARTER');
    const server = watchServer(() => watchList({}));
    show([server.mock]);
    await screen.findByTestId('watch-empty');
    // Without a plan there is no bulletin to open; the ledger spans every plan.
    expect(screen.getByTestId('watch-bulletin').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('watch-export-ledger').textContent).toBe('导出督办台账');
    await pick('watch-plan', '技术改造三年行动计划');
    await waitFor(() => expect(screen.getByTestId('watch-bulletin').getAttribute('href')).toBe(`/bulletin?plan=p1&period=${quarter}`));
    expect(screen.getByTestId('watch-bulletin').textContent).toBe('督办通报');
  });

  it('offers neither to department staff', async () => {
    const server = watchServer(() => watchList({}));
    renderAs(USERS.leadStaff, [optionsMock, server.mock], <BoardRefreshProvider><WatchList onOpen={() => undefined} /></BoardRefreshProvider>);
    await screen.findByTestId('watch-empty');
    expect(screen.queryByTestId('watch-bulletin')).toBeNull();
    expect(screen.queryByTestId('watch-export-ledger')).toBeNull();
  });
});

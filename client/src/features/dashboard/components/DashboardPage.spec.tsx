import { MockedProvider } from '@apollo/client/testing/react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { RefObject } from 'react';
import { I18nProvider } from '../../../i18n/i18n';
import { STAGE_NAMES } from '../../../i18n/messages';
import type { ChartOption } from '../charts/echarts';
import { DASHBOARD_PLANS, DEPARTMENT_RANKING, PLAN_DASHBOARD, type DashboardIndicator, type PlanDashboard } from '../graphql/dashboard.graphql';
import { DashboardPage, exportPaths } from './DashboardPage';

// ECharts needs a canvas: the hook is mocked and the options it is given are checked instead.
const mockUseECharts = jest.fn<void, [RefObject<HTMLElement | null>, ChartOption]>();
jest.mock('../charts/use-echarts', () => ({ useECharts: (...args: [RefObject<HTMLElement | null>, ChartOption]) => mockUseECharts(...args) }));
// @ant-design/icons ships ESM that this jest setup does not transform.
jest.mock('@ant-design/icons', () => ({ ReloadOutlined: () => null, DownloadOutlined: () => null }));

/** The last option drawn into the chart inside the card with this test id. */
function optionIn(testId: string): ChartOption {
  const card = screen.getByTestId(testId);
  const call = [...mockUseECharts.mock.calls].reverse().find(([ref]) => ref.current && card.contains(ref.current));
  if (!call) throw new Error(`no chart drawn in ${testId}`);
  return call[1];
}

const dept = (id: string, name: string) => ({ __typename: 'Department', id, code: id, name });
const lane = (id: string, name: string, counts: number[]) => ({
  __typename: 'BoardLane',
  department: dept(id, name),
  totalCount: counts.reduce((a, b) => a + b, 0),
  columns: ['PROPOSAL', 'REVIEW', 'APPROVAL', 'IMPLEMENTATION', 'INSPECTION', 'COMMENDATION'].map((stage, i) => ({ __typename: 'StageCount', stage, totalCount: counts[i] ?? 0 })),
});

const indicator = (id: string, name: string, progress: number | null, paceStatus: DashboardIndicator['paceStatus'], expectedPace = 0.5): DashboardIndicator & { __typename: string } => ({
  __typename: 'Indicator',
  id,
  name,
  unit: '亿元',
  baselineYear: 2025,
  baselineValue: 100,
  summaryGoal: null,
  targets: [{ __typename: 'YearValue', year: 2026, value: 200 } as never],
  actuals: progress === null ? [] : [{ __typename: 'YearValue', year: 2026, value: 100 + progress * 100 } as never],
  allocationChecks: [],
  progress,
  expectedPace,
  paceStatus,
});

const STAGE_COUNTS = [3, 5, 2, 20, 4, 1];
const ZH_STAGES = (['PROPOSAL', 'REVIEW', 'APPROVAL', 'IMPLEMENTATION', 'INSPECTION', 'COMMENDATION'] as const).map((s) => STAGE_NAMES['zh-CN'][s]);

function dashboardData(planId: string | null, overrides: Partial<PlanDashboard> = {}): { planDashboard: PlanDashboard & { __typename: string } } {
  return {
    planDashboard: {
      __typename: 'PlanDashboard',
      planId,
      taskCount: 35,
      stages: ['PROPOSAL', 'REVIEW', 'APPROVAL', 'IMPLEMENTATION', 'INSPECTION', 'COMMENDATION'].map((stage, i) => ({ __typename: 'StageCount', stage, totalCount: STAGE_COUNTS[i] })) as never,
      departments: [lane('kjt', '省科技厅', [1, 2, 0, 5, 1, 0]), lane('jxw', '省经济和信息化委', [2, 3, 2, 15, 3, 1])] as never,
      overdueTasks: 7,
      lateReports: 2,
      reportsDueSoon: 4,
      openFindings: 9,
      openMajorFindings: 3,
      overdueFindings: 1,
      indicators: planId ? [indicator('i1', '工业投资', 0.62, 'AHEAD'), indicator('i2', '技改投资', 0.1, 'FAR_BEHIND'), indicator('i3', '新增企业', null, null)] : [],
      ...overrides,
    },
  };
}

const plansMock = {
  request: { query: DASHBOARD_PLANS },
  result: { data: { plans: [{ __typename: 'Plan', id: 'p1', title: '技术改造三年行动计划' }] } },
};
const dashboardMock = (planId: string | null, data = dashboardData(planId)) => ({
  request: { query: PLAN_DASHBOARD, variables: (vars: { planId: string | null }) => vars.planId === planId },
  result: { data },
});
const rankingMock = (period: string) => ({
  request: { query: DEPARTMENT_RANKING, variables: (vars: { planId: string; period: string }) => vars.planId === 'p1' && vars.period === period },
  result: {
    data: {
      departmentRanking: [
        { __typename: 'DepartmentRanking', rank: 1, department: dept('jxw', '省经济和信息化委'), score: 93.5, grade: 'EXCELLENT', taskCount: 26, commended: true, warned: false, demotion: false, reasons: ['TOP_N'] },
        { __typename: 'DepartmentRanking', rank: 2, department: dept('kjt', '省科技厅'), score: 81, grade: 'GOOD', taskCount: 9, commended: false, warned: false, demotion: false, reasons: [] },
        { __typename: 'DepartmentRanking', rank: 3, department: dept('czt', '省财政厅'), score: 52, grade: 'FAIL', taskCount: 4, commended: false, warned: true, demotion: true, reasons: ['BOTTOM_N', 'FAILED'] },
      ],
    },
  },
});

function renderPage(mocks: unknown[], { language = 'zh-CN' as 'zh-CN' | 'en', initialPeriod = '2026-Q3' } = {}) {
  return render(
    <I18nProvider language={language}>
      <AntApp>
        <MockedProvider mocks={mocks as never}>
          <DashboardPage initialPeriod={initialPeriod} />
        </MockedProvider>
      </AntApp>
    </I18nProvider>,
  );
}

describe('DashboardPage', () => {
  beforeEach(() => {
    mockUseECharts.mockClear();
    history.replaceState(null, '', '/dashboard?plan=p1');
  });

  it('shows a skeleton, then the KPIs of the plan in the URL', async () => {
    renderPage([plansMock, dashboardMock('p1'), rankingMock('2026-Q3')]);
    expect(screen.getByTestId('dashboard-page')).toBeTruthy();
    expect(screen.getByTestId('dashboard-loading')).toBeTruthy();
    const overdue = await screen.findByTestId('kpi-overdue-tasks');
    expect(overdue.textContent).toContain('逾期任务');
    expect(overdue.textContent).toContain('7');
    const findings = screen.getByTestId('kpi-open-findings');
    expect(findings.textContent).toContain('未销号问题');
    expect(findings.textContent).toContain('9');
    expect(findings.textContent).toContain('其中严重 3 项');
    expect(screen.getByTestId('kpi-overdue-findings').textContent).toContain('整改逾期');
    expect(screen.getByTestId('kpi-late-reports').textContent).toContain('逾期未报2');
  });

  it('draws tasks per stage with the counts, in process order and stage colours', async () => {
    renderPage([plansMock, dashboardMock('p1'), rankingMock('2026-Q3')]);
    await screen.findByTestId('chart-stages');
    const option = optionIn('chart-stages');
    const xAxis = option.xAxis as { data: string[] };
    expect(xAxis.data).toEqual(ZH_STAGES);
    const series = (option.series as Array<{ data: Array<{ value: number; itemStyle: { color: string } }> }>)[0];
    expect(series.data.map((d) => d.value)).toEqual(STAGE_COUNTS);
    expect(series.data[1].itemStyle.color).toBe('#1677ff'); // --stage-REVIEW
  });

  it('stacks departments by stage, busiest first', async () => {
    renderPage([plansMock, dashboardMock('p1'), rankingMock('2026-Q3')]);
    await screen.findByTestId('chart-departments');
    const option = optionIn('chart-departments');
    expect((option.yAxis as { data: string[] }).data).toEqual(['省经济和信息化委', '省科技厅']);
    const series = option.series as Array<{ name: string; stack: string; data: number[] }>;
    expect(series.map((s) => s.name)).toEqual(ZH_STAGES);
    expect(series.every((s) => s.stack === 'tasks')).toBe(true);
    expect(series[3].data).toEqual([15, 5]);
  });

  it('draws indicator progress coloured by pace status and marks the expected pace', async () => {
    renderPage([plansMock, dashboardMock('p1'), rankingMock('2026-Q3')]);
    await screen.findByTestId('chart-indicators');
    const option = optionIn('chart-indicators');
    const [bars] = option.series as Array<{ data: Array<{ value: number; itemStyle: { color: string } }>; markLine: { data: Array<{ xAxis: number }>; label: { formatter: string } } }>;
    expect(bars.data.map((d) => d.value)).toEqual([62, 10, 0]);
    expect(bars.data.map((d) => d.itemStyle.color)).toEqual(['#389e0d', '#cf1322', '#bfbfbf']);
    expect(bars.markLine.data).toEqual([{ xAxis: 50, name: '序时进度' }]);
    expect(bars.markLine.label.formatter).toBe('序时进度 50%');
    expect(screen.getByTestId('pace-legend').textContent).toContain('严重滞后');
  });

  it('ranks departments for the period with grade and commendation, yellow-card and demotion tags', async () => {
    renderPage([plansMock, dashboardMock('p1'), rankingMock('2026-Q3')]);
    const table = await screen.findByTestId('ranking-table');
    await within(table).findByText('省财政厅');
    const rows = Array.from(table.querySelectorAll('tr.ant-table-row')).map((tr) => tr.textContent);
    expect(rows[0]).toContain('省经济和信息化委');
    expect(rows[0]).toContain('93.5');
    expect(rows[0]).toContain('优秀');
    expect(rows[0]).toContain('表彰');
    expect(rows[1]).toContain('良好');
    expect(rows[2]).toContain('不合格');
    expect(rows[2]).toContain('黄牌警告');
    expect(rows[2]).toContain('降格');
    expect(screen.getByText('2026年第三季度')).toBeTruthy();
  });

  it('asks again for a period it cannot read, and loads a valid one', async () => {
    renderPage([plansMock, dashboardMock('p1'), rankingMock('2026-Q3'), rankingMock('2026-H1')]);
    await screen.findByTestId('ranking-table');
    const input = screen.getByTestId('ranking-period');
    fireEvent.change(input, { target: { value: '2026Q5' } });
    fireEvent.click(screen.getByTestId('ranking-period-apply'));
    expect(screen.getByTestId('ranking-period-invalid').textContent).toContain('请输入如 2026-Q3');
    fireEvent.change(input, { target: { value: ' 2026-h1 ' } });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await screen.findByText('2026年上半年');
    expect(screen.queryByTestId('ranking-period-invalid')).toBeNull();
  });

  it('offers the three exports for the chosen plan', async () => {
    renderPage([plansMock, dashboardMock('p1'), rankingMock('2026-Q3')]);
    await screen.findByTestId('kpi-overdue-tasks');
    expect(screen.getByTestId('export-ledger').textContent).toContain('导出台账');
    expect(screen.getByTestId('export-indicators').textContent).toContain('导出指标');
    expect(screen.getByTestId('export-findings').textContent).toContain('导出问题清单');
    expect(exportPaths('p1')).toEqual({
      ledger: '/export/ledger.xlsx?plan=p1',
      indicators: '/export/indicators.xlsx?plan=p1',
      findings: '/export/findings.xlsx?plan=p1&open=1',
    });
    expect(exportPaths(null)).toEqual({ ledger: '/export/ledger.xlsx', indicators: '/export/indicators.xlsx', findings: '/export/findings.xlsx?open=1' });
  });

  it('downloads the ledger of the chosen plan with the token', async () => {
    localStorage.setItem('workplan.token', 'tok-9');
    const fetchMock = jest.fn(async () => ({ ok: true, status: 200, headers: { get: () => null }, blob: async () => new Blob(['x']) }));
    (globalThis as { fetch?: unknown }).fetch = fetchMock;
    URL.createObjectURL = jest.fn(() => 'blob:1');
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderPage([plansMock, dashboardMock('p1'), rankingMock('2026-Q3')]);
    fireEvent.click(await screen.findByTestId('export-ledger'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(fetchMock).toHaveBeenCalledWith('/export/ledger.xlsx?plan=p1', { headers: { Authorization: 'Bearer tok-9' } });
    click.mockRestore();
    localStorage.clear();
  });

  it('covers all plans when the URL names none: no indicators or ranking', async () => {
    history.replaceState(null, '', '/dashboard');
    renderPage([plansMock, dashboardMock(null)]);
    await screen.findByTestId('kpi-overdue-tasks');
    expect(screen.getByTestId('chart-indicators').textContent).toContain('选择具体方案后查看目标指标');
    expect(screen.getByTestId('ranking-table').textContent).toContain('选择具体方案后查看部门考核排名');
  });

  it('shows empty charts when the plan has no tasks', async () => {
    renderPage([plansMock, dashboardMock('p1', dashboardData('p1', { taskCount: 0, stages: [], departments: [], indicators: [] })), rankingMock('2026-Q3')]);
    await screen.findByTestId('dashboard-empty');
    expect(screen.getByTestId('chart-stages').textContent).toContain('暂无任务');
    expect(screen.getByTestId('chart-indicators').textContent).toContain('该方案暂无目标指标');
  });

  it('shows an error with a retry that loads the dashboard', async () => {
    renderPage([plansMock, { request: { query: PLAN_DASHBOARD, variables: { planId: 'p1' } }, error: new Error('boom') }, dashboardMock('p1'), rankingMock('2026-Q3')]);
    const alert = await screen.findByTestId('dashboard-error');
    expect(alert.textContent).toContain('总览数据加载失败');
    await act(async () => {
      fireEvent.click(within(alert).getByRole('button', { name: /重\s*试/ }));
    });
    await screen.findByTestId('kpi-overdue-tasks');
  });

  it('speaks English', async () => {
    renderPage([plansMock, dashboardMock('p1'), rankingMock('2026-Q3')], { language: 'en' });
    expect((await screen.findByTestId('kpi-overdue-tasks')).textContent).toContain('Overdue tasks');
    expect(screen.getByTestId('export-findings').textContent).toContain('Export findings');
    await waitFor(() => expect(screen.getByTestId('ranking-table').textContent).toContain('Yellow card'));
  });
});

import { DASHBOARD_TEXT } from '../dashboard.messages';
import type { DashboardIndicator, DashboardLane } from '../graphql/dashboard.graphql';
import { departmentChartOption, indicatorChartOption, stageChartOption, topDepartments } from './chart-options';
import { currentQuarter, normalisePeriod } from './period';
import { STAGE_COLOR_FALLBACK } from './stage-colors';

const text = DASHBOARD_TEXT['zh-CN'];
const stageName = (s: string) => s.toLowerCase();

const indicator = (id: string, progress: number | null, expectedPace: number, paceStatus: DashboardIndicator['paceStatus'] = 'ON_PACE'): DashboardIndicator => ({
  id,
  name: `指标${id}`,
  unit: '%',
  baselineYear: 2025,
  baselineValue: 0,
  summaryGoal: null,
  targets: [{ year: 2026, value: 10 }],
  actuals: [],
  allocationChecks: [],
  progress,
  expectedPace,
  paceStatus,
});

const lane = (name: string, total: number): DashboardLane => ({ department: { id: name, code: name, name }, totalCount: total, columns: [{ stage: 'IMPLEMENTATION', totalCount: total }] });

describe('chart options', () => {
  it('stage bars: zero for a stage the server left out', () => {
    const option = stageChartOption([{ stage: 'REVIEW', totalCount: 4 }], { stageName, colors: STAGE_COLOR_FALLBACK, seriesName: 'n' });
    const series = (option.series as Array<{ data: Array<{ value: number }> }>)[0];
    expect(series.data.map((d) => d.value)).toEqual([0, 4, 0, 0, 0, 0]);
  });

  it('departments: the 15 busiest, busiest first', () => {
    const lanes = Array.from({ length: 20 }, (_, i) => lane(`d${String(i).padStart(2, '0')}`, i));
    const top = topDepartments(lanes);
    expect(top).toHaveLength(15);
    expect(top[0].department.name).toBe('d19');
    const option = departmentChartOption(top, { stageName, colors: STAGE_COLOR_FALLBACK });
    expect((option.yAxis as { inverse: boolean; data: string[] }).data[14]).toBe('d05');
  });

  it('indicators: clamps bars to the axis but labels the real figure', () => {
    const option = indicatorChartOption([indicator('a', 3.5, 0.5, 'AHEAD'), indicator('b', -0.2, 0.5, 'FAR_BEHIND')], { text, year: 2026 });
    const [bars] = option.series as Array<{ data: Array<{ value: number; label: { formatter: string } }> }>;
    expect(bars.data.map((d) => d.value)).toEqual([200, 0]);
    expect(bars.data.map((d) => d.label.formatter)).toEqual(['350%', '-20%']);
    expect((option.xAxis as { max: number }).max).toBe(200);
  });

  it('indicators: a tick per bar when their expected paces differ', () => {
    const option = indicatorChartOption([indicator('a', 0.4, 0.5), indicator('b', 0.4, 0.25)], { text, year: 2026 });
    const series = option.series as Array<{ type: string; name: string; data: unknown[]; markLine?: unknown }>;
    expect(series[0].markLine).toBeUndefined();
    expect(series[1]).toMatchObject({ type: 'scatter', name: '序时进度', data: [[50, 0], [25, 1]] });
  });

  it('indicators: the tooltip gives progress, pace, status and the year target', () => {
    const option = indicatorChartOption([indicator('a', 0.4, 0.5, 'BEHIND')], { text, year: 2026 });
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter([{ dataIndex: 0 }]);
    expect(html).toContain('完成进度: 40%');
    expect(html).toContain('序时进度: 50%');
    expect(html).toContain('状态: 滞后');
    expect(html).toContain('2026年目标: 10 %');
  });
});

describe('periods', () => {
  it('defaults to the current quarter', () => {
    expect(currentQuarter('2026-08-15')).toBe('2026-Q3');
    expect(currentQuarter('2026-01-01')).toBe('2026-Q1');
  });
  it.each([
    ['2026-Q3', '2026-Q3'],
    [' 2026-h1 ', '2026-H1'],
    ['2026', '2026'],
    ['2026-Q5', null],
    ['2026Q3', null],
    ['', null],
  ])('%j → %j', (input, period) => {
    expect(normalisePeriod(input)).toBe(period);
  });
});

import { BOARD_STAGES, type BoardStage } from '@workplan/shared';
import type { ChartOption } from '../charts/echarts';
import type { DashboardText } from '../dashboard.messages';
import type { DashboardIndicator, DashboardLane, StageCount } from '../graphql/dashboard.graphql';
import { PACE_COLORS, PACE_LINE_COLOR } from './stage-colors';

/** Pure builders of the dashboard's chart options: what the charts show is tested here, without a canvas. */

type StageName = (stage: string) => string;

const GRID = { outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' } as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const percent = (share: number) => Math.round(share * 1000) / 10;

/** Counts in process order, zero for a stage the server left out. */
export function stageCounts(stages: readonly StageCount[]): Array<{ stage: BoardStage; count: number }> {
  return BOARD_STAGES.map((stage) => ({ stage, count: stages.find((s) => s.stage === stage)?.totalCount ?? 0 }));
}

export function stageChartOption(stages: readonly StageCount[], { stageName, colors, seriesName }: { stageName: StageName; colors: Record<BoardStage, string>; seriesName: string }): ChartOption {
  const counts = stageCounts(stages);
  return {
    grid: { left: 8, right: 8, top: 28, bottom: 8, ...GRID },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: counts.map((c) => stageName(c.stage)), axisTick: { alignWithLabel: true }, axisLabel: { interval: 0, width: 96, overflow: 'truncate' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: seriesName,
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        data: counts.map((c) => ({ value: c.count, itemStyle: { color: colors[c.stage] } })),
      },
    ],
  };
}

/** The busiest lead departments first, at most `limit`. */
export function topDepartments(lanes: readonly DashboardLane[], limit = 15): DashboardLane[] {
  return [...lanes].sort((a, b) => b.totalCount - a.totalCount || a.department.name.localeCompare(b.department.name, 'zh-CN')).slice(0, limit);
}

/** Horizontal stacked bars: one bar per department, one segment per stage. */
export function departmentChartOption(lanes: readonly DashboardLane[], { stageName, colors }: { stageName: StageName; colors: Record<BoardStage, string> }): ChartOption {
  return {
    grid: { left: 8, right: 24, top: 36, bottom: 8, ...GRID },
    legend: { top: 0, type: 'scroll', itemWidth: 12, itemHeight: 10 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: lanes.map((l) => l.department.name), axisLabel: { width: 120, overflow: 'truncate' } },
    series: BOARD_STAGES.map((stage) => ({
      type: 'bar' as const,
      name: stageName(stage),
      stack: 'tasks',
      barMaxWidth: 18,
      emphasis: { focus: 'series' as const },
      itemStyle: { color: colors[stage] },
      data: lanes.map((l) => l.columns.find((c) => c.stage === stage)?.totalCount ?? 0),
    })),
  };
}

export function departmentChartHeight(count: number): number {
  return Math.max(200, count * 28 + 60);
}

export function indicatorChartHeight(count: number): number {
  return Math.max(160, count * 40 + 60);
}

/** The year's target and the latest reported value, for the tooltip. */
function yearFigures(indicator: DashboardIndicator, year: number) {
  const target = indicator.targets.find((t) => t.year === year) ?? [...indicator.targets].sort((a, b) => b.year - a.year)[0] ?? null;
  const actual = [...indicator.actuals].filter((a) => a.year <= (target?.year ?? year)).sort((a, b) => b.year - a.year)[0] ?? null;
  return { target, actual };
}

/**
 * One bar per indicator: its progress in % (coloured by paceStatus, clamped to the axis; the
 * label keeps the real figure), and the expected pace (序时进度) marked — one dashed line when
 * every indicator shares it (the usual case: one plan year), else a tick on each bar.
 */
export function indicatorChartOption(indicators: readonly DashboardIndicator[], { text, year }: { text: DashboardText; year: number }): ChartOption {
  const progress = indicators.map((i) => (i.progress === null ? null : percent(i.progress)));
  const paces = indicators.map((i) => percent(i.expectedPace));
  const axisMax = Math.min(200, Math.max(100, ...progress.map((p) => Math.ceil((p ?? 0) / 10) * 10), ...paces));
  const uniformPace = paces.length > 0 && paces.every((p) => p === paces[0]) ? paces[0] : null;

  const tooltip = (dataIndex: number) => {
    const indicator = indicators[dataIndex];
    if (!indicator) return '';
    const { target, actual } = yearFigures(indicator, year);
    const unit = indicator.unit ? ` ${escapeHtml(indicator.unit)}` : '';
    const lines = [
      `<strong>${escapeHtml(indicator.name)}</strong>`,
      `${text.progress}: ${progress[dataIndex] === null ? text.notMeasured : text.percent(progress[dataIndex]!)}`,
      `${text.expectedPace}: ${text.percent(paces[dataIndex])}`,
    ];
    if (indicator.paceStatus) lines.push(`${text.status}: ${text.paceStatus[indicator.paceStatus]}`);
    if (target) lines.push(`${text.yearTarget(target.year)}: ${target.value}${unit}`);
    if (actual) lines.push(`${text.latestActual} (${actual.year}): ${actual.value}${unit}`);
    return lines.join('<br/>');
  };

  const series: NonNullable<ChartOption['series']> = [
    {
      type: 'bar',
      name: text.progress,
      barMaxWidth: 20,
      data: indicators.map((indicator, index) => {
        const value = progress[index];
        return {
          value: value === null ? 0 : Math.max(0, Math.min(axisMax, value)),
          itemStyle: { color: PACE_COLORS[indicator.paceStatus ?? 'NONE'] },
          label: { show: true, position: 'right', formatter: value === null ? text.notMeasured : text.percent(value) },
        };
      }),
      ...(uniformPace !== null
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { type: 'dashed', color: PACE_LINE_COLOR, width: 1.5 },
              // The y axis runs top-down (inverse), so the line's start is at the top.
              label: { formatter: `${text.expectedPace} ${text.percent(uniformPace)}`, position: 'start' },
              data: [{ xAxis: uniformPace, name: text.expectedPace }],
            },
          }
        : {}),
    },
  ];
  if (uniformPace === null && indicators.length > 0) {
    series.push({
      type: 'scatter',
      name: text.expectedPace,
      symbol: 'rect',
      symbolSize: [3, 24],
      itemStyle: { color: PACE_LINE_COLOR },
      z: 3,
      data: paces.map((pace, index) => [pace, index]),
    });
  }

  return {
    grid: { left: 8, right: 56, top: uniformPace !== null ? 28 : 12, bottom: 8, ...GRID },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        return tooltip(first?.dataIndex ?? -1);
      },
    },
    xAxis: { type: 'value', min: 0, max: axisMax, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: indicators.map((i) => (i.unit ? `${i.name}（${i.unit}）` : i.name)),
      axisLabel: { width: 150, overflow: 'truncate' },
    },
    series,
  };
}

/** Words for a screen reader (and a test) instead of the canvas. */
export function chartSummary(text: DashboardText, title: string, items: Array<[string, string | number]>): string {
  return text.summary(title, items.map(([name, value]) => `${name} ${value}`));
}

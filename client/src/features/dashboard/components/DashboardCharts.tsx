import { PACE_STATUSES } from '@workplan/shared';
import { Alert, Card, Empty, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { EChart } from '../charts/EChart';
import { useDashboardText } from '../dashboard.messages';
import type { DashboardIndicator, DashboardLane, StageCount } from '../graphql/dashboard.graphql';
import {
  chartSummary,
  departmentChartHeight,
  departmentChartOption,
  indicatorChartHeight,
  indicatorChartOption,
  percent,
  stageChartOption,
  stageCounts,
  topDepartments,
} from '../utils/chart-options';
import { PACE_COLORS, stageColors } from '../utils/stage-colors';

export const TOP_DEPARTMENTS = 15;
const CARD_BODY = { body: { padding: '8px 12px 12px' } };

function useStageColors() {
  return useMemo(() => stageColors(), []);
}

export function StageChart({ stages, taskCount, height = 300 }: { stages: StageCount[]; taskCount: number; height?: number }) {
  const text = useDashboardText();
  const { stage: stageName } = useI18n();
  const colors = useStageColors();
  const option = useMemo(() => stageChartOption(stages, { stageName, colors, seriesName: text.taskCountSeries }), [stages, stageName, colors, text]);
  const label = chartSummary(text, text.stagesChart, stageCounts(stages).map((c) => [stageName(c.stage), c.count]));
  return (
    <Card size="small" title={text.stagesChart} data-testid="chart-stages" styles={CARD_BODY} style={{ height: '100%' }}>
      {taskCount === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noTasksAll} /> : <EChart option={option} height={height} label={label} />}
    </Card>
  );
}

export function DepartmentChart({ lanes }: { lanes: DashboardLane[] }) {
  const text = useDashboardText();
  const { stage: stageName } = useI18n();
  const colors = useStageColors();
  const shown = useMemo(() => topDepartments(lanes, TOP_DEPARTMENTS), [lanes]);
  const option = useMemo(() => departmentChartOption(shown, { stageName, colors }), [shown, stageName, colors]);
  const label = chartSummary(text, text.departmentsChart, shown.map((l) => [l.department.name, l.totalCount]));
  return (
    <Card
      size="small"
      title={text.departmentsChart}
      extra={lanes.length > TOP_DEPARTMENTS ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{text.topDepartments(shown.length, lanes.length)}</Typography.Text> : undefined}
      data-testid="chart-departments"
      styles={CARD_BODY}
      style={{ height: '100%' }}
    >
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noDepartments} />
      ) : (
        <EChart option={option} height={departmentChartHeight(shown.length)} label={label} />
      )}
    </Card>
  );
}

export function IndicatorChart({ planId, indicators, year }: { planId: string | null; indicators: DashboardIndicator[]; year: number }) {
  const text = useDashboardText();
  const option = useMemo(() => indicatorChartOption(indicators, { text, year }), [indicators, text, year]);
  const mismatched = indicators.filter((i) => i.allocationChecks.some((c) => !c.ok));
  const label = chartSummary(
    text,
    text.indicatorsChart,
    indicators.map((i) => [i.name, i.progress === null ? text.notMeasured : `${text.percent(percent(i.progress))} / ${text.expectedPace} ${text.percent(percent(i.expectedPace))}`]),
  );
  let body;
  if (!planId) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.indicatorsNeedPlan} />;
  else if (indicators.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noIndicators} />;
  else
    body = (
      <>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>{text.indicatorsHint}</Typography.Paragraph>
        <EChart option={option} height={indicatorChartHeight(indicators.length)} label={label} />
        <Space size={12} wrap style={{ fontSize: 12, marginTop: 4 }} data-testid="pace-legend">
          {PACE_STATUSES.map((status) => (
            <Space key={status} size={4}>
              <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 2, background: PACE_COLORS[status] }} />
              {text.paceStatus[status]}
            </Space>
          ))}
          <Space size={4}>
            <span style={{ display: 'inline-block', width: 14, borderTop: '2px dashed #262626' }} />
            {text.expectedPace}
          </Space>
        </Space>
        {mismatched.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            title={text.allocationMismatch(mismatched.length)}
            description={mismatched.map((i) => (
              <div key={i.id}>{text.allocationLine(i.name, i.allocationChecks.filter((c) => !c.ok).map((c) => c.message))}</div>
            ))}
          />
        )}
      </>
    );
  return (
    <Card size="small" title={text.indicatorsChart} data-testid="chart-indicators" styles={CARD_BODY} style={{ height: '100%' }}>
      {body}
    </Card>
  );
}

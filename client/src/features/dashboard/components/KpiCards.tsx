import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useDashboardText } from '../dashboard.messages';
import type { PlanDashboard } from '../graphql/dashboard.graphql';

const RED = '#cf1322';
const ORANGE = '#d46b08';

interface Kpi {
  key: string;
  title: string;
  hint?: string;
  value: number;
  unit: string;
  /** Colour of the figure when it is not zero */
  alarm?: string;
  extra?: ReactNode;
}

/** Six figures a manager reads first; the worrying ones turn red or orange when they are not zero. */
export function KpiCards({ dashboard }: { dashboard: PlanDashboard }) {
  const text = useDashboardText();
  const kpis: Kpi[] = [
    { key: 'kpi-task-count', title: text.taskCount, value: dashboard.taskCount, unit: text.unitTasks },
    { key: 'kpi-overdue-tasks', title: text.overdueTasks, hint: text.overdueTasksHint, value: dashboard.overdueTasks, unit: text.unitTasks, alarm: RED },
    { key: 'kpi-late-reports', title: text.lateReports, hint: text.lateReportsHint, value: dashboard.lateReports, unit: text.unitReports, alarm: RED },
    { key: 'kpi-reports-due-soon', title: text.reportsDueSoon, hint: text.reportsDueSoonHint, value: dashboard.reportsDueSoon, unit: text.unitReports, alarm: ORANGE },
    {
      key: 'kpi-open-findings',
      title: text.openFindings,
      hint: text.openFindingsHint,
      value: dashboard.openFindings,
      unit: text.unitFindings,
      alarm: ORANGE,
      extra: (
        <span data-testid="kpi-major-findings" style={{ color: dashboard.openMajorFindings > 0 ? RED : undefined }}>
          {text.majorFindings(dashboard.openMajorFindings)}
        </span>
      ),
    },
    { key: 'kpi-overdue-findings', title: text.overdueFindings, hint: text.overdueFindingsHint, value: dashboard.overdueFindings, unit: text.unitFindings, alarm: RED },
  ];
  return (
    <Row gutter={[12, 12]}>
      {kpis.map((kpi) => (
        <Col key={kpi.key} xs={12} sm={8} xl={4}>
          <Card size="small" data-testid={kpi.key} style={{ height: '100%' }}>
            <Statistic
              title={kpi.hint ? <Tooltip title={kpi.hint}><span style={{ cursor: 'help' }}>{kpi.title}</span></Tooltip> : kpi.title}
              value={kpi.value}
              suffix={kpi.unit ? <span style={{ fontSize: 14 }}>{kpi.unit}</span> : undefined}
              styles={{ content: { color: kpi.alarm && kpi.value > 0 ? kpi.alarm : undefined, fontWeight: 600 } }}
            />
            <div style={{ fontSize: 12, color: '#8c8c8c', minHeight: 18 }}>{kpi.extra}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

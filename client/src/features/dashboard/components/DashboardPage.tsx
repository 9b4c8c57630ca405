import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Col, Flex, Row, Select, Skeleton, Space, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { EMPTY_FILTER, filterToSearch } from '../../board/utils/board-filter';
import { ExportButton } from '../../export/ExportButton';
import { PlanAdminCards } from '../../plan-admin';
import { useDashboardText } from '../dashboard.messages';
import { DASHBOARD_PLANS, PLAN_DASHBOARD } from '../graphql/dashboard.graphql';
import { usePlanInUrl } from '../hooks/use-plan-in-url';
import { departmentChartHeight } from '../utils/chart-options';
import { DepartmentChart, IndicatorChart, StageChart, TOP_DEPARTMENTS } from './DashboardCharts';
import { KpiCards } from './KpiCards';
import { RankingCard } from './RankingCard';
import { ScoreCardsCard } from '../../scoring';

export interface DashboardPageProps {
  /** The app's header, drawn above the dashboard (the page draws none of its own) */
  header?: ReactNode;
  /** Assessment period the ranking opens on; the current quarter when omitted */
  initialPeriod?: string;
}

/** Export paths for a plan, or for every plan when none is chosen; the ledger takes the board's own URL filter. */
export function exportPaths(planId: string | null) {
  const plan = planId ? `plan=${encodeURIComponent(planId)}` : '';
  return {
    ledger: `/export/ledger.xlsx${filterToSearch({ ...EMPTY_FILTER, planId })}`,
    indicators: `/export/indicators.xlsx${plan ? `?${plan}` : ''}`,
    findings: `/export/findings.xlsx?${plan ? `${plan}&` : ''}open=1`,
  };
}

/** What a manager looks at: where a plan stands, what is late, what is open, how its indicators and departments do. */
export function DashboardPage({ header, initialPeriod }: DashboardPageProps) {
  const text = useDashboardText();
  const [planId, setPlanId] = usePlanInUrl();
  const plans = useQuery(DASHBOARD_PLANS, { fetchPolicy: 'cache-first' });
  const dashboard = useQuery(PLAN_DASHBOARD, { variables: { planId }, fetchPolicy: 'cache-and-network' });
  const data = dashboard.data?.planDashboard;
  const paths = exportPaths(planId);
  const year = new Date().getFullYear();

  let body: ReactNode;
  if (dashboard.error && !data) {
    body = (
      <Alert
        type="error"
        showIcon
        data-testid="dashboard-error"
        title={text.loadFailed}
        description={dashboard.error.message}
        action={<Button size="small" onClick={() => void dashboard.refetch()}>{text.retry}</Button>}
      />
    );
  } else if (!data) {
    body = <DashboardSkeleton />;
  } else {
    body = (
      <Space orientation="vertical" size={12} style={{ display: 'flex' }}>
        <KpiCards dashboard={data} />
        {data.taskCount === 0 && <Alert type="info" showIcon title={planId ? text.noTasks : text.noTasksAll} data-testid="dashboard-empty" />}
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={10}>
            <StageChart stages={data.stages} taskCount={data.taskCount} height={Math.min(420, Math.max(300, departmentChartHeight(Math.min(TOP_DEPARTMENTS, data.departments.length))))} />
          </Col>
          <Col xs={24} lg={14}>
            <DepartmentChart lanes={data.departments} />
          </Col>
        </Row>
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={12}>
            <IndicatorChart planId={planId} indicators={data.indicators} year={year} />
          </Col>
          <Col xs={24} xl={12}>
            <RankingCard planId={planId} initialPeriod={initialPeriod} />
          </Col>
        </Row>
        <ScoreCardsCard planId={planId} initialPeriod={initialPeriod} />
        <PlanAdminCards planId={planId} />
      </Space>
    );
  }

  return (
    <div data-testid="dashboard-page" style={{ minHeight: '100vh', background: '#f4f5f7' }}>
      {header}
      <main style={{ padding: 16, maxWidth: 1600, margin: '0 auto' }}>
        <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 12 }}>
          <Flex wrap gap={12} align="center" style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
              {text.title}
            </Typography.Title>
            <Select
              data-testid="dashboard-plan"
              aria-label={text.plan}
              style={{ minWidth: 220, maxWidth: 420 }}
              value={planId ?? ''}
              loading={plans.loading}
              onChange={(value: string) => setPlanId(value || null)}
              options={[{ value: '', label: text.allPlans }, ...(plans.data?.plans ?? []).map((p) => ({ value: p.id, label: p.title }))]}
              popupMatchSelectWidth={false}
              showSearch={{ optionFilterProp: 'label' }}
            />
            <Tooltip title={text.refresh}>
              <Button icon={<ReloadOutlined />} aria-label={text.refresh} loading={dashboard.loading && Boolean(data)} onClick={() => void dashboard.refetch()} />
            </Tooltip>
          </Flex>
          <Space wrap size={8}>
            <ExportButton data-testid="export-ledger" path={paths.ledger} label={text.exportLedger} fallbackName={text.ledgerFile} />
            <ExportButton data-testid="export-indicators" path={paths.indicators} label={text.exportIndicators} fallbackName={text.indicatorsFile} />
            <ExportButton data-testid="export-findings" path={paths.findings} label={text.exportFindings} fallbackName={text.findingsFile} />
          </Space>
        </Flex>
        {body}
      </main>
    </div>
  );
}

function DashboardSkeleton() {
  return (
    <Space orientation="vertical" size={12} style={{ display: 'flex' }} data-testid="dashboard-loading">
      <Row gutter={[12, 12]}>
        {Array.from({ length: 6 }, (_, i) => (
          <Col key={i} xs={12} sm={8} xl={4}>
            <Card size="small">
              <Skeleton active title={false} paragraph={{ rows: 2 }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <Card size="small">
            <Skeleton active paragraph={{ rows: 7 }} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Skeleton active paragraph={{ rows: 7 }} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

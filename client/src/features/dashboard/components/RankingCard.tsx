import { skipToken, useQuery } from '@apollo/client/react';
import type { AssessmentGrade } from '@workplan/shared';
import { Alert, Button, Card, Empty, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useDashboardText, type AssessmentReasonCode } from '../dashboard.messages';
import { DEPARTMENT_RANKING, type DepartmentRanking } from '../graphql/dashboard.graphql';
import { usePeriodPicker } from './PeriodPicker';

const GRADE_COLORS: Record<AssessmentGrade, string> = { EXCELLENT: 'green', GOOD: 'blue', PASS: 'default', FAIL: 'red' };

/** Departments ranked for one plan and period: grade, and who is commended (表彰), yellow-carded (黄牌警告) or demoted (降格). */
export function RankingCard({ planId, initialPeriod }: { planId: string | null; initialPeriod?: string }) {
  const text = useDashboardText();
  const [period, periodPicker, invalid] = usePeriodPicker({ initial: initialPeriod, disabled: !planId, testId: 'ranking-period' });
  const ranking = useQuery(DEPARTMENT_RANKING, planId ? { variables: { planId, period } } : skipToken);

  const reasonText = (row: DepartmentRanking, codes: AssessmentReasonCode[]) =>
    row.reasons.filter((r): r is AssessmentReasonCode => codes.includes(r as AssessmentReasonCode)).map((r) => text.reasons[r]).join('；') || undefined;

  const columns: TableColumnsType<DepartmentRanking> = [
    { key: 'rank', title: text.rank, dataIndex: 'rank', width: 64, align: 'center', render: (rank: number) => <strong>{rank}</strong> },
    { key: 'department', title: text.department, render: (_, row) => row.department.name, ellipsis: true },
    { key: 'score', title: text.score, dataIndex: 'score', width: 72, align: 'right', render: (score: number) => score.toFixed(1) },
    { key: 'tasks', title: text.tasks, dataIndex: 'taskCount', width: 72, align: 'right', responsive: ['sm'] },
    {
      key: 'grade',
      title: text.grade,
      dataIndex: 'grade',
      width: 84,
      render: (grade: AssessmentGrade) => (
        <Tag color={GRADE_COLORS[grade]} data-testid={`grade-${grade}`}>
          {text.grades[grade]}
        </Tag>
      ),
    },
    {
      key: 'result',
      title: text.result,
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          {row.commended && (
            <Tooltip title={reasonText(row, ['TOP_N'])}>
              <Tag color="gold">{text.commended}</Tag>
            </Tooltip>
          )}
          {row.warned && (
            <Tooltip title={reasonText(row, ['BOTTOM_N', 'COMMEND_WITHHELD'])}>
              <Tag color="yellow" style={{ color: '#ad6800' }}>{text.warned}</Tag>
            </Tooltip>
          )}
          {row.demotion && (
            <Tooltip title={reasonText(row, ['BOTTOM_TWICE', 'FAILED'])}>
              <Tag color="red">{text.demotion}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  let body;
  if (!planId) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.rankingNeedsPlan} />;
  else if (ranking.error && !ranking.data)
    body = (
      <Alert
        type="error"
        showIcon
        title={text.rankingFailed}
        description={ranking.error.message}
        action={<Button size="small" onClick={() => void ranking.refetch()}>{text.retry}</Button>}
      />
    );
  else
    body = (
      <Table<DepartmentRanking>
        size="small"
        rowKey={(row) => row.department.id}
        columns={columns}
        dataSource={ranking.data?.departmentRanking ?? []}
        loading={ranking.loading}
        pagination={(ranking.data?.departmentRanking.length ?? 0) > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noRanking(text.periodName(period))} /> }}
        scroll={{ x: 480 }}
      />
    );

  return (
    <Card
      size="small"
      title={
        <Space size={6} wrap>
          <span>{text.rankingTitle}</span>
          {planId && <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>{text.periodName(period)}</Typography.Text>}
        </Space>
      }
      extra={periodPicker}
      styles={{ body: { padding: 8 } }}
      style={{ height: '100%' }}
    >
      {invalid && <Alert type="warning" showIcon title={text.periodInvalid} style={{ marginBottom: 8 }} data-testid="ranking-period-invalid" />}
      <div data-testid="ranking-table">{body}</div>
    </Card>
  );
}

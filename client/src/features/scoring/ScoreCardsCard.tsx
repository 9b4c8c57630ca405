import { skipToken, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, List, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { usePeriodPicker } from '../dashboard/components/PeriodPicker';
import { SCORE_CARDS, type DepartmentScoreCard } from './scoring.graphql';
import { useScoringText } from './scoring.messages';

const points = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * The plan's supervision scores for a period (督办考核): each unit's score with what was deducted
 * and added, every item with its reason a row-click away, and who is to be commended or warned.
 */
export function ScoreCardsCard({ planId, initialPeriod }: { planId: string | null; initialPeriod?: string }) {
  const text = useScoringText();
  const [period, periodPicker] = usePeriodPicker({ initial: initialPeriod, disabled: !planId, testId: 'score-period' });
  const scores = useQuery(SCORE_CARDS, planId ? { variables: { planId, period } } : skipToken);

  const columns: TableColumnsType<DepartmentScoreCard> = [
    { key: 'rank', title: text.rank, dataIndex: 'rank', width: 60, align: 'center', render: (rank: number) => <strong>{rank}</strong> },
    { key: 'department', title: text.department, render: (_, row) => row.department.name, ellipsis: true },
    { key: 'score', title: text.score, dataIndex: 'score', width: 76, align: 'right', render: (score: number) => <strong data-testid="score">{score}</strong> },
    { key: 'deductions', title: text.deductions, dataIndex: 'deductions', width: 76, align: 'right', render: (n: number) => (n ? <span style={{ color: '#cf1322' }}>−{n}</span> : '—') },
    { key: 'additions', title: text.additions, dataIndex: 'additions', width: 76, align: 'right', render: (n: number) => (n ? <span style={{ color: '#389e0d' }}>+{n}</span> : '—') },
    {
      key: 'result',
      title: text.result,
      width: 120,
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          {row.commended && <Tag color="gold">{text.commended}</Tag>}
          {row.warned && <Tag color="yellow" style={{ color: '#ad6800' }}>{text.warned}</Tag>}
        </Space>
      ),
    },
  ];

  let body;
  if (!planId) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.needsPlan} />;
  else if (scores.error && !scores.data)
    body = (
      <Alert type="error" showIcon title={text.failed} description={scores.error.message} action={<Button size="small" onClick={() => void scores.refetch()}>{text.retry}</Button>} />
    );
  else
    body = (
      <Table<DepartmentScoreCard>
        size="small"
        data-testid="score-cards"
        rowKey={(row) => row.department.id}
        columns={columns}
        dataSource={scores.data?.scoreCards ?? []}
        loading={scores.loading}
        pagination={(scores.data?.scoreCards.length ?? 0) > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.empty} /> }}
        expandable={{
          expandRowByClick: true,
          rowExpandable: () => true,
          expandedRowRender: (row) =>
            row.items.length ? (
              <List
                size="small"
                header={<Typography.Text type="secondary">{text.items}</Typography.Text>}
                dataSource={row.items}
                renderItem={(item) => (
                  <List.Item data-testid="score-item">
                    <Space size={12}>
                      <span style={{ width: 88, display: 'inline-block' }}>{item.on}</span>
                      <Typography.Text code>{item.taskCode}</Typography.Text>
                      <span>{text.kind(item.kind, item.nth)}</span>
                    </Space>
                    <strong style={{ color: item.points < 0 ? '#cf1322' : '#389e0d' }}>{points(item.points)}</strong>
                  </List.Item>
                )}
              />
            ) : (
              <Typography.Text type="secondary">{text.noItems}</Typography.Text>
            ),
        }}
        scroll={{ x: 480 }}
      />
    );

  return (
    <Card
      size="small"
      data-testid="score-cards-card"
      title={
        <Space size={6} wrap>
          <span>{text.title}</span>
          {planId && <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>{period}</Typography.Text>}
        </Space>
      }
      extra={periodPicker}
      styles={{ body: { padding: 8 } }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '0 4px 8px' }}>
        {text.hint}
      </Typography.Paragraph>
      {body}
    </Card>
  );
}

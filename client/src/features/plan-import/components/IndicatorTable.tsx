import { Empty, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import type { AllocationCheck, IndicatorValue, PreviewIndicator } from '../graphql/plan-import.graphql';
import { usePlanImportText, type PlanImportText } from '../plan-import.messages';

const show = (value: IndicatorValue | null | undefined) => (value === null || value === undefined || value === '' ? '—' : String(value));

function CheckTags({ checks, text }: { checks: readonly AllocationCheck[]; text: PlanImportText }) {
  if (checks.length === 0) return <Typography.Text type="secondary">{text.noChecks}</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {checks.map((check, index) =>
        check.ok ? (
          <Tag key={index} color="success" data-testid="import-check-ok">
            {text.checkOk(String(check.year))}
          </Tag>
        ) : (
          <Tag key={index} color="error" data-testid="import-check-failed" style={{ whiteSpace: 'normal', display: 'inline-block', maxWidth: 360, marginInlineEnd: 0 }}>
            {check.message || `${check.year}: ${show(check.sum)} ≠ ${show(check.total)}`}
          </Tag>
        ),
      )}
    </Flex>
  );
}

/** The target indicators: baseline, a column per target year, how far they are split by department, and whether the splits add up. */
export function IndicatorTable({ indicators, checks }: { indicators: readonly PreviewIndicator[]; checks: readonly AllocationCheck[] }) {
  const text = usePlanImportText();
  const years = useMemo(() => [...new Set(indicators.flatMap((i) => Object.keys(i.targets ?? {})))].sort(), [indicators]);
  const names = useMemo(() => new Set(indicators.map((i) => i.name)), [indicators]);
  const orphanChecks = checks.filter((c) => !names.has(c.indicator));
  if (indicators.length === 0 && checks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noIndicators} />;

  const columns: ColumnsType<PreviewIndicator> = [
    { title: text.indicatorName, dataIndex: 'name', fixed: 'left', width: 220 },
    { title: text.unit, dataIndex: 'unit', width: 80, render: (unit: string | null) => unit || '—' },
    { title: text.baseline, dataIndex: 'baseline', width: 130, render: (b: PreviewIndicator['baseline']) => (b ? `${b.year}：${show(b.value)}` : '—') },
    ...years.map((year) => ({ title: year, key: `y${year}`, width: 100, render: (_: unknown, i: PreviewIndicator) => show(i.targets?.[year]) })),
    {
      title: text.allocations,
      key: 'allocations',
      width: 80,
      render: (_: unknown, i: PreviewIndicator) =>
        i.allocations.length ? (
          <Tooltip title={i.allocations.slice(0, 30).map((a) => `${a.department} ${a.year}：${show(a.value)}`).join('；')}>{i.allocations.length}</Tooltip>
        ) : (
          0
        ),
    },
    { title: text.checks, key: 'checks', width: 380, render: (_: unknown, i: PreviewIndicator) => <CheckTags checks={checks.filter((c) => c.indicator === i.name)} text={text} /> },
  ];

  return (
    <Flex vertical gap={8} data-testid="import-indicators">
      <Table<PreviewIndicator>
        size="small"
        rowKey={(i) => `${indicators.indexOf(i)}:${i.name}`}
        dataSource={[...indicators]}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {orphanChecks.length > 0 && (
        <Flex gap={8} align="baseline">
          <Typography.Text type="secondary">{text.otherChecks}：</Typography.Text>
          <CheckTags checks={orphanChecks} text={text} />
        </Flex>
      )}
    </Flex>
  );
}

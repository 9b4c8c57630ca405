import type { ReportStatus } from '@workplan/shared';
import { Table, Tag } from 'antd';
import type { ReportDue } from '../graphql/report.graphql';
import { useReportText } from '../report.messages';

const STATUS_COLOR: Record<ReportStatus, string> = {
  SUBMITTED: 'green',
  SUBMITTED_LATE: 'gold',
  DUE: 'blue',
  DUE_SOON: 'orange',
  LATE: 'red',
};

/** Who owes which report when, newest period first and the lead department first within a period. */
export function ReportScheduleTable({ rows }: { rows: readonly ReportDue[] }) {
  const text = useReportText();
  const sorted = [...rows].sort((a, b) => b.period.localeCompare(a.period) || Number(b.lead) - Number(a.lead) || a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
  return (
    <Table<ReportDue>
      data-testid="report-schedule"
      size="small"
      rowKey={(row) => `${row.period}/${row.departmentId}`}
      dataSource={sorted}
      pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
      locale={{ emptyText: text.noSchedule }}
      columns={[
        { key: 'period', title: text.period, render: (_, row) => text.periodName(row.period) },
        {
          key: 'department',
          title: text.department,
          render: (_, row) => (
            <>
              {row.departmentName} <Tag color={row.lead ? 'geekblue' : undefined}>{row.lead ? text.lead : text.cooperating}</Tag>
            </>
          ),
        },
        { key: 'dueDate', title: text.dueDate, dataIndex: 'dueDate' },
        { key: 'status', title: text.status, render: (_, row) => <Tag color={STATUS_COLOR[row.status]}>{text.dueStatus[row.status]}</Tag> },
      ]}
    />
  );
}

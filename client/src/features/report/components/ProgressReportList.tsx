import { Empty, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ProgressReport, ProgressStatus } from '../graphql/report.graphql';
import { useReportText } from '../report.messages';

const STATUS_COLOR: Record<ProgressStatus, string> = { ON_TRACK: 'green', AT_RISK: 'orange', DELAYED: 'red' };

/** The reports filed so far, newest period first (the server's order). */
export function ProgressReportList({ reports }: { reports: readonly ProgressReport[] }) {
  const text = useReportText();
  if (reports.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noReports} />;
  return (
    <div>
      {reports.map((report) => (
        <div key={report.id} data-testid="report-item" style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Space wrap size={4}>
            <strong>{text.periodName(report.period)}</strong>
            <span>{report.departmentName}</span>
            <Tag color={STATUS_COLOR[report.status]}>{text.progressStatus[report.status]}</Tag>
            {report.percentDone !== null && <Tag data-testid="report-percent">{text.percentDoneValue(report.percentDone)}</Tag>}
            {report.late && <Tag color="red">{text.lateFlag}</Tag>}
          </Space>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{report.narrative}</Typography.Paragraph>
          {report.problems && (
            <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>
              {text.problemsPrefix}{report.problems}
            </Typography.Paragraph>
          )}
          <div style={{ color: '#888', fontSize: 12 }}>{text.submittedBy(report.submittedByName, dayjs(report.submittedAt).format('YYYY-MM-DD HH:mm'))}</div>
        </div>
      ))}
    </div>
  );
}

import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Skeleton, Typography } from 'antd';
import { useSession } from '../../auth/session';
import { useI18n } from '../../../i18n/i18n';
import type { WorkTask } from '../../task-work/work-task';
import { TASK_REPORTS } from '../graphql/report.graphql';
import { useReportText } from '../report.messages';
import { allFiled, mayFileReport, owedPeriods, proposedPeriod } from '../utils/report-rules';
import { FileReportForm } from './FileReportForm';
import { ProgressReportList } from './ProgressReportList';
import { ReportScheduleTable } from './ReportScheduleTable';

/** A task's progress reports: what is owed when, what was filed, and the form for the responsible staff. */
export function TaskReportsPanel({ task }: { task: WorkTask }) {
  const text = useReportText();
  const { t } = useI18n();
  const { user } = useSession();
  const { data, error, refetch } = useQuery(TASK_REPORTS, { variables: { taskId: task.id } });

  if (!data) {
    return error ? <Alert type="error" showIcon title={t('loadFailed')} action={<Button size="small" onClick={() => void refetch()}>{t('retry')}</Button>} /> : <Skeleton active />;
  }
  const departmentId = user.department?.id;
  const schedule = data.reportSchedule;
  const periods = departmentId ? owedPeriods(schedule, departmentId) : [];
  return (
    <div data-testid="task-reports">
      {departmentId && mayFileReport(user, task) && (
        <Card size="small" title={text.formTitle} style={{ marginBottom: 16 }}>
          {allFiled(schedule, departmentId) ? (
            <Alert type="success" showIcon title={text.allFiled} />
          ) : (
            // Remounts when the owed periods change, so a filed period leaves the form's choices and default.
            <FileReportForm key={periods.join()} taskId={task.id} periods={periods} initialPeriod={proposedPeriod(schedule, departmentId)} />
          )}
        </Card>
      )}
      <Typography.Title level={5} style={{ marginTop: 0 }}>{text.schedule}</Typography.Title>
      <ReportScheduleTable rows={schedule} />
      <Typography.Title level={5}>{text.reports}</Typography.Title>
      <ProgressReportList reports={data.progressReports} />
    </div>
  );
}

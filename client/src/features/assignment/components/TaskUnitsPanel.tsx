import { useMutation, useQuery } from '@apollo/client/react';
import type { AssignmentStatus } from '@workplan/shared';
import { Alert, App as AntApp, Button, Collapse, Empty, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { LightDot } from '../../supervision/components/TaskLight';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import type { WorkTask } from '../../task-work/work-task';
import { useAssignmentText, type AssignmentText } from '../assignment.messages';
import {
  FILE_ASSIGNMENT_REPORT,
  REVIEW_ASSIGNMENT_REPORT,
  SEND_BACK_ASSIGNMENT,
  SIGN_FOR_ASSIGNMENT,
  TASK_ASSIGNMENTS,
  type Assignment,
  type AssignmentReport,
  type AssignmentReportInput,
} from '../graphql/assignment.graphql';
import { AssignmentReportModal } from './AssignmentReportModal';
import { ReasonModal } from './ReasonModal';
import { ReportAttachments } from './ReportAttachments';

const STATUS_COLOR: Record<AssignmentStatus, string> = { ASSIGNED: 'default', SIGNED: 'blue', REPORTED: 'gold', RETURNED: 'orange', PASSED: 'green', SENT_BACK: 'red' };
const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');
// The card's TaskDetail carries the roll-up; refetching it updates the board's card (the same cached Task).
const REFETCH = { refetchQueries: ['TaskAssignments', 'TaskDetail', 'MyAssignments'] };

/** Which dialog is open: a report form, or a reason for a return or a send-back. */
type Dialog = { kind: 'report'; assignment: Assignment } | { kind: 'return'; report: AssignmentReport } | { kind: 'sendBack'; assignment: Assignment } | null;

/**
 * 承办单位: one row per responsible unit with its own deadline, sign-for, light and progress, and
 * the buttons the signed-in person may use on it (the server's availableActions).
 */
export function TaskUnitsPanel({ task }: { task: WorkTask }) {
  const text = useAssignmentText();
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const { data, error, refetch } = useQuery(TASK_ASSIGNMENTS, { variables: { taskId: task.id }, fetchPolicy: 'cache-and-network' }); // units act from other desks: reopening shows their latest
  const [dialog, setDialog] = useState<Dialog>(null);
  const [sign, signing] = useMutation(SIGN_FOR_ASSIGNMENT, REFETCH);
  const [file, filing] = useMutation(FILE_ASSIGNMENT_REPORT, REFETCH);
  const [review, reviewing] = useMutation(REVIEW_ASSIGNMENT_REPORT, REFETCH);
  const [sendBack, sendingBack] = useMutation(SEND_BACK_ASSIGNMENT, REFETCH);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setDialog(null);
      void message.success(done);
    } catch (e) {
      showError(e);
    }
  };

  if (!data) {
    return error ? <Alert type="error" showIcon title={t('loadFailed')} action={<Button size="small" onClick={() => void refetch()}>{t('retry')}</Button>} /> : <Skeleton active />;
  }
  if (data.assignments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.empty} />;
  const busy = signing.loading || filing.loading || reviewing.loading || sendingBack.loading;

  return (
    <div data-testid="task-units">
      {data.assignments.map((a) => (
        <UnitRow
          key={a.id}
          assignment={a}
          text={text}
          busy={busy}
          onSign={() => void run(() => sign({ variables: { assignmentId: a.id } }), text.signed)}
          onReport={() => setDialog({ kind: 'report', assignment: a })}
          onSendBack={() => setDialog({ kind: 'sendBack', assignment: a })}
          onPass={(report) => void run(() => review({ variables: { reportId: report.id, verdict: 'PASS' } }), text.passed)}
          onReturn={(report) => setDialog({ kind: 'return', report })}
        />
      ))}
      <AssignmentReportModal
        assignmentId={dialog?.kind === 'report' ? dialog.assignment.id : null}
        initialPercent={dialog?.kind === 'report' ? dialog.assignment.percentDone : null}
        sending={filing.loading}
        onCancel={() => setDialog(null)}
        onSubmit={(input: AssignmentReportInput) => void run(() => file({ variables: { input } }), text.reportFiled)}
      />
      <ReasonModal
        open={dialog?.kind === 'return'}
        title={text.returnTitle}
        placeholder={text.returnPlaceholder}
        sending={reviewing.loading}
        onCancel={() => setDialog(null)}
        onSubmit={(reason) => dialog?.kind === 'return' && void run(() => review({ variables: { reportId: dialog.report.id, verdict: 'RETURN', reason } }), text.returned)}
      />
      <ReasonModal
        open={dialog?.kind === 'sendBack'}
        title={text.sendBackTitle}
        placeholder={text.sendBackPlaceholder}
        sending={sendingBack.loading}
        onCancel={() => setDialog(null)}
        onSubmit={(reason) => dialog?.kind === 'sendBack' && void run(() => sendBack({ variables: { assignmentId: dialog.assignment.id, reason } }), text.sentBack)}
      />
    </div>
  );
}

function UnitRow({
  assignment: a,
  text,
  busy,
  onSign,
  onReport,
  onSendBack,
  onPass,
  onReturn,
}: {
  assignment: Assignment;
  text: AssignmentText;
  busy: boolean;
  onSign(): void;
  onReport(): void;
  onSendBack(): void;
  onPass(report: AssignmentReport): void;
  onReturn(report: AssignmentReport): void;
}) {
  const pending = a.reports[0]?.review === null ? a.reports[0] : null;
  const can = (action: Assignment['availableActions'][number]) => a.availableActions.includes(action);
  return (
    <div data-testid="unit-row" data-unit={a.department.name} data-status={a.status} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Space wrap size={6}>
        <LightDot facts={{ light: a.light, lightReasons: a.lightReasons, pointsBehind: null }} subtle />
        <strong>{a.department.name}</strong>
        <Tag color={a.lead ? 'blue' : undefined}>{a.lead ? text.lead : text.cooperating}</Tag>
        <Tag color={STATUS_COLOR[a.status]} data-testid="unit-status">{text.status[a.status]}</Tag>
        {a.returnCount > 0 && <Tag color="orange" data-testid="unit-returns">{text.returnedTimes(a.returnCount)}</Tag>}
        {a.signedLate && <Tag color="red">{a.signedAt ? text.signedLate : text.unsignedLate}</Tag>}
      </Space>
      <div style={{ color: '#666', fontSize: 12, margin: '4px 0' }}>
        <Space wrap separator="·" size={6}>
          <span>{text.dueDate} {a.dueDate ?? text.noDueDate}</span>
          {a.signedAt ? <span>{text.signedAt(a.signedByName, when(a.signedAt))}</span> : <span>{text.signDue} {a.signDueOn}</span>}
          {a.percentDone !== null && (
            <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
              {text.percent} <Progress percent={a.percentDone} size="small" style={{ width: 100, margin: 0 }} />
            </span>
          )}
        </Space>
      </div>
      {a.sentBackReason && <Typography.Text type="danger">{text.sentBackReason}{a.sentBackReason}</Typography.Text>}
      {(a.availableActions.length > 0) && (
        <Space wrap style={{ marginTop: 4 }}>
          {can('SIGN') && <Button size="small" type="primary" data-testid="unit-sign" disabled={busy} onClick={onSign}>{text.sign}</Button>}
          {can('REPORT') && <Button size="small" type="primary" data-testid="unit-report" disabled={busy} onClick={onReport}>{text.report}</Button>}
          {can('REVIEW') && pending && (
            <>
              <Button size="small" type="primary" data-testid="unit-pass" disabled={busy} onClick={() => onPass(pending)}>{text.pass}</Button>
              <Button size="small" danger data-testid="unit-return" disabled={busy} onClick={() => onReturn(pending)}>{text.returnReport}</Button>
            </>
          )}
          {can('SEND_BACK') && <Button size="small" danger data-testid="unit-send-back" disabled={busy} onClick={onSendBack}>{text.sendBack}</Button>}
        </Space>
      )}
      {a.reports.length > 0 && (
        <Collapse
          size="small"
          ghost
          style={{ marginTop: 4 }}
          // The report awaiting review is what a coordinator opens the tab for: show it at once.
          defaultActiveKey={pending ? ['reports'] : []}
          items={[{ key: 'reports', label: `${text.reports} (${a.reports.length})`, children: a.reports.map((r) => <ReportEntry key={r.id} report={r} text={text} />) }]}
        />
      )}
    </div>
  );
}

function ReportEntry({ report: r, text }: { report: AssignmentReport; text: AssignmentText }) {
  const line = (label: string, value: string) =>
    value ? (
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '2px 0' }}>
        <Typography.Text type="secondary">{label}：</Typography.Text>
        {value}
      </Typography.Paragraph>
    ) : null;
  return (
    <div data-testid="unit-report" style={{ padding: '6px 0', borderTop: '1px dashed #f0f0f0' }}>
      <Space wrap size={4}>
        <Tag>{r.percentDone}%</Tag>
        {r.review === null ? <Tag color="gold">{text.awaitingReview}</Tag> : <Tag color={r.review === 'PASSED' ? 'green' : 'orange'}>{text.review[r.review]}</Tag>}
        <span style={{ color: '#888', fontSize: 12 }}>{text.submittedBy(r.submittedByName, when(r.submittedAt))}</span>
      </Space>
      {line(text.workDone, r.workDone)}
      {line(text.problems, r.problems)}
      {line(text.supportNeeded, r.supportNeeded)}
      {line(text.nextPlan, r.nextPlan)}
      <ReportAttachments report={r} />
      {r.review && r.reviewedAt && (
        <div style={{ color: '#888', fontSize: 12 }}>
          {text.reviewedBy(r.reviewedByName, when(r.reviewedAt))}
          {r.reviewReason ? `：${r.reviewReason}` : ''}
        </div>
      )}
    </div>
  );
}

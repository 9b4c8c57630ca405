import { useQuery } from '@apollo/client/react';
import { Alert, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { AppHeader } from '../../../app/AppHeader';
import { useSession } from '../../auth/session';
import { TaskDrawer } from '../../board/components/TaskDrawer';
import { BoardRefreshProvider } from '../../board/hooks/board-refresh';
import { TaskMovesProvider } from '../../board/hooks/task-moves';
import { useI18n } from '../../../i18n/i18n';
import { MyAssignmentsTable, useAssignmentText } from '../../assignment';
import { MY_REMINDERS, ReminderList, useReminderText } from '../../reminder';
import { MY_INSPECTIONS, MY_REPORTS_DUE, OPEN_FINDINGS } from '../graphql/inbox.graphql';
import { EndedTasksSection, PendingRequestsSection } from '../../side-request';
import { WorkSection, WorkTable } from '../../task-work/WorkTable';
import { UNANSWERED_INSTRUCTIONS } from '../../instruction/instruction.graphql';
import { INSTRUCTION_TEXT } from '../../instruction/instruction.messages';

const TEXT = {
  'zh-CN': {
    reportsDue: '我的待报进度', inspections: '我的检查任务', findings: '未销号问题', deptFindings: '本单位待整改问题',
    code: '编号', task: '任务', period: '报告期', due: '截止', status: '状态', team: '检查组', scheduled: '计划日期', visited: '检查日期',
    severity: '严重程度', deadline: '整改期限', description: '问题', lead: '牵头', coop: '配合', nothing: '都处理完了',
    DUE: '待报送', DUE_SOON: '即将到期', LATE: '已逾期', SUBMITTED: '已报送', SUBMITTED_LATE: '逾期报送',
    MAJOR: '严重', MINOR: '一般', OPEN: '待整改', RECTIFYING: '整改中', RECTIFIED: '已整改待核验', VERIFIED: '已销号', notVisited: '未检查',
  },
  en: {
    reportsDue: 'Reports I owe', inspections: 'My inspections', findings: 'Open findings', deptFindings: 'My department’s findings to rectify',
    code: 'Code', task: 'Task', period: 'Period', due: 'Due', status: 'Status', team: 'Team', scheduled: 'Scheduled', visited: 'Visited',
    severity: 'Severity', deadline: 'Deadline', description: 'Finding', lead: 'Lead', coop: 'Cooperating', nothing: 'All done',
    DUE: 'Due', DUE_SOON: 'Due soon', LATE: 'Late', SUBMITTED: 'Filed', SUBMITTED_LATE: 'Filed late',
    MAJOR: 'Major', MINOR: 'Minor', OPEN: 'Open', RECTIFYING: 'Rectifying', RECTIFIED: 'Rectified, to verify', VERIFIED: 'Verified', notVisited: 'Not yet',
  },
} as const;

const STATUS_COLOR: Record<string, string> = { LATE: 'red', DUE_SOON: 'orange', DUE: 'blue', OPEN: 'red', RECTIFYING: 'orange', RECTIFIED: 'blue', MAJOR: 'red' };

/** "My work": what the signed-in person should do next, by role. Rows open the task drawer. */
export function InboxPage() {
  return (
    <BoardRefreshProvider>
      <TaskMovesProvider>
        <Inbox />
      </TaskMovesProvider>
    </BoardRefreshProvider>
  );
}

function Inbox() {
  const { language } = useI18n();
  const text = TEXT[language];
  const { user } = useSession();
  const [openTaskId, setOpenTaskId] = useState<string | null>(null);
  const isStaff = user.role === 'STAFF';
  const inspects = user.role === 'INSPECTOR' || user.role === 'COORDINATOR';
  const decidesRequests = user.role === 'COORDINATOR' || user.role === 'APPROVER' || isStaff;
  const reports = useQuery(MY_REPORTS_DUE, { skip: !isStaff, fetchPolicy: 'cache-and-network' });
  // Slips to the unit come first: a supervision notice is the most pressing thing a unit can hold.
  const reminders = useQuery(MY_REMINDERS, { skip: !isStaff, fetchPolicy: 'cache-and-network' });
  const reminderText = useReminderText();
  const assignmentText = useAssignmentText();
  const inspections = useQuery(MY_INSPECTIONS, { skip: !inspects, fetchPolicy: 'cache-and-network' });
  // The lead unit answers leaders' instructions (领导批示): the unanswered ones are its work.
  const instructions = useQuery(UNANSWERED_INSTRUCTIONS, { skip: !isStaff, fetchPolicy: 'cache-and-network' });
  const instructionText = INSTRUCTION_TEXT[language];
  const findings = useQuery(OPEN_FINDINGS, { variables: { departmentId: isStaff ? (user.department?.id ?? null) : null }, fetchPolicy: 'cache-and-network' });
  const tag = (value: string) => <Tag color={STATUS_COLOR[value]}>{(text as Record<string, string>)[value] ?? value}</Tag>;

  return (
    <div className="board-page">
      <AppHeader onOpenTask={setOpenTaskId} />
      <main style={{ padding: 16, overflow: 'auto', flex: 1 }} data-testid="inbox-page">
        {/* Coordinators and the approver decide side requests (申请); so do unit leaders, who are staff: for staff the section shows only when something waits. */}
        {decidesRequests && <PendingRequestsSection onOpen={setOpenTaskId} hideWhenEmpty={isStaff} />}
        {isStaff && (
          <WorkSection title={reminderText.myReminders} testId="inbox-reminders">
            {reminders.error && !reminders.data ? (
              <Alert type="error" showIcon message={reminders.error.message} />
            ) : !reminders.data ? (
              <Skeleton active />
            ) : (
              <ReminderList reminders={reminders.data.myReminders} onOpenTask={setOpenTaskId} />
            )}
          </WorkSection>
        )}
        {isStaff && (
          <WorkSection title={assignmentText.mineTitle} testId="inbox-assignments">
            <MyAssignmentsTable onOpenTask={setOpenTaskId} />
          </WorkSection>
        )}
        {isStaff && (
          <WorkSection title={text.reportsDue} testId="inbox-reports">
            <WorkTable
              query={reports}
              rows={reports.data?.myReportsDue}
              rowKey={(r) => `${r.taskId}:${r.period}:${r.departmentName}`}
              onOpen={setOpenTaskId}
              empty={text.nothing}
              columns={[
                { title: text.code, dataIndex: 'taskCode', width: 110 },
                { title: text.task, dataIndex: 'taskTitle', ellipsis: true },
                { title: '', dataIndex: 'lead', width: 70, render: (lead: boolean) => <Tag>{lead ? text.lead : text.coop}</Tag> },
                { title: text.period, dataIndex: 'period', width: 100 },
                { title: text.due, dataIndex: 'dueDate', width: 110 },
                { title: text.status, dataIndex: 'status', width: 100, render: tag },
              ]}
            />
          </WorkSection>
        )}
        {isStaff && (
          <WorkSection title={instructionText.unansweredTitle} testId="inbox-instructions">
            <WorkTable
              query={instructions}
              rows={instructions.data?.unansweredInstructions}
              rowKey="id"
              onOpen={setOpenTaskId}
              empty={instructionText.unansweredEmpty}
              columns={[
                { title: text.code, dataIndex: 'taskCode', width: 110 },
                { title: text.task, dataIndex: 'taskTitle', ellipsis: true },
                { title: instructionText.number, dataIndex: 'number', width: 150 },
                { title: instructionText.issuedOn, dataIndex: 'issuedOn', width: 110 },
                { title: instructionText.content, dataIndex: 'content', ellipsis: true },
              ]}
            />
          </WorkSection>
        )}
        {inspects && (
          <WorkSection title={text.inspections} testId="inbox-inspections">
            <WorkTable
              query={inspections}
              rows={inspections.data?.myInspections}
              rowKey="id"
              onOpen={setOpenTaskId}
              empty={text.nothing}
              columns={[
                { title: text.code, dataIndex: 'taskCode', width: 110 },
                { title: text.task, dataIndex: 'taskTitle', ellipsis: true },
                { title: text.team, dataIndex: 'teamName', width: 180 },
                { title: text.scheduled, dataIndex: 'scheduledOn', width: 110 },
                { title: text.visited, dataIndex: 'visitedOn', width: 110, render: (v: string | null) => v ?? <Typography.Text type="secondary">{text.notVisited}</Typography.Text> },
              ]}
            />
          </WorkSection>
        )}
        <WorkSection title={isStaff ? text.deptFindings : text.findings} testId="inbox-findings">
          <WorkTable
            query={findings}
            rows={findings.data?.findingList}
            rowKey="id"
            onOpen={setOpenTaskId}
            empty={text.nothing}
            columns={[
              { title: text.code, dataIndex: 'taskCode', width: 110 },
              { title: text.description, dataIndex: 'description', ellipsis: true },
              { title: text.severity, dataIndex: 'severity', width: 90, render: tag },
              { title: text.status, dataIndex: 'status', width: 130, render: tag },
              { title: text.deadline, dataIndex: 'rectificationDeadline', width: 110, render: (d: string | null, f) => <span style={{ color: f.overdue ? '#cf1322' : undefined }}>{d ?? '—'}</span> },
            ]}
          />
        </WorkSection>
        <EndedTasksSection onOpen={setOpenTaskId} />
      </main>
      <TaskDrawer taskId={openTaskId} onClose={() => setOpenTaskId(null)} />
    </div>
  );
}

/** One of the page's lists: loading and error states, ten rows a page, a row opens its task. */

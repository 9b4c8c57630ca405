import { act, fireEvent, screen, within } from '@testing-library/react';
import { TASK, USERS, renderAs } from '../../task-work/test-providers';
import { FILE_PROGRESS_REPORT, TASK_REPORTS, type FileProgressReportVars, type ProgressReport, type ReportDue } from '../graphql/report.graphql';
import { TaskReportsPanel } from './TaskReportsPanel';

const due = (departmentId: string, period: string, status: ReportDue['status']): ReportDue & { __typename: 'ReportDue' } => ({
  __typename: 'ReportDue',
  taskId: 't1',
  departmentId,
  departmentName: departmentId === 'd-lead' ? '省经济和信息化委' : '省科技厅',
  lead: departmentId === 'd-lead',
  period,
  dueDate: '2026-07-05',
  status,
});

const filed: ProgressReport & { __typename: 'ProgressReport' } = {
  __typename: 'ProgressReport',
  id: 'r1',
  taskId: 't1',
  departmentId: 'd-lead',
  departmentName: '省经济和信息化委',
  period: '2026-Q2',
  narrative: '完成技术改造项目立项12个',
  problems: '',
  status: 'AT_RISK',
  percentDone: null,
  submittedAt: '2026-07-01T02:00:00.000Z',
  submittedByName: '王牵头',
  late: false,
};

const reportsMock = (progressReports: ProgressReport[], reportSchedule: ReportDue[]) => ({
  request: { query: TASK_REPORTS, variables: { taskId: 't1' } },
  result: { data: { progressReports, reportSchedule } },
});

describe('the progress report tab', () => {
  it.each([
    ['lead staff', 'IMPLEMENTATION', true, USERS.leadStaff],
    ['cooperating staff', 'INSPECTION', true, USERS.coopStaff],
    ['staff of another department', 'IMPLEMENTATION', false, USERS.otherStaff],
    ['an inspector', 'IMPLEMENTATION', false, USERS.inspector],
    ['lead staff', 'COMMENDATION', false, USERS.leadStaff],
  ])('offers the report form to %s in %s: %s', async (_, stage, offered, user) => {
    renderAs(user, [reportsMock([], [])], <TaskReportsPanel task={{ ...TASK, stage }} />);
    await screen.findByTestId('report-schedule');
    expect(screen.queryByTestId('report-form') !== null).toBe(offered);
  });

  it('shows the schedule with its status tags and the filed reports', async () => {
    renderAs(USERS.inspector, [reportsMock([filed], [due('d-lead', '2026-Q2', 'SUBMITTED'), due('d-coop', '2026-Q2', 'LATE')])], <TaskReportsPanel task={TASK} />);
    const schedule = within(await screen.findByTestId('report-schedule'));
    expect(schedule.getAllByText('2026年第二季度')).toHaveLength(2);
    expect(schedule.getByText('已报送')).toBeTruthy();
    expect(schedule.getByText('已逾期')).toBeTruthy();
    const item = within(screen.getByTestId('report-item'));
    expect(item.getByText('有风险')).toBeTruthy();
    expect(item.getByText('完成技术改造项目立项12个')).toBeTruthy();
  });

  it('requires the narrative, leaves the period to the server, and sends the self-assessment', async () => {
    const sent: FileProgressReportVars['input'][] = [];
    renderAs(USERS.leadStaff, [
      reportsMock([], [due('d-lead', '2026-Q2', 'DUE')]),
      {
        request: { query: FILE_PROGRESS_REPORT, variables: () => true },
        result: (vars: FileProgressReportVars) => {
          sent.push(vars.input);
          return { data: { fileProgressReport: filed } };
        },
      },
      reportsMock([filed], [due('d-lead', '2026-Q2', 'SUBMITTED')]),
    ], <TaskReportsPanel task={TASK} />);

    await screen.findByTestId('report-form');
    await act(async () => {
      fireEvent.click(screen.getByTestId('report-submit'));
    });
    expect(await screen.findByText('请填写工作进展')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(screen.getByTestId('report-narrative'), { target: { value: '完成技术改造项目立项12个' } });
    fireEvent.click(screen.getByText('有风险'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('report-submit'));
    });
    await screen.findByText('已报送2026年第二季度进度');
    expect(sent).toEqual([{ taskId: 't1', period: null, narrative: '完成技术改造项目立项12个', problems: null, status: 'AT_RISK' }]);
    // The refetched schedule shows nothing left to file.
    expect(await screen.findByText('本单位各期进度均已报送')).toBeTruthy();
    expect(screen.getByTestId('report-item')).toBeTruthy();
  });

  it('sends the percent done when given, refuses more than 100, and shows it on the filed report', async () => {
    const sent: FileProgressReportVars['input'][] = [];
    const withPercent = { ...filed, percentDone: 60 };
    renderAs(USERS.leadStaff, [
      reportsMock([], [due('d-lead', '2026-Q2', 'DUE')]),
      {
        request: { query: FILE_PROGRESS_REPORT, variables: () => true },
        result: (vars: FileProgressReportVars) => {
          sent.push(vars.input);
          return { data: { fileProgressReport: withPercent } };
        },
      },
      reportsMock([withPercent], [due('d-lead', '2026-Q2', 'SUBMITTED')]),
    ], <TaskReportsPanel task={TASK} />);

    await screen.findByTestId('report-form');
    expect(screen.getByTestId('report-form').textContent).toContain('完成进度 %');
    fireEvent.change(screen.getByTestId('report-narrative'), { target: { value: '完成技术改造项目立项12个' } });
    const percent = screen.getByTestId('report-percent-done');
    fireEvent.change(percent, { target: { value: '60' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('report-submit'));
    });
    await screen.findByText('已报送2026年第二季度进度');
    expect(sent).toEqual([{ taskId: 't1', period: null, narrative: '完成技术改造项目立项12个', problems: null, status: 'ON_TRACK', percentDone: 60 }]);
    expect((await screen.findByTestId('report-percent')).textContent).toBe('完成 60%');
  });
});

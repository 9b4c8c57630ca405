import { act, fireEvent, screen, within } from '@testing-library/react';
import { TASK, USERS, renderAs } from '../../task-work/test-providers';
import {
  FILE_ASSIGNMENT_REPORT,
  REVIEW_ASSIGNMENT_REPORT,
  SIGN_FOR_ASSIGNMENT,
  TASK_ASSIGNMENTS,
  type Assignment,
  type AssignmentReport,
  type AssignmentReportInput,
} from '../graphql/assignment.graphql';
import { TaskUnitsPanel } from './TaskUnitsPanel';

const report = (over: Partial<AssignmentReport> = {}): AssignmentReport & { __typename: 'AssignmentReport' } => ({
  __typename: 'AssignmentReport',
  id: 'r1',
  percentDone: 40,
  workDone: '完成前期调研',
  problems: '用地指标紧张',
  supportNeeded: '',
  nextPlan: '下月开工',
  submittedByName: '李配合',
  submittedAt: '2026-07-01T02:00:00.000Z',
  review: null,
  reviewReason: null,
  reviewedByName: null,
  reviewedAt: null,
  attachments: [],
  canAttach: false,
  ...over,
});

const unit = (id: string, departmentId: string, name: string, over: Partial<Assignment> = {}): Assignment & { __typename: 'Assignment' } => ({
  __typename: 'Assignment',
  id,
  taskId: 't1',
  taskCode: '2.3.1',
  taskTitle: '推进工业企业技术改造',
  department: { __typename: 'Department', id: departmentId, name } as Assignment['department'],
  lead: departmentId === 'd-lead',
  status: 'ASSIGNED',
  dueDate: '2026-12-31',
  signDueOn: '2026-07-03',
  signedAt: null,
  signedByName: null,
  signedLate: false,
  returnCount: 0,
  sentBackReason: null,
  percentDone: null,
  light: 'GREEN',
  lightReasons: [],
  reports: [],
  availableActions: [],
  ...over,
});

const listMock = (assignments: Assignment[]) => ({ request: { query: TASK_ASSIGNMENTS, variables: { taskId: 't1' } }, result: { data: { assignments } } });

describe('the units tab (承办单位)', () => {
  it('shows each unit’s status, deadlines, returns and late sign-for, and a unit’s staff only their own buttons', async () => {
    renderAs(
      USERS.leadStaff,
      [
        listMock([
          unit('a1', 'd-lead', '省经济和信息化委', { signedLate: true, availableActions: ['SIGN', 'SEND_BACK'] }),
          unit('a2', 'd-coop', '省科技厅', { status: 'RETURNED', signedAt: '2026-07-01T01:00:00.000Z', signedByName: '李配合', returnCount: 2, percentDone: 40, reports: [report({ review: 'RETURNED', reviewReason: '缺少数据', reviewedByName: '刘协调', reviewedAt: '2026-07-02T02:00:00.000Z' })] }),
        ]),
      ],
      <TaskUnitsPanel task={TASK} />,
    );
    const [lead, coop] = await screen.findAllByTestId('unit-row');
    expect(within(lead).getByText('待签收')).toBeTruthy();
    expect(within(lead).getByText('超时未签收')).toBeTruthy();
    expect(lead.textContent).toContain('签收时限 2026-07-03');
    expect(within(lead).getByTestId('unit-sign')).toBeTruthy();
    expect(within(lead).getByTestId('unit-send-back')).toBeTruthy();
    expect(within(coop).getByText('已退回')).toBeTruthy();
    expect(within(coop).getByTestId('unit-returns').textContent).toBe('退回 2 次');
    expect(within(coop).queryByTestId(/^unit-(sign|report|pass|return|send-back)$/)).toBeNull();
    fireEvent.click(within(coop).getByText('办理记录 (1)'));
    expect(await within(coop).findByText(/缺少数据/)).toBeTruthy();
  });

  it('signs for the unit’s assignment', async () => {
    const signed: string[] = [];
    const after = unit('a1', 'd-lead', '省经济和信息化委', { status: 'SIGNED', signedAt: '2026-07-01T01:00:00.000Z', signedByName: '王牵头', availableActions: ['REPORT', 'SEND_BACK'] });
    renderAs(
      USERS.leadStaff,
      [
        listMock([unit('a1', 'd-lead', '省经济和信息化委', { availableActions: ['SIGN', 'SEND_BACK'] })]),
        {
          request: { query: SIGN_FOR_ASSIGNMENT, variables: () => true },
          result: (vars: { assignmentId: string }) => {
            signed.push(vars.assignmentId);
            return { data: { signForAssignment: after } };
          },
        },
        listMock([after]),
      ],
      <TaskUnitsPanel task={TASK} />,
    );
    await act(async () => {
      fireEvent.click(await screen.findByTestId('unit-sign'));
    });
    expect(await screen.findByTestId('unit-report')).toBeTruthy();
    expect(signed).toEqual(['a1']);
  });

  it('files the unit’s progress with its five fields, work done required', async () => {
    const sent: AssignmentReportInput[] = [];
    const before = unit('a1', 'd-lead', '省经济和信息化委', { status: 'SIGNED', availableActions: ['REPORT', 'SEND_BACK'] });
    const after = { ...before, status: 'REPORTED' as const, percentDone: 60, availableActions: [], reports: [report({ percentDone: 60 })] };
    renderAs(
      USERS.leadStaff,
      [
        listMock([before]),
        {
          request: { query: FILE_ASSIGNMENT_REPORT, variables: () => true },
          result: (vars: { input: AssignmentReportInput }) => {
            sent.push(vars.input);
            return { data: { fileAssignmentReport: after } };
          },
        },
        listMock([after]),
      ],
      <TaskUnitsPanel task={TASK} />,
    );
    fireEvent.click(await screen.findByTestId('unit-report'));
    await screen.findByTestId('assignment-report-form');
    fireEvent.change(screen.getByTestId('assignment-percent'), { target: { value: '60' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /报\s*送/ }));
    });
    expect(await screen.findByText('请填写工作进展')).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.change(screen.getByTestId('assignment-work-done'), { target: { value: '完成前期调研' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /报\s*送/ }));
    });
    expect(await screen.findByText('待审核', { selector: '[data-testid="unit-status"]' })).toBeTruthy();
    expect(sent).toEqual([{ assignmentId: 'a1', percentDone: 60, workDone: '完成前期调研', problems: null, supportNeeded: null, nextPlan: null }]);
  });

  it('a coordinator passes or returns the report awaiting review; a return needs a reason', async () => {
    const reviews: Array<{ reportId: string; verdict: string; reason?: string | null }> = [];
    const pending = unit('a2', 'd-coop', '省科技厅', { status: 'REPORTED', percentDone: 40, reports: [report()], availableActions: ['REVIEW'] });
    const returned = { ...pending, status: 'RETURNED' as const, returnCount: 1, availableActions: [], reports: [report({ review: 'RETURNED', reviewReason: '缺少数据', reviewedByName: '刘协调', reviewedAt: '2026-07-02T02:00:00.000Z' })] };
    renderAs(
      USERS.coordinator,
      [
        listMock([pending]),
        {
          request: { query: REVIEW_ASSIGNMENT_REPORT, variables: () => true },
          result: (vars: { reportId: string; verdict: string; reason?: string | null }) => {
            reviews.push(vars);
            return { data: { reviewAssignmentReport: returned } };
          },
        },
        listMock([returned]),
      ],
      <TaskUnitsPanel task={TASK} />,
    );
    const row = await screen.findByTestId('unit-row');
    expect(within(row).getByTestId('unit-pass')).toBeTruthy();
    expect(within(row).getByText('完成前期调研')).toBeTruthy(); // the report awaiting review is open at once
    fireEvent.click(within(row).getByTestId('unit-return'));
    await screen.findByTestId('assignment-reason');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /确\s*定|确认/ }));
    });
    expect(await screen.findByText('请填写理由')).toBeTruthy();
    expect(reviews).toEqual([]);
    fireEvent.change(screen.getByTestId('assignment-reason'), { target: { value: '缺少数据' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /确\s*定|确认/ }));
    });
    expect((await screen.findByTestId('unit-returns')).textContent).toBe('退回 1 次');
    expect(reviews).toEqual([{ reportId: 'r1', verdict: 'RETURN', reason: '缺少数据' }]);
  });

  it('lists a report’s attachments with download links, and offers the upload while the unit may still attach', async () => {
    const photo = { __typename: 'EvidenceFile', id: 'f1', fileName: '现场照片.png', contentType: 'image/png', sizeBytes: 2048, uploadedAt: '2026-07-01T02:05:00.000Z', url: '/files/evidence/f1' } as AssignmentReport['attachments'][number];
    renderAs(
      USERS.leadStaff,
      [
        listMock([
          unit('a1', 'd-lead', '省经济和信息化委', { status: 'REPORTED', percentDone: 40, reports: [report({ id: 'r2', attachments: [photo], canAttach: true })] }),
          unit('a2', 'd-coop', '省科技厅', { status: 'PASSED', percentDone: 40, reports: [report({ review: 'PASSED', attachments: [{ ...photo, id: 'f2', fileName: '台账.pdf' }] })] }),
        ]),
      ],
      <TaskUnitsPanel task={TASK} />,
    );
    const [lead, coop] = await screen.findAllByTestId('unit-row');
    // The report awaiting review is open at once; the passed one opens on a click.
    expect(within(lead).getByTestId('report-attachment').textContent).toContain('现场照片.png');
    expect(within(lead).getByTestId('report-attach')).toBeTruthy();
    fireEvent.click(within(coop).getByText('办理记录 (1)'));
    expect((await within(coop).findByTestId('report-attachment')).textContent).toContain('台账.pdf');
    expect(within(coop).queryByTestId('report-attach')).toBeNull();
  });
});

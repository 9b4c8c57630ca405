import { OPERATIONS, PERMISSIONS, PUBLIC_OPERATIONS, ROLES, permits, type Operation, type Role, type TaskAccessTarget, type TaskVisibility } from '@workplan/shared';
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSchema } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { UserEntity } from '../src/user/user.entity';
import { databaseFingerprint } from './db-state';
import { fileReport, logFinding, makeDepartment, makePlan, makeUser, proposeTask, signIn, transition } from './factories';
import { startTestApp, type TestApp } from './test-app';

/**
 * The permission table, proven against the running API: every operation × every role (and, for
 * department staff, every kind of task: their own, one they cooperate on, and another
 * department's under each plan visibility). An allowed call must succeed; a refused one must get
 * FORBIDDEN and leave the database exactly as it was.
 */

type Variant = 'own' | 'cooperating' | 'otherFull' | 'otherSummary' | 'otherOwn';
const VARIANTS: Variant[] = ['own', 'cooperating', 'otherFull', 'otherSummary', 'otherOwn'];

interface Call {
  gql?: { query: string; variables?: Record<string, unknown>; token?: string };
  http?: { method: 'GET' | 'POST'; path: string; body?: Buffer; headers?: Record<string, string> };
}
interface Outcome {
  ok: boolean;
  code: string | null;
  detail: string;
  body?: Buffer;
}

let app: TestApp;
let A: string; // the staff actor's department
let B: string; // everybody else's
const plans = {} as Record<TaskVisibility, string>;
const users = {} as Record<Role | 'staffB', UserEntity>;
const tokens = {} as Record<Role | 'staffB', string>;
/** One implementing task per variant, with a report, an indicator, an inspection, a finding and a file, for the reads. */
const shared = {} as Record<Variant, { taskId: string; title: string; evidenceId: string }>;
let teamId: string;

const TODAY = new Date().toISOString().slice(0, 10);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1e2b2a30000000049454e44ae426082', 'hex');

function placement(variant: Variant): { lead: string; cooperating: string[]; plan: string; visibility: TaskVisibility } {
  switch (variant) {
    case 'own':
      return { lead: A, cooperating: [], plan: plans.OWN, visibility: 'OWN' };
    case 'cooperating':
      return { lead: B, cooperating: [A], plan: plans.OWN, visibility: 'OWN' };
    case 'otherFull':
      return { lead: B, cooperating: [], plan: plans.FULL, visibility: 'FULL' };
    case 'otherSummary':
      return { lead: B, cooperating: [], plan: plans.SUMMARY, visibility: 'SUMMARY' };
    case 'otherOwn':
      return { lead: B, cooperating: [], plan: plans.OWN, visibility: 'OWN' };
  }
}

const targetOf = (variant: Variant): TaskAccessTarget => {
  const p = placement(variant);
  return { leadDepartmentId: p.lead, cooperatingDepartmentIds: p.cooperating, visibility: p.visibility };
};
const leadToken = (variant: Variant) => (placement(variant).lead === A ? tokens.STAFF : tokens.staffB);

async function must<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await app.gql(query, variables, token);
  if (res.errors?.length || !res.data) throw new Error(`setup failed: ${JSON.stringify(res.errors)} for ${query}`);
  return res.data as T;
}

/** A task of this variant in this stage, made by the people whose job it is. */
async function taskAt(
  variant: Variant,
  stage: 'PROPOSAL' | 'REVIEW' | 'APPROVAL' | 'IMPLEMENTATION' | 'INSPECTION',
  title = '推进工业企业技术改造',
  dueDate: string | null = null,
): Promise<{ id: string; version: number }> {
  const p = placement(variant);
  if (stage === 'IMPLEMENTATION' || stage === 'INSPECTION') {
    const created = await must(
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { id version } }`,
      { input: { title, dueDate, origin: 'ASSIGNED', leadDepartmentId: p.lead, cooperatingDepartmentIds: p.cooperating, planId: p.plan } },
      tokens.COORDINATOR,
    );
    const task = created.createTask;
    if (stage === 'IMPLEMENTATION') return task;
    await fileReport(app, leadToken(variant), task.id);
    const moved = await transition(app, leadToken(variant), { taskId: task.id, event: 'REQUEST_INSPECTION', expectedVersion: task.version });
    if (!moved.data?.transitionTask) throw new Error(`setup failed: ${JSON.stringify(moved.errors)}`);
    return { ...task, version: moved.data.transitionTask.task.version };
  }
  let task = await proposeTask(app, leadToken(variant), { title, cooperatingDepartmentIds: p.cooperating, planId: p.plan });
  const steps: Array<[string, string]> = stage === 'PROPOSAL' ? [] : stage === 'REVIEW' ? [['SUBMIT', leadToken(variant)]] : [['SUBMIT', leadToken(variant)], ['ACCEPT', tokens.COORDINATOR]];
  for (const [event, token] of steps) {
    const moved = await transition(app, token, { taskId: task.id, event, expectedVersion: task.version });
    if (!moved.data?.transitionTask) throw new Error(`setup failed: ${JSON.stringify(moved.errors)}`);
    task = moved.data.transitionTask.task;
  }
  return { id: task.id, version: task.version };
}

async function findingOn(taskId: string, variant: Variant, status: 'OPEN' | 'RECTIFIED') {
  const finding = await logFinding(app, tokens.INSPECTOR, taskId);
  if (status === 'OPEN') return finding;
  const move = (event: string, version: number, comment?: string) =>
    must(
      `mutation($input: TransitionFindingInput!) { transitionFinding(input: $input) { id version status } }`,
      { input: { findingId: finding.id, event, expectedVersion: version, comment } },
      leadToken(variant),
    );
  const started = (await move('START_RECTIFICATION', finding.version)).transitionFinding;
  return (await move('SUBMIT_RECTIFICATION', started.version, '已整改并补齐台账')).transitionFinding as { id: string; version: number };
}

/**
 * The assignment staff of A act on in a variant's task: A's own where A is one of its units, else
 * the lead unit's (B), with the token of that unit's staff (to set up what the call needs).
 */
async function assignmentOn(taskId: string, variant: Variant): Promise<{ id: string; token: string }> {
  const p = placement(variant);
  const unit = p.lead === A || p.cooperating.includes(A) ? A : p.lead;
  const [row] = await app.asOwner(`SELECT id FROM task_assignment WHERE task_id = $1 AND department_id = $2`, [taskId, unit]);
  return { id: row.id, token: unit === A ? tokens.STAFF : tokens.staffB };
}
const SIGN_FOR = `mutation($id: ID!) { signForAssignment(assignmentId: $id) { id status } }`;
const FILE_ASSIGNMENT_REPORT = `mutation($input: FileAssignmentReportInput!) { fileAssignmentReport(input: $input) { id reports { id } } }`;
const assignmentReport = (assignmentId: string) => ({ input: { assignmentId, percentDone: 40, workDone: '完成前期调研' } });
/** Unit leaders (单位负责人) of A and B, signed in once: they decide side requests at the first level. */
let leaderTokens: Promise<{ A: string; B: string }> | undefined;
let endedOnShared: Promise<void> | undefined;
const leaders = () =>
  (leaderTokens ??= (async () => ({
    A: await signIn(app, await makeUser(app.dataSource, 'STAFF', A, { departmentLeader: true })),
    B: await signIn(app, await makeUser(app.dataSource, 'STAFF', B, { departmentLeader: true })),
  }))());
const FUTURE = '2099-06-30';

/** An extension request on a fresh implementing task of this variant, filed by A's staff where A is responsible, else by B's. */
async function sideRequestOn(variant: Variant, leaderApproved: boolean, keyTask = false): Promise<string> {
  const task = await taskAt(variant, 'IMPLEMENTATION', '推进工业企业技术改造', FUTURE);
  if (keyTask) await must(`mutation($id: ID!) { setTaskFlags(taskId: $id, keyTask: true) { id } }`, { id: task.id }, tokens.COORDINATOR);
  const filedByA = variant === 'own' || variant === 'cooperating';
  const filed = await must(
    `mutation($input: FileSideRequestInput!) { fileSideRequest(input: $input) { id } }`,
    { input: { taskId: task.id, kind: 'EXTENSION', reason: '受汛期影响无法按期完成', requestedDueDate: '2099-09-30' } },
    filedByA ? tokens.STAFF : tokens.staffB,
  );
  const id = filed.fileSideRequest.id as string;
  if (leaderApproved) {
    const leader = (await leaders())[filedByA ? 'A' : 'B'];
    await must(`mutation($id: ID!) { decideSideRequestAsLeader(id: $id, approve: true) { id } }`, { id }, leader);
  }
  return id;
}

const uniqueEmail = () => `new-${Math.random().toString(36).slice(2, 10)}@test.gov`;

/**
 * How to call each operation as `role` on a task of `variant` (null for operations about no task).
 * Each builds what the call needs first, so an allowed call has something real to succeed on.
 */
const CALLS: Record<Exclude<Operation, 'taskChanged'>, (role: Role, variant: Variant | null) => Promise<Call>> = {
  me: async () => ({ gql: { query: `{ me { id } }` } }),
  logout: async (role) => ({ gql: { query: `mutation { logout }`, token: await signIn(app, users[role]) } }),
  departments: async () => ({ gql: { query: `{ departments { id } }` } }),
  plans: async () => ({ gql: { query: `{ plans { id taskVisibility } }` } }),
  notifications: async () => ({ gql: { query: `{ notifications(first: 5) { id } }` } }),
  unreadNotificationCount: async () => ({ gql: { query: `{ unreadNotificationCount }` } }),
  markNotificationsRead: async () => ({ gql: { query: `mutation { markNotificationsRead }` } }),
  board: async () => ({ gql: { query: `{ board { columns { tasks(first: 100) { nodes { id } } } } }` } }),
  taskChanges: async () => ({ gql: { query: `query($after: String) { taskChanges(after: $after) { cursor changes { task { id } } } }`, variables: { after: '0' } } }),
  task: async (_r, v) => ({ gql: { query: `query($id: ID!) { task(id: $id) { id title } }`, variables: { id: shared[v!].taskId } } }),
  createTask: async (role, v) => {
    const p = placement(v!);
    const input = { title: '新建任务', leadDepartmentId: p.lead, cooperatingDepartmentIds: p.cooperating, planId: p.plan, ...(role === 'COORDINATOR' ? { origin: 'ASSIGNED' } : {}) };
    return { gql: { query: `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, variables: { input } } };
  },
  transitionTask: async (role, v) => {
    // An event the machine lets this role send, in the stage where it may send it.
    const [stage, event] = (
      { COORDINATOR: ['REVIEW', 'ACCEPT'], APPROVER: ['APPROVAL', 'APPROVE'], INSPECTOR: ['INSPECTION', 'PASS'], STAFF: ['PROPOSAL', 'SUBMIT'] } as const
    )[role as 'STAFF'] ?? (['PROPOSAL', 'SUBMIT'] as const);
    const task = await taskAt(v!, stage);
    return { gql: { query: `mutation($input: TransitionTaskInput!) { transitionTask(input: $input) { task { id } } }`, variables: { input: { taskId: task.id, event, expectedVersion: task.version } } } };
  },
  progressReports: async (_r, v) => ({ gql: { query: `query($id: ID!) { progressReports(taskId: $id) { id } }`, variables: { id: shared[v!].taskId } } }),
  reportSchedule: async (_r, v) => ({ gql: { query: `query($id: ID!) { reportSchedule(taskId: $id) { period } }`, variables: { id: shared[v!].taskId } } }),
  fileProgressReport: async (_r, v) => {
    const task = await taskAt(v!, 'IMPLEMENTATION');
    return { gql: { query: `mutation($input: FileProgressReportInput!) { fileProgressReport(input: $input) { id } }`, variables: { input: { taskId: task.id, narrative: '按计划推进', status: 'ON_TRACK' } } } };
  },
  myReportsDue: async () => ({ gql: { query: `{ myReportsDue { taskId } }` } }),
  assessments: async (_r, v) => ({ gql: { query: `query($id: ID!) { assessments(taskId: $id) { id } }`, variables: { id: shared[v!].taskId } } }),
  assessTask: async (_r, v) => {
    const task = await taskAt(v!, 'IMPLEMENTATION');
    return { gql: { query: `mutation($input: AssessTaskInput!) { assessTask(input: $input) { id } }`, variables: { input: { taskId: task.id, period: '2026-Q3', score: 88 } } } };
  },
  indicators: async (_r, v) => ({ gql: { query: `query($id: ID!) { indicators(taskId: $id) { id } }`, variables: { id: shared[v!].taskId } } }),
  inspections: async (_r, v) => ({ gql: { query: `query($id: ID!) { inspections(taskId: $id) { id } }`, variables: { id: shared[v!].taskId } } }),
  findings: async (_r, v) => ({ gql: { query: `query($id: ID!) { findings(taskId: $id) { id } }`, variables: { id: shared[v!].taskId } } }),
  findingList: async () => ({ gql: { query: `{ findingList { id taskId } }` } }),
  inspectionTeams: async () => ({ gql: { query: `{ inspectionTeams { id } }` } }),
  myInspections: async () => ({ gql: { query: `{ myInspections { id } }` } }),
  createInspectionTeam: async () => ({
    gql: { query: `mutation($input: CreateInspectionTeamInput!) { createInspectionTeam(input: $input) { id } }`, variables: { input: { name: '专题检查组', planId: plans.FULL, memberIds: [users.INSPECTOR.id] } } },
  }),
  scheduleInspection: async (_r, v) => {
    const task = await taskAt(v!, 'INSPECTION');
    return { gql: { query: `mutation($input: ScheduleInspectionInput!) { scheduleInspection(input: $input) { id } }`, variables: { input: { taskId: task.id, teamId, scheduledOn: TODAY } } } };
  },
  recordInspectionVisit: async (_r, v) => {
    const task = await taskAt(v!, 'INSPECTION');
    const scheduled = await must(
      `mutation($input: ScheduleInspectionInput!) { scheduleInspection(input: $input) { id } }`,
      { input: { taskId: task.id, teamId, scheduledOn: TODAY } },
      tokens.COORDINATOR,
    );
    return {
      gql: {
        query: `mutation($input: RecordInspectionVisitInput!) { recordInspectionVisit(input: $input) { id } }`,
        variables: { input: { inspectionId: scheduled.scheduleInspection.id, visitedOn: TODAY, conclusion: '现场核查属实' } },
      },
    };
  },
  logFinding: async (_r, v) => {
    const task = await taskAt(v!, 'IMPLEMENTATION');
    return { gql: { query: `mutation($input: LogFindingInput!) { logFinding(input: $input) { id } }`, variables: { input: { taskId: task.id, severity: 'MINOR', description: '台账不全' } } } };
  },
  transitionFinding: async (role, v) => {
    const task = await taskAt(v!, 'IMPLEMENTATION');
    const checker = role === 'COORDINATOR' || role === 'INSPECTOR';
    const finding = await findingOn(task.id, v!, checker ? 'RECTIFIED' : 'OPEN');
    const event = checker ? 'VERIFY' : 'START_RECTIFICATION';
    return {
      gql: { query: `mutation($input: TransitionFindingInput!) { transitionFinding(input: $input) { id } }`, variables: { input: { findingId: finding.id, event, expectedVersion: finding.version } } },
    };
  },
  uploadEvidence: async (_r, v) => {
    const task = await taskAt(v!, 'IMPLEMENTATION');
    const finding = await findingOn(task.id, v!, 'OPEN');
    return { http: { method: 'POST', path: `/files/findings/${finding.id}/evidence`, body: PNG, headers: { 'x-file-name': 'photo.png', 'content-type': 'application/octet-stream' } } };
  },
  downloadEvidence: async (_r, v) => ({ http: { method: 'GET', path: `/files/evidence/${shared[v!].evidenceId}` } }),
  planDashboard: async () => ({ gql: { query: `query($p: ID) { planDashboard(planId: $p) { __typename } }`, variables: { p: plans.FULL } } }),
  departmentRanking: async () => ({ gql: { query: `query($p: ID!) { departmentRanking(planId: $p, period: "2026-Q3") { __typename } }`, variables: { p: plans.FULL } } }),
  updatePlanSettings: async () => {
    const plan = await makePlan(app.dataSource);
    return { gql: { query: `mutation($input: UpdatePlanSettingsInput!) { updatePlanSettings(input: $input) { id } }`, variables: { input: { planId: plan.id, commendCount: 2, taskVisibility: 'SUMMARY' } } } };
  },
  importPlan: async () => ({
    gql: {
      query: `mutation($input: ImportPlanInput!) { importPlan(input: $input) { __typename } }`,
      variables: { input: { fileName: 'plan.txt', text: SEED_TEXT, dryRun: true } },
    },
  }),
  createIndicator: async () => {
    const plan = await makePlan(app.dataSource);
    return { gql: { query: `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { id } }`, variables: { input: { name: '技改投资', unit: '亿元', planId: plan.id } } } };
  },
  setIndicatorAllocations: async () => {
    const plan = await makePlan(app.dataSource);
    const made = await must(`mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { id } }`, { input: { name: '技改投资', unit: '亿元', planId: plan.id } }, tokens.COORDINATOR);
    return {
      gql: {
        query: `mutation($input: SetIndicatorAllocationsInput!) { setIndicatorAllocations(input: $input) { id } }`,
        variables: { input: { indicatorId: made.createIndicator.id, year: 2026, allocations: [{ departmentId: A, value: 1 }] } },
      },
    };
  },
  exportLedger: async () => ({ http: { method: 'GET', path: '/export/ledger.xlsx' } }),
  exportIndicators: async () => ({ http: { method: 'GET', path: '/export/indicators.xlsx' } }),
  exportFindings: async () => ({ http: { method: 'GET', path: '/export/findings.xlsx' } }),
  watchList: async () => ({ gql: { query: `{ watchList { overdue { id } dueSoon { id } behindPace { id } reportsMissed { id } stale { id } } }` } }),
  calendarDays: async () => ({ gql: { query: `{ calendarDays(year: 2026) { date kind } }` } }),
  setCalendarDay: async () => ({ gql: { query: `mutation { setCalendarDay(input: { date: "2026-10-01", kind: HOLIDAY, name: "国庆节" }) { date } }` } }),
  removeCalendarDay: async () => {
    await app.asOwner(`INSERT INTO work_calendar_day (day, kind, name) VALUES ('2026-10-02', 'HOLIDAY', '国庆节') ON CONFLICT DO NOTHING`);
    return { gql: { query: `mutation { removeCalendarDay(date: "2026-10-02") }` } };
  },
  scoreCards: async () => ({ gql: { query: `query($p: ID!) { scoreCards(planId: $p, period: "2026-Q4") { score } }`, variables: { p: plans.FULL } } }),
  scoringRules: async () => ({ gql: { query: `query($p: ID!) { scoringRules(planId: $p) { base } }`, variables: { p: plans.FULL } } }),
  setScoringRules: async () => {
    const plan = await makePlan(app.dataSource);
    const rules = { base: 100, returnPenalties: [1, 2], yellowCard: 5, redCard: 10, finishedOnTime: 1, positiveInstruction: 1 };
    return { gql: { query: `mutation($p: ID!, $r: ScoringRulesInput!) { setScoringRules(planId: $p, rules: $r) { base } }`, variables: { p: plan.id, r: rules } } };
  },
  assignments: async (_r, v) => ({ gql: { query: `query($id: ID!) { assignments(taskId: $id) { id status } }`, variables: { id: shared[v!].taskId } } }),
  signForAssignment: async (_r, v) => {
    const task = await taskAt(v!, 'IMPLEMENTATION');
    const a = await assignmentOn(task.id, v!);
    return { gql: { query: SIGN_FOR, variables: { id: a.id } } };
  },
  fileAssignmentReport: async (_r, v) => {
    const task = await taskAt(v!, 'IMPLEMENTATION');
    const a = await assignmentOn(task.id, v!);
    await must(SIGN_FOR, { id: a.id }, a.token);
    return { gql: { query: FILE_ASSIGNMENT_REPORT, variables: assignmentReport(a.id) } };
  },
  reviewAssignmentReport: async (_r, v) => {
    const task = await taskAt(v!, 'IMPLEMENTATION');
    const a = await assignmentOn(task.id, v!);
    await must(SIGN_FOR, { id: a.id }, a.token);
    const filed = await must(FILE_ASSIGNMENT_REPORT, assignmentReport(a.id), a.token);
    return {
      gql: { query: `mutation($id: ID!) { reviewAssignmentReport(reportId: $id, verdict: RETURN, reason: "数据不全") { id status } }`, variables: { id: filed.fileAssignmentReport.reports[0].id } },
    };
  },
  sendBackAssignment: async (_r, v) => {
    const task = await taskAt(v!, 'IMPLEMENTATION');
    const a = await assignmentOn(task.id, v!);
    return { gql: { query: `mutation($id: ID!) { sendBackAssignment(assignmentId: $id, reason: "不属于本单位职责") { id status } }`, variables: { id: a.id } } };
  },
  users: async () => ({ gql: { query: `{ users(includeInactive: true) { id active } }` } }),
  createUser: async () => ({
    gql: { query: `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, variables: { input: { email: uniqueEmail(), name: '新同事', role: 'APPROVER', password: 'a-long-password' } } },
  }),
  resetPassword: async () => {
    const person = await makeUser(app.dataSource, 'APPROVER', null);
    return { gql: { query: `mutation($id: ID!) { resetPassword(userId: $id, password: "another-long-one") { id } }`, variables: { id: person.id } } };
  },
  setUserActive: async () => {
    const person = await makeUser(app.dataSource, 'APPROVER', null);
    return { gql: { query: `mutation($id: ID!) { setUserActive(userId: $id, active: false) { id active } }`, variables: { id: person.id } } };
  },
  auditLog: async () => ({ gql: { query: `{ auditLog(first: 5) { entries { id operation } } }` } }),
  remindTask: async (_r, v) => ({
    gql: {
      query: `mutation($input: RemindTaskInput!) { remindTask(input: $input) { id } }`,
      variables: { input: { taskId: shared[v!].taskId, departmentId: placement(v!).lead, level: 'REMINDER', requirement: '请抓紧办理', deadline: '2099-12-31' } },
    },
  }),
  // Staff sign for a slip to their own unit where the task is theirs, else to the lead unit's.
  signForReminder: async (_r, v) => {
    const unit = v === 'own' || v === 'cooperating' ? A : placement(v!).lead;
    const slip = await reminderTo(shared[v!].taskId, unit);
    return { gql: { query: `mutation($id: ID!) { signForReminder(reminderId: $id) { id signedAt } }`, variables: { id: slip } } };
  },
  reminders: async (_r, v) => ({ gql: { query: `query($id: ID!) { reminders(taskId: $id) { id number } }`, variables: { id: shared[v!].taskId } } }),
  reminder: async (_r, v) => {
    const slip = await reminderTo(shared[v!].taskId, placement(v!).lead);
    return { gql: { query: `query($id: ID!) { reminder(id: $id) { id number } }`, variables: { id: slip } } };
  },
  myReminders: async () => ({ gql: { query: `{ myReminders { id } }` } }),
  myAssignments: async () => ({ gql: { query: `{ myAssignments { id } }` } }),
  sideRequests: async (_r, v) => ({ gql: { query: `query($id: ID!) { sideRequests(taskId: $id) { id } }`, variables: { id: shared[v!].taskId } } }),
  pendingSideRequests: async () => ({ gql: { query: `{ pendingSideRequests { id } }` } }),
  decidedSideRequests: async () => {
    // Each shared task gets a granted suspension on record (once), so the list has something to narrow.
    endedOnShared ??= Promise.all(
      VARIANTS.map((v) =>
        app.asOwner(
          `INSERT INTO side_request (task_id, department_id, kind, reason, stage_at_filing, status, filed_by, decided_by, decided_role, decided_at)
           VALUES ($1, $2, 'SUSPENSION', '项目暂缓', 'IMPLEMENTATION', 'GRANTED', $3, $4, 'COORDINATOR', now())`,
          [shared[v].taskId, placement(v).lead, placement(v).lead === A ? users.STAFF.id : users.staffB.id, users.COORDINATOR.id],
        ),
      ),
    ).then(() => undefined);
    await endedOnShared;
    return { gql: { query: `{ decidedSideRequests(endedOnly: true, first: 100) { id taskId } }` } };
  },
  fileSideRequest: async (_r, v) => {
    await leaders();
    const task = await taskAt(v!, 'IMPLEMENTATION', '推进工业企业技术改造', FUTURE);
    return {
      gql: {
        query: `mutation($input: FileSideRequestInput!) { fileSideRequest(input: $input) { id } }`,
        variables: { input: { taskId: task.id, kind: 'EXTENSION', reason: '受汛期影响无法按期完成', requestedDueDate: '2099-09-30' } },
      },
    };
  },
  withdrawSideRequest: async (_r, v) => {
    await leaders();
    const id = await sideRequestOn(v!, false);
    return { gql: { query: `mutation($id: ID!) { withdrawSideRequest(id: $id) { id status } }`, variables: { id } } };
  },
  decideSideRequestAsLeader: async (role, v) => {
    const id = await sideRequestOn(v!, false);
    // Department staff act through their unit's leader: the first level is theirs alone.
    const token = role === 'STAFF' ? (await leaders()).A : undefined;
    return { gql: { query: `mutation($id: ID!) { decideSideRequestAsLeader(id: $id, approve: true) { id status } }`, variables: { id }, token } };
  },
  decideSideRequest: async (role, v) => {
    // The approver rules on key tasks, a coordinator on the others.
    const id = await sideRequestOn(v!, true, role === 'APPROVER');
    return { gql: { query: `mutation($id: ID!) { decideSideRequest(id: $id, grant: GRANT) { id status } }`, variables: { id } } };
  },
  setTaskFlags: async (_r, v) => {
    const task = await taskAt(v!, 'IMPLEMENTATION');
    return { gql: { query: `mutation($id: ID!) { setTaskFlags(taskId: $id, urgent: true, keyTask: true) { id urgent keyTask } }`, variables: { id: task.id } } };
  },
  instructions: async (_r, v) => ({ gql: { query: `query($id: ID!) { instructions(taskId: $id) { id } }`, variables: { id: shared[v!].taskId } } }),
  issueInstruction: async (_r, v) => {
    const task = await taskAt(v!, 'IMPLEMENTATION');
    const input = { taskId: task.id, number: `批示-${uniqueEmail()}`, issuedOn: TODAY, content: '请抓紧推进', tone: 'DIRECTIVE' };
    return { gql: { query: `mutation($input: IssueInstructionInput!) { issueInstruction(input: $input) { id } }`, variables: { input } } };
  },
  answerInstruction: async (_r, v) => {
    const task = await taskAt(v!, 'IMPLEMENTATION');
    const issued = await must(
      `mutation($input: IssueInstructionInput!) { issueInstruction(input: $input) { id } }`,
      { input: { taskId: task.id, number: '1', issuedOn: TODAY, content: '请报告进展', tone: 'DIRECTIVE' } },
      tokens.APPROVER,
    );
    return { gql: { query: `mutation($id: ID!) { answerInstruction(instructionId: $id, content: "已部署落实") { id } }`, variables: { id: issued.issueInstruction.id } } };
  },
  unansweredInstructions: async () => ({ gql: { query: `{ unansweredInstructions { id } }` } }),
  followTask: async (_r, v) => ({ gql: { query: `mutation($id: ID!) { followTask(taskId: $id) { id followedByMe } }`, variables: { id: shared[v!].taskId } } }),
  unfollowTask: async (_r, v) => ({ gql: { query: `mutation($id: ID!) { unfollowTask(taskId: $id) { id followedByMe } }`, variables: { id: shared[v!].taskId } } }),
  followedTasks: async () => ({ gql: { query: `{ followedTasks { id } }` } }),
  annotations: async (_r, v) => ({ gql: { query: `query($id: ID!) { annotations(taskId: $id) { id } }`, variables: { id: shared[v!].taskId } } }),
  annotateTask: async (_r, v) => ({ gql: { query: `mutation($id: ID!) { annotateTask(taskId: $id, content: "请督查室跟进") { id } }`, variables: { id: shared[v!].taskId } } }),
  exportSupervisionLedger: async () => ({ http: { method: 'GET', path: '/export/supervision-ledger.xlsx?period=2026-Q4' } }),
  supervisionBulletin: async () => ({ gql: { query: `query($p: ID!) { supervisionBulletin(planId: $p, period: "2026-Q4") { total } }`, variables: { p: plans.FULL } } }),
  uploadReportAttachment: async (_r, v) => {
    const task = await taskAt(v!, 'IMPLEMENTATION');
    const a = await assignmentOn(task.id, v!);
    await must(SIGN_FOR, { id: a.id }, a.token);
    const filed = await must(FILE_ASSIGNMENT_REPORT, assignmentReport(a.id), a.token);
    const reportId = filed.fileAssignmentReport.reports[0].id;
    return { http: { method: 'POST', path: `/files/assignment-reports/${reportId}/attachments`, body: PNG, headers: { 'x-file-name': 'photo.png', 'content-type': 'application/octet-stream' } } };
  },
};

/** A coordinator's reminder about a task to one of its units; answers its id. */
async function reminderTo(taskId: string, departmentId: string): Promise<string> {
  const made = await must(
    `mutation($input: RemindTaskInput!) { remindTask(input: $input) { id } }`,
    { input: { taskId, departmentId, level: 'NOTICE', requirement: '请于时限内报送办理情况', deadline: '2099-12-31' } },
    tokens.COORDINATOR,
  );
  return made.remindTask.id;
}

let SEED_TEXT = '';

async function perform(call: Call, token: string): Promise<Outcome> {
  if (call.gql) {
    const res = await app.gql(call.gql.query, call.gql.variables, call.gql.token ?? token);
    const code = (res.errors?.[0]?.extensions?.code as string | undefined) ?? null;
    return { ok: !res.errors?.length && !!res.data, code, detail: JSON.stringify(res.errors ?? res.data).slice(0, 300) };
  }
  const { method, path, body, headers } = call.http!;
  const res = await fetch(app.url + path, { method, body, headers: { authorization: `Bearer ${token}`, ...headers } });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.ok) return { ok: true, code: null, detail: `HTTP ${res.status}`, body: bytes };
  let code: string | null = null;
  try {
    code = JSON.parse(bytes.toString('utf8')).code ?? null;
  } catch {
    // not JSON: leave the code unknown
  }
  return { ok: false, code, detail: `HTTP ${res.status} ${bytes.toString('utf8').slice(0, 200)}` };
}

/** Every cell's text in an Excel export. */
async function codesIn(xlsx: Buffer): Promise<Set<string>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const cells = new Set<string>();
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.add(String(cell.value ?? '')))));
  return cells;
}

const results = { cases: 0, allowed: 0, refused: 0, roles: ROLES.length, operations: 0 };

beforeAll(async () => {
  app = await startTestApp();
  const ds = app.dataSource;
  A = (await makeDepartment(ds)).id;
  B = (await makeDepartment(ds)).id;
  for (const visibility of ['FULL', 'SUMMARY', 'OWN'] as const) plans[visibility] = (await makePlan(ds, { taskVisibility: visibility })).id;
  for (const role of ROLES) users[role] = await makeUser(ds, role, role === 'STAFF' ? A : role === 'COORDINATOR' || role === 'MANAGER' ? B : null);
  users.staffB = await makeUser(ds, 'STAFF', B);
  for (const key of Object.keys(users) as Array<keyof typeof users>) tokens[key] = await signIn(app, users[key]);
  teamId = (
    await must(
      `mutation($input: CreateInspectionTeamInput!) { createInspectionTeam(input: $input) { id } }`,
      { input: { name: '综合检查组', planId: plans.FULL, memberIds: [users.INSPECTOR.id] } },
      tokens.COORDINATOR,
    )
  ).createInspectionTeam.id;
  SEED_TEXT = readFileSync(resolve(__dirname, '../../shared/fixtures/seeds/001_5e21d8306f410a50.txt'), 'utf8');
  for (const variant of VARIANTS) {
    const title = `共享任务 ${variant}`;
    const task = await taskAt(variant, 'IMPLEMENTATION', title, '2020-01-31'); // overdue: on the watch list too
    await fileReport(app, leadToken(variant), task.id);
    await must(`mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { id } }`, { input: { name: '产值', unit: '亿元', taskId: task.id } }, tokens.COORDINATOR);
    await must(`mutation($input: ScheduleInspectionInput!) { scheduleInspection(input: $input) { id } }`, { input: { taskId: task.id, teamId, scheduledOn: TODAY } }, tokens.COORDINATOR);
    await must(`mutation($input: AssessTaskInput!) { assessTask(input: $input) { id } }`, { input: { taskId: task.id, period: '2026-Q2', score: 91 } }, tokens.APPROVER);
    const finding = await logFinding(app, tokens.INSPECTOR, task.id);
    const upload = await fetch(`${app.url}/files/findings/${finding.id}/evidence`, {
      method: 'POST',
      body: PNG,
      headers: { authorization: `Bearer ${tokens.INSPECTOR}`, 'x-file-name': 'photo.png' },
    });
    const file = (await upload.json()) as { id: string };
    shared[variant] = { taskId: task.id, title, evidenceId: file.id };
  }
});

afterAll(async () => {
  mkdirSync(resolve(__dirname, '../../test-results'), { recursive: true });
  writeFileSync(resolve(__dirname, '../../test-results/permission-matrix.json'), JSON.stringify(results, null, 2));
  await app?.close();
});

describe('the permission table covers the API', () => {
  it('names every query, mutation and subscription of the schema (an operation missing from it is refused to everyone)', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8'));
    const names = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) => Object.keys(type?.getFields() ?? {}));
    const unlisted = names.filter((name) => !OPERATIONS.includes(name as Operation) && !(PUBLIC_OPERATIONS as readonly string[]).includes(name));
    expect(unlisted).toEqual([]);
    const gone = OPERATIONS.filter((op) => PERMISSIONS[op].kind !== 'download' && PERMISSIONS[op].kind !== 'upload' && !names.includes(op));
    expect(gone).toEqual([]);
  });
});

describe('every operation × role: allowed calls succeed, refused ones are FORBIDDEN and change nothing', () => {
  const operations = Object.keys(CALLS) as Array<keyof typeof CALLS>;
  it.each(operations)('%s', async (operation) => {
    results.operations++;
    const rule = PERMISSIONS[operation];
    const failures: string[] = [];
    for (const role of ROLES) {
      // Department staff try every kind of task; other roles' scopes do not depend on it, so they get the most hidden one.
      const variants: Array<Variant | null> = rule.target === 'task' ? (role === 'STAFF' ? VARIANTS : ['otherOwn']) : [null];
      for (const variant of variants) {
        const expected = permits(users[role], operation, variant ? targetOf(variant) : undefined);
        const call = await CALLS[operation](role, variant);
        const before = expected ? null : await databaseFingerprint(app.dataSource);
        const outcome = await perform(call, tokens[role]);
        results.cases++;
        const label = `${operation} as ${role}${variant ? ` on ${variant}` : ''}`;
        if (expected) {
          results.allowed++;
          if (!outcome.ok) failures.push(`${label}: expected success, got ${outcome.detail}`);
          if (outcome.ok && rule.target === 'list') await checkList(operation, role, outcome, failures, label);
        } else {
          results.refused++;
          if (outcome.ok || outcome.code !== 'FORBIDDEN') failures.push(`${label}: expected FORBIDDEN, got ${outcome.detail}`);
          else if (JSON.stringify(await databaseFingerprint(app.dataSource)) !== JSON.stringify(before)) failures.push(`${label}: refused but the database changed`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

/** A list shows exactly the shared tasks the table lets this role see. */
async function checkList(operation: Operation, role: Role, outcome: Outcome, failures: string[], label: string): Promise<void> {
  const expected = VARIANTS.filter((v) => permits(users[role], operation, targetOf(v)));
  let shown: Variant[];
  if (outcome.body) {
    const cells = await codesIn(outcome.body);
    shown = VARIANTS.filter((v) => cells.has(shared[v].title));
  } else {
    const res = await app.gql(
      {
        board: `{ board { columns { tasks(first: 100) { nodes { id } } } } }`,
        findingList: `{ findingList { taskId } }`,
        taskChanges: `{ taskChanges(after: "0") { changes { task { id } } } }`,
        watchList: `{ watchList { overdue { id } } }`,
        decidedSideRequests: `{ decidedSideRequests(endedOnly: true, first: 100) { taskId } }`,
      }[operation as 'board'],
      {},
      tokens[role],
    );
    const ids = new Set(JSON.stringify(res.data).match(/[0-9a-f]{8}-[0-9a-f-]{27}/g) ?? []);
    shown = VARIANTS.filter((v) => ids.has(shared[v].taskId));
  }
  if (JSON.stringify(shown) !== JSON.stringify(expected)) failures.push(`${label}: showed ${shown.join(',') || 'none'}, the table says ${expected.join(',') || 'none'}`);
}

describe('live updates (taskChanged) reach only those who may see the task', () => {
  it('each role receives the moves of exactly the tasks the table lets them watch', async () => {
    const received: Record<string, Set<string>> = {};
    const refusals: Record<string, string | null> = {};
    const clients = ROLES.map((role) => {
      received[role] = new Set();
      refusals[role] = null;
      const client = createClient({
        url: app.url.replace('http', 'ws') + '/graphql',
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${tokens[role]}` },
        retryAttempts: 0,
      });
      client.subscribe(
        { query: `subscription { taskChanged { task { id } } }` },
        {
          next: (value) => {
            if (value.errors) refusals[role] = String(value.errors[0]?.extensions?.code ?? value.errors[0]?.message);
            else received[role].add((value.data as any).taskChanged.task.id);
          },
          error: (error) => (refusals[role] = String((error as any)?.[0]?.extensions?.code ?? (error as any)?.message ?? error)),
          complete: () => undefined,
        },
      );
      return client;
    });
    await new Promise((r) => setTimeout(r, 500));
    const moved: Record<Variant, string> = {} as Record<Variant, string>;
    for (const variant of VARIANTS) moved[variant] = (await taskAt(variant, 'REVIEW')).id;
    await new Promise((r) => setTimeout(r, 800));
    await Promise.all(clients.map((c) => c.dispose()));
    for (const role of ROLES) {
      results.cases++;
      const may = VARIANTS.filter((v) => permits(users[role], 'taskChanged', targetOf(v)));
      if (!may.length) {
        expect({ role, refusal: refusals[role] }).toEqual({ role, refusal: 'FORBIDDEN' });
        continue;
      }
      const got = VARIANTS.filter((v) => received[role].has(moved[v]));
      expect({ role, got }).toEqual({ role, got: may });
    }
  });
});

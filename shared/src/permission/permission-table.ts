import type { Role } from '../actor/role';

/**
 * How far a role reaches with an operation:
 * - ANY: whatever the target.
 * - SELF: only the caller's own things (their notifications, their work list, their session).
 * - LEAD: only tasks the caller's department leads (the machines' lead-department guards).
 * - DEPARTMENT: only tasks the caller's department leads or cooperates on.
 * - VISIBLE: the caller's department's tasks, and others as far as the plan's visibility setting
 *   shows them on the board (FULL or SUMMARY; OWN hides them).
 * - DETAIL: the caller's department's tasks, and others only where the plan shows everything (FULL).
 * A role missing from an operation's row may not call it at all.
 */
export type Scope = 'ANY' | 'SELF' | 'LEAD' | 'DEPARTMENT' | 'VISIBLE' | 'DETAIL';

/** What a plan lets department staff see of other departments' tasks. */
export const TASK_VISIBILITIES = ['FULL', 'SUMMARY', 'OWN'] as const;
export type TaskVisibility = (typeof TASK_VISIBILITIES)[number];

export interface OperationRule {
  kind: 'query' | 'mutation' | 'subscription' | 'download' | 'upload';
  /** Whether a department scope is about a task (the call names one) or narrows a list. */
  target: 'none' | 'task' | 'list';
  roles: Partial<Record<Role, Scope>>;
}

const READ_ALL = { COORDINATOR: 'ANY', APPROVER: 'ANY', INSPECTOR: 'ANY', MANAGER: 'ANY' } as const;
const EVERYONE_SELF = { COORDINATOR: 'SELF', APPROVER: 'SELF', INSPECTOR: 'SELF', MANAGER: 'SELF', STAFF: 'SELF', ADMIN: 'SELF' } as const;

/**
 * The permission table: role × department scope × operation. The server's guard refuses a role
 * the row lacks; its services check the scope against the task. The README prints this table.
 * Sign-in, token refresh and the demo-account list need no sign-in and are not listed.
 */
export const PERMISSIONS = {
  // —— who am I, where am I
  me: { kind: 'query', target: 'none', roles: EVERYONE_SELF },
  logout: { kind: 'mutation', target: 'none', roles: EVERYONE_SELF },
  departments: { kind: 'query', target: 'none', roles: { ...READ_ALL, STAFF: 'ANY', ADMIN: 'ANY' } },
  plans: { kind: 'query', target: 'none', roles: { ...READ_ALL, STAFF: 'ANY', ADMIN: 'ANY' } },
  notifications: { kind: 'query', target: 'none', roles: EVERYONE_SELF },
  unreadNotificationCount: { kind: 'query', target: 'none', roles: EVERYONE_SELF },
  markNotificationsRead: { kind: 'mutation', target: 'none', roles: EVERYONE_SELF },

  // —— the board and a task
  board: { kind: 'query', target: 'list', roles: { ...READ_ALL, STAFF: 'VISIBLE' } },
  taskChanged: { kind: 'subscription', target: 'list', roles: { ...READ_ALL, STAFF: 'VISIBLE' } },
  taskChanges: { kind: 'query', target: 'list', roles: { ...READ_ALL, STAFF: 'VISIBLE' } },
  task: { kind: 'query', target: 'task', roles: { ...READ_ALL, STAFF: 'VISIBLE' } },
  createTask: { kind: 'mutation', target: 'task', roles: { COORDINATOR: 'ANY', STAFF: 'LEAD' } },
  transitionTask: { kind: 'mutation', target: 'task', roles: { COORDINATOR: 'ANY', APPROVER: 'ANY', INSPECTOR: 'ANY', STAFF: 'LEAD' } },

  // —— a task's details
  progressReports: { kind: 'query', target: 'task', roles: { ...READ_ALL, STAFF: 'DETAIL' } },
  reportSchedule: { kind: 'query', target: 'task', roles: { ...READ_ALL, STAFF: 'DETAIL' } },
  fileProgressReport: { kind: 'mutation', target: 'task', roles: { STAFF: 'DEPARTMENT' } },
  myReportsDue: { kind: 'query', target: 'none', roles: { STAFF: 'SELF' } },
  assessments: { kind: 'query', target: 'task', roles: { ...READ_ALL, STAFF: 'DETAIL' } },
  assessTask: { kind: 'mutation', target: 'task', roles: { COORDINATOR: 'ANY', APPROVER: 'ANY' } },
  indicators: { kind: 'query', target: 'task', roles: { ...READ_ALL, STAFF: 'DETAIL' } },

  // —— inspection
  inspections: { kind: 'query', target: 'task', roles: { ...READ_ALL, STAFF: 'DETAIL' } },
  findings: { kind: 'query', target: 'task', roles: { ...READ_ALL, STAFF: 'DETAIL' } },
  findingList: { kind: 'query', target: 'list', roles: { ...READ_ALL, STAFF: 'DETAIL' } },
  inspectionTeams: { kind: 'query', target: 'none', roles: { ...READ_ALL, STAFF: 'ANY' } },
  myInspections: { kind: 'query', target: 'none', roles: { COORDINATOR: 'SELF', INSPECTOR: 'SELF' } },
  createInspectionTeam: { kind: 'mutation', target: 'none', roles: { COORDINATOR: 'ANY' } },
  scheduleInspection: { kind: 'mutation', target: 'task', roles: { COORDINATOR: 'ANY', INSPECTOR: 'ANY' } },
  recordInspectionVisit: { kind: 'mutation', target: 'task', roles: { COORDINATOR: 'ANY', INSPECTOR: 'ANY' } },
  logFinding: { kind: 'mutation', target: 'task', roles: { COORDINATOR: 'ANY', INSPECTOR: 'ANY' } },
  transitionFinding: { kind: 'mutation', target: 'task', roles: { COORDINATOR: 'ANY', INSPECTOR: 'ANY', STAFF: 'LEAD' } },
  uploadEvidence: { kind: 'upload', target: 'task', roles: { COORDINATOR: 'ANY', INSPECTOR: 'ANY', STAFF: 'LEAD' } },
  downloadEvidence: { kind: 'download', target: 'task', roles: { ...READ_ALL, STAFF: 'DETAIL' } },

  // —— the plan as a whole
  planDashboard: { kind: 'query', target: 'none', roles: { ...READ_ALL, STAFF: 'ANY' } },
  departmentRanking: { kind: 'query', target: 'none', roles: { ...READ_ALL, STAFF: 'ANY' } },
  updatePlanSettings: { kind: 'mutation', target: 'none', roles: { COORDINATOR: 'ANY' } },
  importPlan: { kind: 'mutation', target: 'none', roles: { COORDINATOR: 'ANY' } },
  createIndicator: { kind: 'mutation', target: 'none', roles: { COORDINATOR: 'ANY' } },
  setIndicatorAllocations: { kind: 'mutation', target: 'none', roles: { COORDINATOR: 'ANY' } },
  exportLedger: { kind: 'download', target: 'list', roles: { ...READ_ALL, STAFF: 'VISIBLE' } },
  exportIndicators: { kind: 'download', target: 'none', roles: { ...READ_ALL, STAFF: 'ANY' } },
  exportFindings: { kind: 'download', target: 'list', roles: { ...READ_ALL, STAFF: 'DETAIL' } },

  // —— supervision (督办)
  watchList: { kind: 'query', target: 'list', roles: { ...READ_ALL, STAFF: 'VISIBLE' } },
  calendarDays: { kind: 'query', target: 'none', roles: { ...READ_ALL, STAFF: 'ANY', ADMIN: 'ANY' } },
  setCalendarDay: { kind: 'mutation', target: 'none', roles: { ADMIN: 'ANY' } },
  removeCalendarDay: { kind: 'mutation', target: 'none', roles: { ADMIN: 'ANY' } },

  // —— scoring (督办考核): scores are published to every unit, as the bulletin is
  scoreCards: { kind: 'query', target: 'none', roles: { ...READ_ALL, STAFF: 'ANY' } },
  scoringRules: { kind: 'query', target: 'none', roles: { ...READ_ALL, STAFF: 'ANY' } },
  setScoringRules: { kind: 'mutation', target: 'none', roles: { COORDINATOR: 'ANY' } },

  // —— people and the audit trail
  users: { kind: 'query', target: 'none', roles: { COORDINATOR: 'ANY', MANAGER: 'ANY', ADMIN: 'ANY' } },
  createUser: { kind: 'mutation', target: 'none', roles: { ADMIN: 'ANY' } },
  resetPassword: { kind: 'mutation', target: 'none', roles: { ADMIN: 'ANY' } },
  setUserActive: { kind: 'mutation', target: 'none', roles: { ADMIN: 'ANY' } },
  auditLog: { kind: 'query', target: 'none', roles: { ADMIN: 'ANY' } },

  // —— per-unit assignments (承办单位): the unit's own staff sign, report and send back (the service
  // narrows DEPARTMENT to the unit the assignment is for); the coordinating office reviews
  assignments: { kind: 'query', target: 'task', roles: { ...READ_ALL, STAFF: 'DETAIL' } },
  signForAssignment: { kind: 'mutation', target: 'task', roles: { STAFF: 'DEPARTMENT' } },
  fileAssignmentReport: { kind: 'mutation', target: 'task', roles: { STAFF: 'DEPARTMENT' } },
  reviewAssignmentReport: { kind: 'mutation', target: 'task', roles: { COORDINATOR: 'ANY' } },
  sendBackAssignment: { kind: 'mutation', target: 'task', roles: { STAFF: 'DEPARTMENT' } },
  // What waits on the signed-in unit: assignments to sign for, reports returned for rework (its work list).
  myAssignments: { kind: 'query', target: 'none', roles: { STAFF: 'SELF' } },
  // —— reminders (催办) with escalation. Only the coordinating office presses by hand: leaders
  // (approvers) act through their instructions (批示) and managers only read, so a unit hears one
  // voice and the slips' numbers stay the office's. The unit's own staff sign for them.
  remindTask: { kind: 'mutation', target: 'task', roles: { COORDINATOR: 'ANY' } },
  signForReminder: { kind: 'mutation', target: 'task', roles: { STAFF: 'DEPARTMENT' } },
  reminders: { kind: 'query', target: 'task', roles: { ...READ_ALL, STAFF: 'DETAIL' } },
  reminder: { kind: 'query', target: 'task', roles: { ...READ_ALL, STAFF: 'DETAIL' } },
  myReminders: { kind: 'query', target: 'none', roles: { STAFF: 'SELF' } },
  // —— side requests (申请: 延期 调整 中止 撤销) and task flags
  // Finer rules sit in shared/src/side-request: the first level is the filing unit's leader only,
  // the second a coordinator, or the approver when the task is a key task.
  sideRequests: { kind: 'query', target: 'task', roles: { ...READ_ALL, STAFF: 'DETAIL' } },
  pendingSideRequests: { kind: 'query', target: 'none', roles: { COORDINATOR: 'SELF', APPROVER: 'SELF', STAFF: 'SELF' } },
  // Where suspended and cancelled tasks are found once they leave the board.
  decidedSideRequests: { kind: 'query', target: 'list', roles: { ...READ_ALL, STAFF: 'DETAIL' } },
  fileSideRequest: { kind: 'mutation', target: 'task', roles: { STAFF: 'DEPARTMENT' } },
  withdrawSideRequest: { kind: 'mutation', target: 'task', roles: { STAFF: 'DEPARTMENT' } },
  decideSideRequestAsLeader: { kind: 'mutation', target: 'task', roles: { STAFF: 'DEPARTMENT' } },
  decideSideRequest: { kind: 'mutation', target: 'task', roles: { COORDINATOR: 'ANY', APPROVER: 'ANY' } },
  setTaskFlags: { kind: 'mutation', target: 'task', roles: { COORDINATOR: 'ANY' } },
  // —— leader instructions (领导批示), following (关注) and remarks (批注)
  instructions: { kind: 'query', target: 'task', roles: { ...READ_ALL, STAFF: 'DETAIL' } },
  issueInstruction: { kind: 'mutation', target: 'task', roles: { APPROVER: 'ANY', MANAGER: 'ANY' } },
  answerInstruction: { kind: 'mutation', target: 'task', roles: { STAFF: 'LEAD' } },
  unansweredInstructions: { kind: 'query', target: 'none', roles: { COORDINATOR: 'ANY', APPROVER: 'SELF', MANAGER: 'SELF', STAFF: 'SELF' } },
  // Coordinators follow too: the supervision office (督查室) watches the tasks it chases.
  followTask: { kind: 'mutation', target: 'task', roles: { COORDINATOR: 'ANY', APPROVER: 'ANY', MANAGER: 'ANY' } },
  unfollowTask: { kind: 'mutation', target: 'task', roles: { COORDINATOR: 'ANY', APPROVER: 'ANY', MANAGER: 'ANY' } },
  followedTasks: { kind: 'query', target: 'none', roles: { COORDINATOR: 'SELF', APPROVER: 'SELF', MANAGER: 'SELF' } },
  // A remark (批注) is a leader's: the office speaks through reminders and transitions instead.
  annotations: { kind: 'query', target: 'task', roles: { ...READ_ALL, STAFF: 'DETAIL' } },
  annotateTask: { kind: 'mutation', target: 'task', roles: { APPROVER: 'ANY', MANAGER: 'ANY' } },
  // —— the supervision ledger (督办台账) and bulletin (督办通报): the office's outputs for its leaders,
  // read by those who read the whole plan; a unit sees its own work on the board and its work list
  exportSupervisionLedger: { kind: 'download', target: 'list', roles: READ_ALL },
  supervisionBulletin: { kind: 'query', target: 'none', roles: READ_ALL },

  // —— report attachments (附件): the unit's own staff attach files to its report while it awaits
  // review (the service narrows DEPARTMENT to that unit); they download as downloadEvidence, one store
  uploadReportAttachment: { kind: 'upload', target: 'task', roles: { STAFF: 'DEPARTMENT' } },
} as const satisfies Record<string, OperationRule>;

export type Operation = keyof typeof PERMISSIONS;
export const OPERATIONS = Object.keys(PERMISSIONS) as Operation[];

/** Operations anyone may call without signing in. */
export const PUBLIC_OPERATIONS = ['login', 'refreshSession', 'demoAccounts'] as const;

export function isOperation(name: string): name is Operation {
  return Object.prototype.hasOwnProperty.call(PERMISSIONS, name);
}

/** The role's scope for an operation, or null when the role may not call it at all. */
export function scopeOf(role: Role, operation: Operation): Scope | null {
  const roles: Partial<Record<Role, Scope>> = PERMISSIONS[operation].roles;
  return roles[role] ?? null;
}

/** The task an operation is about, as the scope check needs it. */
export interface TaskAccessTarget {
  leadDepartmentId: string;
  cooperatingDepartmentIds: readonly string[];
  visibility: TaskVisibility;
}

export interface AccessActor {
  role: Role;
  departmentId: string | null;
}

/** Whether the actor's department leads or cooperates on the task. */
export function isOwnTask(actor: AccessActor, task: Pick<TaskAccessTarget, 'leadDepartmentId' | 'cooperatingDepartmentIds'>): boolean {
  return actor.departmentId !== null && (task.leadDepartmentId === actor.departmentId || task.cooperatingDepartmentIds.includes(actor.departmentId));
}

/** Whether a scope reaches a task. */
export function scopeReaches(scope: Scope, actor: AccessActor, task: TaskAccessTarget): boolean {
  switch (scope) {
    case 'ANY':
    case 'SELF':
      return true;
    case 'LEAD':
      return actor.departmentId !== null && task.leadDepartmentId === actor.departmentId;
    case 'DEPARTMENT':
      return isOwnTask(actor, task);
    case 'VISIBLE':
      return isOwnTask(actor, task) || task.visibility !== 'OWN';
    case 'DETAIL':
      return isOwnTask(actor, task) || task.visibility === 'FULL';
  }
}

/** The whole rule: may this actor do this operation (on this task, when it is about one)? */
export function permits(actor: AccessActor, operation: Operation, task?: TaskAccessTarget): boolean {
  const scope = scopeOf(actor.role, operation);
  if (!scope) return false;
  return task ? scopeReaches(scope, actor, task) : true;
}

/**
 * For lists: which plan visibilities show the actor other departments' tasks. `null` means every
 * task; otherwise the actor sees their own tasks plus tasks of plans with these visibilities.
 */
export function visibleElsewhere(actor: AccessActor, operation: Operation): readonly TaskVisibility[] | null {
  const scope = scopeOf(actor.role, operation);
  if (scope === 'ANY') return null;
  if (scope === 'VISIBLE') return ['FULL', 'SUMMARY'];
  if (scope === 'DETAIL') return ['FULL'];
  return [];
}

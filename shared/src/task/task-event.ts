import type { Actor, Role } from '../actor/role';

/** Event names are a contract with the API and the client: add, never rename. */
export const TASK_EVENT_TYPES = [
  'SUBMIT',
  'WITHDRAW',
  'ACCEPT',
  'RETURN',
  'REJECT',
  'APPROVE',
  'REQUEST_INSPECTION',
  'PASS',
  'REQUIRE_RECTIFICATION',
  'COMMEND',
  'WARN',
  'ARCHIVE',
  // Sent by the server alone, when a coordinator or approver grants a suspension or cancellation request.
  'SUSPEND',
  'CANCEL',
  'REOPEN',
] as const;

export type TaskEventType = (typeof TASK_EVENT_TYPES)[number];

export function isTaskEventType(value: string): value is TaskEventType {
  return (TASK_EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * What the machine must know beyond the task itself to allow some moves: the server counts these
 * in the database and sends them with the event; the client reads them from the task.
 */
export interface TaskFacts {
  /** Progress reports filed on the task (REQUEST_INSPECTION needs one). */
  progressReports: number;
  /** Findings not yet verified (REQUIRE_RECTIFICATION needs one). */
  unverifiedFindings: number;
  /** Major findings not yet verified (PASS needs none). */
  unverifiedMajorFindings: number;
}

export interface TaskEvent {
  type: TaskEventType;
  actor: Actor;
  comment?: string | null;
  /** Absent facts count as unmet: a caller that did not look may not pass a check. */
  facts?: TaskFacts;
  /** The granted side request (申请) that ends the task: SUSPEND and CANCEL need one. */
  sideRequestId?: string | null;
  /** The leader instruction (领导批示) that sends this event; only REOPEN needs one. */
  instructionId?: string | null;
}

/** Events no one sends by hand: they follow from a granted side request, never from the board. */
export const REQUEST_ONLY_EVENTS: ReadonlySet<TaskEventType> = new Set<TaskEventType>(['SUSPEND', 'CANCEL']);

/** The counts a task carries over the API (server model and client card alike), as machine facts. */
export function taskFactsOf(task: { progressReportCount: number; openFindingCount: number; openMajorFindingCount: number }): TaskFacts {
  return {
    progressReports: task.progressReportCount,
    unverifiedFindings: task.openFindingCount,
    unverifiedMajorFindings: task.openMajorFindingCount,
  };
}

/** Why a move's precondition fails, or null when it holds. */
export function unmetPrecondition(type: TaskEventType, facts: TaskFacts | undefined): string | null {
  switch (type) {
    case 'REQUEST_INSPECTION':
      return facts && facts.progressReports > 0 ? null : 'REQUEST_INSPECTION needs at least one progress report';
    case 'REQUIRE_RECTIFICATION':
      return facts && facts.unverifiedFindings > 0 ? null : 'REQUIRE_RECTIFICATION needs at least one open finding';
    case 'PASS':
      return facts && facts.unverifiedMajorFindings === 0
        ? null
        : `PASS needs every major finding verified${facts ? ` (${facts.unverifiedMajorFindings} not yet)` : ''}`;
    default:
      return null;
  }
}

/** Why an event that must come from a granted side request cannot be sent, or null. */
export function unmetRequestCondition(event: Pick<TaskEvent, 'type' | 'sideRequestId'>): string | null {
  return REQUEST_ONLY_EVENTS.has(event.type) && !event.sideRequestId ? `${event.type} follows only from a granted side request` : null;
}

/** Events that send work back or end it must say why. */
export const EVENTS_REQUIRING_COMMENT: ReadonlySet<TaskEventType> = new Set<TaskEventType>([
  'RETURN',
  'REJECT',
  'REQUIRE_RECTIFICATION',
  'SUSPEND',
  'CANCEL',
  'REOPEN',
]);

export function requiresComment(type: TaskEventType): boolean {
  return EVENTS_REQUIRING_COMMENT.has(type);
}

export function hasComment(event: Pick<TaskEvent, 'comment'>): boolean {
  return typeof event.comment === 'string' && event.comment.trim().length > 0;
}

/**
 * Who may send an event in a given stage. `leadDepartment` admits STAFF of the task's lead
 * department; `roles` admits those roles whatever the department. The machine attaches one of
 * these to every transition, so the machine stays the single source of who-may-do-what.
 */
export interface EventPermission {
  roles: readonly Role[];
  leadDepartment: boolean;
}

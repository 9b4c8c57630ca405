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
] as const;

export type TaskEventType = (typeof TASK_EVENT_TYPES)[number];

export function isTaskEventType(value: string): value is TaskEventType {
  return (TASK_EVENT_TYPES as readonly string[]).includes(value);
}

export interface TaskEvent {
  type: TaskEventType;
  actor: Actor;
  comment?: string | null;
}

/** Events that send work back or end it must say why. */
export const EVENTS_REQUIRING_COMMENT: ReadonlySet<TaskEventType> = new Set<TaskEventType>([
  'RETURN',
  'REJECT',
  'REQUIRE_RECTIFICATION',
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

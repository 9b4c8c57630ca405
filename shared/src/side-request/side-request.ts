import type { Actor } from '../actor/role';
import { DEADLINE_STAGES, type TaskStage } from '../task/task-stage';
import type { TaskEventType } from '../task/task-event';
import { isIsoDate } from '../task/task-deadline';

/**
 * Side requests (申请) beside the stage: a responsible unit asks to extend (延期), adjust (调整),
 * suspend (中止) or cancel (撤销) its task. Two levels decide: the unit's own leader (单位负责人),
 * then a coordinator — or the approver when the task is a key task (重点任务). Pure rules, shared by
 * the server (which enforces them) and the client (which offers only what they allow).
 */
export const SIDE_REQUEST_KINDS = ['EXTENSION', 'ADJUSTMENT', 'SUSPENSION', 'CANCELLATION'] as const;
export type SideRequestKind = (typeof SIDE_REQUEST_KINDS)[number];

export const SIDE_REQUEST_STATUSES = ['PENDING_LEADER', 'PENDING_DECISION', 'GRANTED', 'PARTLY_GRANTED', 'REJECTED', 'WITHDRAWN'] as const;
export type SideRequestStatus = (typeof SIDE_REQUEST_STATUSES)[number];

/** What the second level answers. PARTLY grants an extension up to an earlier date than asked. */
export const SIDE_REQUEST_GRANTS = ['GRANT', 'PARTLY', 'REJECT'] as const;
export type SideRequestGrant = (typeof SIDE_REQUEST_GRANTS)[number];

export const PENDING_SIDE_REQUEST_STATUSES: readonly SideRequestStatus[] = ['PENDING_LEADER', 'PENDING_DECISION'];

export function isPendingSideRequest(status: SideRequestStatus): boolean {
  return PENDING_SIDE_REQUEST_STATUSES.includes(status);
}

/** The task event a granted request sends: suspension and cancellation end the task. */
export function endEventFor(kind: SideRequestKind): Extract<TaskEventType, 'SUSPEND' | 'CANCEL'> | null {
  return kind === 'SUSPENSION' ? 'SUSPEND' : kind === 'CANCELLATION' ? 'CANCEL' : null;
}

/** Who decides the second level: the approver for key tasks, else a coordinator. */
export function secondLevelRole(keyTask: boolean): 'APPROVER' | 'COORDINATOR' {
  return keyTask ? 'APPROVER' : 'COORDINATOR';
}

/** A refusal the server turns into an error: FORBIDDEN (wrong person) or BAD_USER_INPUT (wrong request or moment). */
export interface SideRequestRefusal {
  code: 'FORBIDDEN' | 'BAD_USER_INPUT';
  message: string;
  field?: string;
}

const refuse = (code: SideRequestRefusal['code'], message: string, field?: string): SideRequestRefusal => ({ code, message, ...(field ? { field } : {}) });

export interface FilingContext {
  actor: Actor;
  task: { stage: TaskStage; dueDate: string | null; leadDepartmentId: string; cooperatingDepartmentIds: readonly string[] };
  kind: SideRequestKind;
  reason: string | null | undefined;
  /** Extensions only: the day asked for. */
  requestedDueDate: string | null | undefined;
  /** Adjustments only: what should change. */
  adjustment: string | null | undefined;
  /** Kinds already pending on this task. */
  pendingKinds: readonly SideRequestKind[];
  /** Today in the plan's time zone (todayIn). */
  today: string;
}

/** Stages a request may be filed in: before inspection (the same stages in which a deadline can pass). */
export const REQUEST_STAGES: readonly TaskStage[] = DEADLINE_STAGES;

const blank = (text: string | null | undefined) => typeof text !== 'string' || text.trim().length === 0;

/** Why this person may not file this request on this task now, or null when they may. */
export function filingRefusal(c: FilingContext): SideRequestRefusal | null {
  const { actor, task } = c;
  const responsible = actor.departmentId !== null && (task.leadDepartmentId === actor.departmentId || task.cooperatingDepartmentIds.includes(actor.departmentId));
  if (actor.role !== 'STAFF' || !responsible) return refuse('FORBIDDEN', 'Only staff of the lead or a cooperating unit may file a request on this task');
  if (!REQUEST_STAGES.includes(task.stage)) return refuse('BAD_USER_INPUT', `No requests once the task is in ${task.stage}: only before inspection`, 'taskId');
  if (task.dueDate !== null && task.dueDate < c.today) return refuse('BAD_USER_INPUT', `The deadline ${task.dueDate} has passed: requests must be filed before it`, 'taskId');
  if (blank(c.reason)) return refuse('BAD_USER_INPUT', 'A request needs a reason', 'reason');
  if (c.kind === 'EXTENSION') {
    if (task.dueDate === null) return refuse('BAD_USER_INPUT', 'The task has no deadline to extend', 'kind');
    if (!c.requestedDueDate || !isIsoDate(c.requestedDueDate)) return refuse('BAD_USER_INPUT', 'An extension needs the new due date (YYYY-MM-DD)', 'requestedDueDate');
    if (c.requestedDueDate <= task.dueDate) return refuse('BAD_USER_INPUT', `The new due date must be after the current one (${task.dueDate})`, 'requestedDueDate');
  } else if (c.requestedDueDate) {
    return refuse('BAD_USER_INPUT', 'Only an extension asks for a new due date', 'requestedDueDate');
  }
  if (c.kind === 'ADJUSTMENT' && blank(c.adjustment)) return refuse('BAD_USER_INPUT', 'An adjustment says what should change', 'adjustment');
  if (c.kind !== 'ADJUSTMENT' && !blank(c.adjustment)) return refuse('BAD_USER_INPUT', 'Only an adjustment describes a change', 'adjustment');
  if (c.pendingKinds.includes(c.kind)) return refuse('BAD_USER_INPUT', `A ${c.kind} request is already pending on this task`, 'kind');
  return null;
}

export interface RequestView {
  status: SideRequestStatus;
  departmentId: string;
  filedBy: string;
}

/** The filer may withdraw while nobody has decided for good. */
export function withdrawRefusal(actor: Actor, request: RequestView): SideRequestRefusal | null {
  if (actor.userId !== request.filedBy) return refuse('FORBIDDEN', 'Only the person who filed a request may withdraw it');
  if (!isPendingSideRequest(request.status)) return refuse('BAD_USER_INPUT', `The request is already ${request.status}`, 'id');
  return null;
}

/** The first level: the leader (单位负责人) of the unit that filed the request. */
export function leaderDecisionRefusal(actor: Actor & { departmentLeader: boolean }, request: RequestView, approve: boolean, comment: string | null | undefined): SideRequestRefusal | null {
  if (actor.role !== 'STAFF' || !actor.departmentLeader || actor.departmentId !== request.departmentId) {
    return refuse('FORBIDDEN', 'Only the leader of the unit that filed the request decides at the first level');
  }
  if (request.status !== 'PENDING_LEADER') return refuse('BAD_USER_INPUT', `The request is ${request.status}, not waiting for its unit's leader`, 'id');
  if (!approve && blank(comment)) return refuse('BAD_USER_INPUT', 'A rejection needs a comment saying why', 'comment');
  return null;
}

export interface FinalDecisionContext {
  actor: Actor;
  request: RequestView & { kind: SideRequestKind; requestedDueDate: string | null };
  keyTask: boolean;
  /** The task's due date now. */
  currentDueDate: string | null;
  grant: SideRequestGrant;
  grantedDueDate: string | null | undefined;
  comment: string | null | undefined;
}

export type FinalDecision =
  | { ok: true; status: Extract<SideRequestStatus, 'GRANTED' | 'PARTLY_GRANTED' | 'REJECTED'>; grantedDueDate: string | null }
  | { ok: false; refusal: SideRequestRefusal };

/**
 * The second level. An extension may be granted in part: a date after the current due date and no
 * later than the one asked for (the date asked for itself is a full grant). GRANT without a date
 * grants the date asked for.
 */
export function finalDecision(c: FinalDecisionContext): FinalDecision {
  const no = (refusal: SideRequestRefusal): FinalDecision => ({ ok: false, refusal });
  const role = secondLevelRole(c.keyTask);
  if (c.actor.role !== role) {
    return no(refuse('FORBIDDEN', c.keyTask ? 'The approver decides requests on key tasks (重点任务)' : 'A coordinator decides requests on this task'));
  }
  if (c.request.status !== 'PENDING_DECISION') return no(refuse('BAD_USER_INPUT', `The request is ${c.request.status}, not waiting for a decision`, 'id'));
  if (c.grant === 'REJECT') {
    if (blank(c.comment)) return no(refuse('BAD_USER_INPUT', 'A rejection needs a comment saying why', 'comment'));
    if (c.grantedDueDate) return no(refuse('BAD_USER_INPUT', 'A rejection grants no date', 'grantedDueDate'));
    return { ok: true, status: 'REJECTED', grantedDueDate: null };
  }
  if (c.request.kind !== 'EXTENSION') {
    if (c.grant === 'PARTLY') return no(refuse('BAD_USER_INPUT', 'Only an extension can be granted in part', 'grant'));
    if (c.grantedDueDate) return no(refuse('BAD_USER_INPUT', 'Only an extension grants a date', 'grantedDueDate'));
    return { ok: true, status: 'GRANTED', grantedDueDate: null };
  }
  const requested = c.request.requestedDueDate!;
  const date = c.grantedDueDate?.trim() || (c.grant === 'GRANT' ? requested : null);
  if (!date) return no(refuse('BAD_USER_INPUT', 'A partial grant names the date granted', 'grantedDueDate'));
  const range = partialGrantRange(c.currentDueDate, requested);
  if (!isIsoDate(date) || !range || !inGrantRange(date, range)) {
    return no(refuse('BAD_USER_INPUT', `The date granted must be after ${c.currentDueDate ?? 'the current due date'} and no later than ${requested}`, 'grantedDueDate'));
  }
  if (c.grant === 'GRANT' && date !== requested) return no(refuse('BAD_USER_INPUT', 'A full grant gives the date asked for; use PARTLY for an earlier one', 'grantedDueDate'));
  return { ok: true, status: date === requested ? 'GRANTED' : 'PARTLY_GRANTED', grantedDueDate: date };
}

/** Dates an extension may be granted up to: after `after` (exclusive), up to `upTo` (inclusive); null when empty. */
export function partialGrantRange(currentDueDate: string | null, requestedDueDate: string): { after: string; upTo: string } | null {
  if (currentDueDate === null || requestedDueDate <= currentDueDate) return null;
  return { after: currentDueDate, upTo: requestedDueDate };
}

export function inGrantRange(date: string, range: { after: string; upTo: string }): boolean {
  return date > range.after && date <= range.upTo;
}

/** Whether the signed-in person has a decision to make on this request now (the client's buttons, the inbox). */
export function awaitsDecisionBy(actor: Actor & { departmentLeader: boolean }, request: RequestView, keyTask: boolean): 'LEADER' | 'FINAL' | null {
  if (request.status === 'PENDING_LEADER' && actor.role === 'STAFF' && actor.departmentLeader && actor.departmentId === request.departmentId) return 'LEADER';
  if (request.status === 'PENDING_DECISION' && actor.role === secondLevelRole(keyTask)) return 'FINAL';
  return null;
}

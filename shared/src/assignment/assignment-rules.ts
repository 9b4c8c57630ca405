/**
 * Each responsible unit's own record of a task (承办单位办理记录): the lead unit and every
 * cooperating unit signs for its part (签收), reports progress on it, and has each report reviewed
 * by the coordinating office — passed, or returned for rework. A unit given a task by mistake sends
 * it back (退回交办). Pure rules: who may do what to an assignment, when, and where it goes next.
 */
import type { Role } from '../actor/role';
import { DEADLINE_STAGES, type TaskStage } from '../task/task-stage';
import { addWorkingDays, type WorkCalendar } from '../supervision/work-calendar';

export const ASSIGNMENT_STATUSES = [
  /** Handed to the unit, not yet signed for. */
  'ASSIGNED',
  /** The unit has signed for it and is at work; no report yet. */
  'SIGNED',
  /** A report awaits the coordinator's review. */
  'REPORTED',
  /** The coordinator returned the latest report for rework. */
  'RETURNED',
  /** The coordinator passed the latest report. */
  'PASSED',
  /** The unit sent the task back as not theirs: an end state. */
  'SENT_BACK',
] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_ACTIONS = ['SIGN', 'REPORT', 'REVIEW', 'SEND_BACK'] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

export const REVIEW_VERDICTS = ['PASS', 'RETURN'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

/** Working days a unit has to sign for what it was given, unless the assignment says otherwise. */
export const DEFAULT_SIGN_WITHIN_DAYS = 2;

export interface AssignmentActor {
  role: Role;
  departmentId: string | null;
}

export interface AssignmentSituation {
  departmentId: string;
  status: AssignmentStatus;
  /** The task's stage: reports are filed during implementation only; closed tasks take no sign-for. */
  taskStage: TaskStage;
}

export type AssignmentRefusal = 'FORBIDDEN' | 'NOT_NOW';
export type AssignmentDecision = { ok: true; next: AssignmentStatus } | { ok: false; refusal: AssignmentRefusal; message: string };

/** The statuses each action starts from, and where it leads (a review's RETURN is told apart by reviewNext). */
const FROM: Record<AssignmentAction, readonly AssignmentStatus[]> = {
  SIGN: ['ASSIGNED'],
  // Reporting again after a pass is the next round of progress; after a return it is the rework.
  REPORT: ['SIGNED', 'RETURNED', 'PASSED'],
  REVIEW: ['REPORTED'],
  // Only before anything was reported: after that the unit has taken the work on.
  SEND_BACK: ['ASSIGNED', 'SIGNED'],
};

const NEXT: Record<Exclude<AssignmentAction, 'REVIEW'>, AssignmentStatus> = { SIGN: 'SIGNED', REPORT: 'REPORTED', SEND_BACK: 'SENT_BACK' };

export function reviewNext(verdict: ReviewVerdict): AssignmentStatus {
  return verdict === 'PASS' ? 'PASSED' : 'RETURNED';
}

const isUnitStaff = (actor: AssignmentActor, a: AssignmentSituation) => actor.role === 'STAFF' && actor.departmentId !== null && actor.departmentId === a.departmentId;

/** Who acts: the unit's own staff sign, report and send back; the coordinating office reviews. */
export function mayAct(action: AssignmentAction, actor: AssignmentActor, assignment: AssignmentSituation): boolean {
  return action === 'REVIEW' ? actor.role === 'COORDINATOR' : isUnitStaff(actor, assignment);
}

/** Whether the assignment and its task are where the action fits, and why not. */
function notNow(action: AssignmentAction, a: AssignmentSituation): string | null {
  if (!FROM[action].includes(a.status)) {
    const why: Record<AssignmentAction, string> = {
      SIGN: 'only an assignment not yet signed for can be signed for',
      REPORT: a.status === 'ASSIGNED' ? 'sign for the assignment before reporting on it' : a.status === 'REPORTED' ? 'the last report still awaits review' : 'this assignment takes no more reports',
      REVIEW: 'there is no report awaiting review',
      SEND_BACK: 'a unit can send a task back only before it has reported on it',
    };
    return `Not now (${a.status}): ${why[action]}`;
  }
  if (action === 'REPORT' && a.taskStage !== 'IMPLEMENTATION') return `Progress is reported during implementation, not in ${a.taskStage}`;
  if ((action === 'SIGN' || action === 'SEND_BACK') && !(DEADLINE_STAGES as readonly string[]).includes(a.taskStage)) {
    return `The task is past implementation (${a.taskStage})`;
  }
  return null;
}

/** The whole rule: the wrong person is refused first (FORBIDDEN), then the wrong moment (NOT_NOW). */
export function decideAssignment(action: AssignmentAction, actor: AssignmentActor, assignment: AssignmentSituation, verdict?: ReviewVerdict): AssignmentDecision {
  if (!mayAct(action, actor, assignment)) {
    return { ok: false, refusal: 'FORBIDDEN', message: action === 'REVIEW' ? 'Only the coordinating office reviews a unit’s report' : 'Only staff of the unit itself may do this' };
  }
  const reason = notNow(action, assignment);
  if (reason) return { ok: false, refusal: 'NOT_NOW', message: reason };
  return { ok: true, next: action === 'REVIEW' ? reviewNext(verdict ?? 'PASS') : NEXT[action] };
}

/**
 * Attachments (附件) to a unit's report: added by the unit's own staff while the report awaits
 * review, never after. The coordinator's verdict is on what the report held when it was judged, so
 * a passed or returned report stays as it was reviewed; rework comes as a new report with its own files.
 */
export function decideReportAttachment(actor: AssignmentActor, assignment: { departmentId: string }, report: { review: string | null }): { ok: true } | { ok: false; refusal: AssignmentRefusal; message: string } {
  if (actor.role !== 'STAFF' || actor.departmentId !== assignment.departmentId) return { ok: false, refusal: 'FORBIDDEN', message: 'Only staff of the unit itself may attach files to its report' };
  if (report.review !== null) return { ok: false, refusal: 'NOT_NOW', message: 'Files can be attached only while the report awaits review' };
  return { ok: true };
}

/** What this person may do to this assignment now (the drawer's buttons). */
export function availableAssignmentActions(actor: AssignmentActor, assignment: AssignmentSituation): AssignmentAction[] {
  return ASSIGNMENT_ACTIONS.filter((action) => decideAssignment(action, actor, assignment).ok);
}

/**
 * How a unit starts: a lead unit that proposed the task itself has accepted it already, and so has
 * every unit of a task already past implementation when its record is made (work recorded before
 * sign-for existed); everyone else has to sign for it.
 */
export function initialAssignmentStatus(lead: boolean, proposedByUnit: boolean, taskStage: TaskStage): AssignmentStatus {
  if (lead && proposedByUnit) return 'SIGNED';
  return (DEADLINE_STAGES as readonly string[]).includes(taskStage) ? 'ASSIGNED' : 'SIGNED';
}

/** The last day to sign for an assignment made on `assignedOn` (working days, from the admin's calendar). */
export function signDueOn(assignedOn: string, signWithinDays: number, calendar: WorkCalendar): string {
  return addWorkingDays(assignedOn, signWithinDays, calendar);
}

/** Signed for after its deadline, or still unsigned past it. */
export function signedLate(signDue: string, signedOn: string | null, today: string): boolean {
  return signedOn === null ? today > signDue : signedOn > signDue;
}

/** The card's summary of a task's units. */
export interface AssignmentRollup {
  /** Units that hold the task (those that sent it back are not counted). */
  units: number;
  /** …of which have signed for it. */
  signed: number;
  /** …whose latest report stands (awaiting review or passed). */
  reported: number;
  /** …whose latest report was passed. */
  passed: number;
  /** …whose latest report was returned for rework. */
  returned: number;
  /** Units that sent the task back. */
  sentBack: number;
}

export const EMPTY_ROLLUP: AssignmentRollup = { units: 0, signed: 0, reported: 0, passed: 0, returned: 0, sentBack: 0 };

export function rollupOf(statuses: Iterable<AssignmentStatus>): AssignmentRollup {
  const r = { ...EMPTY_ROLLUP };
  for (const status of statuses) {
    if (status === 'SENT_BACK') {
      r.sentBack++;
      continue;
    }
    r.units++;
    if (status !== 'ASSIGNED') r.signed++;
    if (status === 'REPORTED' || status === 'PASSED') r.reported++;
    if (status === 'PASSED') r.passed++;
    if (status === 'RETURNED') r.returned++;
  }
  return r;
}

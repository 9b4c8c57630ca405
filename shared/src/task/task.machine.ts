import { and, assign, setup } from 'xstate';
import type { Actor } from '../actor/role';
import { hasComment, unmetPrecondition, unmetRequestCondition, type EventPermission, type TaskEvent } from './task-event';
import type { TaskOrigin } from './task-stage';

/** Bumped whenever a persisted snapshot of an older machine would no longer fit; see task-snapshot.ts. */
export const TASK_MACHINE_ID = 'task';
export const TASK_MACHINE_VERSION = 2;

export type TaskOutcome = 'COMMENDED' | 'WARNED';

export interface TaskContext {
  leadDepartmentId: string;
  cooperatingDepartmentIds: string[];
  origin: TaskOrigin;
  /** How many times inspection sent the task back; the board shows it. */
  rectificationCount: number;
  /** How many times review or approval returned it for revision. */
  returnCount: number;
  outcome: TaskOutcome | null;
}

export interface TaskInput {
  leadDepartmentId: string;
  cooperatingDepartmentIds?: string[];
  origin?: TaskOrigin;
}

export function isLeadDepartmentMember(actor: Actor, context: Pick<TaskContext, 'leadDepartmentId'>): boolean {
  return actor.role === 'STAFF' && actor.departmentId !== null && actor.departmentId === context.leadDepartmentId;
}

export function isPermitted(actor: Actor, context: Pick<TaskContext, 'leadDepartmentId'>, permission: EventPermission): boolean {
  if (permission.roles.includes(actor.role)) return true;
  return permission.leadDepartment && isLeadDepartmentMember(actor, context);
}

// Shorthands for the transition table below.
const LEAD: EventPermission = { roles: [], leadDepartment: true };
const COORDINATOR: EventPermission = { roles: ['COORDINATOR'], leadDepartment: false };
const APPROVER: EventPermission = { roles: ['APPROVER'], leadDepartment: false };
const INSPECTOR: EventPermission = { roles: ['INSPECTOR'], leadDepartment: false };
const LEAD_OR_COORDINATOR: EventPermission = { roles: ['COORDINATOR'], leadDepartment: true };
const GRADER: EventPermission = { roles: ['COORDINATOR', 'APPROVER'], leadDepartment: false };
const LEADER: EventPermission = { roles: ['APPROVER', 'MANAGER'], leadDepartment: false };

const by = (params: EventPermission) => ({ type: 'isPermitted' as const, params });
const byWithComment = (params: EventPermission) => and([by(params), 'hasComment']);

/**
 * A granted suspension (中止) or cancellation (撤销) ends the task from wherever it stands. Only the
 * server sends these, on the grant, as the person who decided (a coordinator, or the approver for a
 * key task); the board never offers them, because a probe carries no side request.
 */
const ENDED_BY_REQUEST = {
  SUSPEND: { guard: and([by(GRADER), 'hasComment', 'fromGrantedRequest']), target: '#task.SUSPENDED' },
  CANCEL: { guard: and([by(GRADER), 'hasComment', 'fromGrantedRequest']), target: '#task.CANCELLED' },
} as const;

/**
 * One task's life. Top-level states are the stages (the board's columns and the terminal outcomes);
 * child states are sub-states the card shows as a chip (rectifying, commended, warned).
 * Guards only look at the event's actor, the comment and the context: no I/O, so the server and
 * the client evaluate the very same rules.
 */
export const taskMachine = setup({
  types: {
    context: {} as TaskContext,
    events: {} as TaskEvent,
    input: {} as TaskInput,
  },
  guards: {
    isPermitted: ({ context, event }, params: EventPermission) => isPermitted(event.actor, context, params),
    hasComment: ({ event }) => hasComment(event),
    preconditionMet: ({ event }) => unmetPrecondition(event.type, event.facts) === null,
    isAssigned: ({ context }) => context.origin === 'ASSIGNED',
    fromGrantedRequest: ({ event }) => unmetRequestCondition(event) === null,
    // REOPEN is what an attached leader instruction does, never a move of its own on the board.
    byInstruction: ({ event }) => typeof event.instructionId === 'string' && event.instructionId.length > 0,
  },
  actions: {
    countReturn: assign({ returnCount: ({ context }) => context.returnCount + 1 }),
    countRectification: assign({ rectificationCount: ({ context }) => context.rectificationCount + 1 }),
    recordCommended: assign({ outcome: 'COMMENDED' as TaskOutcome }),
    recordWarned: assign({ outcome: 'WARNED' as TaskOutcome }),
    // The grade was for the work as it stood; reopened, the task will be inspected and graded anew.
    clearOutcome: assign({ outcome: null }),
  },
}).createMachine({
  id: TASK_MACHINE_ID,
  context: ({ input }) => ({
    leadDepartmentId: input.leadDepartmentId,
    cooperatingDepartmentIds: input.cooperatingDepartmentIds ?? [],
    origin: input.origin ?? 'PROPOSED',
    rectificationCount: 0,
    returnCount: 0,
    outcome: null,
  }),
  // A plan-assigned task skips proposal, review and approval: the plan itself was approved.
  initial: 'START',
  states: {
    START: {
      always: [{ guard: 'isAssigned', target: 'IMPLEMENTATION' }, { target: 'PROPOSAL' }],
    },
    PROPOSAL: {
      on: {
        ...ENDED_BY_REQUEST,
        SUBMIT: { guard: by(LEAD), target: 'REVIEW' },
        WITHDRAW: { guard: by(LEAD), target: 'WITHDRAWN' },
      },
    },
    REVIEW: {
      on: {
        ...ENDED_BY_REQUEST,
        ACCEPT: { guard: by(COORDINATOR), target: 'APPROVAL' },
        RETURN: { guard: byWithComment(COORDINATOR), target: 'PROPOSAL', actions: 'countReturn' },
        REJECT: { guard: byWithComment(COORDINATOR), target: 'REJECTED' },
        WITHDRAW: { guard: by(LEAD), target: 'WITHDRAWN' },
      },
    },
    APPROVAL: {
      on: {
        ...ENDED_BY_REQUEST,
        APPROVE: { guard: by(APPROVER), target: 'IMPLEMENTATION' },
        RETURN: { guard: byWithComment(APPROVER), target: 'REVIEW', actions: 'countReturn' },
        REJECT: { guard: byWithComment(APPROVER), target: 'REJECTED' },
      },
    },
    IMPLEMENTATION: {
      initial: 'IN_PROGRESS',
      states: {
        IN_PROGRESS: {},
        RECTIFYING: {},
      },
      on: {
        REQUEST_INSPECTION: { guard: and([by(LEAD_OR_COORDINATOR), 'preconditionMet']), target: 'INSPECTION' },
        ...ENDED_BY_REQUEST,
      },
    },
    INSPECTION: {
      on: {
        ...ENDED_BY_REQUEST,
        PASS: { guard: and([by(INSPECTOR), 'preconditionMet']), target: 'COMMENDATION' },
        REQUIRE_RECTIFICATION: {
          guard: and([by(INSPECTOR), 'hasComment', 'preconditionMet']),
          target: 'IMPLEMENTATION.RECTIFYING',
          actions: 'countRectification',
        },
      },
    },
    COMMENDATION: {
      initial: 'AWAITING_GRADE',
      states: {
        AWAITING_GRADE: {
          on: {
            COMMEND: { guard: by(GRADER), target: 'COMMENDED', actions: 'recordCommended' },
            WARN: { guard: by(GRADER), target: 'WARNED', actions: 'recordWarned' },
          },
        },
        COMMENDED: {},
        WARNED: {},
      },
      on: {
        ARCHIVE: { guard: by(COORDINATOR), target: 'ARCHIVED' },
        ...ENDED_BY_REQUEST,
        // A leader instruction (领导批示) on finished work sends it back to implementation.
        REOPEN: { guard: and([by(LEADER), 'hasComment', 'byInstruction']), target: 'IMPLEMENTATION', actions: 'clearOutcome' },
      },
    },
    REJECTED: { type: 'final' },
    WITHDRAWN: { type: 'final' },
    ARCHIVED: { type: 'final' },
    SUSPENDED: { type: 'final' },
    CANCELLED: { type: 'final' },
  },
});

export type TaskMachine = typeof taskMachine;

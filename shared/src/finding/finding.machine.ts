import { and, setup } from 'xstate';
import { hasComment, type EventPermission } from '../task/task-event';
import { isPermitted } from '../task/task.machine';
import type { FindingEvent } from './finding-event';

export const FINDING_MACHINE_ID = 'finding';

/** A finding's life, in order. VERIFIED is 销号: the problem is closed for good. */
export const FINDING_STATUSES = ['OPEN', 'RECTIFYING', 'RECTIFIED', 'VERIFIED'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export function isFindingStatus(value: string): value is FindingStatus {
  return (FINDING_STATUSES as readonly string[]).includes(value);
}

export const FINDING_SEVERITIES = ['MINOR', 'MAJOR'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/**
 * Severity is carried for the board and for assessment; it does not change who may act.
 * The lead department is the task's (牵头单位): it owns the fix, whoever found the problem.
 */
export interface FindingContext {
  leadDepartmentId: string;
  severity: FindingSeverity;
}

// Shorthands for the transition table below; the same permission shape as the task machine,
// so "staff of the lead department" has one definition (isPermitted in task.machine.ts).
const LEAD: EventPermission = { roles: [], leadDepartment: true };
const CHECKER: EventPermission = { roles: ['INSPECTOR', 'COORDINATOR'], leadDepartment: false };

const by = (params: EventPermission) => ({ type: 'isPermitted' as const, params });
const byWithComment = (params: EventPermission) => and([by(params), 'hasComment']);

/**
 * One finding (发现问题) logged by an inspection group, driven to 销号.
 * The lead department starts and reports its rectification (整改); an inspector or the
 * coordinating office either signs it off or sends it back. Guards look only at the event and
 * the context, so the server and the client evaluate the same rules.
 */
export const findingMachine = setup({
  types: {
    context: {} as FindingContext,
    events: {} as FindingEvent,
    input: {} as FindingContext,
  },
  guards: {
    isPermitted: ({ context, event }, params: EventPermission) => isPermitted(event.actor, context, params),
    hasComment: ({ event }) => hasComment(event),
  },
}).createMachine({
  id: FINDING_MACHINE_ID,
  context: ({ input }) => ({ leadDepartmentId: input.leadDepartmentId, severity: input.severity }),
  initial: 'OPEN',
  states: {
    OPEN: {
      on: { START_RECTIFICATION: { guard: by(LEAD), target: 'RECTIFYING' } },
    },
    RECTIFYING: {
      on: { SUBMIT_RECTIFICATION: { guard: byWithComment(LEAD), target: 'RECTIFIED' } },
    },
    RECTIFIED: {
      on: {
        VERIFY: { guard: by(CHECKER), target: 'VERIFIED' },
        REOPEN: { guard: byWithComment(CHECKER), target: 'RECTIFYING' },
      },
    },
    VERIFIED: { type: 'final' },
  },
});

export type FindingMachine = typeof findingMachine;

import { transition } from 'xstate';
import type { Actor } from '../actor/role';
import { hasComment } from '../task/task-event';
import {
  FINDING_EVENT_TYPES,
  findingEventRequiresComment,
  type FindingEvent,
  type FindingEventType,
} from './finding-event';
import { findingMachine, isFindingStatus, type FindingContext, type FindingStatus } from './finding.machine';

/** Every actor check switched off: answers "does this status take this event at all?". */
const structureOnly = findingMachine.provide({
  guards: { isPermitted: () => true, hasComment: () => true },
});

export type FindingRefusal = 'TRANSITION_NOT_ALLOWED' | 'FORBIDDEN' | 'COMMENT_REQUIRED';

export type FindingTransitionDecision =
  | { ok: true; toStatus: FindingStatus }
  | { ok: false; refusal: FindingRefusal; message: string };

/** A comment stands in for the real one when we only ask whether an actor could send an event. */
function probe(type: FindingEventType, actor: Actor): FindingEvent {
  return { type, actor, comment: findingEventRequiresComment(type) ? '…' : null };
}

function snapshotAt(machine: typeof findingMachine, status: FindingStatus, context: FindingContext) {
  return machine.resolveState({ value: status, context });
}

/**
 * Decides an event against a finding's status. Pure. The refusals come in the same order as for
 * tasks: a move the status does not take at all, then an actor who may not make it, then a
 * missing comment — so a stranger is told "forbidden", not "write a comment".
 */
export function decideFindingTransition(status: FindingStatus, context: FindingContext, event: FindingEvent): FindingTransitionDecision {
  const structural = snapshotAt(structureOnly, status, context);
  if (!structural.can(probe(event.type, event.actor))) {
    return { ok: false, refusal: 'TRANSITION_NOT_ALLOWED', message: `${event.type} is not possible while the finding is ${status}` };
  }
  const snapshot = snapshotAt(findingMachine, status, context);
  if (!snapshot.can(probe(event.type, event.actor))) {
    const where = event.actor.departmentId === context.leadDepartmentId ? 'the lead department' : 'another department';
    return { ok: false, refusal: 'FORBIDDEN', message: `a ${event.actor.role} of ${where} may not ${event.type} a finding that is ${status}` };
  }
  if (findingEventRequiresComment(event.type) && !hasComment(event)) {
    const what = event.type === 'SUBMIT_RECTIFICATION' ? 'saying what was done to fix it' : 'saying why the fix falls short';
    return { ok: false, refusal: 'COMMENT_REQUIRED', message: `${event.type} needs a comment ${what}` };
  }
  const [next] = transition(findingMachine, snapshot, event);
  const toStatus = String(next.value);
  // The machine's states are exactly FINDING_STATUSES; this only guards against the two drifting apart.
  if (!isFindingStatus(toStatus)) throw new Error(`finding machine reached an unknown status: ${toStatus}`);
  return { ok: true, toStatus };
}

/** The events this actor may send now (a comment is assumed where one is required). */
export function availableFindingEvents(status: FindingStatus, context: FindingContext, actor: Actor): FindingEventType[] {
  const snapshot = snapshotAt(findingMachine, status, context);
  return FINDING_EVENT_TYPES.filter((type) => snapshot.can(probe(type, actor)));
}

import { transition } from 'xstate';
import type { Actor } from '../actor/role';
import { taskMachine } from './task.machine';
import { restoreTaskSnapshot, stageOf, type PersistedTaskSnapshot, type TaskSnapshot } from './task-snapshot';
import { TASK_EVENT_TYPES, hasComment, requiresComment, unmetPrecondition, unmetRequestCondition, type TaskEvent, type TaskEventType, type TaskFacts } from './task-event';
import type { TaskStage } from './task-stage';

/**
 * The machine with every actor check switched off: it answers "does this stage take this event at
 * all?", which tells TRANSITION_NOT_ALLOWED apart from FORBIDDEN.
 */
const structureOnly = taskMachine.provide({
  guards: { isPermitted: () => true, hasComment: () => true, preconditionMet: () => true, fromGrantedRequest: () => true },
});

/** The machine without the fact checks: answers "may this actor do this here?" */
const actorChecksOnly = taskMachine.provide({ guards: { preconditionMet: () => true, fromGrantedRequest: () => true } });

export type TransitionRefusal = 'TRANSITION_NOT_ALLOWED' | 'FORBIDDEN' | 'COMMENT_REQUIRED' | 'PRECONDITION_FAILED';

/** Facts under which every precondition holds: for asking what an actor could do in principle. */
const ALL_MET: TaskFacts = { progressReports: 1, unverifiedFindings: 1, unverifiedMajorFindings: 0 };

export type TransitionDecision =
  | { ok: true; next: TaskSnapshot; fromStage: TaskStage; toStage: TaskStage }
  | { ok: false; refusal: TransitionRefusal; fromStage: TaskStage; message: string };

function asSnapshot(state: TaskSnapshot | PersistedTaskSnapshot): TaskSnapshot {
  return 'machineId' in state ? restoreTaskSnapshot(state) : state;
}

/** A comment stands in for the real one when we only ask whether an actor could send an event. */
function probe(type: TaskEventType, actor: Actor, facts: TaskFacts = ALL_MET): TaskEvent {
  return { type, actor, comment: requiresComment(type) ? '…' : null, facts };
}

/** Decides an event against the current state: the next snapshot, or why it is refused. Pure. */
export function decideTransition(state: TaskSnapshot | PersistedTaskSnapshot, event: TaskEvent): TransitionDecision {
  const snapshot = asSnapshot(state);
  const fromStage = stageOf(snapshot.value);
  // The instruction behind a REOPEN is part of what the move is, not a check to switch off.
  const asked = { ...probe(event.type, event.actor), instructionId: event.instructionId ?? null };
  const structural = structureOnly.resolveState({ value: snapshot.value, context: snapshot.context });
  if (!structural.can(asked)) {
    return { ok: false, refusal: 'TRANSITION_NOT_ALLOWED', fromStage, message: `${event.type} is not possible while the task is in ${fromStage}` };
  }
  const actorView = actorChecksOnly.resolveState({ value: snapshot.value, context: snapshot.context });
  if (!actorView.can(asked)) {
    return { ok: false, refusal: 'FORBIDDEN', fromStage, message: `a ${event.actor.role} of this department may not ${event.type} this task in ${fromStage}` };
  }
  if (requiresComment(event.type) && !hasComment(event)) {
    return { ok: false, refusal: 'COMMENT_REQUIRED', fromStage, message: `${event.type} needs a comment saying why` };
  }
  const unmet = unmetPrecondition(event.type, event.facts) ?? unmetRequestCondition(event);
  if (unmet) return { ok: false, refusal: 'PRECONDITION_FAILED', fromStage, message: unmet };
  const [next] = transition(taskMachine, snapshot, event);
  return { ok: true, next, fromStage, toStage: stageOf(next.value) };
}

/**
 * The events this actor may send now (a comment is assumed where one is required). With `facts`,
 * moves whose precondition fails are left out; without, preconditions are assumed to hold.
 */
export function availableEvents(state: TaskSnapshot | PersistedTaskSnapshot, actor: Actor, facts?: TaskFacts): TaskEventType[] {
  const snapshot = asSnapshot(state);
  return TASK_EVENT_TYPES.filter((type) => snapshot.can(probe(type, actor, facts)));
}

/** The stage an event would lead to from here, or null if the actor may not send it now. */
export function nextStage(state: TaskSnapshot | PersistedTaskSnapshot, type: TaskEventType, actor: Actor, facts?: TaskFacts): TaskStage | null {
  const decision = decideTransition(state, probe(type, actor, facts));
  return decision.ok ? decision.toStage : null;
}

export interface AvailableMove {
  event: TaskEventType;
  toStage: TaskStage;
  needsComment: boolean;
}

/** What the board lights up while a card is dragged: each allowed event with the stage it leads to. */
export function availableMoves(state: TaskSnapshot | PersistedTaskSnapshot, actor: Actor, facts?: TaskFacts): AvailableMove[] {
  const snapshot = asSnapshot(state);
  return availableEvents(snapshot, actor, facts).map((event) => ({
    event,
    toStage: nextStage(snapshot, event, actor, facts) as TaskStage,
    needsComment: requiresComment(event),
  }));
}

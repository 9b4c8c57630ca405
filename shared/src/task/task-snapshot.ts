import type { SnapshotFrom, StateValue } from 'xstate';
import { initialTransition } from 'xstate';
import { TASK_MACHINE_ID, TASK_MACHINE_VERSION, taskMachine, type TaskContext, type TaskInput } from './task.machine';
import { isTaskStage, type TaskStage } from './task-stage';

export type TaskSnapshot = SnapshotFrom<typeof taskMachine>;

/** What the database keeps: the machine's state plus which machine (and which version of it) wrote it. */
export interface PersistedTaskSnapshot {
  machineId: string;
  machineVersion: number;
  value: StateValue;
  context: TaskContext;
}

export class SnapshotRestoreError extends Error {}

/**
 * Upgrades from each older layout to the next. Version 1 kept stages flat (no sub-states) and
 * marked rectification with a boolean; version 2 made RECTIFYING and the commendation grades
 * child states and counts returns and rectifications.
 */
const MIGRATIONS: Record<number, (old: { value: StateValue; context: Record<string, unknown> }) => { value: StateValue; context: Record<string, unknown> }> = {
  1: ({ value, context }) => {
    const { rectifying, ...rest } = context as { rectifying?: boolean } & Record<string, unknown>;
    let next: StateValue = value;
    if (value === 'IMPLEMENTATION') next = { IMPLEMENTATION: rectifying ? 'RECTIFYING' : 'IN_PROGRESS' };
    if (value === 'COMMENDATION') next = { COMMENDATION: 'AWAITING_GRADE' };
    return {
      value: next,
      context: { ...rest, returnCount: 0, rectificationCount: rectifying ? 1 : 0, outcome: null },
    };
  },
};

export function startTask(input: TaskInput): TaskSnapshot {
  const [snapshot] = initialTransition(taskMachine, input);
  return snapshot;
}

export function persistTaskSnapshot(snapshot: TaskSnapshot): PersistedTaskSnapshot {
  return {
    machineId: TASK_MACHINE_ID,
    machineVersion: TASK_MACHINE_VERSION,
    value: snapshot.value,
    context: snapshot.context,
  };
}

export function restoreTaskSnapshot(persisted: PersistedTaskSnapshot): TaskSnapshot {
  if (persisted.machineId !== TASK_MACHINE_ID) {
    throw new SnapshotRestoreError(`snapshot belongs to machine "${persisted.machineId}", not "${TASK_MACHINE_ID}"`);
  }
  if (persisted.machineVersion > TASK_MACHINE_VERSION) {
    throw new SnapshotRestoreError(
      `snapshot was written by machine version ${persisted.machineVersion}; this code knows up to ${TASK_MACHINE_VERSION}`,
    );
  }
  let state = { value: persisted.value, context: persisted.context as unknown as Record<string, unknown> };
  for (let version = persisted.machineVersion; version < TASK_MACHINE_VERSION; version++) {
    const migrate = MIGRATIONS[version];
    if (!migrate) throw new SnapshotRestoreError(`no upgrade from machine version ${version}`);
    state = migrate(state);
  }
  // resolveState rebuilds the internal state nodes; a parsed JSON snapshot cannot be used directly.
  return taskMachine.resolveState({ value: state.value, context: state.context as unknown as TaskContext });
}

/** The stage is the top-level state: a board column or a terminal outcome. */
export function stageOf(value: StateValue): TaskStage {
  const stage = typeof value === 'string' ? value : Object.keys(value)[0];
  if (!stage || !isTaskStage(stage)) throw new SnapshotRestoreError(`not a task stage: ${JSON.stringify(value)}`);
  return stage;
}

/** The child state shown as a chip on the card (e.g. RECTIFYING, COMMENDED), if any. */
export function subStateOf(value: StateValue): string | null {
  if (typeof value === 'string') return null;
  const child = Object.values(value)[0];
  return typeof child === 'string' ? child : null;
}

import { taskSortKey, type BoardStage } from '@workplan/shared';
import type { CardTask } from '../graphql/board.graphql';

/** A move the user made that the server has not confirmed yet: shown at once, undone if refused. */
export interface PendingMove {
  task: CardTask;
  fromStage: BoardStage;
  /** null when the move takes the task off the board (withdraw, reject, archive). */
  toStage: BoardStage | null;
}

const byOutline = (a: CardTask, b: CardTask) => taskSortKey(a.code).localeCompare(taskSortKey(b.code)) || a.id.localeCompare(b.id);

/**
 * A column as the user should see it: the server's cards, less those being moved out, plus those
 * being moved in (in outline order, as the server will place them).
 */
export function overlayColumn(stage: BoardStage, serverTasks: readonly CardTask[], pending: readonly PendingMove[]): CardTask[] {
  const movingOut = new Set(pending.filter((m) => m.fromStage === stage).map((m) => m.task.id));
  const movingIn = pending.filter((m) => m.toStage === stage).map((m) => ({ ...m.task, stage }));
  const incomingIds = new Set(movingIn.map((t) => t.id));
  const kept = serverTasks.filter((t) => !movingOut.has(t.id) && !incomingIds.has(t.id));
  if (movingIn.length === 0) return kept;
  return [...kept, ...movingIn].sort(byOutline);
}

/** The column's count with pending moves applied. */
export function overlayCount(stage: BoardStage, serverCount: number, pending: readonly PendingMove[]): number {
  return serverCount - pending.filter((m) => m.fromStage === stage).length + pending.filter((m) => m.toStage === stage).length;
}

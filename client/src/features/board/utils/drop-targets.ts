import { availableMoves, BOARD_STAGES, isBoardStage, type Actor, type AvailableMove, type BoardStage, type PersistedTaskSnapshot, type TaskFacts } from '@workplan/shared';

/**
 * Which columns a card may be dropped on, straight from the shared task machine: the same rules the
 * server will apply. Moves that stay in the column (grading) or leave the board (withdraw, reject,
 * archive) are offered in the card's menu instead.
 */
export function dropTargets(snapshot: PersistedTaskSnapshot, currentStage: BoardStage, actor: Actor, facts?: TaskFacts): Map<BoardStage, AvailableMove> {
  const targets = new Map<BoardStage, AvailableMove>();
  for (const move of availableMoves(snapshot, actor, facts)) {
    if (isBoardStage(move.toStage) && move.toStage !== currentStage && !targets.has(move.toStage)) targets.set(move.toStage, move);
  }
  return targets;
}

/** The event a drop on `stage` means, or null if the machine does not allow it for this actor. */
export function moveForDrop(snapshot: PersistedTaskSnapshot, currentStage: BoardStage, actor: Actor, stage: BoardStage, facts?: TaskFacts): AvailableMove | null {
  return dropTargets(snapshot, currentStage, actor, facts).get(stage) ?? null;
}

export const BOARD_COLUMNS: readonly BoardStage[] = BOARD_STAGES;

/** The six stages a task passes through on the board, in order. */
export const BOARD_STAGES = [
  'PROPOSAL',
  'REVIEW',
  'APPROVAL',
  'IMPLEMENTATION',
  'INSPECTION',
  'COMMENDATION',
] as const;

/**
 * Terminal outcomes: the task leaves the board. SUSPENDED (中止) and CANCELLED (撤销) come only from a
 * granted side request; the task is then found through its side request (申请) and its history.
 */
export const TERMINAL_STAGES = ['REJECTED', 'WITHDRAWN', 'ARCHIVED', 'SUSPENDED', 'CANCELLED'] as const;

export type BoardStage = (typeof BOARD_STAGES)[number];
export type TerminalStage = (typeof TERMINAL_STAGES)[number];
export type TaskStage = BoardStage | TerminalStage;

export const TASK_STAGES: readonly TaskStage[] = [...BOARD_STAGES, ...TERMINAL_STAGES];

export function isBoardStage(stage: string): stage is BoardStage {
  return (BOARD_STAGES as readonly string[]).includes(stage);
}

export function isTaskStage(stage: string): stage is TaskStage {
  return (TASK_STAGES as readonly string[]).includes(stage);
}

/** Stages in which a passed due date means the task is late (after that the work is done). */
export const DEADLINE_STAGES: readonly BoardStage[] = ['PROPOSAL', 'REVIEW', 'APPROVAL', 'IMPLEMENTATION'];

/** How a task entered the workflow: proposed by a department, or assigned top-down by an approved plan. */
export const TASK_ORIGINS = ['PROPOSED', 'ASSIGNED'] as const;
export type TaskOrigin = (typeof TASK_ORIGINS)[number];

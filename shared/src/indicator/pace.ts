import { daysBetween } from '../report/calendar-days';

/**
 * 序时进度: the share of the time between `start` and `end` that has passed by the end of
 * `today`, in [0, 1]. Days count inclusively, the way offices count them: a plan for
 * 2026-01-01..2026-12-31 is at 1/365 on its first day, 181/365 (时间过半) on 30 June and 1 on its
 * last day; before the start it is 0 and after the end 1.
 */
export function expectedPace({ start, end, today }: { start: string; end: string; today: string }): number {
  const total = daysBetween(start, end) + 1;
  if (total < 1) throw new RangeError(`the period ends (${end}) before it starts (${start})`);
  const elapsed = daysBetween(start, today) + 1;
  return Math.min(1, Math.max(0, elapsed / total));
}

export const PACE_STATUSES = ['AHEAD', 'ON_PACE', 'BEHIND', 'FAR_BEHIND'] as const;
export type PaceStatus = (typeof PACE_STATUSES)[number];

/** Gaps between progress and pace, as fractions (0.10 = 10 percentage points). */
export interface PaceTolerances {
  /** AHEAD when progress is more than this over pace. */
  ahead: number;
  /** BEHIND when progress is more than this under pace. */
  behind: number;
  /** FAR_BEHIND when progress is more than this under pace. */
  farBehind: number;
}

export const DEFAULT_PACE_TOLERANCES: PaceTolerances = { ahead: 0.1, behind: 0.1, farBehind: 0.3 };

// Progress and pace are ratios of measured numbers; 0.4 - 0.3 is 0.10000000000000003 in floating
// point, and a department exactly 10 points under must not be called BEHIND because of that.
const EPSILON = 1e-9;

/**
 * Compares an indicator's progress (indicatorProgress) with the time elapsed (expectedPace): 任务
 * 过半 against 时间过半. Exactly at a threshold counts as the milder status.
 */
export function paceStatus(progress: number, pace: number, tolerances: Partial<PaceTolerances> = {}): PaceStatus {
  if (!Number.isFinite(progress) || !Number.isFinite(pace)) throw new RangeError(`progress and pace must be numbers, got ${progress} and ${pace}`);
  const { ahead, behind, farBehind } = { ...DEFAULT_PACE_TOLERANCES, ...tolerances };
  if (!(ahead >= 0 && behind >= 0 && farBehind >= behind)) {
    throw new RangeError(`tolerances must be non-negative with farBehind ≥ behind, got ahead ${ahead}, behind ${behind}, farBehind ${farBehind}`);
  }
  const gap = progress - pace;
  if (gap > ahead + EPSILON) return 'AHEAD';
  if (-gap > farBehind + EPSILON) return 'FAR_BEHIND';
  if (-gap > behind + EPSILON) return 'BEHIND';
  return 'ON_PACE';
}

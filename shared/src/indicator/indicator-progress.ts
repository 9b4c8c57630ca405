export interface IndicatorValues {
  /** The value in the baseline year (基期). */
  baseline: number;
  /** The value the plan sets for the end of the period. */
  target: number;
  /** The latest reported value; null while nothing has been reported. */
  actual: number | null;
}

/**
 * How far an indicator has come from its baseline towards its target, as a share: 0 at the
 * baseline, 1 on target. It works the same for indicators that must fall (energy intensity,
 * 单位GDP能耗): the direction is read from target vs baseline.
 *
 * Not clamped, because both ends mean something: above 1 is over-achievement, below 0 is
 * moving the wrong way. A display can clamp; paceStatus should see the real number.
 * Null when it cannot be measured: no actual yet, or a target equal to the baseline ("hold
 * steady" has no distance to cover).
 */
export function indicatorProgress({ baseline, target, actual }: IndicatorValues): number | null {
  if (!Number.isFinite(baseline) || !Number.isFinite(target)) throw new RangeError(`baseline and target must be numbers, got ${baseline} and ${target}`);
  if (actual === null) return null;
  if (!Number.isFinite(actual)) throw new RangeError(`actual must be a number, got ${actual}`);
  if (target === baseline) return null;
  return (actual - baseline) / (target - baseline);
}

import type { LightRules } from '@workplan/shared';

/** A plan row's light settings (snake_case, as SQL returns them) as the shared rules. */
export const rulesOf = (plan: {
  light_due_soon_days: number;
  light_working_days: boolean;
  light_pace_yellow_points: number;
  light_pace_red_points: number;
  light_stale_days: number;
}): LightRules => ({
  dueSoonDays: plan.light_due_soon_days,
  workingDays: plan.light_working_days,
  paceYellowPoints: plan.light_pace_yellow_points,
  paceRedPoints: plan.light_pace_red_points,
  staleDays: plan.light_stale_days,
});

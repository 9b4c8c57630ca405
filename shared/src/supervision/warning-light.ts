import { daysFrom, type WorkCalendar } from './work-calendar';

/** 绿灯 on course, 黄灯 needs watching, 红灯 needs action. Derived, never typed in. */
export const LIGHTS = ['GREEN', 'YELLOW', 'RED'] as const;
export type Light = (typeof LIGHTS)[number];

export type LightReason =
  /** The deadline has passed (red). */
  | 'OVERDUE'
  /** The deadline is within the plan's warning window (yellow). */
  | 'DUE_SOON'
  /** Percent done is behind the share of time elapsed by the yellow margin (yellow) or the red one (red). */
  | 'BEHIND_PACE'
  | 'FAR_BEHIND_PACE'
  /** A progress report is late (yellow). */
  | 'REPORT_MISSED'
  /** An urgent item with no update for too long (yellow). */
  | 'STALE';

/** A plan's settings for the lights. */
export interface LightRules {
  /** Yellow when the deadline is this close (0 turns the warning off). */
  dueSoonDays: number;
  /** Count dueSoonDays and staleDays in working days (else calendar days). */
  workingDays: boolean;
  /** Yellow when this many points behind the expected pace… */
  paceYellowPoints: number;
  /** …red beyond this many. */
  paceRedPoints: number;
  /** Urgent items with no update for this many days turn yellow. */
  staleDays: number;
}

export const DEFAULT_LIGHT_RULES: LightRules = { dueSoonDays: 3, workingDays: true, paceYellowPoints: 10, paceRedPoints: 30, staleDays: 10 };

export interface LightInput {
  dueDate: string | null;
  /** When the work started (the clock for the pace). */
  startedOn: string | null;
  /** The latest reported percent done, if any. */
  percentDone: number | null;
  reportsMissed: number;
  lastUpdateOn: string | null;
  urgent: boolean;
  /** Finished work has no light worth showing: it is green. */
  finished: boolean;
}

export interface LightVerdict {
  light: Light;
  reasons: LightReason[];
  /** Points behind the expected pace (negative: ahead), when it can be told. */
  pointsBehind: number | null;
}

const RED_REASONS: readonly LightReason[] = ['OVERDUE', 'FAR_BEHIND_PACE'];

/** The expected percent done today if work went evenly from start to deadline. */
export function expectedPercent(startedOn: string, dueDate: string, today: string, calendar: WorkCalendar, working: boolean): number {
  const total = daysFrom(startedOn, dueDate, calendar, working);
  if (total <= 0) return 100;
  const elapsed = daysFrom(startedOn, today, calendar, working);
  return Math.max(0, Math.min(100, (elapsed / total) * 100));
}

export function lightOf(input: LightInput, rules: LightRules, calendar: WorkCalendar, today: string): LightVerdict {
  if (input.finished) return { light: 'GREEN', reasons: [], pointsBehind: null };
  const reasons: LightReason[] = [];
  let pointsBehind: number | null = null;
  if (input.dueDate) {
    if (input.dueDate < today) reasons.push('OVERDUE');
    else if (rules.dueSoonDays > 0 && daysFrom(today, input.dueDate, calendar, rules.workingDays) <= rules.dueSoonDays) reasons.push('DUE_SOON');
  }
  if (input.dueDate && input.startedOn && input.percentDone !== null) {
    pointsBehind = Math.round(expectedPercent(input.startedOn, input.dueDate, today, calendar, rules.workingDays) - input.percentDone);
    if (pointsBehind > rules.paceRedPoints) reasons.push('FAR_BEHIND_PACE');
    else if (pointsBehind >= rules.paceYellowPoints) reasons.push('BEHIND_PACE');
  }
  if (input.reportsMissed > 0) reasons.push('REPORT_MISSED');
  if (input.urgent && rules.staleDays > 0) {
    const since = input.lastUpdateOn ?? input.startedOn;
    if (since && daysFrom(since, today, calendar, rules.workingDays) > rules.staleDays) reasons.push('STALE');
  }
  const light: Light = reasons.some((r) => RED_REASONS.includes(r)) ? 'RED' : reasons.length ? 'YELLOW' : 'GREEN';
  return { light, reasons, pointsBehind };
}

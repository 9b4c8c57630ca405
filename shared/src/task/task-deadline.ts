import { DEADLINE_STAGES, type TaskStage } from './task-stage';

/** Government deadlines are calendar days in China, whatever the server's clock zone. */
export const PLAN_TIME_ZONE = 'Asia/Shanghai';

/** Today as YYYY-MM-DD in the plan's time zone. */
/** Formatters by time zone: building one costs ~100 µs, and the report schedule asks per row. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function todayIn(timeZone: string = PLAN_TIME_ZONE, now: Date = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(now);
}

/** Late means: the due day has passed and the task is still before inspection. */
export function isOverdue(dueDate: string | null, stage: TaskStage, today: string): boolean {
  return dueDate !== null && dueDate < today && (DEADLINE_STAGES as readonly string[]).includes(stage);
}

/**
 * Dates already checked. The report schedule and the lights check the same few hundred days
 * thousands of times per board; parsing each through Date was a fifth of a board's CPU.
 */
const checkedDates = new Set<string>();

export function isIsoDate(value: string): boolean {
  if (checkedDates.has(value)) return true;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  const valid = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  // Bounded: a century of days is 36,525 entries; anything beyond starts afresh.
  if (valid) {
    if (checkedDates.size >= 40_000) checkedDates.clear();
    checkedDates.add(value);
  }
  return valid;
}

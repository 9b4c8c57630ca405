import { isIsoDate } from '../task/task-deadline';

/**
 * Calendar-day arithmetic on YYYY-MM-DD strings. Plans count days on the calendar, not in hours,
 * so everything goes through UTC midnight where no daylight-saving shift can move a day.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export function assertIsoDate(value: string, what = 'date'): void {
  if (!isIsoDate(value)) throw new RangeError(`${what} must be a YYYY-MM-DD calendar date, got "${value}"`);
}

function toUtc(value: string): number {
  return Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  assertIsoDate(date);
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: string, to: string): number {
  assertIsoDate(from);
  assertIsoDate(to);
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The last day of a month given as year and 1-based month; months outside 1–12 roll over the year. */
export function lastDayOfMonth(year: number, month: number): string {
  // Day 0 of the following month is the last day of this one.
  return fromUtc(Date.UTC(year, month, 0));
}

/**
 * Working days (工作日): Monday to Friday, minus public holidays, plus the weekend days that are
 * made working days to balance a long holiday (调休). An administrator keeps the exceptions;
 * everything else follows from the weekday. Dates are 'YYYY-MM-DD', counted in UTC so no time zone
 * shifts a day.
 */
import { addDays, daysBetween } from '../report/calendar-days';

export type CalendarDayKind = 'HOLIDAY' | 'WORKDAY';

export interface WorkCalendar {
  /** The exceptions: a weekday that is a holiday, or a weekend day that is worked. */
  readonly exceptions: ReadonlyMap<string, CalendarDayKind>;
}

export const PLAIN_CALENDAR: WorkCalendar = { exceptions: new Map() };

export function calendarOf(days: Iterable<{ date: string; kind: CalendarDayKind }>): WorkCalendar {
  return { exceptions: new Map([...days].map((d) => [d.date, d.kind])) };
}

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  const exception = calendar.exceptions.get(date);
  if (exception) return exception === 'WORKDAY';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The day `n` working days after `date` (n ≥ 0; 0 gives the date itself, or the next working day if it is not one). */
export function addWorkingDays(date: string, n: number, calendar: WorkCalendar): string {
  let day = date;
  while (!isWorkingDay(day, calendar)) day = addDays(day, 1);
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) left--;
  }
  return day;
}

/** Working days after `from` up to and including `to` (negative when `to` is earlier): "due in 3 working days" is 3. */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar): number {
  const [start, end, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = addDays(start, 1); day <= end; day = addDays(day, 1)) if (isWorkingDay(day, calendar)) count++;
  return sign * count;
}

/** Working days, or calendar days where a plan counts those. */
export function daysFrom(from: string, to: string, calendar: WorkCalendar, working: boolean): number {
  return working ? workingDaysBetween(from, to, calendar) : daysBetween(from, to);
}

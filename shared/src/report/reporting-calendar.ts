import { addDays, assertIsoDate, lastDayOfMonth } from './calendar-days';

/** How often a plan asks for progress reports: 季报, 半年报 (年中报), 年报. */
export const REPORT_CADENCES = ['QUARTER', 'HALF_YEAR', 'YEAR'] as const;
export type ReportCadence = (typeof REPORT_CADENCES)[number];

/** A reporting period id: '2026-Q1'…'2026-Q4', '2026-H1' / '2026-H2', or '2026'. Sorts as text in time order within a cadence. */
export type ReportPeriod = string;

export interface ParsedPeriod {
  year: number;
  cadence: ReportCadence;
  /** 1-based quarter or half; 1 for a year. */
  index: number;
}

export interface DateRange {
  start: string;
  end: string;
}

const MONTHS_PER_PERIOD: Record<ReportCadence, number> = { QUARTER: 3, HALF_YEAR: 6, YEAR: 12 };

export function parsePeriod(period: ReportPeriod): ParsedPeriod {
  const match = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/.exec(period);
  if (!match) throw new RangeError(`not a reporting period: "${period}" (expected e.g. 2026-Q1, 2026-H2 or 2026)`);
  const year = Number(match[1]);
  const part = match[2];
  if (!part) return { year, cadence: 'YEAR', index: 1 };
  return { year, cadence: part[0] === 'Q' ? 'QUARTER' : 'HALF_YEAR', index: Number(part[1]) };
}

function formatPeriod({ year, cadence, index }: ParsedPeriod): ReportPeriod {
  if (cadence === 'YEAR') return String(year);
  return `${year}-${cadence === 'QUARTER' ? 'Q' : 'H'}${index}`;
}

/** The period of the given cadence that contains the date. */
export function periodOf(date: string, cadence: ReportCadence): ReportPeriod {
  assertIsoDate(date);
  const month = Number(date.slice(5, 7));
  const index = Math.ceil(month / MONTHS_PER_PERIOD[cadence]);
  return formatPeriod({ year: Number(date.slice(0, 4)), cadence, index });
}

/** First and last day of the period, both inclusive. */
export function periodRange(period: ReportPeriod): DateRange {
  const { year, cadence, index } = parsePeriod(period);
  const months = MONTHS_PER_PERIOD[cadence];
  const firstMonth = (index - 1) * months + 1;
  return {
    start: `${year}-${String(firstMonth).padStart(2, '0')}-01`,
    end: lastDayOfMonth(year, firstMonth + months - 1),
  };
}

export interface DueDateOptions {
  /**
   * Moves the cut-off for the report's figures this many months from the period's last day
   * (to the end of that month) before the offset is added. Usually 0.
   *
   * Why it exists: plans in the 002 style want half-year reports "by 6月5日 and 12月5日". Those
   * days are not a fixed offset after 06-30 and 12-31 (that would be -25 and -26 days), but they
   * are 5 days after 05-31 and 11-30 — the plan reports on its half-year as of the end of the
   * month before it closes. So that plan is HALF_YEAR with dueOffsetDays 5 and
   * periodEndMonthShift -1. Periods themselves (periodOf, periodRange) do not move: the report
   * still belongs to H1 / H2.
   */
  periodEndMonthShift?: number;
}

/** The day a period's report is due: `dueOffsetDays` calendar days after the period's last day (or the shifted cut-off, see DueDateOptions). */
export function reportDueDate(period: ReportPeriod, dueOffsetDays: number, options: DueDateOptions = {}): string {
  const shift = options.periodEndMonthShift ?? 0;
  if (!Number.isInteger(shift)) throw new RangeError(`periodEndMonthShift must be a whole number of months, got ${shift}`);
  let cutOff = periodRange(period).end;
  if (shift !== 0) cutOff = lastDayOfMonth(Number(cutOff.slice(0, 4)), Number(cutOff.slice(5, 7)) + shift);
  return addDays(cutOff, dueOffsetDays);
}

/**
 * Every period of the cadence that overlaps [startDate, endDate], oldest first: the reports a
 * task running over those dates owes. Empty when the end comes before the start.
 */
export function periodsBetween(startDate: string, endDate: string, cadence: ReportCadence): ReportPeriod[] {
  assertIsoDate(startDate, 'startDate');
  assertIsoDate(endDate, 'endDate');
  const periods: ReportPeriod[] = [];
  let period = periodOf(startDate, cadence);
  while (periodRange(period).start <= endDate) {
    periods.push(period);
    period = periodOf(addDays(periodRange(period).end, 1), cadence);
  }
  return periods;
}

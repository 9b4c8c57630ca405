import { assertIsoDate, daysBetween } from './calendar-days';
import { reportDueDate, type DueDateOptions, type ReportPeriod } from './reporting-calendar';

/** A report falls due "soon" this many calendar days ahead, the due day included. */
export const DUE_SOON_DAYS = 3;

export const REPORT_STATUSES = ['SUBMITTED', 'SUBMITTED_LATE', 'DUE', 'DUE_SOON', 'LATE'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportStatusInput {
  /** Carried so a row can be passed straight through; the status depends only on the dates. */
  period?: ReportPeriod;
  dueDate: string;
  /** The day it was filed, in the plan's time zone (see todayIn); null if not yet filed. */
  submittedAt: string | null;
  today: string;
}

/**
 * Where one report stands. Filing on the due day is on time; an unfiled report is LATE from
 * the day after its due day, DUE_SOON from DUE_SOON_DAYS before it (the due day included).
 */
export function reportStatus({ dueDate, submittedAt, today }: ReportStatusInput): ReportStatus {
  assertIsoDate(dueDate, 'dueDate');
  assertIsoDate(today, 'today');
  if (submittedAt !== null) {
    assertIsoDate(submittedAt, 'submittedAt');
    return submittedAt > dueDate ? 'SUBMITTED_LATE' : 'SUBMITTED';
  }
  const daysLeft = daysBetween(today, dueDate);
  if (daysLeft < 0) return 'LATE';
  return daysLeft <= DUE_SOON_DAYS ? 'DUE_SOON' : 'DUE';
}

export interface SubmittedReport {
  period: ReportPeriod;
  submittedAt: string;
}

export interface PeriodReportStatus {
  period: ReportPeriod;
  dueDate: string;
  status: ReportStatus;
}

/** What a task card flags about its reports. */
export interface ReportFlags {
  /** Due day passed and nothing filed (status LATE): the card's red count. */
  missing: ReportPeriod[];
  /** Filed, but after the due day (status SUBMITTED_LATE): counts against the department at assessment. */
  late: ReportPeriod[];
  /** Not filed and due within DUE_SOON_DAYS: a reminder, not a fault. */
  dueSoon: ReportPeriod[];
  missingCount: number;
  lateCount: number;
  /** Every expected period with its due day and status, in the order given. */
  periods: PeriodReportStatus[];
}

/**
 * Checks the reports a task owes against those it filed. Periods not expected are ignored; when
 * a period was filed more than once, the first filing decides whether it was on time (a later
 * correction does not make an on-time report late).
 */
export function lateReports(
  expectedPeriods: readonly ReportPeriod[],
  submitted: readonly SubmittedReport[],
  today: string,
  dueOffsetDays: number,
  options: DueDateOptions = {},
): ReportFlags {
  const firstFiled = new Map<ReportPeriod, string>();
  for (const { period, submittedAt } of submitted) {
    assertIsoDate(submittedAt, 'submittedAt');
    const earlier = firstFiled.get(period);
    if (earlier === undefined || submittedAt < earlier) firstFiled.set(period, submittedAt);
  }
  const periods = expectedPeriods.map((period) => {
    const dueDate = reportDueDate(period, dueOffsetDays, options);
    return { period, dueDate, status: reportStatus({ period, dueDate, submittedAt: firstFiled.get(period) ?? null, today }) };
  });
  const withStatus = (status: ReportStatus) => periods.filter((p) => p.status === status).map((p) => p.period);
  const missing = withStatus('LATE');
  const late = withStatus('SUBMITTED_LATE');
  return { missing, late, dueSoon: withStatus('DUE_SOON'), missingCount: missing.length, lateCount: late.length, periods };
}

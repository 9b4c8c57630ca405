// Reporting periods (季报, 年中报), due dates and whether a department's reports are in on time.
export { addDays, daysBetween, lastDayOfMonth } from './calendar-days';
export { REPORT_CADENCES, parsePeriod, periodOf, periodRange, periodsBetween, reportDueDate } from './reporting-calendar';
export type { DateRange, DueDateOptions, ParsedPeriod, ReportCadence, ReportPeriod } from './reporting-calendar';
export { DUE_SOON_DAYS, REPORT_STATUSES, lateReports, reportStatus } from './report-status';
export type { PeriodReportStatus, ReportFlags, ReportStatus, ReportStatusInput, SubmittedReport } from './report-status';

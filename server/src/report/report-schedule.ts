import { periodsBetween, reportDueDate, reportStatus, type ReportCadence, type ReportPeriod } from '@workplan/shared';
import type { ReportDueModel } from './progress-report.model';

/** Progress reports are owed only while a task is in these stages. */
export const REPORTING_STAGES: ReadonlySet<string> = new Set(['IMPLEMENTATION', 'INSPECTION']);
export const DEFAULT_CADENCE: ReportCadence = 'QUARTER';
export const DEFAULT_OFFSET = 5;

export interface ReportSettings {
  cadence: ReportCadence;
  /** Days after a period's end the report is due. */
  offset: number;
}

/** A plan's report settings, the defaults where it has none (or the task no plan). */
export const reportSettingsOf = (plan: { report_cadence: ReportCadence | null; report_due_offset_days: number | null } | undefined): ReportSettings => ({
  cadence: plan?.report_cadence ?? DEFAULT_CADENCE,
  offset: plan?.report_due_offset_days ?? DEFAULT_OFFSET,
});

export interface ScheduledTask {
  id: string;
  code: string;
  title: string;
  stage: string;
  leadDepartmentId: string;
}

/** What the schedule is computed from, read beforehand (by the caller, with whatever else it reads). */
export interface ScheduleFacts {
  /** Each task's cooperating departments, in their order. */
  cooperating: ReadonlyMap<string, readonly string[]>;
  /** The day each task entered implementation, in the plan's time zone; a task without one owes nothing. */
  startedOn: ReadonlyMap<string, string>;
  settings: ReadonlyMap<string, ReportSettings>;
  /** Reports filed for these tasks: the day each was filed (plan time zone). */
  filed: ReadonlyArray<{ taskId: string; departmentId: string; period: string; submittedOn: string }>;
  departments: ReadonlyMap<string, { name: string; level: string }>;
}

/**
 * What each responsible department owes, period by period, from the day the task entered
 * implementation until today: a row per (task, department, period) with its due day and status.
 * Pure: the board computes it for 300 cards per load, so the periods and due days, shared by most
 * tasks, are worked out once per call.
 */
export function reportSchedule(tasks: readonly ScheduledTask[], facts: ScheduleFacts, today: string): ReportDueModel[] {
  const periodsFrom = new Map<string, ReportPeriod[]>();
  const dueDates = new Map<string, string>();
  const filedBy = new Map(facts.filed.map((r) => [`${r.taskId}|${r.departmentId}|${r.period}`, r.submittedOn]));
  const rows: ReportDueModel[] = [];
  for (const task of tasks) {
    const start = facts.startedOn.get(task.id);
    if (!start || !REPORTING_STAGES.has(task.stage)) continue;
    const { cadence, offset } = facts.settings.get(task.id) ?? reportSettingsOf(undefined);
    let periods = periodsFrom.get(`${start}|${cadence}`);
    if (!periods) periodsFrom.set(`${start}|${cadence}`, (periods = periodsBetween(start, today, cadence)));
    const responsible = [task.leadDepartmentId, ...(facts.cooperating.get(task.id) ?? [])];
    for (const period of periods) {
      let dueDate = dueDates.get(`${period}|${offset}`);
      if (!dueDate) dueDates.set(`${period}|${offset}`, (dueDate = reportDueDate(period, offset)));
      for (const departmentId of responsible) {
        const department = facts.departments.get(departmentId);
        if (!department || department.level === 'group') continue; // a catch-all group files nothing itself
        rows.push({
          taskId: task.id,
          taskCode: task.code,
          taskTitle: task.title,
          departmentId,
          departmentName: department.name,
          lead: departmentId === task.leadDepartmentId,
          period,
          dueDate,
          status: reportStatus({ dueDate, submittedAt: filedBy.get(`${task.id}|${departmentId}|${period}`) ?? null, today }),
        });
      }
    }
  }
  return rows;
}

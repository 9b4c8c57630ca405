import { isWorkStage, type WorkTask, type WorkUser } from '../../task-work/work-task';
import type { ReportDue } from '../graphql/report.graphql';

/** Staff of the lead or a cooperating department file reports, each for its own part (as the server checks). */
export function mayFileReport(user: WorkUser, task: WorkTask): boolean {
  const departmentId = user.department?.id;
  if (user.role !== 'STAFF' || !departmentId || !isWorkStage(task.stage)) return false;
  return task.leadDepartment.id === departmentId || task.cooperatingDepartments.some((d) => d.id === departmentId);
}

/** Periods the department still owes, oldest first. */
export function owedPeriods(schedule: readonly ReportDue[], departmentId: string): string[] {
  return schedule
    .filter((row) => row.departmentId === departmentId && !row.status.startsWith('SUBMITTED'))
    .map((row) => row.period)
    .sort();
}

/**
 * The period the form starts with. Empty lets the server take the current period; but once the
 * current one is filed that would be refused as a duplicate, so the oldest one still owed is offered.
 */
export function proposedPeriod(schedule: readonly ReportDue[], departmentId: string): string | undefined {
  const mine = schedule.filter((row) => row.departmentId === departmentId).sort((a, b) => a.period.localeCompare(b.period));
  const current = mine.at(-1);
  if (!current || !current.status.startsWith('SUBMITTED')) return undefined;
  return owedPeriods(schedule, departmentId)[0];
}

/** Whether the schedule shows the department has nothing left to file. */
export function allFiled(schedule: readonly ReportDue[], departmentId: string): boolean {
  return schedule.some((row) => row.departmentId === departmentId) && owedPeriods(schedule, departmentId).length === 0;
}

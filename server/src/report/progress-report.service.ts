import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parsePeriod, periodOf, periodsBetween, reportDueDate, reportStatus, todayIn, type ReportCadence } from '@workplan/shared';
import { DataSource, In } from 'typeorm';
import { DomainError, badInput, forbidden, notFound } from '../common/errors';
import { requireText, requireUuid } from '../common/validate';
import { DepartmentEntity } from '../department/department.entity';
import { IndicatorEntity } from '../indicator/indicator.entity';
import { PlanEntity } from '../plan/plan.entity';
import { TaskCooperatingDepartmentEntity, TaskEntity } from '../task/task.entity';
import { UserEntity } from '../user/user.entity';
import { ProgressReportEntity, ProgressReportValueEntity } from './progress-report.entity';
import { DEFAULT_CADENCE, REPORTING_STAGES, reportSchedule, reportSettingsOf, type ReportSettings } from './report-schedule';
import { loadScheduleFacts } from './schedule-facts';
import type { FileProgressReportInput, ProgressReportModel, ReportDueModel } from './progress-report.model';


/** Progress reports (季报/年中报): the lead department files one per period, each cooperating department its own part. */
@Injectable()
export class ProgressReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async file(input: FileProgressReportInput, user: UserEntity): Promise<ProgressReportEntity> {
    const taskId = requireUuid(input.taskId, 'taskId');
    const narrative = requireText(input.narrative, 'narrative', 20000, true);
    const percentDone = input.percentDone ?? null;
    if (percentDone !== null && (!Number.isInteger(percentDone) || percentDone < 0 || percentDone > 100)) throw badInput('percentDone must be a whole number from 0 to 100', 'percentDone');
    const problems = requireText(input.problems, 'problems', 20000) ?? '';
    return this.dataSource.transaction(async (em) => {
      const task = await em.findOneBy(TaskEntity, { id: taskId });
      if (!task) throw notFound('Task', taskId);
      const cooperating = await em.findBy(TaskCooperatingDepartmentEntity, { taskId });
      const responsible = [task.leadDepartmentId, ...cooperating.map((c) => c.departmentId)];
      if (user.role !== 'STAFF' || !user.departmentId || !responsible.includes(user.departmentId)) {
        throw forbidden('Progress reports are filed by the lead or a cooperating department of the task');
      }
      if (!REPORTING_STAGES.has(task.stage)) {
        throw new DomainError('TRANSITION_NOT_ALLOWED', `Progress is reported during implementation, not in ${task.stage}`, { stage: task.stage });
      }
      const plan = task.planId ? await em.findOneBy(PlanEntity, { id: task.planId }) : null;
      const cadence = plan?.reportCadence ?? DEFAULT_CADENCE;
      const period = input.period?.trim() || periodOf(todayIn(), cadence);
      try {
        if (parsePeriod(period).cadence !== cadence) throw new RangeError('cadence');
      } catch {
        throw badInput(`period must be a ${cadence.toLowerCase()} period like ${periodOf(todayIn(), cadence)}`, 'period');
      }
      if (await em.existsBy(ProgressReportEntity, { taskId, departmentId: user.departmentId, period })) {
        throw badInput(`Your department already filed its report for ${period}`, 'period');
      }
      const indicatorIds = input.values.map((v) => requireUuid(v.indicatorId, 'values'));
      if (indicatorIds.length) {
        const known = await em.findBy(IndicatorEntity, { id: In(indicatorIds) });
        if (known.length !== new Set(indicatorIds).size || known.some((i) => i.taskId !== taskId && i.planId !== task.planId)) {
          throw badInput('a value is for an indicator of another task or plan', 'values');
        }
        if (input.values.some((v) => !Number.isFinite(v.value))) throw badInput('values must be numbers', 'values');
      }
      const report = await em.save(
        em.create(ProgressReportEntity, { taskId, departmentId: user.departmentId, period, narrative, problems, percentDone, status: input.status, submittedBy: user.id }),
      );
      if (input.values.length) {
        await em.insert(ProgressReportValueEntity, input.values.map((v) => ({ reportId: report.id, indicatorId: v.indicatorId, value: String(v.value) })));
      }
      return report;
    });
  }

  async forTask(taskId: string): Promise<ProgressReportModel[]> {
    const reports = await this.dataSource.manager.find(ProgressReportEntity, { where: { taskId: requireUuid(taskId, 'taskId') }, order: { period: 'DESC', submittedAt: 'DESC' } });
    return this.toModels(reports);
  }

  async toModels(reports: ProgressReportEntity[]): Promise<ProgressReportModel[]> {
    if (!reports.length) return [];
    const em = this.dataSource.manager;
    const departments = new Map((await em.findBy(DepartmentEntity, { id: In([...new Set(reports.map((r) => r.departmentId))]) })).map((d) => [d.id, d.name]));
    const users = new Map((await em.findBy(UserEntity, { id: In([...new Set(reports.map((r) => r.submittedBy))]) })).map((u) => [u.id, u.name]));
    const values = await em.findBy(ProgressReportValueEntity, { reportId: In(reports.map((r) => r.id)) });
    const indicators = new Map(values.length ? (await em.findBy(IndicatorEntity, { id: In([...new Set(values.map((v) => v.indicatorId))]) })).map((i) => [i.id, i.name]) : []);
    const settings = await this.cadenceByTask(reports.map((r) => r.taskId));
    return reports.map((r) => {
      const { offset } = settings.get(r.taskId)!;
      return {
        id: r.id,
        taskId: r.taskId,
        departmentId: r.departmentId,
        departmentName: departments.get(r.departmentId) ?? '',
        period: r.period,
        narrative: r.narrative,
        problems: r.problems,
        percentDone: r.percentDone,
        status: r.status,
        submittedByName: users.get(r.submittedBy) ?? '',
        submittedAt: r.submittedAt,
        late: todayIn(undefined, r.submittedAt) > reportDueDate(r.period, offset),
        values: values.filter((v) => v.reportId === r.id).map((v) => ({ indicatorId: v.indicatorId, indicatorName: indicators.get(v.indicatorId) ?? '', value: Number(v.value) })),
      };
    });
  }

  /**
   * What each responsible department owes, period by period, from the day the task entered
   * implementation to the current period. Drives the late flags and "my reports due".
   */
  async schedule(taskIds: readonly string[], today = todayIn()): Promise<ReportDueModel[]> {
    if (!taskIds.length) return [];
    const tasks: Array<{ id: string; code: string; title: string; stage: string; plan_id: string | null; lead_department_id: string }> = await this.dataSource.query(
      `SELECT id, code, title, stage, plan_id, lead_department_id FROM task WHERE id = ANY($1::uuid[])`,
      [taskIds],
    );
    const scheduled = tasks.map((t) => ({ id: t.id, code: t.code, title: t.title, stage: t.stage, planId: t.plan_id, leadDepartmentId: t.lead_department_id }));
    return reportSchedule(scheduled, await loadScheduleFacts(this.dataSource, scheduled), today);
  }

  /** Reports a department still owes (due soon, due, or late), most urgent first. */
  async dueFor(departmentId: string): Promise<ReportDueModel[]> {
    const tasks: Array<{ id: string }> = await this.dataSource.query(
      `SELECT t.id FROM task t WHERE t.stage = ANY($2) AND (t.lead_department_id = $1
         OR EXISTS (SELECT 1 FROM task_cooperating_department c WHERE c.task_id = t.id AND c.department_id = $1))`,
      [departmentId, [...REPORTING_STAGES]],
    );
    const rows = await this.schedule(tasks.map((t) => t.id));
    return rows
      .filter((r) => r.departmentId === departmentId && !r.status.startsWith('SUBMITTED'))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.taskCode.localeCompare(b.taskCode));
  }

  private async cadenceByTask(taskIds: readonly string[]): Promise<Map<string, ReportSettings>> {
    const rows: Array<{ id: string; report_cadence: ReportCadence | null; report_due_offset_days: number | null }> = await this.dataSource.query(
      `SELECT t.id, p.report_cadence, p.report_due_offset_days FROM task t LEFT JOIN plan p ON p.id = t.plan_id WHERE t.id = ANY($1::uuid[])`,
      [taskIds],
    );
    return new Map(rows.map((r) => [r.id, reportSettingsOf(r)]));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { gradeOf, parsePeriod, rankDepartments } from '@workplan/shared';
import { DataSource, In } from 'typeorm';
import { DomainError, badInput, forbidden, notFound } from '../common/errors';
import { requireText, requireUuid } from '../common/validate';
import { DepartmentEntity } from '../department/department.entity';
import { DepartmentModel } from '../department/department.model';
import { PlanEntity } from '../plan/plan.entity';
import { TaskEntity } from '../task/task.entity';
import { UserEntity } from '../user/user.entity';
import { AssessmentEntity } from './assessment.entity';
import type { AssessmentModel, AssessTaskInput, DepartmentRankingModel } from './assessment.model';

const ASSESSABLE = ['IMPLEMENTATION', 'INSPECTION', 'COMMENDATION', 'ARCHIVED'];

export function checkPeriod(period: string): string {
  try {
    parsePeriod(period);
    return period;
  } catch {
    throw badInput('period must look like 2026-Q3, 2026-H1 or 2026', 'period');
  }
}

/** The period before this one, of the same length: the "last time" in "bottom three twice in a row". */
export function previousPeriod(period: string): string {
  const { year, cadence, index } = parsePeriod(period);
  if (cadence === 'YEAR') return String(year - 1);
  const prefix = cadence === 'QUARTER' ? 'Q' : 'H';
  const count = cadence === 'QUARTER' ? 4 : 2;
  return index > 1 ? `${year}-${prefix}${index - 1}` : `${year - 1}-${prefix}${count}`;
}

/** Scores and grades per task and period, rolled up into the plan's department ranking. */
@Injectable()
export class AssessmentService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async assess(input: AssessTaskInput, user: UserEntity): Promise<AssessmentEntity> {
    if (user.role !== 'COORDINATOR' && user.role !== 'APPROVER') throw forbidden('Coordinators and approvers grade tasks');
    const taskId = requireUuid(input.taskId, 'taskId');
    const period = checkPeriod(input.period.trim());
    if (!Number.isFinite(input.score) || input.score < 0 || input.score > 100) throw badInput('score must be between 0 and 100', 'score');
    const score = Math.round(input.score * 100) / 100;
    const comment = requireText(input.comment, 'comment', 5000);
    const task = await this.dataSource.manager.findOneBy(TaskEntity, { id: taskId });
    if (!task) throw notFound('Task', taskId);
    if (!ASSESSABLE.includes(task.stage)) throw new DomainError('TRANSITION_NOT_ALLOWED', `A task is assessed once it is being implemented, not in ${task.stage}`, { stage: task.stage });
    if (await this.dataSource.manager.existsBy(AssessmentEntity, { taskId, period })) throw badInput(`This task was already assessed for ${period}`, 'period');
    return this.dataSource.manager.save(
      this.dataSource.manager.create(AssessmentEntity, { taskId, departmentId: task.leadDepartmentId, period, score: String(score), grade: gradeOf(score), comment, assessedBy: user.id }),
    );
  }

  async forTask(taskId: string): Promise<AssessmentModel[]> {
    return this.toModels(await this.dataSource.manager.find(AssessmentEntity, { where: { taskId: requireUuid(taskId, 'taskId') }, order: { period: 'DESC' } }));
  }

  async toModels(rows: AssessmentEntity[]): Promise<AssessmentModel[]> {
    if (!rows.length) return [];
    const users = new Map((await this.dataSource.manager.findBy(UserEntity, { id: In([...new Set(rows.map((r) => r.assessedBy))]) })).map((u) => [u.id, u.name]));
    return rows.map((r) => ({ id: r.id, taskId: r.taskId, period: r.period, score: Number(r.score), grade: r.grade, comment: r.comment, assessedByName: users.get(r.assessedBy) ?? '', assessedAt: r.assessedAt }));
  }

  /** Departments of a plan ranked by the average score of the tasks they lead, with commendations, yellow cards and demotion flags. */
  async ranking(planId: string, period: string): Promise<DepartmentRankingModel[]> {
    const id = requireUuid(planId, 'planId');
    checkPeriod(period);
    const plan = await this.dataSource.manager.findOneBy(PlanEntity, { id });
    if (!plan) throw notFound('Plan', planId);
    const averages = async (p: string) =>
      (
        (await this.dataSource.query(
          `SELECT a.department_id AS "departmentId", round(avg(a.score), 2)::float AS score, count(*)::int AS n
             FROM assessment a JOIN task t ON t.id = a.task_id WHERE t.plan_id = $1 AND a.period = $2 GROUP BY a.department_id`,
          [id, p],
        )) as Array<{ departmentId: string; score: number; n: number }>
      );
    const current = await averages(period);
    if (!current.length) return [];
    const previous = await averages(previousPeriod(period));
    const previousBottom = previous.length
      ? rankDepartments({ scores: previous, commendCount: 0, warnCount: plan.warnCount }).filter((r) => r.warned).map((r) => r.departmentId)
      : [];
    const ranked = rankDepartments({ scores: current, commendCount: plan.commendCount, warnCount: plan.warnCount, previousBottom });
    const departments = new Map((await this.dataSource.manager.findBy(DepartmentEntity, { id: In(current.map((c) => c.departmentId)) })).map((d) => [d.id, DepartmentModel.from(d)]));
    return ranked.map((r) => ({ ...r, department: departments.get(r.departmentId)!, taskCount: current.find((c) => c.departmentId === r.departmentId)!.n, reasons: [...r.reasons] }));
  }
}

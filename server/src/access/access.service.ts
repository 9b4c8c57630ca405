import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isOwnTask, scopeOf, scopeReaches, visibleElsewhere, type Operation, type Scope, type TaskAccessTarget, type TaskVisibility } from '@workplan/shared';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { forbidden, notFound } from '../common/errors';
import { requireUuid } from '../common/validate';
import type { UserEntity } from '../user/user.entity';

/** Who may see which tasks in a list: every task, or their own plus those of plans with these visibilities. */
export interface TaskViewer {
  departmentId: string | null;
  visibilities: readonly TaskVisibility[];
}

const SCOPE_REFUSALS: Record<Exclude<Scope, 'ANY' | 'SELF'>, string> = {
  LEAD: 'Only the lead department may do this on this task',
  DEPARTMENT: 'Only the lead or a cooperating department may do this on this task',
  VISIBLE: 'This plan shows you only your own department’s tasks',
  DETAIL: 'This plan shows you other departments’ tasks only in summary',
};

/**
 * The permission table (shared/src/permission) applied to real rows. The guard has already refused
 * roles an operation's row lacks; services ask here whether the role's scope reaches the task.
 */
@Injectable()
export class AccessService {
  private readonly visibilityCache = new Map<string, { visibility: TaskVisibility; until: number }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The role's scope, or FORBIDDEN when the role may not call the operation at all. */
  scope(user: UserEntity, operation: Operation): Scope {
    const scope = scopeOf(user.role, operation);
    if (!scope) throw forbidden(`A ${user.role.toLowerCase()} account may not do this (${operation})`);
    return scope;
  }

  /** Refuses unless the role's scope reaches this task; NOT_FOUND when there is no such task. */
  async assertTask(user: UserEntity, operation: Operation, taskId: string): Promise<TaskAccessTarget> {
    const target = await this.taskTarget(taskId);
    this.assertTarget(user, operation, target);
    return target;
  }

  /**
   * As assertTask, for a caller that reads the task itself right after: a scope that reaches every
   * task needs no row, so none is read (the caller's own read answers NOT_FOUND for a missing task).
   */
  async assertTaskScope(user: UserEntity, operation: Operation, taskId: string): Promise<void> {
    if (this.scope(user, operation) === 'ANY') return;
    await this.assertTask(user, operation, taskId);
  }

  assertTarget(user: UserEntity, operation: Operation, target: TaskAccessTarget): void {
    const scope = this.scope(user, operation);
    if (!scopeReaches(scope, user, target)) throw forbidden(SCOPE_REFUSALS[scope as keyof typeof SCOPE_REFUSALS]);
  }

  /** Whether the user may see this task's details (reports, findings, inspections, files). */
  canSeeDetail(user: UserEntity, target: TaskAccessTarget): boolean {
    const scope = scopeOf(user.role, 'progressReports');
    return scope !== null && scopeReaches(scope, user, target);
  }

  async taskTarget(taskId: string): Promise<TaskAccessTarget> {
    const rows: Array<{ lead: string; cooperating: string[]; visibility: TaskVisibility }> = await this.dataSource.query(
      `SELECT t.lead_department_id AS lead, COALESCE(p.task_visibility, 'FULL') AS visibility,
              ARRAY(SELECT c.department_id::text FROM task_cooperating_department c WHERE c.task_id = t.id) AS cooperating
         FROM task t LEFT JOIN plan p ON p.id = t.plan_id
        WHERE t.id = $1`,
      [requireUuid(taskId, 'taskId')],
    );
    if (!rows.length) throw notFound('Task', taskId);
    return { leadDepartmentId: rows[0].lead, cooperatingDepartmentIds: rows[0].cooperating, visibility: rows[0].visibility };
  }

  /** A plan's visibility setting, remembered for a few seconds (live updates ask once per event). */
  async planVisibility(planId: string | null): Promise<TaskVisibility> {
    if (!planId) return 'FULL';
    const cached = this.visibilityCache.get(planId);
    if (cached && cached.until > Date.now()) return cached.visibility;
    const rows: Array<{ visibility: TaskVisibility }> = await this.dataSource.query(`SELECT task_visibility AS visibility FROM plan WHERE id = $1`, [planId]);
    const visibility = rows[0]?.visibility ?? 'FULL';
    this.visibilityCache.set(planId, { visibility, until: Date.now() + 5_000 });
    return visibility;
  }

  /** For a list operation: null when the user sees every task, else what narrows it. */
  viewer(user: UserEntity, operation: Operation): TaskViewer | null {
    this.scope(user, operation);
    const visibilities = visibleElsewhere(user, operation);
    return visibilities === null ? null : { departmentId: user.departmentId, visibilities };
  }

  /** Whether a task (as a list shows it) is within a viewer's reach. */
  static reaches(viewer: TaskViewer | null, task: Omit<TaskAccessTarget, 'visibility'>, visibility: TaskVisibility): boolean {
    return viewer === null || isOwnTask({ role: 'STAFF', departmentId: viewer.departmentId }, task) || viewer.visibilities.includes(visibility);
  }
}

/** Narrows a task query (alias `t`) to the tasks a viewer may see. */
export function restrictToViewer<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, viewer: TaskViewer | null, alias = 't'): SelectQueryBuilder<T> {
  if (!viewer) return qb;
  const own = viewer.departmentId
    ? `${alias}.lead_department_id = :viewerDepartment OR EXISTS (
         SELECT 1 FROM task_cooperating_department vc WHERE vc.task_id = ${alias}.id AND vc.department_id = :viewerDepartment)`
    : 'false';
  const elsewhere = viewer.visibilities.length
    ? `COALESCE((SELECT vp.task_visibility FROM plan vp WHERE vp.id = ${alias}.plan_id), 'FULL') IN (:...viewerVisibilities)`
    : 'false';
  return qb.andWhere(`(${own} OR ${elsewhere})`, { viewerDepartment: viewer.departmentId, viewerVisibilities: viewer.visibilities });
}

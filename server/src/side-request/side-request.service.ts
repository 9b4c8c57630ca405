import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  awaitsDecisionBy,
  endEventFor,
  filingRefusal,
  finalDecision,
  isTaskStage,
  leaderDecisionRefusal,
  secondLevelRole,
  TERMINAL_STAGES,
  todayIn,
  withdrawRefusal,
  type SideRequestGrant,
  type SideRequestKind,
  type SideRequestRefusal,
  type TaskStage,
} from '@workplan/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AccessService, restrictToViewer } from '../access/access.service';
import { actorOf } from '../auth/current-user';
import { DomainError, badInput, notFound } from '../common/errors';
import { requireText, requireUuid } from '../common/validate';
import { DepartmentEntity } from '../department/department.entity';
import { DepartmentModel } from '../department/department.model';
import type { NotificationKind } from '../notification/notification.entity';
import { NotificationService } from '../notification/notification.service';
import { TaskEntity } from '../task/task.entity';
import type { TaskTransitionEntity } from '../task/task-transition.entity';
import { TaskService } from '../task/task.service';
import { UserEntity } from '../user/user.entity';
import { SideRequestEntity } from './side-request.entity';
import type { FileSideRequestInput, SideRequestModel } from './side-request.model';

const refused = (r: SideRequestRefusal) => new DomainError(r.code, r.message, r.field ? { field: r.field } : {});
const PENDING = ['PENDING_LEADER', 'PENDING_DECISION'] as const;
const ended = (stage: TaskStage) => (TERMINAL_STAGES as readonly string[]).includes(stage);
const leaderOf = (user: UserEntity) => ({ ...actorOf(user), departmentLeader: user.departmentLeader });

/**
 * Side requests (申请): filed by a responsible unit before the deadline, approved by the unit's
 * leader, decided by a coordinator (or the approver for key tasks). The rules are the shared
 * package's (shared/src/side-request); this service reads what they need, applies them before
 * writing anything, and writes each step in one transaction — with the task's new due date, or
 * with the machine transition that ends the task.
 */
@Injectable()
export class SideRequestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly notifications: NotificationService,
    private readonly tasks: TaskService,
  ) {}

  async list(user: UserEntity, taskId: string): Promise<SideRequestEntity[]> {
    await this.access.assertTask(user, 'sideRequests', requireUuid(taskId, 'taskId'));
    return this.dataSource.manager.find(SideRequestEntity, { where: { taskId }, order: { filedAt: 'DESC' } });
  }

  /** What waits on the signed-in person: a leader's unit's first-level requests; a coordinator's or approver's second-level ones. */
  async pending(user: UserEntity): Promise<SideRequestEntity[]> {
    this.access.scope(user, 'pendingSideRequests');
    const qb = this.dataSource.manager.createQueryBuilder(SideRequestEntity, 'r').orderBy('r.filed_at', 'ASC').limit(200);
    if (user.role === 'STAFF') {
      if (!user.departmentLeader || !user.departmentId) return [];
      return qb.where(`r.status = 'PENDING_LEADER' AND r.department_id = :d`, { d: user.departmentId }).getMany();
    }
    const keyTask = secondLevelRole(true) === user.role;
    return qb
      .innerJoin(TaskEntity, 't', 't.id = r.task_id')
      .where(`r.status = 'PENDING_DECISION' AND t.key_task = :keyTask`, { keyTask })
      .getMany();
  }

  /**
   * Decided requests, latest first, on the tasks the viewer may see in detail. With `endedOnly`, the
   * granted suspensions and cancellations: where tasks that left the board are found.
   */
  async decided(user: UserEntity, endedOnly: boolean, first: number): Promise<SideRequestEntity[]> {
    const viewer = this.access.viewer(user, 'decidedSideRequests');
    const qb = this.dataSource.manager
      .createQueryBuilder(SideRequestEntity, 'r')
      .innerJoin(TaskEntity, 't', 't.id = r.task_id')
      .where(endedOnly ? `r.status = 'GRANTED' AND r.kind IN ('SUSPENSION','CANCELLATION')` : `r.status IN ('GRANTED','PARTLY_GRANTED','REJECTED')`)
      .orderBy('COALESCE(r.decided_at, r.leader_decided_at)', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .limit(Math.min(Math.max(Math.trunc(first) || 1, 1), 100));
    return restrictToViewer(qb, viewer).getMany();
  }

  async file(input: FileSideRequestInput, user: UserEntity): Promise<SideRequestEntity> {
    const taskId = requireUuid(input.taskId, 'taskId');
    await this.access.assertTask(user, 'fileSideRequest', taskId);
    const reason = requireText(input.reason, 'reason', 5000);
    const adjustment = requireText(input.adjustment, 'adjustment', 5000);
    const requestedDueDate = input.requestedDueDate?.trim() || null;
    return this.dataSource.transaction(async (em) => {
      // Locks the task: two requests of one kind filed at once cannot both pass the pending check.
      const task = await this.lockTask(em, taskId);
      const cooperating: Array<{ id: string }> = await em.query(`SELECT department_id AS id FROM task_cooperating_department WHERE task_id = $1`, [taskId]);
      const pending = await em.find(SideRequestEntity, { where: { taskId, status: In([...PENDING]) }, select: { kind: true } });
      const refusal = filingRefusal({
        actor: actorOf(user),
        task: { stage: task.stage, dueDate: task.dueDate, leadDepartmentId: task.leadDepartmentId, cooperatingDepartmentIds: cooperating.map((c) => c.id) },
        kind: input.kind,
        reason,
        requestedDueDate,
        adjustment,
        pendingKinds: pending.map((p) => p.kind),
        today: todayIn(),
      });
      if (refusal) throw refused(refusal);
      const departmentId = user.departmentId!;
      // A leader filing for their own unit has signed it already: it goes straight to the second level.
      const byLeader = user.departmentLeader;
      const leaders = byLeader ? [] : await this.leadersOf(em, departmentId);
      if (!byLeader && leaders.length === 0) {
        throw badInput('Your unit has no leader account (单位负责人) to approve the request; ask an administrator to mark one', 'taskId');
      }
      const request = await em.save(
        em.create(SideRequestEntity, {
          taskId,
          departmentId,
          kind: input.kind,
          reason: reason!,
          requestedDueDate,
          adjustment,
          stageAtFiling: task.stage,
          dueDateAtFiling: task.dueDate,
          status: byLeader ? 'PENDING_DECISION' : 'PENDING_LEADER',
          filedBy: user.id,
          ...(byLeader ? { leaderApproved: true, leaderDecidedBy: user.id, leaderDecidedAt: new Date() } : {}),
        }),
      );
      if (byLeader) await this.notifyDeciders(em, request, task, user);
      else await this.notify(em, leaders, 'SIDE_REQUEST_FILED', request, task, user);
      return request;
    });
  }

  async withdraw(id: string, user: UserEntity): Promise<SideRequestEntity> {
    const found = await this.find(id);
    await this.access.assertTask(user, 'withdrawSideRequest', found.taskId);
    return this.dataSource.transaction(async (em) => {
      const request = await this.lockRequest(em, found.id);
      const refusal = withdrawRefusal(actorOf(user), request);
      if (refusal) throw refused(refusal);
      await em.update(SideRequestEntity, { id: request.id }, { status: 'WITHDRAWN', withdrawnAt: () => 'now()' });
      return em.findOneByOrFail(SideRequestEntity, { id: request.id });
    });
  }

  async decideAsLeader(id: string, approve: boolean, commentText: string | null | undefined, user: UserEntity): Promise<SideRequestEntity> {
    const found = await this.find(id);
    await this.access.assertTask(user, 'decideSideRequestAsLeader', found.taskId);
    const comment = requireText(commentText, 'comment', 5000);
    return this.dataSource.transaction(async (em) => {
      const task = await this.lockTask(em, found.taskId);
      const request = await this.lockRequest(em, found.id);
      const refusal = leaderDecisionRefusal(leaderOf(user), request, approve, comment);
      if (refusal) throw refused(refusal);
      if (approve) this.assertOpen(task);
      await em.update(
        SideRequestEntity,
        { id: request.id },
        { status: approve ? 'PENDING_DECISION' : 'REJECTED', leaderApproved: approve, leaderDecidedBy: user.id, leaderDecidedAt: () => 'now()', leaderComment: comment },
      );
      const fresh = await em.findOneByOrFail(SideRequestEntity, { id: request.id });
      await this.notify(em, [request.filedBy], 'SIDE_REQUEST_DECIDED', fresh, task, user, comment);
      if (approve) await this.notifyDeciders(em, fresh, task, user);
      return fresh;
    });
  }

  /**
   * The final decision. A granted extension moves the due date (the first one keeps the original);
   * a granted suspension or cancellation ends the task through the machine, in this transaction.
   */
  async decide(
    id: string,
    grant: SideRequestGrant,
    grantedDueDate: string | null | undefined,
    commentText: string | null | undefined,
    user: UserEntity,
  ): Promise<{ request: SideRequestEntity; transition: TaskTransitionEntity | null }> {
    const found = await this.find(id);
    await this.access.assertTask(user, 'decideSideRequest', found.taskId);
    const comment = requireText(commentText, 'comment', 5000);
    return this.dataSource.transaction(async (em) => {
      const task = await this.lockTask(em, found.taskId);
      const request = await this.lockRequest(em, found.id);
      const decision = finalDecision({ actor: actorOf(user), request, keyTask: task.keyTask, currentDueDate: task.dueDate, grant, grantedDueDate, comment });
      if (!decision.ok) throw refused(decision.refusal);
      let transition: TaskTransitionEntity | null = null;
      if (decision.status !== 'REJECTED') {
        this.assertOpen(task);
        const end = endEventFor(request.kind);
        if (end) {
          const why = comment ? `${request.reason}\n${comment}` : request.reason;
          transition = (await this.tasks.transitionWithin(em, task, user, { type: end, comment: why, sideRequestId: request.id })).transition;
        } else if (request.kind === 'EXTENSION') {
          // SET reads the old row: the original deadline is the one before the first extension.
          await em.query(`UPDATE task SET original_due_date = COALESCE(original_due_date, due_date), due_date = $2, updated_at = now() WHERE id = $1`, [task.id, decision.grantedDueDate]);
          // Units whose deadline was the task's get the new one too (escalation counts from each unit's own).
          await em.query(`UPDATE task_assignment SET due_date = $2, version = version + 1 WHERE task_id = $1 AND due_date IS NOT DISTINCT FROM $3::date`, [task.id, decision.grantedDueDate, task.dueDate]);
        }
      }
      await em.update(
        SideRequestEntity,
        { id: request.id },
        { status: decision.status, decidedBy: user.id, decidedRole: user.role, decidedAt: () => 'now()', decisionComment: comment, grantedDueDate: decision.grantedDueDate },
      );
      const fresh = await em.findOneByOrFail(SideRequestEntity, { id: request.id });
      await this.notify(em, [request.filedBy], 'SIDE_REQUEST_DECIDED', fresh, task, user, comment);
      return { request: fresh, transition };
    });
  }

  /** A coordinator marks a task urgent (紧急) or key (重点); an argument left out stays as it is. */
  async setTaskFlags(taskId: string, urgent: boolean | null | undefined, keyTask: boolean | null | undefined, user: UserEntity): Promise<TaskEntity> {
    const id = requireUuid(taskId, 'taskId');
    await this.access.assertTask(user, 'setTaskFlags', id);
    const changes: Partial<Pick<TaskEntity, 'urgent' | 'keyTask'>> = {};
    if (typeof urgent === 'boolean') changes.urgent = urgent;
    if (typeof keyTask === 'boolean') changes.keyTask = keyTask;
    if (Object.keys(changes).length === 0) throw badInput('Give urgent, keyTask or both', 'urgent');
    await this.dataSource.manager.update(TaskEntity, { id }, changes);
    return this.dataSource.manager.findOneByOrFail(TaskEntity, { id });
  }

  /** API models for a list of requests, with names, in a fixed number of queries. */
  async toModels(rows: SideRequestEntity[], user: UserEntity): Promise<SideRequestModel[]> {
    if (rows.length === 0) return [];
    const em = this.dataSource.manager;
    const taskIds = [...new Set(rows.map((r) => r.taskId))];
    const userIds = [...new Set(rows.flatMap((r) => [r.filedBy, r.leaderDecidedBy, r.decidedBy]).filter((u): u is string => u !== null))];
    const [tasks, departments, people] = await Promise.all([
      em.find(TaskEntity, { where: { id: In(taskIds) }, select: { id: true, code: true, title: true, keyTask: true, stage: true } }),
      em.findBy(DepartmentEntity, { id: In([...new Set(rows.map((r) => r.departmentId))]) }),
      em.find(UserEntity, { where: { id: In(userIds) }, select: { id: true, name: true } }),
    ]);
    const taskOf = new Map(tasks.map((t) => [t.id, t]));
    const departmentOf = new Map(departments.map((d) => [d.id, DepartmentModel.from(d)]));
    const person = (id: string | null) => {
      const found = id ? people.find((p) => p.id === id) : undefined;
      return found ? { id: found.id, name: found.name } : null;
    };
    const viewer = leaderOf(user);
    return rows.map((r) => {
      const task = taskOf.get(r.taskId)!;
      const open = isTaskStage(task.stage) && !ended(task.stage);
      return {
        id: r.id,
        taskId: r.taskId,
        taskCode: task.code,
        taskTitle: task.title,
        keyTask: task.keyTask,
        kind: r.kind,
        status: r.status,
        department: departmentOf.get(r.departmentId)!,
        reason: r.reason,
        requestedDueDate: r.requestedDueDate,
        adjustment: r.adjustment,
        stageAtFiling: r.stageAtFiling,
        dueDateAtFiling: r.dueDateAtFiling,
        filedBy: person(r.filedBy),
        filedAt: r.filedAt,
        leaderDecision:
          r.leaderDecidedAt && r.leaderApproved !== null
            ? { approved: r.leaderApproved, by: person(r.leaderDecidedBy), role: 'STAFF' as const, at: r.leaderDecidedAt, comment: r.leaderComment, grantedDueDate: null }
            : null,
        finalDecision:
          r.decidedAt && r.decidedRole
            ? { approved: r.status !== 'REJECTED', by: person(r.decidedBy), role: r.decidedRole, at: r.decidedAt, comment: r.decisionComment, grantedDueDate: r.grantedDueDate }
            : null,
        withdrawnAt: r.withdrawnAt,
        awaitingMyDecision: open ? awaitsDecisionBy(viewer, r, task.keyTask) : null,
        canWithdraw: withdrawRefusal(viewer, r) === null,
      };
    });
  }

  private async find(id: string): Promise<SideRequestEntity> {
    const request = await this.dataSource.manager.findOneBy(SideRequestEntity, { id: requireUuid(id, 'id') });
    if (!request) throw notFound('SideRequest', id);
    return request;
  }

  private async lockTask(em: EntityManager, id: string): Promise<TaskEntity> {
    const task = await em.findOne(TaskEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!task) throw notFound('Task', id);
    return task;
  }

  private lockRequest(em: EntityManager, id: string): Promise<SideRequestEntity> {
    return em.findOneOrFail(SideRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Nothing more to grant on a task that has already ended (suspended, cancelled, archived…). */
  private assertOpen(task: TaskEntity): void {
    if (ended(task.stage)) throw badInput(`The task has ended (${task.stage}); the request can only be rejected or withdrawn`, 'id');
  }

  private async leadersOf(em: EntityManager, departmentId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await em.query(`SELECT id FROM app_user WHERE department_id = $1 AND department_leader AND active`, [departmentId]);
    return rows.map((r) => r.id);
  }

  /** The second level hears of a request waiting on it: the approver for key tasks, else the coordinators. */
  private async notifyDeciders(em: EntityManager, request: SideRequestEntity, task: TaskEntity, by: UserEntity): Promise<void> {
    const rows: Array<{ id: string }> = await em.query(`SELECT id FROM app_user WHERE role = $1 AND active`, [secondLevelRole(task.keyTask)]);
    await this.notify(em, rows.map((r) => r.id), 'SIDE_REQUEST_TO_DECIDE', request, task, by);
  }

  private async notify(
    em: EntityManager,
    userIds: string[],
    kind: NotificationKind,
    request: SideRequestEntity,
    task: TaskEntity,
    by: UserEntity,
    comment: string | null = null,
  ): Promise<void> {
    const department = await em.findOneBy(DepartmentEntity, { id: request.departmentId });
    await this.notifications.notifyUsers(em, userIds, {
      kind,
      taskId: task.id,
      params: {
        code: task.code,
        title: task.title,
        request: request.kind satisfies SideRequestKind,
        status: request.status,
        dept: department?.name ?? '',
        by: by.name,
        comment: comment ?? '',
        dueDate: request.grantedDueDate ?? request.requestedDueDate ?? '',
      },
    });
  }
}

import { AccessService } from '../access/access.service';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  decideTransition,
  isIsoDate,
  persistTaskSnapshot,
  stageOf,
  startTask,
  taskSortKey,
  type TaskEventType,
  type TaskOrigin,
  type TransitionRefusal,
} from '@workplan/shared';
import { DataSource, type EntityManager, In, IsNull, QueryFailedError } from 'typeorm';
import { openAssignments } from '../assignment/open-assignments';
import { actorOf } from '../auth/current-user';
import { DomainError, badInput, forbidden, notFound } from '../common/errors';
import { requireText, requireUuid } from '../common/validate';
import { DepartmentEntity } from '../department/department.entity';
import type { NotificationKind } from '../notification/notification.entity';
import { NotificationService } from '../notification/notification.service';
import { PlanEntity } from '../plan/plan.entity';
import type { UserEntity } from '../user/user.entity';
import type { CreateTaskInput } from './dto/create-task.input';
import type { TransitionTaskInput } from './dto/transition-task.input';
import { TaskCooperatingDepartmentEntity, TaskEntity } from './task.entity';
import { loadTaskFacts } from './task-facts';
import { TaskTransitionEntity } from './task-transition.entity';
import { notifyFollowers } from '../instruction/task-followers';

export interface TransitionOutcome {
  task: TaskEntity;
  transition: TaskTransitionEntity;
  replayed: boolean;
}

const REFUSAL_CODE: Record<TransitionRefusal, 'TRANSITION_NOT_ALLOWED' | 'FORBIDDEN' | 'BAD_USER_INPUT'> = {
  TRANSITION_NOT_ALLOWED: 'TRANSITION_NOT_ALLOWED',
  FORBIDDEN: 'FORBIDDEN',
  COMMENT_REQUIRED: 'BAD_USER_INPUT',
  // A move the stage takes, but whose record is not ready (no report yet, findings still open).
  PRECONDITION_FAILED: 'TRANSITION_NOT_ALLOWED',
};

/** Moves the lead department hears about in its notifications. */
const NOTIFY_ON: Partial<Record<TaskEventType, NotificationKind>> = {
  RETURN: 'TASK_RETURNED',
  APPROVE: 'TASK_APPROVED',
  REJECT: 'TASK_REJECTED',
  REQUIRE_RECTIFICATION: 'RECTIFICATION_REQUIRED',
};

const versionConflict = (taskId: string, expected: number, current: number) =>
  new DomainError('VERSION_CONFLICT', `The task changed since you loaded it (version ${expected}, now ${current}); reload and try again`, {
    taskId,
    expectedVersion: expected,
    currentVersion: current,
  });

const isUniqueViolation = (error: unknown) =>
  error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';

/**
 * Creating and moving tasks. The shared machine decides every move; this service makes the decision
 * durable: one database transaction that updates the task only if its version is still the one the
 * user saw, and appends the history row.
 */
@Injectable()
export class TaskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly access: AccessService,
  ) {}

  findByIds(ids: readonly string[]): Promise<TaskEntity[]> {
    return ids.length ? this.dataSource.manager.findBy(TaskEntity, { id: In([...ids]) }) : Promise.resolve([]);
  }

  async findById(id: string): Promise<TaskEntity> {
    const task = await this.dataSource.manager.findOneBy(TaskEntity, { id: requireUuid(id, 'id') });
    if (!task) throw notFound('Task', id);
    return task;
  }

  history(taskId: string): Promise<TaskTransitionEntity[]> {
    return this.dataSource.manager.find(TaskTransitionEntity, { where: { taskId }, order: { id: 'ASC' } });
  }

  async createTask(input: CreateTaskInput, user: UserEntity): Promise<{ task: TaskEntity; transition: TaskTransitionEntity }> {
    const origin: TaskOrigin = input.origin ?? (user.role === 'COORDINATOR' ? 'ASSIGNED' : 'PROPOSED');
    const leadDepartmentId = this.leadDepartmentFor(input, user, origin);
    const title = requireText(input.title, 'title', 500, true);
    const description = requireText(input.description, 'description', 20000) ?? '';
    const code = requireText(input.code, 'code', 64);
    const planId = input.planId ? requireUuid(input.planId, 'planId') : null;
    const dueDate = input.dueDate?.trim() || null;
    if (dueDate && !isIsoDate(dueDate)) throw badInput('dueDate must be a date like 2026-05-10', 'dueDate');
    const cooperating = (input.cooperatingDepartmentIds ?? []).map((id) => requireUuid(id, 'cooperatingDepartmentIds'));
    if (new Set(cooperating).size !== cooperating.length) throw badInput('a cooperating department is listed twice', 'cooperatingDepartmentIds');
    if (cooperating.includes(leadDepartmentId)) throw badInput('the lead department cannot also cooperate', 'cooperatingDepartmentIds');
    if (cooperating.length > 50) throw badInput('at most 50 cooperating departments', 'cooperatingDepartmentIds');

    return this.dataSource.transaction(async (em) => {
      const known = await em.countBy(DepartmentEntity, { id: In([leadDepartmentId, ...cooperating]) });
      if (known !== cooperating.length + 1) throw badInput('a department does not exist', 'cooperatingDepartmentIds');
      if (planId && !(await em.existsBy(PlanEntity, { id: planId }))) throw notFound('Plan', planId);

      const snapshot = startTask({ leadDepartmentId, cooperatingDepartmentIds: cooperating, origin });
      const finalCode = code ?? (await this.nextCode(em, planId));
      const task = await em.save(
        em.create(TaskEntity, {
          planId,
          code: finalCode,
          sortKey: taskSortKey(finalCode),
          title,
          description,
          leadDepartmentId,
          dueDate,
          origin,
          stage: stageOf(snapshot.value),
          snapshot: persistTaskSnapshot(snapshot),
          version: 1,
          createdBy: user.id,
        }),
      );
      if (cooperating.length) {
        await em.insert(
          TaskCooperatingDepartmentEntity,
          cooperating.map((departmentId, position) => ({ taskId: task.id, departmentId, position })),
        );
      }
      const transition = await em.save(em.create(TaskTransitionEntity, {
        taskId: task.id,
        event: origin === 'ASSIGNED' ? 'ASSIGN' : 'PROPOSE',
        fromStage: null,
        toStage: task.stage,
        fromState: null,
        toState: snapshot.value,
        actorId: user.id,
        actorRole: user.role,
        comment: null,
        version: 1,
        idempotencyKey: null,
      }));
      // Each responsible unit's own record, after the history row it dates from.
      await openAssignments(em, [task.id]);
      return { task, transition };
    });
  }

  /**
   * `within` moves the task inside a caller's transaction, for a change that commits with another
   * record (the leader instruction that reopens a task: `instructionId`); that caller has checked
   * access for its own operation.
   */
  async transitionTask(input: TransitionTaskInput, user: UserEntity, within?: { em: EntityManager; instructionId: string }): Promise<TransitionOutcome> {
    const taskId = requireUuid(input.taskId, 'taskId');
    if (!within) await this.access.assertTaskScope(user, 'transitionTask', taskId);
    if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1) throw badInput('expectedVersion must be a positive integer', 'expectedVersion');
    const comment = requireText(input.comment, 'comment', 5000);
    const idempotencyKey = requireText(input.idempotencyKey, 'idempotencyKey', 200);

    try {
      const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => (within ? work(within.em) : this.dataSource.transaction(work));
      return await inTransaction(async (em) => {
        if (idempotencyKey) {
          const earlier = await this.replay(em, user, idempotencyKey, taskId, input.event);
          if (earlier) return earlier;
        }
        const task = await em.findOneBy(TaskEntity, { id: taskId });
        if (!task) throw notFound('Task', taskId);
        if (task.version !== input.expectedVersion) throw versionConflict(taskId, input.expectedVersion, task.version);

        const { task: fresh, transition } = await this.apply(em, task, user, {
          event: input.event,
          comment,
          idempotencyKey,
          expectedVersion: input.expectedVersion,
          instructionId: within?.instructionId,
        });
        return { task: fresh, transition, replayed: false };
      });
    } catch (error) {
      // Two retries of one request can race past the replay check; the loser finds the winner's row.
      if (idempotencyKey && (isUniqueViolation(error) || (error instanceof DomainError && error.extensions.code === 'VERSION_CONFLICT'))) {
        const earlier = await this.replay(this.dataSource.manager, user, idempotencyKey, taskId, input.event);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  /**
   * Sends an event inside the caller's transaction, as `user`: a granted suspension or cancellation
   * commits with its side request's decision. The caller has read (and should have locked) the row.
   */
  async transitionWithin(em: EntityManager, task: TaskEntity, user: UserEntity, event: { type: TaskEventType; comment: string; sideRequestId: string }): Promise<{ task: TaskEntity; transition: TaskTransitionEntity }> {
    return this.apply(em, task, user, { event: event.type, comment: event.comment, idempotencyKey: null, expectedVersion: task.version, sideRequestId: event.sideRequestId });
  }

  /** Decides the event on the row as read, then writes the move: compare-and-set on the version, the history row, the notice. */
  private async apply(
    em: EntityManager,
    task: TaskEntity,
    user: UserEntity,
    input: { event: TaskEventType; comment: string | null; idempotencyKey: string | null; expectedVersion: number; sideRequestId?: string; instructionId?: string },
  ): Promise<{ task: TaskEntity; transition: TaskTransitionEntity }> {
    const taskId = task.id;
    const { comment, idempotencyKey } = input;
    const facts = (await loadTaskFacts(em, [taskId])).get(taskId);
    const decision = decideTransition(task.snapshot, { type: input.event, actor: actorOf(user), comment, facts, sideRequestId: input.sideRequestId ?? null, instructionId: input.instructionId ?? null });
    if (!decision.ok) {
      throw new DomainError(REFUSAL_CODE[decision.refusal], decision.message, { stage: decision.fromStage, reason: decision.refusal });
    }

    const snapshot = persistTaskSnapshot(decision.next);
    // Compare-and-set: TypeORM's save() would not check the version (see STACK-NOTES).
    const updated = await em
      .createQueryBuilder()
      .update(TaskEntity)
      .set({ stage: decision.toStage, snapshot, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id: taskId, version: input.expectedVersion })
      .returning('updated_at')
      .execute();
    if (updated.affected !== 1) {
      const current = await em.findOneBy(TaskEntity, { id: taskId });
      throw versionConflict(taskId, input.expectedVersion, current?.version ?? input.expectedVersion);
    }
    const transition = await em.save(
      em.create(TaskTransitionEntity, {
        taskId,
        event: input.event,
        fromStage: decision.fromStage,
        toStage: decision.toStage,
        fromState: task.snapshot.value,
        toState: snapshot.value,
        actorId: user.id,
        actorRole: user.role,
        comment,
        version: input.expectedVersion + 1,
        idempotencyKey,
      }),
    );
    const notice = NOTIFY_ON[input.event];
    if (notice) {
      await this.notifications.notifyDepartment(em, task.leadDepartmentId, {
        kind: notice,
        taskId,
        params: { code: task.code, title: task.title, comment: comment ?? '', by: user.name },
      });
    }
    // Leaders following the task hear of a change of stage, in the same transaction.
    await notifyFollowers(em, this.notifications, task, { fromStage: decision.fromStage, toStage: decision.toStage, actorId: user.id, by: user.name });
    // The row as committed, without reading it back: only the version and updated_at moved in SQL.
    const fresh = Object.assign(task, { stage: decision.toStage, snapshot, version: input.expectedVersion + 1, updatedAt: updated.raw[0].updated_at as Date });
    return { task: fresh, transition };
  }

  private async replay(em: EntityManager, user: UserEntity, key: string, taskId: string, event: string): Promise<TransitionOutcome | null> {
    const transition = await em.findOneBy(TaskTransitionEntity, { actorId: user.id, idempotencyKey: key });
    if (!transition) return null;
    if (transition.taskId !== taskId || transition.event !== event) {
      throw badInput('this idempotencyKey was already used for a different request', 'idempotencyKey');
    }
    return { task: await em.findOneByOrFail(TaskEntity, { id: taskId }), transition, replayed: true };
  }

  private leadDepartmentFor(input: CreateTaskInput, user: UserEntity, origin: TaskOrigin): string {
    if (user.role === 'STAFF') {
      if (origin !== 'PROPOSED') throw forbidden('Departments propose tasks; only coordinators assign them from a plan');
      if (!user.departmentId) throw forbidden('Your account belongs to no department');
      if (input.leadDepartmentId && requireUuid(input.leadDepartmentId, 'leadDepartmentId') !== user.departmentId) {
        throw forbidden('You can propose tasks only for your own department');
      }
      return user.departmentId;
    }
    if (user.role === 'COORDINATOR') {
      if (!input.leadDepartmentId) throw badInput('leadDepartmentId is required', 'leadDepartmentId');
      return requireUuid(input.leadDepartmentId, 'leadDepartmentId');
    }
    throw forbidden(`A ${user.role} cannot create tasks`);
  }

  /** Next free number within the plan, for tasks proposed without an outline code. */
  private async nextCode(em: EntityManager, planId: string | null): Promise<string> {
    const count = await em.countBy(TaskEntity, planId ? { planId } : { planId: IsNull() });
    return `P-${count + 1}`;
  }
}

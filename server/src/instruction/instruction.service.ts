import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { answerRefusal, instructionEffect, instructionProblems, INSTRUCTION_LIMITS, reopenComment, todayIn } from '@workplan/shared';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { actorOf } from '../auth/current-user';
import { badInput, DomainError, forbidden, notFound } from '../common/errors';
import { requireText, requireUuid } from '../common/validate';
import { NotificationService } from '../notification/notification.service';
import { TaskEntity } from '../task/task.entity';
import { TaskService } from '../task/task.service';
import { UserEntity } from '../user/user.entity';
import { LeaderInstructionEntity } from './instruction.entity';
import { LeaderInstructionModel, type IssueInstructionInput } from './instruction.model';

const isUniqueViolation = (error: unknown) =>
  error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';

const duplicateNumber = (number: string) => badInput(`this task already has an instruction numbered ${number}`, 'number');

export interface IssuedInstruction {
  instruction: LeaderInstructionEntity;
  /** The history row of the reopening move, when the instruction reopened the task. */
  reopenTransitionId: string | null;
}

/**
 * Leader instructions (领导批示): an approver or manager attaches one; the lead unit answers it once.
 * On finished work the instruction and the task's REOPEN commit in one transaction.
 */
@Injectable()
export class InstructionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly tasks: TaskService,
    private readonly notifications: NotificationService,
  ) {}

  async issue(input: IssueInstructionInput, user: UserEntity): Promise<IssuedInstruction> {
    const taskId = requireUuid(input.taskId, 'taskId');
    await this.access.assertTaskScope(user, 'issueInstruction', taskId);
    const draft = { number: input.number ?? '', issuedOn: input.issuedOn ?? '', content: input.content ?? '', tone: input.tone ?? '' };
    const [problem] = instructionProblems(draft, todayIn());
    if (problem) throw badInput(problem.message, problem.field);
    const number = draft.number.trim();
    const content = requireText(draft.content, 'content', INSTRUCTION_LIMITS.content, true);

    try {
      return await this.dataSource.transaction(async (em) => {
        // Locked: a move racing the instruction waits, so the effect is decided on the stage it writes over.
        const task = await em.findOne(TaskEntity, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
        if (!task) throw notFound('Task', taskId);
        const effect = instructionEffect(task.stage);
        if (effect === 'REFUSE') {
          throw new DomainError('TRANSITION_NOT_ALLOWED', `The task is closed (${task.stage}); an instruction cannot be attached to it`, { stage: task.stage });
        }
        if (await em.existsBy(LeaderInstructionEntity, { taskId, number })) throw duplicateNumber(number);
        const instruction = await em.save(
          em.create(LeaderInstructionEntity, { taskId, number, issuedOn: draft.issuedOn, content, tone: input.tone, reopenedTask: effect === 'REOPEN', createdBy: user.id }),
        );
        let reopenTransitionId: string | null = null;
        if (effect === 'REOPEN') {
          const moved = await this.tasks.transitionTask(
            { taskId, event: 'REOPEN', expectedVersion: task.version, comment: reopenComment({ number, content }) },
            user,
            { em, instructionId: instruction.id },
          );
          reopenTransitionId = String(moved.transition.id);
        }
        await this.notifyIssued(em, task, instruction, user);
        return { instruction, reopenTransitionId };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateNumber(number);
      throw error;
    }
  }

  /** The lead unit (its staff and its leader) must answer; the coordinators chase the answer. */
  private async notifyIssued(em: EntityManager, task: TaskEntity, instruction: LeaderInstructionEntity, user: UserEntity): Promise<void> {
    const people: Array<{ id: string }> = await em.query(
      `SELECT id FROM app_user WHERE active AND ((role = 'STAFF' AND department_id = $1) OR role = 'COORDINATOR')`,
      [task.leadDepartmentId],
    );
    await this.notifications.notifyUsers(em, people.map((p) => p.id), {
      kind: 'INSTRUCTION_ISSUED',
      taskId: task.id,
      params: { code: task.code, title: task.title, number: instruction.number, by: user.name, reopened: instruction.reopenedTask ? 1 : 0 },
    });
  }

  async answer(instructionId: string, text: string, user: UserEntity): Promise<LeaderInstructionEntity> {
    const id = requireUuid(instructionId, 'instructionId');
    const answer = requireText(text, 'content', INSTRUCTION_LIMITS.answer, true);
    return this.dataSource.transaction(async (em) => {
      const instruction = await em.findOne(LeaderInstructionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!instruction) throw notFound('Instruction', id);
      const target = await this.access.assertTask(user, 'answerInstruction', instruction.taskId);
      const refusal = answerRefusal(actorOf(user), target, instruction);
      if (refusal === 'NOT_LEAD_UNIT') throw forbidden('Only the lead unit answers a leader’s instruction');
      if (refusal === 'ALREADY_ANSWERED') throw badInput('This instruction has been answered already; an answer is not rewritten', 'instructionId');
      Object.assign(instruction, { answer, answeredBy: user.id, answeredAt: new Date() });
      await em.update(LeaderInstructionEntity, { id }, { answer, answeredBy: user.id, answeredAt: instruction.answeredAt! });
      const task = await em.findOneByOrFail(TaskEntity, { id: instruction.taskId });
      await this.notifications.notifyUsers(em, [instruction.createdBy], {
        kind: 'INSTRUCTION_ANSWERED',
        taskId: task.id,
        params: { code: task.code, title: task.title, number: instruction.number, by: user.name },
      });
      return instruction;
    });
  }

  async forTask(taskId: string): Promise<LeaderInstructionEntity[]> {
    return this.dataSource.manager.find(LeaderInstructionEntity, { where: { taskId }, order: { issuedOn: 'ASC', createdAt: 'ASC' } });
  }

  /** Unanswered instructions the user should see: their unit's (staff), the ones they issued (leaders), all (coordinators). */
  async unanswered(user: UserEntity): Promise<LeaderInstructionEntity[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(LeaderInstructionEntity, 'i')
      .innerJoin(TaskEntity, 't', 't.id = i.task_id')
      .where('i.answered_at IS NULL')
      .orderBy('i.issued_on', 'ASC')
      .addOrderBy('i.created_at', 'ASC')
      .limit(500);
    if (user.role === 'STAFF') qb.andWhere('t.lead_department_id = :dept', { dept: user.departmentId });
    else if (user.role !== 'COORDINATOR') qb.andWhere('i.created_by = :me', { me: user.id });
    return qb.getMany();
  }

  /** Rows as the API shows them: names and task titles in two queries for the whole list. */
  async toModels(rows: LeaderInstructionEntity[], viewer: UserEntity): Promise<LeaderInstructionModel[]> {
    if (rows.length === 0) return [];
    const userIds = [...new Set(rows.flatMap((r) => [r.createdBy, r.answeredBy]).filter((id): id is string => id !== null))];
    const taskIds = [...new Set(rows.map((r) => r.taskId))];
    const [people, tasks] = await Promise.all([
      this.dataSource.manager.find(UserEntity, { where: { id: In(userIds) }, select: { id: true, name: true } }),
      this.dataSource.manager.find(TaskEntity, { where: { id: In(taskIds) }, select: { id: true, code: true, title: true, leadDepartmentId: true } }),
    ]);
    const names = new Map(people.map((p) => [p.id, { id: p.id, name: p.name }]));
    const taskOf = new Map(tasks.map((t) => [t.id, t]));
    const actor = actorOf(viewer);
    return rows.map((r) => {
      const task = taskOf.get(r.taskId)!;
      return Object.assign(new LeaderInstructionModel(), {
        id: r.id,
        taskId: r.taskId,
        taskCode: task.code,
        taskTitle: task.title,
        number: r.number,
        issuedOn: r.issuedOn,
        content: r.content,
        tone: r.tone,
        reopenedTask: r.reopenedTask,
        createdBy: names.get(r.createdBy) ?? { id: r.createdBy, name: '' },
        createdAt: r.createdAt,
        answer: r.answer,
        answeredBy: r.answeredBy ? (names.get(r.answeredBy) ?? { id: r.answeredBy, name: '' }) : null,
        answeredAt: r.answeredAt,
        mayAnswer: answerRefusal(actor, task, r) === null,
      });
    });
  }
}

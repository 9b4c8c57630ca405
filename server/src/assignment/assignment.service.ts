import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ASSIGNMENT_ACTIONS,
  DEADLINE_STAGES,
  DEFAULT_LIGHT_RULES,
  decideAssignment,
  decideReportAttachment,
  lightOf,
  rollupOf,
  signDueOn,
  signedLate,
  todayIn,
  type AssignmentAction,
  type AssignmentRollup,
  type AssignmentStatus,
  type ReviewVerdict,
  type TaskStage,
} from '@workplan/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AccessService } from '../access/access.service';
import { DomainError, badInput, forbidden, notFound } from '../common/errors';
import { requireText, requireUuid } from '../common/validate';
import { DepartmentEntity } from '../department/department.entity';
import { DepartmentModel } from '../department/department.model';
import { NotificationService } from '../notification/notification.service';
import { rulesOf } from '../supervision/light-rules';
import { WorkCalendarService } from '../supervision/work-calendar.service';
import { TickBatch } from '../task/task-model.mapper';
import { EvidenceFileEntity } from '../finding/finding.entity';
import { evidenceUrl, keepFile, type ReceivedFile } from '../finding/evidence-store';
import { UserEntity } from '../user/user.entity';
import { AssignmentReportEntity, TaskAssignmentEntity } from './assignment.entity';
import type { EvidenceFileModel } from '../finding/finding.model';
import type { AssignmentModel, AssignmentReportModel, FileAssignmentReportInput } from './assignment.model';

/** An assignment with what its rules look at: its task's stage, code and title. */
interface Locked {
  assignment: TaskAssignmentEntity;
  task: { stage: TaskStage; code: string; title: string };
}

const refusal = (decision: { refusal: 'FORBIDDEN' | 'NOT_NOW'; message: string }, status: AssignmentStatus) =>
  decision.refusal === 'FORBIDDEN' ? forbidden(decision.message) : new DomainError('TRANSITION_NOT_ALLOWED', decision.message, { status });

const fileModel = (f: EvidenceFileEntity): EvidenceFileModel => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes, url: evidenceUrl(f.id), uploadedAt: f.uploadedAt });

/**
 * Each responsible unit's record of a task: sign-for, progress reports, the coordinator's review,
 * sending back. The shared rules (shared/src/assignment) decide; this service checks the caller's
 * reach with AccessService, and writes each change in one transaction with the assignment row
 * locked, so two people acting at once cannot both move it.
 */
@Injectable()
export class AssignmentService {
  /** Card roll-ups asked for in the same tick (a whole board) are read with one query. */
  private readonly rollupBatch = new TickBatch<string, AssignmentRollup>((taskIds) => this.rollupsOf(taskIds));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly calendars: WorkCalendarService,
    private readonly notifications: NotificationService,
  ) {}

  async forTask(taskId: string, user: UserEntity): Promise<AssignmentModel[]> {
    const id = requireUuid(taskId, 'taskId');
    await this.access.assertTask(user, 'assignments', id);
    const rows = await this.dataSource.manager.find(TaskAssignmentEntity, { where: { taskId: id }, order: { lead: 'DESC', assignedAt: 'ASC' } });
    return this.toModels(rows, user);
  }

  /**
   * What waits on the signed-in unit (its work list): assignments of tasks still under way that it
   * has not signed for, and those whose report came back for rework; the earliest deadline first.
   */
  async mine(user: UserEntity): Promise<AssignmentModel[]> {
    this.access.scope(user, 'myAssignments');
    if (!user.departmentId) throw forbidden('Your account belongs to no department');
    const rows = await this.dataSource.manager
      .createQueryBuilder(TaskAssignmentEntity, 'a')
      .innerJoin('task', 't', 't.id = a.task_id')
      .where('a.department_id = :unit', { unit: user.departmentId })
      .andWhere(`a.status IN ('ASSIGNED', 'RETURNED')`)
      .andWhere('t.stage IN (:...stages)', { stages: [...DEADLINE_STAGES] })
      .orderBy('a.dueDate', 'ASC', 'NULLS LAST')
      .addOrderBy('t.sort_key', 'ASC')
      .limit(200)
      .getMany();
    return this.toModels(rows, user);
  }

  async sign(assignmentId: string, user: UserEntity): Promise<AssignmentModel> {
    const id = requireUuid(assignmentId, 'assignmentId');
    const row = await this.dataSource.transaction(async (em) => {
      const { assignment, task } = await this.lockFor(em, id, user, 'signForAssignment');
      this.decide('SIGN', user, assignment, task.stage);
      await em.update(TaskAssignmentEntity, { id }, { status: 'SIGNED', signedAt: () => 'now()', signedBy: user.id, version: () => 'version + 1' });
      return em.findOneByOrFail(TaskAssignmentEntity, { id });
    });
    return this.one(row, user);
  }

  async fileReport(input: FileAssignmentReportInput, user: UserEntity): Promise<AssignmentModel> {
    const id = requireUuid(input.assignmentId, 'assignmentId');
    const percentDone = input.percentDone;
    if (!Number.isInteger(percentDone) || percentDone < 0 || percentDone > 100) throw badInput('percentDone must be a whole number from 0 to 100', 'percentDone');
    const workDone = requireText(input.workDone, 'workDone', 20000, true);
    const problems = requireText(input.problems, 'problems', 20000) ?? '';
    const supportNeeded = requireText(input.supportNeeded, 'supportNeeded', 20000) ?? '';
    const nextPlan = requireText(input.nextPlan, 'nextPlan', 20000) ?? '';
    const row = await this.dataSource.transaction(async (em) => {
      const { assignment, task } = await this.lockFor(em, id, user, 'fileAssignmentReport');
      this.decide('REPORT', user, assignment, task.stage);
      await em.insert(AssignmentReportEntity, { assignmentId: id, percentDone, workDone, problems, supportNeeded, nextPlan, submittedBy: user.id });
      await em.update(TaskAssignmentEntity, { id }, { status: 'REPORTED', version: () => 'version + 1' });
      return em.findOneByOrFail(TaskAssignmentEntity, { id });
    });
    return this.one(row, user);
  }

  async review(reportId: string, verdict: ReviewVerdict, reason: string | null | undefined, user: UserEntity): Promise<AssignmentModel> {
    const id = requireUuid(reportId, 'reportId');
    const why = verdict === 'RETURN' ? requireText(reason, 'reason', 5000, true) : requireText(reason, 'reason', 5000);
    const row = await this.dataSource.transaction(async (em) => {
      const report = await em.findOneBy(AssignmentReportEntity, { id });
      if (!report) throw notFound('Report', id);
      const { assignment, task } = await this.lockFor(em, report.assignmentId, user, 'reviewAssignmentReport');
      this.decide('REVIEW', user, assignment, task.stage, verdict);
      // Only the report that made the assignment REPORTED (its latest) is under review.
      const latest = await em.findOne(AssignmentReportEntity, { where: { assignmentId: assignment.id }, order: { submittedAt: 'DESC', id: 'DESC' } });
      if (latest?.id !== id || report.review !== null) throw new DomainError('TRANSITION_NOT_ALLOWED', 'This report is not the one awaiting review', { status: assignment.status });
      const returned = verdict === 'RETURN';
      await em.update(AssignmentReportEntity, { id }, { review: returned ? 'RETURNED' : 'PASSED', reviewReason: why, reviewedBy: user.id, reviewedAt: () => 'now()' });
      await em.update(
        TaskAssignmentEntity,
        { id: assignment.id },
        { status: returned ? 'RETURNED' : 'PASSED', returnCount: () => (returned ? 'return_count + 1' : 'return_count'), version: () => 'version + 1' },
      );
      if (returned) {
        await this.notifications.notifyDepartment(em, assignment.departmentId, {
          kind: 'ASSIGNMENT_RETURNED',
          taskId: assignment.taskId,
          params: { code: task.code, title: task.title, comment: why ?? '', by: user.name },
        });
      }
      return em.findOneByOrFail(TaskAssignmentEntity, { id: assignment.id });
    });
    return this.one(row, user);
  }

  async sendBack(assignmentId: string, reason: string, user: UserEntity): Promise<AssignmentModel> {
    const id = requireUuid(assignmentId, 'assignmentId');
    const why = requireText(reason, 'reason', 5000, true);
    const row = await this.dataSource.transaction(async (em) => {
      const { assignment, task } = await this.lockFor(em, id, user, 'sendBackAssignment');
      this.decide('SEND_BACK', user, assignment, task.stage);
      await em.update(TaskAssignmentEntity, { id }, { status: 'SENT_BACK', sentBackReason: why, sentBackAt: () => 'now()', sentBackBy: user.id, version: () => 'version + 1' });
      const [department] = await em.query(`SELECT name FROM department WHERE id = $1`, [assignment.departmentId]);
      await this.notifications.notifyRole(em, 'COORDINATOR', {
        kind: 'ASSIGNMENT_SENT_BACK',
        taskId: assignment.taskId,
        params: { code: task.code, title: task.title, comment: why, by: user.name, department: department?.name ?? '' },
      });
      return em.findOneByOrFail(TaskAssignmentEntity, { id });
    });
    return this.one(row, user);
  }

  /**
   * May this person attach a file to this report now? Asked before the upload's bytes are read (so
   * a refused caller sends nothing that is kept), and again under the assignment's lock as the file
   * is recorded, so a review that lands meanwhile wins.
   */
  async assertMayAttach(reportId: string, user: UserEntity, em: EntityManager = this.dataSource.manager, lock = false): Promise<void> {
    const id = requireUuid(reportId, 'reportId');
    const report = await em.findOneBy(AssignmentReportEntity, { id });
    if (!report) throw notFound('Report', id);
    const assignment = await em.findOne(TaskAssignmentEntity, { where: { id: report.assignmentId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!assignment) throw notFound('Assignment', report.assignmentId);
    await this.access.assertTaskScope(user, 'uploadReportAttachment', assignment.taskId);
    const current = lock ? await em.findOneByOrFail(AssignmentReportEntity, { id }) : report;
    const decision = decideReportAttachment(user, assignment, current);
    if (!decision.ok) throw refusal(decision, assignment.status);
  }

  /** Records a received file as an attachment of the report (附件), once the rule still holds under the lock. */
  async attach(reportId: string, file: ReceivedFile, user: UserEntity): Promise<EvidenceFileModel> {
    const saved = await this.dataSource.transaction(async (em) => {
      await this.assertMayAttach(reportId, user, em, true);
      return em.save(em.create(EvidenceFileEntity, { assignmentReportId: reportId, ...keepFile(file, user.id) }));
    });
    return fileModel(saved);
  }

  /** A task's roll-up for its card; a board's cards share one query. */
  async rollup(taskId: string): Promise<AssignmentRollup> {
    const [rollup] = await this.rollupBatch.load([taskId]);
    return rollup;
  }

  private async rollupsOf(taskIds: string[]): Promise<AssignmentRollup[]> {
    const rows: Array<{ task_id: string; status: AssignmentStatus }> = await this.dataSource.query(
      `SELECT task_id, status FROM task_assignment WHERE task_id = ANY($1::uuid[])`,
      [[...new Set(taskIds)]],
    );
    const statuses = new Map<string, AssignmentStatus[]>();
    for (const r of rows) statuses.set(r.task_id, [...(statuses.get(r.task_id) ?? []), r.status]);
    return taskIds.map((id) => rollupOf(statuses.get(id) ?? []));
  }

  /** The assignment, locked for this transaction, after the caller's reach over its task is checked. */
  private async lockFor(em: EntityManager, id: string, user: UserEntity, operation: 'signForAssignment' | 'fileAssignmentReport' | 'reviewAssignmentReport' | 'sendBackAssignment'): Promise<Locked> {
    const assignment = await em.findOne(TaskAssignmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!assignment) throw notFound('Assignment', id);
    await this.access.assertTaskScope(user, operation, assignment.taskId);
    const [task]: Array<{ stage: TaskStage; code: string; title: string }> = await em.query(`SELECT stage, code, title FROM task WHERE id = $1`, [assignment.taskId]);
    return { assignment, task };
  }

  private decide(action: AssignmentAction, user: UserEntity, assignment: TaskAssignmentEntity, taskStage: TaskStage, verdict?: ReviewVerdict): void {
    const decision = decideAssignment(action, user, { departmentId: assignment.departmentId, status: assignment.status, taskStage }, verdict);
    if (!decision.ok) throw refusal(decision, assignment.status);
  }

  private async one(row: TaskAssignmentEntity, user: UserEntity): Promise<AssignmentModel> {
    const [model] = await this.toModels([row], user);
    return model;
  }

  /** API models for some assignments (of one task or a few), with their reports, lights and the caller's actions. */
  private async toModels(rows: TaskAssignmentEntity[], user: UserEntity): Promise<AssignmentModel[]> {
    if (!rows.length) return [];
    const em = this.dataSource.manager;
    const taskIds = [...new Set(rows.map((r) => r.taskId))];
    const tasks: Array<{ id: string; code: string; title: string; stage: TaskStage; urgent: boolean; rules: Parameters<typeof rulesOf>[0] | null }> = await em.query(
      `SELECT t.id, t.code, t.title, t.stage, t.urgent,
              CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('light_due_soon_days', p.light_due_soon_days, 'light_working_days', p.light_working_days,
                'light_pace_yellow_points', p.light_pace_yellow_points, 'light_pace_red_points', p.light_pace_red_points, 'light_stale_days', p.light_stale_days) END AS rules
         FROM task t LEFT JOIN plan p ON p.id = t.plan_id WHERE t.id = ANY($1::uuid[])`,
      [taskIds],
    );
    const taskOf = new Map(tasks.map((t) => [t.id, t]));
    const reports = await em.find(AssignmentReportEntity, { where: { assignmentId: In(rows.map((r) => r.id)) }, order: { submittedAt: 'DESC', id: 'DESC' } });
    // Every report's attachments in one query, however many reports are shown.
    const files = reports.length ? await em.find(EvidenceFileEntity, { where: { assignmentReportId: In(reports.map((r) => r.id)) }, order: { uploadedAt: 'ASC', id: 'ASC' } }) : [];
    const filesOf = new Map<string, EvidenceFileModel[]>();
    for (const f of files) filesOf.set(f.assignmentReportId!, [...(filesOf.get(f.assignmentReportId!) ?? []), fileModel(f)]);
    const departments = new Map((await em.findBy(DepartmentEntity, { id: In([...new Set(rows.map((r) => r.departmentId))]) })).map((d) => [d.id, DepartmentModel.from(d)]));
    const userIds = [...new Set([...rows.map((r) => r.signedBy), ...reports.flatMap((r) => [r.submittedBy, r.reviewedBy])].filter((id): id is string => id !== null))];
    const names = new Map(userIds.length ? (await em.findBy(UserEntity, { id: In(userIds) })).map((u) => [u.id, u.name]) : []);
    const calendar = await this.calendars.calendar();
    const today = todayIn();
    const dayOf = (at: Date) => todayIn(undefined, at);

    return rows.map((a) => {
      const task = taskOf.get(a.taskId)!;
      const mine = reports.filter((r) => r.assignmentId === a.id);
      const latest = mine[0] ?? null;
      const signDue = signDueOn(dayOf(a.assignedAt), a.signWithinDays, calendar);
      const verdict = lightOf(
        {
          dueDate: a.dueDate,
          startedOn: dayOf(a.assignedAt),
          percentDone: latest?.percentDone ?? null,
          reportsMissed: 0,
          lastUpdateOn: latest ? dayOf(latest.submittedAt) : null,
          urgent: task.urgent,
          finished: a.status === 'SENT_BACK' || !(DEADLINE_STAGES as readonly string[]).includes(task.stage),
        },
        task.rules ? rulesOf(task.rules) : DEFAULT_LIGHT_RULES,
        calendar,
        today,
      );
      const situation = { departmentId: a.departmentId, status: a.status, taskStage: task.stage };
      return {
        id: a.id,
        taskId: a.taskId,
        taskCode: task.code,
        taskTitle: task.title,
        department: departments.get(a.departmentId)!,
        lead: a.lead,
        status: a.status,
        dueDate: a.dueDate,
        assignedAt: a.assignedAt,
        signWithinDays: a.signWithinDays,
        signDueOn: signDue,
        signedAt: a.signedAt,
        signedByName: a.signedBy ? (names.get(a.signedBy) ?? null) : null,
        signedLate: signedLate(signDue, a.signedAt ? dayOf(a.signedAt) : null, today),
        returnCount: a.returnCount,
        sentBackReason: a.sentBackReason,
        sentBackAt: a.sentBackAt,
        percentDone: latest?.percentDone ?? null,
        light: verdict.light,
        lightReasons: verdict.reasons,
        reports: mine.map((r): AssignmentReportModel => ({
          id: r.id,
          assignmentId: r.assignmentId,
          percentDone: r.percentDone,
          workDone: r.workDone,
          problems: r.problems,
          supportNeeded: r.supportNeeded,
          nextPlan: r.nextPlan,
          submittedByName: names.get(r.submittedBy) ?? '',
          submittedAt: r.submittedAt,
          review: r.review,
          reviewReason: r.reviewReason,
          reviewedByName: r.reviewedBy ? (names.get(r.reviewedBy) ?? null) : null,
          reviewedAt: r.reviewedAt,
          attachments: filesOf.get(r.id) ?? [],
          canAttach: decideReportAttachment(user, a, r).ok,
        })),
        availableActions: ASSIGNMENT_ACTIONS.filter((action) => decideAssignment(action, user, situation).ok),
      };
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEADLINE_STAGES, isIsoDate, reminderNumber, todayIn, type ReminderLevel, type ReminderOrigin } from '@workplan/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { badInput, forbidden, notFound } from '../common/errors';
import { requireText, requireUuid } from '../common/validate';
import { NotificationService } from '../notification/notification.service';
import { TickBatch } from '../task/task-model.mapper';
import type { UserEntity } from '../user/user.entity';
import type { ReminderModel, RemindTaskInput } from './reminder.model';

/** A slip about to be issued. */
export interface NewReminder {
  taskId: string;
  departmentId: string;
  level: ReminderLevel;
  requirement: string;
  deadline: string;
  taskDueDate: string | null;
  origin: ReminderOrigin;
  issuedBy: string | null;
  issuedOn: string;
  /** For the notification. */
  taskCode: string;
  taskTitle: string;
}

/** Stages in which a task is still being worked on, so a unit can be pressed about it. */
const REMINDABLE_STAGES: readonly string[] = [...DEADLINE_STAGES, 'INSPECTION'];

const SELECT_MODEL = `
  SELECT r.id, r.number, r.level, r.task_id AS "taskId", t.code AS "taskCode", t.title AS "taskTitle",
         r.department_id AS "departmentId", d.name AS "departmentName",
         (SELECT string_agg(u.name, '、' ORDER BY u.name) FROM app_user u
           WHERE u.department_id = r.department_id AND u.department_leader AND u.active) AS "responsiblePerson",
         r.requirement, r.deadline::text AS deadline, r.task_due_date::text AS "taskDueDate", r.origin,
         ib.name AS "issuedByName", r.issued_on::text AS "issuedOn", r.created_at AS "createdAt",
         r.signed_at AS "signedAt", sb.name AS "signedByName"
    FROM reminder r
    JOIN task t ON t.id = r.task_id
    JOIN department d ON d.id = r.department_id
    LEFT JOIN app_user ib ON ib.id = r.issued_by
    LEFT JOIN app_user sb ON sb.id = r.signed_by`;

/** Reminders (催办) and supervision notices (督办通知单): issued by hand or by the rules, signed for by the unit. */
@Injectable()
export class ReminderService {
  private readonly unsignedBatch = new TickBatch<string, number>((taskIds) => this.unsignedCounts(taskIds));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly notifications: NotificationService,
  ) {}

  /** How many of a task's slips wait for the unit's sign-for: for its card, so a board's cards share one query. */
  async unsignedCount(taskId: string): Promise<number> {
    const [n] = await this.unsignedBatch.load([taskId]);
    return n;
  }

  private async unsignedCounts(taskIds: string[]): Promise<number[]> {
    const rows: Array<{ task_id: string; n: number }> = await this.dataSource.query(
      `SELECT task_id, count(*)::int AS n FROM reminder WHERE task_id = ANY($1::uuid[]) AND signed_at IS NULL GROUP BY task_id`,
      [[...new Set(taskIds)]],
    );
    const counts = new Map(rows.map((r) => [r.task_id, r.n]));
    return taskIds.map((id) => counts.get(id) ?? 0);
  }

  /** A coordinator presses a unit about a task by hand. */
  async remind(input: RemindTaskInput, user: UserEntity): Promise<ReminderModel> {
    const taskId = requireUuid(input.taskId, 'taskId');
    const departmentId = requireUuid(input.departmentId, 'departmentId');
    await this.access.assertTaskScope(user, 'remindTask', taskId);
    const requirement = requireText(input.requirement, 'requirement', 2000, true);
    const today = todayIn();
    if (!isIsoDate(input.deadline)) throw badInput('deadline must look like 2026-10-01', 'deadline');
    if (input.deadline < today) throw badInput('deadline cannot be in the past', 'deadline');
    const rows: Array<{ code: string; title: string; stage: string; due: string | null; units: string[] }> = await this.dataSource.query(
      `SELECT t.code, t.title, t.stage, t.due_date::text AS due,
              ARRAY[t.lead_department_id::text] || ARRAY(SELECT c.department_id::text FROM task_cooperating_department c WHERE c.task_id = t.id) AS units
         FROM task t WHERE t.id = $1`,
      [taskId],
    );
    const task = rows[0];
    if (!task) throw notFound('Task', taskId);
    if (!task.units.includes(departmentId)) throw badInput('Only the lead or a cooperating unit of the task can be reminded', 'departmentId');
    if (!REMINDABLE_STAGES.includes(task.stage)) throw badInput('This task is no longer being worked on', 'taskId');
    const id = await this.dataSource.transaction((em) =>
      this.issue(em, {
        taskId,
        departmentId,
        level: input.level,
        requirement,
        deadline: input.deadline,
        taskDueDate: task.due,
        origin: 'MANUAL',
        issuedBy: user.id,
        issuedOn: today,
        taskCode: task.code,
        taskTitle: task.title,
      }),
    );
    return (await this.models('r.id = $1', [id!]))[0];
  }

  /**
   * Writes a slip with the next number of its year and tells the unit's staff and its leader.
   * Answers null, having written nothing, when the rules already sent this one (the caller's
   * transaction must then roll back, which gives the number back).
   */
  async issue(em: EntityManager, slip: NewReminder): Promise<string | null> {
    const year = Number(slip.issuedOn.slice(0, 4));
    // The counter row stays locked until this transaction ends: concurrent slips take turns, and a
    // rolled-back slip takes its number with it.
    const [{ last }] = await em.query(
      `INSERT INTO reminder_number_counter (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = reminder_number_counter.last + 1 RETURNING last`,
      [year],
    );
    const number = reminderNumber(year, last);
    const inserted: Array<{ id: string }> = await em.query(
      `INSERT INTO reminder (year, sequence, number, task_id, department_id, level, requirement, deadline, task_due_date, origin, issued_by, issued_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (task_id, department_id, level, task_due_date) WHERE origin = 'AUTO' DO NOTHING
       RETURNING id`,
      [year, last, number, slip.taskId, slip.departmentId, slip.level, slip.requirement, slip.deadline, slip.taskDueDate, slip.origin, slip.issuedBy, slip.issuedOn],
    );
    if (!inserted.length) return null;
    const id = inserted[0].id;
    // The unit's leader is one of its staff accounts (department_leader), so the unit's staff include them.
    await this.notifications.notifyDepartment(em, slip.departmentId, {
      kind: 'REMINDER_ISSUED',
      taskId: slip.taskId,
      params: { number, level: slip.level, code: slip.taskCode, title: slip.taskTitle, deadline: slip.deadline },
      dedupeKey: `reminder:${id}`,
    });
    return id;
  }

  /** The unit's staff sign for a slip (签收); signing again changes nothing. */
  async signFor(reminderId: string, user: UserEntity): Promise<ReminderModel> {
    const id = requireUuid(reminderId, 'reminderId');
    const rows: Array<{ taskId: string; departmentId: string }> = await this.dataSource.query(
      `SELECT task_id AS "taskId", department_id AS "departmentId" FROM reminder WHERE id = $1`,
      [id],
    );
    if (!rows.length) throw notFound('Reminder', id);
    await this.access.assertTask(user, 'signForReminder', rows[0].taskId);
    if (user.departmentId !== rows[0].departmentId) throw forbidden('Only the unit the slip is addressed to signs for it');
    await this.dataSource.query(`UPDATE reminder SET signed_at = now(), signed_by = $2 WHERE id = $1 AND signed_at IS NULL`, [id, user.id]);
    return (await this.models('r.id = $1', [id]))[0];
  }

  async forTask(taskId: string, user: UserEntity): Promise<ReminderModel[]> {
    await this.access.assertTask(user, 'reminders', taskId);
    return this.models('r.task_id = $1', [requireUuid(taskId, 'taskId')]);
  }

  async one(reminderId: string, user: UserEntity): Promise<ReminderModel> {
    const [model] = await this.models('r.id = $1', [requireUuid(reminderId, 'id')]);
    if (!model) throw notFound('Reminder', reminderId);
    await this.access.assertTask(user, 'reminder', model.taskId);
    return model;
  }

  /** The slips the signed-in unit has not signed for yet, newest first. */
  mine(user: UserEntity): Promise<ReminderModel[]> {
    this.access.scope(user, 'myReminders');
    if (!user.departmentId) throw forbidden('Your account belongs to no department');
    return this.models('r.department_id = $1 AND r.signed_at IS NULL', [user.departmentId]);
  }

  private models(where: string, params: unknown[]): Promise<ReminderModel[]> {
    return this.dataSource.query(`${SELECT_MODEL} WHERE ${where} ORDER BY r.created_at DESC, r.sequence DESC LIMIT 500`, params);
  }
}

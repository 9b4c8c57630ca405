import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEADLINE_STAGES, escalationDue, todayIn, type AssignmentStatus, type ReminderLevel, type SentReminder } from '@workplan/shared';
import { DataSource } from 'typeorm';
import { WorkCalendarService } from '../supervision/work-calendar.service';
import { ReminderService } from './reminder.service';

/** What the slips the rules send ask of the unit (工作要求); the documents are Chinese, so are these. */
const REQUIREMENTS: Record<ReminderLevel, (dueDate: string) => string> = {
  REMINDER: (due) => `该事项已超过完成时限（${due}），请抓紧办理，并于时限内报送办理情况。`,
  NOTICE: (due) => `该事项超过完成时限（${due}）且经催办仍未办结，请单位负责同志督促落实，于时限内书面报告办理情况及超期原因。`,
};

/**
 * The timer's side of reminders: each responsible unit (the lead and every cooperating unit) answers
 * for its own assignment's deadline. For each unit still holding a task before inspection, whose
 * deadline has passed and whose work is not passed (or sent back as not theirs), the plan's rules (in
 * working days of the administrator's calendar) say when it gets a first reminder and when a
 * supervision notice. A slip is unique per (task, unit, level, missed deadline), so a retried run, or
 * two replicas at once, send it once; a moved deadline that passes again starts over.
 */
@Injectable()
export class ReminderEscalation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: WorkCalendarService,
    private readonly reminders: ReminderService,
  ) {}

  /** Returns how many slips were new. */
  async sweep(today: string = todayIn()): Promise<number> {
    const calendar = await this.calendar.calendar();
    // The slip's task_due_date is the deadline the unit missed: its own (its assignment's).
    const rows: Array<{ id: string; code: string; title: string; due: string; unit: string; reminderAfter: number; noticeAfter: number; sent: SentReminder[] }> =
      await this.dataSource.query(
        `SELECT t.id, t.code, t.title, a.due_date::text AS due, a.department_id AS unit,
                COALESCE(p.reminder_after_days, 1) AS "reminderAfter", COALESCE(p.notice_after_days, 5) AS "noticeAfter",
                COALESCE((SELECT json_agg(json_build_object('level', r.level, 'issuedOn', r.issued_on::text))
                            FROM reminder r
                           WHERE r.task_id = t.id AND r.department_id = a.department_id
                             AND r.task_due_date = a.due_date AND r.issued_on > a.due_date), '[]'::json) AS sent
           FROM task_assignment a
           JOIN task t ON t.id = a.task_id
           LEFT JOIN plan p ON p.id = t.plan_id
          WHERE a.due_date < $1 AND a.status <> ALL($3) AND t.stage = ANY($2)
            AND NOT EXISTS (SELECT 1 FROM reminder n
                             WHERE n.task_id = t.id AND n.department_id = a.department_id AND n.level = 'NOTICE'
                               AND n.task_due_date = a.due_date AND n.issued_on > a.due_date)
          ORDER BY a.due_date, t.id, a.lead DESC, a.department_id
          LIMIT 5000`,
        [today, [...DEADLINE_STAGES], DONE_STATUSES],
      );
    let sent = 0;
    for (const t of rows) {
      const due = escalationDue({ dueDate: t.due, today, rules: { reminderAfterDays: t.reminderAfter, noticeAfterDays: t.noticeAfter }, calendar, sent: t.sent });
      if (!due) continue;
      // One transaction per slip: short locks on the number counter, and one unit's failure keeps the others'.
      const issued = await this.dataSource
        .transaction(async (em) => {
          const id = await this.reminders.issue(em, {
            taskId: t.id,
            departmentId: t.unit,
            level: due.level,
            requirement: REQUIREMENTS[due.level](t.due),
            deadline: due.deadline,
            taskDueDate: t.due,
            origin: 'AUTO',
            issuedBy: null,
            issuedOn: today,
            taskCode: t.code,
            taskTitle: t.title,
          });
          if (!id) throw ALREADY_SENT; // another run got there first: give the number back
          return id;
        })
        .catch((error: unknown) => {
          if (error === ALREADY_SENT) return null;
          throw error;
        });
      if (issued) sent++;
    }
    return sent;
  }
}

const ALREADY_SENT = new Error('already sent');

/** A unit whose report was passed has done its part; one that sent the task back holds none. */
const DONE_STATUSES: AssignmentStatus[] = ['PASSED', 'SENT_BACK'];

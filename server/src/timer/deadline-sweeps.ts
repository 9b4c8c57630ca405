import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEADLINE_STAGES, todayIn } from '@workplan/shared';
import { DataSource } from 'typeorm';
import { NotificationService } from '../notification/notification.service';

/**
 * What the clock does to deadlines: an overdue task is escalated to the coordinators, an overdue
 * rectification to the lead department and the inspectors. Each notice has a dedupe key (the thing
 * and its deadline), so a retried or repeated sweep adds nothing twice, and a moved deadline that
 * passes again is noticed again.
 */
@Injectable()
export class DeadlineSweeps {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  async overdueTasks(today: string = todayIn()): Promise<number> {
    const rows: Array<{ id: string; code: string; title: string; due: string; lead: string }> = await this.dataSource.query(
      `SELECT t.id, t.code, t.title, t.due_date::text AS due, d.name AS lead
         FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.due_date < $1 AND t.stage = ANY($2)
        ORDER BY t.due_date
        LIMIT 5000`,
      [today, [...DEADLINE_STAGES]],
    );
    return this.dataSource.transaction(async (em) => {
      let sent = 0;
      for (const t of rows) {
        sent += await this.notifications.notifyRole(em, 'COORDINATOR', {
          kind: 'TASK_OVERDUE',
          taskId: t.id,
          params: { code: t.code, title: t.title, dueDate: t.due, lead: t.lead },
          dedupeKey: `overdue:${t.id}:${t.due}`,
        });
      }
      return sent;
    });
  }

  async overdueRectifications(today: string = todayIn()): Promise<number> {
    const rows: Array<{ id: string; task_id: string; code: string; title: string; deadline: string; lead: string }> = await this.dataSource.query(
      `SELECT f.id, f.task_id, t.code, t.title, f.rectification_deadline::text AS deadline, t.lead_department_id AS lead
         FROM finding f JOIN task t ON t.id = f.task_id
        WHERE f.rectification_deadline < $1 AND f.status IN ('OPEN', 'RECTIFYING')
        ORDER BY f.rectification_deadline
        LIMIT 5000`,
      [today],
    );
    return this.dataSource.transaction(async (em) => {
      let sent = 0;
      for (const f of rows) {
        const notice = {
          kind: 'FINDING_OVERDUE' as const,
          taskId: f.task_id,
          findingId: f.id,
          params: { code: f.code, title: f.title, deadline: f.deadline },
          dedupeKey: `finding-overdue:${f.id}:${f.deadline}`,
        };
        sent += await this.notifications.notifyDepartment(em, f.lead, notice);
        sent += await this.notifications.notifyRole(em, 'INSPECTOR', notice);
      }
      return sent;
    });
  }
}

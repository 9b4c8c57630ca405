import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationService } from '../notification/notification.service';
import { ProgressReportService } from './progress-report.service';

/**
 * Reminds departments of reports due within three days. The timers module runs it hourly, once
 * across replicas; each reminder has a dedupe key (task, department, period), so a retried job
 * adds nothing twice.
 */
@Injectable()
export class ReportReminders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ProgressReportService,
    private readonly notifications: NotificationService,
  ) {}

  /** Returns how many reminders were new (already-sent ones are skipped by the database). */
  async sweep(): Promise<number> {
    const tasks: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM task WHERE stage IN ('IMPLEMENTATION', 'INSPECTION')`);
    const due = (await this.reports.schedule(tasks.map((t) => t.id))).filter((r) => r.status === 'DUE_SOON');
    return this.dataSource.transaction(async (em) => {
      let sent = 0;
      for (const r of due) {
        sent += await this.notifications.notifyDepartment(em, r.departmentId, {
          kind: 'REPORT_DUE_SOON',
          taskId: r.taskId,
          params: { code: r.taskCode, title: r.taskTitle, period: r.period, dueDate: r.dueDate },
          dedupeKey: `report:${r.taskId}:${r.departmentId}:${r.period}`,
        });
      }
      return sent;
    });
  }
}

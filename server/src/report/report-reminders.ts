import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationService } from '../notification/notification.service';
import { ProgressReportService } from './progress-report.service';

const HOUR = 60 * 60 * 1000;

/**
 * Reminds departments of reports due within three days. Runs at start and hourly; each reminder
 * has a dedupe key (task, department, period), so a re-run or a second replica adds nothing twice.
 * (Durable, cross-replica timers are the scale-out issue's job.)
 */
@Injectable()
export class ReportReminders implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly logger = new Logger('ReportReminders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ProgressReportService,
    private readonly notifications: NotificationService,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env.REPORT_REMINDERS === 'off') return;
    void this.sweep().catch((e: unknown) => this.logger.warn(`reminder sweep failed: ${String(e)}`));
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), HOUR);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Returns how many reminders it tried to write (already-sent ones are skipped by the database). */
  async sweep(): Promise<number> {
    const tasks: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM task WHERE stage IN ('IMPLEMENTATION', 'INSPECTION')`);
    const due = (await this.reports.schedule(tasks.map((t) => t.id))).filter((r) => r.status === 'DUE_SOON');
    await this.dataSource.transaction(async (em) => {
      for (const r of due) {
        await this.notifications.notifyDepartment(em, r.departmentId, {
          kind: 'REPORT_DUE_SOON',
          taskId: r.taskId,
          params: { code: r.taskCode, title: r.taskTitle, period: r.period, dueDate: r.dueDate },
          dedupeKey: `report:${r.taskId}:${r.departmentId}:${r.period}`,
        });
      }
    });
    return due.length;
  }
}

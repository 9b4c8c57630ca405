import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { ReminderEscalation } from '../reminder/reminder-escalation';
import { ReportReminders } from '../report/report-reminders';
import { DeadlineSweeps } from './deadline-sweeps';

export const TIMER_OPTIONS = Symbol('TIMER_OPTIONS');
export interface TimerOptions {
  /** Off in most tests: each would otherwise install pg-boss's schema in its throwaway database. */
  enabled: boolean;
  databaseUrl: string;
}

/** The timers and when they run (cron, server time). A run missed while every replica was down runs at the next slot. */
export const TIMERS = {
  'report-reminders': '5 * * * *',
  'overdue-escalation': '10 * * * *',
  'finding-deadlines': '20 * * * *',
  'reminder-escalation': '30 * * * *',
} as const;
export type TimerName = keyof typeof TIMERS;

/** Advisory lock key for setting up the queues: "wp" + "timr". */
const TIMER_SETUP_LOCK = 0x7770_7469;

/**
 * Durable timers on a PostgreSQL-backed queue (pg-boss): schedules live in the database, each run
 * is a job that exactly one replica takes; a replica killed mid-job leaves the job to expire and be
 * retried by another (the sweeps are idempotent, so a retry sends nothing twice). Each run is
 * logged in timer_run.
 */
@Injectable()
export class TimerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private boss: PgBoss | null = null;
  private readonly logger = new Logger('Timers');
  private readonly replica = `${hostname()}:${process.pid}`;

  constructor(
    @Inject(TIMER_OPTIONS) private readonly options: TimerOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reminders: ReportReminders,
    private readonly deadlines: DeadlineSweeps,
    private readonly escalation: ReminderEscalation,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.enabled) return;
    // pg-boss keeps its own schema and connects as the login role, which owns the database.
    const boss = new PgBoss({ connectionString: this.options.databaseUrl, schema: 'pgboss', max: 4, application_name: 'workplan-timers' });
    boss.on('error', (error: Error) => this.logger.warn(`queue: ${error.message}`));
    // Replicas starting together on a fresh database would race (and deadlock) creating pg-boss's
    // schema and queues: one sets up while the others wait.
    const lock = this.dataSource.createQueryRunner();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [TIMER_SETUP_LOCK]);
      await boss.start();
      this.boss = boss;
      for (const [name, cron] of Object.entries(TIMERS) as Array<[TimerName, string]>) {
        if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, expireInSeconds: 300, retryLimit: 3, retryDelay: 30, retryBackoff: true });
        await boss.schedule(name, cron);
        // Once soon after start as well — once across replicas starting together (singleton for 10 minutes).
        await boss.send(name, {}, { singletonKey: 'startup', singletonSeconds: 600 });
      }
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [TIMER_SETUP_LOCK]).catch(() => undefined);
      await lock.release();
    }
    for (const name of Object.keys(TIMERS) as TimerName[]) {
      await boss.work(name, { pollingIntervalSeconds: 2 }, async (jobs) => {
        for (const job of jobs) await this.run(name, job.id);
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000 }).catch(() => undefined);
  }

  /** Queues a run now (an administrator's "send the reminders now", and tests); answers the job id. */
  async trigger(name: TimerName): Promise<string> {
    if (!this.boss) throw new Error('timers are off');
    const id = await this.boss.send(name, {});
    if (!id) throw new Error(`could not queue ${name}`);
    return id;
  }

  /** Runs one timer job, logging who ran it and what it sent. A failure is rethrown so pg-boss retries it. */
  async run(name: TimerName, jobId: string): Promise<number> {
    const [{ id }] = await this.dataSource.query(`INSERT INTO timer_run (timer, job_id, replica) VALUES ($1, $2, $3) RETURNING id`, [name, jobId, this.replica]);
    try {
      const notified = await this.sweep(name);
      await this.dataSource.query(`UPDATE timer_run SET finished_at = clock_timestamp(), notified = $2 WHERE id = $1`, [id, notified]);
      return notified;
    } catch (error) {
      await this.dataSource.query(`UPDATE timer_run SET finished_at = clock_timestamp(), error = $2 WHERE id = $1`, [id, String(error)]).catch(() => undefined);
      throw error;
    }
  }

  private sweep(name: TimerName): Promise<number> {
    switch (name) {
      case 'report-reminders':
        return this.reminders.sweep();
      case 'overdue-escalation':
        return this.deadlines.overdueTasks();
      case 'finding-deadlines':
        return this.deadlines.overdueRectifications();
      case 'reminder-escalation':
        return this.escalation.sweep();
    }
  }
}

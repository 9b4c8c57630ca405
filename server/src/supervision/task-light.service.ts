import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEADLINE_STAGES, DEFAULT_LIGHT_RULES, lightOf, todayIn, type LightRules, type LightVerdict } from '@workplan/shared';
import { DataSource } from 'typeorm';
import type { TaskEntity } from '../task/task.entity';
import { WorkCalendarService } from './work-calendar.service';

export interface TaskLight extends LightVerdict {
  percentDone: number | null;
}

export const rulesOf = (plan: {
  light_due_soon_days: number;
  light_working_days: boolean;
  light_pace_yellow_points: number;
  light_pace_red_points: number;
  light_stale_days: number;
}): LightRules => ({
  dueSoonDays: plan.light_due_soon_days,
  workingDays: plan.light_working_days,
  paceYellowPoints: plan.light_pace_yellow_points,
  paceRedPoints: plan.light_pace_red_points,
  staleDays: plan.light_stale_days,
});

/**
 * Every card's warning light, for a batch of tasks in three queries (their plans' rules, when
 * each started implementation, each one's latest percent done), on the shared rules.
 */
@Injectable()
export class TaskLightService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: WorkCalendarService,
  ) {}

  async lights(tasks: TaskEntity[], lateReports: ReadonlyMap<string, number>, today: string): Promise<Map<string, TaskLight>> {
    const ids = tasks.map((t) => t.id);
    const planIds = [...new Set(tasks.map((t) => t.planId).filter((id): id is string => id !== null))];
    const [plans, started, progress, calendar] = await Promise.all([
      planIds.length
        ? this.dataSource.query(
            `SELECT id, light_due_soon_days, light_working_days, light_pace_yellow_points, light_pace_red_points, light_stale_days FROM plan WHERE id = ANY($1::uuid[])`,
            [planIds],
          )
        : [],
      this.dataSource.query(
        `SELECT task_id, min(at) AS at FROM task_transition WHERE task_id = ANY($1::uuid[]) AND to_stage = 'IMPLEMENTATION' GROUP BY task_id`,
        [ids],
      ),
      this.dataSource.query(
        `SELECT DISTINCT ON (task_id) task_id, percent_done, submitted_at AS at
           FROM progress_report WHERE task_id = ANY($1::uuid[]) ORDER BY task_id, submitted_at DESC`,
        [ids],
      ),
      this.calendars.calendar(),
    ]);
    const rules = new Map<string, LightRules>(plans.map((p: Parameters<typeof rulesOf>[0] & { id: string }) => [p.id, rulesOf(p)]));
    // Days in the plan's time zone, as the report schedule counts them (not the database's UTC date).
    const startedOn = new Map<string, string>(started.map((r: { task_id: string; at: Date }) => [r.task_id, todayIn(undefined, new Date(r.at))]));
    const latest = new Map<string, { percent_done: number | null; day: string }>(
      progress.map((r: { task_id: string; percent_done: number | null; at: Date }) => [r.task_id, { percent_done: r.percent_done, day: todayIn(undefined, new Date(r.at)) }]),
    );
    const result = new Map<string, TaskLight>();
    for (const task of tasks) {
      const report = latest.get(task.id);
      const percentDone = report?.percent_done ?? null;
      const verdict = lightOf(
        {
          dueDate: task.dueDate,
          startedOn: startedOn.get(task.id) ?? null,
          percentDone,
          reportsMissed: lateReports.get(task.id) ?? 0,
          lastUpdateOn: report?.day ?? null,
          urgent: task.urgent,
          // Past implementation the deadline has been met or is the inspectors' to judge.
          finished: !(DEADLINE_STAGES as readonly string[]).includes(task.stage),
        },
        (task.planId && rules.get(task.planId)) || DEFAULT_LIGHT_RULES,
        calendar,
        today,
      );
      result.set(task.id, { ...verdict, percentDone });
    }
    return result;
  }
}

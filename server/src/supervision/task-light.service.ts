import { Injectable } from '@nestjs/common';
import { DEADLINE_STAGES, DEFAULT_LIGHT_RULES, lightOf, type LightRules, type LightVerdict } from '@workplan/shared';
import type { TaskEntity } from '../task/task.entity';
import { WorkCalendarService } from './work-calendar.service';

export interface TaskLight extends LightVerdict {
  percentDone: number | null;
}

/** What the lights are worked out from, read beforehand with the rest of a batch's cards (see loadScheduleFacts). */
export interface LightFacts {
  /** Light rules by plan id; a task without a plan (or rules) gets the defaults. */
  lightRules: ReadonlyMap<string, LightRules>;
  /** The day each task entered implementation (plan time zone). */
  startedOn: ReadonlyMap<string, string>;
  /** Reports filed: each one's day and percent done; the latest counts. */
  filed: ReadonlyArray<{ taskId: string; submittedAt: Date; submittedOn: string; percentDone: number | null }>;
  /** Reports owed and not filed past their due day, per task. */
  lateReports: ReadonlyMap<string, number>;
}

/** Every card's warning light, on the shared rules and the admin's working calendar. */
@Injectable()
export class TaskLightService {
  constructor(private readonly calendars: WorkCalendarService) {}

  async lights(tasks: readonly TaskEntity[], facts: LightFacts, today: string): Promise<Map<string, TaskLight>> {
    const calendar = await this.calendars.calendar();
    const latest = new Map<string, LightFacts['filed'][number]>();
    for (const report of facts.filed) {
      const seen = latest.get(report.taskId);
      if (!seen || report.submittedAt > seen.submittedAt) latest.set(report.taskId, report);
    }
    const result = new Map<string, TaskLight>();
    for (const task of tasks) {
      const report = latest.get(task.id);
      const percentDone = report?.percentDone ?? null;
      const verdict = lightOf(
        {
          dueDate: task.dueDate,
          startedOn: facts.startedOn.get(task.id) ?? null,
          percentDone,
          reportsMissed: facts.lateReports.get(task.id) ?? 0,
          lastUpdateOn: report?.submittedOn ?? null,
          urgent: task.urgent,
          // Past implementation the deadline has been met or is the inspectors' to judge.
          finished: !(DEADLINE_STAGES as readonly string[]).includes(task.stage),
        },
        (task.planId && facts.lightRules.get(task.planId)) || DEFAULT_LIGHT_RULES,
        calendar,
        today,
      );
      result.set(task.id, { ...verdict, percentDone });
    }
    return result;
  }
}

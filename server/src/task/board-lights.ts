import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEADLINE_STAGES, LIGHTS, type Light } from '@workplan/shared';
import { DataSource } from 'typeorm';
import { badInput } from '../common/errors';
import { REPORTING_STAGES, reportSchedule } from '../report/report-schedule';
import { loadScheduleFacts } from '../report/schedule-facts';
import { TaskLightService } from '../supervision/task-light.service';
import type { BoardQuery } from './board.service';
import { BoardService } from './board.service';
import type { TaskEntity } from './task.entity';

/**
 * How many open tasks a light filter judges. Lights are derived (calendar, reports, pace), not
 * stored, so a filter works them out for the open tasks the rest of the filter leaves; past this
 * many (a whole province unfiltered) the filter asks for a narrower board instead of guessing.
 */
export const MAX_JUDGED = 20_000;

/**
 * The board's "show only red / yellow" filter: which tasks' lights are among those asked for.
 * Finished tasks (past implementation) are green by rule, so only open ones are judged.
 */
@Injectable()
export class BoardLightFilter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly boards: BoardService,
    private readonly lights: TaskLightService,
  ) {}

  /** The query narrowed to tasks whose light is one of `wanted` (unchanged when all three or none are asked for). */
  async narrow(query: BoardQuery, wanted: readonly Light[] | null | undefined): Promise<BoardQuery> {
    const chosen = new Set(wanted ?? []);
    if (chosen.size === 0 || LIGHTS.every((l) => chosen.has(l))) return query;
    const open = await this.boards
      .selectTasks(null, query)
      .andWhere('t.stage IN (:...open)', { open: [...DEADLINE_STAGES] })
      .select(['t.id', 't.code', 't.title', 't.stage', 't.planId', 't.leadDepartmentId', 't.dueDate', 't.urgent'])
      .limit(MAX_JUDGED + 1)
      .getMany();
    if (open.length > MAX_JUDGED) {
      throw badInput(`More than ${MAX_JUDGED} open tasks to judge: choose a plan or departments before filtering by light`, 'lights');
    }
    const lights = await this.judge(open, query.today);
    const matching = open.filter((t) => chosen.has(lights.get(t.id)!)).map((t) => t.id);
    // Green asked for: every finished task stays, and the open ones judged otherwise go.
    if (chosen.has('GREEN')) return { ...query, excludeTaskIds: open.filter((t) => !chosen.has(lights.get(t.id)!)).map((t) => t.id) };
    return { ...query, onlyTaskIds: matching };
  }

  private async judge(tasks: TaskEntity[], today: string): Promise<Map<string, Light>> {
    if (!tasks.length) return new Map();
    const facts = await loadScheduleFacts(this.dataSource, tasks);
    const late = new Map<string, number>();
    for (const row of reportSchedule(tasks.filter((t) => REPORTING_STAGES.has(t.stage)), facts, today)) {
      if (row.status === 'LATE') late.set(row.taskId, (late.get(row.taskId) ?? 0) + 1);
    }
    const verdicts = await this.lights.lights(tasks, { ...facts, lateReports: late }, today);
    return new Map([...verdicts].map(([id, v]) => [id, v.light]));
  }
}

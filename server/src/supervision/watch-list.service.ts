import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEADLINE_STAGES } from '@workplan/shared';
import { DataSource } from 'typeorm';
import { restrictToViewer, type TaskViewer } from '../access/access.service';
import { requireUuid } from '../common/validate';
import { TaskModelMapper } from '../task/task-model.mapper';
import { TaskEntity } from '../task/task.entity';
import type { TaskModel } from '../task/task.model';
import type { WatchListModel } from './supervision.model';

/** How many open tasks one watch list looks at (the most urgent deadlines first). */
const MAX_WATCHED = 2_000;

/** The coordinator's morning list: open tasks whose light is not green, grouped by why. */
@Injectable()
export class WatchListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mapper: TaskModelMapper,
  ) {}

  async watchList(filter: { planId?: string | null; departmentId?: string | null }, viewer: TaskViewer | null): Promise<WatchListModel> {
    const qb = this.dataSource.manager
      .createQueryBuilder(TaskEntity, 't')
      .where('t.stage IN (:...stages)', { stages: [...DEADLINE_STAGES] })
      .orderBy('t.due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('t.sort_key', 'ASC')
      .limit(MAX_WATCHED);
    if (filter.planId) qb.andWhere('t.plan_id = :planId', { planId: requireUuid(filter.planId, 'planId') });
    if (filter.departmentId) {
      qb.andWhere(
        `(t.lead_department_id = :dept OR EXISTS (SELECT 1 FROM task_cooperating_department c WHERE c.task_id = t.id AND c.department_id = :dept))`,
        { dept: requireUuid(filter.departmentId, 'departmentId') },
      );
    }
    restrictToViewer(qb, viewer);
    const tasks = (await this.mapper.toModels(await qb.getMany())).filter((t) => t.light !== 'GREEN');
    const having = (...reasons: TaskModel['lightReasons']) => tasks.filter((t) => t.lightReasons.some((r) => reasons.includes(r)));
    return {
      overdue: having('OVERDUE'),
      dueSoon: having('DUE_SOON'),
      behindPace: having('BEHIND_PACE', 'FAR_BEHIND_PACE'),
      reportsMissed: having('REPORT_MISSED'),
      stale: having('STALE'),
    };
  }
}

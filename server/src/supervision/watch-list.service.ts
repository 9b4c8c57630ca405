import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEADLINE_STAGES, signDueOn, signedLate, todayIn } from '@workplan/shared';
import { DataSource } from 'typeorm';
import { restrictToViewer, type TaskViewer } from '../access/access.service';
import { requireUuid } from '../common/validate';
import { TaskModelMapper } from '../task/task-model.mapper';
import { TaskEntity } from '../task/task.entity';
import type { TaskModel } from '../task/task.model';
import type { WatchListModel } from './supervision.model';
import { WorkCalendarService } from './work-calendar.service';

/** How many open tasks one watch list looks at (the most urgent deadlines first). */
const MAX_WATCHED = 2_000;

/**
 * The coordinator's morning list: open tasks whose light is not green, grouped by why, and open
 * tasks where a unit's report was sent back for rework or a unit signed for its part late (or
 * has not yet, past its sign-for deadline).
 */
@Injectable()
export class WatchListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mapper: TaskModelMapper,
    private readonly calendars: WorkCalendarService,
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
    const open = await this.mapper.toModels(await qb.getMany());
    const tasks = open.filter((t) => t.light !== 'GREEN');
    const having = (...reasons: TaskModel['lightReasons']) => tasks.filter((t) => t.lightReasons.some((r) => reasons.includes(r)));
    const units = await this.unitTrouble(open.map((t) => t.id));
    return {
      overdue: having('OVERDUE'),
      dueSoon: having('DUE_SOON'),
      behindPace: having('BEHIND_PACE', 'FAR_BEHIND_PACE'),
      reportsMissed: having('REPORT_MISSED'),
      stale: having('STALE'),
      reportsReturned: open.filter((t) => units.returned.has(t.id)),
      signedLate: open.filter((t) => units.signedLate.has(t.id)),
    };
  }

  /** Tasks with a unit whose report awaits rework (RETURNED), and with a unit that signed for its part late or not yet in time. */
  private async unitTrouble(taskIds: string[]): Promise<{ returned: Set<string>; signedLate: Set<string> }> {
    if (!taskIds.length) return { returned: new Set(), signedLate: new Set() };
    const [rows, calendar] = await Promise.all([
      this.dataSource.query(
        `SELECT task_id, status, assigned_at, sign_within_days, signed_at FROM task_assignment WHERE task_id = ANY($1::uuid[]) AND status <> 'SENT_BACK'`,
        [taskIds],
      ) as Promise<Array<{ task_id: string; status: string; assigned_at: Date; sign_within_days: number; signed_at: Date | null }>>,
      this.calendars.calendar(),
    ]);
    const today = todayIn();
    const returned = new Set<string>();
    const late = new Set<string>();
    for (const a of rows) {
      if (a.status === 'RETURNED') returned.add(a.task_id);
      const due = signDueOn(todayIn(undefined, a.assigned_at), a.sign_within_days, calendar);
      if (signedLate(due, a.signed_at ? todayIn(undefined, a.signed_at) : null, today)) late.add(a.task_id);
    }
    return { returned, signedLate: late };
  }
}

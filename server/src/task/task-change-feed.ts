import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { restrictToViewer, type TaskViewer } from '../access/access.service';
import { badInput } from '../common/errors';
import { requireUuid } from '../common/validate';
import { TaskTransitionEntity } from './task-transition.entity';
import { TaskEntity } from './task.entity';

/** More changes than this since a cursor: the client is better off reloading the board. */
export const MAX_CATCH_UP = 500;

export interface ChangesSince {
  transitions: TaskTransitionEntity[];
  /** Where to ask from next time. */
  cursor: string;
  /** False when there were more than MAX_CATCH_UP changes (only the first are here). */
  complete: boolean;
}

/**
 * "What changed since I last asked", read from the history table, for a client coming back from a
 * dropped connection (and a replica whose listener dropped). A cursor is the oldest transaction
 * still running when the client last asked (the snapshot's xmin): every history row written by a
 * transaction that had not committed then has a transaction id at or above it, so asking for rows
 * with tx ≥ cursor misses nothing. It may repeat a few rows the client saw live; a change carries
 * the task's version, so the client keeps the newer one.
 */
const CURSOR_SQL = `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS cursor`;

@Injectable()
export class TaskChangeFeed {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async since(after: string | null, viewer: TaskViewer | null, planId: string | null): Promise<ChangesSince> {
    if (after !== null && !/^\d{1,20}$/.test(after)) throw badInput('after is not a cursor this feed gave out', 'after');
    const plan = planId ? requireUuid(planId, 'planId') : null;
    // Only a cursor (every board load asks for one): one statement, no transaction around it.
    if (after === null) return { transitions: [], cursor: (await this.dataSource.query(CURSOR_SQL))[0].cursor, complete: true };
    // One snapshot for the rows and the next cursor, so nothing falls between them.
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const [{ cursor }] = await em.query(CURSOR_SQL);
      const qb = em
        .createQueryBuilder(TaskTransitionEntity, 'h')
        .innerJoin(TaskEntity, 't', 't.id = h.task_id')
        .where('h.tx >= :after::xid8', { after })
        .orderBy('h.id', 'ASC')
        .limit(MAX_CATCH_UP + 1);
      if (plan) qb.andWhere('t.plan_id = :plan', { plan });
      restrictToViewer(qb, viewer);
      const rows = await qb.getMany();
      return { transitions: rows.slice(0, MAX_CATCH_UP), cursor, complete: rows.length <= MAX_CATCH_UP };
    });
  }
}

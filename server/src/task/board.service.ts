import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BOARD_STAGES, DEADLINE_STAGES, todayIn, type BoardStage, type TaskStage } from '@workplan/shared';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { DepartmentEntity } from '../department/department.entity';
import { DepartmentModel } from '../department/department.model';
import { badInput } from '../common/errors';
import { requireText, requireUuid } from '../common/validate';
import { restrictToViewer, type TaskViewer } from '../access/access.service';
import type { BoardFilter } from './dto/board-filter.input';
import { TaskEntity } from './task.entity';
import { TickBatch } from './task-model.mapper';

/** A checked, normalised board filter. */
export interface BoardQuery {
  planId: string | null;
  departmentIds: string[];
  includeCooperating: boolean;
  search: string | null;
  overdue: boolean;
  laneDepartmentId: string | null;
  today: string;
  /** Who is looking: null sees every task, else own tasks plus what plans' visibility shows. */
  viewer: TaskViewer | null;
  /** Set by the light filter (BoardLightFilter): only these tasks, or all but these. */
  onlyTaskIds?: string[];
  excludeTaskIds?: string[];
  /** Instead of the six columns (the supervision ledger also lists finished and ended work). */
  stages?: readonly TaskStage[];
}

export interface LaneCount {
  departmentId: string;
  stage: BoardStage;
  count: number;
}

export const MAX_PAGE_SIZE = 100;

interface Cursor {
  sortKey: string;
  id: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.sortKey, c.id])).toString('base64url');

function decodeCursor(after: string): Cursor {
  try {
    const [sortKey, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown[];
    if (typeof sortKey === 'string' && typeof id === 'string') return { sortKey, id: requireUuid(id, 'after') };
  } catch {
    // fall through to the error below
  }
  throw badInput('after is not a cursor this board gave out', 'after');
}

interface PageRequest {
  stage: BoardStage;
  first: number;
  cursor: Cursor | null;
}

export interface BoardPage {
  tasks: TaskEntity[];
  endCursor: string | null;
  hasNextPage: boolean;
}

function pageRequest(stage: BoardStage, first: number, after: string | null | undefined): PageRequest {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  return { stage, first, cursor: after ? decodeCursor(after) : null };
}

/** A page from up to first + 1 rows in order. */
function toPage(rows: TaskEntity[], first: number): BoardPage {
  const tasks = rows.slice(0, first);
  const last = tasks.at(-1);
  return { tasks, endCursor: last ? encodeCursor(last) : null, hasNextPage: rows.length > first };
}

/** LIKE treats % and _ as wildcards; a search for "10%" means the text "10%". */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The board: one column per stage. Counts come from one grouped query; pages are keyset-ordered by
 * (sort_key, id), so a card moving elsewhere never shifts the next page of a column, and the pages
 * a board asks for together are read together (see page()).
 */
@Injectable()
export class BoardService {
  /** Page requests of one board (one checked filter object per request), gathered per tick. */
  private readonly pageBatches = new WeakMap<BoardQuery, TickBatch<PageRequest, BoardPage>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  normalise(filter: BoardFilter | null | undefined, viewer: TaskViewer | null): BoardQuery {
    const departmentIds = (filter?.departmentIds ?? []).map((id) => requireUuid(id, 'departmentIds'));
    if (departmentIds.length > 200) throw badInput('at most 200 departments in a filter', 'departmentIds');
    return {
      planId: filter?.planId ? requireUuid(filter.planId, 'planId') : null,
      departmentIds,
      includeCooperating: filter?.includeCooperating ?? false,
      search: requireText(filter?.search, 'search', 200),
      overdue: filter?.overdue ?? false,
      laneDepartmentId: filter?.laneDepartmentId ? requireUuid(filter.laneDepartmentId, 'laneDepartmentId') : null,
      today: todayIn(),
      viewer,
    };
  }

  /** Every column's count in one grouped query (an index-only scan per stage with the board indexes). */
  async columns(query: BoardQuery): Promise<Array<{ stage: BoardStage; totalCount: number }>> {
    const rows: Array<{ stage: BoardStage; count: number }> = await this.countQuery(query).getRawMany();
    return BOARD_STAGES.map((stage) => ({ stage, totalCount: Number(rows.find((r) => r.stage === stage)?.count ?? 0) }));
  }

  /** The SQL behind columns(): tasks per board stage that match the filter. */
  countQuery(query: BoardQuery): SelectQueryBuilder<TaskEntity> {
    return this.selectTasks(null, query).select('t.stage', 'stage').addSelect('count(*)::int', 'count').groupBy('t.stage');
  }

  /** Task counts per lead department and stage: the swimlanes' totals, in one grouped query. */
  async laneCounts(query: BoardQuery): Promise<LaneCount[]> {
    const rows: Array<{ departmentId: string; stage: BoardStage; count: string }> = await this.selectTasks(null, query)
      .select('t.lead_department_id', 'departmentId')
      .addSelect('t.stage', 'stage')
      .addSelect('count(*)', 'count')
      .groupBy('t.lead_department_id')
      .addGroupBy('t.stage')
      .getRawMany();
    return rows.map((r) => ({ departmentId: r.departmentId, stage: r.stage, count: Number(r.count) }));
  }

  /** Swimlanes: each lead department with its per-stage counts, busiest first. */
  async lanes(query: BoardQuery): Promise<Array<{ department: DepartmentModel; totalCount: number; columns: Array<{ stage: BoardStage; totalCount: number }> }>> {
    const counts = await this.laneCounts(query);
    const ids = [...new Set(counts.map((c) => c.departmentId))];
    const departments = ids.length ? await this.dataSource.manager.findBy(DepartmentEntity, { id: In(ids) }) : [];
    const lanes = departments.map((department) => {
      const mine = counts.filter((c) => c.departmentId === department.id);
      const columns = BOARD_STAGES.map((stage) => ({ stage, totalCount: mine.find((c) => c.stage === stage)?.count ?? 0 }));
      return { department: DepartmentModel.from(department), columns, totalCount: columns.reduce((n, c) => n + c.totalCount, 0) };
    });
    return lanes.sort((a, b) => b.totalCount - a.totalCount || a.department.name.localeCompare(b.department.name, 'zh-CN'));
  }

  /**
   * One page of a column. The columns of one board ask in the same tick: their pages are read in one
   * query and handed back together, so the cards' details are then loaded once for the whole board
   * (TaskModelMapper batches calls made together) instead of once per column.
   */
  async page(stage: BoardStage, query: BoardQuery, first: number, after: string | null | undefined): Promise<BoardPage> {
    const request = pageRequest(stage, first, after);
    let batch = this.pageBatches.get(query);
    if (!batch) {
      batch = new TickBatch((requests: PageRequest[]) => this.readPages(query, requests));
      this.pageBatches.set(query, batch);
    }
    const [page] = await batch.load([request]);
    return page;
  }

  /**
   * The SQL of one page: the column's tasks after the cursor in (sort_key, id) order, one more than
   * asked for (to tell whether another page follows). `key` keeps the parameters of several pages
   * in one query apart.
   */
  pageQuery(stage: BoardStage, query: BoardQuery, first: number, after: string | null | undefined, key = ''): SelectQueryBuilder<TaskEntity> {
    return this.pageOf(pageRequest(stage, first, after), query, key);
  }

  /** The SQL of several columns' pages in one query (what a whole board's columns are read with). */
  pagesQuery(query: BoardQuery, pages: Array<{ stage: BoardStage; first: number; after?: string | null }>): SelectQueryBuilder<TaskEntity> {
    return this.pagesOf(pages.map((p) => pageRequest(p.stage, p.first, p.after)), query);
  }

  private pageOf(request: PageRequest, query: BoardQuery, key: string): SelectQueryBuilder<TaskEntity> {
    const qb = this.selectTasks(request.stage, query, key).orderBy('t.sort_key', 'ASC').addOrderBy('t.id', 'ASC').limit(request.first + 1);
    if (request.cursor) {
      qb.andWhere(`(t.sort_key, t.id) > (:afterKey${key}, :afterId${key})`, { [`afterKey${key}`]: request.cursor.sortKey, [`afterId${key}`]: request.cursor.id });
    }
    return qb;
  }

  /** Several columns' pages in one query: the ids of each page (UNION ALL), then their rows. */
  private async readPages(query: BoardQuery, requests: PageRequest[]): Promise<BoardPage[]> {
    const distinctStages = new Set(requests.map((r) => r.stage)).size === requests.length;
    if (requests.length === 1 || !distinctStages) {
      // One column (as the board's columns ask while scrolling), or one stage asked twice (aliases): a query each.
      return Promise.all(requests.map(async (r) => toPage(await this.pageOf(r, query, '').getMany(), r.first)));
    }
    const rows = await this.pagesOf(requests, query).getMany();
    // Rows come in the database's (sort_key, id) order; each page keeps its own stage's, in that order.
    return requests.map((r) => toPage(rows.filter((t) => t.stage === r.stage), r.first));
  }

  /** Pages of distinct stages: each page's ids (an index range read each, UNION ALL), then their rows. */
  private pagesOf(requests: PageRequest[], query: BoardQuery): SelectQueryBuilder<TaskEntity> {
    const parts = requests.map((r, i) => this.pageOf(r, query, `_${i}`).select('t.id'));
    return this.dataSource.manager
      .createQueryBuilder(TaskEntity, 't')
      .where(`t.id IN (${parts.map((p) => `(${p.getQuery()})`).join(' UNION ALL ')})`)
      .setParameters(Object.assign({}, ...parts.map((p) => p.getParameters())))
      .orderBy('t.sort_key', 'ASC')
      .addOrderBy('t.id', 'ASC');
  }

  /** Tasks of one column (or of all board columns when stage is null) that match the filter; the ledger export reads the same. */
  selectTasks(stage: BoardStage | null, query: BoardQuery, key = ''): SelectQueryBuilder<TaskEntity> {
    const qb = this.dataSource.manager.createQueryBuilder(TaskEntity, 't');
    if (stage) qb.where(`t.stage = :stage${key}`, { [`stage${key}`]: stage });
    else qb.where('t.stage IN (:...stages)', { stages: [...(query.stages ?? BOARD_STAGES)] });
    restrictToViewer(qb, query.viewer);
    if (query.laneDepartmentId) qb.andWhere('t.lead_department_id = :lane', { lane: query.laneDepartmentId });
    if (query.planId) qb.andWhere('t.plan_id = :planId', { planId: query.planId });
    if (query.departmentIds.length) {
      qb.andWhere(
        query.includeCooperating
          ? `(t.lead_department_id IN (:...departmentIds) OR EXISTS (
               SELECT 1 FROM task_cooperating_department c WHERE c.task_id = t.id AND c.department_id IN (:...departmentIds)))`
          : 't.lead_department_id IN (:...departmentIds)',
        { departmentIds: query.departmentIds },
      );
    }
    if (query.search) {
      qb.andWhere(`(t.code ILIKE :search ESCAPE '\\' OR t.title ILIKE :search ESCAPE '\\')`, { search: `%${escapeLike(query.search)}%` });
    }
    if (query.onlyTaskIds) qb.andWhere('t.id = ANY(:onlyTaskIds::uuid[])', { onlyTaskIds: query.onlyTaskIds });
    if (query.excludeTaskIds?.length) qb.andWhere('NOT (t.id = ANY(:excludeTaskIds::uuid[]))', { excludeTaskIds: query.excludeTaskIds });
    if (query.overdue) {
      // Same rule as the shared isOverdue(): due day passed, still before inspection.
      qb.andWhere('t.due_date < :today AND t.stage IN (:...deadlineStages)', { today: query.today, deadlineStages: [...DEADLINE_STAGES] });
    }
    return qb;
  }
}

import { type BenchContext, CARD_FIELDS, ReviewApprovalCycler } from './context';
import { reviewTasks, withClient } from './lib/database';
import { QUICK, processMemory, serverModule, sleep } from './lib/env';
import { closedLoop, GraphQLClient, pacedLoop, type LoadResult } from './lib/http';
import { judge, type BenchResult, type Figure } from './lib/results';
import { sampleMemory } from './lib/server';
import { latencySummary, maxOf, median, percentile, round } from './lib/stats';

const READERS = 20;
const WARMUP_SECONDS = QUICK ? 2 : 4;
const MEASURE_SECONDS = QUICK ? 5 : 15;
/** Offered write load during the board runs: WRITERS loops, one transition every WRITE_INTERVAL_MS each. */
const WRITERS = 4;
const WRITE_INTERVAL_MS = 200;
/** The paced variant: each reader loads the board once every PACED_INTERVAL_MS. */
const PACED_INTERVAL_MS = 5000;
const PACED_SECONDS = QUICK ? 10 : 30;
const EXPLAIN_RUNS = 5;
const BOARD_STAGES = ['PROPOSAL', 'REVIEW', 'APPROVAL', 'IMPLEMENTATION', 'INSPECTION', 'COMMENDATION'] as const;

/** Counts per stage and the first 50 cards of each column, with the fields the board's cards show. */
export const BOARD_QUERY = `query Board($filter: BoardFilter, $first: Int) {
  board(filter: $filter) {
    totalCount
    columns { stage totalCount tasks(first: $first) { nodes { ...CardFields } pageInfo { endCursor hasNextPage } } }
  }
}
${CARD_FIELDS}`;

interface QueryBuilderLike {
  getQueryAndParameters(): [string, unknown[]];
}
interface BoardServiceLike {
  normalise(filter: Record<string, unknown>, viewer: null): unknown;
  selectTasks(stage: string | null, query: unknown): QueryBuilderLike & { getCount(): Promise<number> };
  countQuery?(query: unknown): QueryBuilderLike;
  pageQuery?(stage: string, query: unknown, first: number, after: string | null): QueryBuilderLike;
  pagesQuery?(query: unknown, pages: Array<{ stage: string; first: number }>): QueryBuilderLike;
}
interface MigrationLike {
  up(q: { query(sql: string, params?: unknown[]): Promise<unknown> }): Promise<void>;
  down(q: { query(sql: string, params?: unknown[]): Promise<unknown> }): Promise<void>;
}

/** The SQL the server's BoardService issues for one board, built by the very same code (server/dist). */
async function boardSql(databaseUrl: string, filter: Record<string, unknown>): Promise<Array<{ label: string; sql: string; params: unknown[] }>> {
  require('reflect-metadata');
  const { dataSourceOptions } = serverModule<{ dataSourceOptions(url: string): object }>('database/data-source.js');
  const { DataSource } = require('typeorm') as { DataSource: new (o: object) => { initialize(): Promise<unknown>; destroy(): Promise<void> } };
  const { BoardService } = serverModule<{ BoardService: new (ds: unknown) => BoardServiceLike }>('task/board.service.js');
  const ds = new DataSource({ ...dataSourceOptions(databaseUrl), migrationsRun: false });
  await ds.initialize();
  try {
    const service = new BoardService(ds);
    const query = service.normalise(filter, null);
    const out: Array<{ label: string; sql: string; params: unknown[] }> = [];
    if (service.countQuery) {
      const [sql, params] = service.countQuery(query).getQueryAndParameters();
      out.push({ label: 'counts (all columns, one grouped query)', sql, params });
    } else {
      // Older BoardService: one COUNT(DISTINCT id) per column, as getCount() sends it.
      for (const stage of BOARD_STAGES) {
        const [where, params] = service.selectTasks(stage, query).getQueryAndParameters();
        const sql = `SELECT COUNT(DISTINCT("t"."id")) AS "cnt" FROM ${where.slice(where.indexOf('FROM ') + 5)}`;
        out.push({ label: `count ${stage}`, sql, params });
      }
    }
    if (service.pagesQuery) {
      const [sql, params] = service.pagesQuery(query, BOARD_STAGES.map((stage) => ({ stage, first: 50 }))).getQueryAndParameters();
      out.push({ label: 'first pages of all six columns (one query, as a whole board reads them)', sql, params });
    }
    for (const stage of BOARD_STAGES) {
      if (service.pageQuery) {
        const [sql, params] = service.pageQuery(stage, query, 50, null).getQueryAndParameters();
        out.push({ label: `first page ${stage} (a column on its own, as the client asks while scrolling)`, sql, params });
      } else {
        const qb = service.selectTasks(stage, query) as unknown as { orderBy(a: string, b: string): any };
        const [sql, params] = (qb.orderBy('t.sort_key', 'ASC').addOrderBy('t.id', 'ASC').limit(51) as QueryBuilderLike).getQueryAndParameters();
        out.push({ label: `first page ${stage}`, sql, params });
      }
    }
    return out;
  } finally {
    await ds.destroy();
  }
}

interface Explained {
  label: string;
  sql: string;
  /** The plan of the run with the median execution time. */
  plan: string[];
  /** Median of EXPLAIN_RUNS runs (a single run on a busy machine can be several times slower). */
  executionMs: number | null;
  executionMsRuns: number[];
  seqScanOnTask: boolean;
  indexesUsed: string[];
}

async function explainAll(databaseUrl: string, queries: Array<{ label: string; sql: string; params: unknown[] }>): Promise<Explained[]> {
  return withClient(databaseUrl, async (db) => {
    const out: Explained[] = [];
    for (const q of queries) {
      await db.query(q.sql, q.params); // once to warm the cache, then the plans with timing
      const runs: Array<{ plan: string[]; ms: number }> = [];
      for (let i = 0; i < EXPLAIN_RUNS; i++) {
        const rows = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params)).rows as Array<{ 'QUERY PLAN': string }>;
        const plan = rows.map((r) => r['QUERY PLAN']);
        runs.push({ plan, ms: Number(plan.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)?.[1]).find(Boolean) ?? NaN) });
      }
      runs.sort((a, b) => a.ms - b.ms);
      const { plan, ms } = runs[Math.floor(runs.length / 2)];
      out.push({
        label: q.label,
        sql: q.sql,
        plan,
        executionMs: Number.isFinite(ms) ? ms : null,
        executionMsRuns: runs.map((r) => r.ms),
        seqScanOnTask: plan.some((l) => /Seq Scan on task\b/.test(l)),
        indexesUsed: [...new Set(plan.flatMap((l) => [...l.matchAll(/(?:Index Scan(?: Backward)? using|Index Only Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map((m) => m[1])))],
      });
    }
    return out;
  });
}

async function oneBoard(gql: GraphQLClient, token: string, filter: Record<string, unknown>): Promise<void> {
  const res = await gql.query<{ board: { columns: Array<{ tasks: { nodes: unknown[] } }> } }>(BOARD_QUERY, { filter, first: 50 }, token);
  if (!res.data?.board || res.errors) throw new Error(`board failed: ${JSON.stringify(res.errors)}`);
  if (res.data.board.columns.length !== 6) throw new Error('board without six columns');
}

/**
 * Board latency for one department's 10,000 tasks in the 100,000-task database: 20 concurrent
 * readers (closed loop) while transitions are written, before and after the board indexes
 * migration (its down() / up() on the bench database), with the plans of the board's queries.
 */
export async function boardBench(ctx: BenchContext): Promise<{ board: BenchResult; memory: BenchResult }> {
  const started = Date.now();
  const departmentId = ctx.seeded.departmentIds[0];
  const filter = { departmentIds: [departmentId] };
  const departmentTasks = await withClient(ctx.db.url, async (db) =>
    Number((await db.query('SELECT count(*)::int AS n FROM task WHERE lead_department_id = $1', [departmentId])).rows[0].n),
  );

  // Writers: ACCEPT / RETURN on the same department's tasks, so the counts the readers see move.
  const writerTasks = await reviewTasks(ctx.db.url, WRITERS, { departmentId, exclude: ctx.taken, notPlanId: ctx.seeded.browserPlanId });
  ctx.taken.push(...writerTasks.map((t) => t.id));
  const writerGql = new GraphQLClient(ctx.server.url, WRITERS);
  const cyclers = writerTasks.map((t) => new ReviewApprovalCycler(writerGql, ctx.tokens, { id: t.id, version: t.version, stage: 'REVIEW' }));
  let writing = true;
  let writes = 0;
  let writeErrors = 0;
  const writersDone = Promise.all(
    cyclers.map(async (c, i) => {
      await sleep((WRITE_INTERVAL_MS * i) / WRITERS);
      while (writing) {
        const t0 = Date.now();
        try {
          await c.step();
          writes++;
        } catch {
          writeErrors++;
        }
        await sleep(Math.max(0, WRITE_INTERVAL_MS - (Date.now() - t0)));
      }
    }),
  );
  const writeStart = Date.now();

  const gql = new GraphQLClient(ctx.server.url, READERS);
  const read = () => oneBoard(gql, ctx.tokens.manager, filter);
  const memoryIdle = processMemory(ctx.server.pid);

  let migration: MigrationLike | null = null;
  try {
    const mod = serverModule<Record<string, new () => MigrationLike>>('database/migrations/1764115200000-board-indexes.js');
    migration = new (Object.values(mod)[0])();
  } catch {
    migration = null;
  }
  const runMigration = async (direction: 'up' | 'down') =>
    withClient(ctx.db.url, async (db) => {
      await migration![direction]({ query: (sql: string, params?: unknown[]) => db.query(sql, params).then((r) => r.rows) });
      await db.query('ANALYZE task');
    });

  const phase = async (label: string) => {
    const explained = await explainAll(ctx.db.url, await boardSql(ctx.db.url, filter));
    const explainedSmall = await explainAll(ctx.db.url, await boardSql(ctx.db.url, { departmentIds: [ctx.seeded.smallDepartmentId] }));
    const explainedPlan = await explainAll(ctx.db.url, await boardSql(ctx.db.url, { planId: ctx.seeded.browserPlanId }));
    await closedLoop(READERS, WARMUP_SECONDS, read);
    const memory = sampleMemory(ctx.server.pid, 100);
    const load = await closedLoop(READERS, MEASURE_SECONDS, read);
    const mem = memory.stop();
    const single = await closedLoop(1, QUICK ? 2 : 5, read);
    return { label, explained, explainedSmall, explainedPlan, load, single, memory: mem };
  };

  const phases: Array<Awaited<ReturnType<typeof phase>>> = [];
  if (migration) {
    await runMigration('down');
    phases.push(await phase('without the board indexes migration'));
    await runMigration('up');
  }
  phases.push(await phase(migration ? 'with the board indexes migration' : 'as migrated'));
  const paced: LoadResult = await pacedLoop(READERS, PACED_INTERVAL_MS, PACED_SECONDS, read);
  writing = false;
  await writersDone;
  const writeSeconds = (Date.now() - writeStart) / 1000;
  gql.close();
  writerGql.close();

  const last = phases.at(-1)!;
  const loadSummary = (r: LoadResult) => ({ ...latencySummary(r.latencies), perSecond: round(r.throughput, 1), errors: r.errors, firstError: r.firstError ?? null });
  const figures: Figure[] = [
    { name: 'board p95, 20 concurrent readers (closed loop) + writes', value: percentile(last.load.latencies, 95), unit: 'ms', goal: { op: '<=', value: 25 } },
    { name: 'board p50, 20 concurrent readers (closed loop) + writes', value: percentile(last.load.latencies, 50), unit: 'ms', goal: null },
    { name: 'boards per second at 20 concurrent readers', value: last.load.throughput, unit: '/s', goal: null },
    { name: 'board p95, 20 readers at one board per 5 s each + writes', value: percentile(paced.latencies, 95), unit: 'ms', goal: { op: '<=', value: 25 }, note: 'paced, not saturated' },
    { name: 'board p50, 20 readers at one board per 5 s each + writes', value: percentile(paced.latencies, 50), unit: 'ms', goal: null },
    { name: 'board p50, one reader alone + writes', value: median(last.single.latencies), unit: 'ms', goal: null },
  ];
  if (phases.length === 2) {
    figures.push({ name: 'board p95 without the new indexes (same load)', value: percentile(phases[0].load.latencies, 95), unit: 'ms', goal: null });
  }
  const board: BenchResult = {
    name: 'board',
    startedAt: new Date(started).toISOString(),
    durationSeconds: round((Date.now() - started) / 1000, 1),
    machine: ctx.machine,
    setup: {
      database: ctx.seeded.counts,
      department: { id: departmentId, tasks: departmentTasks },
      request: 'POST /graphql board(filter: { departmentIds: [one department] }) { totalCount columns { stage totalCount tasks(first: 50) { nodes { …the board card’s fields… } pageInfo } } } as a manager',
      readers: READERS,
      warmupSeconds: WARMUP_SECONDS,
      measureSeconds: MEASURE_SECONDS,
      writes: `${WRITERS} writers, one ACCEPT/RETURN every ${WRITE_INTERVAL_MS} ms each, on the same department’s tasks (offered ${(1000 / WRITE_INTERVAL_MS) * WRITERS}/s)`,
      achievedWritesPerSecond: round(writes / writeSeconds, 1),
      writeErrors,
      paced: `${READERS} readers, each one board every ${PACED_INTERVAL_MS} ms for ${PACED_SECONDS} s, latency counted from when each request was due`,
      server: 'child process: node server/dist/main.js (NODE_ENV=production)',
    },
    figures: figures.map(judge),
    details: {
      phases: phases.map((p) => ({
        label: p.label,
        twentyReaders: loadSummary(p.load),
        oneReader: loadSummary(p.single),
        explain: p.explained,
        seqScanOnTask: p.explained.filter((e) => e.seqScanOnTask).map((e) => e.label),
        explainSmallDepartment: p.explainedSmall,
        explainPlanOf2000: p.explainedPlan,
      })),
      paced: loadSummary(paced),
    },
  };

  const rss = last.memory.samples.map((s) => s.rssMb);
  const memory: BenchResult = {
    name: 'memory',
    startedAt: new Date(started).toISOString(),
    durationSeconds: board.durationSeconds,
    machine: ctx.machine,
    setup: {
      process: 'the API server child (one replica), VmRSS / VmHWM from /proc/<pid>/status every 100 ms',
      load: `the board benchmark’s ${READERS} concurrent readers plus writes, ${MEASURE_SECONDS} s`,
    },
    figures: [
      judge({ name: 'RSS of one API replica, peak under board load', value: maxOf(rss), unit: 'MB', goal: null }),
      judge({ name: 'RSS of one API replica, median under board load', value: median(rss), unit: 'MB', goal: null }),
      judge({ name: 'RSS of one API replica, before the board load', value: memoryIdle?.rssMb ?? NaN, unit: 'MB', goal: null }),
    ],
    details: {
      vmHwmMbAtEnd: last.memory.peak?.hwmMb ?? null,
      samples: rss.length,
      timelineMb: last.memory.samples.filter((_, i) => i % 10 === 0).map((s) => ({ t: s.t, rssMb: round(s.rssMb, 1) })),
    },
  };
  return { board, memory };
}

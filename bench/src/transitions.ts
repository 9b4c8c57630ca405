import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { type BenchContext, ReviewApprovalCycler } from './context';
import { reviewTasks, stageSnapshots } from './lib/database';
import { QUICK, sleep } from './lib/env';
import { closedLoop, GraphQLClient, type LoadResult } from './lib/http';
import { judge, type BenchResult } from './lib/results';
import { latencySummary, median, round } from './lib/stats';

const CONCURRENCY = 16;
const ROUNDS = QUICK ? 1 : 3;
const SECONDS = QUICK ? 3 : 6;

/**
 * Transition throughput through the whole stack (HTTP → GraphQL → auth → machine → UPDATE with the
 * version check + INSERT of the history row, committed, plus what the app does around it: audit
 * entry, notification on RETURN, the card it answers with, the live update the server then loads
 * and publishes) as a share of the same UPDATE + INSERT sent straight through `pg` in a
 * transaction, at the same concurrency, rounds interleaved.
 */
export async function transitionsBench(ctx: BenchContext): Promise<BenchResult> {
  const started = Date.now();
  const { url } = ctx.db;
  const apiTasks = await reviewTasks(url, CONCURRENCY, { exclude: ctx.taken, notPlanId: ctx.seeded.browserPlanId, notDepartmentId: ctx.seeded.departmentIds[0] });
  ctx.taken.push(...apiTasks.map((t) => t.id));
  const rawTasks = await reviewTasks(url, CONCURRENCY, { exclude: ctx.taken, notPlanId: ctx.seeded.browserPlanId, notDepartmentId: ctx.seeded.departmentIds[0] });
  ctx.taken.push(...rawTasks.map((t) => t.id));

  // Full stack: each client its own task, ACCEPT / RETURN in turn (no version conflicts).
  const gql = new GraphQLClient(ctx.server.url, CONCURRENCY);
  const cyclers = apiTasks.map((t) => new ReviewApprovalCycler(gql, ctx.tokens, { id: t.id, version: t.version, stage: 'REVIEW' }));
  const full = (seconds: number) => closedLoop(CONCURRENCY, seconds, (w) => cyclers[w].step());

  // Raw pg: the same two statements in a transaction, same concurrency, the app's pool size. Its
  // history rows are not announced (quiet_changes): the server listening on the channel would
  // otherwise spend the baseline's rounds loading and publishing them, slowing the baseline down.
  const snapshots = stageSnapshots();
  const review = JSON.stringify(snapshots.get('REVIEW')!.snapshot);
  const approval = JSON.stringify(snapshots.get('APPROVAL')!.snapshot);
  const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 20), options: '-c workplan.quiet_changes=on' });
  pool.on('error', () => undefined);
  const [{ id: coordinatorId }] = (await pool.query(`SELECT id FROM app_user WHERE email = $1`, [ctx.seeded.users.coordinator])).rows;
  const rawState = rawTasks.map((t) => ({ id: t.id, version: t.version, stage: 'REVIEW' as 'REVIEW' | 'APPROVAL' }));
  const rawStep = async (w: number) => {
    const task = rawState[w];
    const accept = task.stage === 'REVIEW';
    const to = accept ? 'APPROVAL' : 'REVIEW';
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const updated = await client.query(
        `UPDATE task SET stage = $3, snapshot = $4, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`,
        [task.id, task.version, to, accept ? approval : review],
      );
      if (updated.rowCount !== 1) throw new Error('version conflict in the raw baseline');
      await client.query(
        `INSERT INTO task_transition (task_id, event, from_stage, to_stage, from_state, to_state, actor_id, actor_role, comment, version, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id, at`,
        [task.id, accept ? 'ACCEPT' : 'RETURN', task.stage, to, JSON.stringify(task.stage), JSON.stringify(to), coordinatorId, 'COORDINATOR', accept ? null : '请补充量化指标', task.version + 1, randomUUID()],
      );
      await client.query('COMMIT');
      task.version += 1;
      task.stage = to;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const raw = (seconds: number) => closedLoop(CONCURRENCY, seconds, (w) => rawStep(w));

  // Warm-up: JIT, pools, caches.
  await full(QUICK ? 2 : 4);
  await raw(2);

  const rounds: Array<{ raw: LoadResult; full: LoadResult; ratio: number }> = [];
  for (let r = 0; r < ROUNDS; r++) {
    const rawResult = await raw(SECONDS);
    await sleep(300);
    const fullResult = await full(SECONDS);
    await sleep(300);
    rounds.push({ raw: rawResult, full: fullResult, ratio: fullResult.throughput / rawResult.throughput });
  }
  await pool.end();
  gql.close();

  const errors = rounds.reduce((n, r) => n + r.raw.errors + r.full.errors, 0);
  const ratio = median(rounds.map((r) => r.ratio));
  const fullTput = median(rounds.map((r) => r.full.throughput));
  const rawTput = median(rounds.map((r) => r.raw.throughput));
  const fullLatency = latencySummary(rounds.flatMap((r) => r.full.latencies));
  const rawLatency = latencySummary(rounds.flatMap((r) => r.raw.latencies));
  return {
    name: 'transitions',
    startedAt: new Date(started).toISOString(),
    durationSeconds: round((Date.now() - started) / 1000, 1),
    machine: ctx.machine,
    setup: {
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      secondsPerRound: SECONDS,
      server: 'child process: node server/dist/main.js (NODE_ENV=production), its own pool of 20 connections',
      fullStack: 'POST /graphql transitionTask (the board client’s mutation, answering with the card) — ACCEPT by the coordinator, RETURN (with comment) by the approver, each client its own task',
      baseline: 'pg.Pool(20) in the bench process: BEGIN; UPDATE task … WHERE id = $1 AND version = $2; INSERT INTO task_transition …; COMMIT (with workplan.quiet_changes=on, so the server does not pick these rows up as live updates)',
      note: 'rounds alternate baseline / full stack; figures are medians over rounds',
    },
    figures: [
      judge({ name: 'transition throughput, full stack ÷ raw pg', value: ratio * 100, unit: '%', goal: { op: '>=', value: 33 } }),
      judge({ name: 'transitions per second, full stack', value: fullTput, unit: '/s', goal: null }),
      judge({ name: 'transitions per second, raw pg', value: rawTput, unit: '/s', goal: null }),
    ],
    details: {
      errors,
      firstError: rounds.map((r) => r.full.firstError ?? r.raw.firstError).find(Boolean) ?? null,
      rounds: rounds.map((r) => ({
        rawPerSecond: round(r.raw.throughput, 1),
        fullPerSecond: round(r.full.throughput, 1),
        ratio: round(r.ratio, 3),
        rawOperations: r.raw.operations,
        fullOperations: r.full.operations,
      })),
      latencyMs: { fullStack: fullLatency, rawPg: rawLatency },
    },
  };
}

import { performance } from 'node:perf_hooks';
import { boardBench } from './board';
import { browserBench } from './browser';
import type { BenchContext } from './context';
import { createBenchDatabase, seed, withClient, type BenchDatabase } from './lib/database';
import { machineInfo, QUICK } from './lib/env';
import { GraphQLClient } from './lib/http';
import { readResult, summaryMarkdown, writeResult, writeSummary, type BenchResult } from './lib/results';
import { startApiServer, type ServerProcess } from './lib/server';
import { noDatabaseBench } from './nodb';
import { transitionsBench } from './transitions';

const ALL = ['transitions', 'board', 'no-database-query', 'browser'] as const;
type BenchName = (typeof ALL)[number];

const log = (line: string) => console.log(`[bench] ${line}`);

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((a) => !(ALL as readonly string[]).includes(a));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  const selected: BenchName[] = asked.length ? (asked as BenchName[]) : [...ALL];
  const t0 = performance.now();

  let db: BenchDatabase | undefined;
  let server: ServerProcess | undefined;
  const stopAll = async () => {
    await server?.stop().catch(() => undefined);
    await db?.drop().catch((e: unknown) => console.error(`could not drop ${db?.name}: ${String(e)}`));
  };
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    log('interrupted: stopping the server and dropping the bench database');
    void stopAll().then(() => process.exit(130));
  });

  try {
    db = await createBenchDatabase();
    log(`database ${db.name} created and migrated`);
    const postgres = await withClient(db.url, async (c) => (await c.query('SHOW server_version')).rows[0].server_version as string);
    const seeded = await seed(db.url, { tasks: 100_000, departments: 10, plans: 20, browserPlanTasks: 2_000 });
    log(`seeded ${JSON.stringify(seeded.counts)} in ${JSON.stringify(seeded.seconds)} s`);

    server = await startApiServer(db.url);
    log(`API server pid ${server.pid} at ${server.url}`);
    const gql = new GraphQLClient(server.url, 2);
    const login = async (email: string) => {
      const res = await gql.query<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: seeded.password });
      if (!res.data?.login) throw new Error(`login ${email} failed: ${JSON.stringify(res.errors)}`);
      return res.data.login.token;
    };
    const tokens = { coordinator: await login(seeded.users.coordinator), approver: await login(seeded.users.approver), manager: await login(seeded.users.manager) };
    gql.close();

    const ctx: BenchContext = { db, seeded, server, tokens, machine: machineInfo({ postgres }), taken: [] };
    const results: BenchResult[] = [];
    const save = (r: BenchResult) => {
      results.push(r);
      log(`${r.name}: ${r.figures.map((f) => `${f.name} = ${f.value} ${f.unit}`).join('; ')} → ${writeResult(r)}`);
    };
    for (const name of selected) {
      log(`running ${name}`);
      try {
        if (name === 'transitions') save(await transitionsBench(ctx));
        if (name === 'board') {
          const { board, memory } = await boardBench(ctx);
          save(board);
          save(memory);
        }
        if (name === 'no-database-query') save(await noDatabaseBench(ctx));
        if (name === 'browser') {
          const r = await browserBench(ctx);
          if (r) save(r);
        }
      } catch (error) {
        console.error(`[bench] ${name} failed:`, error);
        process.exitCode = 1;
      }
    }

    // The summary covers every benchmark's latest result file, so a partial run keeps the others.
    const names = ['transitions', 'board', 'memory', 'no-database-query', 'browser'];
    const all = names.map((n) => results.find((r) => r.name === n) ?? readResult(n)).filter((r): r is BenchResult => r !== null);
    const m = ctx.machine;
    const header = [
      `Run ${new Date().toISOString()}${QUICK ? ' (BENCH_QUICK: short runs, not for reporting)' : ''}, ${round1((performance.now() - t0) / 1000)} s.`,
      `Machine: ${m.cpus} × ${m.cpuModel}, ${m.totalMemoryMb} MB, Node ${m.node}, PostgreSQL ${postgres}, load average at start ${m.loadAverage.join(' / ')}.`,
      `Results not from this run (kept from an earlier one): ${all.filter((r) => !results.includes(r)).map((r) => `${r.name} (${r.startedAt})`).join(', ') || 'none'}.`,
    ].join('\n');
    log(`summary → ${writeSummary(summaryMarkdown(all, header))}`);
  } finally {
    await stopAll();
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

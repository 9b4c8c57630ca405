import { createClient, type Client as WsClient } from 'graphql-ws';
import PgBoss from 'pg-boss';
import { Client } from 'pg';
import WebSocket from 'ws';
import { createTestDatabase, type TestDatabase } from '../../server/test/test-database';
import { startApp, type RunningApp } from './running-app';

/**
 * Two API processes on different ports, one database: what a load balancer in front of replicas
 * relies on. Run once with live updates over PostgreSQL LISTEN/NOTIFY (the default) and once over
 * Redis (REDIS_URL, as the machine and CI have at 127.0.0.1:6379).
 */
const TRANSITION = `mutation($input: TransitionTaskInput!) { transitionTask(input: $input) { task { version stage } } }`;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each([
  ['PostgreSQL LISTEN/NOTIFY', {}],
  ['Redis pub/sub', { REDIS_URL }],
] as const)('two replicas, live updates over %s', (_name, fanoutEnv) => {
  let database: TestDatabase;
  let a: RunningApp;
  let b: RunningApp;
  const sockets: WsClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, JWT_SECRET: 'replicas-share-this', MUTATIONS_PER_MINUTE: '100000', ...fanoutEnv };
    a = await startApp({ ...env, SEED_DEMO: '1' });
    b = await startApp({ ...env, MIGRATE_ON_START: '0' }); // the schema is A's (a deployment runs a migration job first)
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.dispose()));
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  async function reviewTasks(token: string, count: number): Promise<Array<{ id: string; version: number }>> {
    const res = await a.gql(`{ board { column(stage: REVIEW) { tasks(first: ${count}) { nodes { id version } } } } }`, {}, token);
    return res.data.board.column.tasks.nodes;
  }

  it('a move through replica A reaches a subscriber on replica B', async () => {
    const token = await a.login('coordinator@demo.gov');
    const [task] = await reviewTasks(token, 1);
    const received: Array<{ id: string; stage: string }> = [];
    const socket = createClient({ url: b.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${await b.login('manager@demo.gov')}` }, retryAttempts: 0 });
    sockets.push(socket);
    socket.subscribe({ query: `subscription { taskChanged { task { id stage } } }` }, { next: (v) => received.push((v.data as any).taskChanged.task), error: () => undefined, complete: () => undefined });
    await new Promise((r) => setTimeout(r, 500));
    const moved = await a.gql(TRANSITION, { input: { taskId: task.id, event: 'ACCEPT', expectedVersion: task.version } }, token);
    expect(moved.data.transitionTask.task.stage).toBe('APPROVAL');
    const deadline = Date.now() + 5_000;
    while (!received.some((t) => t.id === task.id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(received.find((t) => t.id === task.id)).toEqual({ id: task.id, stage: 'APPROVAL' });
  });

  it('50 concurrent conflicting transitions over both replicas: exactly one winner per version', async () => {
    const coordinator = await a.login('coordinator@demo.gov');
    const approver = await b.login('approver@demo.gov');
    const [task] = await reviewTasks(coordinator, 1);
    let version = task.version;
    // Round 1: everybody tries to accept version v; round 2: everybody tries to return version v+1.
    for (const [event, token, comment] of [['ACCEPT', coordinator, null], ['RETURN', approver, '请补充材料']] as const) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).gql(TRANSITION, { input: { taskId: task.id, event, expectedVersion: version, comment } }, token)),
      );
      const won = answers.filter((r) => r.data?.transitionTask);
      const codes = answers.filter((r) => !r.data?.transitionTask).map((r) => r.errors?.[0]?.extensions?.code);
      expect({ event, winners: won.length, conflicts: codes.filter((c) => c === 'VERSION_CONFLICT').length }).toEqual({ event, winners: 1, conflicts: 49 });
      version++;
    }
    const history = await a.gql(`query($id: ID!) { task(id: $id) { version history { version event } } }`, { id: task.id }, coordinator);
    const versions = history.data.task.history.map((h: { version: number }) => h.version);
    expect(versions).toEqual(Array.from({ length: history.data.task.version }, (_, i) => i + 1));
    expect(history.data.task.history.slice(-2).map((h: { event: string }) => h.event)).toEqual(['ACCEPT', 'RETURN']);
  });

  it('a timer due once fires once, though both replicas work the queue', async () => {
    const boss = new PgBoss({ connectionString: database.url, schema: 'pgboss' });
    await boss.start();
    try {
      const jobIds = await Promise.all(Array.from({ length: 5 }, () => boss.send('overdue-escalation', {}, { startAfter: 1 })));
      const sql = new Client({ connectionString: database.url });
      await sql.connect();
      try {
        const deadline = Date.now() + 30_000;
        let runs: Array<{ job_id: string; replica: string; finished_at: Date | null }> = [];
        while (Date.now() < deadline) {
          runs = (await sql.query(`SELECT job_id, replica, finished_at FROM timer_run WHERE job_id = ANY($1)`, [jobIds])).rows;
          if (runs.length >= jobIds.length && runs.every((r) => r.finished_at)) break;
          await new Promise((r) => setTimeout(r, 200));
        }
        // Each job ran exactly once, by one replica or the other.
        expect(runs.map((r) => r.job_id).sort()).toEqual([...jobIds].sort());
        // And however many runs, each overdue task reached each coordinator once.
        const doubled = await sql.query(`SELECT user_id, dedupe_key, count(*) FROM notification WHERE kind = 'TASK_OVERDUE' GROUP BY 1, 2 HAVING count(*) > 1`);
        expect(doubled.rows).toEqual([]);
      } finally {
        await sql.end();
      }
    } finally {
      await boss.stop({ graceful: false });
    }
  });
});

import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Client as PgClient } from 'pg';
import { makeCast, proposeTask, transition, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';

const CHANGES = `query($after: String) { taskChanges(after: $after) { cursor complete changes { task { id version } transition { event version } } } }`;

describe('catching up after a dropped connection (taskChanges)', () => {
  let app: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    app = await startTestApp();
    cast = await makeCast(app);
  });
  afterAll(() => app.close());

  it('gives everything committed since the board was read, then nothing new', async () => {
    const board = await app.gql(`{ board { totalCount changesCursor } }`, {}, cast.tokens.coordinator);
    const cursor = board.data!.board.changesCursor;
    const task = await proposeTask(app, cast.tokens.leadStaff);
    await transition(app, cast.tokens.leadStaff, { taskId: task.id, event: 'SUBMIT', expectedVersion: 1 });
    await transition(app, cast.tokens.coordinator, { taskId: task.id, event: 'ACCEPT', expectedVersion: 2 });
    const since = (await app.gql(CHANGES, { after: cursor }, cast.tokens.coordinator)).data!.taskChanges;
    expect(since.complete).toBe(true);
    expect(since.changes.filter((c: any) => c.task.id === task.id).map((c: any) => [c.transition.event, c.transition.version])).toEqual([
      ['PROPOSE', 1],
      ['SUBMIT', 2],
      ['ACCEPT', 3],
    ]);
    const again = (await app.gql(CHANGES, { after: since.cursor }, cast.tokens.coordinator)).data!.taskChanges;
    expect(again.changes).toEqual([]);
  });

  it('does not miss a change whose transaction began before the cursor and committed after it', async () => {
    const task = await proposeTask(app, cast.tokens.leadStaff);
    // A slow writer: its history row is written, but not committed, when the client asks.
    const writer = new PgClient({ connectionString: app.databaseUrl });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(
        `INSERT INTO task_transition (task_id, event, from_stage, to_stage, from_state, to_state, actor_id, actor_role, version)
         SELECT id, 'SUBMIT', 'PROPOSAL', 'REVIEW', snapshot, snapshot, $2, 'STAFF', 2 FROM task WHERE id = $1`,
        [task.id, cast.users.leadStaff.id],
      );
      await writer.query(`UPDATE task SET version = 2 WHERE id = $1`, [task.id]);
      const before = (await app.gql(CHANGES, { after: '1' }, cast.tokens.coordinator)).data!.taskChanges;
      expect(before.changes.some((c: any) => c.task.id === task.id && c.transition.version === 2)).toBe(false); // not visible yet
      // Later transactions commit and are seen first: an id or time cursor would now skip the slow one.
      await transition(app, cast.tokens.leadStaff, { taskId: (await proposeTask(app, cast.tokens.leadStaff)).id, event: 'SUBMIT', expectedVersion: 1 });
      await writer.query('COMMIT');
      const after = (await app.gql(CHANGES, { after: before.cursor }, cast.tokens.coordinator)).data!.taskChanges;
      expect(after.changes.some((c: any) => c.task.id === task.id && c.transition.version === 2)).toBe(true);
    } finally {
      await writer.end();
    }
  });

  it('refuses a cursor it did not give out', async () => {
    const res = await app.gql(CHANGES, { after: "1; DROP TABLE task" }, cast.tokens.coordinator);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe.each(['postgres', 'redis', 'memory'] as const)('live updates through the %s bus', (fanout) => {
  let app: TestApp;
  let cast: Cast;
  let client: Client;
  beforeAll(async () => {
    app = await startTestApp({ fanout, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
    cast = await makeCast(app);
  });
  afterAll(async () => {
    await client?.dispose();
    await app.close();
  });

  it('a committed move reaches a subscriber, once', async () => {
    client = createClient({ url: app.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${cast.tokens.manager}` }, retryAttempts: 0 });
    const seen: Array<{ id: string; version: number }> = [];
    client.subscribe({ query: `subscription { taskChanged { task { id version } } }` }, { next: (v) => seen.push((v.data as any).taskChanged.task), error: () => undefined, complete: () => undefined });
    await new Promise((r) => setTimeout(r, 300));
    const task = await proposeTask(app, cast.tokens.leadStaff);
    await transition(app, cast.tokens.leadStaff, { taskId: task.id, event: 'SUBMIT', expectedVersion: 1 });
    const deadline = Date.now() + 3_000;
    while (seen.filter((s) => s.id === task.id).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200)); // room for a duplicate to show up, if there were one
    expect(seen.filter((s) => s.id === task.id).length).toBe(2);
  });
});

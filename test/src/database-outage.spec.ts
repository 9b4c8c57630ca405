import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, REPO_ROOT, startApp, type RunningApp } from './running-app';

/**
 * A PostgreSQL of this spec's own, which it stops and starts the way an operator (or a crash and a
 * supervisor) would: the test suites' embedded-PostgreSQL process on a folder and port of our own.
 * Stopping that process is a fast shutdown (every connection ends with 57P01); starting another on
 * the same folder and port brings the same cluster back.
 */
const POSTGRES_PROCESS = join(REPO_ROOT, 'server', 'test', 'embedded-postgres-process.mjs');

class StoppablePostgres {
  private child: ChildProcess | null = null;
  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  get adminUrl(): string {
    return `postgres://postgres:workplan@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [POSTGRES_PROCESS, this.dataDir, String(this.port)], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`PostgreSQL did not start within 30 s:\n${out}`)), 30_000);
      const poll = setInterval(() => {
        if (!out.includes('"url"')) return;
        clearInterval(poll);
        clearTimeout(timer);
        done();
      }, 20);
      child.on('exit', (code) => {
        clearInterval(poll);
        clearTimeout(timer);
        fail(new Error(`PostgreSQL process exited with ${code}:\n${out}`));
      });
    });
  }

  /** Resolves once PostgreSQL has shut down and its process is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
}

const TASK = 'query($id: ID!) { task(id: $id) { id stage version } }';
const TRANSITION = 'mutation($input: TransitionTaskInput!) { transitionTask(input: $input) { task { stage version } } }';

interface TimedAnswer {
  status: number;
  ms: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

/** One GraphQL request that must be answered within 10 s, with how long it took. */
async function timedGql(app: RunningApp, query: string, variables: Record<string, unknown>, token?: string): Promise<TimedAnswer> {
  const started = Date.now();
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: await res.json(), ms: Date.now() - started };
}

const statusOf = async (app: RunningApp, path: string) => (await fetch(app.url + path, { signal: AbortSignal.timeout(10_000) })).status;

describe('the database goes away and comes back', () => {
  const parent = mkdtempSync(join(tmpdir(), 'workplan-outage-'));
  chmodSync(parent, 0o755); // as root, PostgreSQL runs as `postgres`, which must enter it
  let postgres: StoppablePostgres;
  afterAll(async () => {
    await postgres?.stop();
    rmSync(parent, { recursive: true, force: true });
  });

  it('answers SERVICE_UNAVAILABLE while it is down, and serves again once it is back, in the same process', async () => {
    postgres = new StoppablePostgres(join(parent, 'data'), await freePort());
    await postgres.start();
    const admin = new Client({ connectionString: postgres.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE workplan');
    await admin.end();
    const databaseUrl = postgres.adminUrl.replace(/\/postgres$/, '/workplan');

    const app = await startApp({ DATABASE_URL: databaseUrl, SEED_DEMO: '1' });
    try {
      const pid = app.pid;
      const token = await app.login('coordinator@demo.gov');
      const review = await app.gql(`{ board { columns { stage tasks(first: 1) { nodes { id version } } } } }`, {}, token);
      const task = review.data.board.columns.find((c: { stage: string }) => c.stage === 'REVIEW').tasks.nodes[0] as { id: string; version: number };
      expect((await timedGql(app, TASK, { id: task.id }, token)).body.data.task.stage).toBe('REVIEW');

      // --- The database stops. ---
      await postgres.stop();

      // Reads, writes, sign-ins: each is answered, soon, with a code a client can act on.
      for (let i = 0; i < 3; i++) {
        const read = await timedGql(app, TASK, { id: task.id }, token);
        expect(read.ms).toBeLessThan(5_000);
        expect(read.body.data ?? null).toBeNull();
        expect(read.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(read.body.errors?.[0]?.message).toMatch(/database is not reachable.*nothing was changed/i);
      }
      const write = await timedGql(app, TRANSITION, { input: { taskId: task.id, event: 'ACCEPT', expectedVersion: task.version } }, token);
      expect(write.ms).toBeLessThan(5_000);
      expect(write.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      const signIn = await timedGql(app, 'mutation { login(email: "approver@demo.gov", password: "demo") { token } }', {});
      expect(signIn.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      // Nothing internal leaks out: no driver message, address or stack.
      expect(JSON.stringify([write.body, signIn.body])).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|terminat|stack/i);

      expect(await statusOf(app, '/ready')).toBe(503);
      expect(await statusOf(app, '/health')).toBe(200);
      expect(app.alive()).toBe(true);

      // --- The database comes back (same folder, same port). ---
      await postgres.start();
      const backBy = Date.now() + 15_000;
      let read: TimedAnswer;
      for (;;) {
        read = await timedGql(app, TASK, { id: task.id }, token);
        if (read.body.data?.task || Date.now() > backBy) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(read.body.errors).toBeUndefined();
      expect(read.body.data.task).toEqual({ id: task.id, stage: 'REVIEW', version: task.version }); // the refused write changed nothing
      expect(await statusOf(app, '/ready')).toBe(200);
      const moved = await timedGql(app, TRANSITION, { input: { taskId: task.id, event: 'ACCEPT', expectedVersion: task.version } }, token);
      expect(moved.body.errors).toBeUndefined();
      expect(moved.body.data.transitionTask.task).toEqual({ stage: 'APPROVAL', version: task.version + 1 });
      expect(await app.login('approver@demo.gov')).toEqual(expect.any(String));

      // The same process served all of it: it never exited or restarted.
      expect(app.alive()).toBe(true);
      expect(app.pid).toBe(pid);
      expect(app.output()).not.toMatch(/Workplan board ready[\s\S]*Workplan board ready/);
    } finally {
      await app.stop();
    }
  });
});

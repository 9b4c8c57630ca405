import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../server/test/test-database';
import { REPO_ROOT, startApp, type RunningApp } from './running-app';

/**
 * `kill -9` of the server in the middle of a stream of transitions loses no acknowledged one: a
 * transition whose response came back with data is in the task's history after a restart, and the
 * history stays whole (versions 1..n, each once). A request the kill cut off may or may not have
 * been written; either is fine, as long as the history says which and nothing else appears.
 * Counts go to test-results/kill-during-transitions.json.
 */

const CLIENTS = 4;
const TASKS_PER_CLIENT = 2;
/** Each round SIGKILLs the server the moment this many transitions of the round have been acknowledged. */
const KILL_AFTER = 40;
const ROUNDS = 3;

const TRANSITION = `mutation($input: TransitionTaskInput!) {
  transitionTask(input: $input) { task { id stage version } transition { event version } }
}`;
const HISTORY = 'query($id: ID!) { task(id: $id) { id stage version history { event version toStage } } }';

interface Walked {
  id: string;
  stage: string;
  version: number;
}
interface Sent {
  client: number;
  taskId: string;
  event: 'ACCEPT' | 'RETURN';
  expectedVersion: number;
}
interface Acknowledged extends Sent {
  version: number;
  stage: string;
}
interface CutOff extends Sent {
  error: string;
  /** False when the request was refused a connection, i.e. sent after the kill. */
  reachedServer: boolean;
}
interface Round {
  acknowledged: Acknowledged[];
  refused: Array<Sent & { code?: string }>;
  cutOff: CutOff[];
  msToKill: number;
  exitCode: number | null;
}
type History = Map<string, { stage: string; version: number; history: Array<{ event: string; version: number; toStage: string }> }>;

/**
 * CLIENTS clients, each walking its own tasks round and round as fast as the server answers: the
 * coordinator ACCEPTs (REVIEW → APPROVAL), the approver RETURNs (APPROVAL → REVIEW). Once KILL_AFTER
 * have been acknowledged the server gets SIGKILL; each client stops at its first failed request.
 */
async function transitionUntilKilled(app: RunningApp, tasks: Walked[], tokens: { coordinator: string; approver: string }): Promise<Round> {
  const round: Round = { acknowledged: [], refused: [], cutOff: [], msToKill: 0, exitCode: null };
  const started = Date.now();
  let killing: Promise<number | null> | undefined;
  const client = async (n: number, own: Walked[]) => {
    const state = own.map((t) => ({ ...t }));
    for (let i = 0; ; i++) {
      const task = state[i % state.length];
      const sent: Sent = { client: n, taskId: task.id, event: task.stage === 'REVIEW' ? 'ACCEPT' : 'RETURN', expectedVersion: task.version };
      let res: { data?: { transitionTask?: { task: Walked; transition: { event: string; version: number } } }; errors?: Array<{ extensions?: { code?: string } }> };
      try {
        res = await app.gql(
          TRANSITION,
          { input: { taskId: task.id, event: sent.event, expectedVersion: task.version, comment: sent.event === 'RETURN' ? `round ${i} of client ${n}` : null } },
          sent.event === 'ACCEPT' ? tokens.coordinator : tokens.approver,
        );
      } catch (error) {
        // fetch's errors come from another realm than jest's: look at them, not at their class.
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        round.cutOff.push({ ...sent, error: cause?.code ?? cause?.message ?? String(error), reachedServer: cause?.code !== 'ECONNREFUSED' });
        return; // the server is gone
      }
      const moved = res.data?.transitionTask;
      if (!moved) {
        // Each client owns its tasks, so nobody else moves them: a refusal here would be a bug.
        round.refused.push({ ...sent, code: res.errors?.[0]?.extensions?.code });
        return;
      }
      round.acknowledged.push({ ...sent, version: moved.transition.version, stage: moved.task.stage });
      Object.assign(task, { stage: moved.task.stage, version: moved.task.version });
      if (round.acknowledged.length === KILL_AFTER) {
        round.msToKill = Date.now() - started;
        killing = app.stop('SIGKILL');
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n, tasks.slice(n * TASKS_PER_CLIENT, (n + 1) * TASKS_PER_CLIENT))));
  } finally {
    round.exitCode = await (killing ?? app.stop('SIGKILL'));
  }
  return round;
}

async function readHistories(app: RunningApp, token: string, tasks: Walked[]): Promise<History> {
  const after: History = new Map();
  for (const t of tasks) {
    const res = await app.gql(HISTORY, { id: t.id }, token);
    if (!res.data?.task) throw new Error(`reading ${t.id} after the restart failed: ${JSON.stringify(res.errors)}`);
    after.set(t.id, res.data.task);
  }
  return after;
}

/** What the histories read after a restart say about one round; `before` is where the tasks stood when it began. */
function check(before: Walked[], round: Round, after: History) {
  const problems: string[] = [];
  for (const [id, task] of after) {
    // Whole: versions 1..n, each once, n being the task's version, and the stage its last step's.
    const versions = task.history.map((h) => h.version);
    const whole = Array.from({ length: task.version }, (_, i) => i + 1);
    if (JSON.stringify(versions) !== JSON.stringify(whole)) problems.push(`${id}: history versions ${versions.join(',')} for version ${task.version}`);
    if (task.history.at(-1)?.toStage !== task.stage) problems.push(`${id}: stage ${task.stage} but the last step went to ${task.history.at(-1)?.toStage}`);
  }
  // Every acknowledged transition is there, as acknowledged.
  const found = round.acknowledged.filter((a) => {
    const step = after.get(a.taskId)!.history.find((h) => h.version === a.version);
    return step?.event === a.event && step.toStage === a.stage;
  });
  for (const a of round.acknowledged) if (!found.includes(a)) problems.push(`acknowledged ${a.event} of ${a.taskId} to version ${a.version} is missing`);
  // Nothing beyond what was sent: each task is at its last acknowledged version, or one past it
  // when the kill cut off a request for it (which may or may not have been written).
  let cutOffWritten = 0;
  for (const t of before) {
    const lastAcked = Math.max(t.version, ...round.acknowledged.filter((a) => a.taskId === t.id).map((a) => a.version));
    const pending = round.cutOff.find((c) => c.taskId === t.id && c.expectedVersion === lastAcked);
    const task = after.get(t.id)!;
    if (task.version < lastAcked) problems.push(`${t.id} is at version ${task.version}, below the acknowledged ${lastAcked}`);
    else if (task.version === lastAcked + 1 && pending && task.history.at(-1)?.event === pending.event) cutOffWritten++;
    else if (task.version !== lastAcked) problems.push(`${t.id} is at version ${task.version}: nothing acknowledged or sent explains it (last acknowledged ${lastAcked})`);
  }
  return {
    acknowledged: round.acknowledged.length,
    acknowledgedFoundAfterRestart: found.length,
    cutOffByKill: round.cutOff.length,
    cutOffInFlight: round.cutOff.filter((c) => c.reachedServer).length,
    cutOffWrittenAnyway: cutOffWritten,
    cutOffNotWritten: round.cutOff.length - cutOffWritten,
    cutOffErrors: [...new Set(round.cutOff.map((c) => c.error))],
    refused: round.refused.length,
    msOfTransitionsBeforeKill: round.msToKill,
    serverExitCode: round.exitCode,
    problems,
  };
}

describe('kill -9 during a stream of transitions', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it('loses no acknowledged transition and leaves every history whole, kill after kill', async () => {
    const started = Date.now();
    let app = await startApp({ DATABASE_URL: database.url, SEED_DEMO: '1' });
    let tokens = { coordinator: await app.login('coordinator@demo.gov'), approver: await app.login('approver@demo.gov') };

    // Tasks in review or approval can go round ACCEPT / RETURN as long as we like.
    const board = await app.gql(`{ board { columns { stage tasks(first: 100) { nodes { id stage version } } } } }`, {}, tokens.coordinator);
    const columns: Array<{ stage: string; tasks: { nodes: Walked[] } }> = board.data.board.columns;
    let tasks = columns.filter((c) => c.stage === 'REVIEW' || c.stage === 'APPROVAL').flatMap((c) => c.tasks.nodes);
    expect(tasks.length).toBeGreaterThanOrEqual(CLIENTS * TASKS_PER_CLIENT);
    tasks = tasks.slice(0, CLIENTS * TASKS_PER_CLIENT);

    const rounds: Array<ReturnType<typeof check>> = [];
    try {
      for (let r = 0; r < ROUNDS; r++) {
        const round = await transitionUntilKilled(app, tasks, tokens);
        // --- Start again on the same database and read every history. ---
        app = await startApp({ DATABASE_URL: database.url });
        tokens = { coordinator: await app.login('coordinator@demo.gov'), approver: await app.login('approver@demo.gov') };
        const after = await readHistories(app, tokens.coordinator, tasks);
        rounds.push(check(tasks, round, after));
        tasks = tasks.map((t) => ({ id: t.id, stage: after.get(t.id)!.stage, version: after.get(t.id)!.version }));
      }
    } finally {
      await app.stop();
    }

    const sum = (key: 'acknowledged' | 'acknowledgedFoundAfterRestart' | 'cutOffByKill' | 'cutOffInFlight' | 'cutOffWrittenAnyway' | 'cutOffNotWritten') =>
      rounds.reduce((n, r) => n + r[key], 0);
    const report = {
      spec: 'test/src/kill-during-transitions.spec.ts',
      at: new Date().toISOString(),
      clients: CLIENTS,
      tasks: tasks.length,
      killAfterAcknowledged: KILL_AFTER,
      rounds: rounds.length,
      acknowledged: sum('acknowledged'),
      acknowledgedFoundAfterRestart: sum('acknowledgedFoundAfterRestart'),
      cutOffByKill: sum('cutOffByKill'),
      cutOffInFlight: sum('cutOffInFlight'),
      cutOffWrittenAnyway: sum('cutOffWrittenAnyway'),
      cutOffNotWritten: sum('cutOffNotWritten'),
      seconds: Math.round((Date.now() - started) / 100) / 10,
      perRound: rounds,
    };
    mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
    writeFileSync(join(REPO_ROOT, 'test-results', 'kill-during-transitions.json'), JSON.stringify(report, null, 2) + '\n');
    console.log(`kill -9 during transitions: ${JSON.stringify({ ...report, perRound: undefined })}`);

    for (const round of rounds) {
      expect(round.serverExitCode).toBeNull(); // killed by the signal, not exited
      expect(round.refused).toBe(0);
      expect(round.acknowledged).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(round.cutOffByKill).toBe(CLIENTS); // every client was stopped by the kill
      expect(round.problems).toEqual([]);
      expect(round.acknowledgedFoundAfterRestart).toBe(round.acknowledged);
    }
  });
});

import {
  BOARD_STAGES,
  decideTransition,
  persistTaskSnapshot,
  startTask,
  type Actor,
  type BoardStage,
  type PersistedTaskSnapshot,
  type TaskEventType,
  type TaskSnapshot,
} from '@workplan/shared';
import { Client } from 'pg';
import { TickBatch } from '../src/task/task-model.mapper';
import { makeCast, makePlan, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';

let app: TestApp;
let cast: Cast;

/** Every query any pg client of this process sends while `fn` runs (the app runs in this process). */
async function countQueries(fn: () => Promise<unknown>): Promise<{ count: number; texts: string[] }> {
  const texts: string[] = [];
  const original = Client.prototype.query;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string };
    texts.push(typeof config === 'string' ? config : (config?.text ?? '?'));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
  try {
    await fn();
  } finally {
    Client.prototype.query = original;
  }
  return { count: texts.length, texts };
}

/** Each board stage's snapshot, made by the machine itself along the way a task goes. */
function stageSnapshots(leadDepartmentId: string): Record<BoardStage, PersistedTaskSnapshot> {
  const staff: Actor = { userId: 's', role: 'STAFF', departmentId: leadDepartmentId };
  const steps: Array<[TaskEventType, Actor]> = [
    ['SUBMIT', staff],
    ['ACCEPT', { userId: 'c', role: 'COORDINATOR', departmentId: null }],
    ['APPROVE', { userId: 'a', role: 'APPROVER', departmentId: null }],
    ['REQUEST_INSPECTION', staff],
    ['PASS', { userId: 'i', role: 'INSPECTOR', departmentId: null }],
  ];
  let snapshot: TaskSnapshot = startTask({ leadDepartmentId, origin: 'PROPOSED' });
  const out = { PROPOSAL: persistTaskSnapshot(snapshot) } as Record<BoardStage, PersistedTaskSnapshot>;
  for (const [type, actor] of steps) {
    const decision = decideTransition(snapshot, { type, actor, comment: null, facts: { progressReports: 1, unverifiedFindings: 0, unverifiedMajorFindings: 0 } });
    if (!decision.ok) throw new Error(decision.message);
    snapshot = decision.next;
    out[decision.toStage as BoardStage] = persistTaskSnapshot(snapshot);
  }
  return out;
}

/**
 * A plan with `perColumn` tasks in each board column, some with a cooperating department, a
 * history row into implementation, progress reports and open findings: everything a card shows.
 */
async function planWithCards(perColumn: number): Promise<string> {
  const plan = await makePlan(app.dataSource);
  const snapshots = stageSnapshots(cast.lead.id);
  const db = new Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    // A bulk load: its history rows are not announced to live boards (which would read them meanwhile).
    await db.query(`SET workplan.quiet_changes = 'on'`);
    await db.query(
      `INSERT INTO task (plan_id, code, sort_key, title, lead_department_id, origin, stage, snapshot, version)
       SELECT $1, s.i || '.' || n, lpad(s.i::text, 6, '0') || '.' || lpad(n::text, 6, '0'), '任务 ' || n, $2, 'PROPOSED', s.stage, s.snapshot, 1
         FROM unnest($3::text[], $4::jsonb[]) WITH ORDINALITY AS s(stage, snapshot, i), generate_series(1, $5) AS n`,
      [plan.id, cast.lead.id, [...BOARD_STAGES], BOARD_STAGES.map((s) => JSON.stringify(snapshots[s])), perColumn],
    );
    await db.query(
      `INSERT INTO task_cooperating_department (task_id, department_id, position)
       SELECT id, $2, 0 FROM task WHERE plan_id = $1 AND right(code, 1) IN ('1', '4', '7')`,
      [plan.id, cast.other.id],
    );
    await db.query(
      `INSERT INTO task_transition (task_id, event, from_stage, to_stage, to_state, version, at)
       SELECT id, 'ASSIGN', NULL, 'IMPLEMENTATION', '{"IMPLEMENTATION":"IN_PROGRESS"}', 1, now() - interval '400 days'
         FROM task WHERE plan_id = $1 AND stage IN ('IMPLEMENTATION', 'INSPECTION', 'COMMENDATION')`,
      [plan.id],
    );
    await db.query(
      `INSERT INTO progress_report (task_id, department_id, period, narrative, status, submitted_by)
       SELECT id, lead_department_id, '2025-Q1', '按计划推进', 'ON_TRACK', $2
         FROM task WHERE plan_id = $1 AND stage IN ('IMPLEMENTATION', 'INSPECTION') AND right(code, 1) IN ('2', '5')`,
      [plan.id, cast.users.leadStaff.id],
    );
    await db.query(
      `INSERT INTO finding (task_id, severity, description, status, created_by)
       SELECT id, 'MINOR', '台账不全', 'OPEN', $2 FROM task WHERE plan_id = $1 AND stage = 'INSPECTION' AND right(code, 1) IN ('3', '6')`,
      [plan.id, cast.users.inspector.id],
    );
  } finally {
    await db.end();
  }
  return plan.id;
}

const CARD = `id code title stage subState version dueDate overdue returnCount rectificationCount outcome planId snapshot
  progressReportCount openFindingCount openMajorFindingCount lateReportCount reportsDueSoonCount availableEvents
  availableMoves { event toStage needsComment } leadDepartment { id name } cooperatingDepartments { id name }
  assignmentRollup { units signed reported passed returned sentBack } unsignedReminderCount`;

const BOARD = `query($filter: BoardFilter, $first: Int) {
  board(filter: $filter) {
    totalCount
    columns { stage totalCount tasks(first: $first) { nodes { ${CARD} } pageInfo { endCursor hasNextPage } } }
    lanes { department { id name } totalCount columns { stage totalCount } }
  }
}`;

const COLUMN = `query($filter: BoardFilter, $stage: TaskStage!, $first: Int) {
  board(filter: $filter) { column(stage: $stage) { stage totalCount tasks(first: $first) { nodes { ${CARD} } pageInfo { endCursor hasNextPage } } } }
}`;

type Board = {
  totalCount: number;
  columns: Array<{ stage: string; totalCount: number; tasks: { nodes: Array<{ stage: string; cooperatingDepartments: unknown[]; progressReportCount: number; openFindingCount: number; lateReportCount: number }>; pageInfo: { hasNextPage: boolean } } }>;
  lanes: Array<{ totalCount: number }>;
};

/** One board request's queries, in the steady state: a first, uncounted request warms what the app caches (e.g. the work calendar). */
async function boardOf(planId: string): Promise<{ board: Board; queries: number; texts: string[] }> {
  const read = async () => {
    const res = await app.gql<{ board: Board }>(BOARD, { filter: { planId }, first: 50 }, cast.tokens.coordinator);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.board;
  };
  await read();
  let board: Board | undefined;
  const { count, texts } = await countQueries(async () => {
    board = await read();
  });
  return { board: board!, queries: count, texts };
}

beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

describe('a board request costs a fixed number of queries', () => {
  it('6 columns × 50 cards with lanes: as many queries as for a handful of cards, and few', async () => {
    const small = await boardOf(await planWithCards(2)); // 12 cards
    const big = await boardOf(await planWithCards(60)); // 360 tasks, 300 cards shown

    expect(small.board.totalCount).toBe(12);
    expect(big.board.totalCount).toBe(360);
    for (const column of big.board.columns) {
      expect(column.totalCount).toBe(60);
      expect(column.tasks.nodes).toHaveLength(50);
      expect(column.tasks.pageInfo.hasNextPage).toBe(true);
      expect(column.tasks.nodes.every((t) => t.stage === column.stage)).toBe(true);
    }
    const cards = big.board.columns.flatMap((c) => c.tasks.nodes);
    // The batched loads still reach every card's details.
    expect(cards.filter((t) => t.cooperatingDepartments.length === 1).length).toBeGreaterThan(50);
    expect(cards.some((t) => t.progressReportCount > 0)).toBe(true);
    expect(cards.some((t) => t.openFindingCount > 0)).toBe(true);
    expect(cards.some((t) => t.lateReportCount > 0)).toBe(true);
    expect(big.board.lanes.map((l) => l.totalCount)).toEqual([360]);

    console.log(`board queries: ${small.queries} for 12 cards, ${big.queries} for 300 cards\n${big.texts.map((t) => `  ${t.replace(/\s+/g, ' ').slice(0, 110)}`).join('\n')}`);
    expect(big.queries).toBe(small.queries);
    // Sign-in 1, the changes cursor 1, counts 1, pages 1, lanes 2, the cards' details (departments,
    // report schedule, warning lights, findings) 1, the units' roll-up 1 and the unsigned slips 1: 9.
    // Counting, paging and mapping every column on its own made it 79; reading the cards' details
    // table by table, 22.
    expect(big.queries).toBeLessThanOrEqual(10);
  });

  it('one column at a time (as the client scrolls): the same count for 5 cards and for 50', async () => {
    const planA = await planWithCards(5);
    const planB = await planWithCards(60);
    const column = async (planId: string, stage: string) => {
      const read = async () => {
        const res = await app.gql(COLUMN, { filter: { planId }, stage, first: 50 }, cast.tokens.coordinator);
        if (!res.data) throw new Error(JSON.stringify(res.errors));
      };
      await read(); // warm the app's caches, as in boardOf
      return (await countQueries(read)).count;
    };
    const counts: Record<string, number> = {};
    for (const stage of ['REVIEW', 'IMPLEMENTATION']) {
      counts[stage] = await column(planB, stage);
      expect(counts[stage]).toBe(await column(planA, stage));
    }
    console.log(`one column's queries: ${JSON.stringify(counts)}`);
    // Sign-in, the cursor, the counts, the page, the cards' details, the roll-up, the unsigned slips: a
    // column in implementation (with its report schedule) costs no more than one in review.
    expect(counts.IMPLEMENTATION).toBe(counts.REVIEW);
    expect(counts.IMPLEMENTATION).toBeLessThanOrEqual(7);
  });

  it('two boards answered at the same moment share nothing they should not: each gets its own plan’s cards', async () => {
    const [a, b] = [await planWithCards(3), await planWithCards(4)];
    const read = async (planId: string) => (await app.gql<{ board: Board }>(BOARD, { filter: { planId }, first: 50 }, cast.tokens.coordinator)).data!.board;
    const [ra, rb] = await Promise.all([read(a), read(b), read(a), read(b)]);
    expect(ra.totalCount).toBe(18);
    expect(rb.totalCount).toBe(24);
    expect(ra.columns.every((c) => c.tasks.nodes.length === 3)).toBe(true);
    expect(rb.columns.every((c) => c.tasks.nodes.length === 4)).toBe(true);
  });
});

describe('TickBatch', () => {
  it('serves loads started in the same tick with one call, each caller its own values, and fails only the caller whose key failed', async () => {
    const calls: number[][] = [];
    const batch = new TickBatch<number, string>(async (keys) => {
      calls.push(keys);
      return keys.map((k) => (k < 0 ? new Error(`bad ${k}`) : `v${k}`));
    });
    const [a, b, c] = await Promise.allSettled([batch.load([1, 2]), batch.load([3]), batch.load([4, -5])]);
    expect(calls).toEqual([[1, 2, 3, 4, -5]]);
    expect(a).toEqual({ status: 'fulfilled', value: ['v1', 'v2'] });
    expect(b).toEqual({ status: 'fulfilled', value: ['v3'] });
    expect(c).toMatchObject({ status: 'rejected', reason: new Error('bad -5') });
    await batch.load([6]);
    expect(calls).toHaveLength(2); // a later tick is a new batch
  });
});

import { TEST_PASSWORD, makeCast, makePlan, makeUser, proposeTask, transition, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';
import { existingTestDatabase } from './test-database';

let app: TestApp;
let cast: Cast;

const BOARD = `query($filter: BoardFilter, $first: Int, $after: String) {
  board(filter: $filter) { totalCount columns { stage totalCount tasks(first: $first, after: $after) { nodes { code title stage overdue leadDepartment { id } } pageInfo { endCursor hasNextPage } } } }
}`;

type Column = { stage: string; totalCount: number; tasks: { nodes: Array<{ code: string; title: string; stage: string; overdue: boolean }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
async function board(filter: Record<string, unknown> = {}, first = 50, after?: string): Promise<{ totalCount: number; columns: Column[] }> {
  const res = await app.gql(BOARD, { filter, first, after }, cast.tokens.manager);
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.board;
}
const column = (b: { columns: Column[] }, stage: string) => b.columns.find((c) => c.stage === stage)!;

beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

describe('board', () => {
  it('is empty with six columns in process order on a new plan', async () => {
    const plan = await makePlan(app.dataSource);
    const b = await board({ planId: plan.id });
    expect(b.columns.map((c) => c.stage)).toEqual(['PROPOSAL', 'REVIEW', 'APPROVAL', 'IMPLEMENTATION', 'INSPECTION', 'COMMENDATION']);
    expect(b.totalCount).toBe(0);
  });

  it('counts per column, filters by lead or cooperating department, search and overdue', async () => {
    const plan = await makePlan(app.dataSource);
    const leadTask = await proposeTask(app, cast.tokens.leadStaff, { planId: plan.id, code: '1.1', title: '全部工业增加值年均增长8%', cooperatingDepartmentIds: [cast.other.id], dueDate: '2020-01-01' });
    await proposeTask(app, cast.tokens.leadStaff, { planId: plan.id, code: '1.2', title: '工业增加值率提高2个百分点', dueDate: '2999-12-31' });
    await proposeTask(app, cast.tokens.otherStaff, { planId: plan.id, code: '2.1', title: '研发经费支出占比达到1%' });
    await transition(app, cast.tokens.leadStaff, { taskId: leadTask.id, event: 'SUBMIT', expectedVersion: 1 });

    const all = await board({ planId: plan.id });
    expect(all.totalCount).toBe(3);
    expect(column(all, 'PROPOSAL').tasks.nodes.map((t) => t.code)).toEqual(['1.2', '2.1']);
    expect(column(all, 'REVIEW')).toMatchObject({ totalCount: 1, tasks: { nodes: [{ code: '1.1', overdue: true }] } });

    expect((await board({ planId: plan.id, departmentIds: [cast.other.id] })).totalCount).toBe(1);
    expect((await board({ planId: plan.id, departmentIds: [cast.other.id], includeCooperating: true })).totalCount).toBe(2);
    expect((await board({ planId: plan.id, search: '增加值' })).totalCount).toBe(2);
    expect((await board({ planId: plan.id, search: '2.1' })).totalCount).toBe(1);
    expect((await board({ planId: plan.id, search: '%' })).totalCount).toBe(2); // a literal "%", as in "8%" and "1%"
    expect((await board({ planId: plan.id, search: '_' })).totalCount).toBe(0); // not a wildcard
    const overdue = await board({ planId: plan.id, overdue: true });
    expect(overdue.totalCount).toBe(1);
    expect(column(overdue, 'REVIEW').tasks.nodes[0].code).toBe('1.1');
  });

  it('gives swimlanes by lead department with per-stage totals, and one lane on its own', async () => {
    const plan = await makePlan(app.dataSource);
    const a = await proposeTask(app, cast.tokens.leadStaff, { planId: plan.id, code: '1' });
    await proposeTask(app, cast.tokens.leadStaff, { planId: plan.id, code: '2' });
    await proposeTask(app, cast.tokens.otherStaff, { planId: plan.id, code: '3' });
    await transition(app, cast.tokens.leadStaff, { taskId: a.id, event: 'SUBMIT', expectedVersion: 1 });
    const res = await app.gql(`query($f: BoardFilter) { board(filter: $f) { lanes { department { id } totalCount columns { stage totalCount } } } }`, { f: { planId: plan.id } }, cast.tokens.manager);
    const lanes = res.data!.board.lanes as Array<{ department: { id: string }; totalCount: number; columns: Array<{ stage: string; totalCount: number }> }>;
    expect(lanes.map((l) => [l.department.id, l.totalCount])).toEqual([[cast.lead.id, 2], [cast.other.id, 1]]);
    expect(lanes[0].columns.slice(0, 2)).toEqual([{ stage: 'PROPOSAL', totalCount: 1 }, { stage: 'REVIEW', totalCount: 1 }]);
    const lane = await board({ planId: plan.id, laneDepartmentId: cast.other.id });
    expect(column(lane, 'PROPOSAL').tasks.nodes.map((t) => t.code)).toEqual(['3']);
  });

  it('pages a long column in outline order without repeats or gaps', async () => {
    const plan = await makePlan(app.dataSource);
    const codes = Array.from({ length: 23 }, (_, i) => `3.${i + 1}`);
    for (const code of [...codes].reverse()) await proposeTask(app, cast.tokens.leadStaff, { planId: plan.id, code, title: `任务 ${code}` });
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const col = column(await board({ planId: plan.id }, 10, after), 'PROPOSAL');
      expect(col.totalCount).toBe(23);
      seen.push(...col.tasks.nodes.map((t) => t.code));
      if (!col.tasks.pageInfo.hasNextPage) break;
      after = col.tasks.pageInfo.endCursor!;
    }
    expect(seen).toEqual(codes); // 3.1, 3.2 … 3.10 … 3.23: numeric, not text order
  });

  it('refuses a page size over 100 and a forged cursor with BAD_USER_INPUT', async () => {
    const big = await app.gql(BOARD, { first: 101 }, cast.tokens.manager);
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const forged = await app.gql(BOARD, { first: 5, after: 'not-a-cursor' }, cast.tokens.manager);
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('createTask', () => {
  it('staff propose for their own department only; coordinators assign top-down; others may not create', async () => {
    const own = await proposeTask(app, cast.tokens.leadStaff, { title: '  自行提出的突破点  ' });
    expect(own).toMatchObject({ stage: 'PROPOSAL', origin: 'PROPOSED', title: '自行提出的突破点', leadDepartment: { id: cast.lead.id } });
    expect(own.history).toMatchObject([{ event: 'PROPOSE', fromStage: null, toStage: 'PROPOSAL', version: 1 }]);

    const create = (token: string, input: Record<string, unknown>) =>
      app.gql(`mutation($input: CreateTaskInput!) { createTask(input: $input) { stage origin history { event } } }`, { input: { title: 't', ...input } }, token);
    expect((await create(cast.tokens.leadStaff, { leadDepartmentId: cast.other.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await create(cast.tokens.leadStaff, { origin: 'ASSIGNED' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const who of ['approver', 'inspector', 'manager'] as const) {
      expect((await create(cast.tokens[who], { leadDepartmentId: cast.lead.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const assigned = await create(cast.tokens.coordinator, { leadDepartmentId: cast.lead.id, cooperatingDepartmentIds: [cast.other.id] });
    expect(assigned.data!.createTask).toEqual({ stage: 'IMPLEMENTATION', origin: 'ASSIGNED', history: [{ event: 'ASSIGN' }] });
  });

  it('refuses malformed input with BAD_USER_INPUT and creates nothing', async () => {
    const [{ count: before }] = await app.dataSource.query('SELECT count(*)::int AS count FROM task');
    const bad = [
      { title: '   ' },
      { title: 'x'.repeat(501) },
      { title: 't', dueDate: '2026-02-30' },
      { title: 't', cooperatingDepartmentIds: ['not-a-uuid'] },
      { title: 't', cooperatingDepartmentIds: [cast.lead.id] },
      { title: 't', cooperatingDepartmentIds: ['00000000-0000-4000-8000-000000000000'] },
    ];
    for (const input of bad) {
      const res = await app.gql(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input }, cast.tokens.leadStaff);
      expect({ input, code: res.errors?.[0]?.extensions?.code }).toEqual({ input, code: 'BAD_USER_INPUT' });
    }
    const [{ count: after }] = await app.dataSource.query('SELECT count(*)::int AS count FROM task');
    expect(after).toBe(before);
  });
});

describe('sign-in and errors', () => {
  it('login returns a token and the user; me answers who is signed in', async () => {
    const res = await app.gql(`mutation($e: String!) { login(email: $e, password: "correct horse") { token user { email role department { id } } } }`, { e: cast.users.leadStaff.email.toUpperCase() });
    expect(res.data!.login.user).toEqual({ email: cast.users.leadStaff.email, role: 'STAFF', department: { id: cast.lead.id } });
    const me = await app.gql('{ me { name role } }', {}, res.data!.login.token);
    expect(me.data!.me).toEqual({ name: cast.users.leadStaff.name, role: 'STAFF' });
  });

  it('a wrong password, a missing or forged token, or a deactivated account is UNAUTHENTICATED', async () => {
    const wrong = await app.gql(`mutation($e: String!) { login(email: $e, password: "nope") { token } }`, { e: cast.users.manager.email });
    expect(wrong.errors?.[0]).toMatchObject({ message: 'Wrong email or password', extensions: { code: 'UNAUTHENTICATED' } });
    expect((await app.gql('{ me { name } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await app.gql('{ me { name } }', {}, cast.tokens.manager + 'x')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await app.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [cast.users.inspector.id]);
    expect((await app.gql('{ me { name } }', {}, cast.tokens.inspector)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await app.dataSource.query('UPDATE app_user SET active = true WHERE id = $1', [cast.users.inspector.id]);
  });

  it('after five wrong passwords the account is paused with a clear message, even for the right one', async () => {
    const user = await makeUser(app.dataSource, 'STAFF', cast.lead.id);
    const attempt = (password: string) => app.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: user.email, p: password });
    for (let i = 0; i < 5; i++) expect((await attempt('guess' + i)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const paused = await attempt(TEST_PASSWORD);
    expect(paused.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Too many failed sign-ins; try again in \d+ minute/), extensions: { code: 'RATE_LIMITED' } });
    // Other accounts are not affected.
    expect((await app.gql(`mutation($e: String!) { login(email: $e, password: "${TEST_PASSWORD}") { token } }`, { e: cast.users.manager.email })).data?.login.token).toBeTruthy();
  });

  it('NOT_FOUND for a task that does not exist, BAD_USER_INPUT for a malformed id or unknown event', async () => {
    const missing = await app.gql('query($id: ID!) { task(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }, cast.tokens.manager);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await app.gql('query($id: ID!) { task(id: $id) { id } }', { id: "1' OR '1'='1" }, cast.tokens.manager);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const task = await proposeTask(app, cast.tokens.leadStaff);
    const unknown = await app.gql(`mutation($input: TransitionTaskInput!) { transitionTask(input: $input) { replayed } }`, { input: { taskId: task.id, event: 'TELEPORT', expectedVersion: 1 } }, cast.tokens.leadStaff);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('departments and plans are listed for signed-in users', async () => {
    const res = await app.gql('{ departments { id name } plans { id title } }', {}, cast.tokens.otherStaff);
    expect(res.data!.departments.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining([cast.lead.id, cast.other.id]));
    expect(Array.isArray(res.data!.plans)).toBe(true);
  });
});

describe('restart', () => {
  it('tasks and history survive closing the app and starting it again on the same database', async () => {
    const first = await startTestApp({ keepDatabase: true });
    const firstCast = await makeCast(first);
    const task = await proposeTask(first, firstCast.tokens.leadStaff, { title: '重启后仍在' });
    await transition(first, firstCast.tokens.leadStaff, { taskId: task.id, event: 'SUBMIT', expectedVersion: 1 });
    const databaseUrl = first.databaseUrl;
    await first.app.close();

    const again = await startTestApp({ database: existingTestDatabase(databaseUrl) });
    try {
      const res = await again.gql('query($id: ID!) { task(id: $id) { title stage version history { event } } }', { id: task.id }, firstCast.tokens.leadStaff);
      expect(res.data!.task).toEqual({ title: '重启后仍在', stage: 'REVIEW', version: 2, history: [{ event: 'PROPOSE' }, { event: 'SUBMIT' }] });
    } finally {
      await again.close();
    }
  });
});

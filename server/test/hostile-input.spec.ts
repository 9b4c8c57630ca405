import { fileReport, logFinding, makeCast, proposeTask, transition, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';

let app: TestApp;
let cast: Cast;

beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const HOSTILE = [
  `'; DROP TABLE task; --`,
  `" OR 1=1 --`,
  `<script>alert('x')</script>`,
  `<img src=x onerror="alert(1)">`,
  `\${7*7} {{7*7}} %s %n`,
  `../../etc/passwd`,
  `💥 emoji and 中文 and \u202E RTL`,
];

describe('hostile requests are refused with a clear code', () => {
  it('a thousand aliases', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const res = await app.gql(query, {}, cast.tokens.manager);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(res.errors?.[0]?.message).toMatch(/aliases|longer than/);
  });

  it('deep nesting through introspection', async () => {
    let inner = 'name';
    for (let i = 0; i < 20; i++) inner = `ofType { ${inner} }`;
    const res = await app.gql(`{ __schema { types { fields { type { ${inner} } } } } }`, {}, cast.tokens.manager);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a query too long to be a real screen', async () => {
    const res = await app.gql(`{ me { id ${' '.repeat(60_000)} } }`, {}, cast.tokens.manager);
    expect(res.errors?.[0]).toMatchObject({ message: 'The query is longer than 50000 characters', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('batched requests', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cast.tokens.manager}` },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('wrong types, unknown enum values and oversized text', async () => {
    const task = await proposeTask(app, cast.tokens.leadStaff);
    const wrongType = await app.gql(`mutation($input: TransitionTaskInput!) { transitionTask(input: $input) { replayed } }`, { input: { taskId: task.id, event: 'SUBMIT', expectedVersion: 'one' } }, cast.tokens.leadStaff);
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const enumValue = await app.gql(`mutation($input: LogFindingInput!) { logFinding(input: $input) { id } }`, { input: { taskId: task.id, severity: 'CATASTROPHIC', description: 'x' } }, cast.tokens.inspector);
    expect(enumValue.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const huge = await app.gql(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input: { title: '长'.repeat(1_000_000) } }, cast.tokens.leadStaff);
    expect(huge.errors?.[0]).toMatchObject({ message: 'title is longer than 500 characters', extensions: { code: 'BAD_USER_INPUT' } });
    const hugeComment = await transition(app, cast.tokens.leadStaff, { taskId: task.id, event: 'SUBMIT', expectedVersion: 1, comment: 'x'.repeat(5001) });
    expect(hugeComment.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('text is stored and shown back verbatim, never executed', () => {
  it.each(HOSTILE)('%s in every text field', async (text) => {
    const task = await proposeTask(app, cast.tokens.leadStaff, { title: text, description: text, code: text.slice(0, 64) });
    expect(task.title).toBe(text.trim());
    const back = await app.gql(`query($id: ID!) { task(id: $id) { title code description } }`, { id: task.id }, cast.tokens.manager);
    expect(back.data!.task).toEqual({ title: text.trim(), code: text.slice(0, 64).trim(), description: text.trim() });

    // Comments, finding descriptions and report narratives too.
    let version = 1;
    for (const [event, who] of [['SUBMIT', 'leadStaff'], ['ACCEPT', 'coordinator'], ['APPROVE', 'approver']] as const) {
      version = (await transition(app, cast.tokens[who], { taskId: task.id, event, expectedVersion: version, comment: text })).data!.transitionTask.task.version;
    }
    await fileReport(app, cast.tokens.leadStaff, task.id, { narrative: text, problems: text });
    const finding = await logFinding(app, cast.tokens.inspector, task.id);
    const stored = await app.dataSource.query(
      `SELECT (SELECT array_agg(comment ORDER BY id) FROM task_transition WHERE task_id = $1 AND comment IS NOT NULL) AS comments,
              (SELECT narrative FROM progress_report WHERE task_id = $1) AS narrative,
              (SELECT count(*)::int FROM task) > 0 AS tables_intact`,
      [task.id],
    );
    expect(stored[0]).toEqual({ comments: [text.trim(), text.trim(), text.trim()], narrative: text.trim(), tables_intact: true });
    expect(finding.status).toBe('OPEN');
  });
});

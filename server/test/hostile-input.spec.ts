import { fileReport, makeCast, makeUser, proposeTask, signIn, transition, type Cast } from './factories';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { databaseFingerprint } from './db-state';
import { startTestApp, type TestApp } from './test-app';

let app: TestApp;
let cast: Cast;
let adminToken: string;

beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
  adminToken = await signIn(app, await makeUser(app.dataSource, 'ADMIN', null));
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
  `100% of _all_ \\ tasks`,
  `{"__proto__": {"admin": true}}`,
  `line one\r\nX-Injected: header`,
  `' UNION SELECT email, password_hash FROM app_user --`,
  `<svg/onload=alert(document.cookie)>`,
  `javascript:alert(1)`,
];

describe('hostile requests are refused quickly with a clear code', () => {
  const post = async (body: string, contentType = 'application/json') => {
    const started = Date.now();
    const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${cast.tokens.manager}` }, body });
    const text = await response.text();
    return { status: response.status, text, json: (() => { try { return JSON.parse(text); } catch { return null; } })(), ms: Date.now() - started };
  };
  const deep = (depth: number) => { let inner = 'name'; for (let i = 0; i < depth; i++) inner = `ofType { ${inner} }`; return `{ __schema { types { fields { type { ${inner} } } } } }`; };
  interface Case { name: string; body: () => string; status: number; code?: string; message?: RegExp }
  const CASES: Case[] = [
    { name: 'a thousand aliases', body: () => JSON.stringify({ query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(' ')} }` }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /aliases|longer than/ },
    { name: '41 aliases', body: () => JSON.stringify({ query: `{ ${Array.from({ length: 41 }, (_, i) => `a${i}: me { id }`).join(' ')} }` }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /aliases/ },
    { name: 'deep nesting', body: () => JSON.stringify({ query: deep(20) }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'a query longer than 50,000 characters', body: () => JSON.stringify({ query: `{ me { id ${' '.repeat(60_000)} } }` }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /longer than 50000/ },
    { name: 'batched requests', body: () => JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]), status: 400 },
    { name: 'malformed JSON', body: () => '{"query": "{ me { id } }"', status: 400 },
    { name: 'a body over 15 MB', body: () => JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(16 * 1024 * 1024) } }), status: 413 },
    { name: 'an unknown field', body: () => JSON.stringify({ query: '{ me { id password_hash } }' }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /password_hash/ },
    { name: 'a fragment cycle', body: () => JSON.stringify({ query: 'query { me { ...A } } fragment A on User { department { ...B } } fragment B on Department { id ...A }' }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'a syntax error', body: () => JSON.stringify({ query: '{ me { id ' }), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    { name: 'a page of 1,000', body: () => JSON.stringify({ query: '{ board { columns { tasks(first: 1000) { nodes { id } } } } }' }), status: 200, code: 'BAD_USER_INPUT', message: /first must be between 1 and 100/ },
    { name: 'a malformed id', body: () => JSON.stringify({ query: `{ task(id: "1; DROP TABLE task") { id } }` }), status: 200, code: 'BAD_USER_INPUT', message: /not a valid id/ },
    { name: 'an unknown enum value', body: () => JSON.stringify({ query: 'query($r: Role) { users(role: $r) { id } }', variables: { r: 'GOD' } }), status: 400, code: 'BAD_USER_INPUT' },
  ];

  it.each(CASES)('$name', async ({ body, status, code, message }) => {
    const res = await post(body());
    tried.refusals++;
    expect(res.status).toBe(status);
    if (code) expect(res.json?.errors?.[0]?.extensions?.code).toBe(code);
    if (message) expect(res.json?.errors?.[0]?.message).toMatch(message);
    expect(res.json?.data ?? null).toBeNull();
    // Refused before doing any real work: well under the time a person would notice.
    expect(res.ms).toBeLessThan(3_000);
  });

  it('wrong types, unknown enum values, NUL bytes and oversized text change nothing', async () => {
    const task = await proposeTask(app, cast.tokens.leadStaff);
    const before = await databaseFingerprint(app.dataSource);
    const attempts = [
      await app.gql(`mutation($input: TransitionTaskInput!) { transitionTask(input: $input) { replayed } }`, { input: { taskId: task.id, event: 'SUBMIT', expectedVersion: 'one' } }, cast.tokens.leadStaff),
      await app.gql(`mutation($input: LogFindingInput!) { logFinding(input: $input) { id } }`, { input: { taskId: task.id, severity: 'CATASTROPHIC', description: 'x' } }, cast.tokens.inspector),
      await app.gql(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input: { title: '长'.repeat(1_000_000) } }, cast.tokens.leadStaff),
      await app.gql(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input: { title: 'nul \u0000 byte' } }, cast.tokens.leadStaff),
      await transition(app, cast.tokens.leadStaff, { taskId: task.id, event: 'SUBMIT', expectedVersion: 1, comment: 'x'.repeat(5001) }),
      await transition(app, cast.tokens.leadStaff, { taskId: task.id, event: 'SUBMIT; DROP' as string, expectedVersion: 1 }),
      await app.gql(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input: { title: 'ok', cooperatingDepartmentIds: Array.from({ length: 5000 }, () => cast.other.id) } }, cast.tokens.leadStaff),
    ];
    tried.refusals += attempts.length;
    expect(attempts.map((a) => a.errors?.[0]?.extensions?.code)).toEqual(Array(attempts.length).fill('BAD_USER_INPUT'));
    expect(attempts[2].errors?.[0]?.message).toBe('title is longer than 500 characters');
    expect(await databaseFingerprint(app.dataSource)).toEqual(before);
    // Each refusal is in the audit trail, the NUL byte included (made storable).
    const audited = await app.dataSource.query(`SELECT arguments->'input'->>'title' AS title FROM audit_entry WHERE operation = 'createTask' AND result = 'BAD_USER_INPUT'`);
    expect(audited.map((r: { title: string }) => r.title)).toContain('nul \uFFFD byte');
  });
});

/** How many hostile inputs the suite sent, for the closing note (test-results/hostile-input.json). */
const tried = { refusals: 0, verbatimFields: 0, strings: HOSTILE.length };

afterAll(() => {
  mkdirSync(resolve(__dirname, '../../test-results'), { recursive: true });
  writeFileSync(resolve(__dirname, '../../test-results/hostile-input.json'), JSON.stringify(tried, null, 2));
});

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await app.gql(query, variables, token);
  if (res.errors?.length) throw new Error(`${query}: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

describe('text is stored and shown back verbatim, never executed', () => {
  it.each(HOSTILE)('%s in every text field a person can type', async (text) => {
    const t = text.trim();
    const task = await proposeTask(app, cast.tokens.leadStaff, { title: text, description: text, code: text.slice(0, 64) });
    const seen: Array<[string, unknown]> = [];
    const back = await app.gql(`query($id: ID!) { task(id: $id) { title code description } }`, { id: task.id }, cast.tokens.manager);
    seen.push(['task.title', back.data!.task.title], ['task.description', back.data!.task.description]);
    expect(back.data!.task.code).toBe(text.slice(0, 64).trim());

    // Workflow comments on the way to implementation.
    let version = 1;
    for (const [event, who] of [['SUBMIT', 'leadStaff'], ['ACCEPT', 'coordinator'], ['APPROVE', 'approver']] as const) {
      version = (await transition(app, cast.tokens[who], { taskId: task.id, event, expectedVersion: version, comment: text })).data!.transitionTask.task.version;
    }
    const history = await ok(`query($id: ID!) { task(id: $id) { history { comment } } }`, { id: task.id }, cast.tokens.manager);
    for (const step of history.task.history.filter((h: { comment: string | null }) => h.comment)) seen.push(['transition.comment', step.comment]);

    // A progress report.
    await fileReport(app, cast.tokens.leadStaff, task.id, { narrative: text, problems: text });
    const reports = await ok(`query($id: ID!) { progressReports(taskId: $id) { narrative problems } }`, { id: task.id }, cast.tokens.manager);
    seen.push(['report.narrative', reports.progressReports[0].narrative], ['report.problems', reports.progressReports[0].problems]);

    // A finding, its rectification comment, an inspection and its conclusion, a team name.
    const finding = (await ok(`mutation($input: LogFindingInput!) { logFinding(input: $input) { id version } }`, { input: { taskId: task.id, severity: 'MINOR', description: text } }, cast.tokens.inspector)).logFinding;
    const started = (await ok(`mutation($input: TransitionFindingInput!) { transitionFinding(input: $input) { version } }`, { input: { findingId: finding.id, event: 'START_RECTIFICATION', expectedVersion: finding.version } }, cast.tokens.leadStaff)).transitionFinding;
    await ok(`mutation($input: TransitionFindingInput!) { transitionFinding(input: $input) { version } }`, { input: { findingId: finding.id, event: 'SUBMIT_RECTIFICATION', expectedVersion: started.version, comment: text } }, cast.tokens.leadStaff);
    const findings = await ok(`query($id: ID!) { findings(taskId: $id) { description history { comment } } }`, { id: task.id }, cast.tokens.manager);
    seen.push(['finding.description', findings.findings[0].description]);
    seen.push(['finding.comment', findings.findings[0].history.find((h: { comment: string | null }) => h.comment)?.comment]);
    const team = (await ok(`mutation($input: CreateInspectionTeamInput!) { createInspectionTeam(input: $input) { id name } }`, { input: { name: text, memberIds: [cast.users.inspector.id] } }, cast.tokens.coordinator)).createInspectionTeam;
    seen.push(['team.name', team.name]);
    const inspection = (await ok(`mutation($input: ScheduleInspectionInput!) { scheduleInspection(input: $input) { id } }`, { input: { taskId: task.id, teamId: team.id, scheduledOn: '2026-06-01' } }, cast.tokens.coordinator)).scheduleInspection;
    await ok(`mutation($input: RecordInspectionVisitInput!) { recordInspectionVisit(input: $input) { id } }`, { input: { inspectionId: inspection.id, visitedOn: '2026-06-02', conclusion: text } }, cast.tokens.inspector);
    const inspections = await ok(`query($id: ID!) { inspections(taskId: $id) { conclusion teamName } }`, { id: task.id }, cast.tokens.manager);
    seen.push(['inspection.conclusion', inspections.inspections[0].conclusion]);

    // An assessment comment, an indicator's name, unit and goal.
    await ok(`mutation($input: AssessTaskInput!) { assessTask(input: $input) { id } }`, { input: { taskId: task.id, period: '2026-Q2', score: 75, comment: text } }, cast.tokens.approver);
    const assessments = await ok(`query($id: ID!) { assessments(taskId: $id) { comment } }`, { id: task.id }, cast.tokens.manager);
    seen.push(['assessment.comment', assessments.assessments[0].comment]);
    await ok(`mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { id } }`, { input: { taskId: task.id, name: text, unit: text.slice(0, 20), summaryGoal: text } }, cast.tokens.coordinator);
    const indicators = await ok(`query($id: ID!) { indicators(taskId: $id) { name unit summaryGoal } }`, { id: task.id }, cast.tokens.manager);
    seen.push(['indicator.name', indicators.indicators[0].name], ['indicator.summaryGoal', indicators.indicators[0].summaryGoal]);
    expect(indicators.indicators[0].unit).toBe(text.slice(0, 20).trim());

    // A person's name (an administrator opens the account) and the board's search box.
    const person = (await ok(`mutation($input: CreateUserInput!) { createUser(input: $input) { name } }`, { input: { email: `fuzz-${HOSTILE.indexOf(text)}@test.gov`, name: text.slice(0, 100), role: 'APPROVER', password: 'long-enough-pw' } }, adminToken)).createUser;
    expect(person.name).toBe(text.slice(0, 100).trim());
    const search = await ok(`query($q: String) { board(filter: { search: $q }) { totalCount } }`, { q: text }, cast.tokens.manager);
    expect(search.board.totalCount).toBeGreaterThanOrEqual(1); // the task titled with the text is found by it, wildcards and all

    for (const [field, value] of seen) expect({ field, value }).toEqual({ field, value: t });
    tried.verbatimFields += seen.length + 4;
    const [{ intact }] = await app.dataSource.query(`SELECT (SELECT count(*)::int FROM task) > 0 AND to_regclass('public.task') IS NOT NULL AS intact`);
    expect(intact).toBe(true);
  });
});

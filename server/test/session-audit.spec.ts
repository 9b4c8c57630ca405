import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { UserEntity } from '../src/user/user.entity';
import { makeCast, makeUser, proposeTask, signIn, TEST_PASSWORD, type Cast } from './factories';
import { databaseFingerprint } from './db-state';
import { startTestApp, type TestApp } from './test-app';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token refreshToken expiresAt user { id } } }`;
const REFRESH = `mutation($r: String!) { refreshSession(refreshToken: $r) { token refreshToken expiresAt } }`;
const ME = `{ me { id email } }`;

let app: TestApp;
let cast: Cast;
let admin: UserEntity;
let adminToken: string;

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const codeOf = (res: { errors?: Array<{ extensions?: { code?: string } }> }) => res.errors?.[0]?.extensions?.code ?? null;

beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
  admin = await makeUser(app.dataSource, 'ADMIN', null);
  adminToken = await signIn(app, admin);
});
afterAll(() => app.close());

describe('sessions', () => {
  it('a sign-in gives a short token and a refresh token; refreshing gives a new working token', async () => {
    const login = await app.gql(LOGIN, { e: cast.users.approver.email, p: TEST_PASSWORD });
    const { token, refreshToken, expiresAt } = login.data!.login;
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    expect(refreshToken).not.toBe(token);
    const refreshed = await app.gql(REFRESH, { r: refreshToken });
    expect(refreshed.errors).toBeUndefined();
    expect((await app.gql(ME, {}, refreshed.data!.refreshSession.token)).data!.me.id).toBe(cast.users.approver.id);
    expect(codeOf(await app.gql(REFRESH, { r: 'not-a-refresh-token' }))).toBe('UNAUTHENTICATED');
  });

  it('signing out ends the token and the refresh token at once, and only that sign-in', async () => {
    const first = (await app.gql(LOGIN, { e: cast.users.inspector.email, p: TEST_PASSWORD })).data!.login;
    const second = (await app.gql(LOGIN, { e: cast.users.inspector.email, p: TEST_PASSWORD })).data!.login;
    expect((await app.gql(`mutation { logout }`, {}, first.token)).data!.logout).toBe(true);
    expect(codeOf(await app.gql(ME, {}, first.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await app.gql(REFRESH, { r: first.refreshToken }))).toBe('UNAUTHENTICATED');
    expect((await app.gql(ME, {}, second.token)).data!.me.id).toBe(cast.users.inspector.id); // the other device stays signed in
  });
});

describe('an administrator manages accounts', () => {
  it('creates an account that can sign in; a duplicate email or a short password is refused on its field', async () => {
    const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email role active department { id } } }`;
    const input = { email: 'New.Person@Test.gov', name: '新同事', role: 'STAFF', departmentId: cast.lead.id, password: 'a-good-long-password' };
    const made = await app.gql(CREATE, { input }, adminToken);
    expect(made.data!.createUser).toMatchObject({ email: 'new.person@test.gov', role: 'STAFF', active: true, department: { id: cast.lead.id } });
    expect((await app.gql(LOGIN, { e: 'new.person@test.gov', p: 'a-good-long-password' })).data!.login.user.id).toBe(made.data!.createUser.id);

    const before = await databaseFingerprint(app.dataSource);
    const duplicate = await app.gql(CREATE, { input: { ...input, email: 'new.person@test.gov' } }, adminToken);
    expect(duplicate.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const short = await app.gql(CREATE, { input: { ...input, email: 'other@test.gov', password: 'short' } }, adminToken);
    expect(short.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const noDepartment = await app.gql(CREATE, { input: { ...input, email: 'other@test.gov', departmentId: null } }, adminToken);
    expect(noDepartment.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'departmentId' });
    expect(await databaseFingerprint(app.dataSource)).toEqual(before);
  });

  it('deactivating an account stops its tokens at once; reactivating lets the person sign in again', async () => {
    const person = await makeUser(app.dataSource, 'APPROVER', null);
    const token = await signIn(app, person);
    expect((await app.gql(ME, {}, token)).data!.me.id).toBe(person.id);
    const off = await app.gql(`mutation($id: ID!) { setUserActive(userId: $id, active: false) { active } }`, { id: person.id }, adminToken);
    expect(off.data!.setUserActive.active).toBe(false);
    expect(codeOf(await app.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await app.gql(LOGIN, { e: person.email, p: TEST_PASSWORD }))).toBe('UNAUTHENTICATED');
    await app.gql(`mutation($id: ID!) { setUserActive(userId: $id, active: true) { active } }`, { id: person.id }, adminToken);
    expect(codeOf(await app.gql(ME, {}, token))).toBe('UNAUTHENTICATED'); // the old sign-in stays ended
    expect(await signIn(app, person)).toEqual(expect.any(String));
  });

  it('a deactivated person’s open live-update socket stops hearing of changes within seconds', async () => {
    const person = await makeUser(app.dataSource, 'APPROVER', null);
    const listen = (token: string) => {
      const seen: string[] = [];
      const client = createClient({ url: app.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
      client.subscribe({ query: `subscription { taskChanged { task { id } } }` }, { next: (v) => seen.push((v.data as any)?.taskChanged?.task?.id), error: () => undefined, complete: () => undefined });
      return { seen, client };
    };
    const theirs = listen(await signIn(app, person));
    const witness = listen(cast.tokens.manager);
    try {
      await new Promise((r) => setTimeout(r, 300));
      const before = await proposeTask(app, cast.tokens.leadStaff);
      await until(() => theirs.seen.includes(before.id));
      await app.gql(`mutation($id: ID!) { setUserActive(userId: $id, active: false) { active } }`, { id: person.id }, adminToken);
      await new Promise((r) => setTimeout(r, 5_500)); // the socket's check is remembered for up to 5 s
      const after = await proposeTask(app, cast.tokens.leadStaff);
      await until(() => witness.seen.includes(after.id));
      await new Promise((r) => setTimeout(r, 300));
      expect(theirs.seen).not.toContain(after.id);
    } finally {
      await Promise.all([theirs.client.dispose(), witness.client.dispose()]);
    }
  });

  it('an administrator cannot deactivate their own account', async () => {
    const res = await app.gql(`mutation($id: ID!) { setUserActive(userId: $id, active: false) { active } }`, { id: admin.id }, adminToken);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await app.gql(ME, {}, adminToken)).data!.me.id).toBe(admin.id);
  });

  it('resetting a password ends the person’s sign-ins; the new password works, the old one does not', async () => {
    const person = await makeUser(app.dataSource, 'INSPECTOR', null);
    const token = await signIn(app, person);
    const reset = await app.gql(`mutation($id: ID!) { resetPassword(userId: $id, password: "brand-new-secret") { id } }`, { id: person.id }, adminToken);
    expect(reset.errors).toBeUndefined();
    expect(codeOf(await app.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await app.gql(LOGIN, { e: person.email, p: TEST_PASSWORD }))).toBe('UNAUTHENTICATED');
    expect((await app.gql(LOGIN, { e: person.email, p: 'brand-new-secret' })).data!.login.user.id).toBe(person.id);
  });
});

describe('the audit trail', () => {
  const AUDIT = `query($filter: AuditFilter, $first: Int!, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) { hasMore endCursor entries { id at actorId actorEmail actorRole operation targetId arguments address requestId result message } }
  }`;

  it('records a mutation with who, what, from where, the request id sent back to the caller, and the result', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cast.tokens.leadStaff}`, 'x-request-id': 'req-audit-test-1' },
      body: JSON.stringify({ query: `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, variables: { input: { title: '<script>alert(1)</script> 任务' } } }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-audit-test-1');
    const taskId = ((await res.json()) as any).data.createTask.id;
    const log = await app.gql(AUDIT, { filter: { targetId: null, operation: 'createTask', actorId: cast.users.leadStaff.id }, first: 10 }, adminToken);
    const entry = log.data!.auditLog.entries.find((e: { requestId: string }) => e.requestId === 'req-audit-test-1');
    expect(entry).toMatchObject({
      actorId: cast.users.leadStaff.id,
      actorEmail: cast.users.leadStaff.email,
      actorRole: 'STAFF',
      operation: 'createTask',
      result: 'OK',
      arguments: { input: { title: '<script>alert(1)</script> 任务' } },
    });
    expect(entry.address).toMatch(/127\.0\.0\.1/);
    expect(taskId).toEqual(expect.any(String));
  });

  it('records refusals and failed sign-ins too, never with the password', async () => {
    await app.gql(LOGIN, { e: cast.users.manager.email, p: 'wrong password guess' });
    const task = await proposeTask(app, cast.tokens.leadStaff);
    await app.gql(`mutation($input: TransitionTaskInput!) { transitionTask(input: $input) { replayed } }`, { input: { taskId: task.id, event: 'SUBMIT', expectedVersion: task.version } }, cast.tokens.otherStaff);
    const failed = await app.gql(AUDIT, { filter: { result: 'FAILED' }, first: 50 }, adminToken);
    const entries = failed.data!.auditLog.entries;
    const login = entries.find((e: any) => e.operation === 'login' && e.actorEmail === cast.users.manager.email);
    expect(login).toMatchObject({ result: 'UNAUTHENTICATED', arguments: { password: '[redacted]' } });
    expect(JSON.stringify(entries)).not.toContain('wrong password guess');
    expect(entries.find((e: any) => e.operation === 'transitionTask' && e.targetId === task.id)).toMatchObject({ actorId: cast.users.otherStaff.id, result: 'FORBIDDEN' });
  });

  it('pages newest first', async () => {
    const first = await app.gql(AUDIT, { first: 2 }, adminToken);
    const page = first.data!.auditLog;
    expect(page.entries).toHaveLength(2);
    expect(page.hasMore).toBe(true);
    const next = await app.gql(AUDIT, { first: 2, after: page.endCursor }, adminToken);
    const ids = [...page.entries, ...next.data!.auditLog.entries].map((e: { id: string }) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(4);
  });

  it('cannot be changed or deleted by the app’s database role, nor by the table’s owner', async () => {
    await expect(app.dataSource.query(`UPDATE audit_entry SET result = 'OK'`)).rejects.toThrow(/permission denied/);
    await expect(app.dataSource.query(`DELETE FROM audit_entry`)).rejects.toThrow(/permission denied/);
    await expect(app.dataSource.query(`TRUNCATE audit_entry`)).rejects.toThrow(/permission denied/);
    await expect(app.asOwner(`UPDATE audit_entry SET result = 'OK'`)).rejects.toThrow(/append-only/);
    await expect(app.asOwner(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
    await expect(app.asOwner(`TRUNCATE audit_entry`)).rejects.toThrow(/append-only/);
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM audit_entry`);
    expect(count).toBeGreaterThan(0);
  });
});

describe('mutation rate limit', () => {
  it('stops a person after the per-minute limit with RATE_LIMITED, changing nothing; others carry on', async () => {
    const limited = await startTestApp({ mutationsPerMinute: 5 });
    try {
      const c = await makeCast(limited);
      for (let i = 0; i < 5; i++) await proposeTask(limited, c.tokens.leadStaff);
      const before = await databaseFingerprint(limited.dataSource);
      const over = await limited.gql(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input: { title: '第六个' } }, c.tokens.leadStaff);
      expect(over.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      expect(over.errors![0].message).toMatch(/Too many changes/);
      expect(await databaseFingerprint(limited.dataSource)).toEqual(before);
      expect((await limited.gql(ME, {}, c.tokens.leadStaff)).data!.me).toBeTruthy(); // reads are not limited
      await proposeTask(limited, c.tokens.otherStaff);
    } finally {
      await limited.close();
    }
  });
});

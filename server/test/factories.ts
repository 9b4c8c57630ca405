import type { Role } from '@workplan/shared';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../src/auth/password';
import { DepartmentEntity } from '../src/department/department.entity';
import { PlanEntity } from '../src/plan/plan.entity';
import { UserEntity } from '../src/user/user.entity';
import type { TestApp } from './test-app';

const unique = () => randomBytes(4).toString('hex');
let passwordHash: Promise<string> | undefined;

export async function makeDepartment(ds: DataSource, overrides: Partial<DepartmentEntity> = {}): Promise<DepartmentEntity> {
  const code = overrides.code ?? `d-${unique()}`;
  return ds.manager.save(ds.manager.create(DepartmentEntity, { code, name: `部门 ${code}`, level: 'province', parentId: null, ...overrides }));
}

export const TEST_PASSWORD = 'correct horse';

export async function makeUser(ds: DataSource, role: Role, departmentId: string | null, overrides: Partial<UserEntity> = {}): Promise<UserEntity> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return ds.manager.save(
    ds.manager.create(UserEntity, {
      email: `${role.toLowerCase()}-${unique()}@test.gov`,
      name: `${role} ${unique()}`,
      role,
      departmentId,
      passwordHash: await passwordHash,
      active: true,
      ...overrides,
    }),
  );
}

export async function makePlan(ds: DataSource, overrides: Partial<PlanEntity> = {}): Promise<PlanEntity> {
  return ds.manager.save(ds.manager.create(PlanEntity, { title: `方案 ${unique()}`, issuer: null, docNumber: null, issuedAt: null, ...overrides }));
}

/** Signs in through the API, as a client would. */
export async function signIn(app: TestApp, user: UserEntity): Promise<string> {
  const res = await app.gql<{ login: { token: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: user.email, p: TEST_PASSWORD },
  );
  if (!res.data?.login) throw new Error(`sign-in failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

/**
 * A cast for a workflow test: two departments, a staff member in each, and one person per other role,
 * all signed in.
 */
export async function makeCast(app: TestApp) {
  const ds = app.dataSource;
  const lead = await makeDepartment(ds);
  const other = await makeDepartment(ds);
  const users = {
    leadStaff: await makeUser(ds, 'STAFF', lead.id),
    otherStaff: await makeUser(ds, 'STAFF', other.id),
    coordinator: await makeUser(ds, 'COORDINATOR', other.id),
    approver: await makeUser(ds, 'APPROVER', null),
    inspector: await makeUser(ds, 'INSPECTOR', null),
    manager: await makeUser(ds, 'MANAGER', lead.id),
  };
  const tokens = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await signIn(app, u)]))) as Record<
    keyof typeof users,
    string
  >;
  return { lead, other, users, tokens };
}

export type Cast = Awaited<ReturnType<typeof makeCast>>;

export const TASK_FIELDS = `id code title stage subState version origin dueDate overdue availableEvents
  leadDepartment { id name } cooperatingDepartments { id name }
  history { event fromStage toStage toSubState comment version actor { name } role at }`;

export async function proposeTask(app: TestApp, token: string, input: Record<string, unknown> = {}) {
  const res = await app.gql(`mutation($input: CreateTaskInput!) { createTask(input: $input) { ${TASK_FIELDS} } }`, {
    input: { title: '推进工业企业技术改造', ...input },
  }, token);
  if (!res.data?.createTask) throw new Error(`createTask failed: ${JSON.stringify(res.errors)}`);
  return res.data.createTask as { id: string; version: number; stage: string; [k: string]: any };
}

export const TRANSITION = `mutation($input: TransitionTaskInput!) {
  transitionTask(input: $input) { replayed task { ${TASK_FIELDS} } transition { event fromStage toStage version comment } }
}`;

export async function transition(app: TestApp, token: string, input: { taskId: string; event: string; expectedVersion: number; comment?: string; idempotencyKey?: string }) {
  return app.gql(TRANSITION, { input }, token);
}

/** The lead department files this period's progress report (REQUEST_INSPECTION needs one). */
export async function fileReport(app: TestApp, token: string, taskId: string, extra: Record<string, unknown> = {}) {
  const res = await app.gql(
    `mutation($input: FileProgressReportInput!) { fileProgressReport(input: $input) { id period status late departmentName } }`,
    { input: { taskId, narrative: '已完成年度目标的六成，项目按计划推进', status: 'ON_TRACK', ...extra } },
    token,
  );
  if (!res.data?.fileProgressReport) throw new Error(`fileProgressReport failed: ${JSON.stringify(res.errors)}`);
  return res.data.fileProgressReport as { id: string; period: string; status: string; late: boolean };
}

export const FINDING_FIELDS = 'id status severity version availableEvents history { event fromStatus toStatus actorName comment } evidence { id fileName url }';

/** An inspector logs a finding on a task. */
export async function logFinding(app: TestApp, token: string, taskId: string, severity: 'MINOR' | 'MAJOR' = 'MINOR') {
  const res = await app.gql(
    `mutation($input: LogFindingInput!) { logFinding(input: $input) { ${FINDING_FIELDS} } }`,
    { input: { taskId, severity, description: '台账资料不完整，部分项目进度滞后', rectificationDeadline: '2030-06-30' } },
    token,
  );
  if (!res.data?.logFinding) throw new Error(`logFinding failed: ${JSON.stringify(res.errors)}`);
  return res.data.logFinding as { id: string; status: string; version: number; availableEvents: string[] };
}

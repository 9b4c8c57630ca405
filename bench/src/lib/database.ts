import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import {
  decideTransition,
  periodOf,
  persistTaskSnapshot,
  startTask,
  type Actor,
  type PersistedTaskSnapshot,
  type TaskEventType,
  type TaskSnapshot,
  type TaskStage,
} from '@workplan/shared';
import { ADMIN_DATABASE_URL, serverModule } from './env';

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A throwaway database `workplan_bench_<random>` on the bench server, with the app's schema (all migrations). */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `workplan_bench_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  const db: BenchDatabase = {
    name,
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: ADMIN_DATABASE_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
  try {
    await serverModule<{ migrateDatabase(url: string): Promise<string | undefined> }>('database/data-source.js').migrateDatabase(db.url);
  } catch (error) {
    await db.drop();
    throw error;
  }
  return db;
}

export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The order a task takes through the board, with who sends each event. */
const PATH: Array<{ event: TaskEventType; actor: Actor; comment?: string }> = [
  { event: 'SUBMIT', actor: { userId: 'u-staff', role: 'STAFF', departmentId: 'LEAD' } },
  { event: 'ACCEPT', actor: { userId: 'u-coord', role: 'COORDINATOR', departmentId: null } },
  { event: 'APPROVE', actor: { userId: 'u-appr', role: 'APPROVER', departmentId: null } },
  { event: 'REQUEST_INSPECTION', actor: { userId: 'u-staff', role: 'STAFF', departmentId: 'LEAD' } },
  { event: 'PASS', actor: { userId: 'u-insp', role: 'INSPECTOR', departmentId: null } },
  { event: 'ARCHIVE', actor: { userId: 'u-coord', role: 'COORDINATOR', departmentId: null } },
];

/**
 * Snapshots for every stage on the way (plus REJECTED), made by the shared machine itself: the
 * bulk insert copies them, with each task's own department patched into the context.
 */
export function stageSnapshots(): Map<TaskStage, { snapshot: PersistedTaskSnapshot; history: Array<{ event: string; stage: TaskStage; value: unknown }> }> {
  const out = new Map<TaskStage, { snapshot: PersistedTaskSnapshot; history: Array<{ event: string; stage: TaskStage; value: unknown }> }>();
  let snapshot: TaskSnapshot = startTask({ leadDepartmentId: 'LEAD', cooperatingDepartmentIds: [], origin: 'PROPOSED' });
  const history: Array<{ event: string; stage: TaskStage; value: unknown }> = [{ event: 'PROPOSE', stage: 'PROPOSAL', value: snapshot.value }];
  out.set('PROPOSAL', { snapshot: persistTaskSnapshot(snapshot), history: [...history] });
  const facts = { progressReports: 1, unverifiedFindings: 0, unverifiedMajorFindings: 0 };
  for (const step of PATH) {
    const decision = decideTransition(snapshot, { type: step.event, actor: step.actor, comment: step.comment ?? null, facts });
    if (!decision.ok) throw new Error(`seed path refused ${step.event}: ${decision.message}`);
    snapshot = decision.next;
    history.push({ event: step.event, stage: decision.toStage, value: snapshot.value });
    out.set(decision.toStage, { snapshot: persistTaskSnapshot(snapshot), history: [...history] });
  }
  // Rejected in review.
  const review = out.get('REVIEW')!;
  const rejected = decideTransition(review.snapshot, {
    type: 'REJECT',
    actor: { userId: 'u-coord', role: 'COORDINATOR', departmentId: null },
    comment: '不符合方案要求',
    facts,
  });
  if (!rejected.ok) throw new Error(rejected.message);
  out.set('REJECTED', { snapshot: persistTaskSnapshot(rejected.next), history: [...review.history, { event: 'REJECT', stage: 'REJECTED', value: rejected.next.value }] });
  return out;
}

/** How a department's tasks spread over stages: 20 buckets (18 on the board, 2 off it). */
const STAGE_BUCKETS: TaskStage[] = [
  'PROPOSAL', 'PROPOSAL', 'PROPOSAL',
  'REVIEW', 'REVIEW',
  'APPROVAL', 'APPROVAL',
  'IMPLEMENTATION', 'IMPLEMENTATION', 'IMPLEMENTATION', 'IMPLEMENTATION', 'IMPLEMENTATION', 'IMPLEMENTATION', 'IMPLEMENTATION',
  'INSPECTION', 'INSPECTION',
  'COMMENDATION', 'COMMENDATION',
  'ARCHIVED',
  'REJECTED',
];

export interface SeedOptions {
  tasks: number;
  departments: number;
  plans: number;
  /** Tasks moved into one plan of their own, for the browser benchmark. */
  browserPlanTasks: number;
}

export interface Seeded {
  departmentIds: string[];
  departmentCodes: string[];
  /** A department with 10 tasks per board column, for the plans of a small board in a big table. */
  smallDepartmentId: string;
  planIds: string[];
  browserPlanId: string;
  users: { coordinator: string; approver: string; manager: string; inspector: string };
  password: string;
  counts: Record<string, number>;
  seconds: Record<string, number>;
}

export const BENCH_PASSWORD = 'demo';

/**
 * Fills the database fast with set-based SQL (generate_series): departments, one staff account each
 * plus the other roles, plans, `tasks` tasks spread evenly over departments, plans and stages, with
 * cooperating departments, a consistent transition history, progress reports and open findings.
 */
export async function seed(url: string, options: SeedOptions): Promise<Seeded> {
  const seconds: Record<string, number> = {};
  const timed = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      seconds[label] = Math.round((performance.now() - t0) / 10) / 100;
    }
  };
  const { hashPassword } = serverModule<{ hashPassword(p: string): Promise<string> }>('auth/password.js');
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const snapshots = stageSnapshots();
  const bucketSnapshots = STAGE_BUCKETS.map((stage) => JSON.stringify(snapshots.get(stage)!.snapshot));
  const bucketStages = STAGE_BUCKETS;
  // History per bucket: events, stages and state values of each version 1..k.
  const historyEvents = STAGE_BUCKETS.map((s) => snapshots.get(s)!.history.map((h) => h.event));
  const maxSteps = Math.max(...historyEvents.map((h) => h.length));

  return withClient(url, async (db) => {
    await db.query('SET synchronous_commit = off'); // seeding only: durability of these rows does not matter
    // A bulk load: its history rows are not announced to live boards one by one (see the live-events migration).
    await db.query(`SET workplan.quiet_changes = 'on'`);
    const departmentCodes = Array.from({ length: options.departments }, (_, i) => `bench-d${i}`);
    const departmentIds: string[] = (
      await db.query(
        `INSERT INTO department (code, name, level) SELECT code, '基准单位 ' || code, 'province' FROM unnest($1::text[]) AS code RETURNING id, code`,
        [departmentCodes],
      )
    ).rows
      .sort((a: { code: string }, b: { code: string }) => departmentCodes.indexOf(a.code) - departmentCodes.indexOf(b.code))
      .map((r: { id: string }) => r.id);

    const users = {
      coordinator: 'coordinator@bench.gov',
      approver: 'approver@bench.gov',
      manager: 'manager@bench.gov',
      inspector: 'inspector@bench.gov',
    };
    await db.query(
      `INSERT INTO app_user (email, name, password_hash, role, department_id)
       VALUES ($1, '协调员', $5, 'COORDINATOR', NULL), ($2, '审批人', $5, 'APPROVER', NULL), ($3, '管理者', $5, 'MANAGER', NULL), ($4, '检查员', $5, 'INSPECTOR', NULL)`,
      [users.coordinator, users.approver, users.manager, users.inspector, passwordHash],
    );
    await db.query(
      `INSERT INTO app_user (email, name, password_hash, role, department_id)
       SELECT d.code || '@bench.gov', '经办人 ' || d.code, $1, 'STAFF', d.id FROM department d WHERE d.code LIKE 'bench-%'`,
      [passwordHash],
    );
    const planIds: string[] = (
      await db.query(`INSERT INTO plan (title, issuer) SELECT '基准方案 ' || n, '省政府' FROM generate_series(1, $1) AS n RETURNING id`, [options.plans])
    ).rows.map((r: { id: string }) => r.id);

    // i = n / departments walks the stage buckets; plans take blocks of 20 consecutive i, so every
    // department and every plan get every stage in the same proportions.
    await timed('tasks', () =>
      db.query(
        `INSERT INTO task (plan_id, code, sort_key, title, description, lead_department_id, due_date, origin, stage, snapshot, version, created_at, updated_at)
         SELECT ($3::uuid[])[1 + (g.i / 20) % $6],
                (1 + g.n / 1000) || '.' || (1 + g.n % 1000),
                lpad((1 + g.n / 1000)::text, 6, '0') || '.' || lpad((1 + g.n % 1000)::text, 6, '0'),
                '基准任务 ' || g.n || '：推进重点产业链补链强链项目建设',
                '围绕年度目标，细化分解任务，明确时间节点和责任分工，按季度报送进展情况，确保各项措施落地见效。',
                ($2::uuid[])[1 + g.n % $5],
                DATE '2025-01-01' + (g.n % 730),
                'PROPOSED',
                ($4::text[])[1 + g.i % 20],
                jsonb_set(jsonb_set(($1::jsonb[])[1 + g.i % 20], '{context,leadDepartmentId}', to_jsonb(($2::uuid[])[1 + g.n % $5]::text)),
                  '{context,cooperatingDepartmentIds}',
                  CASE WHEN g.n % 9 = 0 THEN jsonb_build_array(($2::uuid[])[1 + (g.n + 1) % $5]::text, ($2::uuid[])[1 + (g.n + 2) % $5]::text)
                       WHEN g.n % 3 = 0 THEN jsonb_build_array(($2::uuid[])[1 + (g.n + 1) % $5]::text)
                       ELSE '[]'::jsonb END),
                ($7::int[])[1 + g.i % 20],
                TIMESTAMPTZ '2025-03-01 09:00+08' + (g.n % 200) * interval '1 day',
                TIMESTAMPTZ '2025-03-01 09:00+08' + (g.n % 200) * interval '1 day'
           FROM (SELECT n, n / $5 AS i FROM generate_series(0, $8 - 1) AS n) AS g`,
        [
          bucketSnapshots,
          departmentIds,
          planIds,
          bucketStages,
          options.departments,
          options.plans,
          historyEvents.map((h) => h.length),
          options.tasks,
        ],
      ),
    );
    await timed('cooperating', () =>
      db.query(`
        INSERT INTO task_cooperating_department (task_id, department_id, position)
        SELECT t.id, c.value::uuid, c.ordinality - 1
          FROM task t, jsonb_array_elements_text(t.snapshot->'context'->'cooperatingDepartmentIds') WITH ORDINALITY AS c`),
    );

    // History: version 1..k along the task's path, one day apart, with the machine's state values.
    const stepEvents: string[][] = historyEvents.map((h) => [...h, ...Array(maxSteps - h.length).fill('')]);
    const stepStages: string[][] = STAGE_BUCKETS.map((s) => {
      const h = snapshots.get(s)!.history.map((x) => x.stage as string);
      return [...h, ...Array(maxSteps - h.length).fill('')];
    });
    const stepValues: string[][] = STAGE_BUCKETS.map((s) => {
      const h = snapshots.get(s)!.history.map((x) => JSON.stringify(x.value));
      return [...h, ...Array(maxSteps - h.length).fill('null')];
    });
    const [{ id: staffActor }] = (await db.query(`SELECT id FROM app_user WHERE role = 'COORDINATOR' LIMIT 1`)).rows;
    await timed('history', () =>
      db.query(
        `INSERT INTO task_transition (task_id, event, from_stage, to_stage, from_state, to_state, actor_id, actor_role, comment, version, at)
         SELECT t.id, ($1::text[][])[b.bucket][v], CASE WHEN v > 1 THEN ($2::text[][])[b.bucket][v - 1] END, ($2::text[][])[b.bucket][v],
                CASE WHEN v > 1 THEN ($3::text[][])[b.bucket][v - 1]::jsonb END, ($3::text[][])[b.bucket][v]::jsonb,
                $4::uuid, 'COORDINATOR', CASE WHEN ($1::text[][])[b.bucket][v] = 'REJECT' THEN '不符合方案要求' END, v,
                t.created_at + (v - 1) * interval '1 day'
           FROM task t
           CROSS JOIN LATERAL (SELECT array_position($5::text[], t.stage::text) AS bucket) AS b
           CROSS JOIN LATERAL generate_series(1, t.version) AS v`,
        [stepEvents, stepStages, stepValues, staffActor, STAGE_BUCKETS],
      ),
    );

    // A progress report on half of the tasks that have reached implementation, an open finding on a fifth of those in inspection.
    const period = periodOf('2025-08-15', 'QUARTER');
    await timed('reports', () =>
      db.query(
        `INSERT INTO progress_report (task_id, department_id, period, narrative, status, submitted_by, submitted_at)
         SELECT t.id, t.lead_department_id, $1, '已完成年度目标的六成，项目按计划推进', 'ON_TRACK', u.id, TIMESTAMPTZ '2025-10-03 10:00+08'
           FROM task t JOIN app_user u ON u.department_id = t.lead_department_id AND u.role = 'STAFF'
          WHERE t.stage IN ('IMPLEMENTATION', 'INSPECTION', 'COMMENDATION', 'ARCHIVED') AND get_byte(uuid_send(t.id), 0) % 2 = 0`,
        [period],
      ),
    );
    await timed('findings', () =>
      db.query(`
        INSERT INTO finding (task_id, severity, description, rectification_deadline, status, created_by)
        SELECT t.id, 'MINOR', '台账资料不完整，部分项目进度滞后', DATE '2026-06-30', 'OPEN', (SELECT id FROM app_user WHERE role = 'INSPECTOR' LIMIT 1)
          FROM task t WHERE t.stage = 'INSPECTION' AND get_byte(uuid_send(t.id), 0) % 5 = 0`),
    );

    // The browser's plan: board-stage tasks of the last plan, renumbered 1.1, 1.2, … in their old order.
    const [{ id: browserPlanId }] = (await db.query(`INSERT INTO plan (title, issuer) VALUES ('浏览器基准方案', '省政府') RETURNING id`)).rows;
    await timed('browserPlan', () =>
      db.query(
        `WITH picked AS (
           SELECT id, row_number() OVER (ORDER BY sort_key, id) AS rn FROM task
            WHERE plan_id = $2 AND stage IN ('PROPOSAL','REVIEW','APPROVAL','IMPLEMENTATION','INSPECTION','COMMENDATION')
            ORDER BY sort_key, id LIMIT $3)
         UPDATE task t SET plan_id = $1, code = '1.' || p.rn, sort_key = '000001.' || lpad(p.rn::text, 6, '0')
           FROM picked p WHERE p.id = t.id`,
        [browserPlanId, planIds[planIds.length - 1], options.browserPlanTasks],
      ),
    );
    // A small department among the big ones: 10 tasks in each board column (taken from the last department).
    const [{ id: smallDepartmentId }] = (await db.query(`INSERT INTO department (code, name, level) VALUES ('bench-small', '基准小单位', 'province') RETURNING id`)).rows;
    await db.query(
      `WITH picked AS (
         SELECT id, row_number() OVER (PARTITION BY stage ORDER BY id) AS rn FROM task
          WHERE lead_department_id = $2 AND plan_id <> $3 AND stage IN ('PROPOSAL','REVIEW','APPROVAL','IMPLEMENTATION','INSPECTION','COMMENDATION')
            AND NOT EXISTS (SELECT 1 FROM task_cooperating_department c WHERE c.task_id = task.id))
       UPDATE task t SET lead_department_id = $1::uuid, snapshot = jsonb_set(t.snapshot, '{context,leadDepartmentId}', to_jsonb($1::uuid::text))
         FROM picked p WHERE p.id = t.id AND p.rn <= 10`,
      [smallDepartmentId, departmentIds[departmentIds.length - 1], browserPlanId],
    );
    await db.query(`UPDATE progress_report r SET department_id = t.lead_department_id FROM task t WHERE t.id = r.task_id AND r.department_id <> t.lead_department_id`);
    await db.query(`INSERT INTO app_user (email, name, password_hash, role, department_id) VALUES ('bench-small@bench.gov', '经办人 small', $1, 'STAFF', $2)`, [passwordHash, smallDepartmentId]);
    await timed('analyze', () => db.query('VACUUM ANALYZE'));
    const counts: Record<string, number> = {};
    for (const table of ['task', 'task_transition', 'task_cooperating_department', 'progress_report', 'finding', 'app_user', 'department', 'plan']) {
      counts[table] = Number((await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);
    }
    return { departmentIds, departmentCodes, smallDepartmentId, planIds, browserPlanId, users, password: BENCH_PASSWORD, counts, seconds };
  });
}

/**
 * Tasks in REVIEW to move back and forth, `count` of them, none in the browser's plan and none
 * handed out before (`exclude`), optionally of one department.
 */
export async function reviewTasks(url: string, count: number, options: { departmentId?: string; notDepartmentId?: string; exclude?: string[]; notPlanId: string }): Promise<Array<{ id: string; version: number }>> {
  return withClient(url, async (db) => {
    const rows = await db.query(
      `SELECT id, version FROM task
        WHERE stage = 'REVIEW' AND plan_id <> $1
          AND ($2::uuid IS NULL OR lead_department_id = $2) AND ($3::uuid IS NULL OR lead_department_id <> $3)
          AND NOT (id = ANY($4::uuid[]))
        ORDER BY id LIMIT $5`,
      [options.notPlanId, options.departmentId ?? null, options.notDepartmentId ?? null, options.exclude ?? [], count],
    );
    if (rows.rows.length < count) throw new Error(`only ${rows.rows.length} tasks in REVIEW to hand out, wanted ${count}`);
    return rows.rows as Array<{ id: string; version: number }>;
  });
}

import { createHash } from 'node:crypto';
import { workflowState } from './db-state';
import { fileReport, logFinding, makeCast, proposeTask, transition, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';

type Who = keyof Cast['tokens'];
const EVERYONE: Who[] = ['leadStaff', 'otherStaff', 'coordinator', 'approver', 'inspector', 'manager'];

let app: TestApp;
let cast: Cast;

beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

describe('transitionTask: who may move a task, end to end on PostgreSQL', () => {
  it('walks a proposal to the archive; at every step each other role is refused and nothing changes', async () => {
    let task = await proposeTask(app, cast.tokens.leadStaff);
    expect(task).toMatchObject({ stage: 'PROPOSAL', version: 1, origin: 'PROPOSED' });

    // [event, who does it, who else may, stage after]
    const steps: Array<[string, Who, Who[], string]> = [
      ['SUBMIT', 'leadStaff', [], 'REVIEW'],
      ['ACCEPT', 'coordinator', [], 'APPROVAL'],
      ['APPROVE', 'approver', [], 'IMPLEMENTATION'],
      ['REQUEST_INSPECTION', 'leadStaff', ['coordinator'], 'INSPECTION'],
      ['REQUIRE_RECTIFICATION', 'inspector', [], 'IMPLEMENTATION'],
      ['REQUEST_INSPECTION', 'coordinator', ['leadStaff'], 'INSPECTION'],
      ['PASS', 'inspector', [], 'COMMENDATION'],
      ['WARN', 'approver', ['coordinator'], 'COMMENDATION'],
      ['ARCHIVE', 'coordinator', [], 'ARCHIVED'],
    ];
    for (const [event, allowed, alsoAllowed, toStage] of steps) {
      // The record each step's precondition needs: a progress report, then a finding to rectify.
      if (event === 'REQUEST_INSPECTION' && task.stage === 'IMPLEMENTATION' && toStage === 'INSPECTION' && allowed === 'leadStaff') await fileReport(app, cast.tokens.leadStaff, task.id);
      if (event === 'REQUIRE_RECTIFICATION') await logFinding(app, cast.tokens.inspector, task.id);
      const before = await workflowState(app.dataSource);
      for (const who of EVERYONE.filter((w) => w !== allowed && !alsoAllowed.includes(w))) {
        const res = await transition(app, cast.tokens[who], { taskId: task.id, event, expectedVersion: task.version, comment: '理由' });
        expect({ event, who, code: res.errors?.[0]?.extensions?.code }).toEqual({ event, who, code: 'FORBIDDEN' });
        expect(res.data).toBeNull();
      }
      expect(await workflowState(app.dataSource)).toEqual(before);

      const res = await transition(app, cast.tokens[allowed], { taskId: task.id, event, expectedVersion: task.version, comment: '理由' });
      expect(res.errors).toBeUndefined();
      task = res.data!.transitionTask.task;
      expect({ event, stage: task.stage }).toEqual({ event, stage: toStage });
    }
    expect(task.subState).toBeNull();
    expect(task.availableEvents).toEqual([]);
  });

  it('an event the stage does not take is TRANSITION_NOT_ALLOWED, with a readable message', async () => {
    const task = await proposeTask(app, cast.tokens.leadStaff);
    const before = await workflowState(app.dataSource);
    const res = await transition(app, cast.tokens.approver, { taskId: task.id, event: 'APPROVE', expectedVersion: 1 });
    expect(res.errors?.[0]).toMatchObject({
      message: 'APPROVE is not possible while the task is in PROPOSAL',
      extensions: { code: 'TRANSITION_NOT_ALLOWED', stage: 'PROPOSAL' },
    });
    expect(await workflowState(app.dataSource)).toEqual(before);
  });

  it('RETURN without a comment is BAD_USER_INPUT; with one it goes back a step and the comment is kept verbatim', async () => {
    const task = await proposeTask(app, cast.tokens.leadStaff);
    const submitted = (await transition(app, cast.tokens.leadStaff, { taskId: task.id, event: 'SUBMIT', expectedVersion: 1 })).data!.transitionTask.task;
    const before = await workflowState(app.dataSource);
    const blank = await transition(app, cast.tokens.coordinator, { taskId: task.id, event: 'RETURN', expectedVersion: submitted.version, comment: '   ' });
    expect(blank.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await workflowState(app.dataSource)).toEqual(before);

    const comment = `请补充"量化指标" <b>& 完成时限</b>; DROP TABLE task; --`;
    const returned = await transition(app, cast.tokens.coordinator, { taskId: task.id, event: 'RETURN', expectedVersion: submitted.version, comment });
    expect(returned.data!.transitionTask.task.stage).toBe('PROPOSAL');
    expect(returned.data!.transitionTask.task.history.at(-1)).toMatchObject({ event: 'RETURN', fromStage: 'REVIEW', toStage: 'PROPOSAL', comment });
  });

  it('staff of another department cannot act on the task, and do not see its moves as available', async () => {
    const task = await proposeTask(app, cast.tokens.leadStaff);
    const res = await app.gql(`query($id: ID!) { task(id: $id) { availableEvents } }`, { id: task.id }, cast.tokens.otherStaff);
    expect(res.data!.task.availableEvents).toEqual([]);
    const mine = await app.gql(`query($id: ID!) { task(id: $id) { availableEvents availableMoves { event toStage needsComment } } }`, { id: task.id }, cast.tokens.leadStaff);
    expect(mine.data!.task).toEqual({
      availableEvents: ['SUBMIT', 'WITHDRAW'],
      availableMoves: [
        { event: 'SUBMIT', toStage: 'REVIEW', needsComment: false },
        { event: 'WITHDRAW', toStage: 'WITHDRAWN', needsComment: false },
      ],
    });
  });
});

describe('versions and retries', () => {
  it('a stale expectedVersion gets VERSION_CONFLICT and writes nothing', async () => {
    const task = await proposeTask(app, cast.tokens.leadStaff);
    await transition(app, cast.tokens.leadStaff, { taskId: task.id, event: 'SUBMIT', expectedVersion: 1 });
    const before = await workflowState(app.dataSource);
    const res = await transition(app, cast.tokens.coordinator, { taskId: task.id, event: 'ACCEPT', expectedVersion: 1 });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VERSION_CONFLICT', expectedVersion: 1, currentVersion: 2 });
    expect(res.errors?.[0]?.message).toMatch(/reload/);
    expect(await workflowState(app.dataSource)).toEqual(before);
  });

  it('20 concurrent conflicting transitions on one task: exactly one succeeds, the rest are VERSION_CONFLICT', async () => {
    const task = await proposeTask(app, cast.tokens.leadStaff);
    await transition(app, cast.tokens.leadStaff, { taskId: task.id, event: 'SUBMIT', expectedVersion: 1 });
    // Coordinators racing each other: half accept, half return, all from version 2.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        transition(app, cast.tokens.coordinator, { taskId: task.id, event: i % 2 ? 'ACCEPT' : 'RETURN', expectedVersion: 2, comment: `racer ${i}` }),
      ),
    );
    const ok = results.filter((r) => r.data?.transitionTask);
    const conflicts = results.filter((r) => r.errors?.[0]?.extensions?.code === 'VERSION_CONFLICT');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    const rows = await app.dataSource.query(`SELECT event, version FROM task_transition WHERE task_id = $1 ORDER BY id`, [task.id]);
    expect(rows.map((r: { version: number }) => r.version)).toEqual([1, 2, 3]);
    expect(rows[2].event).toBe(ok[0].data!.transitionTask.transition.event);
  });

  it('a retried idempotency key returns the first result and writes one transition, even when retries race', async () => {
    const task = await proposeTask(app, cast.tokens.leadStaff);
    const idempotencyKey = createHash('sha1').update(task.id).digest('hex');
    const input = { taskId: task.id, event: 'SUBMIT', expectedVersion: 1, idempotencyKey };
    const first = await transition(app, cast.tokens.leadStaff, input);
    expect(first.data!.transitionTask).toMatchObject({ replayed: false, task: { stage: 'REVIEW', version: 2 } });
    const retries = await Promise.all(Array.from({ length: 5 }, () => transition(app, cast.tokens.leadStaff, input)));
    for (const retry of retries) {
      expect(retry.errors).toBeUndefined();
      expect(retry.data!.transitionTask).toMatchObject({ replayed: true, task: { stage: 'REVIEW', version: 2 }, transition: first.data!.transitionTask.transition });
    }
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM task_transition WHERE task_id = $1 AND event = 'SUBMIT'`, [task.id]);
    expect(count).toBe(1);

    const other = await proposeTask(app, cast.tokens.leadStaff);
    const reused = await transition(app, cast.tokens.leadStaff, { ...input, taskId: other.id });
    expect(reused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('concurrent first attempts with one idempotency key: one write, every caller gets the same answer', async () => {
    const task = await proposeTask(app, cast.tokens.leadStaff);
    const input = { taskId: task.id, event: 'SUBMIT', expectedVersion: 1, idempotencyKey: `race-${task.id}` };
    const results = await Promise.all(Array.from({ length: 10 }, () => transition(app, cast.tokens.leadStaff, input)));
    expect(results.every((r) => r.data?.transitionTask.task.version === 2)).toBe(true);
    expect(results.filter((r) => r.data?.transitionTask.replayed === false)).toHaveLength(1);
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM task_transition WHERE task_id = $1`, [task.id]);
    expect(count).toBe(2);
  });
});

describe('history', () => {
  it('is complete and ordered: creation first, then every move with who, what and why', async () => {
    const task = await proposeTask(app, cast.tokens.leadStaff);
    let version = 1;
    for (const [event, who, comment] of [
      ['SUBMIT', 'leadStaff', undefined],
      ['RETURN', 'coordinator', '目标不够具体'],
      ['SUBMIT', 'leadStaff', undefined],
      ['ACCEPT', 'coordinator', undefined],
      ['RETURN', 'approver', '请与财政厅会商'],
      ['ACCEPT', 'coordinator', undefined],
      ['APPROVE', 'approver', undefined],
    ] as Array<[string, Who, string | undefined]>) {
      const res = await transition(app, cast.tokens[who], { taskId: task.id, event, expectedVersion: version, comment });
      expect(res.errors).toBeUndefined();
      version = res.data!.transitionTask.task.version;
    }
    const res = await app.gql(`query($id: ID!) { task(id: $id) { version history { event fromStage toStage comment version role actor { name } at } } }`, { id: task.id }, cast.tokens.manager);
    const history = res.data!.task.history as Array<{ event: string; fromStage: string | null; toStage: string; version: number; at: string; role: string; actor: { name: string }; comment: string | null }>;
    expect(history.map((h) => `${h.event}:${h.fromStage ?? '-'}→${h.toStage}`)).toEqual([
      'PROPOSE:-→PROPOSAL',
      'SUBMIT:PROPOSAL→REVIEW',
      'RETURN:REVIEW→PROPOSAL',
      'SUBMIT:PROPOSAL→REVIEW',
      'ACCEPT:REVIEW→APPROVAL',
      'RETURN:APPROVAL→REVIEW',
      'ACCEPT:REVIEW→APPROVAL',
      'APPROVE:APPROVAL→IMPLEMENTATION',
    ]);
    expect(history.map((h) => h.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(res.data!.task.version).toBe(8);
    const times = history.map((h) => Date.parse(h.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(history[5]).toMatchObject({ role: 'APPROVER', actor: { name: cast.users.approver.name }, comment: '请与财政厅会商' });
  });

  it('the database refuses to change or delete history', async () => {
    const task = await proposeTask(app, cast.tokens.leadStaff);
    await expect(app.dataSource.query(`UPDATE task_transition SET comment = 'forged' WHERE task_id = $1`, [task.id])).rejects.toThrow(/append-only|permission denied/);
    await expect(app.dataSource.query(`DELETE FROM task_transition WHERE task_id = $1`, [task.id])).rejects.toThrow(/append-only|permission denied/);
  });
});

import { todayIn } from '@workplan/shared';
import { Client } from 'pg';
import type { UserEntity } from '../src/user/user.entity';
import { databaseFingerprint } from './db-state';
import { fileReport, makeCast, makePlan, makeUser, signIn, transition, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';

const TODAY = todayIn();
const ISSUE = `mutation($input: IssueInstructionInput!) {
  issueInstruction(input: $input) { id number issuedOn content tone reopenedTask createdBy { name } answer answeredAt mayAnswer taskCode }
}`;
const ANSWER = `mutation($id: ID!, $content: String!) { answerInstruction(instructionId: $id, content: $content) { id answer answeredBy { name } answeredAt } }`;
const INSTRUCTIONS = `query($id: ID!) { instructions(taskId: $id) { id number answer mayAnswer reopenedTask } }`;
const UNANSWERED = `{ unansweredInstructions { id taskId number } }`;
const TASK = `query($id: ID!) { task(id: $id) { id stage subState version outcome followedByMe history { event fromStage toStage toSubState comment actor { name } role } } }`;

describe('leader instructions (领导批示), following (关注) and remarks (批注)', () => {
  let app: TestApp;
  let cast: Cast;
  let leader: UserEntity; // the lead unit's leader (单位负责人)
  let leaderToken: string;
  let planId: string;

  beforeAll(async () => {
    app = await startTestApp();
    cast = await makeCast(app);
    leader = await makeUser(app.dataSource, 'STAFF', cast.lead.id, { departmentLeader: true });
    leaderToken = await signIn(app, leader);
    // OWN: other departments' staff see nothing of the lead unit's tasks.
    planId = (await makePlan(app.dataSource, { taskVisibility: 'OWN' })).id;
  });
  afterAll(() => app.close());

  const gql = async (query: string, variables: Record<string, unknown>, token: string) => app.gql(query, variables, token);
  const must = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await gql(query, variables, token);
    if (res.errors?.length || !res.data) throw new Error(JSON.stringify(res.errors));
    return res.data as Record<string, any>;
  };
  const assign = async (title = '推进工业企业技术改造') =>
    (await must(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id version } }`, { input: { title, origin: 'ASSIGNED', leadDepartmentId: cast.lead.id, planId } }, cast.tokens.coordinator))
      .createTask as { id: string; version: number };
  const task = async (id: string, token = cast.tokens.coordinator) => (await must(TASK, { id }, token)).task;
  const move = async (id: string, event: string, token: string, comment?: string) => {
    const current = await task(id);
    const res = await transition(app, token, { taskId: id, event, expectedVersion: current.version, comment });
    if (!res.data?.transitionTask) throw new Error(JSON.stringify(res.errors));
  };
  /** A task whose inspection passed and that was commended: finished work. */
  const finished = async () => {
    const t = await assign('已办结事项');
    await fileReport(app, cast.tokens.leadStaff, t.id);
    await move(t.id, 'REQUEST_INSPECTION', cast.tokens.leadStaff);
    await move(t.id, 'PASS', cast.tokens.inspector);
    await move(t.id, 'COMMEND', cast.tokens.approver);
    return t.id;
  };
  const notices = async (user: UserEntity, kind: string, taskId: string) =>
    app.asOwner(`SELECT params FROM notification WHERE user_id = $1 AND kind = $2 AND task_id = $3`, [user.id, kind, taskId]);
  const draft = (taskId: string, extra: Record<string, unknown> = {}) => ({ taskId, number: '省领导批示〔2026〕12号', issuedOn: TODAY, content: '请抓紧推进，按期完成。', tone: 'DIRECTIVE', ...extra });

  it('an instruction on a running task tells the lead unit, its leader and the coordinators, and waits for an answer', async () => {
    const t = await assign();
    const before = await task(t.id);
    const issued = (await must(ISSUE, { input: draft(t.id) }, cast.tokens.approver)).issueInstruction;
    expect(issued).toMatchObject({ number: '省领导批示〔2026〕12号', issuedOn: TODAY, tone: 'DIRECTIVE', reopenedTask: false, answer: null, answeredAt: null, mayAnswer: false, createdBy: { name: cast.users.approver.name } });
    // Running work is not moved by an instruction.
    expect(await task(t.id)).toMatchObject({ stage: 'IMPLEMENTATION', version: before.version });

    for (const person of [cast.users.leadStaff, leader, cast.users.coordinator]) {
      expect(await notices(person, 'INSTRUCTION_ISSUED', t.id)).toEqual([{ params: expect.objectContaining({ number: issued.number, by: cast.users.approver.name, reopened: 0 }) }]);
    }
    for (const person of [cast.users.otherStaff, cast.users.manager, cast.users.inspector]) expect(await notices(person, 'INSTRUCTION_ISSUED', t.id)).toEqual([]);

    // Visible on the task, answerable by the lead unit only.
    expect((await must(INSTRUCTIONS, { id: t.id }, cast.tokens.leadStaff)).instructions).toEqual([{ id: issued.id, number: issued.number, answer: null, mayAnswer: true, reopenedTask: false }]);
    expect((await must(INSTRUCTIONS, { id: t.id }, cast.tokens.manager)).instructions[0].mayAnswer).toBe(false);
    expect((await gql(INSTRUCTIONS, { id: t.id }, cast.tokens.otherStaff)).errors![0].extensions!.code).toBe('FORBIDDEN');

    // In the lists: the lead unit's, the issuer's and the office's, nobody else's.
    const listed = async (token: string) => (await must(UNANSWERED, {}, token)).unansweredInstructions.map((i: { id: string }) => i.id);
    expect(await listed(cast.tokens.leadStaff)).toContain(issued.id);
    expect(await listed(leaderToken)).toContain(issued.id);
    expect(await listed(cast.tokens.approver)).toContain(issued.id);
    expect(await listed(cast.tokens.coordinator)).toContain(issued.id);
    expect(await listed(cast.tokens.otherStaff)).not.toContain(issued.id);
    expect(await listed(cast.tokens.manager)).not.toContain(issued.id);
  });

  it('the lead unit answers once and the leader hears of it; another unit may not answer', async () => {
    const t = await assign();
    const issued = (await must(ISSUE, { input: draft(t.id, { number: '2026-7' }) }, cast.tokens.manager)).issueInstruction;

    const before = await databaseFingerprint(app.dataSource);
    const refused = await gql(ANSWER, { id: issued.id, content: '我单位已落实' }, cast.tokens.otherStaff);
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await gql(ANSWER, { id: issued.id, content: '收到' }, cast.tokens.coordinator)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await gql(ANSWER, { id: issued.id, content: '   ' }, cast.tokens.leadStaff)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content' });
    expect(await databaseFingerprint(app.dataSource)).toEqual(before);

    const answered = (await must(ANSWER, { id: issued.id, content: '已召开专题会部署，月底前完成' }, leaderToken)).answerInstruction;
    expect(answered).toMatchObject({ answer: '已召开专题会部署，月底前完成', answeredBy: { name: leader.name }, answeredAt: expect.any(String) });
    expect(await notices(cast.users.manager, 'INSTRUCTION_ANSWERED', t.id)).toEqual([{ params: expect.objectContaining({ number: '2026-7', by: leader.name }) }]);

    // The answer stands as sent.
    const again = await gql(ANSWER, { id: issued.id, content: '改一下' }, cast.tokens.leadStaff);
    expect(again.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'instructionId' });
    expect((await must(INSTRUCTIONS, { id: t.id }, cast.tokens.leadStaff)).instructions[0]).toMatchObject({ answer: '已召开专题会部署，月底前完成', mayAnswer: false });
    expect((await must(UNANSWERED, {}, cast.tokens.manager)).unansweredInstructions.map((i: { id: string }) => i.id)).not.toContain(issued.id);
  });

  it('bad drafts and forbidden actors change nothing', async () => {
    const t = await assign();
    await must(ISSUE, { input: draft(t.id, { number: 'A-1' }) }, cast.tokens.approver);
    const before = await databaseFingerprint(app.dataSource);
    const tomorrow = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const cases: Array<[Record<string, unknown>, string, string, string?]> = [
      [draft(t.id, { number: 'A-1' }), cast.tokens.manager, 'BAD_USER_INPUT', 'number'], // the number is taken on this task
      [draft(t.id, { number: 'A-2', issuedOn: tomorrow }), cast.tokens.approver, 'BAD_USER_INPUT', 'issuedOn'],
      [draft(t.id, { number: ' ' }), cast.tokens.approver, 'BAD_USER_INPUT', 'number'],
      [draft(t.id, { number: 'A-3', content: '' }), cast.tokens.approver, 'BAD_USER_INPUT', 'content'],
      [draft(t.id, { number: 'A-4' }), cast.tokens.coordinator, 'FORBIDDEN'],
      [draft(t.id, { number: 'A-5' }), cast.tokens.leadStaff, 'FORBIDDEN'],
      [draft(t.id, { number: 'A-6' }), cast.tokens.inspector, 'FORBIDDEN'],
      [draft('00000000-0000-4000-8000-000000000000', { number: 'A-7' }), cast.tokens.approver, 'NOT_FOUND'],
    ];
    for (const [input, token, code, field] of cases) {
      const res = await gql(ISSUE, { input }, token);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    }
    expect(await databaseFingerprint(app.dataSource)).toEqual(before);
  });

  it('an instruction on finished work reopens it to implementation, in one transaction, and the history says who and why', async () => {
    const id = await finished();
    const done = await task(id);
    expect(done).toMatchObject({ stage: 'COMMENDATION', subState: 'COMMENDED', outcome: 'COMMENDED' });

    // REOPEN is not a move anyone makes on the board.
    const direct = await transition(app, cast.tokens.approver, { taskId: id, event: 'REOPEN', expectedVersion: done.version, comment: '重新办理' });
    expect(direct.errors![0].extensions!.code).toBe('TRANSITION_NOT_ALLOWED');

    const issued = (await must(ISSUE, { input: draft(id, { number: '表扬-3', tone: 'POSITIVE', content: '成效明显，请总结经验后在全省推广' }) }, cast.tokens.manager)).issueInstruction;
    expect(issued.reopenedTask).toBe(true);
    const reopened = await task(id);
    expect(reopened).toMatchObject({ stage: 'IMPLEMENTATION', subState: 'IN_PROGRESS', outcome: null, version: done.version + 1 });
    expect(reopened.history.at(-1)).toEqual({
      event: 'REOPEN',
      fromStage: 'COMMENDATION',
      toStage: 'IMPLEMENTATION',
      toSubState: 'IN_PROGRESS',
      comment: '领导批示 表扬-3：成效明显，请总结经验后在全省推广',
      actor: { name: cast.users.manager.name },
      role: 'MANAGER',
    });
    expect(await notices(cast.users.leadStaff, 'INSTRUCTION_ISSUED', id)).toEqual([{ params: expect.objectContaining({ reopened: 1 }) }]);

    // A refused reopen (a duplicate number) leaves both the task and the instructions as they were.
    await move(id, 'REQUEST_INSPECTION', cast.tokens.leadStaff);
    await move(id, 'PASS', cast.tokens.inspector);
    const before = await databaseFingerprint(app.dataSource);
    expect((await gql(ISSUE, { input: draft(id, { number: '表扬-3' }) }, cast.tokens.approver)).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await databaseFingerprint(app.dataSource)).toEqual(before);
  });

  it('an archived task is closed: an instruction is refused and nothing is written', async () => {
    const id = await finished();
    await move(id, 'ARCHIVE', cast.tokens.coordinator);
    const before = await databaseFingerprint(app.dataSource);
    const res = await gql(ISSUE, { input: draft(id) }, cast.tokens.approver);
    expect(res.errors![0].extensions).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', stage: 'ARCHIVED' });
    expect(await databaseFingerprint(app.dataSource)).toEqual(before);
  });

  it('followers hear of a change of stage, in the move’s transaction; unfollowed, they hear nothing more', async () => {
    const t = await assign('重点关注事项');
    const FOLLOW = `mutation($id: ID!) { followTask(taskId: $id) { id followedByMe } }`;
    expect((await must(FOLLOW, { id: t.id }, cast.tokens.approver)).followTask).toEqual({ id: t.id, followedByMe: true });
    expect((await must(FOLLOW, { id: t.id }, cast.tokens.approver)).followTask.followedByMe).toBe(true); // twice is once
    await must(FOLLOW, { id: t.id }, cast.tokens.coordinator);
    expect((await task(t.id, cast.tokens.manager)).followedByMe).toBe(false);
    expect((await must(`{ followedTasks { id stage } }`, {}, cast.tokens.approver)).followedTasks[0]).toEqual({ id: t.id, stage: 'IMPLEMENTATION' });
    expect((await gql(FOLLOW, { id: t.id }, cast.tokens.leadStaff)).errors![0].extensions!.code).toBe('FORBIDDEN');

    await fileReport(app, cast.tokens.leadStaff, t.id);
    await move(t.id, 'REQUEST_INSPECTION', cast.tokens.leadStaff);
    expect(await notices(cast.users.approver, 'FOLLOWED_TASK_MOVED', t.id)).toEqual([{ params: expect.objectContaining({ from: 'IMPLEMENTATION', to: 'INSPECTION', by: cast.users.leadStaff.name }) }]);
    // The coordinator follows too, but made the next move: no notice to oneself.
    await must(`mutation($input: LogFindingInput!) { logFinding(input: $input) { id } }`, { input: { taskId: t.id, severity: 'MINOR', description: '台账不全' } }, cast.tokens.inspector);
    await move(t.id, 'REQUIRE_RECTIFICATION', cast.tokens.inspector, '补齐台账');
    expect(await notices(cast.users.coordinator, 'FOLLOWED_TASK_MOVED', t.id)).toHaveLength(2);

    expect((await must(`mutation($id: ID!) { unfollowTask(taskId: $id) { followedByMe } }`, { id: t.id }, cast.tokens.approver)).unfollowTask.followedByMe).toBe(false);
    await move(t.id, 'REQUEST_INSPECTION', cast.tokens.coordinator);
    expect(await notices(cast.users.approver, 'FOLLOWED_TASK_MOVED', t.id)).toHaveLength(2);
    expect(await notices(cast.users.coordinator, 'FOLLOWED_TASK_MOVED', t.id)).toHaveLength(2); // its own move
    expect((await must(`{ followedTasks { id } }`, {}, cast.tokens.approver)).followedTasks).toEqual([]);
  });

  it('Task.followedByMe on a whole board costs one query', async () => {
    for (let i = 0; i < 5; i++) await must(`mutation($id: ID!) { followTask(taskId: $id) { id } }`, { id: (await assign(`看板关注 ${i}`)).id }, cast.tokens.manager);
    const texts: string[] = [];
    const original = Client.prototype.query;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const config = args[0] as string | { text?: string };
      texts.push(typeof config === 'string' ? config : (config?.text ?? '?'));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
    let board: any;
    try {
      board = await must(`query($p: ID) { board(filter: { planId: $p }) { columns { tasks(first: 100) { nodes { id followedByMe } } } } }`, { p: planId }, cast.tokens.manager);
    } finally {
      Client.prototype.query = original;
    }
    const cards = board.board.columns.flatMap((c: any) => c.tasks.nodes);
    expect(cards.length).toBeGreaterThan(5);
    expect(cards.filter((c: any) => c.followedByMe)).toHaveLength(5);
    expect(texts.filter((q) => q.includes('task_follow'))).toHaveLength(1);
  });

  it('leaders remark on a task; whoever may read its details reads the remarks', async () => {
    const t = await assign();
    const ANNOTATE = `mutation($id: ID!, $c: String!) { annotateTask(taskId: $id, content: $c) { id content author { name } createdAt } }`;
    const first = (await must(ANNOTATE, { id: t.id, c: ' 请督查室每周跟踪 ' }, cast.tokens.approver)).annotateTask;
    expect(first).toMatchObject({ content: '请督查室每周跟踪', author: { name: cast.users.approver.name } });
    await must(ANNOTATE, { id: t.id, c: '注意与财政资金衔接' }, cast.tokens.manager);

    const before = await databaseFingerprint(app.dataSource);
    expect((await gql(ANNOTATE, { id: t.id, c: '  ' }, cast.tokens.manager)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content' });
    for (const token of [cast.tokens.leadStaff, cast.tokens.coordinator, cast.tokens.inspector]) {
      expect((await gql(ANNOTATE, { id: t.id, c: '批注' }, token)).errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    expect(await databaseFingerprint(app.dataSource)).toEqual(before);

    const READ = `query($id: ID!) { annotations(taskId: $id) { content author { name } } }`;
    expect((await must(READ, { id: t.id }, cast.tokens.leadStaff)).annotations.map((a: { content: string }) => a.content)).toEqual(['请督查室每周跟踪', '注意与财政资金衔接']);
    expect((await must(READ, { id: t.id }, cast.tokens.inspector)).annotations).toHaveLength(2);
    expect((await gql(READ, { id: t.id }, cast.tokens.otherStaff)).errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

import { addDays, todayIn } from '@workplan/shared';
import { databaseFingerprint } from './db-state';
import { fileReport, makeCast, makePlan, makeUser, signIn, transition, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';

const REQUEST = `id kind status reason requestedDueDate adjustment stageAtFiling dueDateAtFiling awaitingMyDecision canWithdraw
  department { id } filedBy { name }
  leaderDecision { approved comment by { name } role }
  finalDecision { approved comment grantedDueDate by { name } role }`;
const FILE = `mutation($input: FileSideRequestInput!) { fileSideRequest(input: $input) { ${REQUEST} } }`;
const LEADER = `mutation($id: ID!, $approve: Boolean!, $comment: String) { decideSideRequestAsLeader(id: $id, approve: $approve, comment: $comment) { ${REQUEST} } }`;
const DECIDE = `mutation($id: ID!, $grant: SideRequestGrant!, $date: String, $comment: String) {
  decideSideRequest(id: $id, grant: $grant, grantedDueDate: $date, comment: $comment) { ${REQUEST} } }`;
const PENDING = `{ pendingSideRequests { id taskCode awaitingMyDecision } }`;
const TASK = `query($id: ID!) { task(id: $id) { stage subState version dueDate originalDueDate keyTask urgent availableEvents history { event toStage comment role } } }`;

describe('side requests (申请): extension, adjustment, suspension, cancellation', () => {
  let app: TestApp;
  let cast: Cast;
  let planId: string;
  let leader: string; // the lead unit's leader (单位负责人)
  let otherLeader: string;
  const today = todayIn();

  beforeAll(async () => {
    app = await startTestApp();
    cast = await makeCast(app);
    planId = (await makePlan(app.dataSource)).id;
    leader = await signIn(app, await makeUser(app.dataSource, 'STAFF', cast.lead.id, { departmentLeader: true }));
    otherLeader = await signIn(app, await makeUser(app.dataSource, 'STAFF', cast.other.id, { departmentLeader: true }));
  });
  afterAll(() => app.close());

  const assign = async (dueDate: string | null = addDays(today, 10)) => {
    const res = await app.gql(
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
      { input: { title: '推进重点园区建设', origin: 'ASSIGNED', leadDepartmentId: cast.lead.id, cooperatingDepartmentIds: [cast.other.id], planId, dueDate } },
      cast.tokens.coordinator,
    );
    if (!res.data?.createTask) throw new Error(JSON.stringify(res.errors));
    return res.data.createTask.id as string;
  };
  const must = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await app.gql(query, variables, token);
    if (!res.data || res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const file = (taskId: string, input: Record<string, unknown>, token = cast.tokens.leadStaff) => app.gql(FILE, { input: { taskId, ...input } }, token);
  const task = async (id: string) => (await must(TASK, { id }, cast.tokens.coordinator)).task;
  const pendingIds = async (token: string) => (await must(PENDING, {}, token)).pendingSideRequests.map((r: { id: string }) => r.id);
  const code = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

  it('a full two-level extension granted in part moves the due date, keeps the original, and leaves the stage alone', async () => {
    const id = await assign();
    const before = await task(id);
    const filed = await file(id, { kind: 'EXTENSION', reason: '受汛期影响，主体工程无法按期完工', requestedDueDate: addDays(today, 40) });
    const request = filed.data!.fileSideRequest;
    expect(request).toMatchObject({ status: 'PENDING_LEADER', stageAtFiling: 'IMPLEMENTATION', dueDateAtFiling: addDays(today, 10), canWithdraw: true, leaderDecision: null });

    // It waits on the unit's leader, not yet on the coordinators.
    expect(await pendingIds(leader)).toContain(request.id);
    expect(await pendingIds(cast.tokens.coordinator)).not.toContain(request.id);
    expect(await pendingIds(otherLeader)).not.toContain(request.id);
    const leaderNotes = await must(`{ notifications(first: 5) { kind taskId } }`, {}, leader);
    expect(leaderNotes.notifications).toContainEqual({ kind: 'SIDE_REQUEST_FILED', taskId: id });

    const approved = (await must(LEADER, { id: request.id, approve: true, comment: '情况属实，同意' }, leader)).decideSideRequestAsLeader;
    expect(approved).toMatchObject({ status: 'PENDING_DECISION', leaderDecision: { approved: true, comment: '情况属实，同意', role: 'STAFF' } });
    expect(await pendingIds(cast.tokens.coordinator)).toContain(request.id);
    expect(await pendingIds(cast.tokens.approver)).not.toContain(request.id);

    // Outside the range (after the current due date, up to the one asked for): refused, nothing moves.
    for (const date of [addDays(today, 10), addDays(today, 41)]) {
      const refused = await app.gql(DECIDE, { id: request.id, grant: 'PARTLY', date }, cast.tokens.coordinator);
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'grantedDueDate' });
    }
    const decided = (await must(DECIDE, { id: request.id, grant: 'PARTLY', date: addDays(today, 25), comment: '准予延期至月底' }, cast.tokens.coordinator)).decideSideRequest;
    expect(decided).toMatchObject({ status: 'PARTLY_GRANTED', finalDecision: { approved: true, grantedDueDate: addDays(today, 25), role: 'COORDINATOR' }, canWithdraw: false });

    const after = await task(id);
    expect(after).toMatchObject({ stage: 'IMPLEMENTATION', subState: 'IN_PROGRESS', dueDate: addDays(today, 25), originalDueDate: addDays(today, 10), version: before.version });
    expect(after.history).toEqual(before.history);
    // Each unit's own deadline (the one escalation counts from) moves with the task's.
    const unitDeadlines = async () => (await app.dataSource.query(`SELECT due_date::text AS due FROM task_assignment WHERE task_id = $1`, [id])).map((r: { due: string }) => r.due);
    expect(await unitDeadlines()).toEqual([addDays(today, 25), addDays(today, 25)]);
    const filerNotes = await must(`{ notifications(first: 5) { kind params } }`, {}, cast.tokens.leadStaff);
    expect(filerNotes.notifications[0]).toMatchObject({ kind: 'SIDE_REQUEST_DECIDED', params: { status: 'PARTLY_GRANTED', request: 'EXTENSION' } });

    // A second extension moves the date again; the original deadline stays on record.
    const again = (await file(id, { kind: 'EXTENSION', reason: '设备到货延迟', requestedDueDate: addDays(today, 50) })).data!.fileSideRequest;
    await must(LEADER, { id: again.id, approve: true }, leader);
    await must(DECIDE, { id: again.id, grant: 'GRANT' }, cast.tokens.coordinator);
    expect(await task(id)).toMatchObject({ dueDate: addDays(today, 50), originalDueDate: addDays(today, 10), stage: 'IMPLEMENTATION' });
  });

  it('rejected at the first level: with a comment, and the coordinator never sees it', async () => {
    const id = await assign();
    const request = (await file(id, { kind: 'ADJUSTMENT', reason: '市场环境变化', adjustment: '年度目标由10家调整为8家' })).data!.fileSideRequest;
    expect(request).toMatchObject({ adjustment: '年度目标由10家调整为8家', requestedDueDate: null });
    expect(code(await app.gql(LEADER, { id: request.id, approve: false }, leader))).toBe('BAD_USER_INPUT');
    const rejected = (await must(LEADER, { id: request.id, approve: false, comment: '理由不充分，请继续推进' }, leader)).decideSideRequestAsLeader;
    expect(rejected).toMatchObject({ status: 'REJECTED', leaderDecision: { approved: false, comment: '理由不充分，请继续推进' }, finalDecision: null });
    expect(await pendingIds(cast.tokens.coordinator)).not.toContain(request.id);
    expect(code(await app.gql(DECIDE, { id: request.id, grant: 'GRANT' }, cast.tokens.coordinator))).toBe('BAD_USER_INPUT');
    expect(await task(id)).toMatchObject({ dueDate: addDays(today, 10), originalDueDate: null, stage: 'IMPLEMENTATION' });
    // No longer pending: the unit may ask again.
    expect((await file(id, { kind: 'ADJUSTMENT', reason: '补充说明', adjustment: '目标调整为9家' })).data!.fileSideRequest.status).toBe('PENDING_LEADER');
  });

  it('one pending request per task and kind; the filer may withdraw it', async () => {
    const id = await assign();
    const first = (await file(id, { kind: 'EXTENSION', reason: '原因一', requestedDueDate: addDays(today, 20) })).data!.fileSideRequest;
    const twice = await file(id, { kind: 'EXTENSION', reason: '原因二', requestedDueDate: addDays(today, 30) }, cast.tokens.otherStaff);
    expect(twice.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    // Another kind is fine, and the cooperating unit may file too.
    expect((await file(id, { kind: 'CANCELLATION', reason: '与其他事项重复' }, cast.tokens.otherStaff)).data!.fileSideRequest.status).toBe('PENDING_LEADER');
    const withdrawn = await must(`mutation($id: ID!) { withdrawSideRequest(id: $id) { status canWithdraw } }`, { id: first.id }, cast.tokens.leadStaff);
    expect(withdrawn.withdrawSideRequest).toEqual({ status: 'WITHDRAWN', canWithdraw: false });
    expect((await file(id, { kind: 'EXTENSION', reason: '原因二', requestedDueDate: addDays(today, 30) })).data!.fileSideRequest.status).toBe('PENDING_LEADER');
    const list = await must(`query($id: ID!) { sideRequests(taskId: $id) { kind status } }`, { id }, cast.tokens.manager);
    expect(list.sideRequests).toHaveLength(3);
  });

  it('a key task is decided by the approver, not the coordinator', async () => {
    const id = await assign();
    const flagged = await must(`mutation($id: ID!) { setTaskFlags(taskId: $id, keyTask: true) { keyTask urgent } }`, { id }, cast.tokens.coordinator);
    expect(flagged.setTaskFlags).toEqual({ keyTask: true, urgent: false });
    const request = (await file(id, { kind: 'EXTENSION', reason: '征地拆迁未完成', requestedDueDate: addDays(today, 30) })).data!.fileSideRequest;
    await must(LEADER, { id: request.id, approve: true }, leader);
    expect(await pendingIds(cast.tokens.coordinator)).not.toContain(request.id);
    const mine = (await must(PENDING, {}, cast.tokens.approver)).pendingSideRequests;
    expect(mine).toContainEqual(expect.objectContaining({ id: request.id, awaitingMyDecision: 'FINAL' }));

    const before = await databaseFingerprint(app.dataSource);
    expect(code(await app.gql(DECIDE, { id: request.id, grant: 'GRANT' }, cast.tokens.coordinator))).toBe('FORBIDDEN');
    expect(await databaseFingerprint(app.dataSource)).toEqual(before);

    const granted = (await must(DECIDE, { id: request.id, grant: 'GRANT' }, cast.tokens.approver)).decideSideRequest;
    expect(granted).toMatchObject({ status: 'GRANTED', finalDecision: { role: 'APPROVER', grantedDueDate: addDays(today, 30) } });
    expect(await task(id)).toMatchObject({ dueDate: addDays(today, 30), originalDueDate: addDays(today, 10), keyTask: true });
  });

  it('filing after the deadline, or once the task is in inspection, is refused and writes nothing', async () => {
    const late = await assign(addDays(today, -1));
    const before = await databaseFingerprint(app.dataSource);
    const refused = await file(late, { kind: 'EXTENSION', reason: '来不及了', requestedDueDate: addDays(today, 30) });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'taskId' });
    expect(refused.errors![0].message).toMatch(/deadline .* has passed/);
    expect(code(await file(late, { kind: 'SUSPENSION', reason: '来不及了' }))).toBe('BAD_USER_INPUT');
    expect(await databaseFingerprint(app.dataSource)).toEqual(before);

    // On the deadline day itself it is still in time.
    const dueToday = await assign(today);
    expect((await file(dueToday, { kind: 'EXTENSION', reason: '最后一天申请', requestedDueDate: addDays(today, 5) })).data!.fileSideRequest.status).toBe('PENDING_LEADER');

    const inspected = await assign();
    await fileReport(app, cast.tokens.leadStaff, inspected);
    await transition(app, cast.tokens.leadStaff, { taskId: inspected, event: 'REQUEST_INSPECTION', expectedVersion: 1 });
    expect(code(await file(inspected, { kind: 'EXTENSION', reason: '检查中', requestedDueDate: addDays(today, 30) }))).toBe('BAD_USER_INPUT');
  });

  it('a granted suspension ends the task in SUSPENDED, with the reason in its history, off the board', async () => {
    const id = await assign();
    const before = await task(id);
    const request = (await file(id, { kind: 'SUSPENSION', reason: '上级政策调整，项目暂缓实施' })).data!.fileSideRequest;
    await must(LEADER, { id: request.id, approve: true }, leader);
    // Nobody sends SUSPEND by hand: it is not offered, and the API refuses it.
    expect(before.availableEvents).not.toContain('SUSPEND');
    const byHand = await transition(app, cast.tokens.coordinator, { taskId: id, event: 'SUSPEND', expectedVersion: before.version, comment: '直接中止' });
    expect(byHand.errors![0].extensions).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', reason: 'PRECONDITION_FAILED' });

    const granted = (await must(DECIDE, { id: request.id, grant: 'GRANT', comment: '同意中止' }, cast.tokens.coordinator)).decideSideRequest;
    expect(granted.status).toBe('GRANTED');
    const after = await task(id);
    expect(after).toMatchObject({ stage: 'SUSPENDED', version: before.version + 1, availableEvents: [] });
    expect(after.history.at(-1)).toEqual({ event: 'SUSPEND', toStage: 'SUSPENDED', comment: '上级政策调整，项目暂缓实施\n同意中止', role: 'COORDINATOR' });

    const board = await must(`query($p: ID) { board(filter: { planId: $p }) { columns { stage tasks(first: 100) { nodes { id } } } } }`, { p: planId }, cast.tokens.coordinator);
    expect(JSON.stringify(board)).not.toContain(id);
    // Off the board, it is found among the tasks ended by request.
    const ended = await must(`{ decidedSideRequests(endedOnly: true) { taskId kind status } }`, {}, cast.tokens.manager);
    expect(ended.decidedSideRequests).toContainEqual({ taskId: id, kind: 'SUSPENSION', status: 'GRANTED' });
    const extensions = await must(`{ decidedSideRequests { kind status } }`, {}, cast.tokens.leadStaff);
    expect(extensions.decidedSideRequests).toContainEqual({ kind: 'EXTENSION', status: 'PARTLY_GRANTED' });
    // An ended task takes no more grants, and no more requests.
    expect(code(await file(id, { kind: 'CANCELLATION', reason: '撤销' }))).toBe('BAD_USER_INPUT');
  });

  it('a granted cancellation on a key task ends it in CANCELLED as the approver', async () => {
    const id = await assign();
    await must(`mutation($id: ID!) { setTaskFlags(taskId: $id, keyTask: true, urgent: true) { id } }`, { id }, cast.tokens.coordinator);
    const request = (await file(id, { kind: 'CANCELLATION', reason: '该事项已并入其他任务' }, leader)).data!.fileSideRequest;
    // The leader filing for their own unit has signed it already.
    expect(request).toMatchObject({ status: 'PENDING_DECISION', leaderDecision: { approved: true } });
    await must(DECIDE, { id: request.id, grant: 'GRANT' }, cast.tokens.approver);
    const after = await task(id);
    expect(after).toMatchObject({ stage: 'CANCELLED', urgent: true });
    expect(after.history.at(-1)).toMatchObject({ event: 'CANCEL', comment: '该事项已并入其他任务', role: 'APPROVER' });
  });

  it('forbidden actors change nothing', async () => {
    const id = await assign();
    const stranger = await makeUser(app.dataSource, 'STAFF', (await makeCast(app)).lead.id);
    const strangerToken = await signIn(app, stranger);
    const request = (await file(id, { kind: 'EXTENSION', reason: '工期紧张', requestedDueDate: addDays(today, 30) })).data!.fileSideRequest;
    const before = await databaseFingerprint(app.dataSource);
    const attempts: Array<[string, Record<string, unknown>, string]> = [
      [FILE, { input: { taskId: id, kind: 'SUSPENSION', reason: '不是我的任务' } }, strangerToken], // not a responsible unit
      [FILE, { input: { taskId: id, kind: 'SUSPENSION', reason: '协调处代为申请' } }, cast.tokens.coordinator], // not a unit
      [LEADER, { id: request.id, approve: true }, cast.tokens.leadStaff], // staff, not the leader
      [LEADER, { id: request.id, approve: true }, otherLeader], // the cooperating unit's leader
      [DECIDE, { id: request.id, grant: 'GRANT' }, cast.tokens.coordinator], // still waiting on the leader… (refused as bad input below)
      [DECIDE, { id: request.id, grant: 'GRANT' }, cast.tokens.inspector],
      [`mutation($id: ID!) { withdrawSideRequest(id: $id) { id } }`, { id: request.id }, cast.tokens.otherStaff], // not the filer
      [`mutation($id: ID!) { setTaskFlags(taskId: $id, keyTask: true) { id } }`, { id }, cast.tokens.approver],
      [`mutation($id: ID!) { setTaskFlags(taskId: $id, urgent: true) { id } }`, { id }, cast.tokens.leadStaff],
    ];
    const codes = [];
    for (const [query, variables, token] of attempts) codes.push(code(await app.gql(query, variables, token)));
    expect(codes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'BAD_USER_INPUT', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(await databaseFingerprint(app.dataSource)).toEqual(before);

    // After the leader: the approver may not decide an ordinary task.
    await must(LEADER, { id: request.id, approve: true }, leader);
    const waiting = await databaseFingerprint(app.dataSource);
    expect(code(await app.gql(DECIDE, { id: request.id, grant: 'GRANT' }, cast.tokens.approver))).toBe('FORBIDDEN');
    expect(code(await app.gql(LEADER, { id: request.id, approve: true }, leader))).toBe('BAD_USER_INPUT');
    expect(await databaseFingerprint(app.dataSource)).toEqual(waiting);
    expect(await task(id)).toMatchObject({ dueDate: addDays(today, 10), originalDueDate: null });
  });
});

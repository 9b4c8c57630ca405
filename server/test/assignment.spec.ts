import { addDays, addWorkingDays, PLAIN_CALENDAR, todayIn } from '@workplan/shared';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { openAssignments } from '../src/assignment/open-assignments';
import { seedDemoData } from '../src/demo/demo-seed';
import { databaseFingerprint } from './db-state';
import { logFinding, makeCast, makeDepartment, makePlan, makeUser, proposeTask, signIn, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';

/** Each responsible unit's own record of a task: sign-for, reports, review, send back, the card's roll-up. */

const ASSIGNMENT = `id department { id } lead status dueDate signWithinDays signDueOn signedAt signedByName signedLate returnCount
  sentBackReason percentDone light lightReasons availableActions
  reports { id percentDone workDone problems supportNeeded nextPlan submittedByName review reviewReason reviewedByName attachments { id fileName url sizeBytes contentType } canAttach }`;
const ASSIGNMENTS = `query($id: ID!) { assignments(taskId: $id) { ${ASSIGNMENT} } }`;
const SIGN = `mutation($id: ID!) { signForAssignment(assignmentId: $id) { ${ASSIGNMENT} } }`;
const REPORT = `mutation($input: FileAssignmentReportInput!) { fileAssignmentReport(input: $input) { ${ASSIGNMENT} } }`;
const REVIEW = `mutation($id: ID!, $verdict: ReviewVerdict!, $reason: String) { reviewAssignmentReport(reportId: $id, verdict: $verdict, reason: $reason) { ${ASSIGNMENT} } }`;
const SEND_BACK = `mutation($id: ID!, $reason: String!) { sendBackAssignment(assignmentId: $id, reason: $reason) { ${ASSIGNMENT} } }`;
const ROLLUP = `query($id: ID!) { task(id: $id) { assignmentRollup { units signed reported passed returned sentBack } } }`;

describe('per-unit assignments (承办单位办理记录)', () => {
  let app: TestApp;
  let cast: Cast;
  /** A third unit, cooperating on the tasks below, with its staff. */
  let third: { id: string };
  let thirdStaff: string;
  let planId: string;
  const today = todayIn();

  beforeAll(async () => {
    app = await startTestApp();
    cast = await makeCast(app);
    third = await makeDepartment(app.dataSource);
    thirdStaff = await signIn(app, await makeUser(app.dataSource, 'STAFF', third.id));
    planId = (await makePlan(app.dataSource)).id;
  });
  afterAll(() => app.close());

  /** A task the coordinator assigns top-down: `cast.lead` leads, `third` cooperates; it starts in implementation. */
  const assign = async (input: Record<string, unknown> = {}) => {
    const res = await app.gql(
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
      { input: { title: '督办事项', origin: 'ASSIGNED', leadDepartmentId: cast.lead.id, cooperatingDepartmentIds: [third.id], planId, dueDate: addDays(today, 30), ...input } },
      cast.tokens.coordinator,
    );
    if (!res.data?.createTask) throw new Error(JSON.stringify(res.errors));
    return res.data.createTask.id as string;
  };
  const units = async (taskId: string, token = cast.tokens.coordinator) => {
    const res = await app.gql(ASSIGNMENTS, { id: taskId }, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    const list = res.data.assignments as any[];
    return { list, lead: list.find((a) => a.lead), coop: list.find((a) => !a.lead) };
  };
  const rollup = async (taskId: string) => (await app.gql(ROLLUP, { id: taskId }, cast.tokens.coordinator)).data!.task.assignmentRollup;
  const must = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await app.gql(query, variables, token);
    if (!res.data || res.errors) throw new Error(JSON.stringify(res.errors));
    return Object.values(res.data)[0] as any;
  };
  const report = (assignmentId: string, extra: Record<string, unknown> = {}) => ({
    input: { assignmentId, percentDone: 40, workDone: '完成前期调研', problems: '用地指标紧张', supportNeeded: '请省自然资源厅协调', nextPlan: '下月开工', ...extra },
  });
  /** Refused: this code, and the database exactly as it was. */
  const refused = async (query: string, variables: Record<string, unknown>, token: string, code: string) => {
    const before = await databaseFingerprint(app.dataSource);
    const res = await app.gql(query, variables, token);
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(await databaseFingerprint(app.dataSource)).toEqual(before);
    return res.errors![0];
  };

  it('a new task gives its lead and each cooperating unit an assignment, due with the task, sign-for within 2 working days', async () => {
    const due = addDays(today, 30);
    const id = await assign({ dueDate: due });
    const { list, lead, coop } = await units(id);
    expect(list).toHaveLength(2);
    expect(list[0].lead).toBe(true); // lead first
    expect(lead).toMatchObject({ department: { id: cast.lead.id }, status: 'ASSIGNED', dueDate: due, signWithinDays: 2, signedAt: null, returnCount: 0, reports: [], light: 'GREEN', signedLate: false });
    expect(coop).toMatchObject({ department: { id: third.id }, status: 'ASSIGNED', dueDate: due });
    // No holidays kept here: two weekdays on (today itself counts from the next working day if it is a day off).
    expect(lead.signDueOn).toBe(addWorkingDays(today, 2, PLAIN_CALENDAR));
    expect(await rollup(id)).toEqual({ units: 2, signed: 0, reported: 0, passed: 0, returned: 0, sentBack: 0 });
    // The coordinator only reviews; the units act.
    expect(lead.availableActions).toEqual([]);
    expect((await units(id, cast.tokens.leadStaff)).lead.availableActions).toEqual(['SIGN', 'SEND_BACK']);
  });

  it('a unit that proposed its task has signed for it; its cooperating units have not', async () => {
    const task = await proposeTask(app, cast.tokens.leadStaff, { cooperatingDepartmentIds: [third.id], planId });
    const { lead, coop } = await units(task.id);
    expect(lead).toMatchObject({ status: 'SIGNED', signedByName: expect.any(String) });
    expect(coop.status).toBe('ASSIGNED');
    expect(await rollup(task.id)).toMatchObject({ units: 2, signed: 1 });
  });

  it('only the unit itself signs for its assignment, and only once', async () => {
    const id = await assign();
    const { lead, coop } = await units(id);
    const notTheirs = await refused(SIGN, { id: lead.id }, thirdStaff, 'FORBIDDEN'); // a cooperating unit, not this one
    expect(notTheirs.message).toMatch(/staff of the unit itself/);
    await refused(SIGN, { id: lead.id }, cast.tokens.otherStaff, 'FORBIDDEN'); // a unit not on the task
    await refused(SIGN, { id: lead.id }, cast.tokens.coordinator, 'FORBIDDEN');
    await refused(SIGN, { id: lead.id }, cast.tokens.manager, 'FORBIDDEN');
    await refused(SIGN, { id: '00000000-0000-4000-8000-000000000000' }, cast.tokens.leadStaff, 'NOT_FOUND');

    const signed = await must(SIGN, { id: lead.id }, cast.tokens.leadStaff);
    expect(signed).toMatchObject({ status: 'SIGNED', signedAt: expect.any(String), signedByName: expect.any(String), signedLate: false, availableActions: ['REPORT', 'SEND_BACK'] });
    await refused(SIGN, { id: lead.id }, cast.tokens.leadStaff, 'TRANSITION_NOT_ALLOWED');
    expect((await must(SIGN, { id: coop.id }, thirdStaff)).status).toBe('SIGNED');
    expect(await rollup(id)).toMatchObject({ units: 2, signed: 2 });
  });

  it('a sign-for after its deadline is flagged late, counted in working days', async () => {
    const id = await assign();
    const { lead } = await units(id);
    await app.asOwner(`UPDATE task_assignment SET assigned_at = now() - interval '10 days' WHERE id = $1`, [lead.id]);
    expect((await units(id)).lead).toMatchObject({ status: 'ASSIGNED', signedLate: true });
    expect((await must(SIGN, { id: lead.id }, cast.tokens.leadStaff)).signedLate).toBe(true);
  });

  it('a unit reports only after signing for it, during implementation, one report awaiting review at a time', async () => {
    const id = await assign();
    const { lead } = await units(id);
    const unsigned = await refused(REPORT, report(lead.id), cast.tokens.leadStaff, 'TRANSITION_NOT_ALLOWED');
    expect(unsigned.message).toMatch(/sign for/);
    await must(SIGN, { id: lead.id }, cast.tokens.leadStaff);
    await refused(REPORT, report(lead.id, { percentDone: 150 }), cast.tokens.leadStaff, 'BAD_USER_INPUT');
    await refused(REPORT, report(lead.id, { workDone: '  ' }), cast.tokens.leadStaff, 'BAD_USER_INPUT');
    await refused(REPORT, report(lead.id), thirdStaff, 'FORBIDDEN');
    await refused(REPORT, report(lead.id), cast.tokens.coordinator, 'FORBIDDEN');

    const filed = await must(REPORT, report(lead.id), cast.tokens.leadStaff);
    expect(filed).toMatchObject({ status: 'REPORTED', percentDone: 40, availableActions: [] });
    expect(filed.reports).toEqual([
      { id: expect.any(String), percentDone: 40, workDone: '完成前期调研', problems: '用地指标紧张', supportNeeded: '请省自然资源厅协调', nextPlan: '下月开工', submittedByName: expect.any(String), review: null, reviewReason: null, reviewedByName: null, attachments: [], canAttach: true },
    ]);
    await refused(REPORT, report(lead.id), cast.tokens.leadStaff, 'TRANSITION_NOT_ALLOWED'); // the first awaits review
    expect(await rollup(id)).toMatchObject({ units: 2, signed: 1, reported: 1 });

    // A proposal is not implemented yet: its lead has signed (it proposed it) but cannot report.
    const proposal = await proposeTask(app, cast.tokens.leadStaff, { planId });
    const own = (await units(proposal.id)).lead;
    const early = await refused(REPORT, report(own.id), cast.tokens.leadStaff, 'TRANSITION_NOT_ALLOWED');
    expect(early.message).toMatch(/during implementation/);
  });

  it('the coordinator returns a report with a reason (counted, on the card, told to the unit), then passes the rework', async () => {
    const id = await assign();
    const { lead, coop } = await units(id);
    await must(SIGN, { id: lead.id }, cast.tokens.leadStaff);
    const first = (await must(REPORT, report(lead.id), cast.tokens.leadStaff)).reports[0];

    await refused(REVIEW, { id: first.id, verdict: 'RETURN' }, cast.tokens.coordinator, 'BAD_USER_INPUT'); // no reason
    await refused(REVIEW, { id: first.id, verdict: 'RETURN', reason: '   ' }, cast.tokens.coordinator, 'BAD_USER_INPUT');
    await refused(REVIEW, { id: first.id, verdict: 'PASS' }, cast.tokens.leadStaff, 'FORBIDDEN');
    await refused(REVIEW, { id: first.id, verdict: 'PASS' }, cast.tokens.approver, 'FORBIDDEN');

    const returned = await must(REVIEW, { id: first.id, verdict: 'RETURN', reason: '缺少投资完成数据' }, cast.tokens.coordinator);
    expect(returned).toMatchObject({ status: 'RETURNED', returnCount: 1 });
    expect(returned.reports[0]).toMatchObject({ review: 'RETURNED', reviewReason: '缺少投资完成数据', reviewedByName: expect.any(String) });
    expect(await rollup(id)).toEqual({ units: 2, signed: 1, reported: 0, passed: 0, returned: 1, sentBack: 0 });
    await refused(REVIEW, { id: first.id, verdict: 'PASS' }, cast.tokens.coordinator, 'TRANSITION_NOT_ALLOWED'); // reviewed already
    const told = (await app.gql(`{ notifications(first: 10) { kind taskId params } }`, {}, cast.tokens.leadStaff)).data!.notifications;
    expect(told).toContainEqual({ kind: 'ASSIGNMENT_RETURNED', taskId: id, params: expect.objectContaining({ comment: '缺少投资完成数据' }) });

    // The rework, returned once more, then passed: the count keeps every return.
    const second = (await must(REPORT, report(lead.id, { percentDone: 55 }), cast.tokens.leadStaff)).reports[0];
    expect((await must(REVIEW, { id: second.id, verdict: 'RETURN', reason: '仍缺数据' }, cast.tokens.coordinator)).returnCount).toBe(2);
    const third_ = (await must(REPORT, report(lead.id, { percentDone: 60 }), cast.tokens.leadStaff)).reports[0];
    await refused(REVIEW, { id: second.id, verdict: 'PASS' }, cast.tokens.coordinator, 'TRANSITION_NOT_ALLOWED'); // not the latest
    const passed = await must(REVIEW, { id: third_.id, verdict: 'PASS' }, cast.tokens.coordinator);
    expect(passed).toMatchObject({ status: 'PASSED', returnCount: 2, percentDone: 60 });
    expect(passed.reports.map((r: any) => r.review)).toEqual(['PASSED', 'RETURNED', 'RETURNED']);

    await must(SIGN, { id: coop.id }, thirdStaff);
    await must(REPORT, report(coop.id), thirdStaff);
    expect(await rollup(id)).toEqual({ units: 2, signed: 2, reported: 2, passed: 1, returned: 0, sentBack: 0 });
  });

  it('a unit sends back a task given to it by mistake, with a reason, before reporting; the coordinators hear of it', async () => {
    const id = await assign();
    const { lead, coop } = await units(id);
    await refused(SEND_BACK, { id: coop.id, reason: ' ' }, thirdStaff, 'BAD_USER_INPUT');
    await refused(SEND_BACK, { id: coop.id, reason: '不属于本单位职责' }, cast.tokens.leadStaff, 'FORBIDDEN');
    await refused(SEND_BACK, { id: coop.id, reason: '不属于本单位职责' }, cast.tokens.coordinator, 'FORBIDDEN');

    const back = await must(SEND_BACK, { id: coop.id, reason: '不属于本单位职责' }, thirdStaff);
    expect(back).toMatchObject({ status: 'SENT_BACK', sentBackReason: '不属于本单位职责', availableActions: [], light: 'GREEN' });
    expect(await rollup(id)).toEqual({ units: 1, signed: 0, reported: 0, passed: 0, returned: 0, sentBack: 1 });
    await refused(SIGN, { id: coop.id }, thirdStaff, 'TRANSITION_NOT_ALLOWED');
    const told = (await app.gql(`{ notifications(first: 10) { kind taskId params } }`, {}, cast.tokens.coordinator)).data!.notifications;
    expect(told).toContainEqual({ kind: 'ASSIGNMENT_SENT_BACK', taskId: id, params: expect.objectContaining({ comment: '不属于本单位职责', department: expect.any(String) }) });

    // Once it has reported, the unit has taken the work on.
    await must(SIGN, { id: lead.id }, cast.tokens.leadStaff);
    await must(REPORT, report(lead.id), cast.tokens.leadStaff);
    const late = await refused(SEND_BACK, { id: lead.id, reason: '不属于本单位职责' }, cast.tokens.leadStaff, 'TRANSITION_NOT_ALLOWED');
    expect(late.message).toMatch(/before it has reported/);
  });

  it('a unit’s work list holds what waits on it: assignments to sign for and reports returned, earliest deadline first; not other units’', async () => {
    const MINE = `{ myAssignments { id taskId taskCode taskTitle status returnCount dueDate department { id } } }`;
    const mine = async (token: string) => (await must(MINE, {}, token)) as Array<{ id: string; taskId: string; taskCode: string; taskTitle: string; status: string; dueDate: string; department: { id: string } }>;
    const later = await assign({ title: '后到期事项', dueDate: addDays(today, 40) });
    const sooner = await assign({ title: '先到期事项', dueDate: addDays(today, 20) });
    const done = await assign({ dueDate: addDays(today, 10) });
    const ids = (list: Array<{ taskId: string }>) => list.map((a) => a.taskId).filter((id) => [later, sooner, done].includes(id));

    expect(ids(await mine(thirdStaff))).toEqual([done, sooner, later]);
    const entry = (await mine(thirdStaff)).find((a) => a.taskId === sooner)!;
    expect(entry).toMatchObject({ taskTitle: '先到期事项', status: 'ASSIGNED', dueDate: addDays(today, 20), department: { id: third.id } });
    expect(entry.taskCode).toBeTruthy();

    // Signed for: off the list; its report returned: back on it; reported again: off.
    const { coop } = await units(done);
    await must(SIGN, { id: coop.id }, thirdStaff);
    expect(ids(await mine(thirdStaff))).toEqual([sooner, later]);
    const filed = await must(REPORT, report(coop.id), thirdStaff);
    await must(REVIEW, { id: filed.reports[0].id, verdict: 'RETURN', reason: '请补充佐证材料' }, cast.tokens.coordinator);
    expect((await mine(thirdStaff)).find((a) => a.taskId === done)).toMatchObject({ status: 'RETURNED', returnCount: 1 });
    await must(REPORT, report(coop.id, { percentDone: 60 }), thirdStaff);
    expect(ids(await mine(thirdStaff))).toEqual([sooner, later]);

    // Another unit's list is its own; only staff have one.
    expect((await mine(cast.tokens.leadStaff)).every((a) => a.department.id === cast.lead.id)).toBe(true);
    expect((await app.gql(MINE, {}, cast.tokens.coordinator)).errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('each unit has its own light: its own deadline against its latest percent', async () => {
    const id = await assign({ dueDate: addDays(today, -2) });
    const { lead, coop } = await units(id);
    expect(lead).toMatchObject({ light: 'RED', lightReasons: ['OVERDUE'] });
    await app.asOwner(`UPDATE task_assignment SET due_date = $2 WHERE id = $1`, [coop.id, addDays(today, 60)]);
    expect((await units(id)).coop).toMatchObject({ light: 'GREEN', lightReasons: [] });
  });

  it('staff see a task’s units where they may see its details; a hidden task’s units are refused', async () => {
    const hidden = (await makePlan(app.dataSource, { taskVisibility: 'OWN' })).id;
    const id = await assign({ planId: hidden, leadDepartmentId: cast.other.id, cooperatingDepartmentIds: [] });
    await refused(ASSIGNMENTS, { id }, cast.tokens.leadStaff, 'FORBIDDEN');
    expect((await units(id, cast.tokens.otherStaff)).list).toHaveLength(1);
    expect((await units(id, cast.tokens.manager)).list).toHaveLength(1);
  });

  it('tasks recorded without assignments (older ones, bulk loads) get them, signed where the work is past implementation', async () => {
    const [a, b] = await app.asOwner(
      `INSERT INTO task (plan_id, code, sort_key, title, lead_department_id, origin, stage, snapshot, version)
       SELECT $1, c, c, '旧任务', $2, 'ASSIGNED', s, '{"value":"PROPOSAL","context":{}}'::jsonb, 1 FROM unnest(ARRAY['OLD-1','OLD-2'], ARRAY['IMPLEMENTATION','INSPECTION']) AS x(c, s)
       RETURNING id`,
      [planId, cast.lead.id],
    );
    await app.asOwner(`INSERT INTO task_cooperating_department (task_id, department_id, position) VALUES ($1, $2, 0), ($3, $2, 0)`, [a.id, third.id, b.id]);
    expect(await openAssignments(app.dataSource.manager, [a.id, b.id])).toBe(4);
    expect(await openAssignments(app.dataSource.manager, 'ALL')).toBe(0); // nothing twice
    const rows = await app.asOwner(`SELECT task_id, lead, status, signed_at IS NOT NULL AS signed FROM task_assignment WHERE task_id = ANY($1) ORDER BY task_id = $2 DESC, lead DESC`, [[a.id, b.id], a.id]);
    expect(rows.map((r) => [r.task_id === a.id ? 'a' : 'b', r.lead, r.status, r.signed])).toEqual([
      ['a', true, 'ASSIGNED', false],
      ['a', false, 'ASSIGNED', false],
      ['b', true, 'SIGNED', true],
      ['b', false, 'SIGNED', true],
    ]);
  });

  it('the unit attaches files to its report while it awaits review; coordinators download them; the listing reads them in one query', async () => {
    const id = await assign({ planId: (await makePlan(app.dataSource, { taskVisibility: 'OWN' })).id }); // other units may not see its details
    const { lead } = await units(id);
    await must(SIGN, { id: lead.id }, cast.tokens.leadStaff);
    const first = (await must(REPORT, report(lead.id), cast.tokens.leadStaff)).reports[0];
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake image body')]);
    const pdf = Buffer.from('%PDF-1.4 进展材料');
    const upload = (reportId: string, body: Buffer, name: string, token = cast.tokens.leadStaff) =>
      fetch(`${app.url}/files/assignment-reports/${reportId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-file-name': encodeURIComponent(name) }, body });
    /** Refused over HTTP: this status and code, and the database exactly as it was. */
    const refusedUpload = async (reportId: string, body: Buffer, name: string, token: string, status: number, code: string) => {
      const before = await databaseFingerprint(app.dataSource);
      const res = await upload(reportId, body, name, token);
      expect({ status: res.status, code: ((await res.json()) as { code: string }).code }).toEqual({ status, code });
      expect(await databaseFingerprint(app.dataSource)).toEqual(before);
    };

    const ok = await upload(first.id, png, '现场照片.png');
    expect(ok.status).toBe(201);
    const photo = (await ok.json()) as { id: string; url: string; fileName: string; sizeBytes: number };
    expect(photo).toMatchObject({ fileName: '现场照片.png', sizeBytes: png.length, url: `/files/evidence/${photo.id}` });
    expect((await upload(first.id, pdf, '进展材料.pdf')).status).toBe(201);

    await refusedUpload(first.id, png, 'photo.png', thirdStaff, 403, 'FORBIDDEN'); // a cooperating unit, not this report's
    await refusedUpload(first.id, png, 'photo.png', cast.tokens.otherStaff, 403, 'FORBIDDEN'); // a unit not on the task
    await refusedUpload(first.id, png, 'photo.png', cast.tokens.coordinator, 403, 'FORBIDDEN');
    await refusedUpload(first.id, Buffer.from('<script>alert(1)</script>'), 'photo.png', cast.tokens.leadStaff, 415, 'BAD_USER_INPUT');
    await refusedUpload(first.id, png, 'notes.exe', cast.tokens.leadStaff, 415, 'BAD_USER_INPUT');
    await refusedUpload(first.id, Buffer.alloc(0), 'empty.png', cast.tokens.leadStaff, 400, 'BAD_USER_INPUT');
    await refusedUpload('00000000-0000-0000-0000-000000000000', png, 'photo.png', cast.tokens.leadStaff, 404, 'NOT_FOUND');
    expect((await upload(first.id, png, 'photo.png', '')).status).toBe(401);

    // The coordinator downloads it; a unit not on the task may not; no token, no file.
    const download = await fetch(app.url + photo.url, { headers: { authorization: `Bearer ${cast.tokens.coordinator}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    expect((await fetch(app.url + photo.url, { headers: { authorization: `Bearer ${thirdStaff}` } })).status).toBe(200); // a unit of the task sees its details
    expect((await fetch(app.url + photo.url, { headers: { authorization: `Bearer ${cast.tokens.otherStaff}` } })).status).toBe(403); // the plan hides it from them
    expect((await fetch(app.url + photo.url)).status).toBe(401);

    // Once reviewed the report stays as it was judged: the rework brings its own files.
    await must(REVIEW, { id: first.id, verdict: 'RETURN', reason: '缺少投资完成数据' }, cast.tokens.coordinator);
    await refusedUpload(first.id, png, 'late.png', cast.tokens.leadStaff, 409, 'TRANSITION_NOT_ALLOWED');
    const second = (await must(REPORT, report(lead.id, { percentDone: 60 }), cast.tokens.leadStaff)).reports[0];
    expect((await upload(second.id, pdf, '补充数据.pdf')).status).toBe(201);

    // The listing: each report with its own files, oldest first, read in one query for all reports.
    const texts: string[] = [];
    const original = Client.prototype.query;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const config = args[0] as string | { text?: string };
      texts.push(typeof config === 'string' ? config : (config?.text ?? ''));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
    let listed: Awaited<ReturnType<typeof units>>;
    try {
      listed = await units(id);
    } finally {
      Client.prototype.query = original;
    }
    const [newest, oldest] = listed.lead.reports;
    expect(oldest.attachments.map((f: any) => [f.fileName, f.contentType, f.sizeBytes])).toEqual([
      ['现场照片.png', 'image/png', png.length],
      ['进展材料.pdf', 'application/pdf', pdf.length],
    ]);
    expect(oldest.attachments[0]).toMatchObject({ id: photo.id, url: photo.url });
    expect(newest.attachments.map((f: any) => f.fileName)).toEqual(['补充数据.pdf']);
    expect([newest.canAttach, oldest.canAttach]).toEqual([false, false]); // the coordinator asked
    expect((await units(id, cast.tokens.leadStaff)).lead.reports.map((r: any) => r.canAttach)).toEqual([true, false]);
    expect((await units(id, thirdStaff)).lead.reports.map((r: any) => r.canAttach)).toEqual([false, false]);
    expect(listed.coop.reports).toEqual([]);
    expect(texts.filter((t) => /FROM "?evidence_file/.test(t))).toHaveLength(1);

    // The table itself holds each file to exactly one owner: a finding or a report.
    const insert = (findingId: string | null, reportId: string | null) =>
      app.asOwner(
        `INSERT INTO evidence_file (finding_id, assignment_report_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
         SELECT $1, $2, 'x.png', 'image/png', 1, repeat('0', 64), gen_random_uuid()::text, uploaded_by FROM evidence_file WHERE id = $3`,
        [findingId, reportId, photo.id],
      );
    await expect(insert(null, null)).rejects.toThrow(/evidence_file_one_owner/);
    const finding = await logFinding(app, cast.tokens.inspector, id);
    await expect(insert(finding.id, first.id)).rejects.toThrow(/evidence_file_one_owner/);
  });

  it('a board’s cards read their roll-ups with one query, however many cards', async () => {
    const board = (plan: string) => app.gql(`query($p: ID!) { board(filter: { planId: $p }) { columns { tasks(first: 100) { nodes { id assignmentRollup { units returned } } } } } }`, { p: plan }, cast.tokens.coordinator);
    const count = async (plan: string) => {
      await board(plan); // warm the app's caches
      const texts: string[] = [];
      const original = Client.prototype.query;
      Client.prototype.query = function (this: Client, ...args: unknown[]) {
        const config = args[0] as string | { text?: string };
        texts.push(typeof config === 'string' ? config : (config?.text ?? ''));
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof Client.prototype.query;
      let cards: any[] = [];
      try {
        cards = (await board(plan)).data!.board.columns.flatMap((c: any) => c.tasks.nodes);
      } finally {
        Client.prototype.query = original;
      }
      return { cards, queries: texts.filter((t) => /FROM task_assignment/.test(t)).length };
    };
    const small = (await makePlan(app.dataSource)).id;
    const big = (await makePlan(app.dataSource)).id;
    await assign({ planId: small });
    for (let i = 0; i < 12; i++) await assign({ planId: big, title: `任务 ${i}` });
    const proposal = await proposeTask(app, cast.tokens.leadStaff, { planId: big, cooperatingDepartmentIds: [third.id] }); // another column
    const [s, b] = [await count(small), await count(big)];
    expect(b.cards).toHaveLength(13);
    expect(b.cards.find((c) => c.id === proposal.id).assignmentRollup).toEqual({ units: 2, returned: 0 });
    expect(s.queries).toBe(1);
    expect(b.queries).toBe(1);
  });
});

describe('the demo data', () => {
  it('gives every responsible unit of every seeded task its assignment', async () => {
    const app = await startTestApp();
    try {
      const seeded = await seedDemoData(app.dataSource, { seedsDir: resolve(__dirname, '../../shared/fixtures/seeds') });
      expect(seeded?.tasks).toBeGreaterThan(100);
      const [counts] = await app.asOwner(
        `SELECT (SELECT count(*) FROM task) + (SELECT count(*) FROM task_cooperating_department) AS units,
                (SELECT count(*) FROM task_assignment) AS assignments,
                (SELECT count(*) FROM task_assignment a JOIN task t ON t.id = a.task_id WHERE t.stage IN ('INSPECTION', 'COMMENDATION', 'ARCHIVED') AND a.status <> 'SIGNED') AS unsigned_past`,
      );
      expect(Number(counts.assignments)).toBe(Number(counts.units));
      expect(Number(counts.unsigned_past)).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('looks lived-in for supervision, and is the same every time', async () => {
    const now = new Date('2026-11-20T02:00:00Z');
    /** What the supervision screens show of the demo, in an order that does not depend on generated ids. */
    const seedAndRead = async () => {
      const app = await startTestApp();
      try {
        const started = Date.now();
        await seedDemoData(app.dataSource, { seedsDir: resolve(__dirname, '../../shared/fixtures/seeds'), now });
        const seconds = (Date.now() - started) / 1000;
        const units: Array<{ status: string; return_count: number; signed: boolean; reports: string | null; key: string }> = await app.asOwner(
          `SELECT a.status, a.return_count, a.signed_at IS NOT NULL AS signed,
                  (SELECT string_agg(r.percent_done || ':' || coalesce(r.review, '-'), ',' ORDER BY r.submitted_at) FROM assignment_report r WHERE r.assignment_id = a.id) AS reports,
                  p.title || '|' || t.code || '|' || d.code AS key
             FROM task_assignment a JOIN task t ON t.id = a.task_id JOIN plan p ON p.id = t.plan_id JOIN department d ON d.id = a.department_id
            ORDER BY key`,
        );
        const requests: Array<{ kind: string; status: string; granted: string | null; due: string; original: string | null; key: string }> = await app.asOwner(
          `SELECT s.kind, s.status, s.granted_due_date::text AS granted, t.due_date::text AS due, t.original_due_date::text AS original, p.title || '|' || t.code AS key
             FROM side_request s JOIN task t ON t.id = s.task_id JOIN plan p ON p.id = t.plan_id ORDER BY key`,
        );
        const flags = await app.asOwner(`SELECT p.title || '|' || t.code AS key, t.urgent, t.key_task FROM task t JOIN plan p ON p.id = t.plan_id WHERE t.urgent OR t.key_task ORDER BY key`);
        return { units, requests, flags, seconds };
      } finally {
        await app.close();
      }
    };
    const first = await seedAndRead();
    const tally = (status: string) => first.units.filter((u) => u.status === status).length;
    // Some units signed for their part, some reported (one report awaiting review at least), several passed, exactly one returned once.
    expect(tally('ASSIGNED')).toBeGreaterThan(5);
    expect(tally('SIGNED')).toBeGreaterThan(5);
    expect(tally('REPORTED')).toBeGreaterThan(0);
    expect(tally('PASSED')).toBeGreaterThan(0);
    expect(first.units.filter((u) => u.status === 'RETURNED')).toEqual([expect.objectContaining({ return_count: 1, reports: expect.stringMatching(/^\d+:RETURNED$/) })]);
    expect(first.units.filter((u) => u.status === 'REPORTED').every((u) => /:-$/.test(u.reports ?? ''))).toBe(true);
    // One extension waits on the unit's leader, an adjustment on the coordinator, and one extension was granted in part.
    expect(first.requests.map((r) => `${r.kind} ${r.status}`).sort()).toEqual(['ADJUSTMENT PENDING_DECISION', 'EXTENSION PARTLY_GRANTED', 'EXTENSION PENDING_LEADER']);
    const partly = first.requests.find((r) => r.status === 'PARTLY_GRANTED')!;
    expect(partly.due).toBe(partly.granted);
    expect(partly.original! < partly.due).toBe(true);
    expect(first.flags.length).toBeGreaterThan(1);
    expect(first.seconds).toBeLessThan(20);

    const second = await seedAndRead();
    expect({ ...second, seconds: 0 }).toEqual({ ...first, seconds: 0 });
  });
});

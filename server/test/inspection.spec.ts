import { workflowState } from './db-state';
import { FINDING_FIELDS, fileReport, logFinding, makeCast, makePlan, proposeTask, transition, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';

let app: TestApp;
let cast: Cast;

beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

/** A task taken to IMPLEMENTATION the regular way: proposed, submitted, accepted, approved. */
async function implementingTask(): Promise<{ id: string; version: number }> {
  const task = await proposeTask(app, cast.tokens.leadStaff);
  let version = 1;
  for (const [event, who] of [['SUBMIT', 'leadStaff'], ['ACCEPT', 'coordinator'], ['APPROVE', 'approver']] as const) {
    const res = await transition(app, cast.tokens[who], { taskId: task.id, event, expectedVersion: version });
    version = res.data!.transitionTask.task.version;
  }
  return { id: task.id, version };
}

const moveFinding = (token: string, findingId: string, event: string, expectedVersion: number, comment?: string) =>
  app.gql(`mutation($input: TransitionFindingInput!) { transitionFinding(input: $input) { ${FINDING_FIELDS} } }`, { input: { findingId, event, expectedVersion, comment } }, token);

describe('guards from the record', () => {
  it('REQUEST_INSPECTION is refused until a progress report is filed, and nothing changes', async () => {
    const task = await implementingTask();
    const before = await workflowState(app.dataSource);
    const refused = await transition(app, cast.tokens.leadStaff, { taskId: task.id, event: 'REQUEST_INSPECTION', expectedVersion: task.version });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'REQUEST_INSPECTION needs at least one progress report',
      extensions: { code: 'TRANSITION_NOT_ALLOWED', reason: 'PRECONDITION_FAILED' },
    });
    expect(await workflowState(app.dataSource)).toEqual(before);
    const view = await app.gql(`query($id: ID!) { task(id: $id) { availableEvents progressReportCount } }`, { id: task.id }, cast.tokens.leadStaff);
    expect(view.data!.task).toEqual({ availableEvents: [], progressReportCount: 0 });

    await fileReport(app, cast.tokens.leadStaff, task.id);
    const allowed = await transition(app, cast.tokens.leadStaff, { taskId: task.id, event: 'REQUEST_INSPECTION', expectedVersion: task.version });
    expect(allowed.data!.transitionTask.task.stage).toBe('INSPECTION');
  });

  it('a rectification round trip: finding → REQUIRE_RECTIFICATION → rectified → verified → PASS', async () => {
    const task = await implementingTask();
    await fileReport(app, cast.tokens.leadStaff, task.id);
    let version = (await transition(app, cast.tokens.leadStaff, { taskId: task.id, event: 'REQUEST_INSPECTION', expectedVersion: task.version })).data!.transitionTask.task.version;

    // Without a finding there is nothing to rectify.
    const nothing = await transition(app, cast.tokens.inspector, { taskId: task.id, event: 'REQUIRE_RECTIFICATION', expectedVersion: version, comment: '整改' });
    expect(nothing.errors?.[0]?.message).toBe('REQUIRE_RECTIFICATION needs at least one open finding');

    const finding = await logFinding(app, cast.tokens.inspector, task.id, 'MAJOR');
    expect(finding).toMatchObject({ status: 'OPEN', version: 1, availableEvents: [] });
    // The department hears about it.
    const notes = await app.gql(`{ notifications { kind params } unreadNotificationCount }`, {}, cast.tokens.leadStaff);
    expect(notes.data!.notifications[0]).toMatchObject({ kind: 'FINDING_ASSIGNED', params: { severity: 'MAJOR' } });

    // A major finding open: PASS refused.
    const pass = await transition(app, cast.tokens.inspector, { taskId: task.id, event: 'PASS', expectedVersion: version });
    expect(pass.errors?.[0]).toMatchObject({ message: 'PASS needs every major finding verified (1 not yet)', extensions: { code: 'TRANSITION_NOT_ALLOWED' } });

    const back = await transition(app, cast.tokens.inspector, { taskId: task.id, event: 'REQUIRE_RECTIFICATION', expectedVersion: version, comment: '限期整改' });
    expect(back.data!.transitionTask.task).toMatchObject({ stage: 'IMPLEMENTATION', subState: 'RECTIFYING' });
    version = back.data!.transitionTask.task.version;

    // The finding's own workflow, each step by the right role.
    const wrong = await moveFinding(cast.tokens.otherStaff, finding.id, 'START_RECTIFICATION', 1);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    let f = (await moveFinding(cast.tokens.leadStaff, finding.id, 'START_RECTIFICATION', 1)).data!.transitionFinding;
    expect(f).toMatchObject({ status: 'RECTIFYING', version: 2 });
    const noComment = await moveFinding(cast.tokens.leadStaff, finding.id, 'SUBMIT_RECTIFICATION', 2);
    expect(noComment.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    f = (await moveFinding(cast.tokens.leadStaff, finding.id, 'SUBMIT_RECTIFICATION', 2, '已补齐台账，项目已复工')).data!.transitionFinding;
    expect(f.status).toBe('RECTIFIED');
    const stale = await moveFinding(cast.tokens.inspector, finding.id, 'VERIFY', 2);
    expect(stale.errors?.[0]?.extensions?.code).toBe('VERSION_CONFLICT');
    f = (await moveFinding(cast.tokens.inspector, finding.id, 'VERIFY', 3)).data!.transitionFinding;
    expect(f.status).toBe('VERIFIED');
    expect(f.history.map((h: { event: string; toStatus: string }) => `${h.event}:${h.toStatus}`)).toEqual(['LOG:OPEN', 'START_RECTIFICATION:RECTIFYING', 'SUBMIT_RECTIFICATION:RECTIFIED', 'VERIFY:VERIFIED']);

    version = (await transition(app, cast.tokens.leadStaff, { taskId: task.id, event: 'REQUEST_INSPECTION', expectedVersion: version })).data!.transitionTask.task.version;
    const passed = await transition(app, cast.tokens.inspector, { taskId: task.id, event: 'PASS', expectedVersion: version });
    expect(passed.data!.transitionTask.task.stage).toBe('COMMENDATION');
  });

  it('minor findings do not block PASS', async () => {
    const task = await implementingTask();
    await fileReport(app, cast.tokens.leadStaff, task.id);
    const version = (await transition(app, cast.tokens.leadStaff, { taskId: task.id, event: 'REQUEST_INSPECTION', expectedVersion: task.version })).data!.transitionTask.task.version;
    await logFinding(app, cast.tokens.inspector, task.id, 'MINOR');
    const passed = await transition(app, cast.tokens.inspector, { taskId: task.id, event: 'PASS', expectedVersion: version });
    expect(passed.data!.transitionTask.task.stage).toBe('COMMENDATION');
  });

  it('only inspectors and coordinators log findings, and only during implementation or inspection', async () => {
    const task = await implementingTask();
    for (const who of ['leadStaff', 'approver', 'manager'] as const) {
      const res = await app.gql(`mutation($input: LogFindingInput!) { logFinding(input: $input) { id } }`, { input: { taskId: task.id, severity: 'MINOR', description: 'x' } }, cast.tokens[who]);
      expect({ who, code: res.errors?.[0]?.extensions?.code }).toEqual({ who, code: 'FORBIDDEN' });
    }
    const proposal = await proposeTask(app, cast.tokens.leadStaff);
    const early = await app.gql(`mutation($input: LogFindingInput!) { logFinding(input: $input) { id } }`, { input: { taskId: proposal.id, severity: 'MINOR', description: 'x' } }, cast.tokens.inspector);
    expect(early.errors?.[0]?.extensions?.code).toBe('TRANSITION_NOT_ALLOWED');
  });
});

describe('evidence files', () => {
  it('stores an upload on disk, lists it on the finding, and serves it back only with a token', async () => {
    const task = await implementingTask();
    const finding = await logFinding(app, cast.tokens.inspector, task.id);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake image body')]);
    const upload = (body: Buffer, name: string, token = cast.tokens.inspector) =>
      fetch(`${app.url}/files/findings/${finding.id}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-file-name': encodeURIComponent(name) }, body });
    const ok = await upload(png, '现场照片.png');
    expect(ok.status).toBe(201);
    const { url } = (await ok.json()) as { url: string };

    expect((await upload(Buffer.from('<script>alert(1)</script>'), 'photo.png')).status).toBe(415);
    expect((await upload(png, 'photo.png', cast.tokens.otherStaff)).status).toBe(403);
    expect((await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 1), 'big.pdf')).status).toBe(413);

    const listed = await app.gql(`query($id: ID!) { findings(taskId: $id) { evidence { fileName url } } }`, { id: task.id }, cast.tokens.manager);
    expect(listed.data!.findings[0].evidence).toEqual([{ fileName: '现场照片.png', url }]);
    expect((await fetch(app.url + url)).status).toBe(401);
    const download = await fetch(app.url + url, { headers: { authorization: `Bearer ${cast.tokens.manager}` } });
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
  });
});

describe('progress reports', () => {
  it('the lead and each cooperating department file their own part once per period; others may not', async () => {
    const task = await proposeTask(app, cast.tokens.leadStaff, { cooperatingDepartmentIds: [cast.other.id] });
    let version = 1;
    for (const [event, who] of [['SUBMIT', 'leadStaff'], ['ACCEPT', 'coordinator'], ['APPROVE', 'approver']] as const) {
      version = (await transition(app, cast.tokens[who], { taskId: task.id, event, expectedVersion: version })).data!.transitionTask.task.version;
    }
    const lead = await fileReport(app, cast.tokens.leadStaff, task.id, { status: 'AT_RISK', problems: '资金未到位' });
    expect(lead).toMatchObject({ status: 'AT_RISK', late: false });
    await fileReport(app, cast.tokens.otherStaff, task.id);
    const again = await app.gql(`mutation($input: FileProgressReportInput!) { fileProgressReport(input: $input) { id } }`, { input: { taskId: task.id, narrative: '再报一次', status: 'ON_TRACK' } }, cast.tokens.leadStaff);
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const coordinator = await app.gql(`mutation($input: FileProgressReportInput!) { fileProgressReport(input: $input) { id } }`, { input: { taskId: task.id, narrative: 'x', status: 'ON_TRACK' } }, cast.tokens.coordinator);
    expect(coordinator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const schedule = await app.gql(`query($id: ID!) { reportSchedule(taskId: $id) { departmentId lead status period } }`, { id: task.id }, cast.tokens.manager);
    expect(schedule.data!.reportSchedule).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ departmentId: cast.lead.id, lead: true, status: 'SUBMITTED', period: lead.period }),
        expect.objectContaining({ departmentId: cast.other.id, lead: false, status: 'SUBMITTED' }),
      ]),
    );
  });

  it('a report missed past its due day is LATE on the schedule and shows in the department’s due list', async () => {
    const task = await implementingTask();
    // Move the start of implementation back to the previous quarter: its report is now overdue.
    await app.asOwner(`ALTER TABLE task_transition DISABLE TRIGGER task_transition_append_only`);
    await app.asOwner(`UPDATE task_transition SET at = now() - interval '120 days' WHERE task_id = $1 AND to_stage = 'IMPLEMENTATION'`, [task.id]);
    await app.asOwner(`ALTER TABLE task_transition ENABLE TRIGGER task_transition_append_only`);
    const due = await app.gql(`{ myReportsDue { taskId status } }`, {}, cast.tokens.leadStaff);
    expect(due.data!.myReportsDue.filter((r: { taskId: string }) => r.taskId === task.id).map((r: { status: string }) => r.status)).toContain('LATE');
    const dashboard = await app.gql(`{ planDashboard { lateReports } }`, {}, cast.tokens.manager);
    expect(dashboard.data!.planDashboard.lateReports).toBeGreaterThan(0);
  });
});

describe('indicators and allocations', () => {
  it('flags a year whose district allocations do not add up to the target, and clears it when they do', async () => {
    const plan = await makePlan(app.dataSource);
    const created = await app.gql(
      `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { id targets { year value } } }`,
      { input: { planId: plan.id, name: '规模以上工业增加值', unit: '亿元', baselineYear: 2014, baselineValue: 1000, targets: [{ year: 2016, value: 1200 }], summaryGoal: '年均增长8%' } },
      cast.tokens.coordinator,
    );
    const id = created.data!.createIndicator.id;
    const set = (values: number[]) =>
      app.gql(
        `mutation($input: SetIndicatorAllocationsInput!) { setIndicatorAllocations(input: $input) { allocationChecks { year total sum difference ok message } } }`,
        { input: { indicatorId: id, year: 2016, allocations: [{ departmentId: cast.lead.id, value: values[0] }, { departmentId: cast.other.id, value: values[1] }] } },
        cast.tokens.coordinator,
      );
    const short = await set([700, 450]);
    expect(short.data!.setIndicatorAllocations.allocationChecks).toEqual([
      expect.objectContaining({ year: 2016, total: 1200, sum: 1150, ok: false, message: expect.stringContaining('50') }),
    ]);
    const exact = await set([700, 500]);
    expect(exact.data!.setIndicatorAllocations.allocationChecks[0]).toMatchObject({ ok: true, sum: 1200 });
    const staff = await app.gql(`mutation($input: SetIndicatorAllocationsInput!) { setIndicatorAllocations(input: $input) { id } }`, { input: { indicatorId: id, year: 2016, allocations: [] } }, cast.tokens.leadStaff);
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('assessment and ranking', () => {
  it('grades from the score, ranks departments, commends the top, warns the bottom, and flags bottom-twice for demotion', async () => {
    const plan = await makePlan(app.dataSource, { commendCount: 1, warnCount: 1 } as never);
    const depts = [cast.lead, cast.other];
    // One implementing task per department in this plan.
    const tasks: string[] = [];
    for (const [i, staff] of (['leadStaff', 'otherStaff'] as const).entries()) {
      const t = await proposeTask(app, cast.tokens[staff], { planId: plan.id, code: `${i + 1}` });
      let v = 1;
      for (const [event, who] of [['SUBMIT', staff], ['ACCEPT', 'coordinator'], ['APPROVE', 'approver']] as const) {
        v = (await transition(app, cast.tokens[who], { taskId: t.id, event, expectedVersion: v })).data!.transitionTask.task.version;
      }
      tasks.push(t.id);
    }
    const assess = (taskId: string, period: string, score: number, token = cast.tokens.coordinator) =>
      app.gql(`mutation($input: AssessTaskInput!) { assessTask(input: $input) { grade score } }`, { input: { taskId, period, score } }, token);
    expect((await assess(tasks[0], '2026-Q2', 92)).data!.assessTask).toEqual({ grade: 'EXCELLENT', score: 92 });
    expect((await assess(tasks[1], '2026-Q2', 55)).data!.assessTask.grade).toBe('FAIL');
    await assess(tasks[0], '2026-Q3', 88);
    await assess(tasks[1], '2026-Q3', 71);
    expect((await assess(tasks[0], '2026-Q3', 50, cast.tokens.leadStaff)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await assess(tasks[0], '2026-Q4', 101)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const ranking = await app.gql(
      `query($p: ID!) { departmentRanking(planId: $p, period: "2026-Q3") { department { id } rank score grade commended warned demotion reasons } }`,
      { p: plan.id },
      cast.tokens.manager,
    );
    expect(ranking.data!.departmentRanking).toEqual([
      { department: { id: depts[0].id }, rank: 1, score: 88, grade: 'GOOD', commended: true, warned: false, demotion: false, reasons: ['TOP_N'] },
      { department: { id: depts[1].id }, rank: 2, score: 71, grade: 'PASS', commended: false, warned: true, demotion: true, reasons: ['BOTTOM_N', 'BOTTOM_TWICE'] },
    ]);
  });
});

describe('plan settings', () => {
  it('a coordinator sets the cadence and ranking numbers; others may not; nonsense is refused', async () => {
    const plan = await makePlan(app.dataSource);
    const update = (token: string, input: Record<string, unknown>) =>
      app.gql(`mutation($input: UpdatePlanSettingsInput!) { updatePlanSettings(input: $input) { reportCadence reportDueOffsetDays commendCount warnCount } }`, { input: { planId: plan.id, ...input } }, token);
    expect((await update(cast.tokens.coordinator, { reportCadence: 'HALF_YEAR', commendCount: 5 })).data!.updatePlanSettings).toEqual({ reportCadence: 'HALF_YEAR', reportDueOffsetDays: 5, commendCount: 5, warnCount: 3 });
    expect((await update(cast.tokens.manager, { warnCount: 1 })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await update(cast.tokens.coordinator, { warnCount: -1 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const [row] = await app.dataSource.query('SELECT warn_count FROM plan WHERE id = $1', [plan.id]);
    expect(row.warn_count).toBe(3);
  });
});

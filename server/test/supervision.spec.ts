import { addDays, isWorkingDay, PLAIN_CALENDAR, todayIn, workingDaysBetween } from '@workplan/shared';
import { fileReport, makeCast, makePlan, makeUser, signIn, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';

const TASK = `query($id: ID!) { task(id: $id) { light lightReasons pointsBehind percentDone } }`;

describe('supervision: working-day calendar, warning lights, watch list', () => {
  let app: TestApp;
  let cast: Cast;
  let admin: string;
  let planId: string;
  const today = todayIn();

  beforeAll(async () => {
    app = await startTestApp();
    cast = await makeCast(app);
    admin = await signIn(app, await makeUser(app.dataSource, 'ADMIN', null));
    planId = (await makePlan(app.dataSource)).id;
  });
  afterAll(() => app.close());

  const assign = async (input: Record<string, unknown>) => {
    const res = await app.gql(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input: { title: '督办事项', origin: 'ASSIGNED', leadDepartmentId: cast.lead.id, planId, ...input } }, cast.tokens.coordinator);
    if (!res.data?.createTask) throw new Error(JSON.stringify(res.errors));
    return res.data.createTask.id as string;
  };
  const light = async (id: string) => (await app.gql(TASK, { id }, cast.tokens.coordinator)).data!.task;

  it('an administrator keeps holidays and make-up workdays; impossible days are refused', async () => {
    const SET = `mutation($input: SetCalendarDayInput!) { setCalendarDay(input: $input) { date kind name } }`;
    expect((await app.gql(SET, { input: { date: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' } }, admin)).data!.setCalendarDay).toEqual({ date: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' });
    expect((await app.gql(SET, { input: { date: '2026-09-27', kind: 'WORKDAY', name: '国庆调休' } }, admin)).data!.setCalendarDay.kind).toBe('WORKDAY'); // a Sunday
    expect((await app.gql(SET, { input: { date: '2026-09-29', kind: 'WORKDAY' } }, admin)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' }); // a Tuesday is worked anyway
    expect((await app.gql(SET, { input: { date: '2026-10-03', kind: 'HOLIDAY' } }, admin)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' }); // a Saturday is off anyway
    const year = await app.gql(`{ calendarDays(year: 2026) { date kind } }`, {}, cast.tokens.leadStaff);
    expect(year.data!.calendarDays).toEqual([{ date: '2026-09-27', kind: 'WORKDAY' }, { date: '2026-10-01', kind: 'HOLIDAY' }]);
    expect((await app.gql(`mutation { removeCalendarDay(date: "2026-09-27") }`, {}, admin)).data!.removeCalendarDay).toBe(true);
    expect((await app.gql(`mutation { removeCalendarDay(date: "2026-09-27") }`, {}, admin)).data!.removeCalendarDay).toBe(false);
  });

  it('a deadline a few working days off is yellow — sooner when holidays fall in between', async () => {
    // A deadline 4 working days away: green with the default 3-day window…
    const due = Array.from({ length: 14 }, (_, n) => addDays(today, n + 1)).find((d) => workingDaysBetween(today, d, PLAIN_CALENDAR) === 4)!;
    const id = await assign({ dueDate: due });
    expect(await light(id)).toMatchObject({ light: 'GREEN', lightReasons: [] });
    // …until a working day before it becomes a holiday: now 3 working days, yellow.
    let holiday = addDays(today, 1);
    while (!isWorkingDay(holiday, PLAIN_CALENDAR)) holiday = addDays(holiday, 1);
    await app.gql(`mutation($d: String!) { setCalendarDay(input: { date: $d, kind: HOLIDAY, name: "临时假日" }) { date } }`, { d: holiday }, admin);
    expect(await light(id)).toMatchObject({ light: 'YELLOW', lightReasons: ['DUE_SOON'] });
    // A plan that counts calendar days sees the 5+ days and stays green.
    await app.gql(`mutation($input: UpdatePlanSettingsInput!) { updatePlanSettings(input: $input) { id } }`, { input: { planId, lightRules: { workingDays: false } } }, cast.tokens.coordinator);
    expect((await light(id)).light).toBe('GREEN');
    await app.gql(`mutation($input: UpdatePlanSettingsInput!) { updatePlanSettings(input: $input) { id } }`, { input: { planId, lightRules: { workingDays: true } } }, cast.tokens.coordinator);
    await app.gql(`mutation($d: String!) { removeCalendarDay(date: $d) }`, { d: holiday }, admin);
  });

  it('a percent done far behind the time elapsed is red; near it, green', async () => {
    const rules = { workingDays: false, dueSoonDays: 0 };
    await app.gql(`mutation($input: UpdatePlanSettingsInput!) { updatePlanSettings(input: $input) { id } }`, { input: { planId, lightRules: rules } }, cast.tokens.coordinator);
    const id = await assign({ dueDate: addDays(today, 40) });
    // Implementation began 60 days ago: 60% of the time has gone.
    await app.asOwner(`ALTER TABLE task_transition DISABLE TRIGGER task_transition_append_only`);
    await app.asOwner(`UPDATE task_transition SET at = now() - interval '60 days' WHERE task_id = $1 AND to_stage = 'IMPLEMENTATION'`, [id]);
    await app.asOwner(`ALTER TABLE task_transition ENABLE TRIGGER task_transition_append_only`);
    await fileReport(app, cast.tokens.leadStaff, id, { percentDone: 20 });
    // (Starting 60 days back may also leave last period's report missing, depending on today's date.)
    expect(await light(id)).toMatchObject({ light: 'RED', lightReasons: expect.arrayContaining(['FAR_BEHIND_PACE']), pointsBehind: 40, percentDone: 20 });
    await app.asOwner(`UPDATE progress_report SET percent_done = 55 WHERE task_id = $1`, [id]);
    const near = await light(id);
    expect(near).toMatchObject({ pointsBehind: 5, percentDone: 55 });
    expect(near.lightReasons.filter((r: string) => r.includes('PACE'))).toEqual([]);
    const refused = await app.gql(`mutation($input: UpdatePlanSettingsInput!) { updatePlanSettings(input: $input) { id } }`, { input: { planId, lightRules: { paceRedPoints: 5 } } }, cast.tokens.coordinator);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const bad = await fileReport(app, cast.tokens.leadStaff, id, { percentDone: 150, period: '2020-Q1' }).catch((e: Error) => e.message);
    expect(bad).toMatch(/percentDone must be a whole number from 0 to 100/);
  });

  it('the watch list groups open tasks by why they are not green, per department', async () => {
    const overdue = await assign({ title: '超期事项', dueDate: addDays(today, -3) });
    const elsewhere = await assign({ title: '别处超期', dueDate: addDays(today, -3), leadDepartmentId: cast.other.id });
    const LIST = `query($d: ID) { watchList(departmentId: $d) { overdue { id light lightReasons } dueSoon { id } behindPace { id } reportsMissed { id } stale { id } } }`;
    const all = (await app.gql(LIST, {}, cast.tokens.coordinator)).data!.watchList;
    expect(all.overdue.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([overdue, elsewhere]));
    expect(all.overdue.find((t: { id: string }) => t.id === overdue)).toMatchObject({ light: 'RED', lightReasons: ['OVERDUE'] });
    const mine = (await app.gql(LIST, { d: cast.lead.id }, cast.tokens.coordinator)).data!.watchList;
    expect(mine.overdue.map((t: { id: string }) => t.id)).toContain(overdue);
    expect(mine.overdue.map((t: { id: string }) => t.id)).not.toContain(elsewhere);
  });

  it('the watch list also names tasks with a unit report sent back, and units that signed for their part late or not at all', async () => {
    const must = async (query: string, variables: Record<string, unknown>, token: string) => {
      const res = await app.gql(query, variables, token);
      if (!res.data || res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data;
    };
    const returnedTask = await assign({ title: '报告被退回', dueDate: addDays(today, 60), cooperatingDepartmentIds: [cast.other.id] });
    const lateTask = await assign({ title: '迟迟未签收', dueDate: addDays(today, 60), cooperatingDepartmentIds: [cast.other.id] });
    const unitOf = async (taskId: string) =>
      (await must(`query($id: ID!) { assignments(taskId: $id) { id department { id } } }`, { id: taskId }, cast.tokens.coordinator)).assignments.find(
        (a: { department: { id: string } }) => a.department.id === cast.other.id,
      ).id as string;
    // The cooperating unit signs for the first task at once, reports, and is sent back for rework.
    const unit = await unitOf(returnedTask);
    await must(`mutation($id: ID!) { signForAssignment(assignmentId: $id) { id } }`, { id: unit }, cast.tokens.otherStaff);
    const filed = await must(
      `mutation($input: FileAssignmentReportInput!) { fileAssignmentReport(input: $input) { reports { id } } }`,
      { input: { assignmentId: unit, percentDone: 30, workDone: '已完成调研' } },
      cast.tokens.otherStaff,
    );
    await must(`mutation($id: ID!) { reviewAssignmentReport(reportId: $id, verdict: RETURN, reason: "缺少数据") { id } }`, { id: filed.fileAssignmentReport.reports[0].id }, cast.tokens.coordinator);
    // The second task was handed out three weeks ago and the cooperating unit has not signed for it.
    await app.asOwner(`UPDATE task_assignment SET assigned_at = now() - interval '21 days' WHERE id = $1`, [await unitOf(lateTask)]);

    const LIST = `{ watchList { reportsReturned { id } signedLate { id } } }`;
    const list = (await app.gql(LIST, {}, cast.tokens.coordinator)).data!.watchList;
    const ids = (group: Array<{ id: string }>) => group.map((t) => t.id);
    expect(ids(list.reportsReturned)).toContain(returnedTask);
    expect(ids(list.reportsReturned)).not.toContain(lateTask);
    expect(ids(list.signedLate)).toContain(lateTask);
    expect(ids(list.signedLate)).not.toContain(returnedTask);
    // Filed again and passed: off the list.
    const again = await must(
      `mutation($input: FileAssignmentReportInput!) { fileAssignmentReport(input: $input) { reports { id review } } }`,
      { input: { assignmentId: unit, percentDone: 45, workDone: '已补充数据' } },
      cast.tokens.otherStaff,
    );
    const pending = again.fileAssignmentReport.reports.find((r: { review: string | null }) => r.review === null).id;
    await must(`mutation($id: ID!) { reviewAssignmentReport(reportId: $id, verdict: PASS) { id } }`, { id: pending }, cast.tokens.coordinator);
    expect(ids((await app.gql(LIST, {}, cast.tokens.coordinator)).data!.watchList.reportsReturned)).not.toContain(returnedTask);
  });

  it('the board shows only the lights asked for, with counts to match', async () => {
    const plan = (await makePlan(app.dataSource)).id;
    const red = await assign({ planId: plan, title: '红灯', dueDate: addDays(today, -2) });
    let soon = addDays(today, 1);
    while (!isWorkingDay(soon, PLAIN_CALENDAR)) soon = addDays(soon, 1);
    const yellow = await assign({ planId: plan, title: '黄灯', dueDate: soon });
    const green = await assign({ planId: plan, title: '绿灯', dueDate: addDays(today, 90) });
    const BOARD = `query($f: BoardFilter) { board(filter: $f) { totalCount columns { stage totalCount tasks(first: 50) { nodes { id light } } } } }`;
    const shown = async (lights: string[] | null, token = cast.tokens.coordinator) => {
      const res = await app.gql(BOARD, { f: { planId: plan, lights } }, token);
      if (!res.data) throw new Error(JSON.stringify(res.errors));
      const cards = res.data.board.columns.flatMap((c: { tasks: { nodes: Array<{ id: string; light: string }> } }) => c.tasks.nodes);
      expect(res.data.board.totalCount).toBe(cards.length);
      return cards.map((t: { id: string; light: string }) => `${t.id === red ? 'red' : t.id === yellow ? 'yellow' : t.id === green ? 'green' : t.id}:${t.light}`).sort();
    };
    expect(await shown(null)).toEqual(['green:GREEN', 'red:RED', 'yellow:YELLOW']);
    expect(await shown(['RED'])).toEqual(['red:RED']);
    expect(await shown(['RED', 'YELLOW'])).toEqual(['red:RED', 'yellow:YELLOW']);
    expect(await shown(['GREEN'])).toEqual(['green:GREEN']);
    expect(await shown(['GREEN', 'YELLOW', 'RED'])).toHaveLength(3);
    // The filter narrows what a person may see, never widens it: staff of another department, on a
    // plan that shows them only their own tasks, see none of these either way.
    expect(await shown(['RED'], cast.tokens.otherStaff)).toEqual(['red:RED']);
    await app.gql(`mutation($input: UpdatePlanSettingsInput!) { updatePlanSettings(input: $input) { id } }`, { input: { planId: plan, taskVisibility: 'OWN' } }, cast.tokens.coordinator);
    expect(await shown(['RED'], cast.tokens.otherStaff)).toEqual([]);
    expect(await shown(null, cast.tokens.otherStaff)).toEqual([]);
  });
});

import { ReminderEscalation } from '../src/reminder/reminder-escalation';
import { makeCast, makePlan, makeUser, signIn, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';
import { existingTestDatabase } from './test-database';
import type { UserEntity } from '../src/user/user.entity';

const SLIP = `id number level taskId taskCode taskTitle departmentId departmentName responsiblePerson requirement deadline taskDueDate origin issuedByName issuedOn signedAt signedByName`;
const REMIND = `mutation($input: RemindTaskInput!) { remindTask(input: $input) { ${SLIP} } }`;
const SIGN = `mutation($id: ID!) { signForReminder(reminderId: $id) { ${SLIP} } }`;

describe('reminders (催办) with escalation', () => {
  let app: TestApp;
  let cast: Cast;
  let leader: UserEntity;
  let tokens: Cast['tokens'] & { leader: string; admin: string };
  let planId: string;
  let sweeps: ReminderEscalation;

  beforeAll(async () => {
    app = await startTestApp();
    cast = await makeCast(app);
    leader = await makeUser(app.dataSource, 'STAFF', cast.lead.id, { departmentLeader: true, name: '张局长' });
    tokens = { ...cast.tokens, leader: await signIn(app, leader), admin: await signIn(app, await makeUser(app.dataSource, 'ADMIN', null)) };
    planId = (await makePlan(app.dataSource)).id;
    sweeps = app.app.get(ReminderEscalation);
  });
  afterAll(() => app.close());

  const assign = async (dueDate: string, title = '督办事项') => {
    const res = await app.gql(
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { id code } }`,
      { input: { title, dueDate, origin: 'ASSIGNED', leadDepartmentId: cast.lead.id, cooperatingDepartmentIds: [cast.other.id], planId } },
      cast.tokens.coordinator,
    );
    if (!res.data?.createTask) throw new Error(JSON.stringify(res.errors));
    return res.data.createTask as { id: string; code: string };
  };
  const slips = async (taskId: string, token = tokens.coordinator) => {
    const res = await app.gql(`query($id: ID!) { reminders(taskId: $id) { ${SLIP} } }`, { id: taskId }, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.reminders as Array<Record<string, any>>;
  };
  /** One unit's slips on a task, newest first (the lead unit's unless told). */
  const slipsTo = async (taskId: string, unit = cast.lead.id) => (await slips(taskId)).filter((s) => s.departmentId === unit);
  const levels = async (taskId: string, unit = cast.lead.id) => (await slipsTo(taskId, unit)).map((s) => `${s.level}@${s.issuedOn}`).reverse();
  const noticesOf = async (token: string, taskId: string) =>
    ((await app.gql(`{ notifications(first: 100) { kind taskId params } }`, {}, token)).data!.notifications as Array<Record<string, any>>).filter((n) => n.taskId === taskId);
  const count = async (table: string) => (await app.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('escalates on the working days the rules say, across a holiday: a reminder the working day after the deadline, a notice five working days later', async () => {
    // Thursday 3 October 2030 is the deadline; Friday the 4th a holiday; the weekend follows.
    const set = await app.gql(`mutation { setCalendarDay(input: { date: "2030-10-04", kind: HOLIDAY, name: "国庆节" }) { date } }`, {}, tokens.admin);
    expect(set.errors).toBeUndefined();
    const task = await assign('2030-10-03');

    for (const day of ['2030-10-02', '2030-10-03', '2030-10-04', '2030-10-05', '2030-10-06']) await sweeps.sweep(day);
    expect(await levels(task.id)).toEqual([]);

    await sweeps.sweep('2030-10-07'); // Monday: the working day after the deadline
    const [first] = await slipsTo(task.id);
    expect(first).toMatchObject({
      level: 'REMINDER',
      origin: 'AUTO',
      issuedByName: null,
      taskCode: task.code,
      departmentId: cast.lead.id,
      responsiblePerson: '张局长',
      taskDueDate: '2030-10-03',
      issuedOn: '2030-10-07',
      deadline: '2030-10-11', // until the working day before the notice would come
      signedAt: null,
    });
    expect(first.number).toMatch(/^督办〔2030〕第\d+号$/);
    expect(first.requirement).toContain('2030-10-03');

    // The unit's staff and its leader hear of it; the cooperating unit (its deadline passed too) hears of its own slip only.
    for (const token of [tokens.leadStaff, tokens.leader]) {
      expect(await noticesOf(token, task.id)).toEqual([
        { kind: 'REMINDER_ISSUED', taskId: task.id, params: { number: first.number, level: 'REMINDER', code: task.code, title: '督办事项', deadline: '2030-10-11' } },
      ]);
    }
    const [theirs] = await slipsTo(task.id, cast.other.id);
    expect(theirs).toMatchObject({ level: 'REMINDER', issuedOn: '2030-10-07', taskDueDate: '2030-10-03' });
    expect(theirs.number).not.toBe(first.number);
    expect((await noticesOf(tokens.otherStaff, task.id)).map((n) => n.params.number)).toEqual([theirs.number]);

    for (const day of ['2030-10-07', '2030-10-08', '2030-10-11', '2030-10-12', '2030-10-13']) await sweeps.sweep(day);
    expect(await levels(task.id)).toEqual(['REMINDER@2030-10-07']);

    await sweeps.sweep('2030-10-14'); // five working days after the reminder
    await sweeps.sweep('2030-10-15');
    await sweeps.sweep('2030-10-21');
    expect(await levels(task.id)).toEqual(['REMINDER@2030-10-07', 'NOTICE@2030-10-14']);
    const [notice] = await slipsTo(task.id);
    expect(notice).toMatchObject({ level: 'NOTICE', deadline: '2030-10-18', taskDueDate: '2030-10-03' });
    expect(notice.number).not.toBe(first.number);
    expect(await noticesOf(tokens.leader, task.id)).toHaveLength(2);

    // A moved deadline that passes again escalates again (an extension moves the units' deadlines with the task's).
    await app.asOwner(`UPDATE task SET due_date = '2030-11-06' WHERE id = $1`, [task.id]);
    await app.asOwner(`UPDATE task_assignment SET due_date = '2030-11-06' WHERE task_id = $1`, [task.id]);
    await sweeps.sweep('2030-11-06');
    expect(await levels(task.id)).toHaveLength(2);
    await sweeps.sweep('2030-11-07');
    expect(await levels(task.id)).toEqual(['REMINDER@2030-10-07', 'NOTICE@2030-10-14', 'REMINDER@2030-11-07']);
  });

  it('follows the plan’s rules, and leaves tasks past inspection alone', async () => {
    const custom = (await makePlan(app.dataSource)).id;
    const res = await app.gql(
      `mutation($input: UpdatePlanSettingsInput!) { updatePlanSettings(input: $input) { escalationRules { reminderAfterDays noticeAfterDays } } }`,
      { input: { planId: custom, escalationRules: { reminderAfterDays: 3 } } },
      tokens.coordinator,
    );
    expect(res.data!.updatePlanSettings.escalationRules).toEqual({ reminderAfterDays: 3, noticeAfterDays: 5 });
    const bad = await app.gql(`mutation($input: UpdatePlanSettingsInput!) { updatePlanSettings(input: $input) { id } }`, { input: { planId: custom, escalationRules: { noticeAfterDays: 0 } } }, tokens.coordinator);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'escalationRules.noticeAfterDays' });
    const task = await assign('2030-10-03');
    await app.asOwner(`UPDATE task SET plan_id = $2 WHERE id = $1`, [task.id, custom]);
    await sweeps.sweep('2030-10-08'); // 2nd working day after (the 4th is a holiday)
    expect(await levels(task.id)).toEqual([]);
    await sweeps.sweep('2030-10-09');
    expect(await levels(task.id)).toEqual(['REMINDER@2030-10-09']);

    const done = await assign('2030-10-03');
    await app.asOwner(`UPDATE task SET stage = 'INSPECTION' WHERE id = $1`, [done.id]);
    await sweeps.sweep('2030-10-09');
    expect(await levels(done.id)).toEqual([]);
  });

  it('presses each unit on its own deadline: a unit whose report was passed is left alone, the other is reminded', async () => {
    const task = await assign('2031-06-03'); // a Tuesday
    const units = async () =>
      ((await app.gql(`query($id: ID!) { assignments(taskId: $id) { id status department { id } reports { id } } }`, { id: task.id }, tokens.coordinator)).data!.assignments as Array<{
        id: string;
        status: string;
        department: { id: string };
        reports: Array<{ id: string }>;
      }>);
    const of = async (unit: string) => (await units()).find((a) => a.department.id === unit)!;
    const must = async (query: string, variables: Record<string, unknown>, token: string) => {
      const res = await app.gql(query, variables, token);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data!;
    };
    // The lead unit signs for its part, reports it done, and the coordinating office passes the report.
    const lead = await of(cast.lead.id);
    await must(`mutation($id: ID!) { signForAssignment(assignmentId: $id) { id } }`, { id: lead.id }, tokens.leadStaff);
    await must(
      `mutation($input: FileAssignmentReportInput!) { fileAssignmentReport(input: $input) { id } }`,
      { input: { assignmentId: lead.id, percentDone: 100, workDone: '牵头事项已全部完成' } },
      tokens.leadStaff,
    );
    const [report] = (await of(cast.lead.id)).reports;
    await must(`mutation($id: ID!) { reviewAssignmentReport(reportId: $id, verdict: PASS) { id } }`, { id: report.id }, tokens.coordinator);
    expect((await of(cast.lead.id)).status).toBe('PASSED');
    // The cooperating unit was given its own, later deadline (the following Tuesday).
    await app.asOwner(`UPDATE task_assignment SET due_date = '2031-06-10' WHERE task_id = $1 AND department_id = $2`, [task.id, cast.other.id]);

    await sweeps.sweep('2031-06-04'); // the working day after the task's deadline: neither unit is behind its own
    expect(await slips(task.id)).toEqual([]);
    await sweeps.sweep('2031-06-11'); // the working day after the cooperating unit's deadline
    expect(await levels(task.id)).toEqual([]);
    expect(await levels(task.id, cast.other.id)).toEqual(['REMINDER@2031-06-11']);
    const [slip] = await slipsTo(task.id, cast.other.id);
    expect(slip).toMatchObject({ origin: 'AUTO', departmentId: cast.other.id, taskDueDate: '2031-06-10', deadline: '2031-06-17' });
    expect(slip.requirement).toContain('2031-06-10');
    expect(await noticesOf(tokens.leadStaff, task.id)).toEqual([]);

    // Once its report is passed too, no notice follows.
    const other = await of(cast.other.id);
    await must(`mutation($id: ID!) { signForAssignment(assignmentId: $id) { id } }`, { id: other.id }, tokens.otherStaff);
    await must(
      `mutation($input: FileAssignmentReportInput!) { fileAssignmentReport(input: $input) { id } }`,
      { input: { assignmentId: other.id, percentDone: 100, workDone: '配合事项已完成' } },
      tokens.otherStaff,
    );
    await must(`mutation($id: ID!) { reviewAssignmentReport(reportId: $id, verdict: PASS) { id } }`, { id: (await of(cast.other.id)).reports[0].id }, tokens.coordinator);
    await sweeps.sweep('2031-06-18');
    expect(await levels(task.id, cast.other.id)).toEqual(['REMINDER@2031-06-11']);
  });

  it('sends each slip once when the sweep runs twice, or on two replicas at once', async () => {
    const task = await assign('2031-03-04'); // a Tuesday
    const before = await count('reminder');
    // A second replica on the same database, sweeping at the same moment as two runs on this one.
    const replica = await startTestApp({ database: existingTestDatabase(app.databaseUrl), keepDatabase: true });
    let sent: number[];
    try {
      const other = replica.app.get(ReminderEscalation);
      sent = await Promise.all([sweeps.sweep('2031-03-05'), other.sweep('2031-03-05'), sweeps.sweep('2031-03-05'), other.sweep('2031-03-05')]);
    } finally {
      await replica.close();
    }
    expect(await levels(task.id)).toEqual(['REMINDER@2031-03-05']);
    expect(sent.reduce((a, b) => a + b, 0)).toBe((await count('reminder')) - before); // each run counted only what it really wrote
    await sweeps.sweep('2031-03-05');
    expect(await levels(task.id)).toEqual(['REMINDER@2031-03-05']);
    expect(await noticesOf(tokens.leadStaff, task.id)).toHaveLength(1);
    // Numbers stay unique and without gaps: a run that lost the race gave its number back.
    const rows: Array<{ year: number; sequence: number }> = await app.dataSource.query(`SELECT year, sequence FROM reminder WHERE year = 2031 ORDER BY sequence`);
    expect(rows.map((r) => r.sequence)).toEqual(rows.map((_, i) => i + 1));
  });

  it('a coordinator reminds a unit by hand; numbers are unique under concurrency; bad input changes nothing', async () => {
    const task = await assign('2030-12-31');
    const input = { taskId: task.id, departmentId: cast.other.id, level: 'NOTICE', requirement: '请配合单位于时限内报送配合事项办理情况', deadline: '2030-12-20' };
    const res = await app.gql(REMIND, { input }, tokens.coordinator);
    expect(res.errors).toBeUndefined();
    const year = new Date().getFullYear();
    expect(res.data!.remindTask).toMatchObject({
      level: 'NOTICE',
      origin: 'MANUAL',
      issuedByName: cast.users.coordinator.name,
      departmentName: cast.other.name,
      responsiblePerson: null,
      requirement: input.requirement,
      deadline: '2030-12-20',
      taskDueDate: '2030-12-31',
      signedAt: null,
    });
    expect(res.data!.remindTask.number).toMatch(new RegExp(`^督办〔${year}〕第\\d+号$`));
    expect(await noticesOf(tokens.otherStaff, task.id)).toEqual([expect.objectContaining({ kind: 'REMINDER_ISSUED', params: expect.objectContaining({ level: 'NOTICE' }) })]);
    expect(await noticesOf(tokens.leadStaff, task.id)).toEqual([]);

    // Text is kept verbatim (the slip shows it as text).
    const hostile = `'; DROP TABLE reminder; -- <script>alert(1)</script>`;
    const kept = await app.gql(REMIND, { input: { ...input, requirement: hostile } }, tokens.coordinator);
    expect(kept.data!.remindTask.requirement).toBe(hostile);

    const many = await Promise.all(Array.from({ length: 8 }, () => app.gql(REMIND, { input: { ...input, departmentId: cast.lead.id, level: 'REMINDER' } }, tokens.coordinator)));
    const numbers = many.map((r) => r.data!.remindTask.number as string);
    expect(new Set(numbers).size).toBe(8);

    const before = { slips: await count('reminder'), notices: await count('notification') };
    const refused = [
      await app.gql(REMIND, { input: { ...input, departmentId: (await app.dataSource.query(`INSERT INTO department (code, name, level) VALUES ('x-unit', '无关单位', 'province') RETURNING id`))[0].id } }, tokens.coordinator),
      await app.gql(REMIND, { input: { ...input, deadline: '2020-01-01' } }, tokens.coordinator),
      await app.gql(REMIND, { input: { ...input, deadline: '明天' } }, tokens.coordinator),
      await app.gql(REMIND, { input: { ...input, requirement: '   ' } }, tokens.coordinator),
    ];
    expect(refused.map((r) => r.errors?.[0]?.extensions?.field)).toEqual(['departmentId', 'deadline', 'deadline', 'requirement']);
    expect(refused.every((r) => r.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
    expect(await app.gql(REMIND, { input: { ...input, taskId: '00000000-0000-4000-8000-000000000000' } }, tokens.coordinator)).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });

    // Staff, approvers, managers and inspectors do not press units.
    for (const token of [tokens.leadStaff, tokens.leader, tokens.approver, tokens.manager, tokens.inspector]) {
      expect((await app.gql(REMIND, { input }, token)).errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    await app.dataSource.query(`DELETE FROM department WHERE code = 'x-unit'`);
    expect({ slips: await count('reminder'), notices: await count('notification') }).toEqual(before);
  });

  it('only the unit a slip is addressed to signs for it, once; its inbox shows what it has not signed', async () => {
    const task = await assign('2030-12-31');
    const made = await app.gql(REMIND, { input: { taskId: task.id, departmentId: cast.lead.id, level: 'REMINDER', requirement: '请尽快办理', deadline: '2030-12-20' } }, tokens.coordinator);
    const slip = made.data!.remindTask;
    const mine = async (token: string) => ((await app.gql(`{ myReminders { id } }`, {}, token)).data!.myReminders as Array<{ id: string }>).map((r) => r.id);
    expect(await mine(tokens.leadStaff)).toContain(slip.id);
    expect(await mine(tokens.otherStaff)).not.toContain(slip.id);

    // The cooperating unit sees the task but the slip is not theirs; others may not sign at all.
    const before = await app.dataSource.query(`SELECT signed_at, signed_by FROM reminder WHERE id = $1`, [slip.id]);
    for (const token of [tokens.otherStaff, tokens.coordinator, tokens.approver, tokens.manager]) {
      expect((await app.gql(SIGN, { id: slip.id }, token)).errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    expect(await app.dataSource.query(`SELECT signed_at, signed_by FROM reminder WHERE id = $1`, [slip.id])).toEqual(before);

    const signed = await app.gql(SIGN, { id: slip.id }, tokens.leadStaff);
    expect(signed.data!.signForReminder).toMatchObject({ id: slip.id, signedByName: cast.users.leadStaff.name });
    expect(signed.data!.signForReminder.signedAt).toBeTruthy();
    const again = await app.gql(SIGN, { id: slip.id }, tokens.leader);
    expect(again.data!.signForReminder).toMatchObject({ signedByName: cast.users.leadStaff.name, signedAt: signed.data!.signForReminder.signedAt });
    expect(await mine(tokens.leader)).not.toContain(slip.id);

    // The printable slip: any reader of the task may open it.
    const printed = await app.gql(`query($id: ID!) { reminder(id: $id) { number taskCode taskTitle departmentName responsiblePerson requirement deadline signedByName } }`, { id: slip.id }, tokens.manager);
    expect(printed.data!.reminder).toEqual({
      number: slip.number,
      taskCode: task.code,
      taskTitle: '督办事项',
      departmentName: cast.lead.name,
      responsiblePerson: '张局长',
      requirement: '请尽快办理',
      deadline: '2030-12-20',
      signedByName: cast.users.leadStaff.name,
    });
    expect((await app.gql(`query($id: ID!) { reminder(id: $id) { id } }`, { id: '00000000-0000-4000-8000-000000000000' }, tokens.manager)).errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('keeps every slip: nothing but the sign-for can be written, not even by the database’s owner', async () => {
    const [slip] = await app.dataSource.query(`SELECT id FROM reminder LIMIT 1`);
    await expect(app.dataSource.query(`UPDATE reminder SET requirement = '改写' WHERE id = $1`, [slip.id])).rejects.toThrow(/logged event/);
    await expect(app.dataSource.query(`DELETE FROM reminder WHERE id = $1`, [slip.id])).rejects.toThrow(/permission denied/);
    await expect(app.asOwner(`DELETE FROM reminder WHERE id = $1`, [slip.id])).rejects.toThrow(/kept/);
    await expect(app.asOwner(`TRUNCATE reminder`)).rejects.toThrow(/append-only/);
  });
});

import { addDays, todayIn } from '@workplan/shared';
import { databaseFingerprint } from './db-state';
import { fileReport, makeCast, makePlan, proposeTask, transition, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';

const CARDS = `query($p: ID!, $period: String!) {
  scoreCards(planId: $p, period: $period) { department { id } score deductions additions rank grade commended warned items { kind points taskCode nth on } }
}`;

/** The period (quarter) today falls in: where the transitions made below are scored. */
const thisQuarter = () => {
  const today = todayIn();
  return `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
};

describe('supervision scoring (督办考核)', () => {
  let app: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    app = await startTestApp();
    cast = await makeCast(app);
  });
  afterAll(() => app.close());

  const cards = async (planId: string, period = thisQuarter()) => {
    const res = await app.gql(CARDS, { p: planId, period }, cast.tokens.leadStaff);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.scoreCards as Array<{ department: { id: string }; score: number; deductions: number; additions: number; rank: number; commended: boolean; warned: boolean; items: Array<{ kind: string; points: number; taskCode: string; nth: number | null }> }>;
  };

  it('each successive return of a task costs more; finishing on time adds a point to every unit; the ranking follows', async () => {
    const plan = await makePlan(app.dataSource, { commendCount: 1, warnCount: 1 });
    // The lead department's task is sent back twice: −0.5, then −1.
    const task = await proposeTask(app, cast.tokens.leadStaff, { planId: plan.id });
    let version = task.version;
    for (let round = 0; round < 2; round++) {
      version = (await transition(app, cast.tokens.leadStaff, { taskId: task.id, event: 'SUBMIT', expectedVersion: version })).data!.transitionTask.task.version;
      version = (await transition(app, cast.tokens.coordinator, { taskId: task.id, event: 'RETURN', expectedVersion: version, comment: `第${round + 1}次退回：请补充量化指标` })).data!.transitionTask.task.version;
    }
    // The other department finishes an assigned task, with the lead department cooperating, before its deadline.
    const assigned = await app.gql(
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { id version stage } }`,
      { input: { title: '按期完成事项', origin: 'ASSIGNED', leadDepartmentId: cast.other.id, cooperatingDepartmentIds: [cast.lead.id], planId: plan.id, dueDate: addDays(todayIn(), 30) } },
      cast.tokens.coordinator,
    );
    const done = assigned.data!.createTask;
    expect(done.stage).toBe('IMPLEMENTATION');
    await fileReport(app, cast.tokens.otherStaff, done.id);
    const finished = await transition(app, cast.tokens.otherStaff, { taskId: done.id, event: 'REQUEST_INSPECTION', expectedVersion: done.version });
    expect(finished.data!.transitionTask.task.stage).toBe('INSPECTION');

    const [first, second] = await cards(plan.id);
    expect(first).toMatchObject({ department: { id: cast.other.id }, score: 101, additions: 1, deductions: 0, rank: 1, commended: true, warned: false });
    expect(second).toMatchObject({ department: { id: cast.lead.id }, score: 99.5, additions: 1, deductions: 1.5, rank: 2, commended: false, warned: true });
    expect(second.items.map((i) => [i.kind, i.points, i.nth])).toEqual([
      ['RETURN', -0.5, 1],
      ['RETURN', -1, 2],
      ['FINISHED_ON_TIME', 1, null],
    ]);
    // Another period saw none of it: everyone at the base.
    expect((await cards(plan.id, '2020-Q1')).map((c) => c.score)).toEqual([100, 100]);

    // In the commendation stage the scores propose COMMEND for the task of the unit on top.
    const SUGGESTION = `query($id: ID!) { task(id: $id) { stage outcomeSuggestion { period rank unitCount score event } } }`;
    expect((await app.gql(SUGGESTION, { id: done.id }, cast.tokens.coordinator)).data!.task.outcomeSuggestion).toBeNull(); // still in inspection
    const passed = await transition(app, cast.tokens.inspector, { taskId: done.id, event: 'PASS', expectedVersion: finished.data!.transitionTask.task.version });
    expect(passed.data!.transitionTask.task.stage).toBe('COMMENDATION');
    expect((await app.gql(SUGGESTION, { id: done.id }, cast.tokens.coordinator)).data!.task.outcomeSuggestion).toEqual({ period: thisQuarter(), rank: 1, unitCount: 2, score: 101, event: 'COMMEND' });
  });

  it('reminders are yellow and red cards, a returned unit report costs its unit, positive instructions add a point', async () => {
    const plan = await makePlan(app.dataSource, { commendCount: 1, warnCount: 1 });
    const today = todayIn();
    const made = await app.gql(
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
      { input: { title: '两单位办理事项', origin: 'ASSIGNED', leadDepartmentId: cast.lead.id, cooperatingDepartmentIds: [cast.other.id], planId: plan.id, dueDate: addDays(today, 60) } },
      cast.tokens.coordinator,
    );
    const taskId = made.data!.createTask.id as string;
    const must = async (query: string, variables: Record<string, unknown>, token: string) => {
      const res = await app.gql(query, variables, token);
      if (!res.data || res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data;
    };
    // The cooperating unit's report is sent back twice (−0.5, −1) before it passes.
    const units = (await must(`query($id: ID!) { assignments(taskId: $id) { id department { id } } }`, { id: taskId }, cast.tokens.coordinator)).assignments;
    const theirs = units.find((a: { department: { id: string } }) => a.department.id === cast.other.id).id as string;
    await must(`mutation($id: ID!) { signForAssignment(assignmentId: $id) { id } }`, { id: theirs }, cast.tokens.otherStaff);
    const REPORT = `mutation($input: FileAssignmentReportInput!) { fileAssignmentReport(input: $input) { reports { id review } } }`;
    const REVIEW = `mutation($id: ID!, $verdict: ReviewVerdict!, $reason: String) { reviewAssignmentReport(reportId: $id, verdict: $verdict, reason: $reason) { id } }`;
    for (const verdict of ['RETURN', 'RETURN', 'PASS']) {
      const filed = (await must(REPORT, { input: { assignmentId: theirs, percentDone: 50, workDone: '完成配合事项' } }, cast.tokens.otherStaff)).fileAssignmentReport;
      const pending = filed.reports.find((r: { review: string | null }) => r.review === null).id;
      await must(REVIEW, { id: pending, verdict, reason: verdict === 'RETURN' ? '数据不全' : null }, cast.tokens.coordinator);
    }
    // The lead unit is pressed twice by hand: a reminder (−5) and a notice (−10); a leader praises the work (+1).
    const REMIND = `mutation($input: RemindTaskInput!) { remindTask(input: $input) { id } }`;
    for (const level of ['REMINDER', 'NOTICE']) {
      await must(REMIND, { input: { taskId, departmentId: cast.lead.id, level, requirement: '请加快推进', deadline: addDays(today, 10) } }, cast.tokens.coordinator);
    }
    await must(
      `mutation($input: IssueInstructionInput!) { issueInstruction(input: $input) { id } }`,
      { input: { taskId, number: '表扬〔2026〕1号', issuedOn: today, content: '工作扎实，予以肯定。', tone: 'POSITIVE' } },
      cast.tokens.approver,
    );

    const scored = await cards(plan.id);
    const lead = scored.find((c) => c.department.id === cast.lead.id)!;
    const other = scored.find((c) => c.department.id === cast.other.id)!;
    expect(lead.items.map((i) => [i.kind, i.points]).sort()).toEqual([['POSITIVE_INSTRUCTION', 1], ['RED_CARD', -10], ['YELLOW_CARD', -5]]);
    expect(lead.score).toBe(86);
    // Passed by its deadline: the unit's part is finished on time (+1).
    expect(other.items.map((i) => [i.kind, i.points, i.nth])).toEqual([['RETURN', -0.5, 1], ['RETURN', -1, 2], ['FINISHED_ON_TIME', 1, null]]);
    expect(other.score).toBe(99.5);
    expect(other).toMatchObject({ rank: 1, commended: true });
    expect(lead).toMatchObject({ rank: 2, warned: true });
  });

  it('a coordinator sets the plan’s rules and the scores follow them; nonsense rules and other roles change nothing', async () => {
    const plan = await makePlan(app.dataSource);
    const task = await proposeTask(app, cast.tokens.leadStaff, { planId: plan.id });
    const submitted = (await transition(app, cast.tokens.leadStaff, { taskId: task.id, event: 'SUBMIT', expectedVersion: task.version })).data!.transitionTask.task;
    await transition(app, cast.tokens.coordinator, { taskId: task.id, event: 'RETURN', expectedVersion: submitted.version, comment: '请补充' });
    expect((await cards(plan.id))[0].score).toBe(99.5);

    const SET = `mutation($p: ID!, $r: ScoringRulesInput!) { setScoringRules(planId: $p, rules: $r) { base returnPenalties } }`;
    const rules = { base: 90, returnPenalties: [3], yellowCard: 5, redCard: 10, finishedOnTime: 2, positiveInstruction: 1 };
    expect((await app.gql(SET, { p: plan.id, r: rules }, cast.tokens.coordinator)).data!.setScoringRules).toEqual({ base: 90, returnPenalties: [3] });
    expect((await cards(plan.id))[0].score).toBe(87);

    const before = await databaseFingerprint(app.dataSource);
    const bad = await app.gql(SET, { p: plan.id, r: { ...rules, returnPenalties: [] } }, cast.tokens.coordinator);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rules.returnPenalties' });
    const forbidden = await app.gql(SET, { p: plan.id, r: { ...rules, base: 100 } }, cast.tokens.leadStaff);
    expect(forbidden.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await databaseFingerprint(app.dataSource)).toEqual(before);
    const badPeriod = await app.gql(CARDS, { p: plan.id, period: 'last quarter' }, cast.tokens.coordinator);
    expect(badPeriod.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  });
});

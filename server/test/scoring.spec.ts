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

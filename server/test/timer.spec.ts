import { DataSource } from 'typeorm';
import { TimerService } from '../src/timer/timer.service';
import { makeCast, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';

async function until<T>(probe: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('durable timers (pg-boss)', () => {
  let app: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    app = await startTestApp({ timers: true });
    cast = await makeCast(app);
  });
  afterAll(() => app.close());

  it('escalates an overdue task to the coordinators once, however often the timer runs', async () => {
    const created = await app.gql(
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
      { input: { title: '逾期任务', origin: 'ASSIGNED', leadDepartmentId: cast.lead.id, dueDate: '2020-01-31' } },
      cast.tokens.coordinator,
    );
    const taskId = created.data!.createTask.id;
    const timers = app.app.get(TimerService);
    const jobId = await timers.trigger('overdue-escalation');
    const ds = app.app.get(DataSource);
    const run = await until(async () => (await ds.query(`SELECT * FROM timer_run WHERE job_id = $1 AND finished_at IS NOT NULL`, [jobId]))[0]);
    expect(run).toMatchObject({ timer: 'overdue-escalation', error: null });
    // (The start-up run may have got there first: which run sent it does not matter, that one did.)

    const notices = await app.gql(`{ notifications { kind taskId params } }`, {}, cast.tokens.coordinator);
    const mine = notices.data!.notifications.filter((n: { taskId: string }) => n.taskId === taskId);
    expect(mine).toEqual([expect.objectContaining({ kind: 'TASK_OVERDUE', params: expect.objectContaining({ dueDate: '2020-01-31' }) })]);

    // Again (a retry, or the next hour): nothing new for this task.
    const second = await timers.trigger('overdue-escalation');
    await until(async () => (await ds.query(`SELECT 1 FROM timer_run WHERE job_id = $1 AND finished_at IS NOT NULL`, [second]))[0]);
    const after = await app.gql(`{ notifications { taskId } }`, {}, cast.tokens.coordinator);
    expect(after.data!.notifications.filter((n: { taskId: string }) => n.taskId === taskId)).toHaveLength(1);
    expect(await ds.query(`SELECT count(*)::int AS runs FROM timer_run WHERE job_id = $1`, [jobId])).toEqual([{ runs: 1 }]);
    const [{ sent }] = await ds.query(`SELECT sum(notified)::int AS sent FROM timer_run WHERE timer = 'overdue-escalation'`);
    const [{ notices: written }] = await ds.query(`SELECT count(*)::int AS notices FROM notification WHERE kind = 'TASK_OVERDUE'`);
    expect(sent).toBe(written); // every run counted only what it really added
  });
});

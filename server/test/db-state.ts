import type { DataSource } from 'typeorm';

/** Everything a transition could touch, to prove a refused request changed nothing. */
export async function workflowState(ds: DataSource): Promise<unknown> {
  const tasks = await ds.query(`SELECT id, stage, version, snapshot, updated_at FROM task ORDER BY id`);
  const transitions = await ds.query(`SELECT id, task_id, event, version FROM task_transition ORDER BY id`);
  return { tasks, transitions };
}

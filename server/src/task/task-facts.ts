import type { TaskFacts } from '@workplan/shared';
import type { EntityManager } from 'typeorm';

const NONE: TaskFacts = { progressReports: 0, unverifiedFindings: 0, unverifiedMajorFindings: 0 };

/**
 * Counts what the task machine's preconditions look at, for many tasks in two queries. Read inside
 * the transition's transaction, so the decision sees the same rows the commit does.
 */
export async function loadTaskFacts(em: EntityManager, taskIds: readonly string[]): Promise<Map<string, TaskFacts>> {
  const facts = new Map(taskIds.map((id) => [id, { ...NONE }]));
  if (taskIds.length === 0) return facts;
  const reports: Array<{ task_id: string; n: number }> = await em.query(
    `SELECT task_id, count(*)::int AS n FROM progress_report WHERE task_id = ANY($1::uuid[]) GROUP BY task_id`,
    [taskIds],
  );
  const findings: Array<{ task_id: string; open: number; major: number }> = await em.query(
    `SELECT task_id, count(*)::int AS open, (count(*) FILTER (WHERE severity = 'MAJOR'))::int AS major
       FROM finding WHERE task_id = ANY($1::uuid[]) AND status <> 'VERIFIED' GROUP BY task_id`,
    [taskIds],
  );
  for (const r of reports) facts.get(r.task_id)!.progressReports = r.n;
  for (const f of findings) {
    const entry = facts.get(f.task_id)!;
    entry.unverifiedFindings = f.open;
    entry.unverifiedMajorFindings = f.major;
  }
  return facts;
}

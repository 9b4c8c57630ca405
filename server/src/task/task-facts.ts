import type { TaskFacts } from '@workplan/shared';
import type { EntityManager } from 'typeorm';

/** Findings not yet verified, and how many of them are major, per task. */
export type OpenFindings = Map<string, { open: number; major: number }>;

export const findingsOf = (findings: OpenFindings, taskId: string) => ({
  unverifiedFindings: findings.get(taskId)?.open ?? 0,
  unverifiedMajorFindings: findings.get(taskId)?.major ?? 0,
});

/**
 * Counts what the task machine's preconditions look at, for many tasks in one query. Read inside
 * the transition's transaction, so the decision sees the same rows the commit does.
 */
export async function loadTaskFacts(em: EntityManager, taskIds: readonly string[]): Promise<Map<string, TaskFacts>> {
  if (taskIds.length === 0) return new Map();
  const rows: Array<{ task_id: string; reports: number; open: number; major: number }> = await em.query(
    `SELECT t.id AS task_id,
            (SELECT count(*)::int FROM progress_report r WHERE r.task_id = t.id) AS reports,
            (SELECT count(*)::int FROM finding f WHERE f.task_id = t.id AND f.status <> 'VERIFIED') AS open,
            (SELECT count(*)::int FROM finding f WHERE f.task_id = t.id AND f.status <> 'VERIFIED' AND f.severity = 'MAJOR') AS major
       FROM unnest($1::uuid[]) AS t(id)`,
    [taskIds],
  );
  return new Map(rows.map((r) => [r.task_id, { progressReports: r.reports, unverifiedFindings: r.open, unverifiedMajorFindings: r.major }]));
}

import { DEFAULT_SIGN_WITHIN_DAYS, initialAssignmentStatus, type TaskOrigin, type TaskStage } from '@workplan/shared';
import type { EntityManager } from 'typeorm';

/**
 * Gives every responsible unit of these tasks (the lead and each cooperating unit) its assignment,
 * unless it has one: called in the transaction that creates tasks (createTask, plan import, the demo
 * seed). Two statements whatever the number of tasks. An assignment is due when its task is, and is
 * made when the task's record starts (its first history row).
 */
export async function openAssignments(em: EntityManager, taskIds: readonly string[] | 'ALL'): Promise<number> {
  if (taskIds !== 'ALL' && taskIds.length === 0) return 0;
  const units: Array<{ task_id: string; department_id: string; lead: boolean; due_date: string | null; origin: TaskOrigin; stage: TaskStage; created_by: string | null; assigned_at: Date }> =
    await em.query(
      `SELECT t.id AS task_id, u.department_id, u.lead, t.due_date::text AS due_date, t.origin, t.stage, t.created_by,
              COALESCE((SELECT min(h.at) FROM task_transition h WHERE h.task_id = t.id), t.created_at) AS assigned_at
         FROM task t
         CROSS JOIN LATERAL (SELECT t.lead_department_id AS department_id, true AS lead
                             UNION ALL SELECT c.department_id, false FROM task_cooperating_department c WHERE c.task_id = t.id) u
        WHERE ($1::uuid[] IS NULL OR t.id = ANY($1::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM task_assignment a WHERE a.task_id = t.id AND a.department_id = u.department_id)`,
      [taskIds === 'ALL' ? null : taskIds],
    );
  if (!units.length) return 0;
  const rows = units.map((u) => {
    const proposedByUnit = u.lead && u.origin === 'PROPOSED';
    const status = initialAssignmentStatus(u.lead, proposedByUnit, u.stage);
    return { ...u, status, signedAt: status === 'SIGNED' ? u.assigned_at : null, signedBy: proposedByUnit ? u.created_by : null };
  });
  await em.query(
    `INSERT INTO task_assignment (task_id, department_id, lead, due_date, sign_within_days, assigned_at, status, signed_at, signed_by)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::boolean[], $4::date[], $5::smallint[], $6::timestamptz[], $7::varchar[], $8::timestamptz[], $9::uuid[])
     ON CONFLICT (task_id, department_id) DO NOTHING`,
    [
      rows.map((r) => r.task_id),
      rows.map((r) => r.department_id),
      rows.map((r) => r.lead),
      rows.map((r) => r.due_date),
      rows.map(() => DEFAULT_SIGN_WITHIN_DAYS),
      rows.map((r) => r.assigned_at),
      rows.map((r) => r.status),
      rows.map((r) => r.signedAt),
      rows.map((r) => r.signedBy),
    ],
  );
  return rows.length;
}

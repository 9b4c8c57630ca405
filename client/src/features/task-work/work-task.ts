import type { Role } from '@workplan/shared';

/**
 * What the report, finding and inspection panels need to know about a task. The board's TaskDetail
 * fits it as is; keeping it this small leaves the panels free of the board's query.
 */
export interface WorkTask {
  id: string;
  stage: string;
  planId: string | null;
  leadDepartment: { id: string };
  cooperatingDepartments: ReadonlyArray<{ id: string }>;
}

/** The signed-in user as far as the panels' rules care. */
export interface WorkUser {
  role: Role;
  department: { id: string } | null;
}

/** Progress is reported and findings are logged only while a task is carried out or inspected (the server checks the same). */
export function isWorkStage(stage: string): boolean {
  return stage === 'IMPLEMENTATION' || stage === 'INSPECTION';
}

/** Inspection teams and the coordinating office inspect: they log findings, verify them and schedule visits. */
export function inspects(user: WorkUser): boolean {
  return user.role === 'INSPECTOR' || user.role === 'COORDINATOR';
}

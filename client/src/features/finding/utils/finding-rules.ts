import { inspects, isWorkStage, type WorkTask, type WorkUser } from '../../task-work/work-task';

/** Inspection teams and the coordinating office log findings while the task is carried out or inspected. */
export function mayLogFinding(user: WorkUser, task: WorkTask): boolean {
  return inspects(user) && isWorkStage(task.stage);
}

/**
 * Inspectors bring photos from the visit; the lead department's staff prove their fix (the server's
 * rule). A signed-off finding is closed, so its record stays as it was signed off.
 */
export function mayUploadEvidence(user: WorkUser, task: WorkTask, finding: { status: string }): boolean {
  if (finding.status === 'VERIFIED') return false;
  return inspects(user) || (user.role === 'STAFF' && user.department?.id === task.leadDepartment.id);
}

import type { TaskStage } from '../task/task-stage';

/**
 * Leaders follow (关注) tasks to hear when they move on. Only a change of stage is news to a
 * follower (a grade inside the commendation stage is not), and whoever made the move knows already.
 */
export function followersToNotify(followerIds: readonly string[], move: { fromStage: TaskStage | null; toStage: TaskStage; actorId: string | null }): string[] {
  if (move.fromStage === move.toStage) return [];
  return [...new Set(followerIds)].filter((id) => id !== move.actorId);
}

export const ANNOTATION_MAX_LENGTH = 2000;

/** Why a remark (批注) cannot be kept as written, or null when it can. */
export function annotationProblem(content: string): string | null {
  const text = content.trim();
  if (!text) return 'content is required';
  if (text.length > ANNOTATION_MAX_LENGTH) return `content must be at most ${ANNOTATION_MAX_LENGTH} characters`;
  return null;
}

import { followersToNotify, type TaskStage } from '@workplan/shared';
import type { EntityManager } from 'typeorm';
import type { NotificationService } from '../notification/notification.service';

/**
 * Tells the leaders following a task that it changed stage, inside the transaction that moved it
 * (so a refused or rolled-back move tells nobody). A move within one stage reads nothing.
 */
export async function notifyFollowers(
  em: EntityManager,
  notifications: NotificationService,
  task: { id: string; code: string; title: string },
  move: { fromStage: TaskStage | null; toStage: TaskStage; actorId: string | null; by: string },
): Promise<number> {
  if (move.fromStage === move.toStage) return 0;
  const rows: Array<{ userId: string }> = await em.query(
    `SELECT f.user_id AS "userId" FROM task_follow f JOIN app_user u ON u.id = f.user_id WHERE f.task_id = $1 AND u.active`,
    [task.id],
  );
  const userIds = followersToNotify(rows.map((r) => r.userId), move);
  return notifications.notifyUsers(em, userIds, {
    kind: 'FOLLOWED_TASK_MOVED',
    taskId: task.id,
    params: { code: task.code, title: task.title, from: move.fromStage ?? '', to: move.toStage, by: move.by },
  });
}

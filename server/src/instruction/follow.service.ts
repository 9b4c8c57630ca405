import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { notFound } from '../common/errors';
import { requireUuid } from '../common/validate';
import { TaskEntity } from '../task/task.entity';
import { TickBatch } from '../task/task-model.mapper';
import type { UserEntity } from '../user/user.entity';

interface FollowKey {
  userId: string;
  taskId: string;
}

/** Leaders following tasks (关注). Task.followedByMe for a whole board costs one query. */
@Injectable()
export class FollowService {
  /** Every card's followedByMe asked in one tick (a board's columns) is answered by one query. */
  private readonly followed = new TickBatch<FollowKey, boolean>(async (keys) => {
    const rows: Array<{ user_id: string; task_id: string }> = await this.dataSource.query(
      `SELECT f.user_id, f.task_id FROM task_follow f
         JOIN unnest($1::uuid[], $2::uuid[]) AS k(user_id, task_id) ON k.user_id = f.user_id AND k.task_id = f.task_id`,
      [keys.map((k) => k.userId), keys.map((k) => k.taskId)],
    );
    const found = new Set(rows.map((r) => `${r.user_id}/${r.task_id}`));
    return keys.map((k) => found.has(`${k.userId}/${k.taskId}`));
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async isFollowing(userId: string, taskId: string): Promise<boolean> {
    const [yes] = await this.followed.load([{ userId, taskId }]);
    return yes;
  }

  /** Following twice is following; returns the task. */
  async follow(taskId: string, user: UserEntity): Promise<TaskEntity> {
    const id = requireUuid(taskId, 'taskId');
    await this.access.assertTaskScope(user, 'followTask', id);
    const task = await this.dataSource.manager.findOneBy(TaskEntity, { id });
    if (!task) throw notFound('Task', id);
    await this.dataSource.query(`INSERT INTO task_follow (user_id, task_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [user.id, id]);
    return task;
  }

  async unfollow(taskId: string, user: UserEntity): Promise<TaskEntity> {
    const id = requireUuid(taskId, 'taskId');
    await this.access.assertTaskScope(user, 'unfollowTask', id);
    const task = await this.dataSource.manager.findOneBy(TaskEntity, { id });
    if (!task) throw notFound('Task', id);
    await this.dataSource.query(`DELETE FROM task_follow WHERE user_id = $1 AND task_id = $2`, [user.id, id]);
    return task;
  }

  /** The tasks a user follows, most recently followed first. */
  followedTasks(user: UserEntity): Promise<TaskEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(TaskEntity, 't')
      .innerJoin('task_follow', 'f', 'f.task_id = t.id AND f.user_id = :me', { me: user.id })
      .orderBy('f.created_at', 'DESC')
      .limit(500)
      .getMany();
  }
}

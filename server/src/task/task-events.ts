import { Injectable } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import type { TaskModel, TaskTransitionModel } from './task.model';

export const TASK_CHANGED = 'taskChanged';

export interface TaskChangedPayload {
  taskChanged: { task: TaskModel; transition: TaskTransitionModel | null };
}

/**
 * Fans task changes out to open boards. In-process for now: one PubSub per app, injected so a
 * multi-replica deployment can swap in a Redis or PostgreSQL-backed one without touching callers.
 */
@Injectable()
export class TaskEvents {
  readonly pubSub = new PubSub<Record<string, TaskChangedPayload>>();

  publish(task: TaskModel, transition: TaskTransitionModel | null): Promise<void> {
    return this.pubSub.publish(TASK_CHANGED, { taskChanged: { task, transition } });
  }

  subscribe(): AsyncIterableIterator<TaskChangedPayload> {
    return this.pubSub.asyncIterableIterator(TASK_CHANGED);
  }
}

import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PubSub } from 'graphql-subscriptions';
import { DataSource } from 'typeorm';
import { createChangeBus, LIVE_OPTIONS, type ChangeBus, type LiveOptions, type TaskChangeMessage } from '../live/change-bus';
import { TaskChangeFeed } from './task-change-feed';
import { TaskModelMapper } from './task-model.mapper';
import { TaskTransitionEntity } from './task-transition.entity';
import { TaskEntity } from './task.entity';
import type { TaskModel, TaskTransitionModel } from './task.model';

export const TASK_CHANGED = 'taskChanged';

export interface TaskChangedPayload {
  taskChanged: { task: TaskModel; transition: TaskTransitionModel | null };
}

/** How many recently delivered history rows a replica remembers, so a resync does not deliver them twice. */
const REMEMBERED = 2_000;

/**
 * Fans task changes out to open boards on every replica. A change travels between replicas as a
 * small message (task id, history row id) on the bus (PostgreSQL LISTEN/NOTIFY by default, Redis
 * if configured); each replica reads the task once and hands it to its own subscribers, in the
 * order the messages arrived.
 */
@Injectable()
export class TaskEvents implements OnModuleInit, OnApplicationShutdown {
  readonly pubSub = new PubSub<Record<string, TaskChangedPayload>>();
  private readonly bus: ChangeBus;
  private readonly logger = new Logger('LiveUpdates');
  private queue: Promise<void> = Promise.resolve();
  private readonly delivered = new Set<string>();
  /** Where a resync reads from: a cursor taken one refresh ago, so nothing still in flight is skipped. */
  private cursor: string | null = null;
  private nextCursor: string | null = null;
  private refresh?: NodeJS.Timeout;
  private stopped = false;
  /** Open subscriptions on this replica. */
  private listeners = 0;

  constructor(
    @Inject(LIVE_OPTIONS) private readonly options: LiveOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mapper: TaskModelMapper,
    private readonly feed: TaskChangeFeed,
  ) {
    this.bus = createChangeBus(options);
  }

  async onModuleInit(): Promise<void> {
    this.cursor = this.nextCursor = (await this.feed.since(null, null, null)).cursor;
    this.refresh = setInterval(() => void this.refreshCursor(), 30_000);
    this.refresh.unref();
    await this.bus.start(
      (message) => this.enqueue(() => this.deliver(message)),
      () => this.enqueue(() => this.resync()),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.refresh);
    await this.bus.stop();
  }

  private async refreshCursor(): Promise<void> {
    try {
      const { cursor } = await this.feed.since(null, null, null);
      this.cursor = this.nextCursor;
      this.nextCursor = cursor;
    } catch {
      // the database is away; keep the older cursor, which only means a longer resync
    }
  }

  /** After a change committed: every replica's subscribers hear of it. */
  announce(message: TaskChangeMessage): Promise<void> {
    return this.bus.announce(message);
  }

  subscribe(): AsyncIterableIterator<TaskChangedPayload> {
    const iterator: AsyncIterableIterator<TaskChangedPayload> = this.pubSub.asyncIterableIterator<TaskChangedPayload>(TASK_CHANGED);
    this.listeners++;
    const end = iterator.return?.bind(iterator);
    let ended = false;
    // The subscription ends through return(): count it out once.
    iterator.return = async () => {
      if (!ended) this.listeners--;
      ended = true;
      return end ? end() : { value: undefined, done: true };
    };
    return iterator;
  }

  /** Resolves when every message received so far has been handed to subscribers (tests, shutdown). */
  settled(): Promise<void> {
    return this.queue;
  }

  private enqueue(work: () => Promise<void>): void {
    // Shutting down: what is still queued has nobody left to hear it.
    this.queue = this.queue.then(() => (this.stopped ? undefined : work())).catch((error: unknown) => this.logger.warn(`live update failed: ${String(error)}`));
  }

  private async deliver(message: TaskChangeMessage): Promise<void> {
    if (this.delivered.has(message.transitionId)) return;
    // Nobody on this replica is watching: no need to read the task at all.
    if (this.listeners === 0) return this.remember(message.transitionId);
    const [task, transition] = await Promise.all([
      this.dataSource.manager.findOneBy(TaskEntity, { id: message.taskId }),
      this.dataSource.manager.findOneBy(TaskTransitionEntity, { id: message.transitionId }),
    ]);
    if (!task || !transition) return;
    await this.publish(task, transition);
  }

  /** The bus was down: whatever committed meanwhile comes from the history table. */
  private async resync(): Promise<void> {
    const changes = await this.feed.since(this.cursor, null, null);
    this.cursor = changes.cursor;
    for (const transition of changes.transitions) {
      if (this.delivered.has(String(transition.id))) continue;
      const task = await this.dataSource.manager.findOneBy(TaskEntity, { id: transition.taskId });
      if (task) await this.publish(task, transition);
    }
  }

  private async publish(task: TaskEntity, transition: TaskTransitionEntity): Promise<void> {
    this.remember(String(transition.id));
    const [model] = await this.mapper.toModels([task]);
    const [transitionModel] = await this.mapper.toTransitionModels([transition]);
    await this.pubSub.publish(TASK_CHANGED, { taskChanged: { task: model, transition: transitionModel } });
  }

  private remember(id: string): void {
    this.delivered.add(id);
    if (this.delivered.size > REMEMBERED) this.delivered.delete(this.delivered.values().next().value as string);
  }
}

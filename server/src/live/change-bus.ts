import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { TASK_CHANGED_CHANNEL } from '../database/migrations/1764201600000-live-events';

/** A committed change: which task, which history row. Everything else is read from the tables. */
export interface TaskChangeMessage {
  taskId: string;
  transitionId: string;
}

export type Fanout = 'memory' | 'postgres' | 'redis';

export interface LiveOptions {
  /** How changes reach every replica's subscribers. */
  fanout: Fanout;
  databaseUrl: string;
  redisUrl?: string;
}
export const LIVE_OPTIONS = Symbol('LIVE_OPTIONS');

/**
 * Carries change messages between replicas. `deliver` gets each message on every replica (the
 * sender's too); `resync` is called after the bus lost its connection and got it back, because
 * messages sent meanwhile are gone and must be read from the tables instead.
 */
export interface ChangeBus {
  start(deliver: (message: TaskChangeMessage) => void, resync: () => void): Promise<void>;
  /** After a change committed. (The PostgreSQL bus needs nothing: the history row's trigger notified at commit.) */
  announce(message: TaskChangeMessage): Promise<void>;
  stop(): Promise<void>;
}

function parse(text: string): TaskChangeMessage | null {
  try {
    const value = JSON.parse(text) as Partial<TaskChangeMessage>;
    return typeof value.taskId === 'string' && (typeof value.transitionId === 'string' || typeof value.transitionId === 'number')
      ? { taskId: value.taskId, transitionId: String(value.transitionId) }
      : null;
  } catch {
    return null;
  }
}

/** One process: a message goes straight to this replica's subscribers. */
export class MemoryBus implements ChangeBus {
  private deliver?: (message: TaskChangeMessage) => void;
  async start(deliver: (message: TaskChangeMessage) => void): Promise<void> {
    this.deliver = deliver;
  }
  async announce(message: TaskChangeMessage): Promise<void> {
    this.deliver?.(message);
  }
  async stop(): Promise<void> {
    this.deliver = undefined;
  }
}

/**
 * PostgreSQL LISTEN/NOTIFY: the trigger on task_transition notifies when the transaction commits,
 * so a committed change is always announced and a rolled-back one never is. One connection per
 * replica listens; when it drops, it reconnects with backoff and asks for a resync.
 */
export class PostgresBus implements ChangeBus {
  private client: Client | null = null;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private readonly logger = new Logger('LiveUpdates');

  constructor(private readonly databaseUrl: string) {}

  async start(deliver: (message: TaskChangeMessage) => void, resync: () => void): Promise<void> {
    await this.connect(deliver, resync, false);
  }

  private async connect(deliver: (message: TaskChangeMessage) => void, resync: () => void, again: boolean, delay = 1_000): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.databaseUrl });
    const reconnect = () => {
      if (this.stopped || this.client !== client) return;
      this.client = null;
      client.removeAllListeners();
      client.end().catch(() => undefined);
      this.logger.warn(`lost the ${TASK_CHANGED_CHANNEL} listener; reconnecting in ${delay} ms`);
      this.retry = setTimeout(() => void this.connect(deliver, resync, true, Math.min(delay * 2, 10_000)), delay);
    };
    try {
      client.on('notification', (n) => {
        const message = n.payload ? parse(n.payload) : null;
        if (message) deliver(message);
      });
      client.on('error', reconnect);
      client.on('end', reconnect);
      this.client = client;
      await client.connect();
      await client.query(`LISTEN ${TASK_CHANGED_CHANNEL}`);
      if (again) {
        this.logger.log('listener back; catching up');
        resync();
      }
    } catch (error) {
      if (!again) throw error;
      reconnect();
    }
  }

  async announce(): Promise<void> {
    // The history row's trigger has notified already, at commit.
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    client?.removeAllListeners();
    await client?.end().catch(() => undefined);
  }
}

/** Redis pub/sub: the replica that committed a change publishes it; every replica subscribes. */
export class RedisBus implements ChangeBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly channel: string;

  /** The channel names the database, so deployments sharing one Redis do not hear each other. */
  constructor(redisUrl: string, databaseUrl: string) {
    this.channel = `${TASK_CHANGED_CHANNEL}:${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}`;
    this.publisher = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
    this.subscriber = new Redis(redisUrl, { lazyConnect: true });
  }

  async start(deliver: (message: TaskChangeMessage) => void, resync: () => void): Promise<void> {
    let connectedOnce = false;
    this.subscriber.on('ready', () => {
      if (connectedOnce) resync();
      connectedOnce = true;
    });
    this.subscriber.on('message', (_channel: string, text: string) => {
      const message = parse(text);
      if (message) deliver(message);
    });
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    await this.subscriber.subscribe(this.channel);
  }

  async announce(message: TaskChangeMessage): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(message));
  }

  async stop(): Promise<void> {
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}

export function createChangeBus(options: LiveOptions): ChangeBus {
  switch (options.fanout) {
    case 'memory':
      return new MemoryBus();
    case 'postgres':
      return new PostgresBus(options.databaseUrl);
    case 'redis':
      if (!options.redisUrl) throw new Error('LIVE_FANOUT=redis needs REDIS_URL');
      return new RedisBus(options.redisUrl, options.databaseUrl);
  }
}

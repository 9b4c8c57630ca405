import { DomainError } from '../common/errors';
import { SlidingWindow } from './sliding-window';

/**
 * Mutations per person per minute. A person dragging cards makes a few a minute; a script gone
 * wrong makes thousands, and it is stopped before it floods the history and everyone's boards.
 */
export class MutationRateLimit {
  private readonly window: SlidingWindow;

  constructor(
    private readonly perMinute: number,
    now: () => number = Date.now,
  ) {
    this.window = new SlidingWindow(60_000, now);
  }

  /** Counts one mutation by this user, or refuses it with RATE_LIMITED. */
  take(userId: string): void {
    const wait = this.window.retryAfter(userId, this.perMinute);
    if (wait > 0) {
      throw new DomainError('RATE_LIMITED', `Too many changes in a minute (limit ${this.perMinute}); try again in ${wait} s`, { retryAfterSeconds: wait });
    }
    this.window.record(userId);
  }
}

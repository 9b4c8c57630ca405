import { SlidingWindow } from './sliding-window';

/**
 * Failed sign-ins counted per account and per address over a sliding window. Guessing a password
 * then costs minutes, not milliseconds; a person who mistypes twice is not affected.
 * In-process: each replica counts its own (moving the counts to Redis is the scale-out issue's job).
 */
export class LoginThrottle {
  private readonly failures: SlidingWindow;

  constructor(
    private readonly limits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 },
    now: () => number = Date.now,
  ) {
    this.failures = new SlidingWindow(limits.windowMs, now);
  }

  /** Seconds until this account (or address) may try again, or 0 when it may now. */
  retryAfter(account: string, address: string): number {
    return Math.max(this.failures.retryAfter(`account:${account}`, this.limits.perAccount), this.failures.retryAfter(`address:${address}`, this.limits.perAddress));
  }

  recordFailure(account: string, address: string): void {
    this.failures.record(`account:${account}`);
    this.failures.record(`address:${address}`);
  }

  /** A successful sign-in clears the account's count (not the address's: one address may hold many accounts). */
  recordSuccess(account: string): void {
    this.failures.forget(`account:${account}`);
  }
}

/**
 * Failed sign-ins counted per account and per address over a sliding window. Guessing a password
 * then costs minutes, not milliseconds; a person who mistypes twice is not affected.
 * In-process: each replica counts its own (moving the counts to Redis is the scale-out issue's job).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until this account (or address) may try again, or 0 when it may now. */
  retryAfter(account: string, address: string): number {
    const wait = (key: string, limit: number) => {
      const recent = this.recent(key);
      return recent.length >= limit ? Math.ceil((recent[0] + this.limits.windowMs - this.now()) / 1000) : 0;
    };
    return Math.max(wait(`account:${account}`, this.limits.perAccount), wait(`address:${address}`, this.limits.perAddress));
  }

  recordFailure(account: string, address: string): void {
    for (const key of [`account:${account}`, `address:${address}`]) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  /** A successful sign-in clears the account's count (not the address's: one address may hold many accounts). */
  recordSuccess(account: string): void {
    this.failures.delete(`account:${account}`);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const recent = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (recent.length) this.failures.set(key, recent);
    else this.failures.delete(key);
    return recent;
  }
}

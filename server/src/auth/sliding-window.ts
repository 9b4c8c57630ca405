/** Events per key over a sliding window, in memory (each replica counts its own). */
export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  record(key: string): void {
    this.hits.set(key, [...this.recent(key), this.now()]);
  }

  forget(key: string): void {
    this.hits.delete(key);
  }

  /** Seconds until the key is under `limit` again, or 0 when it is now. */
  retryAfter(key: string, limit: number): number {
    const recent = this.recent(key);
    return recent.length >= limit ? Math.max(1, Math.ceil((recent[recent.length - limit] + this.windowMs - this.now()) / 1000)) : 0;
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length) this.hits.set(key, recent);
    else this.hits.delete(key);
    return recent;
  }
}

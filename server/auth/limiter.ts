/**
 * A small sliding-window counter for rate limits (login failures, check-in attempts). In memory:
 * a restart forgets it, which only ever lets a citizen in sooner.
 */
export class Limiter {
  private hits = new Map<string, number[]>();
  constructor(private readonly max: number, private readonly windowMs: number, private readonly now: () => number) {}

  /** Counts one hit for `key`; false when the key is over its limit (the hit is still counted). */
  hit(key: string): boolean {
    const list = this.recent(key);
    list.push(this.now());
    this.hits.set(key, list);
    if (this.hits.size > 10_000) this.sweep();
    return list.length <= this.max;
  }

  blocked(key: string): boolean {
    return this.recent(key).length >= this.max;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  /** Milliseconds until `key` is allowed again. */
  retryAfterMs(key: string): number {
    const list = this.recent(key);
    return list.length ? Math.max(0, list[0] + this.windowMs - this.now()) : 0;
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.hits.get(key) ?? []).filter((t) => t > since);
  }

  private sweep() {
    for (const k of [...this.hits.keys()]) if (!this.recent(k).length) this.hits.delete(k);
  }
}

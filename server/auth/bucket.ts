/**
 * A small token bucket per key (issue 13 item 11: check-ins by ID number that find nothing, per
 * kiosk). A key starts full (`capacity`), each miss takes one token, and one comes back every
 * `refillMs`: a burst of typos costs nothing, steady probing is slowed to one try per `refillMs`, and
 * the next citizen at that kiosk waits at most `refillMs` (never a long block for everyone).
 * In memory: a restart forgets it, which only ever lets a citizen in sooner.
 */
export class TokenBucket {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly capacity: number, private readonly refillMs: number, private readonly now: () => number) {}

  private level(key: string): { tokens: number; at: number } {
    const now = this.now();
    const b = this.buckets.get(key);
    if (!b) return { tokens: this.capacity, at: now };
    const gained = Math.floor(Math.max(0, now - b.at) / this.refillMs);
    if (gained <= 0) return b;
    const tokens = Math.min(this.capacity, b.tokens + gained);
    // a full bucket restarts its refill period now; a partial one keeps the remainder of the period
    return { tokens, at: tokens >= this.capacity ? now : b.at + gained * this.refillMs };
  }

  /** Milliseconds until `key` has a token again (0: it has one now). */
  waitMs(key: string): number {
    const b = this.level(key);
    return b.tokens >= 1 ? 0 : Math.max(1, b.at + this.refillMs - this.now());
  }

  /** Takes one token for a miss (never below zero). */
  take(key: string): void {
    const b = this.level(key);
    const next = { tokens: Math.max(0, b.tokens - 1), at: b.tokens >= this.capacity ? this.now() : b.at };
    if (next.tokens >= this.capacity) this.buckets.delete(key);
    else this.buckets.set(key, next);
    if (this.buckets.size > 10_000) this.sweep();
  }

  private sweep() {
    for (const k of [...this.buckets.keys()]) if (this.level(k).tokens >= this.capacity) this.buckets.delete(k);
  }
}

/**
 * Ids that sort by creation time (so inserts append to the primary-key index instead of touching a
 * random page) and end in 48 random bits (so a ticket's status URL cannot be guessed). Time comes
 * from the hall's injected clock and the random bits from an injected source, so a test can pin both.
 */
import { randomFillSync } from 'node:crypto';

/** Fills a buffer with random bytes (node:crypto's randomFillSync unless a test gives another). */
export type RandomSource = (into: Buffer) => void;

const COUNTER_SPAN = 36 ** 3;

export type NewId = (prefix: string) => string;

export function createIds(nowMs: () => number, random: RandomSource = (b) => void randomFillSync(b)): NewId {
  let lastMs = 0;
  let counter = 0;
  // random bytes drawn 4 kB at a time: one call per id costs more than the rest of the id
  const pool = Buffer.alloc(4096);
  let poolAt = pool.length;
  const randomHex = (bytes: number) => {
    if (poolAt + bytes > pool.length) {
      random(pool);
      poolAt = 0;
    }
    poolAt += bytes;
    return pool.toString('hex', poolAt - bytes, poolAt);
  };
  return (prefix) => {
    const ms = nowMs();
    // a clock that steps back must not make an id sort before an earlier one
    if (ms > lastMs) {
      lastMs = ms;
      counter = 0;
    } else if (++counter === COUNTER_SPAN) {
      // more ids in one millisecond than the counter's three digits hold (a stopped test clock): borrow the next one
      lastMs++;
      counter = 0;
    }
    return prefix + lastMs.toString(36).padStart(9, '0') + counter.toString(36).padStart(3, '0') + randomHex(6);
  };
}

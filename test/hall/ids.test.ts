import { describe, expect, it } from 'vitest';
import { newId } from '../../server/hall/core.js';

describe('newId (server/hall/core.ts)', () => {
  it('sorts by creation time, within a millisecond too, and never repeats', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => newId('t', 1_700_000_000_000 + Math.floor(i / 7)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('ends in 48 random bits, drawn afresh past the end of the random pool', () => {
    const tails = Array.from({ length: 2000 }, () => newId('t').slice(-12)); // 12 kB of randomness: the 4 kB pool refills
    expect(tails.every((t) => /^[0-9a-f]{12}$/.test(t))).toBe(true);
    expect(new Set(tails).size).toBe(tails.length);
  });
});

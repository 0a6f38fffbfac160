import { describe, expect, it } from 'vitest';
import { createIds } from '../../server/hall/ids.js';

describe('createIds (server/hall/ids.ts)', () => {
  it('sorts by creation time, within a millisecond too, and never repeats', () => {
    let i = 0;
    const newId = createIds(() => 1_700_000_000_000 + Math.floor(i++ / 7));
    const ids = Array.from({ length: 5000 }, () => newId('t'));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps sorting when the clock steps back', () => {
    const times = [2_000, 3_000, 1_000, 1_000, 4_000];
    const newId = createIds(() => times.shift()!);
    const ids = times.slice().map(() => newId('t'));
    expect([...ids].sort()).toEqual(ids);
  });

  it('takes its time from the injected clock and its random bits from the injected source', () => {
    const newId = createIds(() => 36 ** 3, (b) => void b.fill(0xab));
    expect(newId('t')).toBe('t000001000000abababababab');
  });

  it('ends in 48 random bits, drawn afresh past the end of the random pool', () => {
    const newId = createIds(() => 1_700_000_000_000);
    const tails = Array.from({ length: 2000 }, () => newId('t').slice(-12)); // 12 kB of randomness: the 4 kB pool refills
    expect(tails.every((t) => /^[0-9a-f]{12}$/.test(t))).toBe(true);
    expect(new Set(tails).size).toBe(tails.length);
  });
});

describe('createIds under a stopped clock', () => {
  it('keeps sorting past 46,656 ids in one millisecond', () => {
    const newId = createIds(() => 5_000);
    const ids = Array.from({ length: 50_000 }, () => newId('t'));
    expect(ids.every((id, i) => i === 0 || ids[i - 1] < id)).toBe(true);
  });
});

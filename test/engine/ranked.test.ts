import { describe, expect, it } from 'vitest';
import { RankedSet } from '../../server/engine/ranked.js';

/** a seeded generator, so a failure replays */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

describe('RankedSet: a sorted set with ranks in O(log n)', () => {
  it('insert, remove, rank, countWhile and first agree with a sorted array over 5,000 random operations', () => {
    const r = rng(7);
    const cmp = (a: number, b: number) => a - b;
    const set = new RankedSet<number>(cmp);
    let ref: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const v = Math.floor(r() * 500);
      if (r() < 0.6) {
        set.insert(v);
        if (!ref.includes(v)) ref = [...ref, v].sort(cmp);
      } else {
        expect(set.remove(v)).toBe(ref.includes(v));
        ref = ref.filter((x) => x !== v);
      }
      const probe = Math.floor(r() * 500);
      expect(set.size).toBe(ref.length);
      expect(set.rank(probe)).toBe(ref.filter((x) => x < probe).length);
      expect(set.countWhile((x) => x <= probe)).toBe(ref.filter((x) => x <= probe).length);
    }
    expect(set.first(10)).toEqual(ref.slice(0, 10));
    expect(set.first(ref.length + 5)).toEqual(ref);
  });

  it('stays shallow on keys inserted in order (the usual case: tickets arrive oldest first)', () => {
    let depth = 0;
    const set = new RankedSet<number>((a, b) => { depth++; return a - b; });
    for (let i = 0; i < 100_000; i++) set.insert(i);
    depth = 0;
    expect(set.rank(99_999)).toBe(99_999);
    expect(depth).toBeLessThan(120); // a balanced tree of 100,000 is ~17 deep; a list would be 100,000
  });
});

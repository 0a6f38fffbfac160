import { describe, expect, it } from 'vitest';
import { capReached } from '../../server/engine/daily-cap.js';

describe('daily ticket cap', () => {
  it('a service without a cap is never full', () => expect(capReached(undefined, 10_000)).toBe(false));
  it('below the cap takes tickets; at or above it is full', () => {
    expect(capReached(3, 2)).toBe(false);
    expect(capReached(3, 3)).toBe(true);
    expect(capReached(3, 4)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { creditOf } from '../../server/engine/credit.js';
import { firstOfNextMonth, monthOf } from '../../server/engine/time.js';

describe('seed 002 信用管理: 当月累计三次爽约 → barred until the 1st of next month', () => {
  it('two no-shows this month leave the person free to book', () => {
    expect(creditOf(2, '2026-11-23', 3)).toEqual({ noShowsThisMonth: 2, barredUntil: null });
  });
  it('the third no-show bars the person until the first day of next month', () => {
    expect(creditOf(3, '2026-11-23', 3)).toEqual({ noShowsThisMonth: 3, barredUntil: '2026-12-01' });
    expect(creditOf(4, '2026-11-30', 3).barredUntil).toBe('2026-12-01');
  });
  it('a December bar ends on 1 January of the next year', () => {
    expect(creditOf(3, '2026-12-05', 3).barredUntil).toBe('2027-01-01');
    expect(firstOfNextMonth('2026-12-31')).toBe('2027-01-01');
  });
  it('the limit is the hall policy, not a constant', () => {
    expect(creditOf(1, '2026-11-23', 1).barredUntil).toBe('2026-12-01');
    expect(creditOf(3, '2026-11-23', 5).barredUntil).toBeNull();
  });
  it('counts reset with the month (次月清零): the month key is YYYY-MM', () => {
    expect(monthOf('2026-11-30')).toBe('2026-11');
    expect(monthOf('2026-12-01')).toBe('2026-12');
  });
});

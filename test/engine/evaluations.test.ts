/** 好差评 rules (issue 16): reasons, the deadline in working days, overdue, the keypad's keys. */
import { describe, expect, it } from 'vitest';
import { HallError } from '../../protocol/errors.js';
import { DEFAULT_HOURS } from '../../server/engine/calendar.js';
import { checkEvaluable, checkReasons, dueDay, isOverdue, keypadLevel } from '../../server/engine/evaluations.js';

const code = (f: () => unknown) => { try { f(); } catch (e) { return (e as HallError).code; } return null; };
const LIST = ['等候时间太长', '服务态度不好'];

describe('dueDay: working days of the hall calendar', () => {
  it('skips the weekend: Friday + 5 working days is next Friday; Monday + 5 is next Monday', () => {
    expect(dueDay('2026-11-27', 5, DEFAULT_HOURS)).toBe('2026-12-04');
    expect(dueDay('2026-11-23', 5, DEFAULT_HOURS)).toBe('2026-11-30');
    expect(dueDay('2026-11-28', 1, DEFAULT_HOURS)).toBe('2026-11-30'); // rated on a Saturday
  });
  it('skips a holiday the hall calendar has (an override) and counts a make-up workday', () => {
    const hours = { ...DEFAULT_HOURS, overrides: { '2026-12-02': 'holiday' as const, '2026-12-05': 'makeup-workday' as const } };
    // Fri 27 → Mon 30, Tue 1, (Wed 2 holiday), Thu 3, Fri 4, Sat 5 (make-up)
    expect(dueDay('2026-11-27', 5, hours)).toBe('2026-12-05');
  });
  it('skips the State Council holidays: 国庆 2026', () => {
    const due = dueDay('2026-09-30', 1, DEFAULT_HOURS);
    expect(due > '2026-10-07').toBe(true);
  });
  it('15 working days (a province\'s longer deadline)', () => {
    expect(dueDay('2026-11-23', 15, DEFAULT_HOURS)).toBe('2026-12-14');
  });
});

describe('isOverdue', () => {
  it('only a bad rating without follow-up, only after its due day', () => {
    expect(isOverdue('2026-12-04', false, '2026-12-04')).toBe(false);
    expect(isOverdue('2026-12-04', false, '2026-12-05')).toBe(true);
    expect(isOverdue('2026-12-04', true, '2026-12-09')).toBe(false);
    expect(isOverdue(null, false, '2030-01-01')).toBe(false);
  });
});

describe('checkReasons and checkEvaluable', () => {
  it('levels 1–2 need a reason from the list (not the keypad, which cannot give one); unknown reasons are refused at any level', () => {
    expect(code(() => checkReasons(2, [], LIST, 'pad'))).toBe('reason-required');
    expect(code(() => checkReasons(1, [], LIST, 'qr'))).toBe('reason-required');
    expect(checkReasons(2, [], LIST, 'keypad')).toEqual([]);
    expect(checkReasons(1, ['服务态度不好', '服务态度不好'], LIST, 'pad')).toEqual(['服务态度不好']);
    expect(checkReasons(3, [], LIST, 'pad')).toEqual([]);
    expect(code(() => checkReasons(5, ['别的'], LIST, 'pad'))).toBe('reason-required');
  });
  it('only a finished ticket, only once', () => {
    for (const st of ['waiting', 'called', 'serving', 'no-show', 'cancelled'] as const) expect(code(() => checkEvaluable(st, false))).toBe('ticket-not-finished');
    expect(code(() => checkEvaluable('done', true))).toBe('already-evaluated');
    expect(code(() => checkEvaluable('done', false))).toBe(null);
  });
});

describe('the RS-485 evaluator\'s keys', () => {
  it('key n is level n (5 非常满意 … 1 非常不满意); other codes are no rating', () => {
    expect([1, 2, 3, 4, 5].map(keypadLevel)).toEqual([1, 2, 3, 4, 5]);
    for (const c of [0, 6, 7, -1, 2.5]) expect(keypadLevel(c)).toBe(null);
  });
});

import { describe, expect, it } from 'vitest';
import { closeAtDayEnd, closesNow, dayEndAt, waitingClosesBefore } from '../../server/engine/day-end.js';
import { DEFAULT_HOURS } from '../../server/engine/calendar.js';
import { DEFAULT_POLICY } from '../../server/engine/policy.js';

describe('day end, as pure rules', () => {
  it('closes at the end of the last session plus the grace; a day without sessions at its midnight', () => {
    expect(dayEndAt('2026-11-23', DEFAULT_HOURS, DEFAULT_POLICY)).toBe(new Date('2026-11-23T18:30:00+08:00').getTime());
    expect(dayEndAt('2026-11-23', DEFAULT_HOURS, { ...DEFAULT_POLICY, dayEndGraceMinutes: 0 })).toBe(new Date('2026-11-23T17:30:00+08:00').getTime());
  });

  it('before closing only earlier days\' open tickets close; after it today\'s waiting and called too, never a serving one', () => {
    const today = '2026-11-23';
    expect(closesNow({ day: '2026-11-22', status: 'serving' }, today, false)).toBe(true);
    expect(closesNow({ day: today, status: 'waiting' }, today, false)).toBe(false);
    expect(closesNow({ day: today, status: 'waiting' }, today, true)).toBe(true);
    expect(closesNow({ day: today, status: 'called' }, today, true)).toBe(true);
    expect(closesNow({ day: today, status: 'serving' }, today, true)).toBe(false);
    expect(closesNow({ day: '2026-11-22', status: 'done' }, today, true)).toBe(false);
    expect(waitingClosesBefore(today, false)).toBe(today);
    expect(waitingClosesBefore(today, true)).toBe('2026-11-24');
  });

  it('a checked-in booking whose ticket is cancelled ends cancelled (the citizen came: no no-show); served when its ticket was', () => {
    expect(closeAtDayEnd('waiting', 'checked-in')).toEqual({ ticket: 'cancelled', booking: 'cancelled' });
    expect(closeAtDayEnd('called', 'checked-in')).toEqual({ ticket: 'cancelled', booking: 'cancelled' });
    expect(closeAtDayEnd('serving', 'checked-in')).toEqual({ ticket: 'done', booking: 'served' });
    expect(closeAtDayEnd('waiting', null)).toEqual({ ticket: 'cancelled', booking: null });
  });
});

/** Booking rules per channel (issue 11): when a channel accepts, its next opening, the holiday window. */
import { describe, expect, it } from 'vitest';
import { checkChannel, nextAccepting, type BookingRules } from '../../server/engine/booking-rules.js';
import { DEFAULT_HOURS } from '../../server/engine/calendar.js';
import { DEFAULT_POLICY } from '../../server/engine/policy.js';

const at = (iso: string) => new Date(iso).getTime();
const rules: BookingRules = {
  holidayBooking: 'working-day-before',
  channels: { phone: { accepts: [{ days: ['workday', 'makeup-workday'], weekdays: [1, 2, 3, 4], from: '08:00', to: '11:00' }] } },
};

describe('booking rules per channel', () => {
  it('a channel with no rules accepts always; the default hall refuses nothing here', () => {
    expect(checkChannel('phone', '2026-11-24', at('2026-11-22T03:00:00+08:00'), DEFAULT_HOURS, DEFAULT_POLICY, undefined)).toBeNull();
  });

  it('outside its windows → channel-closed with the next window (Friday → Monday; 国庆 skipped)', () => {
    const r = checkChannel('phone', '2026-11-30', at('2026-11-27T09:00:00+08:00'), DEFAULT_HOURS, DEFAULT_POLICY, rules);
    expect(r).toMatchObject({ code: 'channel-closed', details: { nextAcceptsAt: '2026-11-30T08:00:00+08:00', accepts: '周一至周四 08:00–11:00' } });
    expect(nextAccepting(rules.channels!.phone!.accepts, at('2026-09-30T12:00:00+08:00'), DEFAULT_HOURS)).toBe(at('2026-10-08T08:00:00+08:00'));
  });

  it('a holiday date only from a working day before it', () => {
    expect(checkChannel('online', '2026-10-03', at('2026-09-30T12:00:00+08:00'), DEFAULT_HOURS, DEFAULT_POLICY, rules)).toBeNull();
    expect(checkChannel('online', '2026-10-03', at('2026-10-02T12:00:00+08:00'), DEFAULT_HOURS, DEFAULT_POLICY, rules))
      .toEqual({ code: 'holiday-booking-window', details: { date: '2026-10-03', lastDate: '2026-09-30' } });
  });
});

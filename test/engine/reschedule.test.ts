/** The reschedule rule (seed 004 二(4): 提前12小时告知申请人) and the rescheduled SMS text. */
import { describe, expect, it } from 'vitest';
import { slotStartMs } from '../../server/engine/bookings.js';
import { DEFAULT_HOURS } from '../../server/engine/calendar.js';
import { DEFAULT_POLICY } from '../../server/engine/policy.js';
import { checkReschedule, checkRescheduleNotice, type RescheduleRequest } from '../../server/engine/reschedule.js';
import { smsText } from '../../server/engine/sms-text.js';

const H = DEFAULT_HOURS;
const P = DEFAULT_POLICY;
const at = (iso: string) => Date.parse(iso);
const service = { bookable: true, extended: false, slotCapacity: 2 };
const req = (over: Partial<RescheduleRequest['booking']> = {}, to = { date: '2026-11-25', slot: '10:30' }): RescheduleRequest => ({
  booking: { status: 'booked', kind: 'window', date: '2026-11-24', slot: '09:30', slotStart: slotStartMs('2026-11-24', '09:30', H.tz), ...over },
  to, service,
});
const facts = (now: string, over: Partial<Parameters<typeof checkReschedule>[1]> = {}) => ({ now: at(now), bookedInSlot: 0, personSlotsThatDay: [], ...over });

describe('checkRescheduleNotice', () => {
  const old = at('2026-11-24T09:30:00+08:00');
  const later = at('2026-11-25T10:30:00+08:00');
  it('allows a change made at least policy.rescheduleNoticeHours before both slots (exactly 12 hours is enough)', () => {
    expect(checkRescheduleNotice(old, later, at('2026-11-23T21:30:00+08:00'), P, H.tz)).toBeNull();
  });
  it('refuses inside the notice of the old slot, naming the hours and the deadline', () => {
    expect(checkRescheduleNotice(old, later, at('2026-11-23T21:31:00+08:00'), P, H.tz))
      .toEqual({ code: 'reschedule-too-late', details: { hours: 12, deadline: '2026-11-23T21:30:00+08:00', which: 'old' } });
  });
  it('refuses inside the notice of the new slot (moving a booking earlier, to a slot coming soon)', () => {
    const soon = at('2026-11-23T15:30:00+08:00');
    expect(checkRescheduleNotice(later, soon, at('2026-11-23T09:00:00+08:00'), P, H.tz))
      .toMatchObject({ code: 'reschedule-too-late', details: { hours: 12, which: 'new' } });
  });
  it('follows the configured hours', () => {
    expect(checkRescheduleNotice(old, later, at('2026-11-24T07:00:00+08:00'), { rescheduleNoticeHours: 2 }, H.tz)).toBeNull();
    expect(checkRescheduleNotice(old, later, at('2026-11-24T07:31:00+08:00'), { rescheduleNoticeHours: 2 }, H.tz)?.details).toMatchObject({ hours: 2 });
  });
});

describe('checkReschedule', () => {
  const now = '2026-11-23T09:00:00+08:00';
  it('allows a real slot of the service on an open day with room', () => {
    expect(checkReschedule(req(), facts(now), H, P)).toBeNull();
  });
  it('only a booking still booked: not checked in, not closed', () => {
    for (const status of ['checked-in', 'served', 'cancelled', 'forfeited'] as const)
      expect(checkReschedule(req({ status }), facts(now), H, P)).toEqual({ code: 'reschedule-not-allowed', details: { status } });
  });
  it('the new slot must be a real slot on an open day', () => {
    expect(checkReschedule(req({}, { date: '2026-11-25', slot: '10:00' }), facts(now), H, P)?.code).toBe('slot-unavailable');
    expect(checkReschedule(req({}, { date: '2026-11-28', slot: '09:30' }), facts(now), H, P)?.code).toBe('slot-unavailable'); // a Saturday
    expect(checkReschedule(req({}, { date: '2026-11-24', slot: '09:30' }), facts(now), H, P)?.code).toBe('reschedule-unchanged');
  });
  it('a full window slot refuses; a visit takes no slot place', () => {
    expect(checkReschedule(req(), facts(now, { bookedInSlot: 2 }), H, P)).toEqual({ code: 'slot-full', details: { capacity: 2 } });
    expect(checkReschedule(req({ kind: 'visit' }), facts(now, { bookedInSlot: 2 }), H, P)).toBeNull();
  });
  it('the person\'s other bookings: not the same slot twice, not over the daily limit', () => {
    expect(checkReschedule(req(), facts(now, { personSlotsThatDay: ['10:30'] }), H, P)?.code).toBe('duplicate-slot');
    expect(checkReschedule(req(), facts(now, { personSlotsThatDay: ['08:30', '14:30'] }), H, P)?.code).toBe('daily-booking-limit');
  });
  it('the notice is checked after the slot is known to be real', () => {
    expect(checkReschedule(req(), facts('2026-11-23T22:00:00+08:00'), H, P)?.code).toBe('reschedule-too-late');
  });
});

describe('the rescheduled SMS', () => {
  const f = {
    signName: '政务服务中心', service: '证照打印', date: '2026-11-25', slot: '10:30', code: 'K7M2P9QX', materials: null,
    policy: P, from: { date: '2026-11-24', slot: '09:30' },
  };
  it('names the old and new time and the unchanged code; the check-in rule for a window booking, none for a visit', () => {
    const m = smsText('rescheduled', f);
    expect(m.text).toBe('【政务服务中心】您预约的2026-11-24 09:30证照打印经大厅同意改至2026-11-25 10:30，预约码K7M2P9QX不变。' +
      `请于10:30前${P.checkinOpensMinutes}分钟至10:30后${P.forfeitMinutes}分钟内在取号机输入预约码或刷身份证签到，逾期视为爽约。`);
    expect(m.params).toMatchObject({ date: '2026-11-25', slot: '10:30', code: 'K7M2P9QX', fromDate: '2026-11-24', fromSlot: '09:30' });
    expect(smsText('rescheduled', { ...f, visit: true }).text).toContain('上门办理');
    expect(smsText('rescheduled', { ...f, visit: true }).text).not.toContain('取号机');
  });
});

import { describe, expect, it } from 'vitest';
import {
  bookingDeadline, checkBooking, checkCancel, checkCheckin, forfeitTime, serviceSlots, slotStartMs,
  type BookingFacts, type BookingRequest,
} from '../../server/engine/bookings.js';
import { DEFAULT_HOURS } from '../../server/engine/calendar.js';
import { DEFAULT_POLICY } from '../../server/engine/policy.js';
import { idNumber } from '../helpers/hall.js';

const H = DEFAULT_HOURS;
const P = DEFAULT_POLICY;
const TZ = H.tz;
const at = (iso: string) => new Date(iso).getTime();
const plain = { bookable: true, extended: false, slotCapacity: 2 };

function req(over: Partial<BookingRequest> = {}): BookingRequest {
  return { idNumber: idNumber(1), phone: '13812345678', channel: 'online', date: '2026-11-24', slot: '09:30', service: plain, ...over };
}
function facts(over: Partial<BookingFacts> = {}): BookingFacts {
  return { now: at('2026-11-23T09:00:00+08:00'), bookedInSlot: 0, personSlotsThatDay: [], barredUntil: null, ...over };
}

describe('slots (DESIGN.md Bookings: hourly within the service open sessions)', () => {
  it('a regular service on a winter workday has hourly slots from each session start, the last partial hour shorter', () => {
    const slots = serviceSlots(plain, '2026-11-23', H);
    expect(slots.map((s) => s.slot)).toEqual(['08:30', '09:30', '10:30', '11:30', '13:30', '14:30', '15:30']);
    expect(slots.find((s) => s.slot === '11:30')!.end).toBe('12:00');
  });
  it('seed 003 §5.1 延时服务: an extended service also gets lunch and evening slots', () => {
    const slots = serviceSlots({ extended: true }, '2026-11-23', H).map((s) => s.slot);
    expect(slots).toEqual(expect.arrayContaining(['12:00', '13:00', '16:30']));
    expect(serviceSlots(plain, '2026-11-23', H).map((s) => s.slot)).not.toContain('12:00');
  });
  it('slot start is the local instant in the hall zone', () => {
    expect(slotStartMs('2026-11-24', '09:30', TZ)).toBe(at('2026-11-24T09:30:00+08:00'));
  });
});

describe('checkBooking (seed 002 预约规则)', () => {
  it('allows a valid online booking for tomorrow', () => {
    expect(checkBooking(req(), facts(), H, P)).toBeNull();
  });
  it('seed 002 实名: refuses an ID number with a bad checksum as invalid-id-number', () => {
    const good = idNumber(1);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(checkBooking(req({ idNumber: bad }), facts(), H, P)?.code).toBe('invalid-id-number');
  });
  it('seed 002 实名: refuses a malformed mobile number as invalid-phone', () => {
    expect(checkBooking(req({ phone: '1234' }), facts(), H, P)?.code).toBe('invalid-phone');
  });
  it('refuses a service that is not bookable', () => {
    expect(checkBooking(req({ service: { ...plain, bookable: false } }), facts(), H, P)?.code).toBe('service-not-bookable');
  });
  it('refuses a slot that is not one of the day slots (lunch for a regular service, an hour not counted from a session start)', () => {
    expect(checkBooking(req({ slot: '12:00' }), facts(), H, P)?.code).toBe('slot-unavailable');
    expect(checkBooking(req({ slot: '09:00' }), facts(), H, P)?.code).toBe('slot-unavailable');
  });
  it('seed 002 每人每时段一次: refuses a second booking of the same person in the same slot', () => {
    expect(checkBooking(req(), facts({ personSlotsThatDay: ['09:30'] }), H, P)?.code).toBe('duplicate-slot');
  });
  it('seed 002 每人每天不超过2次: refuses a third booking on the same day', () => {
    const r = checkBooking(req({ slot: '14:30' }), facts({ personSlotsThatDay: ['08:30', '09:30'] }), H, P);
    expect(r).toEqual({ code: 'daily-booking-limit', details: { limit: 2 } });
  });
  it('allows a second booking on the same day in another slot', () => {
    expect(checkBooking(req({ slot: '14:30' }), facts({ personSlotsThatDay: ['09:30'] }), H, P)).toBeNull();
  });
  it('refuses a full slot with its capacity', () => {
    expect(checkBooking(req(), facts({ bookedInSlot: 2 }), H, P)).toEqual({ code: 'slot-full', details: { capacity: 2 } });
    expect(checkBooking(req(), facts({ bookedInSlot: 1 }), H, P)).toBeNull();
  });
  it('seed 002 信用: refuses a barred person, with the date the bar ends', () => {
    expect(checkBooking(req(), facts({ barredUntil: '2026-12-01' }), H, P))
      .toEqual({ code: 'booking-barred', details: { barredUntil: '2026-12-01', limit: 3 } });
  });
  it('14-day horizon: allows today + 14, refuses today + 15', () => {
    expect(checkBooking(req({ date: '2026-12-07' }), facts(), H, P)).toBeNull();
    expect(checkBooking(req({ date: '2026-12-08' }), facts(), H, P)).toEqual({ code: 'beyond-horizon', details: { lastDate: '2026-12-07', days: 14 } });
  });
});

describe('seed 002 预约时间: lead times', () => {
  it('online closes exactly 3 hours before the slot', () => {
    const r = req({ date: '2026-11-23', slot: '13:30' });
    expect(checkBooking(r, facts({ now: at('2026-11-23T10:29:59+08:00') }), H, P)).toBeNull();
    expect(checkBooking(r, facts({ now: at('2026-11-23T10:30:00+08:00') }), H, P))
      .toEqual({ code: 'too-late-to-book', details: { deadline: '2026-11-23T10:30:00+08:00' } });
  });
  it('phone booking closes 16:30 the previous working day', () => {
    const r = req({ channel: 'phone', date: '2026-11-24', slot: '15:30' });
    expect(bookingDeadline('phone', '2026-11-24', '15:30', H, P)).toBe(at('2026-11-23T16:30:00+08:00'));
    expect(checkBooking(r, facts({ now: at('2026-11-23T16:29:00+08:00') }), H, P)).toBeNull();
    expect(checkBooking(r, facts({ now: at('2026-11-23T16:30:00+08:00') }), H, P)?.code).toBe('too-late-to-book');
  });
  it('on-site booking for a Monday closes 16:30 the Friday before (weekend is not a working day)', () => {
    expect(bookingDeadline('onsite', '2026-11-30', '09:30', H, P)).toBe(at('2026-11-27T16:30:00+08:00'));
    const r = req({ channel: 'onsite', date: '2026-11-30' });
    expect(checkBooking(r, facts({ now: at('2026-11-28T10:00:00+08:00') }), H, P)?.code).toBe('too-late-to-book');
  });
  it('phone booking for the same day is always too late', () => {
    expect(checkBooking(req({ channel: 'phone', date: '2026-11-23', slot: '15:30' }), facts(), H, P)?.code).toBe('too-late-to-book');
  });
});

describe('seed 002 取消预约: cancellation', () => {
  const slotStart = at('2026-11-24T09:30:00+08:00');
  it('the citizen may cancel up to 3 hours before the slot', () => {
    expect(checkCancel({ status: 'booked', slotStart }, 'citizen', at('2026-11-24T06:30:00+08:00'), P, TZ)).toBeNull();
  });
  it('the citizen may not cancel later than 3 hours before', () => {
    expect(checkCancel({ status: 'booked', slotStart }, 'citizen', at('2026-11-24T06:30:01+08:00'), P, TZ))
      .toEqual({ code: 'too-late-to-cancel', details: { deadline: '2026-11-24T06:30:00+08:00', hours: 3 } });
  });
  it('the hall may cancel later, even after check-in', () => {
    expect(checkCancel({ status: 'booked', slotStart }, 'hall', at('2026-11-24T09:40:00+08:00'), P, TZ)).toBeNull();
    expect(checkCancel({ status: 'checked-in', slotStart }, 'hall', at('2026-11-24T09:40:00+08:00'), P, TZ)).toBeNull();
  });
  it('a citizen cannot cancel a checked-in booking; nobody can cancel a cancelled, forfeited or served one', () => {
    expect(checkCancel({ status: 'checked-in', slotStart }, 'citizen', 0, P, TZ)?.code).toBe('booking-not-cancellable');
    for (const status of ['cancelled', 'forfeited', 'served'] as const)
      expect(checkCancel({ status, slotStart }, 'hall', 0, P, TZ)).toEqual({ code: 'booking-not-cancellable', details: { status } });
  });
});

describe('seed 002 签到 and 爽约: check-in window and forfeit', () => {
  const b = { status: 'booked' as const, date: '2026-11-23', slotStart: at('2026-11-23T10:30:00+08:00') };
  it('check-in opens 60 minutes before the slot', () => {
    expect(checkCheckin(b, at('2026-11-23T09:29:59+08:00'), TZ, P))
      .toEqual({ code: 'booking-too-early', details: { checkinOpensAt: '2026-11-23T09:30:00+08:00' } });
    expect(checkCheckin(b, at('2026-11-23T09:30:00+08:00'), TZ, P)).toBeNull();
  });
  it('check-in is allowed until slot start + 30 min, then the booking has expired', () => {
    expect(checkCheckin(b, at('2026-11-23T10:59:59+08:00'), TZ, P)).toBeNull();
    expect(checkCheckin(b, at('2026-11-23T11:00:00+08:00'), TZ, P))
      .toEqual({ code: 'booking-expired', details: { forfeitedAt: '2026-11-23T11:00:00+08:00', minutes: 30 } });
    expect(forfeitTime(b.slotStart, P)).toBe(at('2026-11-23T11:00:00+08:00'));
  });
  it('refuses a booking of another day as booking-not-today', () => {
    expect(checkCheckin({ ...b, date: '2026-11-24' }, at('2026-11-23T10:00:00+08:00'), TZ, P))
      .toEqual({ code: 'booking-not-today', details: { date: '2026-11-24' } });
  });
  it('refuses a cancelled booking and reports a forfeited one as expired at its forfeit time', () => {
    expect(checkCheckin({ ...b, status: 'cancelled' }, at('2026-11-23T10:00:00+08:00'), TZ, P)?.code).toBe('booking-cancelled');
    expect(checkCheckin({ ...b, status: 'forfeited', forfeitedAt: at('2026-11-23T11:00:00+08:00') }, at('2026-11-23T12:00:00+08:00'), TZ, P))
      .toEqual({ code: 'booking-expired', details: { forfeitedAt: '2026-11-23T11:00:00+08:00', minutes: 30 } });
  });
});

/** The booking desk's rules (issue 19): which bookings belong to a window, and its three lists at an instant. */
import { describe, expect, it } from 'vitest';
import { belongsTo, callDueBy, contactRefusal, halfWorkingDayAfter, worklist, type DeskBooking, type DeskContact } from '../../server/engine/booking-desk.js';
import { DEFAULT_HOURS, zonedInstant } from '../../server/engine/calendar.js';
import { DEFAULT_POLICY } from '../../server/engine/policy.js';

const tz = DEFAULT_HOURS.tz;
const at = (date: string, hhmm: string) => zonedInstant(date, hhmm, tz).getTime();
const w1 = { id: 'w1', queueIds: ['qA'] };
const w4 = { id: 'w4', queueIds: ['qB'] };
const serviceQueue = new Map([['s-a', 'qA'], ['s-b', 'qB']]);
// Monday 2026-11-23 (winter hours 08:30–12:00, 13:30–16:30)
const MON = '2026-11-23';
const TUE = '2026-11-24';

function bk(id: string, over: Partial<DeskBooking> = {}): DeskBooking {
  const date = over.date ?? TUE;
  return {
    id, status: 'booked', kind: 'window', channel: 'online', serviceId: 's-a', date, slotStart: at(date, '09:30'),
    createdAt: at('2026-11-20', '10:00'), checkedInAt: null, dispatchWindowId: null, signedAt: null, ...over,
  };
}
const list = (bookings: DeskBooking[], now: number, contacts: DeskContact[] = [], window = w1) =>
  worklist({ window, bookings, contacts, serviceQueue, now, hours: DEFAULT_HOURS, policy: DEFAULT_POLICY });

describe('which bookings belong to a window', () => {
  it('an undispatched booking belongs to every window serving its service; a dispatched one only to its window', () => {
    expect(belongsTo(bk('a'), w1, 'qA')).toBe(true);
    expect(belongsTo(bk('a'), w4, 'qA')).toBe(false);
    expect(belongsTo(bk('a', { dispatchWindowId: 'w2' }), w1, 'qA')).toBe(false);
    expect(belongsTo(bk('a', { dispatchWindowId: 'w2' }), { id: 'w2', queueIds: ['qA'] }, 'qA')).toBe(true);
  });
  it('a visit (上门办) belongs to no window', () => {
    expect(belongsTo(bk('a', { kind: 'visit' }), w1, 'qA')).toBe(false);
  });
});

describe('contact outcomes', () => {
  it('an advance call has reached / not-reached / confirmed / asked-to-change; a follow-up gave-up / rescheduled / unreachable', () => {
    expect(contactRefusal('advance', 'confirmed')).toBeNull();
    expect(contactRefusal('follow-up', 'gave-up')).toBeNull();
    expect(contactRefusal('advance', 'gave-up')).toBe('contact-outcome-invalid');
    expect(contactRefusal('follow-up', 'reached')).toBe('contact-outcome-invalid');
  });
});

describe('0.5 working day (002 四(一)2) in the hall calendar', () => {
  it('half of a winter working day (6.5 h) is 3 h 15 min of session time', () => {
    expect(halfWorkingDayAfter(at(MON, '08:30'), DEFAULT_HOURS)).toBe(at(MON, '11:45'));
  });
  it('the lunch break does not count', () => {
    // 11:00 → 12:00 uses 1 h, the rest (2 h 15) from 13:30
    expect(halfWorkingDayAfter(at(MON, '11:00'), DEFAULT_HOURS)).toBe(at(MON, '15:45'));
  });
  it('registered late on Friday: due on Monday morning (the weekend is no working time)', () => {
    // Friday 2026-11-20 16:00: 30 min that day, 2 h 45 on Monday from 08:30
    expect(halfWorkingDayAfter(at('2026-11-20', '16:00'), DEFAULT_HOURS)).toBe(at(MON, '11:15'));
  });
  it('registered on a Saturday: counted from Monday 08:30', () => {
    expect(halfWorkingDayAfter(at('2026-11-21', '10:00'), DEFAULT_HOURS)).toBe(at(MON, '11:45'));
  });
  it('a phone booking is due by then (never after its slot); any other by its slot start', () => {
    const phone = bk('p', { channel: 'phone', createdAt: at(MON, '08:30') });
    expect(callDueBy(phone, DEFAULT_HOURS)).toBe(at(MON, '11:45'));
    expect(callDueBy({ ...phone, slotStart: at(MON, '10:00') }, DEFAULT_HOURS)).toBe(at(MON, '10:00'));
    expect(callDueBy(bk('o'), DEFAULT_HOURS)).toBe(at(TUE, '09:30'));
  });
});

describe("a window's worklist", () => {
  const now = at(MON, '09:00');

  it('dispatched: dispatched to this window and not signed for', () => {
    const l = list([bk('d', { dispatchWindowId: 'w1' }), bk('s', { dispatchWindowId: 'w1', signedAt: now }), bk('other', { dispatchWindowId: 'w2' }), bk('u')], now);
    expect(l.dispatched).toEqual(['d']);
  });

  it('toCall: open bookings from now to the horizon with no call that reached the citizen, by dueBy', () => {
    const bookings = [
      bk('online-tue', { date: TUE, slotStart: at(TUE, '09:30') }),
      bk('phone-wed', { channel: 'phone', date: '2026-11-25', slotStart: at('2026-11-25', '09:30'), createdAt: at(MON, '08:30') }),
      bk('past', { date: MON, slotStart: at(MON, '08:30') }),
      bk('far', { date: '2026-12-31', slotStart: at('2026-12-31', '09:30') }),
      bk('reached', { date: TUE }),
      bk('not-reached', { date: TUE, slotStart: at(TUE, '10:30') }),
      bk('checked-in', { status: 'checked-in' }),
      bk('other-service', { serviceId: 's-b' }),
    ];
    const contacts: DeskContact[] = [
      { bookingId: 'reached', purpose: 'advance', outcome: 'confirmed', at: now },
      { bookingId: 'not-reached', purpose: 'advance', outcome: 'not-reached', at: now },
    ];
    const l = list(bookings, now, contacts);
    // the phone booking is due Monday 11:45, before Tuesday's slots
    expect(l.toCall.map((x) => x.id)).toEqual(['phone-wed', 'online-tue', 'not-reached']);
    expect(l.toCall[0].dueBy).toBe(at(MON, '11:45'));
  });

  it('followUp: appears at slot + forfeitMinutes and not a minute before; booked or forfeited, never checked in, not yet followed up', () => {
    const slot = at(MON, '09:30');
    const b = [
      bk('late', { date: MON, slotStart: slot }),
      bk('forfeited', { date: MON, slotStart: slot, status: 'forfeited' }),
      bk('came', { date: MON, slotStart: slot, status: 'checked-in', checkedInAt: slot }),
      bk('called', { date: MON, slotStart: slot }),
      bk('cancelled', { date: MON, slotStart: slot, status: 'cancelled' }),
    ];
    const c: DeskContact[] = [{ bookingId: 'called', purpose: 'follow-up', outcome: 'gave-up', at: slot }];
    expect(list(b, slot + 29 * 60_000, c).followUp).toEqual([]);
    expect(list(b, slot + 30 * 60_000 - 1, c).followUp).toEqual([]);
    expect(list(b, slot + 30 * 60_000, c).followUp).toEqual(['late', 'forfeited']);
    // an advance call does not take a no-show off the follow-up list
    expect(list(b, slot + 31 * 60_000, [{ bookingId: 'late', purpose: 'advance', outcome: 'reached', at: slot - 3_600_000 }]).followUp)
      .toEqual(['late', 'forfeited', 'called']);
  });

  it("another window's bookings are on none of its lists", () => {
    const l = list([bk('x', { serviceId: 's-b' }), bk('y', { dispatchWindowId: 'w4' })], now);
    expect(l).toEqual({ dispatched: [], toCall: [], followUp: [] });
  });
});

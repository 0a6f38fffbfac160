import { describe, expect, it } from 'vitest';
import { ADMIN, KIOSK, STAFF, idNumber, makeHall, seedCatalog } from '../helpers/hall.js';
import { bookingOf, expectHallError } from './fixtures.js';

const PLATFORM = { kind: 'device' as const, id: 'd-platform', role: 'platform' as const };

function hallAt(now = '2026-11-23T09:00:00+08:00') {
  const h = makeHall({ now });
  seedCatalog(h.hall);
  return h;
}

describe('booking through the hall (seed 002 预约)', () => {
  it('an online booking is stored with masked personal data and a signed ASCII QR code', () => {
    const { hall } = hallAt();
    const r = hall.book(PLATFORM, bookingOf(1));
    expect(r.booking).toMatchObject({ status: 'booked', channel: 'online', serviceId: 'a1', date: '2026-11-24', slot: '09:30', name: '李*' });
    expect(r.booking.idNumber).toBe(idNumber(1).slice(0, 4) + '**********' + idNumber(1).slice(-4));
    expect(r.booking.phone).toBe('138****0001');
    expect(r.qr).toMatch(new RegExp(`^HQ1\\.${r.booking.id}\\.[\\w-]{22}$`));
    expect(r.qr).not.toContain(idNumber(1));
    expect(hall.revealBooking(ADMIN, r.booking.id, '电话联系').idNumber).toBe(idNumber(1));
  });

  it('slots report capacity, booked and available', () => {
    const { hall } = hallAt();
    hall.book(PLATFORM, bookingOf(1));
    const s = hall.slots('a1', '2026-11-24').find((x) => x.slot === '09:30');
    expect(s).toMatchObject({ capacity: 2, booked: 1, available: 1, end: '10:30' });
    expectHallError(() => hall.slots('nope', '2026-11-24'), 'service-not-found');
  });

  it('seed 002 实名: a bad ID number → invalid-id-number (400), a bad phone → invalid-phone (400)', () => {
    const { hall } = hallAt();
    expect(expectHallError(() => hall.book(PLATFORM, bookingOf(1, { idNumber: '110101199001010000' })), 'invalid-id-number').status).toBe(400);
    expect(expectHallError(() => hall.book(PLATFORM, bookingOf(1, { phone: '12345' })), 'invalid-phone').status).toBe(400);
  });

  it('an unknown service → service-not-found', () => {
    const { hall } = hallAt();
    expectHallError(() => hall.book(PLATFORM, bookingOf(1, { serviceId: 'nope' })), 'service-not-found');
  });

  it('a slot outside the service hours → slot-unavailable', () => {
    const { hall } = hallAt();
    expectHallError(() => hall.book(PLATFORM, bookingOf(1, { slot: '12:00' })), 'slot-unavailable');
  });

  it('seed 002 每时段名额: a full slot → slot-full; a cancelled booking frees its place', () => {
    const { hall } = hallAt();
    hall.book(PLATFORM, bookingOf(1));
    const second = hall.book(PLATFORM, bookingOf(2));
    expectHallError(() => hall.book(PLATFORM, bookingOf(3)), 'slot-full', { capacity: 2 });
    hall.cancelBooking(PLATFORM, second.booking.id, 'citizen');
    expect(hall.book(PLATFORM, bookingOf(3)).booking.status).toBe('booked');
  });

  it('seed 002 同一时段限约一次: the same person in the same slot → duplicate-slot, even in another service', () => {
    const { hall } = hallAt();
    hall.book(PLATFORM, bookingOf(1));
    expectHallError(() => hall.book(PLATFORM, bookingOf(1, { serviceId: 'b1' })), 'duplicate-slot');
  });

  it('seed 002 每人每天最多2次: a third booking that day → daily-booking-limit', () => {
    const { hall } = hallAt();
    hall.book(PLATFORM, bookingOf(1, { slot: '08:30' }));
    hall.book(PLATFORM, bookingOf(1, { slot: '09:30' }));
    expectHallError(() => hall.book(PLATFORM, bookingOf(1, { slot: '13:30', serviceId: 'b1' })), 'daily-booking-limit', { limit: 2 });
    expect(hall.book(PLATFORM, bookingOf(1, { date: '2026-11-25', slot: '13:30' })).booking.status).toBe('booked');
  });

  it('seed 002 预约时间: online booking closes 3 hours before the slot', () => {
    const { hall } = hallAt('2026-11-23T10:30:00+08:00');
    expectHallError(() => hall.book(PLATFORM, bookingOf(1, { date: '2026-11-23', slot: '13:30' })), 'too-late-to-book',
      { deadline: '2026-11-23T10:30:00+08:00' });
    expect(hall.book(PLATFORM, bookingOf(1, { date: '2026-11-23', slot: '14:30' })).booking.status).toBe('booked');
  });

  it('seed 002 预约时间: phone booking closes 16:30 the previous working day', () => {
    const { hall, clock } = hallAt('2026-11-23T16:29:00+08:00');
    expect(hall.book(STAFF, bookingOf(1, { channel: 'phone' })).booking.channel).toBe('phone');
    clock.set('2026-11-23T16:30:00+08:00');
    expectHallError(() => hall.book(STAFF, bookingOf(2, { channel: 'phone' })), 'too-late-to-book', { deadline: '2026-11-23T16:30:00+08:00' });
  });

  it('seed 002: on-site booking for Monday closes Friday 16:30 (the weekend is not a working day)', () => {
    const { hall } = hallAt('2026-11-28T10:00:00+08:00');
    expectHallError(() => hall.book(STAFF, bookingOf(1, { channel: 'onsite', date: '2026-11-30' })), 'too-late-to-book',
      { deadline: '2026-11-27T16:30:00+08:00' });
  });

  it('14-day horizon: today + 14 is bookable, today + 15 → beyond-horizon', () => {
    const { hall } = hallAt();
    expect(hall.book(PLATFORM, bookingOf(1, { date: '2026-12-07' })).booking.date).toBe('2026-12-07');
    expectHallError(() => hall.book(PLATFORM, bookingOf(2, { date: '2026-12-08' })), 'beyond-horizon');
  });
});

describe('cancellation (seed 002 取消预约)', () => {
  it('the citizen cancels up to 3 h before; later → too-late-to-cancel', () => {
    const { hall, clock } = hallAt();
    const a = hall.book(PLATFORM, bookingOf(1)).booking;
    const b = hall.book(PLATFORM, bookingOf(2)).booking;
    clock.set('2026-11-24T06:30:00+08:00');
    expect(hall.cancelBooking(PLATFORM, a.id, 'citizen').booking).toMatchObject({ status: 'cancelled', cancelledBy: 'citizen' });
    clock.set('2026-11-24T06:31:00+08:00');
    expectHallError(() => hall.cancelBooking(PLATFORM, b.id, 'citizen'), 'too-late-to-cancel', { deadline: '2026-11-24T06:30:00+08:00' });
  });

  it('the hall may cancel later, and the cancellation is recorded with who and why', () => {
    const { hall, clock, db } = hallAt();
    const a = hall.book(PLATFORM, bookingOf(1)).booking;
    clock.set('2026-11-24T09:00:00+08:00');
    const r = hall.cancelBooking(STAFF, a.id, 'hall', '群众电话申请');
    expect(r.booking).toMatchObject({ status: 'cancelled', cancelledBy: 'hall', cancelReason: '群众电话申请' });
    const ev = db.prepare("SELECT actor, data FROM events WHERE type = 'booking.cancelled' AND subject = ?").get(a.id) as { actor: string; data: string };
    expect(ev.actor).toBe('user:u-staff');
    expect(JSON.parse(ev.data)).toEqual({ by: 'hall', reason: '群众电话申请' });
  });

  it('a hall cancellation after check-in takes the waiting ticket out of the line', () => {
    const { hall, clock } = hallAt();
    const { qr } = hall.book(PLATFORM, bookingOf(1));
    clock.set('2026-11-24T09:00:00+08:00');
    const { ticket, booking } = hall.checkIn(KIOSK, { qr });
    expect(hall.snapshot().queues.find((q) => q.id === 'qA')!.reservationsWaiting).toBe(1);
    hall.cancelBooking(STAFF, booking.id, 'hall', '窗口调整');
    expect(hall.ticket(ticket.id).ticket.status).toBe('cancelled');
    expect(hall.snapshot().queues.find((q) => q.id === 'qA')!.reservationsWaiting).toBe(0);
  });

  it('a cancelled booking cannot be cancelled again → booking-not-cancellable (409); unknown → booking-not-found', () => {
    const { hall } = hallAt();
    const a = hall.book(PLATFORM, bookingOf(1)).booking;
    hall.cancelBooking(PLATFORM, a.id, 'citizen');
    expect(expectHallError(() => hall.cancelBooking(STAFF, a.id, 'hall'), 'booking-not-cancellable').status).toBe(409);
    expectHallError(() => hall.cancelBooking(STAFF, 'b-none', 'hall'), 'booking-not-found');
  });

  it('bookings of a day list every channel, masked for everyone; one booking is revealed only by an audited action', () => {
    const { hall, db } = hallAt();
    const events = db.prepare<[], { type: string; actor: string; subject: string; data: string }>('SELECT * FROM events ORDER BY seq');
    hall.book(PLATFORM, bookingOf(1));
    hall.book(STAFF, bookingOf(2, { channel: 'phone', slot: '10:30' }));
    const list = hall.bookingsOf(ADMIN, '2026-11-24');
    expect(list.map((b) => b.channel)).toEqual(['online', 'phone']);
    expect(list.every((b) => b.idNumber.includes('*') && b.phone.includes('*'))).toBe(true);
    expect(hall.booking(ADMIN, list[0].id).idNumber).toBe(list[0].idNumber);
    expect(hall.revealBooking(STAFF, list[0].id, '核对身份').idNumber).toBe(idNumber(1));
    expect(events.all().filter((e) => e.type === 'booking.revealed').map((e) => [e.actor, e.subject, JSON.parse(e.data).reason]))
      .toEqual([[`user:${STAFF.id}`, list[0].id, '核对身份']]);
    expectHallError(() => hall.booking(ADMIN, 'b-none'), 'booking-not-found');
  });
});

describe('seed 002 信用管理: monthly credit', () => {
  /** Books person 7 on three days and lets each booking be forfeited. */
  function threeNoShows() {
    const h = hallAt('2026-11-20T09:00:00+08:00');
    for (const date of ['2026-11-23', '2026-11-24', '2026-11-25']) h.hall.book(PLATFORM, bookingOf(7, { date, slot: '08:30' }));
    h.clock.set('2026-11-25T10:00:00+08:00');
    h.hall.tick();
    return h;
  }

  it('three forfeits in a month bar new bookings until the 1st of next month, on every channel', () => {
    const { hall } = threeNoShows();
    expect(hall.credit(ADMIN, idNumber(7))).toEqual({ noShowsThisMonth: 3, barredUntil: '2026-12-01' });
    expectHallError(() => hall.book(PLATFORM, bookingOf(7, { date: '2026-11-27' })), 'booking-barred', { barredUntil: '2026-12-01' });
    expectHallError(() => hall.book(STAFF, bookingOf(7, { date: '2026-11-30', channel: 'phone' })), 'booking-barred');
  });

  it('counts reset on the 1st: the person may book again in December', () => {
    const { hall, clock } = threeNoShows();
    clock.set('2026-12-01T08:00:00+08:00');
    expect(hall.credit(ADMIN, idNumber(7))).toEqual({ noShowsThisMonth: 0, barredUntil: null });
    expect(hall.book(PLATFORM, bookingOf(7, { date: '2026-12-02' })).booking.status).toBe('booked');
  });

  it('an admin pardon with a reason lifts the bar, audited without the full ID number', () => {
    const { hall, db } = threeNoShows();
    expect(hall.pardon(ADMIN, idNumber(7), '系统故障导致未能签到')).toEqual({ noShowsThisMonth: 0, barredUntil: null });
    expect(hall.book(PLATFORM, bookingOf(7, { date: '2026-11-27' })).booking.status).toBe('booked');
    const ev = db.prepare("SELECT actor, data FROM events WHERE type = 'credit.pardoned'").get() as { actor: string; data: string };
    expect(ev.actor).toBe('user:u-admin');
    expect(JSON.parse(ev.data)).toMatchObject({ pardoned: 3, reason: '系统故障导致未能签到' });
    expect(ev.data).not.toContain(idNumber(7));
  });

  it('credit and pardon of a malformed ID number → invalid-id-number', () => {
    const { hall } = hallAt();
    expectHallError(() => hall.credit(ADMIN, '123'), 'invalid-id-number');
    expectHallError(() => hall.pardon(ADMIN, '123', 'x'), 'invalid-id-number');
  });

  it('two no-shows do not bar', () => {
    const { hall, clock } = hallAt('2026-11-20T09:00:00+08:00');
    hall.book(PLATFORM, bookingOf(8, { date: '2026-11-23', slot: '08:30' }));
    hall.book(PLATFORM, bookingOf(8, { date: '2026-11-24', slot: '08:30' }));
    clock.set('2026-11-24T10:00:00+08:00');
    hall.tick();
    expect(hall.credit(ADMIN, idNumber(8))).toEqual({ noShowsThisMonth: 2, barredUntil: null });
    expect(hall.book(PLATFORM, bookingOf(8, { date: '2026-11-26' })).booking.status).toBe('booked');
  });
});

import { describe, expect, it } from 'vitest';
import { ADMIN, KIOSK, STAFF, idNumber, makeHall, seedCatalog } from '../helpers/hall.js';
import { bookingQr } from '../../server/hall/qr.js';
import { bookingOf, expectHallError } from './fixtures.js';

const PLATFORM = { kind: 'device' as const, id: 'd-platform', role: 'platform' as const };

/** Person 1 booked a1 on 2026-11-24 at 10:30 (online, the day before). */
function booked() {
  const h = makeHall({ now: '2026-11-23T09:00:00+08:00' });
  seedCatalog(h.hall);
  const r = h.hall.book(PLATFORM, bookingOf(1, { slot: '10:30' }));
  return { ...h, ...r };
}

describe('check-in at the kiosk (seed 002 签到)', () => {
  it('by QR code from 60 minutes before the slot: a reservation ticket with the next number of the queue', () => {
    const { hall, clock, qr, booking } = booked();
    clock.set('2026-11-24T09:30:00+08:00');
    hall.issueTicket(KIOSK, { serviceId: 'a1' });
    const r = hall.checkIn(KIOSK, { qr });
    expect(r.ticket).toMatchObject({ kind: 'reservation', status: 'waiting', number: 'A002', queueId: 'qA', bookingId: booking.id });
    expect(r.booking).toMatchObject({ status: 'checked-in', ticketId: r.ticket.id });
    expect(r.alreadyCheckedIn).toBeUndefined();
  });

  it('by ID card number, finding the person\'s booking of today', () => {
    const { hall, clock, booking } = booked();
    clock.set('2026-11-24T10:00:00+08:00');
    const r = hall.checkIn(KIOSK, { idNumber: idNumber(1).toLowerCase() });
    expect(r.booking.id).toBe(booking.id);
    expect(r.ticket.kind).toBe('reservation');
  });

  it('checking in twice returns the same ticket with alreadyCheckedIn', () => {
    const { hall, clock, qr } = booked();
    clock.set('2026-11-24T10:00:00+08:00');
    const first = hall.checkIn(KIOSK, { qr });
    const again = hall.checkIn(KIOSK, { qr });
    expect(again.alreadyCheckedIn).toBe(true);
    expect(again.ticket.id).toBe(first.ticket.id);
    expect(hall.snapshot().queues.find((q) => q.id === 'qA')!.reservationsWaiting).toBe(1);
  });

  it('before 60 minutes ahead → booking-too-early with the opening time', () => {
    const { hall, clock, qr } = booked();
    clock.set('2026-11-24T09:29:00+08:00');
    expectHallError(() => hall.checkIn(KIOSK, { qr }), 'booking-too-early', { checkinOpensAt: '2026-11-24T09:30:00+08:00' });
  });

  it('seed 002 爽约: from slot start + 30 min → booking-expired with the forfeit time, before and after the timer ran', () => {
    const { hall, clock, qr } = booked();
    clock.set('2026-11-24T11:00:00+08:00');
    expectHallError(() => hall.checkIn(KIOSK, { qr }), 'booking-expired', { forfeitedAt: '2026-11-24T11:00:00+08:00' });
    hall.tick();
    expect(hall.booking(ADMIN, qr.split('.')[1]).status).toBe('forfeited');
    expectHallError(() => hall.checkIn(KIOSK, { qr }), 'booking-expired', { forfeitedAt: '2026-11-24T11:00:00+08:00' });
  });

  it('a late citizen is told which service the forfeited booking was for, so a walk-in can be offered at once', () => {
    const { hall, clock, qr } = booked();
    clock.set('2026-11-24T11:05:00+08:00');
    expectHallError(() => hall.checkIn(KIOSK, { qr }), 'booking-expired', { serviceId: 'a1', date: '2026-11-24', slot: '10:30' });
  });

  it('a reservation ticket counts only the reservations already waiting ahead of it, not the walk-ins', () => {
    const { hall, clock, qr } = booked();
    clock.set('2026-11-24T10:00:00+08:00');
    hall.issueTicket(KIOSK, { serviceId: 'a1' });
    hall.issueTicket(KIOSK, { serviceId: 'a1' });
    expect(hall.checkIn(KIOSK, { qr }).ticket.kind).toBe('reservation');
    expect(hall.issueTicket(KIOSK, { serviceId: 'a1' }).waitingAhead).toBe(3);
  });

  it('a cancelled booking → booking-cancelled', () => {
    const { hall, clock, qr, booking } = booked();
    hall.cancelBooking(PLATFORM, booking.id, 'citizen');
    clock.set('2026-11-24T10:00:00+08:00');
    expectHallError(() => hall.checkIn(KIOSK, { qr }), 'booking-cancelled');
  });

  it('a booking of another day → booking-not-today, by QR and by ID number', () => {
    const { hall, qr } = booked();
    expectHallError(() => hall.checkIn(KIOSK, { qr }), 'booking-not-today', { date: '2026-11-24' });
    expectHallError(() => hall.checkIn(KIOSK, { idNumber: idNumber(1) }), 'booking-not-today', { date: '2026-11-24', slot: '10:30' });
  });

  it('a forged or altered QR code → invalid-qr (400)', () => {
    const { hall, clock, qr } = booked();
    clock.set('2026-11-24T10:00:00+08:00');
    expect(expectHallError(() => hall.checkIn(KIOSK, { qr: qr.slice(0, -2) + 'AA' }), 'invalid-qr').status).toBe(400);
    expectHallError(() => hall.checkIn(KIOSK, { qr: bookingQr(qr.split('.')[1], 'other-secret') }), 'invalid-qr');
    expectHallError(() => hall.checkIn(KIOSK, { qr: 'hello' }), 'invalid-qr');
  });

  it('a valid QR for an unknown booking, or an ID number without bookings → booking-not-found (404)', () => {
    const { hall } = booked();
    expect(expectHallError(() => hall.checkIn(KIOSK, { qr: bookingQr('b-none', 'test-secret') }), 'booking-not-found').status).toBe(404);
    expectHallError(() => hall.checkIn(KIOSK, { idNumber: idNumber(2) }), 'booking-not-found');
  });

  it('a malformed ID number → invalid-id-number', () => {
    const { hall } = booked();
    expectHallError(() => hall.checkIn(KIOSK, { idNumber: '110101199001010000' }), 'invalid-id-number');
  });

  it('by ID number with two bookings today, picks the one open for check-in', () => {
    const { hall, clock } = booked();
    hall.book(PLATFORM, bookingOf(1, { slot: '14:30' }));
    clock.set('2026-11-24T14:00:00+08:00');
    // the 10:30 booking is past its forfeit time; the 14:30 one is open
    const r = hall.checkIn(STAFF, { idNumber: idNumber(1) });
    expect(r.booking.slot).toBe('14:30');
  });
});

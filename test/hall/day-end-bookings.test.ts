/**
 * Day end and bookings: a checked-in citizen whose ticket the close cancels does not stay
 * `checked-in` forever; the booking is cancelled by the hall (reason day-end), and it is no no-show.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, KIOSK, STAFF, idNumber, makeHall, seedCatalog } from '../helpers/hall.js';
import { isLogType } from '../../protocol/log.js';
import { bookingOf } from './fixtures.js';

const PLATFORM = { kind: 'device' as const, id: 'd-platform', role: 'platform' as const };

describe('day end closes checked-in bookings too', () => {
  it('waiting reservation at closing → ticket cancelled, booking cancelled by the hall, credit untouched', () => {
    const { hall, clock, db } = makeHall({ now: '2026-11-22T10:00:00+08:00' });
    seedCatalog(hall);
    const { booking, qr } = hall.book(PLATFORM, bookingOf(1, { date: '2026-11-23', slot: '15:30' }));
    clock.set('2026-11-23T15:00:00+08:00');
    const t = hall.checkIn(KIOSK, { qr }).ticket;
    const changes: string[] = [];
    hall.events.on('booking:changed', (e) => changes.push(e.status));
    clock.set('2026-11-23T19:00:00+08:00');
    expect(hall.tick().closed).toBe(1);
    expect(hall.ticket(t.id).ticket.status).toBe('cancelled');
    expect(hall.booking(ADMIN, booking.id)).toMatchObject({ status: 'cancelled', cancelledBy: 'hall', cancelReason: 'day-end' });
    expect(changes).toEqual(['cancelled']);
    expect(hall.credit(ADMIN, idNumber(1)).noShowsThisMonth).toBe(0);
    expect(db.prepare("SELECT count(*) n FROM events WHERE type = 'booking.cancelled'").get()).toEqual({ n: 1 });
  });

  it('a reservation still being served overnight is done the next morning, its booking served', () => {
    const { hall, clock } = makeHall({ now: '2026-11-22T10:00:00+08:00' });
    seedCatalog(hall);
    const { booking, qr } = hall.book(PLATFORM, bookingOf(2, { date: '2026-11-23', slot: '15:30' }));
    clock.set('2026-11-23T15:20:00+08:00');
    hall.checkIn(KIOSK, { qr });
    hall.callNext(STAFF, 'w1');
    hall.start(STAFF, 'w1');
    clock.set('2026-11-24T08:00:00+08:00');
    expect(hall.tick().closed).toBe(1);
    expect(hall.booking(ADMIN, booking.id).status).toBe('served');
  });

  it('a reservation marked no-show at the window leaves its booking forfeited (one no-show), not checked-in', () => {
    const { hall, clock } = makeHall({ now: '2026-11-22T10:00:00+08:00' });
    seedCatalog(hall);
    const { booking, qr } = hall.book(PLATFORM, bookingOf(4, { date: '2026-11-23', slot: '10:30' }));
    clock.set('2026-11-23T10:20:00+08:00');
    hall.checkIn(KIOSK, { qr });
    hall.callNext(STAFF, 'w1');
    hall.noShow(STAFF, 'w1');
    expect(hall.booking(ADMIN, booking.id).status).toBe('forfeited');
    clock.set('2026-11-23T11:30:00+08:00');
    hall.tick();
    expect(hall.credit(ADMIN, idNumber(4)).noShowsThisMonth).toBe(1);
  });

  it('ticket:updated tells staff of a ticket the hall cancelled: by a booking cancel, and by the day end', () => {
    const { hall, clock } = makeHall({ now: '2026-11-22T10:00:00+08:00' });
    seedCatalog(hall);
    const one = hall.book(PLATFORM, bookingOf(5, { date: '2026-11-23', slot: '10:30' }));
    const two = hall.book(PLATFORM, bookingOf(6, { date: '2026-11-23', slot: '10:30' }));
    clock.set('2026-11-23T10:00:00+08:00');
    const t1 = hall.checkIn(KIOSK, { qr: one.qr }).ticket;
    const t2 = hall.checkIn(KIOSK, { qr: two.qr }).ticket;
    const walk = hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket;
    const seen: string[] = [];
    hall.events.on('ticket:updated', (e) => seen.push(`${e.ticket.number}:${e.ticket.status}`));
    hall.cancelBooking(STAFF, one.booking.id, 'hall', '群众离开');
    clock.set('2026-11-23T20:00:00+08:00');
    hall.tick();
    expect(seen).toEqual([`${t1.number}:cancelled`, expect.stringMatching(/:cancelled$/), expect.stringMatching(/:cancelled$/)]);
    expect(seen.slice(1).sort()).toEqual([`${t2.number}:cancelled`, `${walk.number}:cancelled`].sort());
  });

  it('every type the hall appended in a busy day is a declared log type (protocol/log.ts)', () => {
    const { hall, clock, db } = makeHall({ now: '2026-11-22T10:00:00+08:00' });
    seedCatalog(hall);
    const { qr } = hall.book(PLATFORM, bookingOf(3, { date: '2026-11-23', slot: '10:30' }));
    clock.set('2026-11-23T10:00:00+08:00');
    hall.issueTicket(KIOSK, { serviceId: 'a1' });
    hall.checkIn(KIOSK, { qr });
    hall.callNext(STAFF, 'w1');
    hall.recall(STAFF, 'w1');
    hall.pause(STAFF, 'w2', '午休');
    hall.resume(STAFF, 'w2');
    hall.setMode(STAFF, 'w2', 'reservation');
    hall.openWindow(STAFF, 'w2');
    hall.transfer(STAFF, 'w1', { windowId: 'w2' });
    hall.closeWindow(STAFF, 'w1');
    clock.set('2026-11-23T20:00:00+08:00');
    hall.tick();
    const types = (db.prepare('SELECT DISTINCT type FROM events').all() as { type: string }[]).map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(['window.paused', 'window.resumed', 'window.mode', 'window.opened', 'window.closed', 'day.closed']));
    expect(types.filter((t) => !isLogType(t))).toEqual([]);
  });
});

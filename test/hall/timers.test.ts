import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { ADMIN, KIOSK, STAFF, idNumber, makeHall, seedCatalog } from '../helpers/hall.js';
import { dayEndAt } from '../../server/hall/timers.js';
import { at, bookingOf } from './fixtures.js';

const PLATFORM = { kind: 'device' as const, id: 'd-platform', role: 'platform' as const };

function hallAt(now: string) {
  const h = makeHall({ now });
  seedCatalog(h.hall);
  return h;
}

describe('seed 002 (4) 超过约定时间30分钟未到场: the timer forfeits late bookings', () => {
  it('a booking not checked in is forfeited at slot start + 30 min, not a moment before', () => {
    const { hall, clock } = hallAt('2026-11-22T10:00:00+08:00');
    const { booking } = hall.book(PLATFORM, bookingOf(1, { date: '2026-11-23', slot: '10:30' }));
    const changes: string[] = [];
    hall.events.on('booking:changed', (e) => changes.push(`${e.bookingId}:${e.status}`));
    clock.set('2026-11-23T10:59:59+08:00');
    expect(hall.tick().forfeited).toBe(0);
    expect(hall.booking(ADMIN, booking.id).status).toBe('booked');
    clock.set('2026-11-23T11:00:00+08:00');
    expect(hall.tick().forfeited).toBe(1);
    expect(hall.booking(ADMIN, booking.id).status).toBe('forfeited');
    expect(changes).toEqual([`${booking.id}:forfeited`]);
    expect(hall.credit(ADMIN, idNumber(1)).noShowsThisMonth).toBe(1);
    expect(hall.tick().forfeited).toBe(0);
  });

  it('checked-in and cancelled bookings are never forfeited', () => {
    const { hall, clock } = hallAt('2026-11-22T10:00:00+08:00');
    const a = hall.book(PLATFORM, bookingOf(1, { date: '2026-11-23', slot: '10:30' }));
    const b = hall.book(PLATFORM, bookingOf(2, { date: '2026-11-23', slot: '10:30' }));
    hall.cancelBooking(PLATFORM, b.booking.id, 'citizen');
    clock.set('2026-11-23T10:00:00+08:00');
    hall.checkIn(KIOSK, { qr: a.qr });
    clock.set('2026-11-23T12:00:00+08:00');
    expect(hall.tick().forfeited).toBe(0);
    expect(hall.credit(ADMIN, idNumber(1)).noShowsThisMonth).toBe(0);
    expect(hall.credit(ADMIN, idNumber(2)).noShowsThisMonth).toBe(0);
  });

  it('a timer that ran late forfeits at the rule time, not at the time it ran', () => {
    const { hall, clock, db } = hallAt('2026-11-22T10:00:00+08:00');
    const { booking } = hall.book(PLATFORM, bookingOf(1, { date: '2026-11-23', slot: '08:30' }));
    clock.set('2026-11-23T15:00:00+08:00');
    hall.tick();
    expect(db.prepare('SELECT forfeited_at FROM bookings WHERE id = ?').get(booking.id)).toEqual({ forfeited_at: at('2026-11-23T09:00:00+08:00') });
  });
});

describe('day-end closing (DESIGN.md: tickets belong to their day)', () => {
  it('closes at the end of the last session plus the grace period (winter workday: 17:30 + 60 min)', () => {
    const { hall } = hallAt('2026-11-23T09:00:00+08:00');
    expect(dayEndAt(hall.settings, '2026-11-23')).toBe(at('2026-11-23T18:30:00+08:00'));
  });

  it('waiting and called tickets are cancelled with reason day-end; served and serving ones are not', () => {
    const { hall, clock, db } = hallAt('2026-11-23T16:00:00+08:00');
    const ids = [0, 1, 2, 3].map(() => hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket.id);
    hall.callNext(STAFF, 'w1');
    hall.finish(STAFF, 'w1'); // ids[0] done
    hall.callNext(STAFF, 'w1'); // ids[1] called
    hall.callNext(STAFF, 'w2');
    hall.start(STAFF, 'w2'); // ids[2] serving
    clock.set('2026-11-23T18:29:00+08:00');
    expect(hall.tick().closed).toBe(0);
    clock.set('2026-11-23T18:30:00+08:00');
    expect(hall.tick().closed).toBe(2);
    const status = (id: string) => db.prepare('SELECT status, close_reason FROM tickets WHERE id = ?').get(id);
    expect(status(ids[0])).toEqual({ status: 'done', close_reason: null });
    expect(status(ids[1])).toEqual({ status: 'cancelled', close_reason: 'day-end' });
    expect(status(ids[2])).toEqual({ status: 'serving', close_reason: null });
    expect(status(ids[3])).toEqual({ status: 'cancelled', close_reason: 'day-end' });
    expect(hall.windowState('w1').current).toBeNull();
    expect(hall.snapshot().queues.every((q) => q.waiting === 0)).toBe(true);
    expect(db.prepare("SELECT count(*) n FROM events WHERE type = 'day.closed'").get()).toEqual({ n: 1 });
  });

  it('the next morning, a ticket left serving overnight is closed as done, and numbering restarts at 001', () => {
    const { hall, clock } = hallAt('2026-11-23T16:00:00+08:00');
    const t = hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket;
    hall.callNext(STAFF, 'w1');
    hall.start(STAFF, 'w1');
    clock.set('2026-11-24T08:00:00+08:00');
    expect(hall.tick().closed).toBe(1);
    expect(hall.ticket(t.id).ticket.status).toBe('done');
    expect(hall.windowState('w1').current).toBeNull();
    clock.set('2026-11-24T08:30:00+08:00');
    expect(hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket.number).toBe('A001');
  });

  it('the first tick of the next day closes yesterday\'s waiting tickets, so they are never called today', () => {
    const { hall, clock } = hallAt('2026-11-23T16:00:00+08:00');
    hall.issueTicket(KIOSK, { serviceId: 'a1' });
    clock.set('2026-11-24T08:30:00+08:00');
    hall.tick();
    expect(hall.callNext(STAFF, 'w1').ticket).toBeNull();
  });

  it('closes every kind of open ticket of a day: walk-ins, checked-in reservations, tickets transferred to a window or another queue, called ones', () => {
    const { hall, clock, db } = hallAt('2026-11-22T10:00:00+08:00');
    const booked = [1, 2].map((n) => hall.book(PLATFORM, bookingOf(n, { date: '2026-11-23', slot: '14:30', serviceId: 'a1' })));
    clock.set('2026-11-23T14:20:00+08:00'); // the 14:30 reservations may be called from 14:15
    const toWindow = hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket.id;
    hall.callNext(STAFF, 'w1');
    hall.transfer(STAFF, 'w1', { windowId: 'w2' });
    const toQueue = hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket.id;
    hall.callNext(STAFF, 'w1');
    hall.transfer(STAFF, 'w1', { queueId: 'qB' });
    const called = hall.checkIn(KIOSK, { qr: booked[0].qr }).ticket.id;
    hall.callNext(STAFF, 'w3');
    const resvWaiting = hall.checkIn(KIOSK, { qr: booked[1].qr }).ticket.id;
    const walkIns = [0, 1, 2].map(() => hall.issueTicket(KIOSK, { serviceId: 'b1' }).ticket.id);
    const open = [called, toWindow, toQueue, resvWaiting, ...walkIns];
    const status = (id: string) => (db.prepare('SELECT status FROM tickets WHERE id = ?').get(id) as { status: string }).status;
    expect(open.map(status)).toEqual(['called', ...Array(6).fill('waiting')]);
    // the morning after: the server was off at closing, and the first tick closes all of them
    clock.set('2026-11-24T08:30:00+08:00');
    const todays = hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket.id;
    expect(hall.tick().closed).toBe(7);
    expect(open.map(status)).toEqual(Array(7).fill('cancelled'));
    expect(status(todays)).toBe('waiting');
    expect(hall.snapshot().queues.map((q) => [q.id, q.waiting])).toEqual([['qA', 1], ['qB', 0]]);
    expect(hall.windowState('w3').current).toBeNull();
  });
});

describe('the hall is told of a coming year without a holiday schedule', () => {
  it('the tick logs the warning once a day, not at every tick', () => {
    const lines: { level: number; msg: string; years?: number[] }[] = [];
    const log = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
    const { hall, clock } = makeHall({ now: '2026-11-23T09:00:00+08:00', log });
    hall.tick();
    hall.tick();
    clock.set('2026-11-23T15:00:00+08:00');
    hall.tick();
    const warned = () => lines.filter((l) => l.level === 40 && l.msg.startsWith('尚未载入 2027 年的节假日安排'));
    expect(warned()).toHaveLength(1);
    expect(warned()[0].years).toEqual([2027]);
    clock.set('2026-11-24T09:00:00+08:00');
    hall.tick();
    expect(warned()).toHaveLength(2);
  });
});

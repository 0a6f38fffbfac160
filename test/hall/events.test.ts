import { describe, expect, it } from 'vitest';
import { KIOSK, STAFF, idNumber, makeHall, seedCatalog } from '../helpers/hall.js';
import { bookingOf, expectHallError } from './fixtures.js';

const PLATFORM = { kind: 'device' as const, id: 'd-platform', role: 'platform' as const };

function hallAt(now = '2026-11-23T09:00:00+08:00') {
  const h = makeHall({ now });
  seedCatalog(h.hall);
  return h;
}
const types = (db: ReturnType<typeof makeHall>['db'], after = 0) =>
  (db.prepare('SELECT type FROM events WHERE seq > ? ORDER BY seq').all(after) as { type: string }[]).map((r) => r.type);
const lastSeq = (db: ReturnType<typeof makeHall>['db']) => (db.prepare('SELECT coalesce(max(seq), 0) s FROM events').get() as { s: number }).s;

describe('the event log records every state change (server/db: append-only log)', () => {
  it('a ticket life appends issued, assigned, called, started, finished', () => {
    const { hall, db } = hallAt();
    const from = lastSeq(db);
    hall.issueTicket(KIOSK, { serviceId: 'a1' });
    hall.callNext(STAFF, 'w1');
    hall.recall(STAFF, 'w1');
    hall.start(STAFF, 'w1');
    hall.finish(STAFF, 'w1');
    expect(types(db, from)).toEqual(['ticket.issued', 'ticket.assigned', 'ticket.called', 'ticket.called', 'ticket.started', 'ticket.finished']);
  });

  it('bookings, check-in, cancel, forfeit, pause/resume/mode and no-show are logged', () => {
    const { hall, clock, db } = hallAt('2026-11-22T10:00:00+08:00');
    const a = hall.book(PLATFORM, bookingOf(1, { date: '2026-11-23', slot: '09:30' }));
    const b = hall.book(PLATFORM, bookingOf(2, { date: '2026-11-23', slot: '09:30' }));
    hall.cancelBooking(PLATFORM, b.booking.id, 'citizen');
    hall.book(PLATFORM, bookingOf(3, { date: '2026-11-23', slot: '08:30' }));
    clock.set('2026-11-23T09:20:00+08:00');
    hall.tick();
    hall.checkIn(KIOSK, { qr: a.qr });
    hall.pause(STAFF, 'w2', '临时离开');
    hall.resume(STAFF, 'w2');
    hall.setMode(STAFF, 'w2', 'reservation');
    hall.callNext(STAFF, 'w1');
    hall.noShow(STAFF, 'w1');
    expect(types(db).filter((t) => !/^(queue|service|window|user)\.(created)$/.test(t))).toEqual([
      'booking.created', 'booking.created', 'booking.cancelled', 'booking.created', 'booking.forfeited',
      'ticket.issued', 'booking.checked-in', 'window.paused', 'window.resumed', 'window.mode',
      'ticket.assigned', 'ticket.called', 'ticket.no-show',
    ]);
  });

  it('no event data holds an ID number, a phone or a name in clear', () => {
    const { hall, clock, db } = hallAt('2026-11-22T10:00:00+08:00');
    const input = bookingOf(1, { date: '2026-11-23', slot: '09:30' });
    const { qr } = hall.book(PLATFORM, input);
    clock.set('2026-11-23T09:20:00+08:00');
    hall.checkIn(KIOSK, { qr });
    hall.callNext(STAFF, 'w1');
    hall.noShow(STAFF, 'w1');
    hall.pardon({ kind: 'user', id: 'u-admin', role: 'admin' }, idNumber(1), '误判');
    const all = (db.prepare('SELECT data FROM events').all() as { data: string }[]).map((r) => r.data).join('\n');
    for (const secret of [input.idNumber, input.phone, input.name]) expect(all).not.toContain(secret);
  });

  it('a refused command appends nothing and emits nothing', () => {
    const { hall, db } = hallAt();
    const from = lastSeq(db);
    let emitted = 0;
    for (const e of ['ticket:called', 'window:updated', 'queue:updated', 'ticket:issued'] as const) hall.events.on(e, () => emitted++);
    hall.issueTicket(KIOSK, { serviceId: 'a1' });
    hall.callNext(STAFF, 'w1');
    const mid = lastSeq(db);
    const before = emitted;
    expectHallError(() => hall.callNext(STAFF, 'w1'), 'ticket-in-progress');
    expectHallError(() => hall.issueTicket(KIOSK, { serviceId: 'zz' }), 'service-not-found');
    expect(lastSeq(db)).toBe(mid);
    expect(emitted).toBe(before);
    expect(mid).toBeGreaterThan(from);
  });
});

describe('typed events after commit (hall.events)', () => {
  it('call-next emits ticket:called with the contract shape, window:updated and queue:updated', () => {
    const { hall } = hallAt();
    const t = hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket;
    const seen: unknown[] = [];
    hall.events.on('ticket:called', (e) => seen.push(['called', e]));
    hall.events.on('window:updated', (e) => seen.push(['window', e.window.id, e.window.current?.id]));
    hall.events.on('queue:updated', (e) => seen.push(['queue', e.queue]));
    hall.callNext(STAFF, 'w1');
    expect(seen).toEqual([
      ['called', { ticket: { id: t.id, number: 'A001', kind: 'walk-in', queueId: 'qA' }, window: { id: 'w1', number: 1, name: '综合窗口' }, recall: false, at: '2026-11-23T09:00:00+08:00' }],
      ['window', 'w1', t.id],
      ['queue', { id: 'qA', waiting: 0, reservationsWaiting: 0 }],
    ]);
  });

  it('listeners run after the commit: they see the new state in the database', () => {
    const { hall } = hallAt();
    let seenStatus: string | undefined;
    hall.events.on('ticket:issued', (e) => { seenStatus = hall.ticket(e.ticket.id).ticket.status; });
    hall.issueTicket(KIOSK, { serviceId: 'a1' });
    expect(seenStatus).toBe('waiting');
  });

  it('a throwing listener neither fails nor undoes the command', () => {
    const { hall } = hallAt();
    hall.events.on('ticket:issued', () => { throw new Error('socket gone'); });
    const r = hall.issueTicket(KIOSK, { serviceId: 'a1' });
    expect(hall.ticket(r.ticket.id).ticket.number).toBe('A001');
  });

  it('ticket:issued carries the actor and the people ahead', () => {
    const { hall } = hallAt();
    hall.issueTicket(KIOSK, { serviceId: 'a1' });
    const seen: { by: string; ahead: number }[] = [];
    hall.events.on('ticket:issued', (e) => seen.push({ by: e.by.id, ahead: e.waitingAhead }));
    hall.issueTicket(KIOSK, { serviceId: 'a1' });
    expect(seen).toEqual([{ by: 'd-kiosk', ahead: 1 }]);
  });

  it('the snapshot lists recent calls, newest first, without personal data', () => {
    const { hall, clock } = hallAt();
    hall.issueTicket(KIOSK, { serviceId: 'a1' });
    hall.issueTicket(KIOSK, { serviceId: 'b1' });
    hall.callNext(STAFF, 'w1');
    clock.advance(1000);
    hall.callNext(STAFF, 'w2');
    expect(hall.snapshot().recentCalls.map((c) => `${c.ticketNumber}@${c.windowNumber}`)).toEqual(['B001@2', 'A001@1']);
  });
});

/**
 * The hall's line index (server/hall/line.ts): changed only by committed commands, rebuilt from the
 * database at start, and the source of every waiting-ahead answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KIOSK, STAFF, makeHall, seedCatalog } from '../helpers/hall.js';
import { bookingOf } from './fixtures.js';

const PLATFORM = { kind: 'device' as const, id: 'd-platform', role: 'platform' as const };
const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('the line index', () => {
  it('a command that rolls back leaves the line as it was: no one is counted twice or lost', () => {
    const { hall, repos } = makeHall();
    seedCatalog(hall);
    const a = hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket;
    // a call-next that fails after it wrote the ticket as called (the log append fails): it rolls back
    const events = repos.events;
    const append = events.append;
    events.append = () => { throw new Error('disk full'); };
    expect(() => hall.callNext(STAFF, 'w1')).toThrow('disk full');
    events.append = append;
    expect(hall.ticket(a.id)).toMatchObject({ ticket: { status: 'waiting' }, waitingAhead: 0 });
    const b = hall.issueTicket(KIOSK, { serviceId: 'a1' });
    expect(b.waitingAhead).toBe(1);
    expect(hall.waitingList(STAFF, 'w1').map((t) => t.id)).toEqual([a.id, b.ticket.id]);
  });

  it('a hall started on an existing database rebuilds the line: the same answers as before the restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallq-line-'));
    dirs.push(dir);
    const file = join(dir, 'hall.db');
    const first = makeHall({ file, now: '2026-11-22T10:00:00+08:00' });
    seedCatalog(first.hall);
    const { qr } = first.hall.book(PLATFORM, bookingOf(1, { date: '2026-11-23', slot: '10:30' }));
    first.clock.set('2026-11-23T10:00:00+08:00');
    const ids = [first.hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket.id, first.hall.issueTicket(KIOSK, { serviceId: 'b1' }).ticket.id];
    ids.push(first.hall.checkIn(KIOSK, { qr }).ticket.id);
    first.hall.callNext(STAFF, 'w2');
    first.hall.transfer(STAFF, 'w2', { windowId: 'w1' });
    ids.push(first.hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket.id);
    const answers = ids.map((id) => first.hall.ticket(id).waitingAhead);
    const list = first.hall.waitingList(STAFF, 'w1').map((t) => t.number);
    first.db.close();

    const again = makeHall({ file, now: '2026-11-23T10:00:00+08:00' });
    expect(ids.map((id) => again.hall.ticket(id).waitingAhead)).toEqual(answers);
    expect(again.hall.waitingList(STAFF, 'w1').map((t) => t.number)).toEqual(list);
    expect(answers).toEqual([1, 0, 0, 2]); // A001 behind the reservation; B001 first of the transfers to w1; A002 behind both
    again.db.close();
  });

  it('the waiting list is what successive call-nexts call, reservations and transfers included', () => {
    const { hall, clock } = makeHall({ now: '2026-11-22T10:00:00+08:00' });
    seedCatalog(hall);
    const { qr } = hall.book(PLATFORM, bookingOf(2, { date: '2026-11-23', slot: '10:30' }));
    clock.set('2026-11-23T10:00:00+08:00');
    for (const s of ['a1', 'b1', 'a1', 'b1']) { hall.issueTicket(KIOSK, { serviceId: s }); clock.advance(1000); }
    hall.checkIn(KIOSK, { qr });
    hall.callNext(STAFF, 'w1');
    hall.transfer(STAFF, 'w1', { windowId: 'w2' });
    clock.set('2026-11-23T10:20:00+08:00');
    const listed = hall.waitingList(STAFF, 'w2').map((t) => t.number);
    const called: string[] = [];
    for (let t = hall.callNext(STAFF, 'w2').ticket; t; t = hall.callNext(STAFF, 'w2').ticket) {
      called.push(t.number);
      hall.finish(STAFF, 'w2');
    }
    expect(called).toEqual(listed);
    expect(listed).toHaveLength(5);
  });
});

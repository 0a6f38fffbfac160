import { describe, expect, it } from 'vitest';
import { ADMIN, KIOSK, STAFF, idNumber, makeHall, seedCatalog } from '../helpers/hall.js';
import type { Policy } from '../../server/engine/policy.js';
import { bookingOf, expectHallError } from './fixtures.js';

const PLATFORM = { kind: 'device' as const, id: 'd-platform', role: 'platform' as const };
const LEAD = { kind: 'user' as const, id: 'u-lead', role: 'lead' as const, name: '带班' };

function hallAt(now = '2026-11-23T09:00:00+08:00', policy: Partial<Policy> = {}) {
  const h = makeHall({ now, policy });
  seedCatalog(h.hall);
  const issue = (serviceId: string) => {
    const t = h.hall.issueTicket(KIOSK, { serviceId }).ticket;
    h.clock.advance(1000);
    return t;
  };
  return { ...h, issue };
}

/** A hall where person n checked in for today's 10:30 slot (booked the day before) at 10:15. */
function withReservation(policy: Partial<Policy> = {}, n = 1) {
  const h = hallAt('2026-11-22T10:00:00+08:00', policy);
  const { qr } = h.hall.book(PLATFORM, bookingOf(n, { date: '2026-11-23', slot: '10:30' }));
  h.clock.set('2026-11-23T10:00:00+08:00');
  const walk = h.issue('a1');
  h.clock.set('2026-11-23T10:15:00+08:00');
  const res = h.hall.checkIn(KIOSK, { qr }).ticket;
  return { ...h, walk, res };
}

describe('window state machine (DESIGN.md: called → serving → done / no-show)', () => {
  it('call-next calls the oldest walk-in; start serves it; finish closes it and empties the window', () => {
    const { hall, issue } = hallAt();
    const a = issue('a1');
    issue('a1');
    expect(hall.callNext(STAFF, 'w1').ticket).toMatchObject({ id: a.id, status: 'called', windowId: 'w1' });
    expect(hall.windowState('w1').current?.id).toBe(a.id);
    expect(hall.start(STAFF, 'w1').ticket).toMatchObject({ status: 'serving' });
    expect(hall.finish(STAFF, 'w1').ticket).toMatchObject({ status: 'done' });
    expect(hall.windowState('w1').current).toBeNull();
  });

  it('call-next while the current ticket is only called refuses → ticket-in-progress (409)', () => {
    const { hall, issue } = hallAt();
    issue('a1');
    issue('a1');
    hall.callNext(STAFF, 'w1');
    expect(expectHallError(() => hall.callNext(STAFF, 'w1'), 'ticket-in-progress').status).toBe(409);
  });

  it('call-next while serving finishes the current ticket and calls the next', () => {
    const { hall, issue } = hallAt();
    const a = issue('a1');
    const b = issue('a1');
    hall.callNext(STAFF, 'w1');
    hall.start(STAFF, 'w1');
    expect(hall.callNext(STAFF, 'w1').ticket?.id).toBe(b.id);
    expect(hall.ticket(a.id).ticket.status).toBe('done');
  });

  it('call-next with nobody waiting answers null and leaves the window open', () => {
    const { hall } = hallAt();
    expect(hall.callNext(STAFF, 'w1')).toEqual({ ticket: null });
    expect(hall.windowState('w1').status).toBe('open');
  });

  it('recall re-announces the called ticket and counts it', () => {
    const { hall, issue } = hallAt();
    issue('a1');
    const calls: boolean[] = [];
    hall.events.on('ticket:called', (e) => calls.push(e.recall));
    hall.callNext(STAFF, 'w1');
    expect(hall.recall(STAFF, 'w1').ticket?.recalls).toBe(1);
    expect(hall.recall(STAFF, 'w1').ticket?.recalls).toBe(2);
    expect(calls).toEqual([false, true, true]);
  });

  it('no-show after recalls closes the ticket; recall, start and no-show without a called ticket → no-current-ticket (409)', () => {
    const { hall, issue } = hallAt();
    issue('a1');
    hall.callNext(STAFF, 'w1');
    hall.recall(STAFF, 'w1');
    expect(hall.noShow(STAFF, 'w1').ticket).toMatchObject({ status: 'no-show', recalls: 1 });
    expect(expectHallError(() => hall.recall(STAFF, 'w1'), 'no-current-ticket').status).toBe(409);
    expectHallError(() => hall.start(STAFF, 'w1'), 'no-current-ticket');
    expectHallError(() => hall.noShow(STAFF, 'w1'), 'no-current-ticket');
    expectHallError(() => hall.finish(STAFF, 'w1'), 'no-current-ticket');
    expectHallError(() => hall.transfer(STAFF, 'w1', { queueId: 'qB' }), 'no-current-ticket');
  });

  it('no-show of a serving ticket is refused (the citizen came)', () => {
    const { hall, issue } = hallAt();
    issue('a1');
    hall.callNext(STAFF, 'w1');
    hall.start(STAFF, 'w1');
    expectHallError(() => hall.noShow(STAFF, 'w1'), 'no-current-ticket', { status: 'serving' });
  });

  it('an unknown window → window-not-found (404)', () => {
    const { hall } = hallAt();
    expect(expectHallError(() => hall.callNext(STAFF, 'w9'), 'window-not-found').status).toBe(404);
    expectHallError(() => hall.recall(STAFF, 'w9'), 'window-not-found');
    expectHallError(() => hall.pause(STAFF, 'w9', '午休'), 'window-not-found');
    expectHallError(() => hall.windowState('w9'), 'window-not-found');
  });
});

describe('pause (DESIGN.md: pause needs a reason)', () => {
  it('a paused window refuses call-next → window-paused (409), shows its reason, and calls again after resume', () => {
    const { hall, issue } = hallAt();
    issue('a1');
    expect(hall.pause(STAFF, 'w1', '系统维护').window).toMatchObject({ status: 'paused', pauseReason: '系统维护' });
    expect(expectHallError(() => hall.callNext(STAFF, 'w1'), 'window-paused').status).toBe(409);
    hall.resume(STAFF, 'w1');
    expect(hall.callNext(STAFF, 'w1').ticket?.number).toBe('A001');
  });
});

describe('transfer keeps the ticket place (issue time)', () => {
  it('to another queue: it goes ahead of that queue\'s later tickets', () => {
    const { hall, issue } = hallAt();
    const a = issue('a1');
    const b = issue('b1');
    hall.callNext(STAFF, 'w1');
    expect(hall.transfer(STAFF, 'w1', { queueId: 'qB' }).ticket).toMatchObject({ id: a.id, status: 'waiting', queueId: 'qB' });
    expect(hall.windowState('w1').current).toBeNull();
    expect(hall.callNext(STAFF, 'w2').ticket?.id).toBe(a.id);
    expect(hall.ticket(b.id).ticket.status).toBe('waiting');
  });

  it('to a window: that window calls it first, before reservations and older walk-ins; others never call it', () => {
    const { hall, issue, walk, res } = withReservation();
    void walk;
    hall.callNext(STAFF, 'w1'); // the reservation (auto)
    const older = issue('b1');
    hall.transfer(STAFF, 'w1', { windowId: 'w2' });
    expect(hall.callNext(STAFF, 'w1').ticket?.queueId).toBe('qA'); // w1 takes the walk-in, not the transferred one
    expect(hall.callNext(STAFF, 'w2').ticket?.id).toBe(res.id);
    expect(hall.ticket(older.id).ticket.status).toBe('waiting');
  });

  it('to itself, an unknown window or an unknown queue → transfer-target-invalid', () => {
    const { hall, issue } = hallAt();
    issue('a1');
    hall.callNext(STAFF, 'w1');
    expectHallError(() => hall.transfer(STAFF, 'w1', { windowId: 'w1' }), 'transfer-target-invalid');
    expectHallError(() => hall.transfer(STAFF, 'w1', { windowId: 'w9' }), 'transfer-target-invalid');
    expectHallError(() => hall.transfer(STAFF, 'w1', { queueId: 'qZ' }), 'transfer-target-invalid');
    expect(hall.windowState('w1').current?.status).toBe('called');
  });
});

describe('reservations at the window (seed 002 预约优先)', () => {
  it('auto: a checked-in reservation is called before an older walk-in, from slot − 15 min', () => {
    const { hall, walk, res } = withReservation({ reservationPriority: 'auto' });
    expect(hall.callNext(STAFF, 'w1').ticket?.id).toBe(res.id);
    hall.start(STAFF, 'w1');
    expect(hall.callNext(STAFF, 'w1').ticket?.id).toBe(walk.id);
  });

  it('a reservation checked in early waits behind walk-ins until slot − 15 min', () => {
    const h = hallAt('2026-11-22T10:00:00+08:00');
    const { qr } = h.hall.book(PLATFORM, bookingOf(1, { date: '2026-11-23', slot: '10:30' }));
    h.clock.set('2026-11-23T09:40:00+08:00');
    const walk = h.issue('a1');
    const res = h.hall.checkIn(KIOSK, { qr }).ticket;
    h.clock.set('2026-11-23T10:14:00+08:00');
    expect(h.hall.callNext(STAFF, 'w1').ticket?.id).toBe(walk.id);
    h.hall.start(STAFF, 'w1');
    expect(h.hall.callNext(STAFF, 'w1').ticket).toBeNull();
    h.clock.set('2026-11-23T10:15:00+08:00');
    expect(h.hall.callNext(STAFF, 'w1').ticket?.id).toBe(res.id);
  });

  it('manual: a normal window calls walk-ins; reservation mode calls the reservation', () => {
    const { hall, walk, res } = withReservation({ reservationPriority: 'manual' });
    expect(hall.snapshot().queues.find((q) => q.id === 'qA')!.reservationsWaiting).toBe(1);
    expect(hall.callNext(STAFF, 'w1').ticket?.id).toBe(walk.id);
    hall.start(STAFF, 'w1');
    expect(hall.callNext(STAFF, 'w1').ticket).toBeNull();
    expect(hall.callNext(STAFF, 'w1', 'reservation').ticket?.id).toBe(res.id);
  });

  it('manual: a window set to reservation mode keeps calling reservations and no walk-ins', () => {
    const { hall, res, issue } = withReservation({ reservationPriority: 'manual' });
    expect(hall.setMode(STAFF, 'w2', 'reservation').window.mode).toBe('reservation');
    expect(hall.callNext(STAFF, 'w2').ticket?.id).toBe(res.id);
    hall.start(STAFF, 'w2');
    issue('b1');
    expect(hall.callNext(STAFF, 'w2').ticket).toBeNull();
  });

  it('seed 002 §四(三) 预约专窗: the reservation-only window calls reservations, never walk-ins', () => {
    const { hall, res } = withReservation({ reservationPriority: 'manual' });
    expect(hall.callNext(STAFF, 'w3').ticket?.id).toBe(res.id);
    hall.start(STAFF, 'w3');
    expect(hall.callNext(STAFF, 'w3').ticket).toBeNull();
  });

  it('finishing a reservation ticket marks the booking served', () => {
    const { hall, res } = withReservation();
    hall.callNext(STAFF, 'w1');
    hall.finish(STAFF, 'w1');
    expect(hall.booking(ADMIN, res.bookingId!).status).toBe('served');
  });

  it('seed 002 信用: a reservation ticket marked no-show counts against the person', () => {
    const { hall } = withReservation();
    hall.callNext(STAFF, 'w1');
    hall.noShow(STAFF, 'w1');
    expect(hall.credit(ADMIN, idNumber(1)).noShowsThisMonth).toBe(1);
  });

  it('a walk-in no-show does not touch anybody\'s credit', () => {
    const { hall, issue, db } = hallAt();
    issue('a1');
    hall.callNext(STAFF, 'w1');
    hall.noShow(STAFF, 'w1');
    expect(db.prepare('SELECT count(*) n FROM no_shows').get()).toEqual({ n: 0 });
  });
});

describe('a lead calls out of order (audited)', () => {
  it('calls a specific waiting ticket, logged with outOfOrder and the reason', () => {
    const { hall, issue, db } = hallAt();
    issue('a1');
    const late = issue('a1');
    expect(hall.callTicket(LEAD, 'w1', late.id, '老年人优先').ticket?.id).toBe(late.id);
    const ev = db.prepare("SELECT actor, data FROM events WHERE type = 'ticket.assigned' AND subject = ?").get(late.id) as { actor: string; data: string };
    expect(ev.actor).toBe('user:u-lead');
    expect(JSON.parse(ev.data)).toMatchObject({ outOfOrder: true, reason: '老年人优先' });
  });

  it('a ticket not waiting → ticket-not-waiting (409); unknown → ticket-not-found', () => {
    const { hall, issue } = hallAt();
    const a = issue('a1');
    hall.callNext(STAFF, 'w1');
    hall.start(STAFF, 'w1');
    expect(expectHallError(() => hall.callTicket(LEAD, 'w2', a.id), 'ticket-not-waiting').status).toBe(409);
    expectHallError(() => hall.callTicket(LEAD, 'w2', 't-none'), 'ticket-not-found');
  });

  it('follows the same state machine: refused while the window\'s ticket is only called', () => {
    const { hall, issue } = hallAt();
    issue('a1');
    const b = issue('a1');
    hall.callNext(STAFF, 'w1');
    expectHallError(() => hall.callTicket(LEAD, 'w1', b.id), 'ticket-in-progress');
  });
});

describe('closing a window', () => {
  it('refuses while a ticket is called (ticket-in-progress), closes otherwise', () => {
    const { hall, issue } = hallAt();
    issue('a1');
    hall.callNext(STAFF, 'w1');
    expectHallError(() => hall.closeWindow(STAFF, 'w1'), 'ticket-in-progress');
    hall.start(STAFF, 'w1');
    expect(hall.closeWindow(STAFF, 'w1').window.status).toBe('closed');
  });
});

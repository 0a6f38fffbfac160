import { describe, expect, it } from 'vitest';
import { KIOSK, makeHall, seedCatalog } from '../helpers/hall.js';
import { expectHallError } from './fixtures.js';

function hallAt(now: string) {
  const h = makeHall({ now });
  seedCatalog(h.hall);
  return h;
}

describe('issuing walk-in tickets (DESIGN.md Tickets and calling)', () => {
  it('numbers tickets per queue per day: prefix + 3-digit sequence', () => {
    const { hall } = hallAt('2026-11-23T09:00:00+08:00');
    const n = (s: string) => hall.issueTicket(KIOSK, { serviceId: s }).ticket.number;
    expect([n('a1'), n('a2'), n('b1'), n('a1'), n('b1')]).toEqual(['A001', 'A002', 'B001', 'A003', 'B002']);
  });

  it('a new ticket is a waiting walk-in of the service queue, with the people ahead of it', () => {
    const { hall } = hallAt('2026-11-23T09:00:00+08:00');
    hall.issueTicket(KIOSK, { serviceId: 'a1' });
    hall.issueTicket(KIOSK, { serviceId: 'b1' });
    const r = hall.issueTicket(KIOSK, { serviceId: 'a2' });
    expect(r.ticket).toMatchObject({ kind: 'walk-in', status: 'waiting', queueId: 'qA', serviceId: 'a2', recalls: 0, issuedAt: '2026-11-23T09:00:00+08:00' });
    expect(r.waitingAhead).toBe(1);
    expect(hall.ticket(r.ticket.id)).toEqual(r);
  });

  it('numbering starts again at 001 the next day and never reuses a number within a day', () => {
    const { hall, clock } = hallAt('2026-11-23T09:00:00+08:00');
    for (let i = 0; i < 3; i++) hall.issueTicket(KIOSK, { serviceId: 'a1' });
    clock.set('2026-11-24T09:00:00+08:00');
    hall.tick();
    expect(hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket.number).toBe('A001');
    expect(hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket.number).toBe('A002');
  });

  it('unknown service → service-not-found (404)', () => {
    const { hall } = hallAt('2026-11-23T09:00:00+08:00');
    expect(expectHallError(() => hall.issueTicket(KIOSK, { serviceId: 'nope' }), 'service-not-found').status).toBe(404);
  });

  it('seed 003 §2.5 办公时间: before opening → hall-closed with the next opening time', () => {
    const { hall } = hallAt('2026-11-23T07:00:00+08:00');
    expectHallError(() => hall.issueTicket(KIOSK, { serviceId: 'a1' }), 'hall-closed', { nextOpenAt: '2026-11-23T08:30:00+08:00' });
  });

  it('after the evening session → hall-closed, next opening is tomorrow morning', () => {
    const { hall } = hallAt('2026-11-23T18:00:00+08:00');
    expectHallError(() => hall.issueTicket(KIOSK, { serviceId: 'a1' }), 'hall-closed', { nextOpenAt: '2026-11-24T08:30:00+08:00' });
  });

  it('seed 003 §5.1.1 午间延时: at lunch only extended services take tickets, others → service-not-available-now', () => {
    const { hall } = hallAt('2026-11-23T12:30:00+08:00');
    expectHallError(() => hall.issueTicket(KIOSK, { serviceId: 'a1' }), 'service-not-available-now', { availableServiceIds: ['a2'] });
    expect(hall.issueTicket(KIOSK, { serviceId: 'a2' }).ticket.number).toBe('A001');
  });

  it('seed 004 节假日预约办理: on a statutory holiday walk-ins are refused (appointment only)', () => {
    const { hall } = hallAt('2026-10-01T10:00:00+08:00');
    expectHallError(() => hall.issueTicket(KIOSK, { serviceId: 'a2' }), 'service-not-available-now', { appointmentOnly: true });
  });

  it('a refused ticket consumes no number', () => {
    const { hall, clock } = hallAt('2026-11-23T12:30:00+08:00');
    expectHallError(() => hall.issueTicket(KIOSK, { serviceId: 'a1' }), 'service-not-available-now');
    clock.set('2026-11-23T13:30:00+08:00');
    expect(hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket.number).toBe('A001');
  });

  it('ticket() of an unknown id → ticket-not-found', () => {
    const { hall } = hallAt('2026-11-23T09:00:00+08:00');
    expectHallError(() => hall.ticket('t-none'), 'ticket-not-found');
  });
});

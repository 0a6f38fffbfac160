/**
 * Queue position, one definition (issue 10): the kiosk's POST answer, GET /api/tickets/:id, the
 * phone page and the printed ticket's job say the same "people waiting ahead", with a checked-in
 * reservation, a ticket transferred into the queue and one transferred to a window in the line.
 * And a window's waiting list is the order in which its successive call-nexts call the tickets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketPrintJob } from '../../drivers/printer/types.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { citizen } from './support.js';

describe('people waiting ahead, and the waiting list, agree everywhere', () => {
  let s: TestServer;
  let kiosk: string;
  const jobs: TicketPrintJob[] = [];
  beforeAll(async () => {
    s = await startTestServer({ devices: true });
    kiosk = s.running.demoTokens['kiosk-1'];
    const manager = s.running.devices!.manager;
    const print = manager.printTicket.bind(manager);
    manager.printTicket = (name, job) => { jobs.push(job); return print(name, job); };
  });
  afterAll(() => s.close());

  /** what each reader says about one ticket */
  let staff = '';
  async function readers(id: string) {
    staff ||= await s.login('staff1');
    const got = await s.api('GET', `/api/tickets/${id}`, { token: staff });
    const pub = await s.api('GET', `/api/public/tickets/${id}`);
    return { get: got.body.waitingAhead as number, public: pub.body.waitingAhead as number };
  }

  async function issue(serviceId: string) {
    const before = jobs.length;
    const r = await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId } });
    expect(r.status).toBe(201);
    for (let i = 0; i < 100 && jobs.length === before; i++) await new Promise((ok) => setTimeout(ok, 20));
    return { ticket: r.body.ticket, waitingAhead: r.body.waitingAhead as number, printed: jobs.at(-1)! };
  }

  it('POST, GET, the public page and the paper say the same number, reservations and transfers in the line', async () => {
    const admin = s.adminToken;
    // a booking for 14:30 today (online, ≥ 3 h ahead), checked in at 13:40; it is eligible from 14:15
    const person = citizen(31, { serviceId: 's-a03', date: '2026-11-23', slot: '14:30' });
    const booked = await s.api('POST', '/api/bookings', { token: admin, body: person });
    expect(booked.status).toBe(201);
    await s.setClock('2026-11-23T13:40:00+08:00');
    const a1 = await issue('s-a03');
    const b1 = await issue('s-b01');
    const a2 = await issue('s-a03');
    const res = await s.api('POST', '/api/checkins', { token: kiosk, body: { qr: booked.body.qr } });
    expect(res.status).toBe(201);
    // window 1 calls A001 and sends it to window 5; window 4 calls B001 and moves it into queue A
    const staff1 = await s.login('staff1');
    const staff4 = await s.login('staff4');
    expect((await s.api('POST', '/api/windows/w1/call-next', { token: staff1 })).body.ticket.number).toBe(a1.ticket.number);
    expect((await s.api('POST', '/api/windows/w1/transfer', { token: staff1, body: { windowId: 'w5' } })).status).toBe(200);
    expect((await s.api('POST', '/api/windows/w4/call-next', { token: staff4 })).body.ticket.number).toBe(b1.ticket.number);
    expect((await s.api('POST', '/api/windows/w4/transfer', { token: staff4, body: { queueId: 'qA' } })).status).toBe(200);

    // ahead of a new walk-in of queue A: A002 and B001 (issued earlier, moved in keeping its place),
    // and the checked-in reservation, which will be called before any walk-in
    const a3 = await issue('s-a03');
    expect(a3.waitingAhead).toBe(3);
    expect(a3.printed.ticketNumber).toBe(a3.ticket.number);
    expect(a3.printed.waitingAhead).toBe(3);
    expect(await readers(a3.ticket.id)).toEqual({ get: 3, public: 3 });
    // and every other ticket in the line is told the same by each reader
    expect(await readers(b1.ticket.id)).toEqual({ get: 1, public: 1 }); // the reservation only
    expect(await readers(a2.ticket.id)).toEqual({ get: 2, public: 2 }); // the reservation, B001
    expect(await readers(res.body.ticket.id)).toEqual({ get: 0, public: 0 });
    expect(await readers(a1.ticket.id)).toEqual({ get: 0, public: 0 }); // first of the transfers to window 5
  }, 60_000); // a dozen requests and three logins: slow only on a loaded machine

  it('a window\'s waiting list is the order its call-nexts call, transfers to it first', async () => {
    await s.setClock('2026-11-23T14:20:00+08:00'); // the reservation is eligible now
    const staff5 = await s.login('staff5');
    await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-b02' } }); // queue B, window 5's first queue
    const list = await s.api('GET', '/api/windows/w5/waiting', { token: staff5 });
    expect(list.status).toBe(200);
    const listed = (list.body as { number: string }[]).map((t) => t.number);
    expect(listed.length).toBe(6);
    const called: string[] = [];
    for (;;) {
      const r = await s.api('POST', '/api/windows/w5/call-next', { token: staff5 });
      expect(r.status).toBe(200);
      if (!r.body.ticket) break;
      called.push(r.body.ticket.number);
      await s.api('POST', '/api/windows/w5/finish', { token: staff5 });
    }
    expect(called).toEqual(listed);
    expect(called[0]).toBe('A001'); // the transfer to window 5 comes first
    expect((await s.api('GET', '/api/windows/w5/waiting', { token: staff5 })).body).toEqual([]);
  }, 60_000);
});

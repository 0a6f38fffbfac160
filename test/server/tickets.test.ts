/** POST /api/tickets and GET /api/tickets/:id over HTTP: roles, idempotency, opening hours. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectError } from './support.js';

describe('walk-in tickets', () => {
  let s: TestServer;
  let kiosk: string;
  beforeAll(async () => {
    s = await startTestServer();
    kiosk = await s.deviceToken('kiosk', 'kiosk-t');
  });
  afterAll(() => s.close());

  it('a kiosk takes a ticket → 201 {ticket, waitingAhead}; the next one has one person ahead', async () => {
    const a = await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-b01' } });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ ticket: { number: 'B001', kind: 'walk-in', status: 'waiting', queueId: 'qB', serviceId: 's-b01', recalls: 0 }, waitingAhead: 0 });
    expect(a.body.ticket.issuedAt).toBe('2026-11-23T09:00:00+08:00');
    const b = await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-b02' } });
    expect(b.body).toMatchObject({ ticket: { number: 'B002' }, waitingAhead: 1 });
  });

  it('staff, lead and admin may issue; a display or the platform → 403; no token → 401', async () => {
    for (const token of [await s.login('staff1'), await s.login('lead1'), s.adminToken])
      expect((await s.api('POST', '/api/tickets', { token, body: { serviceId: 's-c01' } })).status).toBe(201);
    for (const token of [await s.deviceToken('display', 'lobby-t'), await s.deviceToken('platform', 'gov')])
      expectError(await s.api('POST', '/api/tickets', { token, body: { serviceId: 's-c01' } }), 403, 'forbidden');
    expectError(await s.api('POST', '/api/tickets', { body: { serviceId: 's-c01' } }), 401, 'unauthorized');
  });

  it('the same requestId again → 200 with the first ticket, nothing created; another requestId creates', async () => {
    const first = await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-e01', requestId: 'press-1' } });
    expect(first.status).toBe(201);
    const again = await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-e01', requestId: 'press-1' } });
    expect(again.status).toBe(200);
    expect(again.body.ticket).toEqual(first.body.ticket);
    const other = await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-e01', requestId: 'press-2' } });
    expect(other.body.ticket.number).toBe('E002');
    const state = await s.api('GET', '/api/state', { token: kiosk });
    expect(state.body.queues.find((q: any) => q.id === 'qE').waiting).toBe(2);
  });

  it('a requestId over 64 characters or a missing serviceId → 400; an unknown service → 404 service-not-found', async () => {
    expectError(await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01', requestId: 'r'.repeat(65) } }), 400, 'bad-request');
    expectError(await s.api('POST', '/api/tickets', { token: kiosk, body: {} }), 400, 'bad-request');
    expectError(await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 'nope' } }), 404, 'service-not-found');
  });

  it('GET /api/tickets/:id with any token → {ticket, waitingAhead}; an unknown id → 404 ticket-not-found; no token → 401', async () => {
    const t = await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-f02' } });
    const display = await s.deviceToken('display', 'lobby-2');
    const r = await s.api('GET', `/api/tickets/${t.body.ticket.id}`, { token: display });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ticket: t.body.ticket, waitingAhead: 0 });
    expectError(await s.api('GET', '/api/tickets/t-none', { token: display }), 404, 'ticket-not-found');
    expectError(await s.api('GET', `/api/tickets/${t.body.ticket.id}`), 401, 'unauthorized');
  });

  it('in the lunch extended session only extended services → 422 service-not-available-now with the services open now', async () => {
    await s.setClock('2026-11-23T12:30:00+08:00');
    const r = await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a03' } });
    expectError(r, 422, 'service-not-available-now');
    expect(r.body.error.details.availableServiceIds).toContain('s-a01');
    expect(r.body.error.details.availableServiceIds).not.toContain('s-a03');
    expect((await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } })).status).toBe(201);
  });

  it('after hours → 422 hall-closed with nextOpenAt the next morning', async () => {
    await s.setClock('2026-11-23T20:00:00+08:00');
    const r = await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } });
    expectError(r, 422, 'hall-closed');
    expect(r.body.error.details.nextOpenAt).toBe('2026-11-24T08:30:00+08:00');
  });
});

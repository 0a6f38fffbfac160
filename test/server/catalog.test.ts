/** Catalog lists (any token) and edits (admin only) over HTTP, with their error codes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectError } from './support.js';

describe('catalog endpoints', () => {
  let s: TestServer;
  let display: string, staff: string, lead: string, kiosk: string;
  beforeAll(async () => {
    s = await startTestServer();
    display = await s.deviceToken('display', 'lobby-t');
    kiosk = await s.deviceToken('kiosk', 'kiosk-t');
    staff = await s.login('staff1');
    lead = await s.login('lead1');
  });
  afterAll(() => s.close());

  it('GET queues, services and windows with any token lists the demo catalog; without a token → 401', async () => {
    const q = await s.api('GET', '/api/queues', { token: display });
    expect(q.status).toBe(200);
    expect(q.body.map((x: any) => x.prefix)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    const sv = await s.api('GET', '/api/services', { token: kiosk });
    expect(sv.body.length).toBeGreaterThanOrEqual(20);
    expect(sv.body.filter((x: any) => x.windowLabel === '48号窗口').length).toBeGreaterThanOrEqual(5);
    const w = await s.api('GET', '/api/windows', { token: staff });
    expect(w.body.length).toBeGreaterThanOrEqual(10);
    expect(w.body.filter((x: any) => x.reservationOnly)).toHaveLength(1);
    for (const p of ['/api/queues', '/api/services', '/api/windows']) expectError(await s.api('GET', p), 401, 'unauthorized');
  });

  it('admin creates, updates and deletes a queue; others → 403 forbidden', async () => {
    const body = { name: '公积金', prefix: 'G' };
    for (const token of [staff, lead, kiosk, display]) expectError(await s.api('POST', '/api/queues', { token, body }), 403, 'forbidden');
    const c = await s.api('POST', '/api/queues', { token: s.adminToken, body });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ id: expect.any(String), name: '公积金', prefix: 'G' });
    expectError(await s.api('PUT', `/api/queues/${c.body.id}`, { token: lead, body: { ...body, name: 'x' } }), 403, 'forbidden');
    const u = await s.api('PUT', `/api/queues/${c.body.id}`, { token: s.adminToken, body: { ...body, name: '住房公积金' } });
    expect(u.status).toBe(200);
    expect(u.body.name).toBe('住房公积金');
    expectError(await s.api('DELETE', `/api/queues/${c.body.id}`, { token: staff }), 403, 'forbidden');
    expect((await s.api('DELETE', `/api/queues/${c.body.id}`, { token: s.adminToken })).status).toBe(200);
    expect((await s.api('GET', '/api/queues', { token: staff })).body.some((q: any) => q.id === c.body.id)).toBe(false);
    // the letter is free again, and a second deletion works too
    const again = await s.api('POST', '/api/queues', { token: s.adminToken, body });
    expect(again.status).toBe(201);
    expect((await s.api('DELETE', `/api/queues/${again.body.id}`, { token: s.adminToken })).status).toBe(200);
  });

  it('creating with a requestId twice → 201 then 200 with the first object; one queue, service and window exist', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['/api/queues', { name: '公积金', prefix: 'H' }],
      ['/api/services', { code: 'R-1', name: '重放事项', queueId: 'qA' }],
      ['/api/windows', { number: 70, name: '重放窗口', queueIds: ['qA'] }],
    ];
    for (const [path, body] of cases) {
      const first = await s.api('POST', path, { token: s.adminToken, body: { ...body, requestId: `once-${path}` } });
      expect(first.status).toBe(201);
      const again = await s.api('POST', path, { token: s.adminToken, body: { ...body, requestId: `once-${path}` } });
      expect(again.status, path).toBe(200);
      expect(again.body).toEqual(first.body);
      const list = (await s.api('GET', path, { token: staff })).body as { id: string }[];
      expect(list.filter((x) => x.id === first.body.id)).toHaveLength(1);
      expect(first.body.requestId).toBeUndefined();
    }
    expectError(await s.api('POST', '/api/queues', { token: s.adminToken, body: { name: 'x', prefix: 'J', requestId: 'r'.repeat(65) } }), 400, 'bad-request');
  });

  it('queue errors: duplicate prefix → 409, unknown id → 404 queue-not-found, queue with services → 409 in-use, bad prefix → 400', async () => {
    expectError(await s.api('POST', '/api/queues', { token: s.adminToken, body: { name: 'x', prefix: 'A' } }), 409, 'duplicate-prefix');
    expectError(await s.api('PUT', '/api/queues/nope', { token: s.adminToken, body: { name: 'x', prefix: 'Z' } }), 404, 'queue-not-found');
    expectError(await s.api('DELETE', '/api/queues/nope', { token: s.adminToken }), 404, 'queue-not-found');
    expectError(await s.api('DELETE', '/api/queues/qA', { token: s.adminToken }), 409, 'in-use');
    expectError(await s.api('POST', '/api/queues', { token: s.adminToken, body: { name: 'x', prefix: 'ab' } }), 400, 'bad-request');
  });

  it('services: admin creates (201), updates, deletes; unknown queue → 404; unknown service → 404 service-not-found', async () => {
    const body = { code: 'T-1', name: '测试事项', queueId: 'qA', bookable: false };
    expectError(await s.api('POST', '/api/services', { token: lead, body }), 403, 'forbidden');
    const c = await s.api('POST', '/api/services', { token: s.adminToken, body });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ code: 'T-1', queueId: 'qA', bookable: false, extended: false });
    const u = await s.api('PUT', `/api/services/${c.body.id}`, { token: s.adminToken, body: { ...body, extended: true } });
    expect(u.body.extended).toBe(true);
    expect((await s.api('DELETE', `/api/services/${c.body.id}`, { token: s.adminToken })).status).toBe(200);
    expectError(await s.api('POST', '/api/services', { token: s.adminToken, body: { ...body, queueId: 'q-none' } }), 404, 'queue-not-found');
    expectError(await s.api('PUT', '/api/services/nope', { token: s.adminToken, body }), 404, 'service-not-found');
    expectError(await s.api('DELETE', '/api/services/nope', { token: s.adminToken }), 404, 'service-not-found');
  });

  it('a service and a window that tickets point at: DELETE answers 200 (tombstones), never a 500, and the ticket still reads', async () => {
    const q = await s.api('POST', '/api/queues', { token: s.adminToken, body: { name: '历史队列', prefix: 'J' } });
    const sv = await s.api('POST', '/api/services', { token: s.adminToken, body: { code: 'H01', name: '历史事项', queueId: q.body.id, bookable: false, extended: false, slotCapacity: 1 } });
    const w = await s.api('POST', '/api/windows', { token: s.adminToken, body: { number: 97, name: '历史窗口', queueIds: [q.body.id] } });
    expect([q.status, sv.status, w.status]).toEqual([201, 201, 201]);
    await s.api('POST', `/api/windows/${w.body.id}/open`, { token: lead });
    const t = await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: sv.body.id } });
    expect(t.status).toBe(201);
    expect((await s.api('POST', `/api/windows/${w.body.id}/call-next`, { token: lead })).body.ticket.id).toBe(t.body.ticket.id);
    expect((await s.api('POST', `/api/windows/${w.body.id}/finish`, { token: lead })).status).toBe(200);
    expect((await s.api('DELETE', `/api/services/${sv.body.id}`, { token: s.adminToken })).status).toBe(200);
    expect((await s.api('DELETE', `/api/windows/${w.body.id}`, { token: s.adminToken })).status).toBe(200);
    const after = await s.api('GET', `/api/tickets/${t.body.ticket.id}`, { token: staff });
    expect(after.status).toBe(200);
    expect(after.body.ticket).toMatchObject({ serviceId: sv.body.id, windowId: w.body.id, status: 'done' });
  });

  it('windows: admin creates (201) and deletes; duplicate number → 409; unknown → 404 window-not-found; a window with a called ticket → 409 in-use', async () => {
    const body = { number: 60, name: '临时窗口', queueIds: ['qA'] };
    expectError(await s.api('POST', '/api/windows', { token: staff, body }), 403, 'forbidden');
    const c = await s.api('POST', '/api/windows', { token: s.adminToken, body });
    expect(c.status).toBe(201);
    expectError(await s.api('POST', '/api/windows', { token: s.adminToken, body }), 409, 'duplicate-window-number');
    expectError(await s.api('PUT', '/api/windows/nope', { token: s.adminToken, body: { ...body, number: 61 } }), 404, 'window-not-found');
    expect((await s.api('DELETE', `/api/windows/${c.body.id}`, { token: s.adminToken })).status).toBe(200);
    expectError(await s.api('DELETE', '/api/windows/nope', { token: s.adminToken }), 404, 'window-not-found');
    expect((await s.api('POST', '/api/windows', { token: s.adminToken, body })).status).toBe(201); // number 60 is free again

    await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-e01' } });
    expect((await s.api('POST', '/api/windows/w8/call-next', { token: lead })).body.ticket).not.toBeNull();
    expectError(await s.api('DELETE', '/api/windows/w8', { token: s.adminToken }), 409, 'in-use');
  });
});

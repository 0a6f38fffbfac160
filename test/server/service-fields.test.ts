/** Issue 12: a service's materials to bring (round trip, booking confirmation) and its daily ticket cap (409, greyed on kiosks). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { citizen, expectError, nextEvent } from './support.js';

describe('service materials and daily ticket cap', () => {
  let s: TestServer;
  let kiosk: string, platform: string;
  beforeAll(async () => {
    s = await startTestServer();
    kiosk = await s.deviceToken('kiosk', 'kiosk-cap');
    platform = await s.deviceToken('platform', 'gov-cap');
  });
  afterAll(() => s.close());

  it('materials round-trip through create, list, update and the config view; an empty list is absent', async () => {
    const materials = ['身份证原件', '户口簿', '近期免冠照片2张'];
    const c = await s.api('POST', '/api/services', { token: s.adminToken, body: { code: 'M-1', name: '材料事项', queueId: 'qA', materials } });
    expect(c.status).toBe(201);
    expect(c.body.materials).toEqual(materials);
    const listed = (await s.api('GET', '/api/services', { token: kiosk })).body.find((x: any) => x.id === c.body.id);
    expect(listed.materials).toEqual(materials);
    const cfg = (await s.api('GET', '/api/config', { token: s.adminToken })).body;
    expect(cfg.catalog.services.find((x: any) => x.code === 'M-1').materials).toEqual(materials);
    const u = await s.api('PUT', `/api/services/${c.body.id}`, { token: s.adminToken, body: { code: 'M-1', name: '材料事项', queueId: 'qA', materials: [] } });
    expect(u.status).toBe(200);
    expect(u.body.materials).toBeUndefined();
    // an item with a line break inside, or an empty one, is refused with the one error shape
    expectError(await s.api('POST', '/api/services', { token: s.adminToken, body: { code: 'M-2', name: 'x', queueId: 'qA', materials: ['a\nb'] } }), 400, 'bad-request');
    expectError(await s.api('POST', '/api/services', { token: s.adminToken, body: { code: 'M-2', name: 'x', queueId: 'qA', materials: [' '] } }), 400, 'bad-request');
  });

  it('a booking confirmation names the service\'s materials', async () => {
    const svc = (await s.api('GET', '/api/services', { token: kiosk })).body.find((x: any) => x.id === 's-a02');
    const { id: _id, ...body } = svc;
    expect((await s.api('PUT', '/api/services/s-a02', { token: s.adminToken, body: { ...body, materials: ['身份证原件'] } })).status).toBe(200);
    const b = await s.api('POST', '/api/bookings', { token: platform, body: citizen(31) });
    expect(b.status).toBe(201);
    expect(b.body.materials).toEqual(['身份证原件']);
  });

  it('a service without a cap, or a cap raised by the admin, takes tickets again', async () => {
    const c = await s.api('POST', '/api/services', { token: s.adminToken, body: { code: 'CAP-2', name: '限量事项二', queueId: 'qA', dailyCap: 1 } });
    expect((await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: c.body.id } })).status).toBe(201);
    expectError(await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: c.body.id } }), 409, 'daily-cap-reached');
    await s.api('PUT', `/api/services/${c.body.id}`, { token: s.adminToken, body: { code: 'CAP-2', name: '限量事项二', queueId: 'qA' } });
    expect((await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: c.body.id } })).status).toBe(201);
    expectError(await s.api('POST', '/api/services', { token: s.adminToken, body: { code: 'CAP-3', name: 'x', queueId: 'qA', dailyCap: 0 } }), 400, 'bad-request');
  });
  it('a service at its daily cap refuses the next walk-in ticket with 409 daily-cap-reached, and kiosks grey it at once', async () => {
    const c = await s.api('POST', '/api/services', { token: s.adminToken, body: { code: 'CAP-1', name: '限量事项', queueId: 'qA', dailyCap: 2 } });
    expect(c.body.dailyCap).toBe(2);
    const id = c.body.id as string;
    const sock = s.socket(kiosk);
    await nextEvent(sock, 'state:snapshot');
    const greyed = new Promise<any>((resolve) => sock.on('hall:updated', (e) => { if (e.availability?.unavailable.some((u) => u.serviceId === id)) resolve(e); }));
    for (let i = 0; i < 2; i++) expect((await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: id } })).status).toBe(201);
    const e = await greyed;
    expect(e.availability.unavailable.find((u: any) => u.serviceId === id)).toEqual({ serviceId: id, nextAt: null, reason: 'daily-cap' });
    const r = await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: id } });
    expectError(r, 409, 'daily-cap-reached');
    expect(r.body.error.message).toContain('今日号源已发完');
    expect(r.body.error.details).toEqual({ serviceId: id, cap: 2 });
    const state = (await s.api('GET', '/api/state', { token: kiosk })).body;
    expect(state.availability.unavailable).toContainEqual({ serviceId: id, nextAt: null, reason: 'daily-cap' });
    // the next day the cap starts again
    await s.setClock('2026-11-24T09:00:00+08:00');
    expect((await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: id } })).status).toBe(201);
    sock.close();
  });

});

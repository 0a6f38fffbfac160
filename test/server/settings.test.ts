/**
 * Hall settings in the database (CONTRACT.md "Hall settings", issue 11 deliverable 3): GET /api/config
 * and PUT /api/config/:section, validated with the config file's schema (400 invalid-config naming the
 * path), audited (settings.updated), effective at once (hall:updated on every socket).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallUpdatedEvent } from '../../protocol/events.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { citizen, expectError, nextEvent } from './support.js';

describe('GET and PUT /api/config (demo hall)', () => {
  let s: TestServer;
  let staff: string, lead: string, display: string;
  beforeAll(async () => {
    s = await startTestServer();
    staff = await s.login('staff1');
    lead = await s.login('lead1');
    display = await s.deviceToken('display', 'lobby-s');
  });
  afterAll(() => s.close());

  it('GET answers every section in the config file shape, defaults filled in, the catalog included', async () => {
    const r = await s.api('GET', '/api/config', { token: s.adminToken });
    expect(r.status).toBe(200);
    expect(r.body.hall).toEqual({ name: '商洛市政务服务中心' });
    expect(r.body.hours.tz).toBe('Asia/Shanghai');
    expect(r.body.hours.winter).toEqual({ am: ['08:30', '12:00'], pm: ['13:30', '16:30'] });
    expect(r.body.policy.maxBookingsPerDay).toBe(2);
    expect(r.body.notices).toEqual(['过号请重新取号', '请留意大厅叫号屏幕和语音提示']);
    expect(r.body).toMatchObject({ buses: [], devices: [] });
    expect(r.body.catalog.queues.map((q: any) => q.prefix)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(r.body.catalog.windows.find((w: any) => w.number === 48)).toMatchObject({ queueIds: ['qD'] });
    expect(r.body.catalog.services).toContainEqual(expect.objectContaining({ id: 's-d01', code: 'SJ-096', queueId: 'qD', extended: true }));
  });

  it('non-admins → 403 forbidden on every settings endpoint', async () => {
    for (const token of [staff, lead, display]) {
      expectError(await s.api('GET', '/api/config', { token }), 403, 'forbidden');
      expectError(await s.api('PUT', '/api/config/hall', { token, body: { name: 'x' } }), 403, 'forbidden');
      expectError(await s.api('POST', '/api/config/apply', { token, body: {} }), 403, 'forbidden');
    }
    expectError(await s.api('GET', '/api/config'), 401, 'unauthorized');
  });

  it('PUT hall: a wrong value → 400 invalid-config with the path; nothing changes', async () => {
    for (const [body, path] of [[{ name: '' }, 'hall.name'], [{ name: '某中心', color: 'red' }, 'hall'], [{}, 'hall.name']] as const) {
      const r = await s.api('PUT', '/api/config/hall', { token: s.adminToken, body });
      expectError(r, 400, 'invalid-config');
      expect(r.body.error.details.path).toBe(path);
      expect(r.body.error.message).toContain(path);
    }
    expect((await s.api('GET', '/api/state', { token: display })).body.hallName).toBe('商洛市政务服务中心');
  });

  it('PUT hall: effective at once (GET /api/state, hall:updated on every socket), audited', async () => {
    const socket = s.socket(display);
    await nextEvent(socket, 'state:snapshot');
    const updated = nextEvent<HallUpdatedEvent>(socket, 'hall:updated');
    const r = await s.api('PUT', '/api/config/hall', { token: s.adminToken, body: { name: '商洛市民服务中心' } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ section: 'hall', value: { name: '商洛市民服务中心' }, restartRequired: false });
    expect(await updated).toEqual({ open: true, nextOpenAt: null, hallName: '商洛市民服务中心' });
    expect((await s.api('GET', '/api/state', { token: display })).body.hallName).toBe('商洛市民服务中心');
    expect((await s.api('GET', '/api/public/hall')).body.hallName).toBe('商洛市民服务中心');
    expect((await s.api('GET', '/api/config', { token: s.adminToken })).body.hall).toEqual({ name: '商洛市民服务中心' });
    const audit = await s.api('GET', '/api/audit?type=settings.updated', { token: s.adminToken });
    expect(audit.body[0]).toMatchObject({ type: 'settings.updated', actor: expect.stringMatching(/^user:/), data: { keys: ['hall'], via: 'put' } });
  });

  it('an unknown section → 404; the catalog is not a settings section → 400 invalid-config', async () => {
    expectError(await s.api('PUT', '/api/config/colours', { token: s.adminToken, body: {} }), 404, 'not-found');
    const c = await s.api('PUT', '/api/config/catalog', { token: s.adminToken, body: { queues: [] } });
    expectError(c, 400, 'invalid-config');
    expect(c.body.error.details.path).toBe('catalog');
  });

  it('PUT policy: a wrong number → 400 with its path; a right one changes the next booking refusal', async () => {
    const bad = await s.api('PUT', '/api/config/policy', { token: s.adminToken, body: { maxBookingsPerDay: 0 } });
    expectError(bad, 400, 'invalid-config');
    expect(bad.body.error.details.path).toBe('policy.maxBookingsPerDay');
    const ok = await s.api('PUT', '/api/config/policy', { token: s.adminToken, body: { maxBookingsPerDay: 1 } });
    expect(ok.status).toBe(200);
    expect(ok.body.value.maxBookingsPerDay).toBe(1);
    const platform = await s.deviceToken('platform', 'gov-s');
    expect((await s.api('POST', '/api/bookings', { token: platform, body: citizen(1) })).status).toBe(201);
    const second = await s.api('POST', '/api/bookings', { token: platform, body: citizen(1, { slot: '10:30' }) });
    expectError(second, 422, 'daily-booking-limit');
    expect(second.body.error.message).toContain('1');
  });
});

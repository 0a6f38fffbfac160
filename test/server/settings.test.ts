/**
 * Hall settings in the database (CONTRACT.md "Hall settings", issue 11 deliverable 3): GET /api/config
 * and PUT /api/config/:section, validated with the config file's schema (400 invalid-config naming the
 * path), audited (settings.updated), effective at once (hall:updated on every socket).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/open.js';
import { createRepos } from '../../server/db/repos.js';
import type { HallUpdatedEvent } from '../../protocol/events.js';
import type { TicketPrintJob } from '../../drivers/printer/types.js';
import { mask, MASKED, unmask } from '../../server/settings.js';
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
    expect(await updated).toMatchObject({ open: true, nextOpenAt: null, hallName: '商洛市民服务中心' });
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

describe('each section: validated, effective at once, devices at the next start', () => {
  let s: TestServer;
  let display: string;
  const jobs: TicketPrintJob[] = [];
  beforeAll(async () => {
    s = await startTestServer({ devices: true });
    display = await s.deviceToken('display', 'lobby-x');
    const manager = s.running.devices!.manager;
    const print = manager.printTicket.bind(manager);
    manager.printTicket = (name, job) => { jobs.push(job); return print(name, job); };
  });
  afterAll(() => s.close());

  const put = (section: string, body: unknown) => s.api('PUT', `/api/config/${section}`, { token: s.adminToken, body });
  async function printed() {
    const before = jobs.length;
    const r = await s.api('POST', '/api/tickets', { token: s.running.demoTokens['kiosk-1'], body: { serviceId: 's-a02' } });
    expect(r.status).toBe(201);
    for (let i = 0; i < 100 && jobs.length === before; i++) await new Promise((ok) => setTimeout(ok, 20));
    return jobs.at(-1)!;
  }

  it('every section GET answers is accepted back by PUT as it is (the file shape round-trips)', async () => {
    const cfg = (await s.api('GET', '/api/config', { token: s.adminToken })).body;
    for (const [section, value] of Object.entries(cfg)) {
      if (section === 'catalog') continue;
      const r = await put(section, section === 'publicUrl' ? { value } : value);
      expect(r.status, `${section}: ${JSON.stringify(r.body)}`).toBe(200);
    }
  });

  it('hours: sessions that overlap or end before they start → 400 naming the path; new hours close the hall now and every socket hears it', async () => {
    const overlap = await put('hours', { weekend: [['09:00', '12:00'], ['11:00', '15:00']] });
    expectError(overlap, 400, 'invalid-config');
    expect(overlap.body.error.details.path).toBe('hours.weekend.1');
    const inverted = await put('hours', { winter: { am: ['12:00', '08:30'], pm: ['13:30', '16:30'] } });
    expect(inverted.body.error.details.path).toBe('hours.winter.am');
    expect((await put('hours', { lunchtime: true })).body.error.details.path).toBe('hours');

    const socket = s.socket(display);
    await nextEvent(socket, 'state:snapshot');
    const updated = nextEvent<HallUpdatedEvent>(socket, 'hall:updated');
    const r = await put('hours', { winter: { am: ['10:00', '12:00'], pm: ['13:30', '16:30'] }, weekend: [['09:00', '11:00']] });
    expect(r.status).toBe(200);
    expect(r.body.value.winter.am).toEqual(['10:00', '12:00']);
    expect(await updated).toMatchObject({ open: false, nextOpenAt: '2026-11-23T10:00:00+08:00' }); // Monday 09:00
    expectError(await s.api('POST', '/api/tickets', { token: s.running.demoTokens['kiosk-1'], body: { serviceId: 's-a02' } }), 422, 'hall-closed');
    const sat = await s.api('GET', '/api/calendar?from=2026-11-28&to=2026-11-28', { token: display });
    expect(sat.body[0].sessions).toEqual([{ start: '09:00', end: '11:00', kind: 'weekend', extended: true, appointmentOnly: false }]);
    expect((await put('hours', {})).status).toBe(200); // back to the defaults: open again
    expect((await s.api('GET', '/api/public/hall')).body.open).toBe(true);
  });

  it('notices: printed on the next ticket; an empty one → 400 notices.0', async () => {
    expect((await printed()).notices).toEqual(['过号请重新取号', '请留意大厅叫号屏幕和语音提示']);
    const bad = await put('notices', ['']);
    expectError(bad, 400, 'invalid-config');
    expect(bad.body.error.details.path).toBe('notices.0');
    expect((await put('notices', ['过号请重新取号', '办事请带好身份证'])).status).toBe(200);
    expect((await printed()).notices).toEqual(['过号请重新取号', '办事请带好身份证']);
    expect((await s.api('GET', '/api/public/hall')).body.notices).toEqual(['过号请重新取号', '办事请带好身份证']);
  });

  it('publicUrl: {value} (null: the server\'s own), printed in the next ticket\'s QR; not a URL → 400 publicUrl', async () => {
    expect((await put('publicUrl', 'https://x.cn')).status).toBe(400); // a bare JSON string is no request body
    expect((await put('publicUrl', { url: 'https://x.cn' })).body.error.details.path).toBe('publicUrl');
    const bad = await put('publicUrl', { value: 'not a url' });
    expectError(bad, 400, 'invalid-config');
    expect(bad.body.error.details.path).toBe('publicUrl');
    expect((await put('publicUrl', { value: 'https://dt.example.cn' })).body).toEqual({ section: 'publicUrl', value: 'https://dt.example.cn', restartRequired: false });
    expect((await printed()).statusUrl).toMatch(/^https:\/\/dt\.example\.cn\/t\//);
    expect((await put('publicUrl', { value: null })).status).toBe(200);
    expect((await printed()).statusUrl.startsWith(s.url)).toBe(true);
    expect((await s.api('GET', '/api/config', { token: s.adminToken })).body).not.toHaveProperty('publicUrl');
  });

  it('buses and devices: validated, stored, and answered restartRequired (the drivers are built at start)', async () => {
    const bad = await put('devices', [{ id: 'p1', kind: 'toaster' }]);
    expectError(bad, 400, 'invalid-config');
    expect(bad.body.error.details.path).toMatch(/^devices\.0/);
    const r = await put('buses', [{ id: 'rs485-1', path: '/dev/ttyUSB0' }]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.restartRequired).toBe(true);
    expect((await s.api('GET', '/api/config', { token: s.adminToken })).body.buses).toEqual([expect.objectContaining({ id: 'rs485-1' })]);
    const audit = await s.api('GET', '/api/audit?type=settings.updated', { token: s.adminToken });
    expect(audit.body[0].data).toEqual({ keys: ['buses'], via: 'put', restartRequired: true });
  });
});

describe('GET /api/calendar', () => {
  let s: TestServer;
  let display: string;
  beforeAll(async () => {
    s = await startTestServer();
    display = await s.deviceToken('display', 'lobby-c');
  });
  afterAll(() => s.close());

  it('国庆 2026: 10-01 a holiday by appointment, 10-10 a make-up workday, 09-20 too; any token', async () => {
    const r = await s.api('GET', '/api/calendar?from=2026-09-19&to=2026-10-10', { token: display });
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(22);
    const day = (d: string) => r.body.find((x: any) => x.date === d);
    expect(day('2026-10-01')).toMatchObject({ kind: 'holiday', sessions: [{ start: '09:00', end: '12:00', kind: 'holiday', extended: true, appointmentOnly: true }, { start: '13:00', end: '17:00' }] });
    expect(day('2026-10-10')).toMatchObject({ kind: 'makeup-workday', sessions: expect.arrayContaining([expect.objectContaining({ kind: 'regular', start: '08:30' })]) });
    expect(day('2026-09-20').kind).toBe('makeup-workday');
    expect(day('2026-09-19').kind).toBe('weekend');
    expect(day('2026-09-25')).toMatchObject({ kind: 'holiday', closed: '中秋' }); // its afternoon closed (seed 003 §5.1.3)
    expect(day('2026-09-25').sessions.every((x: any) => x.end <= '12:00')).toBe(true);
    expect(day('2026-09-21')).not.toHaveProperty('closed');
  });

  it('正月初一 closed all day; a date override keeps the day\'s kind and says "override"', async () => {
    const r = await s.api('GET', '/api/calendar?from=2026-02-17&to=2026-02-17', { token: display });
    expect(r.body).toEqual([{ date: '2026-02-17', kind: 'holiday', sessions: [], closed: '正月初一' }]);
    expect((await s.api('PUT', '/api/config/hours', { token: s.adminToken, body: { overrides: { '2026-11-24': 'closed' } } })).status).toBe(200);
    const o = await s.api('GET', '/api/calendar?from=2026-11-24&to=2026-11-24', { token: display });
    expect(o.body).toEqual([{ date: '2026-11-24', kind: 'workday', sessions: [], closed: 'override' }]);
  });

  it('more than 400 days, or to before from → 400 invalid-range; a bad date → 400; no token → 401', async () => {
    expect((await s.api('GET', '/api/calendar?from=2026-01-01&to=2027-02-04', { token: display })).body).toHaveLength(400);
    const long = await s.api('GET', '/api/calendar?from=2026-01-01&to=2027-02-05', { token: display });
    expectError(long, 400, 'invalid-range');
    expect(long.body.error.message).toContain('400');
    expectError(await s.api('GET', '/api/calendar?from=2026-02-02&to=2026-02-01', { token: display }), 400, 'invalid-range');
    expectError(await s.api('GET', '/api/calendar?from=2026-02-30&to=2026-03-01', { token: display }), 400, 'bad-request');
    expectError(await s.api('GET', '/api/calendar?from=2026-02-01', { token: display }), 400, 'bad-request');
    expectError(await s.api('GET', '/api/calendar?from=2026-02-01&to=2026-02-02'), 401, 'unauthorized');
  });
});

describe('secrets in GET /api/config', () => {
  it('are masked at any depth, and a masked value sent back keeps the stored one', () => {
    const stored = { webhookUrl: 'https://p.cn', secret: 's3cret', nested: [{ token: 't0k' }] };
    const shown = mask(stored) as typeof stored;
    expect(shown).toEqual({ webhookUrl: 'https://p.cn', secret: MASKED, nested: [{ token: MASKED }] });
    expect(unmask({ ...shown, webhookUrl: 'https://q.cn' }, stored)).toEqual({ ...stored, webhookUrl: 'https://q.cn' });
    expect(unmask({ ...shown, secret: 'new' }, stored)).toMatchObject({ secret: 'new' });
  });
});

describe('HALLQ_CONFIG seeds an empty database; later starts keep what the admin changed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hallq-settings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const first = {
    hall: { name: '西峡县政务服务中心' },
    policy: { maxBookingsPerDay: 3 },
    catalog: {
      queues: [{ id: 'qA', name: '综合受理', prefix: 'A' }, { id: 'qS', name: '社保', prefix: 'S' }],
      services: [
        { id: 's-1', code: 'ZH-1', name: '综合咨询', queueId: 'qA', bookable: false },
        { code: 'SB-1', name: '社保卡申领', queueId: 'qS', extended: true },
      ],
      windows: [{ id: 'w1', number: 1, name: '综合', queueIds: ['qA', 'qS'] }, { number: 2, name: '社保', queueIds: ['qS'], status: 'closed' }],
    },
  };
  const second = {
    hall: { name: '另一个中心' },
    notices: ['请保持安静'],
    catalog: { queues: [{ id: 'qZ', name: '其他', prefix: 'Z' }] },
  };

  it('the first start seeds every section the file names and its catalog; the second start keeps the admin\'s hall name and seeds only what was not stored', async () => {
    const db = join(dir, 'a.db');
    let s = await startTestServer({ demo: false, db, config: first });
    try {
      const cfg = (await s.api('GET', '/api/config', { token: s.adminToken })).body;
      expect(cfg.hall).toEqual({ name: '西峡县政务服务中心' });
      expect(cfg.policy.maxBookingsPerDay).toBe(3);
      expect(cfg.catalog.queues.map((q: any) => q.id)).toEqual(['qA', 'qS']);
      expect(cfg.catalog.services).toHaveLength(2);
      expect(cfg.catalog.services[1]).toMatchObject({ code: 'SB-1', queueId: 'qS', extended: true, bookable: true, slotCapacity: 4 });
      expect(cfg.catalog.windows.map((w: any) => w.number)).toEqual([1, 2]);
      const state = (await s.api('GET', '/api/state', { token: s.adminToken })).body;
      expect(state.windows.find((w: any) => w.number === 2).status).toBe('closed');
      const seeded = (await s.api('GET', '/api/audit?type=settings.updated', { token: s.adminToken })).body;
      expect(seeded).toEqual([expect.objectContaining({ actor: 'system:system', data: { keys: ['hall', 'policy'], via: 'seed' } })]);
      expect((await s.api('PUT', '/api/config/hall', { token: s.adminToken, body: { name: '西峡县民服务中心' } })).status).toBe(200);
    } finally {
      await s.close();
    }

    s = await startTestServer({ demo: false, db, config: second });
    try {
      const cfg = (await s.api('GET', '/api/config', { token: s.adminToken })).body;
      expect(cfg.hall).toEqual({ name: '西峡县民服务中心' }); // the admin's change wins over the file
      expect(cfg.policy.maxBookingsPerDay).toBe(3);
      expect(cfg.notices).toEqual(['请保持安静']); // a section the database did not hold: seeded
      expect(cfg.catalog.queues.map((q: any) => q.id)).toEqual(['qA', 'qS']); // not an empty hall: no import

      // re-applying the file is the admin's explicit, audited act; its catalog is not imported into a hall that has one
      const r = await s.api('POST', '/api/config/apply', { token: s.adminToken, body: second });
      expect(r.body).toEqual({ sections: ['hall', 'notices'], restartRequired: false, catalog: 'skipped' });
      expect((await s.api('GET', '/api/state', { token: s.adminToken })).body.hallName).toBe('另一个中心');
      const audit = (await s.api('GET', '/api/audit?type=settings.updated', { token: s.adminToken })).body;
      expect(audit[0]).toMatchObject({ actor: expect.stringMatching(/^user:/), data: { keys: ['hall', 'notices'], via: 'apply' } });
      const bad = await s.api('POST', '/api/config/apply', { token: s.adminToken, body: { ...second, hours: { weekend: [['18:00', '09:00']] } } });
      expectError(bad, 400, 'invalid-config');
      expect(bad.body.error.details.path).toBe('hours.weekend.0');
    } finally {
      await s.close();
    }
  });

  it('a catalog that names a missing queue or a duplicate prefix is refused at start, naming the path', async () => {
    const bad = { catalog: { queues: [{ id: 'qA', name: 'A', prefix: 'A' }, { id: 'qB', name: 'B', prefix: 'A' }], services: [{ code: 'x', name: 'x', queueId: 'qX' }] } };
    await expect(startTestServer({ demo: false, db: join(dir, 'b.db'), config: bad })).rejects.toThrow(/catalog\.queues\.1\.prefix[\s\S]*catalog\.services\.0\.queueId/);
  });

  it('settings in the database that the schema refuses stop the start with the path, never a 400 on every request later', async () => {
    const db = join(dir, 'c.db');
    const s = await startTestServer({ demo: false, db });
    await s.close();
    const raw = openDb(db);
    createRepos(raw).settings.put('config:hours', JSON.stringify({ weekend: [['12:00', '09:00']] }));
    raw.close();
    await expect(startTestServer({ demo: false, db })).rejects.toThrow(/settings in the database are invalid[\s\S]*hours\.weekend\.0/);
  });

  it('the demo without a config seeds its hall name once; a restart keeps an admin\'s rename', async () => {
    const db = join(dir, 'd.db');
    let s = await startTestServer({ db });
    try {
      expect((await s.api('GET', '/api/public/hall')).body.hallName).toBe('商洛市政务服务中心');
      await s.api('PUT', '/api/config/hall', { token: s.adminToken, body: { name: '商洛市政务服务中心（演示）' } });
      const devices = [{ id: 'printer-9', kind: 'printer', interface: 'sim://printer-9', kiosk: 'kiosk-1' }];
      expect((await s.api('PUT', '/api/config/devices', { token: s.adminToken, body: devices })).body.restartRequired).toBe(true);
      expect(s.running.config.devices).toEqual([]); // the running drivers stay as they were started
    } finally {
      await s.close();
    }
    s = await startTestServer({ db });
    try {
      expect((await s.api('GET', '/api/public/hall')).body.hallName).toBe('商洛市政务服务中心（演示）');
      expect(s.running.config.devices.map((d) => d.id)).toEqual(['printer-9']); // the next start builds them
    } finally {
      await s.close();
    }
  });
});

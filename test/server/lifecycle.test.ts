/**
 * The server across restarts with a file database: a socket reconnects and gets a fresh snapshot,
 * the demo is seeded once, tokens and tickets survive. And the manual clock only exists when asked for.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import type { RunningHall } from '../../server/start.js';
import { bufferLogger, call, expectError, nextEvent, startWith } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'hallq-lifecycle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('restart with a file database', () => {
  const running: RunningHall[] = [];
  afterEach(async () => { await Promise.all(running.splice(0).map((h) => h.close())); });

  it('a socket client reconnects after a restart on the same port and receives a fresh snapshot', async () => {
    const db = join(dir, 'restart.db');
    const first = await startWith({ HALLQ_DB: db });
    running.push(first);
    const login = await call(first.url, 'POST', '/api/auth/login', { body: { username: 'staff1', password: 'demo1234' } });
    const kiosk = first.demoTokens['kiosk-1'];
    const socket = connect(first.url, { auth: { token: login.body.token }, transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 200 });
    try {
      const before = await nextEvent(socket, 'state:snapshot');
      expect(before.queues.find((q: any) => q.id === 'qA').waiting).toBe(0);
      expect((await call(first.url, 'POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } })).status).toBe(201);

      const disconnected = nextEvent(socket, 'disconnect');
      await first.close();
      running.length = 0;
      await disconnected;
      const again = nextEvent(socket, 'state:snapshot', 10_000);
      const second = await startWith({ HALLQ_DB: db, HALLQ_PORT: String(first.port), HALLQ_NOW: '2026-11-23T09:30:00+08:00' });
      running.push(second);
      const after = await again;
      expect(after.time).toBe('2026-11-23T09:30:00+08:00'); // made by the new process, not replayed
      expect(after.queues.find((q: any) => q.id === 'qA').waiting).toBe(1); // the ticket survived
      // the same tokens still work: they live in the database
      expect((await call(second.url, 'POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } })).body.ticket.number).toBe('A002');
    } finally {
      socket.close();
    }
  });

  it('the demo is seeded once: a second start with the same file reuses it, logs no seeding, keeps ids and users', async () => {
    const db = join(dir, 'demo.db');
    const log1 = bufferLogger('info');
    const a = await startWith({ HALLQ_DB: db, HALLQ_LOG_LEVEL: 'info' }, { logger: log1.logger });
    const admin = (await call(a.url, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'admin-test-pw' } })).body.token;
    const queues1 = (await call(a.url, 'GET', '/api/queues', { token: admin })).body;
    const services1 = (await call(a.url, 'GET', '/api/services', { token: admin })).body;
    await a.close();
    expect(log1.text()).toContain('seeded the demo hall');

    const log2 = bufferLogger('info');
    const b = await startWith({ HALLQ_DB: db, HALLQ_LOG_LEVEL: 'info' }, { logger: log2.logger });
    running.push(b);
    expect(log2.text()).not.toContain('seeded the demo hall');
    expect((await call(b.url, 'GET', '/api/queues', { token: admin })).body).toEqual(queues1);
    expect((await call(b.url, 'GET', '/api/services', { token: admin })).body).toEqual(services1);
    expect((await call(b.url, 'GET', '/api/users', { token: admin })).body.filter((u: { username: string }) => u.username === 'staff1')).toHaveLength(1);
    // the demo reuses its devices: the same kiosk and lobby tokens, no new device rows
    expect(b.demoTokens).toEqual(a.demoTokens);
    expect((await call(b.url, 'GET', '/api/devices', { token: admin })).body.map((d: { name: string }) => d.name).sort()).toEqual(['kiosk-1', 'kiosk-2', 'lobby']);
    expect((await call(b.url, 'POST', '/api/auth/login', { body: { username: 'staff1', password: 'demo1234' } })).status).toBe(200);
  });
});

describe('the manual clock', () => {
  it('PUT /api/_clock → 404 when the clock is the system clock, and the time is left alone', async () => {
    const h = await startWith({ HALLQ_CLOCK: 'system' });
    try {
      const r = await call(h.url, 'PUT', '/api/_clock', { body: { now: '2030-01-01T09:00:00+08:00' } });
      expectError(r, 404, 'clock-not-manual');
      const health = await call(h.url, 'GET', '/api/health');
      expect(Math.abs(new Date(health.body.time).getTime() - Date.now())).toBeLessThan(60_000);
    } finally {
      await h.close();
    }
  });

  it('PUT /api/_clock with a manual clock answers the new time in the hall zone', async () => {
    const h = await startWith({});
    try {
      const r = await call(h.url, 'PUT', '/api/_clock', { body: { now: '2026-11-24T01:30:00Z' } });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ now: '2026-11-24T09:30:00+08:00' });
      expect((await call(h.url, 'GET', '/api/health')).body.time).toBe('2026-11-24T09:30:00+08:00');
    } finally {
      await h.close();
    }
  });
});

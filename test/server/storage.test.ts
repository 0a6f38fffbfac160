/**
 * Issue 13 items 3 and 4: a read-only database and a full disk. SQLite itself refuses the writes
 * (tests run as root, who ignores file modes): `PRAGMA query_only` and a read-only connection give
 * SQLITE_READONLY, `PRAGMA max_page_count` gives SQLITE_FULL. Health says degraded with the reason,
 * writes answer 503 storage-unavailable, one log line per change of state, recovery by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningHall } from '../../server/start.js';
import { bufferLogger, call, expectError, startWith } from './support.js';

const lines = (text: string) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);

describe('a read-only database (PRAGMA query_only → SQLITE_READONLY)', () => {
  let s: RunningHall;
  const out = bufferLogger('info');
  beforeAll(async () => { s = await startWith({ HALLQ_LOG_LEVEL: 'info' }, { logger: out.logger }); });
  afterAll(() => s.close());

  it('health ok → degraded read-only; every write 503 storage-unavailable in Chinese; reads still work; one log line, no stack', async () => {
    const kiosk = s.demoTokens['kiosk-1'];
    expect((await call(s.url, 'GET', '/api/health')).body.status).toBe('ok');
    s.storage.db.pragma('query_only = ON');
    for (let i = 0; i < 5; i++) {
      const login = await call(s.url, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'admin-test-pw' } });
      expectError(login, 503, 'storage-unavailable');
      expect(login.body.error.message).toBe('数据存储暂不可用，请稍后再试或联系管理员');
      expect(login.body.error.details).toEqual({ reason: 'read-only' });
      expectError(await call(s.url, 'POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } }), 503, 'storage-unavailable');
    }
    expect((await call(s.url, 'GET', '/api/state', { token: kiosk })).status).toBe(200);
    // a command that wrote nothing (a tick with nothing due) goes through: the probe finds the store still read-only
    expect((await call(s.url, 'PUT', '/api/_clock', { body: { now: '2026-11-23T09:00:30+08:00' } })).status).toBe(200);
    const health = (await call(s.url, 'GET', '/api/health')).body;
    expect(health).toMatchObject({ status: 'degraded', storage: { reason: 'read-only', code: 'SQLITE_READONLY', since: expect.any(String) } });
    const logged = lines(out.text());
    expect(logged.filter((l) => /storage unavailable/.test(l.msg))).toHaveLength(1);
    expect(logged.filter((l) => l.msg === 'request failed' || l.err?.stack)).toEqual([]);
    expect(logged.filter((l) => l.status === 503)).toEqual([]);
  });

  it('recovers by itself: the next write that goes through clears it (one log line)', async () => {
    s.storage.db.pragma('query_only = OFF');
    const r = await call(s.url, 'POST', '/api/tickets', { token: s.demoTokens['kiosk-1'], body: { serviceId: 's-a01' } });
    expect(r.status).toBe(201);
    expect((await call(s.url, 'GET', '/api/health')).body).toMatchObject({ status: 'ok' });
    expect((await call(s.url, 'GET', '/api/health')).body.storage).toBeUndefined();
    expect(lines(out.text()).filter((l) => l.msg === 'storage available again')).toHaveLength(1);
  });

  it('the hall timer survives a refused tick (the manual clock ticks on set: 503, then the next tick works)', async () => {
    s.storage.db.pragma('query_only = ON');
    // a tick of a new day runs housekeeping, a write
    expectError(await call(s.url, 'PUT', '/api/_clock', { body: { now: '2026-11-24T09:00:00+08:00' } }), 503, 'storage-unavailable');
    s.storage.db.pragma('query_only = OFF');
    expect(s.storage.probe()).toBe(true);
    expect((await call(s.url, 'PUT', '/api/_clock', { body: { now: '2026-11-24T09:01:00+08:00' } })).status).toBe(200);
  });
});

describe('a full disk (PRAGMA max_page_count → SQLITE_FULL)', () => {
  let s: RunningHall;
  let dir: string;
  const out = bufferLogger('info');
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hallq-full-'));
    s = await startWith({ HALLQ_LOG_LEVEL: 'info', HALLQ_DB: join(dir, 'hall.db') }, { logger: out.logger });
  });
  afterAll(async () => { await s.close(); rmSync(dir, { recursive: true, force: true }); });

  it('writes answer 503 disk-full once the file cannot grow; health degraded; a probe brings it back when space returns', async () => {
    const kiosk = s.demoTokens['kiosk-1'];
    const pages = s.storage.db.pragma('page_count', { simple: true }) as number;
    s.storage.db.pragma(`max_page_count = ${pages}`);
    let refused: Awaited<ReturnType<typeof call>> | null = null;
    for (let i = 0; i < 2000 && !refused; i++) {
      const r = await call(s.url, 'POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } });
      if (r.status !== 201) refused = r;
    }
    expect(refused).not.toBeNull();
    expectError(refused!, 503, 'storage-unavailable');
    expect(refused!.body.error.details).toEqual({ reason: 'disk-full' });
    for (let i = 0; i < 3; i++) expectError(await call(s.url, 'POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } }), 503, 'storage-unavailable');
    expect((await call(s.url, 'GET', '/api/health')).body).toMatchObject({ status: 'degraded', storage: { reason: 'disk-full', code: 'SQLITE_FULL' } });
    expect(s.storage.probe()).toBe(false); // still full: stays degraded, no new log line
    s.storage.db.pragma('max_page_count = 1073741823');
    expect(s.storage.probe()).toBe(true); // what the timer runs while degraded
    expect((await call(s.url, 'GET', '/api/health')).body.status).toBe('ok');
    expect((await call(s.url, 'POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } })).status).toBe(201);
    const logged = lines(out.text());
    expect(logged.filter((l) => /storage unavailable/.test(l.msg)).map((l) => l.fault)).toEqual(['disk-full']);
    expect(logged.filter((l) => l.msg === 'storage available again')).toHaveLength(1);
    expect(logged.filter((l) => l.msg === 'request failed' || l.err?.stack)).toEqual([]);
  });
});

describe('the demo on a read-only database file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hallq-ro-'));
    const first = await startWith({ HALLQ_DB: join(dir, 'hall.db') });
    await first.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts (no raw SqliteError), says degraded from the start, serves reads, refuses writes with 503', async () => {
    const out = bufferLogger('info');
    const s = await startWith({ HALLQ_DB: join(dir, 'hall.db'), HALLQ_LOG_LEVEL: 'info' }, { logger: out.logger, readonlyDb: true });
    try {
      expect((await call(s.url, 'GET', '/api/health')).body).toMatchObject({ status: 'degraded', storage: { reason: 'read-only' } });
      expect(s.demoTokens['kiosk-1']).toEqual(expect.any(String));
      expect((await call(s.url, 'GET', '/api/state', { token: s.demoTokens['kiosk-1'] })).status).toBe(200);
      expectError(await call(s.url, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'admin-test-pw' } }), 503, 'storage-unavailable');
      expect(lines(out.text()).filter((l) => /storage unavailable/.test(l.msg))).toHaveLength(1);
    } finally {
      await s.close();
    }
  });
});

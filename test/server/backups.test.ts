/**
 * Issue 13 item 15: online backups (SQLite's backup API) on demand and on a schedule, with
 * retention and an audit line; the documented restore (docs/operations.md: stop, copy, start) gives a
 * server that runs on the backup; a database whose day counters are behind its event log is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningHall } from '../../server/start.js';
import { startTestServer } from '../helpers/server.js';
import { call, expectError, sleep, startWith } from './support.js';

const issue = async (s: RunningHall) => {
  const r = await call(s.url, 'POST', '/api/tickets', { token: s.demoTokens['kiosk-1'], body: { serviceId: 's-a01' } });
  expect(r.status).toBe(201);
  return r.body.ticket.number as string;
};
const loginAdmin = async (s: RunningHall) =>
  (await call(s.url, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'admin-test-pw' } })).body.token as string;

describe('backups: on demand, listed, kept, audited', () => {
  let dir: string;
  let s: RunningHall;
  let admin: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hallq-bk-'));
    s = await startWith({ HALLQ_DB: join(dir, 'hall.db') }, { config: { backup: { dir: join(dir, 'backups'), everyHours: 0, keep: 2 } } });
    admin = await loginAdmin(s);
  });
  afterAll(async () => { await s.close(); rmSync(dir, { recursive: true, force: true }); });

  it('POST /api/backups (admin) → 201 {file named by date and time, bytes, at}; the file is a whole hallq database', async () => {
    await issue(s);
    const r = await call(s.url, 'POST', '/api/backups', { token: admin });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ file: 'hallq-2026-11-23-090000.db', bytes: expect.any(Number), at: '2026-11-23T09:00:00+08:00' });
    const path = join(dir, 'backups', r.body.file);
    const copy = new Database(path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n).toBe(1);
    copy.close();
    expect(r.body.bytes).toBe(readFileSync(path).length);
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('GET /api/backups lists newest first; only the newest `keep` stay; each backup is in the audit log; staff and kiosks → 403', async () => {
    await call(s.url, 'PUT', '/api/_clock', { body: { now: '2026-11-23T10:00:00+08:00' } });
    expect((await call(s.url, 'POST', '/api/backups', { token: admin })).body.file).toBe('hallq-2026-11-23-100000.db');
    expect((await call(s.url, 'POST', '/api/backups', { token: admin })).body.file).toBe('hallq-2026-11-23-100000-2.db');
    const list = await call(s.url, 'GET', '/api/backups', { token: admin });
    expect(list.body.map((b: { file: string }) => b.file)).toEqual(['hallq-2026-11-23-100000-2.db', 'hallq-2026-11-23-100000.db']);
    expect(list.body[0]).toMatchObject({ bytes: expect.any(Number), at: '2026-11-23T10:00:00+08:00' });
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual(['hallq-2026-11-23-100000-2.db', 'hallq-2026-11-23-100000.db']);
    const audit = await call(s.url, 'GET', '/api/audit?type=backup.made&limit=10', { token: admin });
    expect(audit.body).toHaveLength(3);
    expect(audit.body[0]).toMatchObject({ actor: 'user:u-admin', subject: 'hallq-2026-11-23-100000-2.db', data: { reason: 'on-demand' } });
    const staff = (await call(s.url, 'POST', '/api/auth/login', { body: { username: 'staff1', password: 'demo1234' } })).body.token;
    expectError(await call(s.url, 'POST', '/api/backups', { token: staff }), 403, 'forbidden');
    expectError(await call(s.url, 'GET', '/api/backups', { token: s.demoTokens['kiosk-1'] }), 403, 'forbidden');
    expectError(await call(s.url, 'GET', '/api/backups'), 401, 'unauthorized');
  });
});

describe('backups on a schedule', () => {
  let dir: string;
  let s: RunningHall;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hallq-bks-'));
    // every 0.0003 h ≈ 1.1 s
    s = await startWith({}, { config: { backup: { dir, everyHours: 0.0003, keep: 3 } } });
  });
  afterAll(async () => { await s.close(); rmSync(dir, { recursive: true, force: true }); });

  it('makes backups by itself (audited as the system), keeping `keep`', async () => {
    for (let i = 0; i < 60 && readdirSync(dir).filter((f) => f.endsWith('.db')).length < 2; i++) await sleep(100);
    expect(readdirSync(dir).filter((f) => f.endsWith('.db')).length).toBeGreaterThanOrEqual(2);
    const audit = await call(s.url, 'GET', '/api/audit?type=backup.made&limit=10', { token: await loginAdmin(s) });
    expect(audit.body[0]).toMatchObject({ actor: 'system:system', data: { reason: 'scheduled' } });
  }, 15_000);
});

describe('without a backup config', () => {
  it('POST /api/backups → 409 backup-not-configured', async () => {
    const s = await startTestServer();
    try {
      expectError(await s.api('POST', '/api/backups', { token: s.adminToken }), 409, 'backup-not-configured');
    } finally {
      await s.close();
    }
  });
});

describe('restore (docs/operations.md) and the start-up check of the day counters', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'hallq-rs-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stop, copy the backup over the database (no -wal, no -shm), start: the hall runs on the backup and numbers on from it', async () => {
    const db = join(dir, 'hall.db');
    const backupDir = join(dir, 'backups');
    const config = { backup: { dir: backupDir, everyHours: 0, keep: 5 } };
    let s = await startWith({ HALLQ_DB: db }, { config });
    expect([await issue(s), await issue(s)]).toEqual(['A001', 'A002']);
    const b = await call(s.url, 'POST', '/api/backups', { token: await loginAdmin(s) });
    expect(b.status).toBe(201);
    await issue(s); // A003: after the backup, lost by the restore
    await s.close(); // 1. stop
    // 2. copy the backup over the database file, and remove the old -wal and -shm
    const ops = readFileSync('docs/operations.md', 'utf8');
    expect(ops).toMatch(/systemctl stop hallq/);
    expect(ops).toMatch(/hallq\.db-wal/);
    copyFileSync(join(backupDir, b.body.file), db);
    rmSync(`${db}-wal`, { force: true });
    rmSync(`${db}-shm`, { force: true });
    // 3. start
    s = await startWith({ HALLQ_DB: db }, { config });
    try {
      expect((await call(s.url, 'GET', '/api/health')).body.status).toBe('ok');
      expect(await issue(s)).toBe('A003');
    } finally {
      await s.close();
    }
  });

  it('refuses a database whose counters are behind the event log (a lost -wal): a clear message naming the fix', async () => {
    const db = join(dir, 'lost-wal.db');
    const s = await startWith({ HALLQ_DB: db });
    for (let i = 0; i < 7; i++) await issue(s);
    await s.close();
    // what a deleted -wal can leave: the counter's page from an old checkpoint, the log's from a newer one
    const raw = new Database(db);
    raw.prepare("UPDATE ticket_counters SET last_seq = 3 WHERE queue_id = 'qA'").run();
    raw.prepare("DELETE FROM tickets WHERE queue_id = 'qA' AND seq > 3").run();
    raw.close();
    const refused = startWith({ HALLQ_DB: db });
    await expect(refused).rejects.toThrow(/ticket counters are behind its event log \(queue qA on 2026-11-23: the counter is at 3, the log has A007\)/);
    await expect(refused).rejects.toThrow(/restore the newest backup \(docs\/operations\.md/);
    expect(existsSync(db)).toBe(true);
  });
});

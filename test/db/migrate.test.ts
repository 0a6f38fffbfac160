import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../server/db/migrate.js';
import { openDb } from '../../server/db/open.js';

const latest = () => loadMigrations().at(-1)!.version;
const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('numbered SQL migrations', () => {
  it('files are numbered from 001 without gaps', () => {
    const versions = loadMigrations().map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });

  it('a fresh database reaches the latest version', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(latest());
    expect(db.pragma('user_version', { simple: true })).toBe(latest());
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['tickets', 'bookings', 'events', 'queue_counts', 'ticket_counters', 'idempotency']));
  });

  it('re-running on an up-to-date database is a no-op that keeps the data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallq-mig-'));
    dirs.push(dir);
    const file = join(dir, 'hall.db');
    const db = openDb(file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    const schema = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all();
    expect(migrate(db)).toBe(latest());
    db.close();
    const again = openDb(file);
    expect(again.prepare('SELECT sql FROM sqlite_master ORDER BY name').all()).toEqual(schema);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: 'v' });
    again.close();
  });

  it('applies only the migrations newer than the database version', () => {
    const db = new Database(':memory:');
    const extra = [...loadMigrations(), { version: latest() + 1, name: 'x_extra.sql', sql: 'CREATE TABLE extra (x INTEGER);' }];
    migrate(db);
    expect(migrate(db, extra)).toBe(latest() + 1);
    expect(db.prepare("SELECT count(*) n FROM sqlite_master WHERE name = 'extra'").get()).toEqual({ n: 1 });
  });

  it('a failing migration rolls back entirely and leaves the version unchanged', () => {
    const db = new Database(':memory:');
    migrate(db);
    const bad = [...loadMigrations(), { version: latest() + 1, name: 'x_bad.sql', sql: 'CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;' }];
    expect(() => migrate(db, bad)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(latest());
    expect(db.prepare("SELECT count(*) n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
  });

  it('upgrading a version 1 database keeps its tickets, and the queue_counts triggers still run', () => {
    const db = new Database(':memory:');
    migrate(db, loadMigrations().slice(0, 1));
    db.prepare("INSERT INTO queues (id, name, prefix) VALUES ('qA', 'A', 'A')").run();
    db.prepare("INSERT INTO services (id, code, name, queue_id) VALUES ('s', 'c', 'n', 'qA')").run();
    const ins = db.prepare(`INSERT INTO tickets (id, day, seq, number, kind, status, queue_id, service_id, issued_at, issued_by)
      VALUES (?, '2026-11-23', ?, ?, 'walk-in', 'waiting', 'qA', 's', ?, 'test')`);
    ins.run('t1', 1, 'A001', 1);
    ins.run('t2', 2, 'A002', 2);
    expect(migrate(db)).toBe(latest());
    expect(db.prepare('SELECT id FROM tickets ORDER BY seq').all()).toEqual([{ id: 't1' }, { id: 't2' }]);
    db.prepare("UPDATE tickets SET status = 'called' WHERE id = 't1'").run();
    ins.run('t3', 3, 'A003', 3);
    expect(db.prepare("SELECT waiting FROM queue_counts WHERE queue_id = 'qA'").get()).toEqual({ waiting: 2 });
  });

  it('upgrading a version 4 database keeps tickets and events; the log\'s sequence goes on increasing without sqlite_sequence', () => {
    const db = new Database(':memory:');
    migrate(db, loadMigrations().slice(0, 4));
    db.prepare("INSERT INTO queues (id, name, prefix) VALUES ('qA', 'A', 'A')").run();
    db.prepare("INSERT INTO services (id, code, name, queue_id) VALUES ('s', 'c', 'n', 'qA')").run();
    db.prepare(`INSERT INTO tickets (id, day, seq, number, kind, status, queue_id, service_id, issued_at, issued_by)
      VALUES ('t1', '2026-11-23', 1, 'A001', 'walk-in', 'waiting', 'qA', 's', 1, 'test')`).run();
    const ev = db.prepare("INSERT INTO events (at, type, actor, subject, data) VALUES (?, 'ticket.issued', 'test', NULL, '{}')");
    for (const at of [1, 2, 3]) ev.run(at);
    expect(migrate(db)).toBe(latest());
    expect(db.prepare('SELECT id, number, status FROM tickets').all()).toEqual([{ id: 't1', number: 'A001', status: 'waiting' }]);
    expect(db.prepare('SELECT seq, at FROM events ORDER BY seq').all()).toEqual([{ seq: 1, at: 1 }, { seq: 2, at: 2 }, { seq: 3, at: 3 }]);
    expect(ev.run(4).lastInsertRowid).toBe(4);
    expect(db.prepare("SELECT count(*) n FROM sqlite_sequence WHERE name = 'events'").get()).toEqual({ n: 0 });
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'tickets'").get()).toMatchObject({ sql: expect.stringMatching(/WITHOUT ROWID$/) });
    expect(db.prepare("SELECT waiting FROM queue_counts WHERE queue_id = 'qA'").get()).toEqual({ waiting: 1 });
  });

  it('a ticket number is unique within a day, whatever queue the ticket is in now', () => {
    const db = openDb(':memory:');
    db.prepare("INSERT INTO queues (id, name, prefix) VALUES ('qA', 'A', 'A'), ('qB', 'B', 'B')").run();
    db.prepare("INSERT INTO services (id, code, name, queue_id) VALUES ('s', 'c', 'n', 'qA')").run();
    const ins = db.prepare(`INSERT INTO tickets (id, day, seq, number, kind, status, queue_id, service_id, issued_at, issued_by)
      VALUES (?, ?, ?, ?, 'walk-in', 'waiting', ?, 's', 1, 'test')`);
    ins.run('t1', '2026-11-23', 1, 'A001', 'qA');
    ins.run('t2', '2026-11-23', 1, 'B001', 'qB');
    expect(() => db.prepare("UPDATE tickets SET queue_id = 'qB' WHERE id = 't1'").run()).not.toThrow();
    expect(() => ins.run('t3', '2026-11-23', 1, 'A001', 'qA')).toThrow(/UNIQUE/);
    expect(() => ins.run('t4', '2026-11-24', 1, 'A001', 'qA')).not.toThrow();
  });

  it('refuses a database newer than the code', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${latest() + 1}`);
    expect(() => migrate(db)).toThrow(/newer than this hallq/);
  });
});

describe('the event log is append-only', () => {
  it('refuses UPDATE and DELETE of events', () => {
    const db = openDb(':memory:');
    db.prepare("INSERT INTO events (at, type, actor, subject, data) VALUES (1, 't', 'a', NULL, '{}')").run();
    expect(() => db.prepare("UPDATE events SET type = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT type FROM events').all()).toEqual([{ type: 't' }]);
  });
});

describe('queue_counts triggers', () => {
  type Op =
    | { op: 'insert'; queue: number; kind: 0 | 1; waiting: boolean }
    | { op: 'status'; pick: number; status: string }
    | { op: 'move'; pick: number; queue: number };
  const STATUSES = ['waiting', 'called', 'serving', 'done', 'no-show', 'cancelled'];
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('insert' as const), queue: fc.integer({ min: 0, max: 2 }), kind: fc.constantFrom(0 as const, 1 as const), waiting: fc.boolean() }),
    fc.record({ op: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
    fc.record({ op: fc.constant('move' as const), pick: fc.nat(), queue: fc.integer({ min: 0, max: 2 }) }),
  );

  it('match COUNT(*) of waiting tickets per queue after random inserts, status changes and queue moves', () => {
    fc.assert(fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
      const db = openDb(':memory:');
      for (const [i, q] of ['q0', 'q1', 'q2'].entries()) {
        db.prepare('INSERT INTO queues (id, name, prefix) VALUES (?, ?, ?)').run(q, q, 'ABC'[i]);
        db.prepare('INSERT INTO services (id, code, name, queue_id) VALUES (?, ?, ?, ?)').run('s' + q, 'c', 'n', q);
      }
      const ids: string[] = [];
      ops.forEach((o, i) => {
        if (o.op === 'insert') {
          const q = 'q' + o.queue;
          db.prepare(`INSERT INTO tickets (id, day, seq, number, kind, status, queue_id, service_id, issued_at, issued_by, slot_start)
            VALUES (?, '2026-11-23', ?, ?, ?, ?, ?, ?, ?, 'test', ?)`)
            .run('t' + i, i, 'X' + i, o.kind ? 'reservation' : 'walk-in', o.waiting ? 'waiting' : 'done', q, 's' + q, i, o.kind ? i : null);
          ids.push('t' + i);
        } else if (ids.length) {
          const id = ids[o.pick % ids.length];
          if (o.op === 'status') db.prepare('UPDATE tickets SET status = ? WHERE id = ?').run(o.status, id);
          else db.prepare('UPDATE tickets SET queue_id = ? WHERE id = ?').run('q' + o.queue, id);
        }
      });
      const truth = db.prepare(`SELECT q.id queue_id,
          (SELECT count(*) FROM tickets t WHERE t.queue_id = q.id AND t.status = 'waiting') waiting,
          (SELECT count(*) FROM tickets t WHERE t.queue_id = q.id AND t.status = 'waiting' AND t.kind = 'reservation') reservations_waiting
        FROM queues q ORDER BY q.id`).all();
      const kept = db.prepare(`SELECT q.id queue_id, coalesce(c.waiting, 0) waiting, coalesce(c.reservations_waiting, 0) reservations_waiting
        FROM queues q LEFT JOIN queue_counts c ON c.queue_id = q.id ORDER BY q.id`).all();
      db.close();
      expect(kept).toEqual(truth);
    }), { numRuns: 60 });
  });
});

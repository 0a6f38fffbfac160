import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, loadMigrations, migrate } from '../../server/db/migrate.js';
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
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${latest() + 1}`);
    expect(() => migrate(db)).toThrow(/newer than this hallq/);
  });
});

describe('001_schema.sql: the development migrations folded into one (issue 10)', () => {
  const TABLES = ['bookings', 'devices', 'events', 'idempotency', 'no_shows', 'queue_counts', 'queues', 'services', 'settings',
    'ticket_counters', 'tickets', 'tokens', 'user_windows', 'users', 'window_queues', 'windows'];

  it('a fresh database gets version 1, hallq\'s application_id and every table', () => {
    const db = new Database(':memory:');
    expect(loadMigrations()[0].name).toBe('001_schema.sql');
    expect(migrate(db, loadMigrations().slice(0, 1))).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(TABLES); // no sqlite_sequence: nothing is AUTOINCREMENT
  });

  it('ends where 005 ended: tickets WITHOUT ROWID, the partial heads, an event log whose sequence keeps increasing without sqlite_sequence', () => {
    const db = openDb(':memory:');
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'tickets'").get()).toMatchObject({ sql: expect.stringMatching(/WITHOUT ROWID$/) });
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all().map((r) => (r as { name: string }).name);
    expect(indexes).toEqual(['booking_changes_by_booking', 'booking_changes_pending', 'booking_contacts_by_booking', 'bookings_by_date', 'bookings_by_person', 'bookings_by_slot', 'bookings_dispatched', 'bookings_due', 'bookings_open_code', 'bookings_visits', 'evaluations_by_day', 'evaluations_open', 'events_calls', 'events_transfers', 'no_shows_by_person',
      'queues_live_prefix', 'roster_by_date', 'sms_by_day', 'sms_once', 'sms_pending', 'tickets_active', 'tickets_reservation_head', 'tickets_transfer_head', 'tickets_walkin_head', 'user_windows_by_window',
      'window_queues_by_queue', 'windows_live_number']);
    const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all().map((r) => (r as { name: string }).name);
    expect(triggers).toEqual(['events_no_delete', 'events_no_update', 'tickets_count_insert', 'tickets_count_update']);
    const ev = db.prepare("INSERT INTO events (at, type, actor, subject, data) VALUES (?, 'ticket.issued', 'test', NULL, '{}')");
    for (const at of [1, 2, 3]) ev.run(at);
    expect(db.prepare('SELECT seq, at FROM events ORDER BY seq').all()).toEqual([{ seq: 1, at: 1 }, { seq: 2, at: 2 }, { seq: 3, at: 3 }]);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(ev.run(4).lastInsertRowid).toBe(4);
  });

  it('a database made by the folded development migrations (a version, no application_id) is refused, not taken for version 1', () => {
    for (const version of [1, 5]) {
      const db = new Database(':memory:');
      db.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
      db.pragma(`user_version = ${version}`);
      expect(() => migrate(db)).toThrow(/not made by this hallq's migrations \(it predates 001_schema.sql/);
      expect(db.pragma('user_version', { simple: true })).toBe(version);
    }
  });
});

/** Every column that names a row of another table, and what deleting that row does (NO ACTION: refused). */
const FOREIGN_KEYS = {
  'booking_changes.booking_id': 'bookings NO ACTION', 'booking_contacts.booking_id': 'bookings NO ACTION',
  'bookings.dispatch_window_id': 'windows NO ACTION', 'bookings.service_id': 'services NO ACTION', 'bookings.ticket_id': 'tickets NO ACTION',
  'evaluation_pads.device_id': 'devices CASCADE', 'evaluation_pads.window_id': 'windows CASCADE',
  'evaluations.service_id': 'services NO ACTION', 'evaluations.ticket_id': 'tickets NO ACTION', 'evaluations.window_id': 'windows NO ACTION',
  'no_shows.booking_id': 'bookings NO ACTION', 'no_shows.ticket_id': 'tickets NO ACTION',
  'queue_counts.queue_id': 'queues NO ACTION', 'roster.booking_id': 'bookings NO ACTION', 'roster.user_id': 'users NO ACTION', 'services.queue_id': 'queues NO ACTION', 'sms.booking_id': 'bookings NO ACTION', 'ticket_counters.queue_id': 'queues NO ACTION',
  'tickets.booking_id': 'bookings NO ACTION', 'tickets.queue_id': 'queues NO ACTION', 'tickets.service_id': 'services NO ACTION',
  'tickets.target_window_id': 'windows NO ACTION', 'tickets.window_id': 'windows NO ACTION',
  'user_windows.user_id': 'users CASCADE', 'user_windows.window_id': 'windows CASCADE',
  'window_queues.queue_id': 'queues CASCADE', 'window_queues.window_id': 'windows CASCADE',
  'windows.current_ticket_id': 'tickets NO ACTION', 'windows.staff_user_id': 'users SET NULL',
};

function hallRows(db: Database.Database) {
  db.exec(`INSERT INTO queues (id, name, prefix) VALUES ('qA', 'A', 'A');
    INSERT INTO services (id, code, name, queue_id) VALUES ('s1', 'c', 'n', 'qA');
    INSERT INTO users (id, username, name, role, password_hash) VALUES ('u1', 'staff1', '张三', 'staff', 'x');
    INSERT INTO windows (id, number, name, staff_user_id) VALUES ('w1', 1, '一号窗口', 'u1'), ('w2', 2, '二号窗口', NULL);
    INSERT INTO window_queues (window_id, queue_id, position) VALUES ('w1', 'qA', 0), ('w2', 'qA', 0);
    INSERT INTO user_windows (user_id, window_id) VALUES ('u1', 'w1'), ('u1', 'w2');
    INSERT INTO bookings (id, status, channel, service_id, date, slot, slot_start, name, id_number, phone, created_at, created_by)
      VALUES ('b1', 'checked-in', 'online', 's1', '2026-11-23', '09:00', 1, '李四', '110101199001010011', '13800000000', 1, 'device:p');
    INSERT INTO tickets (id, day, seq, number, kind, status, queue_id, service_id, booking_id, window_id, issued_at, issued_by)
      VALUES ('t1', '2026-11-23', 1, 'A001', 'reservation', 'called', 'qA', 's1', 'b1', 'w1', 1, 'device:k');
    UPDATE bookings SET ticket_id = 't1' WHERE id = 'b1';
    UPDATE windows SET current_ticket_id = 't1' WHERE id = 'w1';
    INSERT INTO no_shows (id, id_number, month, booking_id, ticket_id, at) VALUES ('n1', '110101199001010011', '2026-11', 'b1', 't1', 2);`);
}

describe('foreign keys (every reference the schema implies, enforced by openDb)', () => {
  it('every column that names a row of another table references it, with the delete action its kind of data needs', () => {
    const db = openDb(':memory:');
    const found: Record<string, string> = {};
    for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[])
      for (const fk of db.pragma(`foreign_key_list(${name})`) as { table: string; from: string; to: string; on_delete: string }[]) {
        expect(fk.to).toBe('id');
        found[`${name}.${fk.from}`] = `${fk.table} ${fk.on_delete}`;
      }
    expect(found).toEqual(FOREIGN_KEYS);
  });

  it('a row naming a missing parent is refused: a ticket of an unknown service, a booking of an unknown service, a binding to an unknown window', () => {
    const db = openDb(':memory:');
    hallRows(db);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.exec(`INSERT INTO tickets (id, day, seq, number, kind, status, queue_id, service_id, issued_at, issued_by)
      VALUES ('t2', '2026-11-23', 2, 'A002', 'walk-in', 'waiting', 'qA', 'nope', 1, 'device:k')`)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.exec(`INSERT INTO bookings (id, status, channel, service_id, date, slot, slot_start, name, id_number, phone, created_at, created_by)
      VALUES ('b2', 'booked', 'online', 'nope', '2026-11-23', '09:00', 1, '王五', '110101199001010022', '13800000001', 1, 'device:p')`)).toThrow(/FOREIGN KEY/);
    expect(() => db.exec("INSERT INTO user_windows (user_id, window_id) VALUES ('u1', 'w9')")).toThrow(/FOREIGN KEY/);
    expect(() => db.exec("UPDATE tickets SET target_window_id = 'w9' WHERE id = 't1'")).toThrow(/FOREIGN KEY/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('history keeps what it points at: deleting a referenced queue, service, window, booking or ticket fails; the catalog tombstones instead', () => {
    const db = openDb(':memory:');
    hallRows(db);
    for (const [table, id] of [['queues', 'qA'], ['services', 's1'], ['windows', 'w1'], ['bookings', 'b1'], ['tickets', 't1']])
      expect(() => db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id), table).toThrow(/FOREIGN KEY constraint failed/);
    db.exec("UPDATE services SET deleted = 1 WHERE id = 's1'; UPDATE windows SET deleted = 1 WHERE id = 'w2'");
    expect(db.prepare('SELECT t.number, s.name FROM tickets t JOIN services s ON s.id = t.service_id').all()).toEqual([{ number: 'A001', name: 'n' }]);
  });

  it('configuration goes with its parent: a deleted window takes its queue and staff bindings, a deleted user its bindings and its place at a window', () => {
    const db = openDb(':memory:');
    hallRows(db);
    db.exec("DELETE FROM windows WHERE id = 'w2'");
    expect(db.prepare("SELECT count(*) n FROM window_queues WHERE window_id = 'w2'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT window_id FROM user_windows').all()).toEqual([{ window_id: 'w1' }]);
    db.exec("DELETE FROM users WHERE id = 'u1'");
    expect(db.prepare('SELECT count(*) n FROM user_windows').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT staff_user_id FROM windows WHERE id = 'w1'").get()).toEqual({ staff_user_id: null });
  });

  it('a deleted queue or window finds its configuration rows through an index, not a scan', () => {
    const db = openDb(':memory:');
    const plan = (sql: string) => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x').map((r) => (r as { detail: string }).detail).join('\n');
    expect(plan('SELECT 1 FROM user_windows WHERE window_id = ?')).toContain('USING COVERING INDEX user_windows_by_window');
    expect(plan('SELECT 1 FROM window_queues WHERE queue_id = ?')).toContain('USING COVERING INDEX window_queues_by_queue');
    expect(plan('SELECT 1 FROM user_windows WHERE user_id = ?')).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_user_windows_1/);
  });

  it('migrate leaves the connection\'s foreign_keys setting as it found it', () => {
    const off = new Database(':memory:');
    off.pragma('foreign_keys = OFF'); // better-sqlite3's build turns them on by default
    migrate(off);
    expect(off.pragma('foreign_keys', { simple: true })).toBe(0);
    const on = new Database(':memory:');
    on.pragma('foreign_keys = ON');
    migrate(on);
    expect(on.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('a later migration may rebuild a referenced table the SQLite way (new table, copy, drop, rename): the references hold', () => {
    const db = openDb(':memory:');
    hallRows(db);
    const sql = String(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'tickets'").pluck().get())
      .replace('CREATE TABLE tickets', 'CREATE TABLE tickets_new').replace('rating           INTEGER,', 'rating INTEGER, note TEXT,');
    const rebuild = {
      version: latest() + 1, name: '002_rebuild_tickets.sql',
      sql: `${sql};
        INSERT INTO tickets_new SELECT id, day, seq, number, kind, status, queue_id, service_id, booking_id, window_id, target_window_id,
          slot_start, checked_in_at, issued_at, called_at, started_at, finished_at, recalls, close_reason, rating, NULL, issued_by, staff_id FROM tickets;
        DROP TABLE tickets;
        ALTER TABLE tickets_new RENAME TO tickets;`,
    };
    expect(migrate(db, [...loadMigrations(), rebuild])).toBe(latest() + 1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare("SELECT b.ticket_id, n.ticket_id n, w.current_ticket_id w FROM bookings b, no_shows n, windows w WHERE w.id = 'w1'").get())
      .toEqual({ ticket_id: 't1', n: 't1', w: 't1' });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.prepare("DELETE FROM tickets WHERE id = 't1'").run()).toThrow(/FOREIGN KEY/);
  });

  it('a migration that leaves a dangling reference rolls back entirely', () => {
    const db = openDb(':memory:');
    hallRows(db);
    const bad = { version: latest() + 1, name: '002_bad.sql', sql: "CREATE TABLE half (x INTEGER); DELETE FROM services WHERE id = 's1';" };
    expect(() => migrate(db, [...loadMigrations(), bad])).toThrow(/002_bad.sql leaves 2 row\(s\) with a dangling foreign key/);
    expect(db.pragma('user_version', { simple: true })).toBe(latest());
    expect(db.prepare("SELECT count(*) n FROM services WHERE id = 's1'").get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT count(*) n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
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

/** 007_changes.sql: the sms table learns 'rescheduled' (told each time), keeps its rows and its once-per-kind rule for the rest. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../server/db/migrate.js';

describe('007_changes.sql', () => {
  it('keeps the messages already queued; one confirmed per booking still; rescheduled as often as the booking moves', () => {
    const db = new Database(':memory:');
    const all = loadMigrations();
    const v7 = all.findIndex((m) => m.name === '007_changes.sql');
    migrate(db, all.slice(0, v7));
    db.exec(`INSERT INTO queues (id, name, prefix) VALUES ('q1', '综合', 'A');
      INSERT INTO services (id, code, name, queue_id) VALUES ('s1', 'ZH-1', '证照打印', 'q1');
      INSERT INTO bookings (id, status, channel, service_id, date, slot, slot_start, name, id_number, phone, created_at, created_by)
        VALUES ('b1', 'booked', 'phone', 's1', '2026-11-24', '09:30', 0, '张三', '610102198503120011', '13900000000', 0, 'test')`);
    const ins = db.prepare(`INSERT OR IGNORE INTO sms (id, booking_id, kind, day, phone, text, params, status, next_at, created_at)
      VALUES (?, 'b1', ?, '2026-11-23', '13900000000', 't', '{}', 'pending', 0, 0)`);
    ins.run('m1', 'confirmed');
    expect(ins.run('m0', 'rescheduled').changes).toBe(0); // the old CHECK (OR IGNORE drops the row)
    migrate(db, all.slice(0, v7 + 1));
    expect(db.prepare('SELECT id, kind FROM sms').all()).toEqual([{ id: 'm1', kind: 'confirmed' }]);
    expect(ins.run('m2', 'confirmed').changes).toBe(0);
    expect(ins.run('m3', 'rescheduled').changes).toBe(1);
    expect(ins.run('m4', 'rescheduled').changes).toBe(1);
  });
});

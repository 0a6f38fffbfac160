/** The platform outbox, its delivery state, and the SMS outbox (003_platform.sql). */
import type { Db } from '../open.js';

export interface OutboxRow { seq: number; at: number; type: string; subject: string | null; data: string }
export interface PlatformStateRow { delivered_seq: number; rewinds: number; last_error: string | null; last_attempt_at: number | null }

export function outboxRepo(db: Db) {
  const append = db.prepare('INSERT INTO outbox (at, type, subject, data) VALUES (?, ?, ?, ?)');
  const after = db.prepare<[number, number], OutboxRow>('SELECT * FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?');
  const pending = db.prepare<[number], { n: number }>('SELECT count(*) n FROM outbox WHERE seq > ?');
  const first = db.prepare<[], { seq: number | null }>('SELECT min(seq) seq FROM outbox');
  // never the newest row: INTEGER PRIMARY KEY without AUTOINCREMENT would hand its seq out again
  const prune = db.prepare(
    `DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox WHERE seq <= ? AND at < ? AND seq < (SELECT max(seq) FROM outbox)
     ORDER BY seq LIMIT ?)`);
  const state = db.prepare<[], PlatformStateRow>('SELECT delivered_seq, rewinds, last_error, last_attempt_at FROM platform_state WHERE id = 1');
  const delivered = db.prepare('UPDATE platform_state SET delivered_seq = ?, last_error = NULL, last_attempt_at = ? WHERE id = 1 AND delivered_seq = ?');
  const failed = db.prepare('UPDATE platform_state SET last_error = ?, last_attempt_at = ? WHERE id = 1');
  const rewind = db.prepare('UPDATE platform_state SET delivered_seq = ?, rewinds = rewinds + 1 WHERE id = 1');
  return {
    append: (at: number, type: string, subject: string | null, data: object) => append.run(at, type, subject, JSON.stringify(data)),
    after: (seq: number, limit: number) => after.all(seq, limit),
    countAfter: (seq: number) => pending.get(seq)!.n,
    firstSeq: () => first.get()!.seq,
    /** deletes at most `limit` rows with seq ≤ `upTo` written before `before`; answers how many */
    prune: (upTo: number, before: number, limit: number): number => prune.run(upTo, before, limit).changes,
    state: () => state.get()!,
    /** moves the cursor from `from` to `to`; false when it moved meanwhile (a resend), so the resend wins */
    delivered: (from: number, to: number, at: number) => delivered.run(to, at, from).changes === 1,
    failed: (error: string, at: number) => failed.run(error, at),
    rewind: (to: number) => rewind.run(to),
  };
}

export type SmsKind = 'confirmed' | 'reminder' | 'forfeited' | 'cancelled' | 'rescheduled';
export interface SmsRow {
  id: string; booking_id: string; kind: SmsKind; day: string; phone: string; text: string; params: string;
  status: 'pending' | 'sent'; attempts: number; next_at: number; created_at: number; sent_at: number | null;
  provider: string | null; last_error: string | null;
}

export function smsRepo(db: Db) {
  // one message of each kind per booking: a second reminder run adds nothing
  const insert = db.prepare(
    `INSERT OR IGNORE INTO sms (id, booking_id, kind, day, phone, text, params, status, next_at, created_at)
     VALUES (@id, @booking_id, @kind, @day, @phone, @text, @params, 'pending', @next_at, @created_at)`);
  const due = db.prepare<[number, number], SmsRow>("SELECT * FROM sms WHERE status = 'pending' AND next_at <= ? ORDER BY next_at LIMIT ?");
  const sent = db.prepare("UPDATE sms SET status = 'sent', sent_at = ?, provider = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?");
  const retry = db.prepare('UPDATE sms SET attempts = attempts + 1, next_at = ?, last_error = ?, provider = ? WHERE id = ?');
  const ofDay = db.prepare<[string], SmsRow>('SELECT * FROM sms WHERE day = ? ORDER BY created_at, id');
  const has = db.prepare<[string, string], { n: number }>('SELECT count(*) n FROM sms WHERE booking_id = ? AND kind = ?');
  // 138****5678, as protocol/identity.ts maskPhone; a row already masked (it holds a '*') is left alone
  const redact = db.prepare(
    `UPDATE sms SET phone = CASE WHEN length(phone) < 7 THEN substr('**********', 1, length(phone))
       ELSE substr(phone, 1, 3) || substr('**********', 1, length(phone) - 7) || substr(phone, -4) END
     WHERE status = 'sent' AND sent_at < ? AND instr(phone, '*') = 0`);
  return {
    insert: (r: Pick<SmsRow, 'id' | 'booking_id' | 'kind' | 'day' | 'phone' | 'text' | 'params' | 'next_at' | 'created_at'>) => insert.run(r).changes === 1,
    due: (now: number, limit: number) => due.all(now, limit),
    sent: (id: string, at: number, provider: string) => sent.run(at, provider, id),
    retry: (id: string, nextAt: number, error: string, provider: string) => retry.run(nextAt, error, provider, id),
    ofDay: (day: string) => ofDay.all(day),
    has: (bookingId: string, kind: SmsKind) => has.get(bookingId, kind)!.n > 0,
    /** masks the phone number of every message sent before `cutoff` (the number is no longer needed); how many rows */
    redactSentBefore: (cutoff: number) => redact.run(cutoff).changes,
  };
}

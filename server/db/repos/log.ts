/** The append-only event log, the idempotency store and settings. */
import type { Db } from '../open.js';

export interface EventRow { seq: number; at: number; type: string; actor: string; subject: string | null; data: string }

export function eventsRepo(db: Db) {
  const append = db.prepare('INSERT INTO events (at, type, actor, subject, data) VALUES (?, ?, ?, ?, ?)');
  const since = db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
  const ofType = db.prepare<[string, number, number], EventRow>('SELECT * FROM events WHERE type = ? AND at >= ? AND at < ? ORDER BY seq');
  // the audit log, newest first, optionally one actor's and/or one type's (both null = everything)
  const audit = db.prepare<{ actor: string | null; type: string | null; before: number; limit: number }, EventRow>(
    `SELECT * FROM events WHERE seq < @before AND (@actor IS NULL OR actor = @actor) AND (@type IS NULL OR type = @type)
     ORDER BY seq DESC LIMIT @limit`);
  const calls = db.prepare<[number, number], EventRow>(
    "SELECT * FROM events WHERE type = 'ticket.called' AND at >= ? ORDER BY at DESC, seq DESC LIMIT ?");
  return {
    /** `data` must hold no personal data in clear: the log feeds statistics and the platform outbox */
    append: (at: number, type: string, actor: string, subject: string | null, data: object) =>
      append.run(at, type, actor, subject, JSON.stringify(data)),
    since: (seq: number, limit = 1000) => since.all(seq, limit),
    ofType: (type: string, from: number, to: number) => ofType.all(type, from, to),
    audit: (q: { actor: string | null; type: string | null; before: number; limit: number }) => audit.all(q),
    /** the latest calls (first calls and recalls) since `from`, newest first */
    recentCalls: (from: number, limit: number) => calls.all(from, limit),
  };
}

export function idempotencyRepo(db: Db) {
  const get = db.prepare<[string, string], { response: string }>('SELECT response FROM idempotency WHERE scope = ? AND request_id = ?');
  const put = db.prepare('INSERT INTO idempotency (scope, request_id, response, created_at) VALUES (?, ?, ?, ?)');
  const prune = db.prepare('DELETE FROM idempotency WHERE created_at < ?');
  return {
    get: (scope: string, requestId: string): unknown | undefined => {
      const r = get.get(scope, requestId);
      return r ? JSON.parse(r.response) : undefined;
    },
    put: (scope: string, requestId: string, response: unknown, at: number) => put.run(scope, requestId, JSON.stringify(response), at),
    /** deletes the answers first given before `before`; answers how many */
    prune: (before: number): number => prune.run(before).changes,
  };
}

export function settingsRepo(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const del = db.prepare('DELETE FROM settings WHERE key = ?');
  // keys starting with a prefix: `substr` rather than LIKE, so a '_' or '%' in the prefix means itself
  const withPrefix = db.prepare<[string, string], { key: string; value: string }>(
    'SELECT key, value FROM settings WHERE substr(key, 1, length(?)) = ? ORDER BY key');
  return {
    get: (key: string) => get.get(key)?.value,
    put: (key: string, value: string) => put.run(key, value),
    delete: (key: string) => del.run(key).changes > 0,
    /** every row whose key starts with `prefix` */
    withPrefix: (prefix: string) => withPrefix.all(prefix, prefix),
  };
}

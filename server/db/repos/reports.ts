/**
 * The reads of a report (CONTRACT.md "Reports"): a period's tickets, transfers, bookings and ratings,
 * each through an index keyed by day or time, so a day's report costs the same whatever the history
 * (test/db/indexes.test.ts-style plans in test/hall/reports.test.ts). Rows come back as arrays
 * (`raw`): a year of a busy hall is a million rows, and objects per row cost more than the rest.
 */
import type { Db } from '../open.js';

/** [day, issued_at, called_at, started_at, finished_at, status, close_reason, queue_id, service_id, window_id, staff_id, id, channel] */
export type ReportTicketRow = [string, number, number | null, number | null, number | null, string, string | null,
  string, string, string | null, string | null, string, string | null];
/** [channel, status, created_at, slot_start, checked_in_at, cancelled_by] */
export type ReportBookingRow = [string, string, number, number, number | null, string | null, string];

export function reportsRepo(db: Db) {
  // UNIQUE (day, number) finds the period's tickets; the booking by its primary key
  const tickets = db.prepare<[string, string]>(
    `SELECT t.day, t.issued_at, t.called_at, t.started_at, t.finished_at, t.status, t.close_reason, t.queue_id, t.service_id,
            t.window_id, t.staff_id, t.id, b.channel
       FROM tickets t LEFT JOIN bookings b ON b.id = t.booking_id
      WHERE t.day BETWEEN ? AND ?`).raw();
  // the partial index events_transfers (004_reports.sql): only transfers
  const transfers = db.prepare<[number, number]>(
    "SELECT subject FROM events WHERE type = 'ticket.transferred' AND at >= ? AND at < ?").pluck();
  const bookings = db.prepare<[string, string]>(
    'SELECT channel, status, created_at, slot_start, checked_in_at, cancelled_by, kind FROM bookings WHERE date BETWEEN ? AND ?').raw();
  const ratings = db.prepare<[string, string], { level: number; window_id: string | null }>(
    'SELECT level, window_id FROM evaluations WHERE day BETWEEN ? AND ?');
  // the whole hall's ratings: counted in the covering index evaluations_by_day (day, level)
  const ratingCounts = db.prepare<[string, string], { level: number; n: number }>(
    'SELECT level, count(*) n FROM evaluations WHERE day BETWEEN ? AND ? GROUP BY level');
  // the stored day summaries (report_days), by their primary key (grouping, day, key)
  const summarized = db.prepare<[string, string, number]>(
    "SELECT day FROM report_days WHERE grouping = 'day' AND day BETWEEN ? AND ? AND target = ?").pluck();
  const summaries = db.prepare<[string, string, string]>(
    'SELECT day, key, value FROM report_days WHERE grouping = ? AND day BETWEEN ? AND ?').raw();
  const putSummary = db.prepare<[string, string, string, number, string]>(
    'INSERT OR REPLACE INTO report_days (grouping, day, key, target, value) VALUES (?, ?, ?, ?, ?)');
  const dropSummary = db.prepare<[string]>('DELETE FROM report_days WHERE day = ?');
  // names of every row a history may point at, deleted ones too
  const names = db.prepare<[], { kind: string; id: string; name: string }>(
    `SELECT 'service' kind, id, name FROM services UNION ALL SELECT 'queue', id, name FROM queues
     UNION ALL SELECT 'window', id, number || '号窗口 ' || name FROM windows UNION ALL SELECT 'staff', id, name FROM users`);
  // today's running figures: the day's tickets through UNIQUE (day, number), a few thousand at most
  const live = db.prepare<[string], { waiting: number | null; oldest: number | null; served: number | null }>(
    `SELECT sum(status = 'waiting') waiting, min(CASE WHEN status = 'waiting' THEN issued_at END) oldest, sum(status = 'done') served
       FROM tickets WHERE day = ?`);
  const windowStates = db.prepare<[], { status: string; n: number }>('SELECT status, count(*) n FROM windows WHERE deleted = 0 GROUP BY status');
  return {
    live: (day: string) => live.get(day)!,
    windowStates: () => windowStates.all(),
    tickets: (from: string, to: string) => tickets.iterate(from, to) as IterableIterator<ReportTicketRow>,
    transfers: (fromMs: number, toMs: number) => transfers.all(fromMs, toMs) as string[],
    bookings: (from: string, to: string) => bookings.all(from, to) as ReportBookingRow[],
    ratings: (from: string, to: string) => ratings.all(from, to),
    ratingCounts: (from: string, to: string) => ratingCounts.all(from, to),
    names: () => names.all(),
    /** the days of [from, to] summarized with this wait target */
    summarizedDays: (from: string, to: string, target: number) => new Set(summarized.all(from, to, target) as string[]),
    /** [day, key, value] of one grouping's stored summaries */
    summaries: (grouping: string, from: string, to: string) => summaries.all(grouping, from, to) as [string, string, string][],
    /** replaces a day's summary rows */
    putDay: (day: string, target: number, rows: [grouping: string, key: string, value: string][]) => {
      dropSummary.run(day);
      for (const [g, k, v] of rows) putSummary.run(g, day, k, target, v);
    },
  };
}

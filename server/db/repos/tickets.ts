/** Tickets, their daily counters and the per-queue waiting counts. */
import type { Db } from '../open.js';
import type { TicketKind, TicketStatus } from '../../../protocol/domain.js';
import type { Candidate } from '../../../protocol/rules/calling.js';

export interface TicketRow {
  id: string; day: string; seq: number; number: string; kind: TicketKind; status: TicketStatus; queue_id: string; service_id: string;
  booking_id: string | null; window_id: string | null; target_window_id: string | null; slot_start: number | null;
  checked_in_at: number | null; issued_at: number; called_at: number | null; started_at: number | null; finished_at: number | null;
  recalls: number; close_reason: string | null; rating: number | null; issued_by: string;
  /** who served it: the user at its window when it was called (004_reports.sql) */
  staff_id: string | null;
}


export const toCandidate = (r: TicketRow): Candidate => ({
  id: r.id, kind: r.kind, queueId: r.queue_id, issuedAt: r.issued_at, slotStart: r.slot_start, checkedInAt: r.checked_in_at,
  targetWindowId: r.target_window_id, seq: r.seq,
});

/**
 * The queries whose cost must not grow with the line or the history, each answered from one partial
 * index (test/db/indexes.test.ts reads their plans).
 */
export const INDEXED = {
  // call-next: the head of each partial index, one seek, no sort
  walkinHead: `SELECT * FROM tickets WHERE status = 'waiting' AND kind = 'walk-in' AND target_window_id IS NULL AND queue_id = ?
     ORDER BY issued_at, seq, id LIMIT 1`,
  reservationHead: `SELECT * FROM tickets WHERE status = 'waiting' AND kind = 'reservation' AND target_window_id IS NULL AND queue_id = ?
     ORDER BY slot_start, checked_in_at, seq, id LIMIT 1`,
  transferHead: `SELECT * FROM tickets WHERE status = 'waiting' AND target_window_id = ? ORDER BY issued_at, seq, id LIMIT 1`,
  // the day-end close: waiting tickets through the head indexes (walk-ins by a range of issued_at, the
  // few reservations and transfers by a scan of their own index), called and serving through
  // tickets_active; no index holds every open ticket, so issuing one writes no extra page. `+day` keeps
  // the planner off UNIQUE (day, number), which would walk every ticket of every earlier day
  waitingWalkinsBefore: `SELECT * FROM tickets WHERE status = 'waiting' AND kind = 'walk-in' AND target_window_id IS NULL AND queue_id = ?
     AND issued_at < ? AND +day < ?`,
  waitingReservationsBefore:
    `SELECT * FROM tickets WHERE status = 'waiting' AND kind = 'reservation' AND target_window_id IS NULL AND queue_id = ? AND +day < ?`,
  waitingTransfersBefore: `SELECT * FROM tickets WHERE status = 'waiting' AND target_window_id IS NOT NULL AND +day < ?`,
  activeUpTo: `SELECT * FROM tickets WHERE status IN ('called', 'serving') AND day <= ?`,
} as const;

export function ticketsRepo(db: Db) {
  const bump = db.prepare<[string, string], { last_seq: number }>(
    `INSERT INTO ticket_counters (day, queue_id, last_seq) VALUES (?, ?, 1)
     ON CONFLICT (day, queue_id) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`);
  const insert = db.prepare(
    `INSERT INTO tickets (id, day, seq, number, kind, status, queue_id, service_id, booking_id, slot_start, checked_in_at, issued_at, issued_by)
     VALUES (@id, @day, @seq, @number, @kind, 'waiting', @queue_id, @service_id, @booking_id, @slot_start, @checked_in_at, @issued_at, @issued_by)`);
  const get = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE id = ?');
  const save = db.prepare(
    `UPDATE tickets SET status = @status, queue_id = @queue_id, window_id = @window_id, target_window_id = @target_window_id,
       called_at = @called_at, started_at = @started_at, finished_at = @finished_at, recalls = @recalls, close_reason = @close_reason,
       rating = @rating, staff_id = @staff_id WHERE id = @id`);
  // heads of the partial indexes: one row each, whatever the length of the line
  const walkinHead = db.prepare<[string], TicketRow>(INDEXED.walkinHead);
  const reservationHead = db.prepare<[string], TicketRow>(INDEXED.reservationHead);
  const transferHead = db.prepare<[string], TicketRow>(INDEXED.transferHead);
  const counts = db.prepare<[], { queue_id: string; waiting: number; reservations_waiting: number }>('SELECT * FROM queue_counts');
  const count = db.prepare<[string], { waiting: number; reservations_waiting: number }>(
    'SELECT waiting, reservations_waiting FROM queue_counts WHERE queue_id = ?');
  const waitingWalkinsBefore = db.prepare<[string, number, string], TicketRow>(INDEXED.waitingWalkinsBefore);
  const waitingReservationsBefore = db.prepare<[string, string], TicketRow>(INDEXED.waitingReservationsBefore);
  const waitingTransfersBefore = db.prepare<[string], TicketRow>(INDEXED.waitingTransfersBefore);
  const activeUpTo = db.prepare<[string], TicketRow>(INDEXED.activeUpTo);
  const ofDay = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE day = ?');
  // read only for a service with a daily cap: the day's tickets through UNIQUE (day, number), no new index
  const ofServiceOnDay = db.prepare<[string, string], { n: number }>('SELECT count(*) n FROM tickets WHERE day = ? AND service_id = ?');
  const lastStamp = db.prepare<[string], { issued: number | null; called: number | null }>(
    'SELECT MAX(issued_at) AS issued, MAX(called_at) AS called FROM tickets WHERE day = ?');
  const lastDone = db.prepare<[string], TicketRow>(
    `SELECT * FROM tickets WHERE window_id = ? AND status = 'done' ORDER BY finished_at DESC LIMIT 1`);
  return {
    nextSeq: (day: string, queueId: string) => bump.get(day, queueId)!.last_seq,
    insert: (r: Pick<TicketRow, 'id' | 'day' | 'seq' | 'number' | 'kind' | 'queue_id' | 'service_id' | 'booking_id' | 'slot_start' | 'checked_in_at' | 'issued_at' | 'issued_by'>) =>
      insert.run(r),
    get: (id: string) => get.get(id),
    save: (r: TicketRow) => save.run(r),
    walkinHead: (queueId: string) => walkinHead.get(queueId),
    reservationHead: (queueId: string) => reservationHead.get(queueId),
    transferHead: (windowId: string) => transferHead.get(windowId),
    counts: () => counts.all(),
    count: (queueId: string) => count.get(queueId) ?? { waiting: 0, reservations_waiting: 0 },
    /** waiting tickets of days before `day` (which starts at `dayStart`), in the queues that have any waiting */
    waitingBefore: (day: string, dayStart: number, queueIds: string[]): TicketRow[] => [
      ...queueIds.flatMap((q) => [...waitingWalkinsBefore.all(q, dayStart, day), ...waitingReservationsBefore.all(q, day)]),
      ...waitingTransfersBefore.all(day),
    ],
    /** every waiting ticket (the hall's line is built from them at start), through the same indexes */
    allWaiting(): TicketRow[] {
      const queueIds = counts.all().map((c) => c.queue_id);
      return [
        ...queueIds.flatMap((q) => [...waitingWalkinsBefore.all(q, Number.MAX_SAFE_INTEGER, '9999-12-31'), ...waitingReservationsBefore.all(q, '9999-12-31')]),
        ...waitingTransfersBefore.all('9999-12-31'),
      ];
    },
    /** called and serving tickets of `day` and the days before it */
    activeUpTo: (day: string) => activeUpTo.all(day),
    ofDay: (day: string) => ofDay.all(day),
    /** how many tickets of a service were issued on `day` (the daily cap, engine/daily-cap.ts) */
    issuedOfService: (day: string, serviceId: string) => ofServiceOnDay.get(day, serviceId)!.n,
    lastDoneAt: (windowId: string) => lastDone.get(windowId),
    /** the latest issue or call time of `day`'s tickets (read once a day by hall/stamps.ts), or null */
    lastStampOf(day: string): number | null {
      const r = lastStamp.get(day);
      const m = Math.max(r?.issued ?? -Infinity, r?.called ?? -Infinity);
      return Number.isFinite(m) ? m : null;
    },
  };
}

/**
 * Booking changes (改期 requests, table booking_changes of 006_booking_desk.sql), the visits list and
 * the long services of a period (issue 19). Rows in clear: the hall's read models mask what leaves.
 */
import type { Db } from '../open.js';
import type { BookingChangeStatus } from '../../../protocol/booking-changes.js';
import type { BookingRow } from './bookings.js';
import { HOLDS_PLACE } from '../../../protocol/rules/bookings.js';

export interface BookingChangeRow {
  id: string; booking_id: string; from_date: string; from_slot: string; to_date: string; to_slot: string; reason: string;
  status: BookingChangeStatus; requested_at: number; requested_by: string; decided_at: number | null; decided_by: string | null;
  decision_note: string | null;
}

export interface LongServiceRow {
  id: string; code: string | null; date: string; kind: 'window' | 'visit'; service_from: number; service_to: number; ticket_number: string | null;
}

const HOLDING = `(${HOLDS_PLACE.map((st) => `'${st}'`).join(', ')})`;

export function bookingChangesRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO booking_changes (id, booking_id, from_date, from_slot, to_date, to_slot, reason, status, requested_at, requested_by)
     VALUES (@id, @booking_id, @from_date, @from_slot, @to_date, @to_slot, @reason, 'pending', @requested_at, @requested_by)`);
  const get = db.prepare<[string], BookingChangeRow>('SELECT * FROM booking_changes WHERE id = ?');
  const pendingOf = db.prepare<[string], BookingChangeRow>(
    "SELECT * FROM booking_changes WHERE booking_id = ? AND status = 'pending' LIMIT 1");
  const byStatus = db.prepare<[string], BookingChangeRow>('SELECT * FROM booking_changes WHERE status = ? ORDER BY requested_at, id LIMIT 500');
  const recent = db.prepare<[], BookingChangeRow>('SELECT * FROM booking_changes ORDER BY requested_at DESC, id LIMIT 500');
  const ofBooking = db.prepare<[string], BookingChangeRow>('SELECT * FROM booking_changes WHERE booking_id = ? ORDER BY requested_at, id');
  const decide = db.prepare(
    "UPDATE booking_changes SET status = @status, decided_at = @at, decided_by = @by, decision_note = @note WHERE id = @id AND status = 'pending'");
  // a window slot's places held by other bookings (visits take none)
  const inSlotBut = db.prepare<[string, string, string, string], { n: number }>(
    `SELECT count(*) n FROM bookings WHERE service_id = ? AND date = ? AND slot = ? AND id <> ? AND kind = 'window' AND status IN ${HOLDING}`);
  const visits = db.prepare<[string, string], BookingRow>(
    "SELECT * FROM bookings WHERE kind = 'visit' AND date BETWEEN ? AND ? ORDER BY date, slot, created_at");
  const visitsOf = db.prepare<[string, string, string], BookingRow>(
    "SELECT * FROM bookings WHERE kind = 'visit' AND assignee_id = ? AND date BETWEEN ? AND ? ORDER BY date, slot, created_at");
  const long = db.prepare<[string, string, number], LongServiceRow>(
    `SELECT b.id, b.code, b.date, b.kind, b.service_from, b.service_to, t.number ticket_number
       FROM bookings b LEFT JOIN tickets t ON t.id = b.ticket_id
      WHERE b.date BETWEEN ? AND ? AND b.service_from IS NOT NULL AND b.service_to IS NOT NULL AND b.service_to - b.service_from > ?
      ORDER BY b.date, b.slot, b.id`);
  return {
    insert: (r: Pick<BookingChangeRow, 'id' | 'booking_id' | 'from_date' | 'from_slot' | 'to_date' | 'to_slot' | 'reason' | 'requested_at' | 'requested_by'>) =>
      insert.run(r),
    get: (id: string) => get.get(id),
    /** the booking's pending request, if any (one at a time) */
    pendingOf: (bookingId: string) => pendingOf.get(bookingId),
    /** by status, oldest first; without a status the newest 500 */
    list: (status?: BookingChangeStatus) => (status ? byStatus.all(status) : recent.all()),
    ofBooking: (bookingId: string) => ofBooking.all(bookingId),
    /** true when the request was still pending (and is now decided) */
    decide: (d: { id: string; status: Exclude<BookingChangeStatus, 'pending'>; at: number; by: string; note: string | null }) => decide.run(d).changes === 1,
    countInSlotExcept: (serviceId: string, date: string, slot: string, bookingId: string) => inSlotBut.get(serviceId, date, slot, bookingId)!.n,
    visits: (from: string, to: string, assigneeId?: string) => (assigneeId ? visitsOf.all(assigneeId, from, to) : visits.all(from, to)),
    /** bookings of [from, to] whose recorded service lasted longer than `overMs` */
    longServices: (from: string, to: string, overMs: number) => long.all(from, to, overMs),
  };
}

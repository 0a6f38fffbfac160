/** The booking desk's tables and reads (issue 19): calls about a booking (booking_contacts), a window's candidate bookings, a booking's log entries. */
import type { Db } from '../open.js';
import type { ContactOutcome, ContactPurpose } from '../../../protocol/desk.js';
import type { BookingRow } from './bookings.js';
import type { EventRow } from './log.js';

/** a row of booking_contacts (migration 006); `note` may hold personal data: it never goes into the event log */
export interface ContactRow {
  id: string; booking_id: string; purpose: ContactPurpose; outcome: ContactOutcome; note: string | null; at: number; by: string;
}

export function bookingContactsRepo(db: Db) {
  const insert = db.prepare('INSERT INTO booking_contacts (id, booking_id, purpose, outcome, note, at, by) VALUES (@id, @booking_id, @purpose, @outcome, @note, @at, @by)');
  const ofBooking = db.prepare<[string], ContactRow>('SELECT * FROM booking_contacts WHERE booking_id = ? ORDER BY at, id');
  const ofBookings = db.prepare<[string], ContactRow>(
    'SELECT * FROM booking_contacts WHERE booking_id IN (SELECT value FROM json_each(?)) ORDER BY at, id');
  // window bookings between two dates that may be on a desk list (open, or a no-show to follow up)
  const candidates = db.prepare<[string, string], BookingRow>(
    `SELECT * FROM bookings WHERE date BETWEEN ? AND ? AND kind = 'window' AND status IN ('booked', 'checked-in', 'forfeited')
     ORDER BY slot_start, created_at`);
  // no index on events.subject: a booking's history is read by a person, one booking at a time
  const eventsOf = db.prepare<[string], EventRow>('SELECT * FROM events WHERE subject = ? ORDER BY seq');
  return {
    insert: (r: ContactRow) => insert.run(r),
    /** a booking's calls, oldest first */
    ofBooking: (bookingId: string) => ofBooking.all(bookingId),
    /** the calls about any of `ids`, oldest first */
    ofBookings: (ids: readonly string[]) => (ids.length ? ofBookings.all(JSON.stringify(ids)) : []),
    deskCandidates: (from: string, to: string) => candidates.all(from, to),
    /** the event-log entries about a booking (subject = its id), oldest first */
    eventsOf: (bookingId: string) => eventsOf.all(bookingId),
  };
}

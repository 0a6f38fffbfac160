/** Bookings (预约) from every channel, and the no-shows that make up a person's monthly credit. */
import type { Db } from '../open.js';
import type { BookingChannel, BookingKind, BookingStatus } from '../../../protocol/domain.js';
import { HOLDS_PLACE } from '../../../protocol/rules/bookings.js';

export interface BookingRow {
  id: string; status: BookingStatus; channel: BookingChannel; service_id: string; date: string; slot: string; slot_start: number;
  name: string; id_number: string; phone: string; ticket_id: string | null; created_at: number; created_by: string;
  checked_in_at: number | null; cancelled_at: number | null; cancelled_by: string | null; cancel_reason: string | null;
  forfeited_at: number | null;
  /** the booking code (issue 17); null only for a booking closed before codes existed */
  code: string | null;
  /** issue 19 (migration 006): 上门办, 登记表, 派单/签收, 办理情况 */
  kind: BookingKind; address: string | null; assignee_id: string | null; unit: string | null; recorded_by: string | null;
  dispatch_window_id: string | null; dispatched_at: number | null; dispatched_by: string | null; signed_at: number | null; signed_by: string | null;
  service_done: 0 | 1 | null; service_from: number | null; service_to: number | null; service_by: string | null;
  /** JSON array of names (承办人1/2) */
  service_handlers: string | null; service_notes: string | null;
}

/** rows are returned in clear: the hall's read model (server/hall/booking-view.ts) masks what leaves it */
const HOLDING = `(${HOLDS_PLACE.map((st) => `'${st}'`).join(', ')})`;

export function bookingsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO bookings (id, status, channel, service_id, date, slot, slot_start, name, id_number, phone, created_at, created_by, code,
       kind, address, assignee_id, unit, recorded_by)
     VALUES (@id, 'booked', @channel, @service_id, @date, @slot, @slot_start, @name, @id_number, @phone, @created_at, @created_by, @code,
       @kind, @address, @assignee_id, @unit, @recorded_by)`);
  const get = db.prepare<[string], BookingRow>('SELECT * FROM bookings WHERE id = ?');
  // the partial unique index bookings_open_code answers both
  const byCode = db.prepare<[string], BookingRow>("SELECT * FROM bookings WHERE code = ? AND status IN ('booked', 'checked-in')");
  const ofDateBooked = db.prepare<[string], BookingRow>("SELECT * FROM bookings WHERE date = ? AND status = 'booked' ORDER BY slot");
  const save = db.prepare(
    `UPDATE bookings SET status = @status, ticket_id = @ticket_id, checked_in_at = @checked_in_at, cancelled_at = @cancelled_at,
       cancelled_by = @cancelled_by, cancel_reason = @cancel_reason, forfeited_at = @forfeited_at,
       date = @date, slot = @slot, slot_start = @slot_start, assignee_id = @assignee_id, address = @address, unit = @unit,
       dispatch_window_id = @dispatch_window_id, dispatched_at = @dispatched_at, dispatched_by = @dispatched_by,
       signed_at = @signed_at, signed_by = @signed_by, service_done = @service_done, service_from = @service_from,
       service_to = @service_to, service_by = @service_by, service_handlers = @service_handlers, service_notes = @service_notes
     WHERE id = @id`);
  const inSlot = db.prepare<[string, string, string], { n: number }>(
    `SELECT count(*) n FROM bookings WHERE service_id = ? AND date = ? AND slot = ? AND kind = 'window' AND status IN ${HOLDING}`);
  const slotCounts = db.prepare<[string, string], { slot: string; n: number }>(
    `SELECT slot, count(*) n FROM bookings WHERE service_id = ? AND date = ? AND kind = 'window' AND status IN ${HOLDING} GROUP BY slot`);
  const personDay = db.prepare<[string, string], BookingRow>(
    'SELECT * FROM bookings WHERE id_number = ? AND date = ? ORDER BY slot_start');
  const ofDate = db.prepare<[string], BookingRow>('SELECT * FROM bookings WHERE date = ? ORDER BY slot, created_at');
  const due = db.prepare<[number], BookingRow>("SELECT * FROM bookings WHERE status = 'booked' AND kind = 'window' AND slot_start <= ?");
  const personNext = db.prepare<[string, string], BookingRow>(
    `SELECT * FROM bookings WHERE id_number = ? AND date > ? AND status = 'booked' ORDER BY slot_start LIMIT 1`);
  return {
    insert: (r: Pick<BookingRow, 'id' | 'channel' | 'service_id' | 'date' | 'slot' | 'slot_start' | 'name' | 'id_number' | 'phone' | 'created_at' | 'created_by' | 'code'>
      & Partial<Pick<BookingRow, 'kind' | 'address' | 'assignee_id' | 'unit' | 'recorded_by'>>) =>
      insert.run({ kind: 'window', address: null, assignee_id: null, unit: null, recorded_by: null, ...r }),
    get: (id: string) => get.get(id),
    /** the open booking (booked or checked-in) holding `code` */
    byOpenCode: (code: string) => byCode.get(code),
    /** a day's bookings still waiting for their citizen (the SMS reminder) */
    bookedOn: (date: string) => ofDateBooked.all(date),
    save: (r: BookingRow) => save.run(r),
    countInSlot: (serviceId: string, date: string, slot: string) => inSlot.get(serviceId, date, slot)!.n,
    slotCounts: (serviceId: string, date: string) => new Map(slotCounts.all(serviceId, date).map((r) => [r.slot, r.n])),
    ofPersonOnDay: (idNumber: string, date: string) => personDay.all(idNumber, date),
    nextOfPersonAfter: (idNumber: string, date: string) => personNext.get(idNumber, date),
    ofDate: (date: string) => ofDate.all(date),
    /** bookings still waiting for their citizen whose slot started at or before `slotStartMax` (visits are never forfeited by the timer) */
    dueForForfeit: (slotStartMax: number) => due.all(slotStartMax),
  };
}

export function noShowsRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO no_shows (id, id_number, month, booking_id, ticket_id, at) VALUES (@id, @id_number, @month, @booking_id, @ticket_id, @at)');
  const count = db.prepare<[string, string], { n: number }>(
    'SELECT count(*) n FROM no_shows WHERE id_number = ? AND month = ? AND pardoned_at IS NULL');
  const pardon = db.prepare(
    'UPDATE no_shows SET pardoned_at = @at, pardoned_by = @by, pardon_reason = @reason WHERE id_number = @idNumber AND month = @month AND pardoned_at IS NULL');
  const barred = db.prepare<[string, number], { id_number: string; n: number }>(
    'SELECT id_number, count(*) n FROM no_shows WHERE month = ? AND pardoned_at IS NULL GROUP BY id_number HAVING n >= ? ORDER BY n DESC, id_number');
  return {
    insert: (r: { id: string; id_number: string; month: string; booking_id: string | null; ticket_id: string | null; at: number }) => insert.run(r),
    /** people with at least `limit` unpardoned no-shows in `month` */
    barredInMonth: (month: string, limit: number) => barred.all(month, limit),
    countInMonth: (idNumber: string, month: string) => count.get(idNumber, month)!.n,
    pardonMonth: (p: { idNumber: string; month: string; at: number; by: string; reason: string }) => pardon.run(p).changes,
  };
}

/** Issuing walk-in tickets and checking bookings in (DESIGN.md "Tickets and calling", "Bookings" check-in). */
import { HallError } from '../../protocol/errors.js';
import type { Booking, Ticket } from '../../protocol/domain.js';
import { normalizeIdNumber, isValidIdNumber } from '../../protocol/identity.js';
import { serviceOpenAt } from '../engine/calendar.js';
import { checkCheckin } from '../engine/bookings.js';
import { ticketNumber } from '../engine/tickets.js';
import { MINUTE } from '../engine/time.js';
import { toBooking, type BookingRow } from '../db/repos/bookings.js';
import { toTicket, type TicketRow } from '../db/repos/tickets.js';
import { actorTag, type Actor, type Core, type Emit } from './core.js';
import { openness, queueCounts, sessionNow, ticketView } from './views.js';
import { verifyBookingQr } from './qr.js';

export interface IssuedTicket { ticket: Ticket; waitingAhead: number }

/** Inserts a ticket with the next number of its queue today; the caller is inside the transaction. */
function insertTicket(
  core: Core, emit: Emit, actor: Actor,
  t: { kind: 'walk-in' | 'reservation'; queueId: string; serviceId: string; bookingId?: string; slotStart?: number },
): IssuedTicket {
  const q = core.repos.queues.get(t.queueId);
  if (!q) throw new HallError('queue-not-found');
  const day = core.today();
  const seq = core.repos.tickets.nextSeq(day, q.id);
  const now = core.now();
  const id = core.newId('t');
  const row: TicketRow = {
    id, day, seq, number: ticketNumber(q.prefix, seq), kind: t.kind, status: 'waiting', queue_id: q.id, service_id: t.serviceId,
    booking_id: t.bookingId ?? null, window_id: null, target_window_id: null, slot_start: t.slotStart ?? null,
    checked_in_at: t.kind === 'reservation' ? now : null, issued_at: now, called_at: null, started_at: null, finished_at: null,
    recalls: 0, close_reason: null, rating: null, issued_by: actorTag(actor),
  };
  core.repos.tickets.insert(row);
  core.repos.events.append(now, 'ticket.issued', actorTag(actor), id, { number: row.number, kind: row.kind, queueId: q.id, serviceId: t.serviceId });
  // everyone already waiting in this queue is ahead of a new ticket (reservations are called first
  // anyway): O(1) from the trigger-kept counts, where counting the line would grow with its length
  const counts = core.repos.tickets.count(q.id);
  const ahead = t.kind === 'reservation' ? counts.reservations_waiting : counts.waiting;
  const view = { ticket: toTicket(row, core.cfg.hours.tz), waitingAhead: Math.max(0, ahead - 1) };
  emit('ticket:issued', { ticket: view.ticket, by: actor, waitingAhead: view.waitingAhead });
  emit('queue:updated', { queue: queueCounts(core, q.id, counts) });
  return view;
}

export function issueTicket(core: Core, actor: Actor, input: { serviceId: string; requestId?: string }) {
  return core.run('issue-ticket', actor, input.requestId, (emit) => {
    const service = core.repos.services.get(input.serviceId);
    if (!service) throw new HallError('service-not-found');
    const now = core.clock.now();
    if (!serviceOpenAt(service, now, core.cfg.hours, { walkIn: true })) {
      const session = sessionNow(core);
      const { nextOpenAt } = openness(core);
      if (!session) throw new HallError('hall-closed', { nextOpenAt });
      const available = core.repos.services.list().filter((s) => serviceOpenAt(s, now, core.cfg.hours, { walkIn: true })).map((s) => s.id);
      throw new HallError('service-not-available-now', { availableServiceIds: available, appointmentOnly: session.appointmentOnly, nextOpenAt });
    }
    return insertTicket(core, emit, actor, { kind: 'walk-in', queueId: service.queueId, serviceId: service.id });
  });
}

export interface CheckinResult { ticket: Ticket; booking: Booking; alreadyCheckedIn?: boolean }

function alreadyIn(core: Core, b: BookingRow): CheckinResult {
  const t = core.repos.tickets.get(b.ticket_id!)!;
  return { ticket: toTicket(t, core.cfg.hours.tz), booking: toBooking(b, core.cfg.hours.tz), alreadyCheckedIn: true };
}

/** Among a person's bookings today, the one a check-in means: one open for check-in now, else the most telling refusal. */
function pickTodays(core: Core, rows: BookingRow[]): BookingRow {
  const now = core.now();
  const p = core.cfg.policy;
  const open = rows.find((b) => b.status === 'booked' && checkCheckin({ ...b, slotStart: b.slot_start }, now, core.cfg.hours.tz, p) === null);
  if (open) return open;
  const inNow = rows.find((b) => b.status === 'checked-in');
  if (inNow) return inNow;
  const upcoming = rows.find((b) => b.status === 'booked' && b.slot_start - p.checkinOpensMinutes * MINUTE > now);
  return upcoming ?? rows.find((b) => b.status === 'booked') ?? rows.find((b) => b.status === 'forfeited') ?? rows[0];
}

function findBooking(core: Core, input: { qr?: string; idNumber?: string }): BookingRow {
  if (input.qr !== undefined) {
    const id = verifyBookingQr(input.qr, core.cfg.secret);
    if (!id) throw new HallError('invalid-qr');
    const b = core.repos.bookings.get(id);
    if (!b) throw new HallError('booking-not-found');
    return b;
  }
  const idNumber = normalizeIdNumber(input.idNumber ?? '');
  if (!idNumber || !isValidIdNumber(idNumber)) throw new HallError('invalid-id-number');
  const today = core.today();
  const rows = core.repos.bookings.ofPersonOnDay(idNumber, today);
  if (rows.length) return pickTodays(core, rows);
  const later = core.repos.bookings.nextOfPersonAfter(idNumber, today);
  if (later) throw new HallError('booking-not-today', { date: later.date, slot: later.slot });
  throw new HallError('booking-not-found');
}

export function checkIn(core: Core, actor: Actor, input: { qr?: string; idNumber?: string; requestId?: string }): CheckinResult & { replayed?: boolean } {
  return core.run('check-in', actor, input.requestId, (emit) => {
    const b = findBooking(core, input);
    if ((b.status === 'checked-in' || b.status === 'served') && b.ticket_id) return alreadyIn(core, b);
    const refusal = checkCheckin({ ...b, slotStart: b.slot_start }, core.now(), core.cfg.hours.tz, core.cfg.policy);
    if (refusal) throw new HallError(refusal.code, { ...refusal.details, date: b.date, slot: b.slot, serviceId: b.service_id });
    const service = core.repos.services.get(b.service_id);
    if (!service) throw new HallError('service-not-found');
    const issued = insertTicket(core, emit, actor, {
      kind: 'reservation', queueId: service.queueId, serviceId: service.id, bookingId: b.id, slotStart: b.slot_start,
    });
    const now = core.now();
    const updated: BookingRow = { ...b, status: 'checked-in', ticket_id: issued.ticket.id, checked_in_at: now };
    core.repos.bookings.save(updated);
    core.repos.events.append(now, 'booking.checked-in', actorTag(actor), b.id, { ticketId: issued.ticket.id, serviceId: b.service_id });
    emit('booking:changed', { bookingId: b.id, status: 'checked-in' });
    return { ticket: issued.ticket, booking: toBooking(updated, core.cfg.hours.tz) };
  });
}

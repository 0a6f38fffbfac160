/** Issuing walk-in tickets and checking bookings in (DESIGN.md "Tickets and calling", "Bookings" check-in). */
import { HallError } from '../../protocol/errors.js';
import type { Booking, Ticket } from '../../protocol/domain.js';
import { normalizeIdNumber, isValidIdNumber } from '../../protocol/identity.js';
import { serviceOpenAt } from '../engine/calendar.js';
import { checkCheckin, pickTodaysBooking } from '../engine/bookings.js';
import { HAS_TICKET } from '../../protocol/rules/bookings.js';
import { ticketNumber } from '../engine/tickets.js';
import { capReached } from '../engine/daily-cap.js';
import { MINUTE } from '../engine/time.js';
import type { BookingRow } from '../db/repos/bookings.js';
import { announceBooking, bookingView } from './booking-view.js';
import { toCandidate, type TicketRow } from '../db/repos/tickets.js';
import { toTicket } from './ticket-view.js';
import { waitingAhead } from '../engine/position.js';
import { lineOf } from './line.js';
import { insertTicketRow } from './ticket-store.js';
import { ticketTime } from './stamps.js';
import { actorTag, record, type Actor, type Core, type Emit } from './core.js';
import { availability, openness, queueCounts, sessionNow } from './views.js';
import { verifyBookingQr } from './qr.js';
import { normalizeBookingCode } from '../../protocol/platform.js';

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
  const now = ticketTime(core, day); // never before the day's last ticket: a clock stepped back keeps the order
  const id = core.newId('t');
  const row: TicketRow = {
    id, day, seq, number: ticketNumber(q.prefix, seq), kind: t.kind, status: 'waiting', queue_id: q.id, service_id: t.serviceId,
    booking_id: t.bookingId ?? null, window_id: null, target_window_id: null, slot_start: t.slotStart ?? null,
    checked_in_at: t.kind === 'reservation' ? now : null, issued_at: now, called_at: null, started_at: null, finished_at: null,
    recalls: 0, close_reason: null, rating: null, issued_by: actorTag(actor), staff_id: null,
  };
  insertTicketRow(core, emit, row);
  record(core, 'ticket.issued', actor, id, { number: row.number, kind: row.kind, queueId: q.id, serviceId: t.serviceId });
  // the one definition of the place in line, in O(log n) from the hall's line (the new ticket is
  // not in it until the commit: everyone the line holds is committed and ahead or behind it)
  const view = { ticket: toTicket(row, core.cfg.hours.tz), waitingAhead: waitingAhead(toCandidate(row), lineOf(core), core.cfg.policy.reservationPriority) };
  emit('ticket:issued', { ticket: view.ticket, by: actor, waitingAhead: view.waitingAhead });
  emit('queue:updated', { queue: queueCounts(core, q.id) });
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
    const cap = service.dailyCap;
    if (cap !== undefined && capReached(cap, core.repos.tickets.issuedOfService(core.today(), service.id))) {
      throw new HallError('daily-cap-reached', { serviceId: service.id, cap });
    }
    const issued = insertTicket(core, emit, actor, { kind: 'walk-in', queueId: service.queueId, serviceId: service.id });
    // the last ticket of the day's cap: every kiosk greys the service now, before anyone taps it
    if (cap !== undefined && capReached(cap, core.repos.tickets.issuedOfService(core.today(), service.id))) announceAvailability(core, emit);
    return issued;
  });
}

function announceAvailability(core: Core, emit: Emit) {
  const { open, nextOpenAt } = openness(core);
  emit('hall:updated', { open, nextOpenAt, hallName: core.cfg.hallName, availability: availability(core) });
}

export interface CheckinResult { ticket: Ticket; booking: Booking; alreadyCheckedIn?: boolean }

function alreadyIn(core: Core, b: BookingRow): CheckinResult {
  const t = core.repos.tickets.get(b.ticket_id!)!;
  return { ticket: toTicket(t, core.cfg.hours.tz), booking: bookingView(b, core.cfg.hours.tz), alreadyCheckedIn: true };
}

/** Among a person's bookings today, the one a check-in means (engine/bookings.ts `pickTodaysBooking`). */
function pickTodays(core: Core, rows: BookingRow[]): BookingRow {
  const facts = rows.map((row) => ({ row, status: row.status, date: row.date, slotStart: row.slot_start, forfeitedAt: row.forfeited_at }));
  return pickTodaysBooking(facts, core.now(), core.cfg.hours.tz, core.cfg.policy).row;
}

function findBooking(core: Core, input: { qr?: string; idNumber?: string; code?: string }): BookingRow {
  if (input.code !== undefined) {
    // only an open booking holds its code; a typo, a closed booking and an unknown code look the same
    const code = normalizeBookingCode(input.code);
    const b = code ? core.repos.bookings.byOpenCode(code) : undefined;
    if (!b) throw new HallError('booking-not-found');
    return b;
  }
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
  const all = core.repos.bookings.ofPersonOnDay(idNumber, today);
  // a visit (上门办, issue 19) is never checked in: the card means the person's window bookings
  const rows = all.filter((b) => b.kind !== 'visit');
  if (rows.length) return pickTodays(core, rows);
  if (all.length) throw new HallError('visit-no-checkin', { date: today });
  const later = core.repos.bookings.nextOfPersonAfter(idNumber, today);
  if (later) throw new HallError('booking-not-today', { date: later.date, slot: later.slot });
  throw new HallError('booking-not-found');
}

export function checkIn(core: Core, actor: Actor, input: { qr?: string; idNumber?: string; code?: string; requestId?: string }): CheckinResult & { replayed?: boolean } {
  return core.run('check-in', actor, input.requestId, (emit) => {
    const b = findBooking(core, input);
    if (b.kind === 'visit') throw new HallError('visit-no-checkin', { date: b.date, slot: b.slot });
    if (HAS_TICKET.includes(b.status) && b.ticket_id) return alreadyIn(core, b);
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
    record(core, 'booking.checked-in', actor, b.id, { ticketId: issued.ticket.id, serviceId: b.service_id });
    emit('booking:changed', { bookingId: b.id, status: 'checked-in' });
    announceBooking(core, emit, b.id);
    return { ticket: issued.ticket, booking: bookingView(updated, core.cfg.hours.tz) };
  });
}

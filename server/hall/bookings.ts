/** Bookings from every channel, cancellation, credit and pardon (seed 002; DESIGN.md "Bookings", "Credit"). */
import { HallError } from '../../protocol/errors.js';
import type { Booking, BookingChannel, Credit, SlotInfo } from '../../protocol/domain.js';
import { normalizeIdNumber, isValidIdNumber, maskIdNumber } from '../../protocol/identity.js';
import { createHmac } from 'node:crypto';
import type { BarredCitizen } from '../../protocol/responses.js';
import { checkBooking, checkCancel, checkIdentity, serviceSlots, slotStartMs } from '../engine/bookings.js';
import { creditOf } from '../engine/credit.js';
import { monthOf } from '../engine/time.js';
import type { BookingRow } from '../db/repos/bookings.js';
import { announceBooking, bookingView } from './booking-view.js';
import { actorTag, type Actor, type Core } from './core.js';
import { bookingQr } from './qr.js';
import { newBookingCode } from './booking-code.js';
import { HOLDS_PLACE } from '../../protocol/rules/bookings.js';
import { outcome } from '../../protocol/rules/lifecycle.js';
import { record } from './core.js';
import { saveTicket } from './ticket-store.js';
import { visitColumns } from './booking-changes.js';
import { queueCounts } from './views.js';

export function creditFor(core: Core, idNumber: string): Credit {
  const today = core.today();
  return creditOf(core.repos.noShows.countInMonth(idNumber, monthOf(today)), today, core.cfg.policy.noShowLimit);
}

export function credit(core: Core, rawId: string): Credit {
  const id = normalizeIdNumber(rawId);
  if (!id || !isValidIdNumber(id)) throw new HallError('invalid-id-number');
  return creditFor(core, id);
}

export function slots(core: Core, serviceId: string, date: string): SlotInfo[] {
  const s = core.repos.services.get(serviceId);
  if (!s) throw new HallError('service-not-found');
  if (!s.bookable) return [];
  const booked = core.repos.bookings.slotCounts(serviceId, date);
  return serviceSlots(s, date, core.cfg.hours, core.cfg.booking?.extendedSessions === 'any-bookable').map(({ slot, end }) => {
    const n = booked.get(slot) ?? 0;
    return { slot, end, capacity: s.slotCapacity, booked: n, available: Math.max(0, s.slotCapacity - n) };
  });
}

export interface BookInput {
  name: string; idNumber: string; phone: string; serviceId: string; date: string; slot: string; channel: BookingChannel; requestId?: string;
  /** staff registering for a citizen outside the channel's rules (seed 002 紧急办理): the `staff` channel's rules apply */
  urgent?: boolean;
  /** 上门办 (issue 19, ./booking-changes.ts `visitColumns`) */
  kind?: 'window' | 'visit'; address?: string; assigneeId?: string;
}

export function book(core: Core, actor: Actor, input: BookInput): { booking: Booking; qr: string; materials?: string[]; replayed?: boolean } {
  const idNumber = normalizeIdNumber(input.idNumber) ?? input.idNumber;
  const bad = checkIdentity(idNumber, input.phone);
  if (bad) throw new HallError(bad.code);
  const visit = visitColumns(core, actor, input);
  return core.run('book', actor, input.requestId, () => {
    const service = core.repos.services.get(input.serviceId);
    if (!service) throw new HallError('service-not-found');
    const now = core.now();
    const personSlots = core.repos.bookings.ofPersonOnDay(idNumber, input.date)
      .filter((b) => HOLDS_PLACE.includes(b.status)).map((b) => b.slot);
    const refusal = checkBooking(
      { idNumber, phone: input.phone, channel: input.channel, ruleChannel: input.urgent ? 'staff' : input.channel, date: input.date, slot: input.slot, service },
      // a visit takes no window slot's place (issue 19)
      { now, bookedInSlot: visit.kind === 'visit' ? 0 : core.repos.bookings.countInSlot(service.id, input.date, input.slot), personSlotsThatDay: personSlots,
        barredUntil: creditFor(core, idNumber).barredUntil },
      core.cfg.hours, core.cfg.policy, core.cfg.booking,
    );
    if (refusal) throw new HallError(refusal.code, refusal.details);
    const id = core.newId('b');
    core.repos.bookings.insert({
      id, channel: input.channel, service_id: service.id, date: input.date, slot: input.slot,
      slot_start: slotStartMs(input.date, input.slot, core.cfg.hours.tz), name: input.name.trim(), id_number: idNumber,
      phone: input.phone.trim(), created_at: now, created_by: actorTag(actor), code: newBookingCode(core),
      ...visit,
    });
    record(core, 'booking.created', actor, id, { channel: input.channel, serviceId: service.id, date: input.date, slot: input.slot });
    const materials = service.materials?.length ? { materials: service.materials } : {};
    return { booking: bookingView(core.repos.bookings.get(id)!, core.cfg.hours.tz), qr: bookingQr(id, core.cfg.secret), ...materials };
  });
}

export function cancelBooking(core: Core, actor: Actor, id: string, by: 'citizen' | 'hall', reason?: string): { booking: Booking } {
  return core.run('cancel-booking', actor, undefined, (emit) => {
    const b = core.repos.bookings.get(id);
    if (!b) throw new HallError('booking-not-found');
    const now = core.now();
    const refusal = checkCancel({ status: b.status, slotStart: b.slot_start }, by, now, core.cfg.policy, core.cfg.hours.tz);
    if (refusal) throw new HallError(refusal.code, refusal.details);
    const updated: BookingRow = { ...b, status: 'cancelled', cancelled_at: now, cancelled_by: by, cancel_reason: reason ?? null };
    core.repos.bookings.save(updated);
    // a hall cancellation after check-in takes the waiting ticket out of the line too
    if (b.ticket_id) {
      const t = core.repos.tickets.get(b.ticket_id);
      const o = t && outcome('cancel-booking', t.status);
      if (t && o && 'next' in o && o.next !== 'same') {
        saveTicket(core, emit, { ...t, status: o.next, close_reason: 'booking-cancelled', finished_at: now });
        emit('queue:updated', { queue: queueCounts(core, t.queue_id) });
      }
    }
    record(core, 'booking.cancelled', actor, id, { by, reason: reason ?? null });
    emit('booking:changed', { bookingId: id, status: 'cancelled' });
    announceBooking(core, emit, id);
    return { booking: bookingView(updated, core.cfg.hours.tz) };
  });
}

/** An admin forgives this month's no-shows, with a reason; audited. */
export function pardon(core: Core, actor: Actor, rawId: string, reason: string): Credit {
  const idNumber = normalizeIdNumber(rawId);
  if (!idNumber || !isValidIdNumber(idNumber)) throw new HallError('invalid-id-number');
  return core.run('pardon', actor, undefined, () => {
    const now = core.now();
    const month = monthOf(core.today());
    const n = core.repos.noShows.pardonMonth({ idNumber, month, at: now, by: actorTag(actor), reason });
    // the log names the person only by a masked number: it feeds reports and the platform
    record(core, 'credit.pardoned', actor, null, { month, pardoned: n, reason, person: maskIdNumber(idNumber) });
    return creditFor(core, idNumber);
  });
}

/**
 * An opaque handle on one barred person for this month: an HMAC of the ID number with the hall's
 * secret, so the admin's list can offer a pardon without ever carrying the number in clear.
 */
function barredRef(secret: string, month: string, idNumber: string): string {
  return createHmac('sha256', secret).update(`barred.${month}.${idNumber}`).digest().subarray(0, 16).toString('base64url');
}

function barredNow(core: Core) {
  const month = monthOf(core.today());
  return core.repos.noShows.barredInMonth(month, core.cfg.policy.noShowLimit).map((r) => ({ ...r, month, ref: barredRef(core.cfg.secret, month, r.id_number) }));
}

/** GET /api/citizens/barred: people barred from booking this month, masked, each with its pardon handle. */
export function barred(core: Core): BarredCitizen[] {
  return barredNow(core).map((r) => ({ ref: r.ref, idNumber: maskIdNumber(r.id_number), ...creditFor(core, r.id_number) }));
}

/** POST /api/citizens/barred/:ref/pardon: the pardon of one listed person (404 when the handle names nobody barred now). */
export function pardonBarred(core: Core, actor: Actor, ref: string, reason: string): Credit {
  const hit = barredNow(core).find((r) => r.ref === ref);
  if (!hit) throw new HallError('not-found', { ref });
  return pardon(core, actor, hit.id_number, reason);
}

/** Records a no-show against a person (a forfeited booking or a reservation ticket marked no-show). */
export function recordNoShow(core: Core, b: BookingRow, ticketId: string | null, at: number) {
  core.repos.noShows.insert({ id: core.newId('n'), id_number: b.id_number, month: monthOf(b.date), booking_id: b.id, ticket_id: ticketId, at });
}

export function bookingsOf(core: Core, date: string, reveal: boolean): Booking[] {
  return core.repos.bookings.ofDate(date).map((b) => bookingView(b, core.cfg.hours.tz, reveal));
}

export function bookingById(core: Core, id: string, reveal: boolean): Booking {
  const b = core.repos.bookings.get(id);
  if (!b) throw new HallError('booking-not-found');
  return bookingView(b, core.cfg.hours.tz, reveal);
}

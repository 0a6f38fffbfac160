/**
 * Booking changes, 办理情况 and 上门办 (issue 19; seed 004 二(4)(5), 002 三(四)). Each command runs in one
 * transaction, logs with the booking's id as subject (the booking's history reads them) and announces
 * the booking's new state (`booking:updated`). No reason, note or address goes into the event log.
 */
import { HallError } from '../../protocol/errors.js';
import type { Booking } from '../../protocol/domain.js';
import type { BookingChange, LongServices } from '../../protocol/booking-changes.js';
import type { BookingRow } from '../db/repos/bookings.js';
import type { BookingChangeRow } from '../db/repos/booking-changes.js';
import type { TicketRow } from '../db/repos/tickets.js';
import { slotStartMs } from '../engine/bookings.js';
import { addDays, daysBetween, zonedInstant } from '../engine/calendar.js';
import { checkReschedule } from '../engine/reschedule.js';
import { HOLDS_PLACE } from '../../protocol/rules/bookings.js';
import { MINUTE, toIso } from '../engine/time.js';
import { announceBooking, bookingView } from './booking-view.js';
import { actorTag, record, type Actor, type Core } from './core.js';

const tzOf = (core: Core) => core.cfg.hours.tz;

function bookingRow(core: Core, id: string): BookingRow {
  const b = core.repos.bookings.get(id);
  if (!b) throw new HallError('booking-not-found');
  return b;
}

/** The display name behind an actor tag (`user:<id>`), or the tag itself. */
function nameOfTag(core: Core, tag: string): string {
  const [kind, id] = tag.split(':');
  return (kind === 'user' && id && core.repos.users.get(id)?.name) || tag;
}

const actorName = (core: Core, a: Actor) => a.name ?? (a.kind === 'user' ? core.repos.users.get(a.id)?.name : undefined) ?? actorTag(a);

function changeView(core: Core, r: BookingChangeRow, b?: BookingRow): BookingChange {
  const tz = tzOf(core);
  const booking = b ?? core.repos.bookings.get(r.booking_id);
  const c: BookingChange = {
    id: r.id, bookingId: r.booking_id, serviceId: booking?.service_id ?? '', from: { date: r.from_date, slot: r.from_slot },
    to: { date: r.to_date, slot: r.to_slot }, reason: r.reason, status: r.status, requestedAt: toIso(r.requested_at, tz),
    requestedBy: r.requested_by, requestedByName: nameOfTag(core, r.requested_by),
  };
  if (booking?.code) c.code = booking.code;
  if (r.decided_at !== null) c.decidedAt = toIso(r.decided_at, tz);
  if (r.decided_by) c.decidedBy = nameOfTag(core, r.decided_by);
  if (r.decision_note) c.decisionNote = r.decision_note;
  return c;
}

/** Throws the refusal of moving `b` to `to` now (engine/reschedule.ts): at the request and again at approval. */
function checkMove(core: Core, b: BookingRow, to: { date: string; slot: string }) {
  const service = core.repos.services.get(b.service_id);
  if (!service) throw new HallError('service-not-found');
  const person = core.repos.bookings.ofPersonOnDay(b.id_number, to.date).filter((o) => o.id !== b.id && HOLDS_PLACE.includes(o.status)).map((o) => o.slot);
  const refused = checkReschedule(
    { booking: { status: b.status, kind: b.kind, date: b.date, slot: b.slot, slotStart: b.slot_start }, to, service },
    {
      now: core.now(), bookedInSlot: core.repos.bookingChanges.countInSlotExcept(b.service_id, to.date, to.slot, b.id), personSlotsThatDay: person,
      anyBookable: core.cfg.booking?.extendedSessions === 'any-bookable',
    },
    core.cfg.hours, core.cfg.policy,
  );
  if (refused) throw new HallError(refused.code, refused.details);
}

/** POST /api/bookings/:id/reschedule: a pending request (one per booking). */
export function requestReschedule(core: Core, actor: Actor, id: string, body: { date: string; slot: string; reason: string }): { change: BookingChange } {
  return core.run('booking.reschedule-request', actor, undefined, (emit) => {
    const b = bookingRow(core, id);
    if (core.repos.bookingChanges.pendingOf(b.id)) throw new HallError('reschedule-pending');
    const to = { date: body.date, slot: body.slot };
    checkMove(core, b, to);
    const changeId = core.newId('c');
    core.repos.bookingChanges.insert({
      id: changeId, booking_id: b.id, from_date: b.date, from_slot: b.slot, to_date: to.date, to_slot: to.slot, reason: body.reason.trim(),
      requested_at: core.now(), requested_by: actorTag(actor),
    });
    record(core, 'booking.reschedule-requested', actor, b.id, { changeId, from: { date: b.date, slot: b.slot }, to });
    announceBooking(core, emit, b.id);
    return { change: changeView(core, core.repos.bookingChanges.get(changeId)!, b) };
  });
}

function pendingChange(core: Core, changeId: string): BookingChangeRow {
  const c = core.repos.bookingChanges.get(changeId);
  if (!c) throw new HallError('change-not-found');
  if (c.status !== 'pending') throw new HallError('change-not-pending', { status: c.status });
  return c;
}

/** POST /api/booking-changes/:id/approve: checked again now; the booking keeps its id and code; the citizen gets an SMS. */
export function approveChange(core: Core, actor: Actor, changeId: string, note?: string): { change: BookingChange; booking: Booking } {
  return core.run('booking.reschedule-decide', actor, undefined, (emit) => {
    const c = pendingChange(core, changeId);
    const b = bookingRow(core, c.booking_id);
    const to = { date: c.to_date, slot: c.to_slot };
    checkMove(core, b, to);
    const now = core.now();
    const moved: BookingRow = { ...b, date: to.date, slot: to.slot, slot_start: slotStartMs(to.date, to.slot, tzOf(core)) };
    core.repos.bookings.save(moved);
    core.repos.bookingChanges.decide({ id: c.id, status: 'approved', at: now, by: actorTag(actor), note: note?.trim() || null });
    // the SMS outbox's tap queues the 'rescheduled' text on this record, in this transaction
    record(core, 'booking.rescheduled', actor, b.id, { changeId: c.id, from: { date: b.date, slot: b.slot }, to });
    announceBooking(core, emit, b.id);
    return { change: changeView(core, core.repos.bookingChanges.get(c.id)!, moved), booking: bookingView(moved, tzOf(core)) };
  });
}

/** POST /api/booking-changes/:id/refuse: the booking stays as it was. */
export function refuseChange(core: Core, actor: Actor, changeId: string, note: string): { change: BookingChange } {
  return core.run('booking.reschedule-decide', actor, undefined, (emit) => {
    const c = pendingChange(core, changeId);
    core.repos.bookingChanges.decide({ id: c.id, status: 'refused', at: core.now(), by: actorTag(actor), note: note.trim() });
    record(core, 'booking.reschedule-refused', actor, c.booking_id, { changeId: c.id });
    announceBooking(core, emit, c.booking_id);
    return { change: changeView(core, core.repos.bookingChanges.get(c.id)!) };
  });
}

/** POST /api/booking-changes/:id/withdraw: only by whoever asked. */
export function withdrawChange(core: Core, actor: Actor, changeId: string): { change: BookingChange } {
  return core.run('booking.reschedule-withdraw', actor, undefined, (emit) => {
    const c = pendingChange(core, changeId);
    if (c.requested_by !== actorTag(actor)) throw new HallError('forbidden', { requestedBy: c.requested_by });
    core.repos.bookingChanges.decide({ id: c.id, status: 'withdrawn', at: core.now(), by: actorTag(actor), note: null });
    record(core, 'booking.reschedule-withdrawn', actor, c.booking_id, { changeId: c.id });
    announceBooking(core, emit, c.booking_id);
    return { change: changeView(core, core.repos.bookingChanges.get(c.id)!) };
  });
}

/** GET /api/booking-changes?status= (lead+), oldest first; GET /api/bookings/:id/changes for one booking. */
export function listChanges(core: Core, status?: BookingChange['status']): BookingChange[] {
  return core.repos.bookingChanges.list(status).map((r) => changeView(core, r));
}
export function changesOf(core: Core, bookingId: string): BookingChange[] {
  const b = bookingRow(core, bookingId);
  return core.repos.bookingChanges.ofBooking(b.id).map((r) => changeView(core, r, b));
}

// — 办理情况 (004 二(5))

/** The staff member who served a ticket, by display name: the user bound to its window when called, else the actor. */
function servedBy(core: Core, t: TicketRow, actor: Actor): string {
  return (t.staff_id && core.repos.users.get(t.staff_id)?.name) || actorName(core, actor);
}

/** A finished reservation's 办理情况, from its ticket: start of service (started, else called) to finish. */
export function serviceFromTicket(core: Core, t: TicketRow, actor: Actor, finishedAt: number): Pick<BookingRow, 'service_done' | 'service_from' | 'service_to' | 'service_by'> {
  return { service_done: 1, service_from: t.started_at ?? t.called_at ?? finishedAt, service_to: finishedAt, service_by: servedBy(core, t, actor) };
}

/** HH:MM on the booking's date (hall time) or an ISO instant */
function instant(core: Core, date: string, v: string): number {
  return /^\d{2}:\d{2}$/.test(v) ? zonedInstant(date, v, tzOf(core)).getTime() : Date.parse(v);
}

export interface ServiceInput { done: boolean; from?: string; to?: string; handlers?: string[]; notes?: string }

/**
 * POST /api/bookings/:id/service: 办理情况 by hand. A window booking once served (a correction, by its
 * window's staff); a visit while open or served (by its assignee): done → served; not done → stays
 * booked with the note (it can be moved or cancelled), and a served visit marked not done reopens.
 */
export function recordService(core: Core, actor: Actor, id: string, input: ServiceInput): { booking: Booking } {
  return core.run('booking.service-record', actor, undefined, (emit) => {
    const b = bookingRow(core, id);
    const ticket = b.ticket_id ? core.repos.tickets.get(b.ticket_id) : undefined;
    if (actor.role === 'staff') {
      const mine = b.kind === 'visit' ? b.assignee_id === actor.id : !!ticket?.window_id && !!actor.windowIds?.includes(ticket.window_id);
      if (!mine) throw new HallError('forbidden');
    }
    const open = b.kind === 'visit' ? ['booked', 'served'] : ['served'];
    if (!open.includes(b.status)) throw new HallError('service-record-not-allowed', { status: b.status, kind: b.kind });
    const from = input.from !== undefined ? instant(core, b.date, input.from) : b.service_from;
    const to = input.to !== undefined ? instant(core, b.date, input.to) : b.service_to;
    if (from !== null && to !== null && to < from) throw new HallError('service-times-invalid');
    const updated: BookingRow = {
      ...b,
      status: b.kind === 'visit' ? (input.done ? 'served' : 'booked') : b.status,
      service_done: input.done ? 1 : 0, service_from: from, service_to: to,
      service_by: b.service_by ?? actorName(core, actor),
      service_handlers: input.handlers !== undefined ? JSON.stringify(input.handlers) : b.service_handlers,
      service_notes: input.notes !== undefined ? input.notes.trim() || null : b.service_notes,
    };
    core.repos.bookings.save(updated);
    const minutes = from !== null && to !== null ? Math.round((to - from) / MINUTE) : null;
    record(core, 'booking.service-recorded', actor, b.id, { done: input.done, minutes });
    if (updated.status !== b.status) emit('booking:changed', { bookingId: b.id, status: updated.status });
    announceBooking(core, emit, b.id);
    return { booking: bookingView(updated, tzOf(core)) };
  });
}

// — 上门办 (002 三(四))

function checkAssignee(core: Core, userId: string) {
  const u = core.repos.users.get(userId);
  if (!u || !u.active || !['staff', 'lead', 'admin'].includes(u.role)) throw new HallError('assignee-invalid', { assigneeId: userId });
}

/**
 * The columns of a new booking's kind (called by hall/bookings.ts `book` before its transaction). A
 * visit is registered by hall staff only (phone or on-site), with an address; its assignee may wait.
 */
export function visitColumns(core: Core, actor: Actor, input: { channel: string; kind?: 'window' | 'visit'; address?: string; assigneeId?: string }):
  Pick<BookingRow, 'kind' | 'address' | 'assignee_id'> {
  if (input.kind !== 'visit') return { kind: 'window', address: null, assignee_id: null };
  if (input.channel === 'online' || actor.role === 'platform') throw new HallError('visit-staff-only');
  if (!input.address?.trim()) throw new HallError('visit-address-required');
  if (input.assigneeId !== undefined) checkAssignee(core, input.assigneeId);
  return { kind: 'visit', address: input.address.trim(), assignee_id: input.assigneeId ?? null };
}

/** GET /api/visits/assignees: the active accounts a visit may go to, by display name (on the badge: not personal data) */
export function assignees(core: Core): { id: string; name: string; role: string }[] {
  return core.repos.users.list().filter((u) => u.active && ['staff', 'lead', 'admin'].includes(u.role)).map((u) => ({ id: u.id, name: u.name, role: u.role }));
}

/** POST /api/bookings/:id/assign (lead+): a visit still open goes to a staff member. */
export function assignVisit(core: Core, actor: Actor, id: string, assigneeId: string): { booking: Booking } {
  return core.run('booking.assign', actor, undefined, (emit) => {
    const b = bookingRow(core, id);
    if (b.kind !== 'visit') throw new HallError('not-a-visit');
    if (b.status !== 'booked') throw new HallError('conflict', { status: b.status });
    checkAssignee(core, assigneeId);
    const updated: BookingRow = { ...b, assignee_id: assigneeId };
    core.repos.bookings.save(updated);
    record(core, 'booking.assigned', actor, b.id, { assigneeId });
    announceBooking(core, emit, b.id);
    return { booking: bookingView(updated, tzOf(core)) };
  });
}

/** GET /api/visits: staff see their own; leads and admins everyone's (or one assignee's). Masked. */
export function visits(core: Core, actor: Actor, q: { from?: string; to?: string; assigneeId?: string }): Booking[] {
  const from = q.from ?? core.today();
  const to = q.to ?? (q.from ? from : addDays(from, 30));
  if (to < from || daysBetween(from, to) > 400) throw new HallError('invalid-range', { maxDays: 400 });
  let assignee = q.assigneeId;
  if (actor.role === 'staff') {
    if (assignee !== undefined && assignee !== actor.id) throw new HallError('forbidden');
    assignee = actor.id;
  }
  return core.repos.bookingChanges.visits(from, to, assignee).map((b) => bookingView(b, tzOf(core)));
}

/** A report's long services (004: more than policy.maxServiceMinutes, half a working day by default). */
export function longServices(core: Core, from: string, to: string): LongServices {
  const max = core.cfg.policy.maxServiceMinutes;
  const items = core.repos.bookingChanges.longServices(from, to, max * MINUTE).map((r) => ({
    bookingId: r.id, code: r.code, date: r.date, kind: r.kind, minutes: Math.round((r.service_to - r.service_from) / MINUTE),
    ...(r.ticket_number ? { ticketNumber: r.ticket_number } : {}),
  }));
  return { maxMinutes: max, count: items.length, items };
}

/**
 * The booking desk (issue 19; seed 004 二(2)–(4), 002 四(一)2): 派单 → 签收, calls in advance and after
 * a no-show, a window's worklist and a booking's history. The rules are engine/booking-desk.ts; each
 * command runs one transaction, logs without personal data (a call's note stays in booking_contacts)
 * and announces the booking (`booking:updated`).
 */
import { HallError } from '../../protocol/errors.js';
import type { Booking } from '../../protocol/domain.js';
import type { BookingContact, BookingHistory, ContactOutcome, ContactPurpose, ContactSummary, DeskEntry, DeskWorklist } from '../../protocol/desk.js';
import { OPEN, isIn } from '../../protocol/rules/bookings.js';
import { addDays } from '../engine/calendar.js';
import { belongsTo, contactRefusal, FOLLOW_UP_DAYS, followUpFrom, serves, worklist, type DeskBooking, type DeskWindow } from '../engine/booking-desk.js';
import { toIso } from '../engine/time.js';
import type { BookingRow } from '../db/repos/bookings.js';
import type { ContactRow } from '../db/repos/booking-contacts.js';
import { announceBooking, bookingView } from './booking-view.js';
import { actorTag, record, type Actor, type Core } from './core.js';

const deskBooking = (r: BookingRow): DeskBooking => ({
  id: r.id, status: r.status, kind: r.kind, channel: r.channel, serviceId: r.service_id, date: r.date, slotStart: r.slot_start,
  createdAt: r.created_at, checkedInAt: r.checked_in_at, dispatchWindowId: r.dispatch_window_id, signedAt: r.signed_at,
});

function bookingRow(core: Core, id: string): BookingRow {
  const b = core.repos.bookings.get(id);
  if (!b) throw new HallError('booking-not-found');
  return b;
}

function deskWindow(core: Core, id: string): DeskWindow {
  const w = core.repos.windows.get(id);
  if (!w) throw new HallError('window-not-found');
  return { id: w.id, queueIds: w.queueIds };
}

const queueOf = (core: Core, serviceId: string) => core.repos.services.get(serviceId)?.queueId;

/** the windows a user is assigned to now (user_windows), read fresh: an assignment may have changed since sign-in */
const assignedWindows = (core: Core, actor: Actor) => (actor.kind === 'user' ? core.repos.users.windowIds(actor.id) : []);
const bound = (actor: Actor) => actor.role === 'staff';

/** A display name for an actor tag of the log or a table (`user:u-1` → the user's name). */
export function actorName(core: Core, tag: string): string {
  const [kind, id] = [tag.slice(0, tag.indexOf(':')), tag.slice(tag.indexOf(':') + 1)];
  if (kind === 'user') return core.repos.users.get(id)?.name ?? id;
  if (kind === 'device') return core.repos.devices.get(id)?.name ?? id;
  if (kind === 'system') return '系统';
  if (kind === 'citizen') return '办事群众';
  return tag;
}

/** 派单: a lead/admin hands the booking to a window that serves its service; again before sign-off, never after. */
export function dispatch(core: Core, actor: Actor, id: string, windowId: string): { booking: Booking } {
  return core.run('booking.dispatch', actor, undefined, (emit) => {
    const b = bookingRow(core, id);
    const w = deskWindow(core, windowId);
    if (!isIn(OPEN, b.status)) throw new HallError('booking-not-open', { status: b.status });
    if (b.signed_at !== null) throw new HallError('booking-already-signed', { windowId: b.dispatch_window_id });
    if (!serves(w, queueOf(core, b.service_id))) throw new HallError('window-not-serving', { windowId, serviceId: b.service_id });
    const now = core.now();
    core.repos.bookings.save({ ...b, dispatch_window_id: w.id, dispatched_at: now, dispatched_by: actorTag(actor) });
    record(core, 'booking.dispatched', actor, id, { windowId: w.id });
    announceBooking(core, emit, id);
    return { booking: bookingView(core.repos.bookings.get(id)!, core.cfg.hours.tz) };
  });
}

/**
 * 签收: only a user assigned to the dispatch window (user_windows) signs for it — a lead or an admin
 * too only when assigned there: the signature says which of the window's people took it on.
 */
export function sign(core: Core, actor: Actor, id: string): { booking: Booking } {
  return core.run('booking.sign', actor, undefined, (emit) => {
    const b = bookingRow(core, id);
    if (!b.dispatch_window_id) throw new HallError('booking-not-dispatched');
    if (actor.role !== 'system' && !assignedWindows(core, actor).includes(b.dispatch_window_id))
      throw new HallError('not-dispatch-window', { windowId: b.dispatch_window_id });
    if (!isIn(OPEN, b.status)) throw new HallError('booking-not-open', { status: b.status });
    if (b.signed_at !== null) throw new HallError('booking-already-signed', { windowId: b.dispatch_window_id });
    core.repos.bookings.save({ ...b, signed_at: core.now(), signed_by: actorTag(actor) });
    record(core, 'booking.signed', actor, id, { windowId: b.dispatch_window_id });
    announceBooking(core, emit, id);
    return { booking: bookingView(core.repos.bookings.get(id)!, core.cfg.hours.tz) };
  });
}

/** staff act on a booking only when it belongs to one of their windows; leads and admins on any */
function checkAtWindow(core: Core, actor: Actor, b: BookingRow) {
  if (!bound(actor)) return;
  const q = queueOf(core, b.service_id);
  const ok = assignedWindows(core, actor).some((wid) => {
    const w = core.repos.windows.get(wid);
    return w !== undefined && belongsTo(deskBooking(b), { id: w.id, queueIds: w.queueIds }, q);
  });
  if (!ok) throw new HallError('booking-not-at-window');
}

const contactView = (core: Core, c: ContactRow): BookingContact => ({
  id: c.id, bookingId: c.booking_id, purpose: c.purpose, outcome: c.outcome, at: toIso(c.at, core.cfg.hours.tz), by: actorName(core, c.by),
  ...(c.note ? { note: c.note } : {}),
});
const summary = ({ purpose, outcome, at, by }: BookingContact): ContactSummary => ({ purpose, outcome, at, by });

/**
 * A call about a booking: in advance while it is still to come (reached / not-reached / confirmed /
 * asked-to-change), or after a no-show (gave-up / rescheduled / unreachable) from slot start +
 * policy.forfeitMinutes. The note is stored in booking_contacts only.
 */
export function contact(core: Core, actor: Actor, id: string, c: { purpose: ContactPurpose; outcome: ContactOutcome; note?: string }): { contact: BookingContact; booking: Booking } {
  return core.run('booking.contact', actor, undefined, (emit) => {
    const b = bookingRow(core, id);
    checkAtWindow(core, actor, b);
    const bad = contactRefusal(c.purpose, c.outcome);
    if (bad) throw new HallError(bad, { purpose: c.purpose, outcome: c.outcome });
    const now = core.now();
    if (c.purpose === 'advance' && b.status !== 'booked') throw new HallError('booking-not-open', { status: b.status });
    if (c.purpose === 'follow-up') {
      if ((b.status !== 'booked' && b.status !== 'forfeited') || b.checked_in_at !== null) throw new HallError('booking-not-open', { status: b.status });
      const from = followUpFrom(b.slot_start, core.cfg.policy);
      if (now < from) throw new HallError('follow-up-too-early', { minutes: core.cfg.policy.forfeitMinutes, from: toIso(from, core.cfg.hours.tz) });
    }
    const row: ContactRow = { id: core.newId('bc'), booking_id: id, purpose: c.purpose, outcome: c.outcome, note: c.note?.trim() || null, at: now, by: actorTag(actor) };
    core.repos.bookingContacts.insert(row);
    record(core, 'booking.contacted', actor, id, { purpose: c.purpose, outcome: c.outcome });
    const out = { contact: contactView(core, row), booking: bookingView(core.repos.bookings.get(id)!, core.cfg.hours.tz) };
    // announceBooking's event, with the call (no note) so a console moves the booking between its lists
    emit('booking:updated', { booking: out.booking, contact: summary(out.contact) });
    return out;
  });
}

/** GET /api/desk: the window's three lists at the hall's now (staff only of their own window). */
export function desk(core: Core, actor: Actor, windowId: string): DeskWorklist {
  const w = deskWindow(core, windowId);
  if (bound(actor) && !assignedWindows(core, actor).includes(windowId)) throw new HallError('window-not-yours');
  const { cfg, repos } = core;
  const now = core.now();
  const today = core.today();
  const rows = repos.bookingContacts.deskCandidates(addDays(today, -FOLLOW_UP_DAYS), addDays(today, cfg.policy.horizonDays));
  const serviceQueue = new Map<string, string>();
  for (const r of rows) {
    const q = queueOf(core, r.service_id);
    if (q) serviceQueue.set(r.service_id, q);
  }
  const mine = rows.filter((r) => belongsTo(deskBooking(r), w, serviceQueue.get(r.service_id)));
  const contacts = repos.bookingContacts.ofBookings(mine.map((r) => r.id));
  const lists = worklist({
    window: w, bookings: mine.map(deskBooking),
    contacts: contacts.map((c) => ({ bookingId: c.booking_id, purpose: c.purpose, outcome: c.outcome, at: c.at })),
    serviceQueue, now, hours: cfg.hours, policy: cfg.policy,
  });
  const byId = new Map(mine.map((r) => [r.id, r]));
  const last = new Map<string, ContactSummary>();
  const reached = new Set<string>();
  const followedUp = new Set<string>();
  for (const c of contacts) {
    last.set(c.booking_id, summary(contactView(core, c)));
    if (c.purpose === 'advance' && (c.outcome === 'reached' || c.outcome === 'confirmed')) reached.add(c.booking_id);
    if (c.purpose === 'follow-up') followedUp.add(c.booking_id);
  }
  const entry = (id: string, dueBy?: number): DeskEntry => ({
    booking: bookingView(byId.get(id)!, cfg.hours.tz),
    ...(last.has(id) ? { lastContact: last.get(id)! } : {}),
    ...(dueBy !== undefined ? { dueBy: toIso(dueBy, cfg.hours.tz) } : {}),
    reached: reached.has(id), followedUp: followedUp.has(id),
  });
  const listed = new Set([...lists.dispatched, ...lists.toCall.map((x) => x.id), ...lists.followUp]);
  return {
    windowId,
    dispatched: lists.dispatched.map((id) => entry(id)),
    toCall: lists.toCall.map((x) => entry(x.id, x.dueBy)),
    followUp: lists.followUp.map((id) => entry(id)),
    others: mine.filter((r) => !listed.has(r.id) && isIn(OPEN, r.status)).map((r) => entry(r.id)),
    forfeitMinutes: cfg.policy.forfeitMinutes,
  };
}

/** GET /api/bookings/:id/history: its log entries (subject = the booking) and its calls with their notes, oldest first. */
export function history(core: Core, id: string): BookingHistory {
  bookingRow(core, id);
  const tz = core.cfg.hours.tz;
  return {
    bookingId: id,
    events: core.repos.bookingContacts.eventsOf(id).map((e) => ({
      seq: e.seq, type: e.type, at: toIso(e.at, tz), actor: actorName(core, e.actor), data: JSON.parse(e.data) as Record<string, unknown>,
    })),
    contacts: core.repos.bookingContacts.ofBooking(id).map((c) => contactView(core, c)),
  };
}

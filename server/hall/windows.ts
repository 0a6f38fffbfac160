/**
 * A window's commands (DESIGN.md "Tickets and calling"): call-next in one transaction (two windows
 * pressing at the same instant never get one ticket: better-sqlite3 runs one transaction at a time
 * and the pick and the update happen inside it), recall, start, finish, no-show, transfer, pause,
 * resume, mode, and a lead's out-of-order call.
 */
import { announceBooking } from './booking-view.js';
import { serviceFromTicket } from './booking-changes.js';
import { ticketTime } from './stamps.js';
import { HallError } from '../../protocol/errors.js';
import type { Ticket, TicketStatus, WindowMode } from '../../protocol/domain.js';
import type { LogEvents, TicketRef } from '../../protocol/log.js';
import { pickNext, type Candidate } from '../../protocol/rules/calling.js';
import { outcome, type TicketCommand } from '../../protocol/rules/lifecycle.js';
import { MINUTE, toIso } from '../engine/time.js';
import type { WindowRow } from '../db/repos/catalog.js';
import { toCandidate, type TicketRow } from '../db/repos/tickets.js';
import { toTicket } from './ticket-view.js';
import { record, type Actor, type Core, type Emit } from './core.js';
import { recordNoShow } from './bookings.js';
import { saveTicket } from './ticket-store.js';
import { bookingAfterTicket } from '../engine/day-end.js';
import { queueCounts, windowState } from './views.js';
import { rateByKeypad, requestFor } from './evaluations.js';
import { keypadLevel } from '../engine/evaluations.js';

type Result = { ticket: Ticket | null };

function windowRow(core: Core, windowId: string): WindowRow {
  const w = core.repos.windows.row(windowId);
  if (!w) throw new HallError('window-not-found');
  return w;
}

function current(core: Core, w: WindowRow): TicketRow | undefined {
  return w.current_ticket_id ? core.repos.tickets.get(w.current_ticket_id) : undefined;
}

function saveWindow(core: Core, emit: Emit, w: WindowRow) {
  core.repos.windows.saveState(w);
  emit('window:updated', { window: windowState(core, w) });
}

const ref = (t: TicketRow): TicketRef => ({ number: t.number, kind: t.kind, queueId: t.queue_id });

/** The lifecycle's answer (protocol/rules/lifecycle.ts) for `command` on `t`: its next status, or the refusal thrown. */
function lifecycle(command: TicketCommand, t: TicketRow | undefined, details?: Record<string, unknown>): TicketStatus | 'same' {
  const o = outcome(command, t?.status);
  if ('refuse' in o) throw new HallError(o.refuse, details);
  return o.next;
}

/** Finishes a serving ticket; a finished reservation marks its booking served. */
function finishTicket(core: Core, emit: Emit, actor: Actor, t: TicketRow) {
  const now = core.now();
  saveTicket(core, emit, { ...t, status: 'done', started_at: t.started_at ?? now, finished_at: now });
  if (t.booking_id) {
    const b = core.repos.bookings.get(t.booking_id);
    // 办理情况 (issue 19) filled from the ticket in the same transaction
    if (b && bookingAfterTicket('done', b.status) === 'served') {
      core.repos.bookings.save({ ...b, status: 'served', ...serviceFromTicket(core, t, actor, now) });
      announceBooking(core, emit, b.id);
    }
  }
  record(core, 'ticket.finished', actor, t.id, { ...ref(t), windowId: t.window_id });
  const request = requestFor(core, t); // the window's evaluator pad asks for a rating (issue 16)
  if (request) emit('evaluation:request', request);
}

/** Candidates for this window: the heads of each index only, so the cost does not grow with the line. */
function heads(core: Core, w: WindowRow, queueIds: string[]): Candidate[] {
  const out: Candidate[] = [];
  const tr = core.repos.tickets.transferHead(w.id);
  if (tr) out.push(toCandidate(tr));
  for (const q of queueIds) {
    const r = core.repos.tickets.reservationHead(q);
    if (r) out.push(toCandidate(r));
    const wk = core.repos.tickets.walkinHead(q);
    if (wk) out.push(toCandidate(wk));
  }
  return out;
}

function announce(core: Core, emit: Emit, actor: Actor, w: WindowRow, t: TicketRow, recall: boolean) {
  const at = core.now();
  record(core, 'ticket.called', actor, t.id, {
    ticketNumber: t.number, kind: t.kind, queueId: t.queue_id, windowId: w.id, windowNumber: w.number, windowName: w.name, recall,
  });
  emit('ticket:called', {
    ticket: { id: t.id, number: t.number, kind: t.kind, queueId: t.queue_id },
    window: { id: w.id, number: w.number, name: w.name }, recall, at: toIso(at, core.cfg.hours.tz),
  });
}

/** Clears the way for a new call: refuses a paused window or a called ticket; finishes a serving one. */
function prepareCall(core: Core, emit: Emit, actor: Actor, w: WindowRow): WindowRow {
  if (w.status === 'paused') throw new HallError('window-paused');
  const cur = current(core, w);
  if (cur && lifecycle('call-next', cur, { ticket: cur.number }) === 'done') finishTicket(core, emit, actor, cur);
  return { ...w, status: 'open', current_ticket_id: null };
}

function callTicketRow(core: Core, emit: Emit, actor: Actor, w: WindowRow, t: TicketRow,
  data: { reason?: string | null; outOfOrder?: boolean } = {}): Result {
  // who serves it (reports by staff): the user signed in at the window, else the user calling
  const staff = w.staff_user_id ?? (actor.kind === 'user' ? actor.id : null);
  const called: TicketRow = { ...t, status: 'called', window_id: w.id, target_window_id: null, called_at: ticketTime(core, core.today()), staff_id: staff };
  saveTicket(core, emit, called);
  record(core, 'ticket.assigned', actor, called.id, { ...ref(called), windowId: w.id, ...data });
  announce(core, emit, actor, w, called, false);
  saveWindow(core, emit, { ...w, current_ticket_id: t.id });
  emit('queue:updated', { queue: queueCounts(core, t.queue_id) });
  return { ticket: toTicket(called, core.cfg.hours.tz) };
}

export function callNext(core: Core, actor: Actor, windowId: string, mode?: WindowMode): Result {
  return core.run('call-next', actor, undefined, (emit) => {
    const before = windowRow(core, windowId);
    const w = prepareCall(core, emit, actor, before);
    const queueIds = core.repos.windows.get(w.id)!.queueIds;
    const next = pickNext(heads(core, w, queueIds), { id: w.id, queueIds, reservationOnly: !!w.reservation_only, mode: w.mode }, {
      now: core.now(), policy: core.cfg.policy.reservationPriority, eligibleBeforeMs: core.cfg.policy.eligibleBeforeMinutes * MINUTE, mode,
    });
    if (!next) {
      // nobody waiting at a window already open and idle: nothing changed, so nothing is written or
      // announced (staff press 叫号 again and again on a quiet afternoon; each was a write and a
      // window:updated to every lobby screen)
      if (before.status !== w.status || before.current_ticket_id !== w.current_ticket_id) saveWindow(core, emit, w);
      return { ticket: null };
    }
    return callTicketRow(core, emit, actor, w, core.repos.tickets.get(next.ticket.id)!, { reason: next.reason });
  });
}

/** A lead calls one waiting ticket out of order; audited with the reason. */
export function callTicket(core: Core, actor: Actor, windowId: string, ticketId: string, reason?: string): Result {
  return core.run('call-ticket', actor, undefined, (emit) => {
    const t = core.repos.tickets.get(ticketId);
    if (!t) throw new HallError('ticket-not-found');
    lifecycle('call', t, { status: t.status });
    const w = prepareCall(core, emit, actor, windowRow(core, windowId));
    return callTicketRow(core, emit, actor, w, t, { outOfOrder: true, reason: reason ?? null });
  });
}

/** Runs `fn` on the window's current ticket, when the lifecycle lets `command` act on it. */
function onCurrent(core: Core, actor: Actor, command: TicketCommand, windowId: string,
  fn: (w: WindowRow, t: TicketRow, emit: Emit) => void): Result {
  return core.run(command, actor, undefined, (emit) => {
    const w = windowRow(core, windowId);
    const t = current(core, w);
    lifecycle(command, t, t ? { status: t.status } : undefined);
    if (!t) throw new HallError('no-current-ticket'); // the lifecycle refuses every command without a ticket
    fn(w, t, emit);
    const after = core.repos.tickets.get(t.id)!;
    return { ticket: toTicket(after, core.cfg.hours.tz) };
  });
}

export function recall(core: Core, actor: Actor, windowId: string): Result {
  return onCurrent(core, actor, 'recall', windowId, (w, t, emit) => {
    const r = { ...t, recalls: t.recalls + 1 };
    saveTicket(core, emit, r);
    announce(core, emit, actor, w, r, true);
    emit('window:updated', { window: windowState(core, w) });
  });
}

export function start(core: Core, actor: Actor, windowId: string): Result {
  return onCurrent(core, actor, 'start', windowId, (w, t, emit) => {
    saveTicket(core, emit, { ...t, status: 'serving', started_at: core.now() });
    record(core, 'ticket.started', actor, t.id, { ...ref(t), windowId: w.id });
    emit('window:updated', { window: windowState(core, w) });
  });
}

/** Finish from serving; from called too (a quick matter where nobody pressed start), counting service from now. */
export function finish(core: Core, actor: Actor, windowId: string): Result {
  return onCurrent(core, actor, 'finish', windowId, (w, t, emit) => {
    finishTicket(core, emit, actor, t);
    // the window shows nobody rather than a finished number: nothing stale looks current
    saveWindow(core, emit, { ...w, current_ticket_id: null });
  });
}

/** The called citizen did not come: a reservation no-show counts against the person's credit. */
export function noShow(core: Core, actor: Actor, windowId: string): Result {
  return onCurrent(core, actor, 'no-show', windowId, (w, t, emit) => {
    const now = core.now();
    saveTicket(core, emit, { ...t, status: 'no-show', finished_at: now });
    if (t.booking_id) {
      const b = core.repos.bookings.get(t.booking_id);
      if (b) recordNoShow(core, b, t.id, now);
      if (b && bookingAfterTicket('no-show', b.status) === 'forfeited') {
        core.repos.bookings.save({ ...b, status: 'forfeited', forfeited_at: now });
        emit('booking:changed', { bookingId: b.id, status: 'forfeited' });
        announceBooking(core, emit, b.id);
      }
    }
    record(core, 'ticket.no-show', actor, t.id, { ...ref(t), windowId: w.id, recalls: t.recalls });
    saveWindow(core, emit, { ...w, current_ticket_id: null });
  });
}

/** Sends the current ticket to another queue or window, keeping its place (issue time). */
export function transfer(core: Core, actor: Actor, windowId: string, to: { queueId?: string; windowId?: string }): Result {
  return onCurrent(core, actor, 'transfer', windowId, (w, t, emit) => {
    if (to.windowId !== undefined && (to.windowId === w.id || !core.repos.windows.row(to.windowId)))
      throw new HallError('transfer-target-invalid', { windowId: to.windowId });
    if (to.queueId !== undefined && !core.repos.queues.get(to.queueId)) throw new HallError('transfer-target-invalid', { queueId: to.queueId });
    const moved: TicketRow = {
      ...t, status: 'waiting', window_id: null, called_at: null, started_at: null,
      queue_id: to.queueId ?? t.queue_id, target_window_id: to.windowId ?? null,
    };
    saveTicket(core, emit, moved);
    record(core, 'ticket.transferred', actor, t.id, { ...ref(t), fromWindowId: w.id, toQueueId: to.queueId ?? null, toWindowId: to.windowId ?? null });
    saveWindow(core, emit, { ...w, current_ticket_id: null });
    emit('queue:updated', { queue: queueCounts(core, t.queue_id) });
    if (moved.queue_id !== t.queue_id) emit('queue:updated', { queue: queueCounts(core, moved.queue_id) });
  });
}

type WindowLog = 'window.paused' | 'window.resumed' | 'window.mode' | 'window.opened' | 'window.closed';

function setWindow<K extends WindowLog>(core: Core, actor: Actor, type: K, windowId: string, change: (w: WindowRow) => WindowRow,
  data: LogEvents[K]) {
  return core.run(type.slice('window.'.length), actor, undefined, (emit) => {
    const w = change(windowRow(core, windowId));
    record(core, type, actor, w.id, data);
    saveWindow(core, emit, w);
    return { window: windowState(core, w) };
  });
}

export const pause = (core: Core, actor: Actor, windowId: string, reason: string) =>
  setWindow(core, actor, 'window.paused', windowId, (w) => ({ ...w, status: 'paused', pause_reason: reason }), { reason });
export const resume = (core: Core, actor: Actor, windowId: string) =>
  setWindow(core, actor, 'window.resumed', windowId, (w) => ({ ...w, status: 'open', pause_reason: null }), {});
export const setMode = (core: Core, actor: Actor, windowId: string, mode: WindowMode) =>
  setWindow(core, actor, 'window.mode', windowId, (w) => ({ ...w, mode }), { mode });
/** A staff member signs in at the window: it opens and shows their name. */
export const openWindow = (core: Core, actor: Actor, windowId: string) =>
  setWindow(core, actor, 'window.opened', windowId, (w) => ({
    ...w, status: w.status === 'paused' ? 'paused' : 'open', staff_user_id: actor.kind === 'user' ? actor.id : w.staff_user_id,
  }), {});
export const closeWindow = (core: Core, actor: Actor, windowId: string) =>
  setWindow(core, actor, 'window.closed', windowId, (w) => {
    lifecycle('close-window', current(core, w));
    return { ...w, status: 'closed', pause_reason: null, staff_user_id: null };
  }, {});

/**
 * An RS-485 evaluator's key (engine/evaluations.ts KEYPAD_LEVELS): an evaluation (channel keypad) of
 * the ticket last finished at that window today (issue 16: only a finished ticket, only once).
 */
export function rate(core: Core, actor: Actor, windowId: string, key: number) {
  const level = keypadLevel(key);
  if (level === null) throw new HallError('bad-request', { key });
  windowRow(core, windowId);
  return rateByKeypad(core, actor, windowId, level);
}

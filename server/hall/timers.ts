/**
 * What time alone changes: late bookings are forfeited (slot start + 30 min, a no-show), and a day's
 * open tickets are closed at closing (engine/day-end.ts), and `hall:updated` tells every screen when
 * the hall opened or closed. `tick` is run by an interval on the system clock, and by the manual
 * clock's setter before it answers.
 */
import { announceBooking } from './booking-view.js';
import { serviceFromTicket } from './booking-changes.js';
import { zonedInstant, localDate } from '../engine/calendar.js';
import { forfeitTime } from '../engine/bookings.js';
import { closeAtDayEnd, closesNow, dayEndAt as dayEndAtRule, DAY_END_REASON, waitingClosesBefore } from '../engine/day-end.js';
import { MINUTE } from '../engine/time.js';
import type { TicketRow } from '../db/repos/tickets.js';
import { SYSTEM, record, type Core, type Emit } from './core.js';
import { recordNoShow } from './bookings.js';
import { housekeepOncePerDay } from './housekeeping.js';
import { saveTicket } from './ticket-store.js';
import { availability, openness, queueCounts, windowState } from './views.js';

/** `now`: the time the tick believes (engine/clock-watch.ts), the clock's by default. */
export function forfeitLateBookings(core: Core, now = core.now()): number {
  const limit = now - core.cfg.policy.forfeitMinutes * MINUTE;
  return core.run('forfeit', SYSTEM, undefined, (emit) => {
    const due = core.repos.bookings.dueForForfeit(limit);
    for (const b of due) {
      const at = forfeitTime(b.slot_start, core.cfg.policy);
      core.repos.bookings.save({ ...b, status: 'forfeited', forfeited_at: at });
      recordNoShow(core, b, null, at);
      record(core, 'booking.forfeited', SYSTEM, b.id, { serviceId: b.service_id, date: b.date, slot: b.slot });
      emit('booking:changed', { bookingId: b.id, status: 'forfeited' });
      announceBooking(core, emit, b.id);
    }
    return { count: due.length };
  }).count;
}

/** When the day's tickets close (engine/day-end.ts). */
export const dayEndAt = (cfg: Pick<Core['cfg'], 'hours' | 'policy'>, day: string): number => dayEndAtRule(day, cfg.hours, cfg.policy);

export function closeDays(core: Core, now = core.now()): number {
  const tz = core.cfg.hours.tz;
  const today = localDate(new Date(now), tz);
  const todayEnded = now >= dayEndAt(core.cfg, today);
  const before = waitingClosesBefore(today, todayEnded);
  return core.run('day-end', SYSTEM, undefined, (emit) => {
    // every queue that ever had a waiting ticket has a counts row, whatever its count says now
    const queueIds = core.repos.tickets.counts().map((c) => c.queue_id);
    const rows: TicketRow[] = [
      ...core.repos.tickets.waitingBefore(before, zonedInstant(before, '00:00', tz).getTime(), queueIds),
      ...core.repos.tickets.activeUpTo(today),
    ].filter((t) => closesNow(t, today, todayEnded));
    const queues = new Set<string>();
    const windows = new Set<string>();
    for (const t of rows) {
      const b = t.booking_id ? core.repos.bookings.get(t.booking_id) : undefined;
      const end = closeAtDayEnd(t.status, b?.status ?? null);
      saveTicket(core, emit, { ...t, status: end.ticket, close_reason: DAY_END_REASON, finished_at: now });
      if (b && end.booking === 'served') core.repos.bookings.save({ ...b, status: 'served', ...serviceFromTicket(core, t, SYSTEM, now) });
      if (b && end.booking === 'cancelled') {
        core.repos.bookings.save({ ...b, status: 'cancelled', cancelled_at: now, cancelled_by: 'hall', cancel_reason: DAY_END_REASON });
        record(core, 'booking.cancelled', SYSTEM, b.id, { by: 'hall', reason: DAY_END_REASON });
      }
      if (b && end.booking) { emit('booking:changed', { bookingId: b.id, status: end.booking }); announceBooking(core, emit, b.id); }
      if (t.status === 'waiting') queues.add(t.queue_id);
      if (t.window_id) windows.add(t.window_id);
    }
    if (rows.length) record(core, 'day.closed', SYSTEM, null, { day: today, tickets: rows.length });
    for (const q of queues) emit('queue:updated', { queue: queueCounts(core, q) });
    for (const id of windows) {
      const w = core.repos.windows.row(id);
      if (w && w.current_ticket_id && rows.some((t) => t.id === w.current_ticket_id)) {
        const cleared = { ...w, current_ticket_id: null };
        core.repos.windows.saveState(cleared);
        emit('window:updated', { window: windowState(core, cleared) });
      }
    }
    if (todayEnded && windowsClosedOn.get(core) !== today) {
      windowsClosedOn.set(core, today);
      closeAllWindows(core, emit);
    }
    return { count: rows.length };
  }).count;
}

/** The hall day whose end last closed the windows, per hall: once per day, so a window opened later that night stays open. */
const windowsClosedOn = new WeakMap<Core, string>();

/**
 * Day end (issue 14): every window not closed is closed and its staff unbound (签退), so the lobby,
 * the kiosk and the window's LED show it closed until someone signs in next morning. A window still
 * serving keeps its ticket (the citizen is at the window; the ticket closes when its day is over).
 */
function closeAllWindows(core: Core, emit: Emit) {
  const closed: number[] = [];
  for (const w of core.repos.windows.rows()) {
    if (w.status === 'closed' && w.staff_user_id === null) continue;
    const next = { ...w, status: 'closed' as const, pause_reason: null, staff_user_id: null };
    core.repos.windows.saveState(next);
    emit('window:updated', { window: windowState(core, next) });
    closed.push(w.number);
  }
  if (closed.length) record(core, 'day.windows-closed', SYSTEM, null, { windows: closed });
}

/**
 * The openness and session the last tick saw, per hall: a change is the clock crossing an opening,
 * a closing, or a session boundary (a regular session giving way to the lunch 延时服务 one changes
 * which services take tickets while the hall stays open).
 */
const lastOpen = new WeakMap<Core, string>();

const sessionKey = (core: Core, open: boolean): string => {
  const s = availability(core).session;
  return `${open}|${s ? `${s.kind}@${s.start}` : '-'}`;
};

/** Emits `hall:updated` when the hall opened or closed, or its session changed, since the last tick (the first tick only notes it). */
export function watchOpenness(core: Core): boolean {
  const now = openness(core);
  const key = sessionKey(core, now.open);
  const before = lastOpen.get(core);
  lastOpen.set(core, key);
  if (before === undefined || before === key) return false;
  announce(core, now);
  return true;
}

/**
 * Emits `hall:updated` with the hall's state now, whatever it was: for a settings change (name,
 * hours), which the settings service runs after its command commits (CONTRACT.md "Hall settings").
 */
export function announceHall(core: Core): void {
  const now = openness(core);
  lastOpen.set(core, sessionKey(core, now.open));
  announce(core, now);
}

function announce(core: Core, now: { open: boolean; nextOpenAt: string | null }) {
  core.run('hall-updated', SYSTEM, undefined, (emit) => {
    emit('hall:updated', { open: now.open, nextOpenAt: now.nextOpenAt, hallName: core.cfg.hallName, availability: availability(core) });
    return {};
  });
}

/**
 * `now`: the time forfeits and day-end run at; after a system clock jump the hall passes the time it
 * believes (engine/clock-watch.ts), so a wrong jump forfeits and closes nothing of the jumped span.
 */
export function tick(core: Core, now = core.now()): { forfeited: number; closed: number } {
  const r = { forfeited: forfeitLateBookings(core, now), closed: closeDays(core, now) };
  housekeepOncePerDay(core, now); // old idempotency and dead-token rows, on the first tick of each hall day
  watchOpenness(core);
  return r;
}

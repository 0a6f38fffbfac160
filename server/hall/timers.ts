/**
 * What time alone changes: late bookings are forfeited (slot start + 30 min, a no-show), and a day's
 * open tickets are closed at closing (engine/day-end.ts), and `hall:updated` tells every screen when
 * the hall opened or closed. `tick` is run by an interval on the system clock, and by the manual
 * clock's setter before it answers.
 */
import { zonedInstant, localDate } from '../engine/calendar.js';
import { forfeitTime } from '../engine/bookings.js';
import { closeAtDayEnd, closesNow, dayEndAt as dayEndAtRule, DAY_END_REASON, waitingClosesBefore } from '../engine/day-end.js';
import { MINUTE } from '../engine/time.js';
import type { TicketRow } from '../db/repos/tickets.js';
import { SYSTEM, record, type Core } from './core.js';
import { recordNoShow } from './bookings.js';
import { housekeepOncePerDay } from './housekeeping.js';
import { saveTicket } from './ticket-store.js';
import { openness, queueCounts, windowState } from './views.js';

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
      if (b && end.booking === 'served') core.repos.bookings.save({ ...b, status: 'served' });
      if (b && end.booking === 'cancelled') {
        core.repos.bookings.save({ ...b, status: 'cancelled', cancelled_at: now, cancelled_by: 'hall', cancel_reason: DAY_END_REASON });
        record(core, 'booking.cancelled', SYSTEM, b.id, { by: 'hall', reason: DAY_END_REASON });
      }
      if (b && end.booking) emit('booking:changed', { bookingId: b.id, status: end.booking });
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
    return { count: rows.length };
  }).count;
}

/** The openness the last tick saw, per hall: a change is the clock crossing an opening or a closing. */
const lastOpen = new WeakMap<Core, boolean>();

/** Emits `hall:updated` when the hall opened or closed since the last tick (the first tick only notes it). */
export function watchOpenness(core: Core): boolean {
  const now = openness(core);
  const before = lastOpen.get(core);
  lastOpen.set(core, now.open);
  if (before === undefined || before === now.open) return false;
  announce(core, now);
  return true;
}

/**
 * Emits `hall:updated` with the hall's state now, whatever it was: for a settings change (name,
 * hours), which the settings service runs after its command commits (CONTRACT.md "Hall settings").
 */
export function announceHall(core: Core): void {
  const now = openness(core);
  lastOpen.set(core, now.open);
  announce(core, now);
}

function announce(core: Core, now: { open: boolean; nextOpenAt: string | null }) {
  core.run('hall-updated', SYSTEM, undefined, (emit) => {
    emit('hall:updated', { open: now.open, nextOpenAt: now.nextOpenAt, hallName: core.cfg.hallName });
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

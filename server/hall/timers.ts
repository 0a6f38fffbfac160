/**
 * What time alone changes: late bookings are forfeited (slot start + 30 min, a no-show), and a day's
 * open tickets are closed at closing (waiting and called → cancelled, reason day-end). `tick` is run
 * by an interval on the system clock, and by the manual clock's setter before it answers.
 */
import { addDays, zonedInstant, sessionsOn, localDate } from '../engine/calendar.js';
import { forfeitTime } from '../engine/bookings.js';
import { DAY_END_REASON } from '../engine/tickets.js';
import { MINUTE } from '../engine/time.js';
import type { TicketRow } from '../db/repos/tickets.js';
import { SYSTEM, actorTag, type Core } from './core.js';
import { recordNoShow } from './bookings.js';
import { housekeepOncePerDay } from './housekeeping.js';
import { queueCounts, windowState } from './views.js';

export function forfeitLateBookings(core: Core): number {
  const now = core.now();
  const limit = now - core.cfg.policy.forfeitMinutes * MINUTE;
  return core.run('forfeit', SYSTEM, undefined, (emit) => {
    const due = core.repos.bookings.dueForForfeit(limit);
    for (const b of due) {
      const at = forfeitTime(b.slot_start, core.cfg.policy);
      core.repos.bookings.save({ ...b, status: 'forfeited', forfeited_at: at });
      recordNoShow(core, b, null, at);
      core.repos.events.append(now, 'booking.forfeited', actorTag(SYSTEM), b.id, { serviceId: b.service_id, date: b.date, slot: b.slot });
      emit('booking:changed', { bookingId: b.id, status: 'forfeited' });
    }
    return { count: due.length };
  }).count;
}

/** When the day's tickets close: the end of its last session plus the grace; midnight when it had none. */
export function dayEndAt(cfg: Pick<Core['cfg'], 'hours' | 'policy'>, day: string): number {
  const sessions = sessionsOn(day, cfg.hours);
  const last = sessions.at(-1);
  const tz = cfg.hours.tz;
  if (!last) return zonedInstant(day, '00:00', tz).getTime();
  return zonedInstant(day, last.end, tz).getTime() + cfg.policy.dayEndGraceMinutes * MINUTE;
}

export function closeDays(core: Core): number {
  const now = core.now();
  const tz = core.cfg.hours.tz;
  const today = localDate(new Date(now), tz);
  // before today's closing, earlier days' open tickets close; after it, today's waiting and called too
  const dayEnded = now >= dayEndAt(core.cfg, today);
  const before = dayEnded ? addDays(today, 1) : today;
  return core.run('day-end', SYSTEM, undefined, (emit) => {
    // every queue that ever had a waiting ticket has a counts row, whatever its count says now
    const queueIds = core.repos.tickets.counts().map((c) => c.queue_id);
    const rows: TicketRow[] = [
      ...core.repos.tickets.waitingBefore(before, zonedInstant(before, '00:00', tz).getTime(), queueIds),
      ...core.repos.tickets.activeUpTo(today).filter((t) => t.day < today || (dayEnded && t.status === 'called')),
    ];
    const queues = new Set<string>();
    const windows = new Set<string>();
    for (const t of rows) {
      // a citizen still being served at midnight was served; waiting and called tickets are closed
      const status = t.status === 'serving' ? 'done' : 'cancelled';
      core.repos.tickets.save({ ...t, status, close_reason: DAY_END_REASON, finished_at: now });
      if (t.status === 'waiting') queues.add(t.queue_id);
      if (t.window_id) windows.add(t.window_id);
    }
    if (rows.length) core.repos.events.append(now, 'day.closed', actorTag(SYSTEM), null, { day: today, tickets: rows.length });
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

export function tick(core: Core): { forfeited: number; closed: number } {
  const done = { forfeited: forfeitLateBookings(core), closed: closeDays(core) };
  housekeepOncePerDay(core); // old idempotency and dead-token rows, on the first tick of each hall day
  return done;
}

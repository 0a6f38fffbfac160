/** Read models: window and queue states, the public snapshot, a ticket's view, the daily report. No personal data. */
import type { Availability, DailyReport, QueueState, RecentCall, StateSnapshot, Ticket, WindowState } from '../../protocol/domain.js';
import type { WindowRow } from '../db/repos/catalog.js';
import { HallError } from '../../protocol/errors.js';
import { callOrder } from '../../protocol/rules/calling.js';
import { toCandidate, type TicketRow } from '../db/repos/tickets.js';
import { toTicket } from './ticket-view.js';
import { waitingAhead } from '../engine/position.js';
import { lineOf } from './line.js';
import { nextOpening, serviceOpenAt, sessionAt, zonedInstant } from '../engine/calendar.js';
import { MINUTE, toIso } from '../engine/time.js';
import { capReached } from '../engine/daily-cap.js';
import type { Core } from './core.js';
import { DAY_END_REASON } from '../engine/day-end.js';

export function windowState(core: Core, row: WindowRow): WindowState {
  const t = row.current_ticket_id ? core.repos.tickets.get(row.current_ticket_id) : undefined;
  const staff = row.staff_user_id ? core.repos.users.get(row.staff_user_id) : undefined;
  const w: WindowState = {
    id: row.id, number: row.number, name: row.name, status: row.status, mode: row.mode,
    current: t ? toTicket(t, core.cfg.hours.tz) : null,
  };
  if (row.pause_reason && row.status === 'paused') w.pauseReason = row.pause_reason;
  if (staff) w.staffName = staff.name;
  return w;
}

/** A queue's waiting counts as events carry them, from the row the trigger keeps (one read, or none when the caller has it). */
export function queueCounts(core: Core, queueId: string, c = core.repos.tickets.count(queueId)) {
  return { id: queueId, waiting: c.waiting, reservationsWaiting: c.reservations_waiting };
}

export function queueStates(core: Core): QueueState[] {
  const counts = new Map(core.repos.tickets.counts().map((c) => [c.queue_id, c]));
  return core.repos.queues.list().map((q) => ({
    id: q.id, name: q.name, prefix: q.prefix,
    waiting: counts.get(q.id)?.waiting ?? 0, reservationsWaiting: counts.get(q.id)?.reservations_waiting ?? 0,
  }));
}

export function recentCalls(core: Core, limit = 10): RecentCall[] {
  const since = zonedInstant(core.today(), '00:00', core.cfg.hours.tz).getTime();
  return core.repos.events.recentCalls(since, limit).map((e) => {
    const d = JSON.parse(e.data) as { ticketNumber: string; kind: RecentCall['kind']; windowNumber: number; windowName: string };
    return { ticketNumber: d.ticketNumber, kind: d.kind, windowNumber: d.windowNumber, windowName: d.windowName, at: toIso(e.at, core.cfg.hours.tz) };
  });
}

/** Whether walk-in tickets can be taken now, and when the hall next opens otherwise. */
export function openness(core: Core): { open: boolean; nextOpenAt: string | null } {
  const now = core.clock.now();
  const services = core.repos.services.list();
  const open = services.some((s) => serviceOpenAt(s, now, core.cfg.hours, { walkIn: true }));
  if (open) return { open, nextOpenAt: null };
  const next = nextOpening(now, core.cfg.hours, (s) => !s.appointmentOnly);
  return { open, nextOpenAt: next ? toIso(next.getTime(), core.cfg.hours.tz) : null };
}

/**
 * The session now and, for each service that takes no walk-in ticket now, when it next does: the
 * kiosk greys those before a tap (issue 14). An extended service's next session may come earlier
 * (lunch, evening, weekend), so the answer is computed once per value of `extended`.
 */
export function availability(core: Core): Availability {
  const now = core.clock.now();
  const hours = core.cfg.hours;
  const s = sessionAt(now, hours);
  const nextFor = new Map<boolean, string | null>();
  const unavailable: Availability['unavailable'] = [];
  const today = core.today();
  for (const svc of core.repos.services.list()) {
    if (serviceOpenAt(svc, now, hours, { walkIn: true })) {
      if (svc.dailyCap !== undefined && capReached(svc.dailyCap, core.repos.tickets.issuedOfService(today, svc.id))) {
        unavailable.push({ serviceId: svc.id, nextAt: null, reason: 'daily-cap' });
      }
      continue;
    }
    if (!nextFor.has(svc.extended)) {
      const next = nextOpening(now, hours, (x) => !x.appointmentOnly && (!x.extended || svc.extended));
      nextFor.set(svc.extended, next ? toIso(next.getTime(), hours.tz) : null);
    }
    unavailable.push({ serviceId: svc.id, nextAt: nextFor.get(svc.extended) ?? null });
  }
  return {
    session: s ? { kind: s.kind, start: s.start, end: s.end, extended: s.extended, appointmentOnly: s.appointmentOnly } : null,
    unavailable,
  };
}

export function snapshot(core: Core): StateSnapshot {
  const { open, nextOpenAt } = openness(core);
  return {
    time: toIso(core.now(), core.cfg.hours.tz),
    hallName: core.cfg.hallName,
    open, nextOpenAt,
    availability: availability(core),
    // what a console needs to order its waiting list by the same rule as call-next (protocol/rules/calling.ts)
    policy: { reservationPriority: core.cfg.policy.reservationPriority, eligibleBeforeMinutes: core.cfg.policy.eligibleBeforeMinutes },
    windows: core.repos.windows.rows().map((r) => windowState(core, r)),
    queues: queueStates(core),
    recentCalls: recentCalls(core),
  };
}

/** A ticket and the people waiting ahead of it (engine/position.ts, from the hall's line: O(log n)). */
export function ticketView(core: Core, row: TicketRow): { ticket: Ticket; waitingAhead: number } {
  const ahead = row.status === 'waiting' ? waitingAhead(toCandidate(row), lineOf(core), core.cfg.policy.reservationPriority) : 0;
  return { ticket: toTicket(row, core.cfg.hours.tz), waitingAhead: ahead };
}

/**
 * A window's waiting list in the order its call-nexts would call it (`callOrder`), transfers to it
 * first. Each lane of the line is already in calling order, so its first `limit` are all that can
 * reach the list's first `limit`: the cost is the window's lanes × limit, not the line.
 */
export function waitingList(core: Core, windowId: string, limit = 100): Ticket[] {
  const row = core.repos.windows.row(windowId);
  const win = core.repos.windows.get(windowId);
  if (!row || !win) throw new HallError('window-not-found');
  const line = lineOf(core);
  const candidates = [
    ...line.first(`transfer:${windowId}`, limit),
    ...win.queueIds.flatMap((q) => [...line.first(`reservation:${q}`, limit), ...line.first(`walk-in:${q}`, limit)]),
  ];
  const p = core.cfg.policy;
  const order = callOrder(candidates, { id: windowId, queueIds: win.queueIds, reservationOnly: !!row.reservation_only, mode: row.mode },
    { now: core.now(), policy: p.reservationPriority, eligibleBeforeMs: p.eligibleBeforeMinutes * MINUTE });
  return order.slice(0, limit).flatMap(({ ticket }) => {
    const t = core.repos.tickets.get(ticket.id);
    return t ? [toTicket(t, core.cfg.hours.tz)] : [];
  });
}

export function sessionNow(core: Core) {
  return sessionAt(core.clock.now(), core.cfg.hours);
}

const avg = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length / 1000) : 0);

export function dailyReport(core: Core, date: string): DailyReport {
  const tickets = core.repos.tickets.ofDay(date);
  const waits = (ts: TicketRow[]) => ts.filter((t) => t.called_at != null).map((t) => t.called_at! - (t.checked_in_at ?? t.issued_at));
  const services = (ts: TicketRow[]) => ts.filter((t) => t.status === 'done' && t.started_at != null && t.finished_at != null).map((t) => t.finished_at! - t.started_at!);
  const done = (ts: TicketRow[]) => ts.filter((t) => t.status === 'done').length;
  const noShows = (ts: TicketRow[]) => ts.filter((t) => t.status === 'no-show').length;
  const bookings = core.repos.bookings.ofDate(date);
  const count = (s: string) => bookings.filter((b) => b.status === s).length;
  return {
    date,
    tickets: tickets.length,
    served: done(tickets),
    noShows: noShows(tickets),
    cancelled: tickets.filter((t) => t.status === 'cancelled').length,
    cancelledAtDayEnd: tickets.filter((t) => t.status === 'cancelled' && t.close_reason === DAY_END_REASON).length,
    avgWaitSeconds: avg(waits(tickets)),
    avgServiceSeconds: avg(services(tickets)),
    byQueue: core.repos.queues.list().map((q) => {
      const ts = tickets.filter((t) => t.queue_id === q.id);
      return { queueId: q.id, name: q.name, tickets: ts.length, served: done(ts), noShows: noShows(ts), avgWaitSeconds: avg(waits(ts)) };
    }),
    byWindow: core.repos.windows.rows().map((w) => {
      const ts = tickets.filter((t) => t.window_id === w.id);
      return { windowId: w.id, number: w.number, name: w.name, served: done(ts), noShows: noShows(ts), avgServiceSeconds: avg(services(ts)) };
    }),
    bookings: {
      total: bookings.length,
      checkedIn: bookings.filter((b) => b.checked_in_at != null).length,
      forfeited: count('forfeited'),
      cancelled: count('cancelled'),
      served: count('served'),
    },
  };
}

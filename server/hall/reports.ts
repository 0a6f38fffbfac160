/**
 * Reports (CONTRACT.md "Reports", issue 15): reads a period's rows through the reports repository and
 * hands them to the pure figures of server/engine/reports/. Staff see only their own windows' tickets
 * and ratings (and no bookings block: a booking belongs to no window); leads and admins the whole hall.
 */
import { HallError } from '../../protocol/errors.js';
import type { TicketStatus } from '../../protocol/domain.js';
import { REPORT_GROUPINGS, type PeriodReport, type ReportBy, type ReportChannel, type ReportRow } from '../../protocol/reports.js';
import { addDays, zonedInstant } from '../engine/calendar.js';
import { HOUR } from '../engine/time.js';
import type { ReportTicket } from '../engine/reports/figures.js';
import { figuresOf } from '../engine/reports/figures.js';
import { mondayFirst, periodRefusal, rowsOf, tallyPeriod, type ReportNames } from '../engine/reports/groups.js';
import { bookingFigures, ratingFigures, type ReportBooking } from '../engine/reports/blocks.js';
import type { BookingChannel, BookingStatus } from '../../protocol/domain.js';
import type { Command } from '../engine/authz.js';
import type { Actor, Core } from './core.js';

export interface Period { from: string; to: string }

/** Every grouping of a period at once (the export's workbook). */
export interface ReportBook extends Omit<PeriodReport, 'by' | 'rows'> {
  hallName: string;
  groupings: Record<ReportBy, ReportRow[]>;
}

/** The windows a report is limited to: a staff member's own; null for everyone else (the whole hall). */
const ownWindows = (actor: Actor) => (actor.role === 'staff' ? new Set(actor.windowIds ?? []) : null);

function checkPeriod(p: Period) {
  const refused = periodRefusal(p.from, p.to);
  if (refused) throw new HallError('invalid-range', refused);
}

/** The period's tickets as the engine reads them, limited to `windows` when given. */
function* periodTickets(core: Core, p: Period, windows: Set<string> | null): Generator<ReportTicket> {
  const tz = core.cfg.hours.tz;
  const start = (day: string) => zonedInstant(day, '00:00', tz).getTime();
  const transfers = new Map<string, number>();
  for (const id of core.repos.reports.transfers(start(p.from), start(addDays(p.to, 1)))) transfers.set(id, (transfers.get(id) ?? 0) + 1);
  // the day's midnight and weekday, once per day (a million tickets share a few hundred days)
  let day = '';
  let midnight = 0;
  let weekday = 0;
  for (const r of core.repos.reports.tickets(p.from, p.to)) {
    const windowId = r[9];
    if (windows && (windowId == null || !windows.has(windowId))) continue;
    if (r[0] !== day) {
      day = r[0];
      midnight = start(day);
      weekday = mondayFirst(day);
    }
    yield {
      day, hour: Math.min(23, Math.max(0, Math.floor((r[1] - midnight) / HOUR))), weekday,
      issuedAt: r[1], calledAt: r[2], startedAt: r[3], finishedAt: r[4], status: r[5] as TicketStatus, closeReason: r[6],
      queueId: r[7], serviceId: r[8], windowId, staffId: r[10], transfers: transfers.get(r[11]) ?? 0,
      channel: (r[12] ?? 'walk-in') as ReportChannel,
    };
  }
}

function names(core: Core): ReportNames {
  const n: ReportNames = { services: new Map(), queues: new Map(), windows: new Map(), staff: new Map() };
  const into = { service: n.services, queue: n.queues, window: n.windows, staff: n.staff } as Record<string, Map<string, string>>;
  for (const r of core.repos.reports.names()) into[r.kind]?.set(r.id, r.name);
  return n;
}

function blocks(core: Core, p: Period, windows: Set<string> | null) {
  const bookings = windows ? null : bookingFigures(core.repos.reports.bookings(p.from, p.to).map((b): ReportBooking => ({
    channel: b[0] as BookingChannel, status: b[1] as BookingStatus, createdAt: b[2], slotStart: b[3], checkedInAt: b[4], cancelledBy: b[5],
  })));
  const levels = core.repos.reports.ratings(p.from, p.to).filter((r) => !windows || (r.window_id != null && windows.has(r.window_id))).map((r) => r.level);
  return { bookings, ratings: ratingFigures(levels) };
}

function gather(core: Core, actor: Actor, p: Period, by: readonly ReportBy[]) {
  checkPeriod(p);
  const windows = ownWindows(actor);
  const target = core.cfg.policy.waitTargetMinutes;
  const tally = tallyPeriod(periodTickets(core, p, windows), by, target);
  return {
    tally, windows,
    head: {
      from: p.from, to: p.to, waitTargetMinutes: target, totals: figuresOf(tally.totals), ...blocks(core, p, windows),
      heatmap: tally.heatmap, waitBuckets: tally.waitBuckets, ownWindowsOnly: windows !== null,
    },
  };
}

export function reportCommands(core: Core, authorize: (a: Actor, c: Command, w?: string) => void) {
  return {
    /** GET /api/reports: the totals and one grouping's rows */
    period(actor: Actor, q: Period & { by: ReportBy }): PeriodReport {
      authorize(actor, 'report.period');
      const { tally, head } = gather(core, actor, q, [q.by]);
      return { ...head, by: q.by, rows: rowsOf(q.by, tally.groups.get(q.by)!, names(core)) };
    },
    /** GET /api/reports/export: every grouping */
    book(actor: Actor, q: Period): ReportBook {
      authorize(actor, 'report.export');
      const { tally, head } = gather(core, actor, q, REPORT_GROUPINGS);
      const n = names(core);
      const groupings = Object.fromEntries(REPORT_GROUPINGS.map((b) => [b, rowsOf(b, tally.groups.get(b)!, n)])) as Record<ReportBy, ReportRow[]>;
      return { ...head, hallName: core.cfg.hallName, groupings };
    },
  };
}

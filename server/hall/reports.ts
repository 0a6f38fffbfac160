/**
 * Reports (CONTRACT.md "Reports", issue 15): reads a period's rows through the reports repository and
 * hands them to the pure figures of server/engine/reports/. Staff see only their own windows' tickets
 * and ratings (and no bookings block: a booking belongs to no window); leads and admins the whole hall.
 */
import { HallError } from '../../protocol/errors.js';
import type { TicketStatus } from '../../protocol/domain.js';
import { REPORT_GROUPINGS, type BookingFigures, type LiveKpis, type PeriodReport, type ReportBy, type ReportChannel, type ReportRow } from '../../protocol/reports.js';
import { addDays, daysBetween, zonedInstant } from '../engine/calendar.js';
import { HOUR, toIso } from '../engine/time.js';
import type { ReportTicket } from '../engine/reports/figures.js';
import { figuresOf, mergeTally, tallyFromArray, tallyToArray } from '../engine/reports/figures.js';
import { addDaily, DAILY_MAX_DAYS, emptyPeriod, mergePeriod, mondayFirst, periodRefusal, periodTally as newTally, rowsOf, tallyPeriod, type ReportNames } from '../engine/reports/groups.js';
import { bookingFigures, emptyBookingFigures, mergeBookingFigures, ratingFigures, type ReportBooking } from '../engine/reports/blocks.js';
import type { BookingChannel, BookingKind, BookingStatus } from '../../protocol/domain.js';
import { longServices } from './booking-changes.js';
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

const bookingsOf = (core: Core, p: Period) => bookingFigures(core.repos.reports.bookings(p.from, p.to).map((b): ReportBooking => ({
  channel: b[0] as BookingChannel, status: b[1] as BookingStatus, createdAt: b[2], slotStart: b[3], checkedInAt: b[4], cancelledBy: b[5],
  kind: b[6] as BookingKind,
})));

function ratingsOf(core: Core, p: Period, windows: Set<string> | null) {
  if (!windows) return ratingFigures(core.repos.reports.ratingCounts(p.from, p.to).flatMap((r) => new Array<number>(r.n).fill(r.level)));
  return ratingFigures(core.repos.reports.ratings(p.from, p.to).filter((r) => r.window_id != null && windows.has(r.window_id)).map((r) => r.level));
}

/** Summarizes the finished days of `days` not stored yet (report_days), each in its own transaction. */
function summarizeDays(core: Core, days: string[], target: number) {
  for (const day of days) {
    const steps = summarizeDaySteps(core, day, target);
    while (!steps.next().done);
  }
}

/** tickets tallied between two yields of a day's summary */
export const SUMMARY_CHUNK = 1000;
/** the longest a slice of summarizing holds the event loop (a day's read and one chunk stay under it) */
export const SLICE_MS = 10;

/**
 * One day's summary in steps: its tickets read at once (one day: a few thousand rows), tallied
 * SUMMARY_CHUNK at a time, stored in one transaction; it yields after the read and after each chunk.
 */
function* summarizeDaySteps(core: Core, day: string, target: number): Generator<void, void> {
  const tickets = [...periodTickets(core, { from: day, to: day }, null)];
  yield;
  const p = newTally(REPORT_GROUPINGS, target);
  for (let i = 0; i < tickets.length; i += SUMMARY_CHUNK) {
    for (const x of tickets.slice(i, i + SUMMARY_CHUNK)) p.add(x);
    if (i + SUMMARY_CHUNK < tickets.length) yield;
  }
  storeDay(core, day, target, p.tally);
}

const nextTurn = () => new Promise<void>((r) => setImmediate(r));

/**
 * Summarizes `days` in slices (issue 20): each slice runs until SLICE_MS is spent or a day is stored,
 * then gives the event loop back, so a first report over a long history never blocks the hall.
 */
async function summarizeInSlices(core: Core, days: string[], target: number) {
  for (const day of days) {
    const steps = summarizeDaySteps(core, day, target);
    for (;;) {
      await nextTurn();
      const until = performance.now() + SLICE_MS;
      let done = false;
      while (!(done = !!steps.next().done) && performance.now() < until);
      if (done) break;
    }
  }
}

function storeDay(core: Core, day: string, target: number, t: ReturnType<typeof tallyPeriod>) {
  const rows: [string, string, string][] = [['day', day, JSON.stringify(tallyToArray(t.totals))]];
  for (const by of REPORT_GROUPINGS) {
    if (by === 'day') continue;
    for (const [k, v] of t.groups.get(by)!) rows.push([by, k, JSON.stringify(tallyToArray(v))]);
  }
  rows.push(['wait', '', JSON.stringify(t.waitBuckets)], ['bookings', '', JSON.stringify(bookingsOf(core, { from: day, to: day }))]);
  core.repos.db.transaction(() => core.repos.reports.putDay(day, target, rows))();
}

/** The whole hall's finished days of `p` (their day end ran) whose summary is not stored yet. */
function missingDays(core: Core, p: Period, target: number): string[] {
  const lastFinal = addDays(core.today(), -2);
  const to = p.to < lastFinal ? p.to : lastFinal;
  if (p.from > to) return [];
  const stored = core.repos.reports.summarizedDays(p.from, to, target);
  const missing: string[] = [];
  for (let d = p.from; d <= to; d = addDays(d, 1)) if (!stored.has(d)) missing.push(d);
  return missing;
}

/** The stored summaries of [from, to] for the groupings `by`, as one period tally and bookings block. */
function fromSummaries(core: Core, p: Period, by: readonly ReportBy[]) {
  const r = core.repos.reports;
  const out = emptyPeriod(by);
  for (const [, , v] of r.summaries('day', p.from, p.to)) mergeTally(out.totals, tallyFromArray(JSON.parse(v) as number[]));
  for (const b of by) {
    const m = out.groups.get(b)!;
    const perDay = out.daily.get(b);
    for (const [day, key, v] of r.summaries(b, p.from, p.to)) {
      const t = tallyFromArray(JSON.parse(v) as number[]);
      if (perDay) addDaily(perDay, key, day, t.arrived);
      const k = b === 'day' ? day : key;
      const have = m.get(k);
      if (have) mergeTally(have, t);
      else m.set(k, t);
    }
  }
  for (const [day, hour, v] of r.summaries('hour', p.from, p.to)) out.heatmap[mondayFirst(day)]![Number(hour)]! += (JSON.parse(v) as number[])[0]!;
  for (const [, , v] of r.summaries('wait', p.from, p.to)) (JSON.parse(v) as number[]).forEach((n, i) => (out.waitBuckets[i]! += n));
  const bookings = emptyBookingFigures();
  for (const [, , v] of r.summaries('bookings', p.from, p.to)) mergeBookingFigures(bookings, JSON.parse(v) as BookingFigures);
  return { tally: out, bookings };
}

/**
 * A period's tallies for the groupings `by`. The whole hall's finished days (before yesterday: their
 * day end ran) come from their stored summaries, made once; the rest from the tickets, through the day
 * index. A staff member's own-windows report always reads the tickets.
 */
function periodTally(core: Core, p: Period, by: readonly ReportBy[], windows: Set<string> | null) {
  const target = core.cfg.policy.waitTargetMinutes;
  const lastFinal = addDays(core.today(), -2);
  if (windows || p.from > lastFinal) {
    return { tally: tallyPeriod(periodTickets(core, p, windows), by, target), bookings: windows ? null : bookingsOf(core, p) };
  }
  const finalTo = p.to < lastFinal ? p.to : lastFinal;
  const stored = core.repos.reports.summarizedDays(p.from, finalTo, target);
  const missing: string[] = [];
  for (let d = p.from; d <= finalTo; d = addDays(d, 1)) if (!stored.has(d)) missing.push(d);
  summarizeDays(core, missing, target);
  const done = fromSummaries(core, { from: p.from, to: finalTo }, by);
  if (finalTo < p.to) {
    const rest = { from: addDays(finalTo, 1), to: p.to };
    mergePeriod(done.tally, tallyPeriod(periodTickets(core, rest, null), by, target));
    mergeBookingFigures(done.bookings, bookingsOf(core, rest));
  }
  return done;
}

function gather(core: Core, actor: Actor, p: Period, by: readonly ReportBy[]) {
  checkPeriod(p);
  const windows = ownWindows(actor);
  const { tally, bookings } = periodTally(core, p, by, windows);
  return {
    tally,
    head: {
      from: p.from, to: p.to, waitTargetMinutes: core.cfg.policy.waitTargetMinutes, totals: figuresOf(tally.totals), bookings,
      ratings: ratingsOf(core, p, windows), heatmap: tally.heatmap, waitBuckets: tally.waitBuckets, ownWindowsOnly: windows !== null,
      // issue 19: read from the bookings each time (a correction by hand shows at once); null for staff like `bookings`
      longServices: windows ? null : longServices(core, p.from, p.to),
    },
  };
}

/** A grouping's daily series for its rows, when the grouping has them and the period is short enough. */
function dailyOf(perKey: Map<string, Map<string, number>> | undefined, p: Period) {
  if (!perKey || daysBetween(p.from, p.to) > DAILY_MAX_DAYS) return undefined;
  const days: string[] = [];
  for (let d = p.from; d <= p.to; d = addDays(d, 1)) days.push(d);
  return { perKey, days };
}

/** How many finished days back the daily summarizing looks (a server off for a while catches up). */
const SUMMARIZE_BACK_DAYS = 7;

/** Summarizes the last week's finished days not stored yet: a few ms a day, so no report meets a backlog. */
export function summarizeRecent(core: Core) {
  const to = addDays(core.today(), -2);
  const from = addDays(to, -(SUMMARIZE_BACK_DAYS - 1));
  const target = core.cfg.policy.waitTargetMinutes;
  const stored = core.repos.reports.summarizedDays(from, to, target);
  const missing: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (!stored.has(d)) missing.push(d);
  summarizeDays(core, missing, target);
}

export function reportCommands(core: Core, authorize: (a: Actor, c: Command, w?: string) => void) {
  // when the hall opens or closes (the tick sees it twice a day), the days that became final are
  // summarized, in slices (issue 20)
  core.bus.on('hall:updated', () => {
    const to = addDays(core.today(), -2);
    const target = core.cfg.policy.waitTargetMinutes;
    summarizeInSlices(core, missingDays(core, { from: addDays(to, -(SUMMARIZE_BACK_DAYS - 1)), to }, target), target)
      .catch((err: unknown) => core.log.warn({ err }, 'report summaries: a day could not be summarized (the next report does it)'));
  });
  return {
    /**
     * Issue 20: builds the stored summaries a whole-hall report of `q` needs, in slices that give the
     * event loop back (a first report over a year of history took seconds in one go). The routes await
     * it before `period` or `book`, which then find every finished day stored.
     */
    async prepare(actor: Actor, q: Period): Promise<void> {
      checkPeriod(q);
      if (ownWindows(actor)) return; // a staff member's report reads the tickets, never the summaries
      const target = core.cfg.policy.waitTargetMinutes;
      await summarizeInSlices(core, missingDays(core, q, target), target);
    },
    /** GET /api/reports: the totals and one grouping's rows */
    period(actor: Actor, q: Period & { by: ReportBy }): PeriodReport {
      authorize(actor, 'report.period');
      const { tally, head } = gather(core, actor, q, [q.by]);
      return { ...head, by: q.by, rows: rowsOf(q.by, tally.groups.get(q.by)!, names(core), dailyOf(tally.daily.get(q.by), q)) };
    },
    /** GET /api/reports/live: today's running figures (lead+) */
    live(actor: Actor): LiveKpis {
      authorize(actor, 'report.live');
      const now = core.now();
      const d = core.repos.reports.live(core.today());
      const states = new Map(core.repos.reports.windowStates().map((w) => [w.status, w.n]));
      const tz = core.cfg.hours.tz;
      return {
        at: toIso(now, tz), waiting: d.waiting ?? 0, oldestWaitingSince: d.oldest == null ? null : toIso(d.oldest, tz),
        longestWaitSeconds: d.oldest == null ? 0 : Math.max(0, Math.round((now - d.oldest) / 1000)), served: d.served ?? 0,
        windowsOpen: (states.get('open') ?? 0) + (states.get('paused') ?? 0), windowsPaused: states.get('paused') ?? 0,
      };
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

/**
 * The figures of a report (CONTRACT.md "Reports"), pure: from plain ticket rows to summable partials
 * (`Tally`), and from a tally to the figures. A period's tally is the merge of its days' tallies, so
 * a period's figures are its days' figures combined (test/engine/reports.test.ts).
 */
import type { ReportChannel, ReportFigures } from '../../../protocol/reports.js';
import { WAIT_BUCKETS_MINUTES } from '../../../protocol/reports.js';
import type { TicketStatus } from '../../../protocol/domain.js';
import { DAY_END_REASON } from '../day-end.js';
import { MINUTE } from '../time.js';

/** One ticket as a report reads it. Times are epoch milliseconds. */
export interface ReportTicket {
  day: string;
  /** local hour of issue, 0–23 */
  hour: number;
  /** weekday of its day, 0 Monday … 6 Sunday */
  weekday: number;
  queueId: string;
  serviceId: string;
  windowId: string | null;
  /** who served it: the user signed in at its window when it was called */
  staffId: string | null;
  channel: ReportChannel;
  status: TicketStatus;
  closeReason: string | null;
  issuedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  transfers: number;
}

/** The wait of a ticket: issue → (first) call; null until it is called. */
export const waitMs = (t: Pick<ReportTicket, 'issuedAt' | 'calledAt'>) => (t.calledAt == null ? null : Math.max(0, t.calledAt - t.issuedAt));
/** The walk to the window: call → start. */
export const walkMs = (t: Pick<ReportTicket, 'calledAt' | 'startedAt'>) =>
  (t.calledAt == null || t.startedAt == null ? null : Math.max(0, t.startedAt - t.calledAt));
/** The service: start → finish, of a served ticket. */
export const serviceMs = (t: Pick<ReportTicket, 'status' | 'startedAt' | 'finishedAt'>) =>
  (t.status !== 'done' || t.startedAt == null || t.finishedAt == null ? null : Math.max(0, t.finishedAt - t.startedAt));

/** Summable partials: merging two tallies is adding them (maxima: the larger). */
export interface Tally {
  arrived: number; served: number; noShows: number; cancelled: number; cancelledAtDayEnd: number; transfers: number;
  waitN: number; waitSum: number; waitMax: number;
  walkN: number; walkSum: number;
  serviceN: number; serviceSum: number; serviceMax: number;
  servedOverTarget: number;
}

export const emptyTally = (): Tally => ({
  arrived: 0, served: 0, noShows: 0, cancelled: 0, cancelledAtDayEnd: 0, transfers: 0,
  waitN: 0, waitSum: 0, waitMax: 0, walkN: 0, walkSum: 0, serviceN: 0, serviceSum: 0, serviceMax: 0, servedOverTarget: 0,
});

/** Adds one ticket to `into`; `targetMs` is policy.waitTargetMinutes in ms. */
export function addTicket(into: Tally, t: ReportTicket, targetMs: number): void {
  into.arrived++;
  into.transfers += t.transfers;
  if (t.status === 'no-show') into.noShows++;
  if (t.status === 'cancelled') {
    into.cancelled++;
    if (t.closeReason === DAY_END_REASON) into.cancelledAtDayEnd++;
  }
  const wait = waitMs(t);
  if (wait != null) {
    into.waitN++;
    into.waitSum += wait;
    if (wait > into.waitMax) into.waitMax = wait;
  }
  const walk = walkMs(t);
  if (walk != null) {
    into.walkN++;
    into.walkSum += walk;
  }
  if (t.status === 'done') {
    into.served++;
    if (wait != null && wait > targetMs) into.servedOverTarget++;
    const s = serviceMs(t);
    if (s != null) {
      into.serviceN++;
      into.serviceSum += s;
      if (s > into.serviceMax) into.serviceMax = s;
    }
  }
}

export function mergeTally(into: Tally, from: Tally): Tally {
  for (const k of Object.keys(from) as (keyof Tally)[]) {
    into[k] = k === 'waitMax' || k === 'serviceMax' ? Math.max(into[k], from[k]) : into[k] + from[k];
  }
  return into;
}

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);
const seconds = (ms: number) => Math.round(ms / 1000);
const avgSeconds = (sum: number, n: number) => (n ? Math.round(sum / n / 1000) : 0);

export function figuresOf(t: Tally): ReportFigures {
  return {
    arrived: t.arrived, served: t.served, servedPct: pct(t.served, t.arrived),
    noShows: t.noShows, noShowPct: pct(t.noShows, t.arrived),
    cancelled: t.cancelled, cancelledAtDayEnd: t.cancelledAtDayEnd, transfers: t.transfers,
    avgWaitSeconds: avgSeconds(t.waitSum, t.waitN), maxWaitSeconds: seconds(t.waitMax),
    avgWalkSeconds: avgSeconds(t.walkSum, t.walkN),
    avgServiceSeconds: avgSeconds(t.serviceSum, t.serviceN), maxServiceSeconds: seconds(t.serviceMax),
    waitOverTargetPct: pct(t.servedOverTarget, t.served),
  };
}

/** The histogram bucket of a wait: the index of the first bound it does not exceed, or the last. */
export function waitBucket(ms: number): number {
  const i = WAIT_BUCKETS_MINUTES.findIndex((m) => ms <= m * MINUTE);
  return i < 0 ? WAIT_BUCKETS_MINUTES.length : i;
}

const TALLY_KEYS = Object.keys(emptyTally()) as (keyof Tally)[];
/** A tally as a plain array (the stored day summaries, 004_reports.sql), and back. */
export const tallyToArray = (t: Tally): number[] => TALLY_KEYS.map((k) => t[k]);
export function tallyFromArray(a: readonly number[]): Tally {
  const t = emptyTally();
  TALLY_KEYS.forEach((k, i) => (t[k] = a[i] ?? 0));
  return t;
}

/**
 * Call-next order at a window (DESIGN.md "Tickets and calling"):
 *  (1) tickets transferred to this window, by issue time (a transfer keeps its place; equal times by
 *      daily sequence, as the hall's transfer-head query orders them, whatever their queue);
 *  (2) eligible reservations (slot start − 15 min ≤ now) by slot start, then check-in time;
 *  (3) walk-ins oldest first across the window's queues, queue order breaking ties.
 * Reservation mode and reservation-only windows serve (1) and (2) only. Under policy `manual`
 * a window in normal mode leaves reservations to reservation windows (it shows a badge instead).
 *
 * Pure: the same function picks from a full list (tests, reference model) and from the per-queue
 * heads the database returns (hall), because each rule is a minimum over the same keys.
 * It lives in protocol/ because the console orders its waiting list by the same rule.
 */
import type { WindowMode } from '../domain.js';

export interface Candidate {
  id: string;
  kind: 'walk-in' | 'reservation';
  queueId: string;
  issuedAt: number;
  /** reservations: slot start (ms) */
  slotStart?: number | null;
  /** reservations: check-in time (ms) */
  checkedInAt?: number | null;
  /** set when the ticket was transferred to a window */
  targetWindowId?: string | null;
  /** daily sequence in its queue: breaks ties of equal times in issue order (ids are random) */
  seq?: number;
}

export interface WindowView {
  id: string;
  queueIds: string[];
  reservationOnly: boolean;
  mode: WindowMode;
}

export interface CallOptions {
  now: number;
  policy: 'auto' | 'manual';
  eligibleBeforeMs: number;
  /** the mode asked for by this call-next, else the window's own mode */
  mode?: WindowMode;
}

export type CallReason = 'transfer' | 'reservation' | 'walk-in';

export function isEligibleReservation(c: Candidate, now: number, eligibleBeforeMs: number): boolean {
  return c.kind === 'reservation' && c.slotStart != null && c.slotStart - eligibleBeforeMs <= now;
}

/** Whether this window, called in this mode, takes reservations first. */
export function servesReservations(w: WindowView, opts: CallOptions): boolean {
  const mode = opts.mode ?? w.mode;
  return opts.policy === 'auto' || mode === 'reservation' || w.reservationOnly;
}

/** Whether this window, called in this mode, takes walk-ins at all. */
export function servesWalkIns(w: WindowView, opts: CallOptions): boolean {
  const mode = opts.mode ?? w.mode;
  return mode !== 'reservation' && !w.reservationOnly;
}

const bySeq = (a: Candidate, b: Candidate) => (a.seq ?? 0) - (b.seq ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const byIssue = (a: Candidate, b: Candidate, order: Map<string, number>) =>
  a.issuedAt - b.issuedAt || (order.get(a.queueId) ?? 99) - (order.get(b.queueId) ?? 99) || bySeq(a, b);

/**
 * The order of each lane, exported so an index of the line sorts exactly as the call does. Each is
 * a total order (the id breaks the last tie), so it can key a sorted set.
 */
/** walk-ins of one queue, and transfers to one window: oldest issue first (a transfer keeps its place) */
export const byIssueTime = (a: Candidate, b: Candidate) => a.issuedAt - b.issuedAt || bySeq(a, b);
/** checked-in reservations: by slot start, then check-in time */
export const bySlot = (a: Candidate, b: Candidate) =>
  (a.slotStart ?? 0) - (b.slotStart ?? 0) || (a.checkedInAt ?? 0) - (b.checkedInAt ?? 0) || a.issuedAt - b.issuedAt || bySeq(a, b);

/**
 * Every ticket this window would call, in the order successive call-nexts would call them (nothing
 * else changing): the waiting list a window shows. `pickNext` is its first entry.
 */
export function callOrder(
  waiting: readonly Candidate[],
  w: WindowView,
  opts: CallOptions,
): { ticket: Candidate; reason: CallReason }[] {
  const order = new Map(w.queueIds.map((q, i) => [q, i]));
  const out: { ticket: Candidate; reason: CallReason }[] = [];
  const transfers = waiting.filter((c) => c.targetWindowId === w.id).sort(byIssueTime);
  for (const ticket of transfers) out.push({ ticket, reason: 'transfer' });
  const mine = waiting.filter((c) => !c.targetWindowId && order.has(c.queueId));
  if (servesReservations(w, opts)) {
    const res = mine.filter((c) => isEligibleReservation(c, opts.now, opts.eligibleBeforeMs)).sort(bySlot);
    for (const ticket of res) out.push({ ticket, reason: 'reservation' });
  }
  if (servesWalkIns(w, opts)) {
    const walk = mine.filter((c) => c.kind === 'walk-in').sort((a, b) => byIssue(a, b, order));
    for (const ticket of walk) out.push({ ticket, reason: 'walk-in' });
  }
  return out;
}

export function pickNext(
  waiting: readonly Candidate[],
  w: WindowView,
  opts: CallOptions,
): { ticket: Candidate; reason: CallReason } | null {
  const order = new Map(w.queueIds.map((q, i) => [q, i]));
  const transfers = waiting.filter((c) => c.targetWindowId === w.id);
  if (transfers.length) return { ticket: transfers.sort(byIssueTime)[0], reason: 'transfer' };

  const mine = waiting.filter((c) => !c.targetWindowId && order.has(c.queueId));
  if (servesReservations(w, opts)) {
    const res = mine.filter((c) => isEligibleReservation(c, opts.now, opts.eligibleBeforeMs));
    if (res.length) return { ticket: res.sort(bySlot)[0], reason: 'reservation' };
  }
  if (servesWalkIns(w, opts)) {
    const walk = mine.filter((c) => c.kind === 'walk-in');
    if (walk.length) return { ticket: walk.sort((a, b) => byIssue(a, b, order))[0], reason: 'walk-in' };
  }
  return null;
}

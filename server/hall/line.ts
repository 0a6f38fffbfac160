/**
 * The line: an in-memory index of every waiting ticket, one sorted lane per queue and kind and one
 * per window for transfers, each in its calling order (server/engine/position.ts). It answers
 * "how many are ahead" and "the first k of a lane" in O(log n) without touching the database, so
 * issuing a ticket stays one insert and the answer does not grow with the line (the COUNT query it
 * replaces did).
 *
 * Why an index and not a Fenwick tree: a ticket's place is not its sequence number (a transfer into
 * another queue keeps its issue time; reservations order by slot), so the keys are not known ahead;
 * an order-statistic tree (engine/ranked.ts) takes any key.
 *
 * Kept true to the database: it is built from the waiting tickets when the hall starts, and then
 * changed only by `ticket:saved`, which the hall's `run` emits after a command commits (a rolled-back
 * command emits nothing). Every ticket write goes through hall/ticket-store.ts, which emits it.
 * The listener is the bus's first (the Hall subscribes it when built), so any later listener
 * that asks for a position sees the committed line.
 */
import { toCandidate, type TicketRow } from '../db/repos/tickets.js';
import type { Candidate } from '../../protocol/rules/calling.js';
import { RankedSet } from '../engine/ranked.js';
import { laneOf, laneOrder, type Lane, type LineCounts } from '../engine/position.js';
import type { Core } from './core.js';

export class Line implements LineCounts {
  private readonly lanes = new Map<Lane, RankedSet<Candidate>>();
  /** each indexed ticket as it was indexed (its key), to remove it when it changes */
  private readonly indexed = new Map<string, Candidate>();

  private lane(lane: Lane): RankedSet<Candidate> {
    let s = this.lanes.get(lane);
    if (!s) this.lanes.set(lane, (s = new RankedSet(laneOrder(lane))));
    return s;
  }

  /** A committed row: out of its old place; into its new one when it is waiting. */
  apply(row: TicketRow): void {
    const old = this.indexed.get(row.id);
    if (old) {
      this.lanes.get(laneOf(old))?.remove(old);
      this.indexed.delete(row.id);
    }
    if (row.status !== 'waiting') return;
    const c = toCandidate(row);
    this.lane(laneOf(c)).insert(c);
    this.indexed.set(c.id, c);
  }

  before(lane: Lane, c: Candidate): number {
    return this.lanes.get(lane)?.rank(c) ?? 0;
  }

  size(lane: Lane): number {
    return this.lanes.get(lane)?.size ?? 0;
  }

  first(lane: Lane, k: number): Candidate[] {
    return this.lanes.get(lane)?.first(k) ?? [];
  }
}

const lines = new WeakMap<Core, Line>();

/** The hall's line: built from the database and subscribed to the bus on first use. */
export function lineOf(core: Core): Line {
  let line = lines.get(core);
  if (line) return line;
  line = new Line();
  for (const row of core.repos.tickets.allWaiting()) line.apply(row);
  const l = line;
  core.bus.on('ticket:saved', (row) => l.apply(row));
  lines.set(core, line);
  return line;
}

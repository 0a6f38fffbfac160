/**
 * Queue position ("前面还有 N 人"), the one definition. The kiosk's answer, GET /api/tickets/:id,
 * the printed ticket and the phone page all read it through the hall's line (server/hall/line.ts).
 *
 * It follows the calling order (protocol/rules/calling.ts `callOrder`) of a window serving only the
 * ticket's queue, in the mode that calls the ticket's kind:
 *  - a ticket transferred to a window: the transfers to that window issued before it (they are
 *    called first, oldest first);
 *  - a checked-in reservation: the reservations of its queue before it by slot start, then check-in;
 *  - a walk-in: the walk-ins of its queue issued before it (a ticket transferred into the queue keeps
 *    its issue time), plus, under policy `auto`, every checked-in reservation waiting in the queue.
 *    Those are counted whether or not they are eligible yet: a citizen checks in at most
 *    `checkinOpensMinutes` before the slot and becomes eligible `eligibleBeforeMinutes` before it, so
 *    each will be called before this walk-in; counting them keeps the number steady over time, so
 *    the kiosk, the paper and the phone agree. Under `manual` a normal window leaves reservations
 *    to reservation windows, so they are not ahead.
 * Pure: the counts come from `LineCounts`, which the hall answers in O(log n) from its index.
 */
import { byIssueTime, bySlot, type Candidate } from '../../protocol/rules/calling.js';

export type Lane = `walk-in:${string}` | `reservation:${string}` | `transfer:${string}`;

/** Which lane of the line a waiting ticket is in, each lane ordered by `laneOrder`. */
export function laneOf(c: Candidate): Lane {
  if (c.targetWindowId) return `transfer:${c.targetWindowId}`;
  return c.kind === 'reservation' ? `reservation:${c.queueId}` : `walk-in:${c.queueId}`;
}

export const laneOrder = (lane: Lane): ((a: Candidate, b: Candidate) => number) =>
  lane.startsWith('reservation:') ? bySlot : byIssueTime;

export interface LineCounts {
  /** waiting tickets of `lane` that come before `c` in the lane's order */
  before(lane: Lane, c: Candidate): number;
  /** waiting tickets in `lane` */
  size(lane: Lane): number;
}

export function waitingAhead(c: Candidate, line: LineCounts, policy: 'auto' | 'manual'): number {
  const lane = laneOf(c);
  const own = line.before(lane, c);
  if (c.targetWindowId || c.kind === 'reservation') return own;
  return own + (policy === 'auto' ? line.size(`reservation:${c.queueId}`) : 0);
}

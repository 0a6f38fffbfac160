/**
 * Queue position, the one definition (server/engine/position.ts): for a window serving only the
 * ticket's queue, it is the ticket's index in `callOrder` once every checked-in reservation is
 * eligible, under policy auto; reservations are not ahead of walk-ins under manual.
 */
import { describe, expect, it } from 'vitest';
import { callOrder, type Candidate } from '../../protocol/rules/calling.js';
import { laneOf, laneOrder, waitingAhead, type Lane, type LineCounts } from '../../server/engine/position.js';

/** the counts by brute force over a list (the hall answers them from its index) */
function countsOf(line: Candidate[]): LineCounts {
  const lane = (l: Lane) => line.filter((c) => laneOf(c) === l);
  return {
    before: (l, c) => lane(l).filter((x) => laneOrder(l)(x, c) < 0).length,
    size: (l) => lane(l).length,
  };
}

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

function randomLine(seed: number): Candidate[] {
  const r = rng(seed);
  const out: Candidate[] = [];
  for (let i = 0; i < 40; i++) {
    const kind = r() < 0.3 ? 'reservation' : 'walk-in';
    const issuedAt = Math.floor(r() * 20) * 1000; // equal times happen: the sequence breaks them
    out.push({
      id: `t${i}`, kind, queueId: 'qA', issuedAt, seq: i + 1,
      slotStart: kind === 'reservation' ? Math.floor(r() * 4) * 3_600_000 : null,
      checkedInAt: kind === 'reservation' ? issuedAt : null,
      targetWindowId: r() < 0.15 ? 'w1' : null,
    });
  }
  return out;
}

describe('waiting ahead follows the calling order', () => {
  it('policy auto: every ticket\'s waiting-ahead is its index in callOrder for a window serving only its queue', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const line = randomLine(seed);
      const counts = countsOf(line);
      const order = callOrder(line, { id: 'w1', queueIds: ['qA'], reservationOnly: false, mode: 'normal' },
        { now: 10 * 3_600_000, policy: 'auto', eligibleBeforeMs: 0 }).map((o) => o.ticket.id);
      const transfers = line.filter((c) => c.targetWindowId).length;
      for (const c of line) {
        const index = order.indexOf(c.id);
        // transfers to the window are called first; others count from after them
        expect(waitingAhead(c, counts, 'auto'), `seed ${seed} ${c.id}`).toBe(c.targetWindowId ? index : index - transfers);
      }
    }
  });

  it('policy manual: a walk-in has only earlier walk-ins ahead (reservations go to reservation windows)', () => {
    const line: Candidate[] = [
      { id: 'r', kind: 'reservation', queueId: 'qA', issuedAt: 5, slotStart: 0, checkedInAt: 5, seq: 3 },
      { id: 'a', kind: 'walk-in', queueId: 'qA', issuedAt: 1, seq: 1 },
      { id: 'b', kind: 'walk-in', queueId: 'qA', issuedAt: 2, seq: 2 },
    ];
    expect(waitingAhead(line[2], countsOf(line), 'manual')).toBe(1);
    expect(waitingAhead(line[2], countsOf(line), 'auto')).toBe(2);
  });

  it('a reservation counts only the reservations before it by slot, then check-in; never the walk-ins', () => {
    const line: Candidate[] = [
      { id: 'a', kind: 'walk-in', queueId: 'qA', issuedAt: 1, seq: 1 },
      { id: 'late', kind: 'reservation', queueId: 'qA', issuedAt: 2, slotStart: 7200, checkedInAt: 2, seq: 2 },
      { id: 'early', kind: 'reservation', queueId: 'qA', issuedAt: 3, slotStart: 3600, checkedInAt: 3, seq: 3 },
    ];
    expect(waitingAhead(line[1], countsOf(line), 'auto')).toBe(1);
    expect(waitingAhead(line[2], countsOf(line), 'auto')).toBe(0);
  });
});

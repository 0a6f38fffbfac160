/**
 * Property tests of the calling invariants (issue 2), over random command sequences run against the
 * real Hall on SQLite with a manual clock: no ticket is called twice (unless transferred back into a
 * line), a window never skips an eligible reservation for a walk-in under `auto`, walk-ins of one
 * queue leave in issue order, and two windows never hold the same ticket.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HallError } from '../../protocol/errors.js';
import type { Policy } from '../../server/engine/policy.js';
import type { TicketRow } from '../../server/db/repos/tickets.js';
import { KIOSK, STAFF, makeHall, seedCatalog } from '../helpers/hall.js';
import { bookingOf } from './fixtures.js';

const PLATFORM = { kind: 'device' as const, id: 'd-platform', role: 'platform' as const };
const WINDOWS = ['w1', 'w2', 'w3'];
const SERVICES = ['a1', 'a2', 'b1'];
const EARLY = 15 * 60_000;

type Op =
  | { op: 'issue'; service: number }
  | { op: 'checkin'; booking: number }
  | { op: 'call'; window: number; reservationMode: boolean }
  | { op: 'start' | 'finish' | 'noShow' | 'recall'; window: number }
  | { op: 'transfer'; window: number; toWindow: boolean; target: number };

const opArb: fc.Arbitrary<{ step: Op; advanceSec: number }> = fc.record({
  // 0 s on purpose: many commands land in the same millisecond
  advanceSec: fc.constantFrom(0, 0, 1, 30, 90),
  step: fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('issue' as const), service: fc.nat(2) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('checkin' as const), booking: fc.nat(7) }) },
    { weight: 5, arbitrary: fc.record({ op: fc.constant('call' as const), window: fc.nat(2), reservationMode: fc.boolean() }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('start' as const, 'finish' as const, 'noShow' as const, 'recall' as const), window: fc.nat(2) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('transfer' as const), window: fc.nat(2), toWindow: fc.boolean(), target: fc.nat(2) }) },
  ),
});

function setup(policy: Partial<Policy>) {
  const h = makeHall({ now: '2026-11-22T10:00:00+08:00', policy });
  seedCatalog(h.hall);
  const qrs: string[] = [];
  for (let i = 0; i < 8; i++) {
    const service = ['a1', 'b1', 'a2'][i % 3];
    qrs.push(h.hall.book(PLATFORM, bookingOf(100 + i, { serviceId: service, date: '2026-11-23', slot: i < 4 ? '09:30' : '10:30' })).qr);
  }
  h.clock.set('2026-11-23T09:00:00+08:00');
  return { ...h, qrs };
}

function run(policy: Partial<Policy>, steps: { step: Op; advanceSec: number }[]) {
  const { hall, clock, db, qrs, repos } = setup(policy);
  const auto = (policy.reservationPriority ?? 'auto') === 'auto';
  const ticket = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE id = ?');
  const waiting = db.prepare<[], TicketRow>("SELECT * FROM tickets WHERE status = 'waiting'");
  const queuesOf = (w: string) => repos.windows.get(w)!.queueIds;
  /** tickets that may be called now: waiting, and not already called since they last entered a line */
  const callable = new Set<string>();

  for (const { step, advanceSec } of steps) {
    clock.advance(advanceSec * 1000);
    const w = WINDOWS[(step as { window?: number }).window ?? 0];
    const before = waiting.all();
    const now = clock.now().getTime();
    try {
      switch (step.op) {
        case 'issue':
          callable.add(hall.issueTicket(KIOSK, { serviceId: SERVICES[step.service] }).ticket.id);
          break;
        case 'checkin': {
          const r = hall.checkIn(KIOSK, { qr: qrs[step.booking] });
          if (!r.alreadyCheckedIn) callable.add(r.ticket.id);
          break;
        }
        case 'call': {
          const win = repos.windows.row(w)!;
          const got = hall.callNext(STAFF, w, step.reservationMode ? 'reservation' : undefined).ticket;
          if (!got) break;
          // no ticket is called twice
          expect(callable.has(got.id), `ticket ${got.number} called twice`).toBe(true);
          callable.delete(got.id);
          const picked = before.find((t) => t.id === got.id)!;
          const mine = before.filter((t) => !t.target_window_id && queuesOf(w).includes(t.queue_id));
          if (picked.kind === 'walk-in' && picked.target_window_id !== w) {
            // a transfer to this window always comes first
            expect(before.some((t) => t.target_window_id === w)).toBe(false);
            // under auto, never a walk-in while an eligible reservation of this window's queues waits
            if (auto || win.reservation_only || step.reservationMode || win.mode === 'reservation')
              expect(mine.some((t) => t.kind === 'reservation' && t.slot_start! - EARLY <= now), 'skipped an eligible reservation').toBe(false);
            // walk-ins of one queue leave in issue order
            const older = mine.filter((t) => t.kind === 'walk-in' && t.queue_id === picked.queue_id
              && (t.issued_at < picked.issued_at || (t.issued_at === picked.issued_at && t.seq < picked.seq)));
            expect(older.map((t) => t.number), `walk-in ${picked.number} overtook`).toEqual([]);
          }
          break;
        }
        case 'start': hall.start(STAFF, w); break;
        case 'finish': hall.finish(STAFF, w); break;
        case 'noShow': hall.noShow(STAFF, w); break;
        case 'recall': hall.recall(STAFF, w); break;
        case 'transfer': {
          const to = step.toWindow ? { windowId: WINDOWS[step.target] } : { queueId: ['qA', 'qB', 'qA'][step.target] };
          const r = hall.transfer(STAFF, w, to);
          if (r.ticket) callable.add(r.ticket.id);
          break;
        }
      }
    } catch (err) {
      // refusals by rule are part of the game; anything else (a SqliteError, a TypeError) is a bug
      if (!(err instanceof HallError)) throw err;
    }
    // two windows never hold the same ticket, and a held ticket is called or serving at that window
    const held = repos.windows.rows().filter((r) => r.current_ticket_id).map((r) => [r.id, r.current_ticket_id!] as const);
    expect(new Set(held.map(([, t]) => t)).size).toBe(held.length);
    for (const [wid, tid] of held) {
      const t = ticket.get(tid)!;
      if (t.status === 'called' || t.status === 'serving') expect(t.window_id).toBe(wid);
    }
    const active = db.prepare("SELECT id FROM tickets WHERE status IN ('called', 'serving')").all() as { id: string }[];
    expect(active.every((t) => held.some(([, h]) => h === t.id))).toBe(true);
  }
}

const steps = fc.array(opArb, { minLength: 10, maxLength: 70 });

describe('calling invariants over random command sequences (real Hall, SQLite, manual clock)', () => {
  it('policy auto: no double call, no skipped reservation, issue order per queue, one window per ticket', () => {
    fc.assert(fc.property(steps, (s) => run({ reservationPriority: 'auto' }, s)), { numRuns: 60 });
  });

  it('policy manual: no double call, issue order per queue, one window per ticket', () => {
    fc.assert(fc.property(steps, (s) => run({ reservationPriority: 'manual' }, s)), { numRuns: 40 });
  });
});

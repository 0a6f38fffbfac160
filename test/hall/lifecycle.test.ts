/**
 * The ticket lifecycle table (protocol/rules/lifecycle.ts) is the rule the hall applies and the
 * console's buttons show: for each state a window's ticket can be in, each window command succeeds
 * exactly when the table allows it, refuses with the table's code otherwise, and the console
 * enables the button exactly then.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, KIOSK, STAFF, makeHall, seedCatalog } from '../helpers/hall.js';
import { HallError } from '../../protocol/errors.js';
import { allows, outcome, type TicketCommand } from '../../protocol/rules/lifecycle.js';
import type { TicketStatus } from '../../protocol/domain.js';
import { availability, type ButtonId } from '../../apps/console/availability.js';

type State = 'none' | 'called' | 'serving';

/** A hall whose window 1 has a current ticket in `state`, and another ticket waiting. */
function windowIn(state: State) {
  const h = makeHall();
  seedCatalog(h.hall);
  h.hall.issueTicket(KIOSK, { serviceId: 'a1' });
  h.hall.issueTicket(KIOSK, { serviceId: 'a1' });
  if (state !== 'none') h.hall.callNext(STAFF, 'w1');
  if (state === 'serving') h.hall.start(STAFF, 'w1');
  return h;
}

const COMMANDS: [TicketCommand, ButtonId, (h: ReturnType<typeof windowIn>) => unknown][] = [
  ['call-next', 'callNext', (h) => h.hall.callNext(STAFF, 'w1')],
  ['recall', 'recall', (h) => h.hall.recall(STAFF, 'w1')],
  ['start', 'start', (h) => h.hall.start(STAFF, 'w1')],
  ['finish', 'finish', (h) => h.hall.finish(STAFF, 'w1')],
  ['no-show', 'noShow', (h) => h.hall.noShow(STAFF, 'w1')],
  ['transfer', 'transfer', (h) => h.hall.transfer(STAFF, 'w1', { queueId: 'qB' })],
];

describe('ticket lifecycle: one table for the hall and the console', () => {
  for (const state of ['none', 'called', 'serving'] as const) {
    const status: TicketStatus | null = state === 'none' ? null : state;
    for (const [command, button, run] of COMMANDS) {
      it(`${command} with the window's ticket ${state}: the hall and the console button both follow the table`, () => {
        const h = windowIn(state);
        const o = outcome(command, status);
        const before = h.hall.windowState('w1');
        expect(availability(before, null)[button].enabled).toBe(allows(command, status));
        if ('refuse' in o) {
          let err: unknown;
          try { run(h); } catch (e) { err = e; }
          expect(err).toBeInstanceOf(HallError);
          expect((err as HallError).code).toBe(o.refuse);
        } else {
          expect(() => run(h)).not.toThrow();
          if (o.next !== 'same' && before.current) {
            const id = before.current.id;
            expect(h.hall.ticket(id).ticket.status).toBe(o.next);
          }
        }
      });
    }
  }

  it('a window cannot be deleted while its ticket is called or serving (the table\'s in-use)', () => {
    for (const state of ['called', 'serving'] as const) {
      const h = windowIn(state);
      let err: unknown;
      try { h.hall.catalog.deleteWindow(ADMIN, 'w1'); } catch (e) { err = e; }
      expect((err as HallError).code).toBe('in-use');
    }
    const h = windowIn('none');
    expect(h.hall.catalog.deleteWindow(ADMIN, 'w1')).toEqual({ id: 'w1' });
  });

  it('day end: waiting and called close as cancelled, serving as done', () => {
    expect(outcome('day-end', 'waiting')).toEqual({ next: 'cancelled' });
    expect(outcome('day-end', 'called')).toEqual({ next: 'cancelled' });
    expect(outcome('day-end', 'serving')).toEqual({ next: 'done' });
    expect(outcome('day-end', 'done')).toEqual({ next: 'same' });
  });
});

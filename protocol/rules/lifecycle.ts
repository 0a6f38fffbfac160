/**
 * The ticket lifecycle (DESIGN.md "Tickets and calling") as one table: a command, the status of
 * the ticket it acts on (`null`: the window has no current ticket) → the ticket's next status, or
 * the refusal's error code. The hall applies it (server/hall/windows.ts, catalog.ts, the day end)
 * and the console greys its buttons by it, so they cannot disagree.
 *
 *   waiting ─call─▶ called ─start─▶ serving ─finish─▶ done
 *                     │  └─finish (a quick matter)──────▶ done
 *                     ├─no-show─▶ no-show
 *                     └─transfer (also from serving)─▶ waiting (for another queue or window)
 *   day end: waiting, called → cancelled; serving → done (the citizen was served)
 *
 * Dependency-free: the apps import it.
 */
import type { TicketStatus } from '../domain.js';
import type { ErrorCode } from '../errors.js';

export type TicketCommand =
  /** call-next, as it concerns the window's current ticket: a serving one is finished, a called one refuses */
  | 'call-next'
  /** a lead calls a given ticket out of order: it must be waiting */
  | 'call'
  | 'recall' | 'start' | 'finish' | 'no-show' | 'transfer'
  /** the window signs off: not while its ticket is only called */
  | 'close-window'
  /** an admin deletes the window: not while it holds a called or serving ticket */
  | 'delete-window'
  /** the hall cancels a checked-in booking: its ticket leaves the line if still waiting */
  | 'cancel-booking'
  /** closing time: what happens to a ticket still open */
  | 'day-end';

/** `same`: the command goes on and leaves the ticket as it is. */
export type Outcome = { next: TicketStatus | 'same' } | { refuse: ErrorCode };

type Row = { [S in TicketStatus | 'none']?: Outcome } & { otherwise: Outcome };

const to = (next: TicketStatus | 'same'): Outcome => ({ next });
const refuse = (code: ErrorCode): Outcome => ({ refuse: code });

export const LIFECYCLE: Record<TicketCommand, Row> = {
  'call-next': { called: refuse('ticket-in-progress'), serving: to('done'), otherwise: to('same') },
  call: { waiting: to('called'), otherwise: refuse('ticket-not-waiting') },
  recall: { called: to('called'), otherwise: refuse('no-current-ticket') },
  start: { called: to('serving'), otherwise: refuse('no-current-ticket') },
  finish: { serving: to('done'), called: to('done'), otherwise: refuse('no-current-ticket') },
  'no-show': { called: to('no-show'), otherwise: refuse('no-current-ticket') },
  transfer: { called: to('waiting'), serving: to('waiting'), otherwise: refuse('no-current-ticket') },
  'close-window': { called: refuse('ticket-in-progress'), otherwise: to('same') },
  'delete-window': { called: refuse('in-use'), serving: refuse('in-use'), otherwise: to('same') },
  'cancel-booking': { waiting: to('cancelled'), otherwise: to('same') },
  'day-end': { waiting: to('cancelled'), called: to('cancelled'), serving: to('done'), otherwise: to('same') },
};

/** What `command` does to a ticket in `status` (`null`: no ticket). */
export function outcome(command: TicketCommand, status: TicketStatus | null | undefined): Outcome {
  const row = LIFECYCLE[command];
  return row[status ?? 'none'] ?? row.otherwise;
}

/** Whether `command` may act on a ticket in `status`. */
export const allows = (command: TicketCommand, status: TicketStatus | null | undefined): boolean => 'next' in outcome(command, status);

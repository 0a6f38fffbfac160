/**
 * The one way the hall writes a ticket row: the write, then (after the commit) `ticket:saved` for
 * the line index and, for a change after issue, `ticket:updated` for the staff consoles. A
 * rolled-back command emits nothing, so the index never sees a write that did not happen.
 */
import type { TicketRow } from '../db/repos/tickets.js';
import { toTicket } from './ticket-view.js';
import type { Core, Emit } from './core.js';

export function insertTicketRow(core: Core, emit: Emit, row: TicketRow) {
  core.repos.tickets.insert(row);
  emit('ticket:saved', row);
}

export function saveTicket(core: Core, emit: Emit, row: TicketRow): TicketRow {
  core.repos.tickets.save(row);
  emit('ticket:saved', row);
  emit('ticket:updated', { ticket: toTicket(row, core.cfg.hours.tz) });
  return row;
}

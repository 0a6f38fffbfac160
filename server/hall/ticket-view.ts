/** A ticket row as the contract shows it (CONTRACT.md "Shapes": times ISO 8601 in the hall's zone). */
import type { Ticket } from '../../protocol/domain.js';
import type { TicketRow } from '../db/repos/tickets.js';
import { toIso } from '../engine/time.js';

export function toTicket(r: TicketRow, tz: string): Ticket {
  const t: Ticket = {
    id: r.id, number: r.number, kind: r.kind, status: r.status, queueId: r.queue_id, serviceId: r.service_id,
    issuedAt: toIso(r.issued_at, tz), recalls: r.recalls,
  };
  if (r.booking_id) t.bookingId = r.booking_id;
  if (r.window_id) t.windowId = r.window_id;
  if (r.called_at != null) t.calledAt = toIso(r.called_at, tz);
  if (r.started_at != null) t.startedAt = toIso(r.started_at, tz);
  if (r.finished_at != null) t.finishedAt = toIso(r.finished_at, tz);
  if (r.slot_start != null) t.slotStart = toIso(r.slot_start, tz);
  if (r.checked_in_at != null) t.checkedInAt = toIso(r.checked_in_at, tz);
  if (r.target_window_id) t.targetWindowId = r.target_window_id;
  return t;
}

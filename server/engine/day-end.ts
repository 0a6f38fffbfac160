/**
 * Day end (DESIGN.md "Tickets and calling": tickets belong to their day). Pure: the hall's timer
 * (server/hall/timers.ts) asks which tickets close now and how, and writes the answer.
 */
import type { BookingStatus, TicketStatus } from '../../protocol/domain.js';
import { outcome } from '../../protocol/rules/lifecycle.js';
import { addDays, sessionsOn, zonedInstant, type HoursConfig } from './calendar.js';
import type { Policy } from './policy.js';
import { MINUTE } from './time.js';

/** Tickets of a day that are still open at closing are closed with this reason. */
export const DAY_END_REASON = 'day-end';

/** When the day's tickets close: the end of its last session plus the grace; midnight when it had none. */
export function dayEndAt(day: string, hours: HoursConfig, policy: Policy): number {
  const last = sessionsOn(day, hours).at(-1);
  if (!last) return zonedInstant(day, '00:00', hours.tz).getTime();
  return zonedInstant(day, last.end, hours.tz).getTime() + policy.dayEndGraceMinutes * MINUTE;
}

/**
 * Whether the close takes this ticket now. Before today's closing only earlier days' open tickets
 * close; after it today's waiting and called ones too. A ticket still being served stays so until
 * its day is over (the citizen is at the window).
 */
export function closesNow(t: { day: string; status: TicketStatus }, today: string, todayEnded: boolean): boolean {
  if (t.day < today) return t.status === 'waiting' || t.status === 'called' || t.status === 'serving';
  if (t.day > today || !todayEnded) return false;
  return t.status === 'waiting' || t.status === 'called';
}

/** Waiting tickets of days before this one close (the query bound of `closesNow` for waiting tickets). */
export const waitingClosesBefore = (today: string, todayEnded: boolean) => (todayEnded ? addDays(today, 1) : today);

/**
 * How the close ends a ticket (the lifecycle's `day-end` row) and its checked-in booking:
 *  - served at the window → done, the booking served;
 *  - waiting or called → cancelled; a checked-in booking becomes `cancelled` by the hall with the
 *    reason day-end. Not `forfeited` (no no-show: the citizen came and checked in) and not `served`
 *    (nobody served them); `cancelled` by the hall is what happened, and it leaves their credit whole.
 */
export function closeAtDayEnd(status: TicketStatus, booking: BookingStatus | null): { ticket: TicketStatus; booking: BookingStatus | null } {
  const o = outcome('day-end', status);
  const ticket = 'next' in o && o.next !== 'same' ? o.next : status;
  return { ticket, booking: booking ? bookingAfterTicket(ticket, booking) : null };
}

/**
 * The status a checked-in booking takes when its reservation ticket ends (null: it stays as it is):
 * done → served; no-show at the window → forfeited (视为放弃, and it counts as a no-show);
 * cancelled (the day end, or the hall) → cancelled. So no booking stays `checked-in` after its ticket.
 */
export function bookingAfterTicket(ticket: TicketStatus, booking: BookingStatus): BookingStatus | null {
  if (booking !== 'checked-in') return null;
  if (ticket === 'done') return 'served';
  if (ticket === 'no-show') return 'forfeited';
  if (ticket === 'cancelled') return 'cancelled';
  return null;
}

/**
 * The booking desk (issue 19; seed 004 二(2)–(4), 002 四(一)2): a window's worklist of bookings —
 * dispatched to it and not signed for (派单 → 签收), still to call in advance, and to follow up after
 * a no-show — and one booking's history. Response types of GET /api/desk and GET /api/bookings/:id/history.
 */
import type { Booking } from './domain.js';

export type ContactPurpose = 'advance' | 'follow-up';
export type ContactOutcome = 'reached' | 'not-reached' | 'confirmed' | 'asked-to-change' | 'gave-up' | 'rescheduled' | 'unreachable';

/** a call as lists show it: no note (a note may hold personal data; it is on the booking's history) */
export interface ContactSummary {
  purpose: ContactPurpose;
  outcome: ContactOutcome;
  /** ISO 8601 with the hall's offset */
  at: string;
  /** the display name of who called */
  by: string;
}

/** one call with its note (GET /api/bookings/:id/history, POST /api/bookings/:id/contacts) */
export interface BookingContact extends ContactSummary { id: string; bookingId: string; note?: string }

export interface DeskEntry {
  /** masked like every list */
  booking: Booking;
  /** the latest call about it, if any */
  lastContact?: ContactSummary;
  /** toCall only: when the advance call is due (0.5 working day after a phone registration; else the slot start) */
  dueBy?: string;
  /** an advance call reached or confirmed the citizen */
  reached: boolean;
  /** the no-show follow-up call was made */
  followedUp: boolean;
}

/** GET /api/desk?windowId= */
export interface DeskWorklist {
  windowId: string;
  /** dispatched to this window and not signed for yet, earliest slot first */
  dispatched: DeskEntry[];
  /** open bookings of this window from now to the booking horizon with no call that reached or confirmed the citizen; by dueBy */
  toCall: DeskEntry[];
  /** no-shows: slot start + policy.forfeitMinutes passed, never checked in, no follow-up call yet; earliest slot first */
  followUp: DeskEntry[];
  /** the window's other open bookings of the same days (on no list now): a console moves them onto a list as they change or time passes */
  others: DeskEntry[];
  /** policy.forfeitMinutes: a no-show joins followUp at slot start + this */
  forfeitMinutes: number;
}

/** GET /api/bookings/:id/history: the booking's event-log entries and its calls, each oldest first */
export interface BookingHistory {
  bookingId: string;
  events: { seq: number; type: string; at: string; actor: string; data: Record<string, unknown> }[];
  contacts: BookingContact[];
}

/** POST /api/bookings/:id/contacts: the call as stored (with its note) and the booking after it */
export interface ContactResult { contact: BookingContact; booking: Booking }

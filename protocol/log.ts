/**
 * The event log's types and the shape of each one's data: the hall appends only these (the append
 * is typed by this map), and statistics, audit and the platform outbox read them. No personal data
 * in clear: a person appears only masked (`person`), never by name, ID number or phone.
 */
import type { BookingChannel, HallWindow, Queue, Role, Service, TicketKind, WindowMode } from './domain.js';
import type { EvaluationChannel, FollowUpOutcome } from './evaluations.js';

/** how a ticket is named in every ticket.* event (its id is the event's subject) */
export interface TicketRef { number: string; kind: TicketKind; queueId: string }

export interface LogEvents {
  'ticket.issued': TicketRef & { serviceId: string };
  /** the ticket was given to a window: by call-next (`reason` the calling rule that picked it) or by a lead out of order */
  'ticket.assigned': TicketRef & { windowId: string; reason?: string | null; outOfOrder?: boolean };
  /** a call or a recall announced (the lobby's recent calls are read from these) */
  'ticket.called': {
    ticketNumber: string; kind: TicketKind; queueId: string; windowId: string; windowNumber: number; windowName: string; recall: boolean;
  };
  'ticket.started': TicketRef & { windowId: string };
  'ticket.finished': TicketRef & { windowId: string | null };
  'ticket.no-show': TicketRef & { windowId: string; recalls: number };
  'ticket.transferred': TicketRef & { fromWindowId: string; toQueueId: string | null; toWindowId: string | null };
  'ticket.rated': TicketRef & { rating: number; windowId: string };
  'booking.created': { channel: BookingChannel; serviceId: string; date: string; slot: string };
  'booking.checked-in': { ticketId: string; serviceId: string };
  /** by the citizen or the hall; the day end cancels a checked-in booking whose ticket was never served (reason day-end) */
  'booking.cancelled': { by: 'citizen' | 'hall'; reason: string | null };
  'booking.forfeited': { serviceId: string; date: string; slot: string };
  /** `person`: the ID number masked to its first and last four characters */
  'credit.pardoned': { month: string; pardoned: number; reason: string; person: string };
  'queue.created': Queue;
  'queue.updated': Queue;
  'queue.deleted': Record<string, never>;
  'service.created': Service;
  'service.updated': Service;
  'service.deleted': Record<string, never>;
  'window.created': HallWindow;
  'window.updated': HallWindow;
  'window.deleted': Record<string, never>;
  'window.paused': { reason: string };
  'window.resumed': Record<string, never>;
  'window.mode': { mode: WindowMode };
  'window.opened': Record<string, never>;
  'window.closed': Record<string, never>;
  /** the day-end close ran: how many tickets it closed */
  'day.closed': { day: string; tickets: number };
  /** day end closed the windows still open and unbound their staff (issue 14): their numbers */
  'day.windows-closed': { windows: number[] };
  /** staff needed one booking's personal data in clear (POST /api/bookings/:id/reveal): why */
  'booking.revealed': { reason: string };
  // accounts and devices (server/hall/people.ts); never a password or a token
  'user.created': { username: string; name: string; role: Role; windowIds: string[]; phone?: 'set' };
  'user.updated': { role?: Role; windowIds?: string[]; name?: string; active?: boolean; phone?: 'set' | 'cleared' };
  'user.password-set': { by: 'self' | 'admin' };
  /** `from`: the client address of the sign-in */
  'user.signed-in': { from: string };
  'user.signed-out': Record<string, never>;
  'device.registered': { kind: string; name: string };
  'device.replaced': { kind: string; name: string };
  'device.revoked': { kind: string; name: string };
  /** an online backup of the database was written (server/storage/backups.ts): why (scheduled or on demand) */
  'backup.made': { bytes: number; reason: string };
  /**
   * which settings sections changed (their names; the values are in the settings table): by an admin's
   * PUT /api/config/:section, POST /api/config/apply (a whole file), or the first start's seeding from HALLQ_CONFIG
   */
  'settings.updated': { keys: string[]; via?: 'put' | 'apply' | 'seed'; restartRequired?: boolean };
  /** a year's State Council holiday schedule entered (PUT /api/calendar/:year) */
  'calendar.year-entered': { year: number; holidays: string[]; makeupWorkdays: string[] };
  // 好差评 (issue 16): the platform stream forwards evaluation.created; no personal data, no comment or note text
  /** a ticket was rated (the subject is the evaluation's id) */
  'evaluation.created': { ticketId: string; level: number; windowId: string | null; serviceId: string | null; channel: EvaluationChannel };
  /** a lead recorded how a rating was followed up (the note stays in the evaluations table) */
  'evaluation.followed-up': { outcome: FollowUpOutcome };
  /** a display device became the evaluator pad of a window (its pairing link names the window) */
  'evaluation.pad-bound': { windowId: string };
  /** an admin asked the platform link to push the stream again from this seq (POST /api/platform/resend) */
  'platform.resent': { fromSeq: number };
  // booking desk (issue 19); the subject is the booking's id; a contact's note stays in booking_contacts
  /** 派单: a lead/admin handed the booking to a window (again, before sign-off) */
  'booking.dispatched': { windowId: string };
  /** 签收: the window's staff signed for it */
  'booking.signed': { windowId: string };
  /** a call about the booking: in advance or after a no-show */
  'booking.contacted': { purpose: 'advance' | 'follow-up'; outcome: string };
  // booking changes, 办理情况 and 上门办 (issue 19): subject = the booking's id; no reason or note text, no address
  /** staff asked to move a booking (004 (4)); the reason stays in booking_changes */
  'booking.reschedule-requested': { changeId: string; from: BookingWhen; to: BookingWhen };
  /** a lead approved: the booking moved (same id and code) */
  'booking.rescheduled': { changeId: string; from: BookingWhen; to: BookingWhen };
  'booking.reschedule-refused': { changeId: string };
  'booking.reschedule-withdrawn': { changeId: string };
  /** 办理情况 recorded or corrected by hand (004 (5)); the notes stay on the booking */
  'booking.service-recorded': { done: boolean; minutes: number | null };
  /** a visit (上门办) given to a staff member */
  'booking.assigned': { assigneeId: string };
  // forms and the duty roster (issue 19): ids only, no names or phones
  /** someone was put on the 上岗表 of a date (the subject is the roster entry's id) */
  'roster.assigned': { date: string; role: 'window' | 'back-office' | 'lead'; userId: string; session: string | null; bookingId: string | null };
  /** an entry was taken off the 上岗表 */
  'roster.removed': { date: string; role: 'window' | 'back-office' | 'lead'; userId: string };
  /** a printable form was opened showing these bookings' name and phone in clear (the subject is the booking or the date) */
  'form.revealed': { form: 'registration' | 'handover' | 'duty'; date: string; bookingIds: string[] };
}

/** a booking's date and slot start, as the change log names them */
export interface BookingWhen { date: string; slot: string }

export type LogType = keyof LogEvents;
export type LogData<K extends LogType> = LogEvents[K];

/** Every declared type, for readers that check what they find (a type missing here fails to compile). */
const TYPES: Record<LogType, true> = {
  'ticket.issued': true, 'ticket.assigned': true, 'ticket.called': true, 'ticket.started': true, 'ticket.finished': true,
  'ticket.no-show': true, 'ticket.transferred': true, 'ticket.rated': true,
  'booking.created': true, 'booking.checked-in': true, 'booking.cancelled': true, 'booking.forfeited': true,
  'credit.pardoned': true,
  'queue.created': true, 'queue.updated': true, 'queue.deleted': true,
  'service.created': true, 'service.updated': true, 'service.deleted': true,
  'window.created': true, 'window.updated': true, 'window.deleted': true,
  'window.paused': true, 'window.resumed': true, 'window.mode': true, 'window.opened': true, 'window.closed': true,
  'day.closed': true, 'day.windows-closed': true,
  'booking.revealed': true,
  'user.created': true, 'user.updated': true, 'user.password-set': true, 'user.signed-in': true, 'user.signed-out': true,
  'device.registered': true, 'device.replaced': true, 'device.revoked': true,
  'backup.made': true,
  'settings.updated': true,
  'calendar.year-entered': true,
  'evaluation.created': true, 'evaluation.followed-up': true, 'evaluation.pad-bound': true,
  'platform.resent': true,
  'booking.dispatched': true, 'booking.signed': true, 'booking.contacted': true,
  'booking.reschedule-requested': true, 'booking.rescheduled': true, 'booking.reschedule-refused': true,
  'booking.reschedule-withdrawn': true, 'booking.service-recorded': true, 'booking.assigned': true,
  'roster.assigned': true, 'roster.removed': true, 'form.revealed': true,
};
export const LOG_TYPES = Object.keys(TYPES) as LogType[];
export const isLogType = (t: string): t is LogType => Object.hasOwn(TYPES, t);

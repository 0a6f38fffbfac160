/**
 * The booking desk (issue 19), pure: which bookings belong to a window, and a window's worklist at an
 * instant — dispatched and not signed for (seed 004 二(2) 派单 → 签收), still to call in advance
 * (004 (3); 002 四(一)2: a phone booking within 0.5 working day), and no-shows to follow up (004 (4):
 * 30 minutes after the slot started). Forfeit and credit are not decided here (engine/bookings.ts).
 */
import type { BookingChannel, BookingKind, BookingStatus } from '../../protocol/domain.js';
import type { ContactOutcome, ContactPurpose } from '../../protocol/desk.js';
import { CONTACT_OUTCOMES } from '../../protocol/rules/contact-outcomes.js';
import { addDays, isWorkingDay, localDate, sessionsOn, toMinutes, zonedInstant, type HoursConfig } from './calendar.js';
import type { Policy } from './policy.js';
import { MINUTE } from './time.js';

export interface DeskBooking {
  id: string;
  status: BookingStatus;
  kind: BookingKind;
  channel: BookingChannel;
  serviceId: string;
  date: string;
  slotStart: number;
  createdAt: number;
  checkedInAt: number | null;
  dispatchWindowId: string | null;
  signedAt: number | null;
}

export interface DeskContact { bookingId: string; purpose: ContactPurpose; outcome: ContactOutcome; at: number }

/** the window as the rule needs it: the queues it serves (table window_queues) */
export interface DeskWindow { id: string; queueIds: readonly string[] }

/** how many days back the follow-up list looks (an older no-show nobody called is left to the reports) */
export const FOLLOW_UP_DAYS = 7;

/** an advance call that reached the citizen (and so took them off the list of calls to make) */
const REACHED: ReadonlySet<ContactOutcome> = new Set<ContactOutcome>(['reached', 'confirmed']);
/** never checked in: still waiting, or already forfeited by the timer */
const NO_SHOW: ReadonlySet<BookingStatus> = new Set<BookingStatus>(['booked', 'forfeited']);

/** The window serves the booking's service: one of its queues is the service's queue. */
export function serves(w: DeskWindow, serviceQueueId: string | undefined): boolean {
  return serviceQueueId !== undefined && w.queueIds.includes(serviceQueueId);
}

/**
 * A booking belongs to the window it was dispatched to; an undispatched one to every window serving
 * its service. Visits (上门办) belong to their assigned staff member, not a window.
 */
export function belongsTo(b: Pick<DeskBooking, 'kind' | 'dispatchWindowId'>, w: DeskWindow, serviceQueueId: string | undefined): boolean {
  if (b.kind !== 'window') return false;
  if (b.dispatchWindowId) return b.dispatchWindowId === w.id;
  return serves(w, serviceQueueId);
}

/** null when `outcome` is one a call of `purpose` can have; else the refusal's code. */
export function contactRefusal(purpose: ContactPurpose, outcome: ContactOutcome): 'contact-outcome-invalid' | null {
  return (CONTACT_OUTCOMES[purpose] as readonly string[]).includes(outcome) ? null : 'contact-outcome-invalid';
}

/** The instant a no-show's follow-up call may be made, and it appears on the list: slot start + policy.forfeitMinutes. */
export const followUpFrom = (slotStart: number, policy: Pick<Policy, 'forfeitMinutes'>) => slotStart + policy.forfeitMinutes * MINUTE;

/** how far halfWorkingDayAfter looks for working time before giving up */
const MAX_SEARCH_DAYS = 60;

/**
 * 0.5 working day after `from` in the hall calendar: half of a working day's regular sessions
 * (seed 003 §2.5: e.g. 08:30–12:00 and 14:00–17:00 make 6.5 hours, half of it 3¼ hours), counted
 * through the regular sessions of working days only (a call registered at 16:30 is due the next
 * working morning). null when the calendar has no working time in the next 60 days.
 */
export function halfWorkingDayAfter(from: number, hours: HoursConfig): number | null {
  let day = localDate(new Date(from), hours.tz);
  let left: number | null = null;
  let at = from;
  for (let i = 0; i < MAX_SEARCH_DAYS; i++, day = addDays(day, 1)) {
    if (!isWorkingDay(day, hours)) continue;
    const regular = sessionsOn(day, hours).filter((s) => s.kind === 'regular');
    if (regular.length === 0) continue;
    if (left === null) left = (regular.reduce((n, s) => n + toMinutes(s.end) - toMinutes(s.start), 0) * MINUTE) / 2;
    for (const s of regular) {
      const start = Math.max(zonedInstant(day, s.start, hours.tz).getTime(), at);
      const end = zonedInstant(day, s.end, hours.tz).getTime();
      if (end <= start) continue;
      if (end - start >= left) return start + left;
      left -= end - start;
      at = end;
    }
  }
  return null;
}

/** When the advance call about a booking is due: a phone booking's 0.5 working day after registration (not after its slot); otherwise its slot start. */
export function callDueBy(b: Pick<DeskBooking, 'channel' | 'createdAt' | 'slotStart'>, hours: HoursConfig): number {
  if (b.channel !== 'phone') return b.slotStart;
  const due = halfWorkingDayAfter(b.createdAt, hours);
  return due === null ? b.slotStart : Math.min(due, b.slotStart);
}

export interface WorklistInput {
  window: DeskWindow;
  /** candidate bookings (the repository's window of dates); the rule keeps those belonging to the window */
  bookings: readonly DeskBooking[];
  /** every call about the candidates */
  contacts: readonly DeskContact[];
  /** service id → its queue id */
  serviceQueue: ReadonlyMap<string, string>;
  now: number;
  hours: HoursConfig;
  policy: Pick<Policy, 'forfeitMinutes' | 'horizonDays'>;
}

export interface Worklist {
  dispatched: string[];
  toCall: { id: string; dueBy: number }[];
  followUp: string[];
}

/** The three lists of a window at `now` (ids; the caller attaches the read model). */
export function worklist(inp: WorklistInput): Worklist {
  const { window: w, now, hours, policy } = inp;
  const today = localDate(new Date(now), hours.tz);
  const lastDay = addDays(today, policy.horizonDays);
  const firstFollowUpDay = addDays(today, -FOLLOW_UP_DAYS);
  const reached = new Set<string>();
  const followedUp = new Set<string>();
  for (const c of inp.contacts) {
    if (c.purpose === 'advance' && REACHED.has(c.outcome)) reached.add(c.bookingId);
    if (c.purpose === 'follow-up') followedUp.add(c.bookingId);
  }
  const mine = inp.bookings.filter((b) => belongsTo(b, w, inp.serviceQueue.get(b.serviceId)));
  const bySlot = (a: DeskBooking, b: DeskBooking) => a.slotStart - b.slotStart || a.createdAt - b.createdAt;

  const dispatched = mine
    .filter((b) => b.dispatchWindowId === w.id && b.signedAt === null && (b.status === 'booked' || b.status === 'checked-in'))
    .sort(bySlot).map((b) => b.id);
  const toCall = mine
    .filter((b) => b.status === 'booked' && b.slotStart > now && b.date <= lastDay && !reached.has(b.id))
    .map((b) => ({ id: b.id, dueBy: callDueBy(b, hours), slotStart: b.slotStart }))
    .sort((a, b) => a.dueBy - b.dueBy || a.slotStart - b.slotStart)
    .map(({ id, dueBy }) => ({ id, dueBy }));
  const followUp = mine
    .filter((b) => NO_SHOW.has(b.status) && b.checkedInAt === null && b.date >= firstFollowUpDay
      && followUpFrom(b.slotStart, policy) <= now && !followedUp.has(b.id))
    .sort(bySlot).map((b) => b.id);
  return { dispatched, toCall, followUp };
}

/**
 * Booking rules (seed 002 is the main source; DESIGN.md "Bookings"). Pure: every input is passed in.
 * Each function returns the refusal as an error code with details, or null when the rule allows it.
 */
import type { BookingChannel, BookingStatus } from '../../protocol/domain.js';
import type { ErrorCode } from '../../protocol/errors.js';
import { isValidIdNumber, isValidMobile } from '../../protocol/identity.js';
import { CANCELLABLE } from '../../protocol/rules/bookings.js';
import {
  addDays, hourlySlots, localDate, previousWorkingDay, sessionsOn, zonedInstant,
  type HoursConfig, type Session,
} from './calendar.js';
import type { Policy } from './policy.js';
import { bookingDeadlineOf, channelRule, checkChannel, leadText, type BookingRules, type RuleChannel } from './booking-rules.js';
import { HOUR, MINUTE, toIso } from './time.js';

export interface Refusal {
  code: ErrorCode;
  details?: Record<string, unknown>;
}

/** Sessions in which a service may be booked: regular ones, and extended ones for services on the extended list. */
export function bookableSessions(service: { extended: boolean }, date: string, hours: HoursConfig, anyBookable = false): Session[] {
  return sessionsOn(date, hours).filter((s) => !s.extended || service.extended || anyBookable);
}

/** DESIGN: slots are hourly within the service's open sessions that day (a last partial hour is shorter). */
export function serviceSlots(service: { extended: boolean }, date: string, hours: HoursConfig, anyBookable = false) {
  return hourlySlots(bookableSessions(service, date, hours, anyBookable));
}

export function slotStartMs(date: string, slot: string, tz: string): number {
  return zonedInstant(date, slot, tz).getTime();
}

/** seed 002 "预约时间": online ≥ 3 h before; phone/on-site before 16:30 of the previous working day. */
export function bookingDeadline(channel: BookingChannel, date: string, slot: string, hours: HoursConfig, policy: Policy): number {
  if (channel === 'online') return slotStartMs(date, slot, hours.tz) - policy.onlineLeadHours * HOUR;
  return zonedInstant(previousWorkingDay(date, hours), policy.phoneDeadline, hours.tz).getTime();
}

export interface BookingRequest {
  idNumber: string;
  phone: string;
  channel: BookingChannel;
  /** the rules that apply: the channel's own, or 'staff' for an urgent registration by staff (seed 002) */
  ruleChannel?: RuleChannel;
  date: string;
  slot: string;
  service: { bookable: boolean; extended: boolean; slotCapacity: number };
}

export interface BookingFacts {
  now: number;
  /** bookings of this service and slot that hold a place (booked, checked-in, served) */
  bookedInSlot: number;
  /** this person's bookings that day that hold a place, with their slots */
  personSlotsThatDay: string[];
  /** the person's credit now */
  barredUntil: string | null;
}

/** Input checks that are 400s: real-name data must be valid before any rule is looked at. */
export function checkIdentity(idNumber: string, phone: string): Refusal | null {
  if (!isValidIdNumber(idNumber)) return { code: 'invalid-id-number' };
  if (!isValidMobile(phone)) return { code: 'invalid-phone' };
  return null;
}

export function checkBooking(req: BookingRequest, facts: BookingFacts, hours: HoursConfig, policy: Policy, rules?: BookingRules): Refusal | null {
  const bad = checkIdentity(req.idNumber, req.phone);
  if (bad) return bad;
  if (!req.service.bookable) return { code: 'service-not-bookable' };
  const channel = req.ruleChannel ?? req.channel;
  const rule = channelRule(rules, channel, policy);
  const closed = checkChannel(channel, req.date, facts.now, hours, policy, rules);
  if (closed?.code === 'channel-closed') return closed;
  const slots = serviceSlots(req.service, req.date, hours, rule.extendedSessions === 'any-bookable');
  if (!slots.some((s) => s.slot === req.slot)) return { code: 'slot-unavailable', details: { date: req.date, slot: req.slot } };
  if (facts.barredUntil) return { code: 'booking-barred', details: { barredUntil: facts.barredUntil, limit: policy.noShowLimit } };
  const today = localDate(new Date(facts.now), hours.tz);
  const lastDay = addDays(today, rule.horizonDays);
  if (req.date > lastDay) return { code: 'beyond-horizon', details: { lastDate: lastDay, days: rule.horizonDays } };
  if (closed) return closed;
  const deadline = bookingDeadlineOf(rule.lead, req.date, req.slot, hours);
  if (facts.now >= deadline) {
    const lead = rule.configured ? { lead: leadText(rule.lead) } : {};
    return { code: 'too-late-to-book', details: { deadline: toIso(deadline, hours.tz), ...lead } };
  }
  if (facts.personSlotsThatDay.includes(req.slot)) return { code: 'duplicate-slot' };
  if (facts.personSlotsThatDay.length >= policy.maxBookingsPerDay)
    return { code: 'daily-booking-limit', details: { limit: policy.maxBookingsPerDay } };
  const capacity = req.service.slotCapacity;
  if (facts.bookedInSlot >= capacity) return { code: 'slot-full', details: { capacity } };
  return null;
}

/** seed 002 "取消预约": the citizen may cancel up to 3 h before; later only the hall, recorded. */
export function checkCancel(
  b: { status: BookingStatus; slotStart: number },
  by: 'citizen' | 'hall',
  now: number,
  policy: Policy,
  tz: string,
): Refusal | null {
  if (!CANCELLABLE[by].includes(b.status)) return { code: 'booking-not-cancellable', details: { status: b.status } };
  if (by === 'citizen' && now > b.slotStart - policy.cancelLeadHours * HOUR)
    return { code: 'too-late-to-cancel', details: { deadline: toIso(b.slotStart - policy.cancelLeadHours * HOUR, tz), hours: policy.cancelLeadHours } };
  return null;
}

/** Check-in opens 60 min before the slot and closes at the forfeit time, slot start + 30 min. */
export function checkCheckin(
  b: { status: BookingStatus; date: string; slotStart: number; forfeitedAt?: number | null },
  now: number,
  tz: string,
  policy: Policy,
): Refusal | null {
  const forfeitAt = b.slotStart + policy.forfeitMinutes * MINUTE;
  if (b.status === 'cancelled') return { code: 'booking-cancelled' };
  const expired = (at: number): Refusal => ({ code: 'booking-expired', details: { forfeitedAt: toIso(at, tz), minutes: policy.forfeitMinutes } });
  if (b.status === 'forfeited') return expired(b.forfeitedAt ?? forfeitAt);
  if (b.date !== localDate(new Date(now), tz)) return { code: 'booking-not-today', details: { date: b.date } };
  const opens = b.slotStart - policy.checkinOpensMinutes * MINUTE;
  if (now < opens) return { code: 'booking-too-early', details: { checkinOpensAt: toIso(opens, tz) } };
  if (now >= forfeitAt) return expired(forfeitAt);
  return null;
}

/**
 * Among a person's bookings today (by slot start), the one a check-in by ID card means: one open for
 * check-in now; else one already checked in (the answer is its ticket); else the most telling
 * refusal: a coming one (too early), any still booked, a forfeited one (expired), the first.
 */
export function pickTodaysBooking<B extends { status: BookingStatus; date: string; slotStart: number; forfeitedAt?: number | null }>(
  rows: readonly B[], now: number, tz: string, policy: Policy,
): B {
  const open = rows.find((b) => b.status === 'booked' && checkCheckin(b, now, tz, policy) === null);
  if (open) return open;
  const inNow = rows.find((b) => b.status === 'checked-in');
  if (inNow) return inNow;
  const upcoming = rows.find((b) => b.status === 'booked' && b.slotStart - policy.checkinOpensMinutes * MINUTE > now);
  return upcoming ?? rows.find((b) => b.status === 'booked') ?? rows.find((b) => b.status === 'forfeited') ?? rows[0];
}

/** When a booked-but-absent booking is forfeited (counts as a no-show). */
export const forfeitTime = (slotStart: number, policy: Policy) => slotStart + policy.forfeitMinutes * MINUTE;

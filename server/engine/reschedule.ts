/**
 * Moving a booking (改期, seed 004 二(4)): "如遇特殊情况确需推迟或变更预约的，必须经政务服务管理科同意，
 * 并提前12小时告知申请人". Pure: every fact is passed in. Checked when staff ask and again when a
 * lead approves (time has passed, the new slot may have filled).
 */
import type { BookingKind, BookingStatus } from '../../protocol/domain.js';
import { serviceSlots, slotStartMs, type Refusal } from './bookings.js';
import type { HoursConfig } from './calendar.js';
import type { Policy } from './policy.js';
import { HOUR, toIso } from './time.js';

export interface RescheduleRequest {
  booking: { status: BookingStatus; kind: BookingKind; date: string; slot: string; slotStart: number };
  to: { date: string; slot: string };
  service: { bookable: boolean; extended: boolean; slotCapacity: number };
}

export interface RescheduleFacts {
  now: number;
  /** places already held in the new slot by other bookings of the service (this booking's own excluded; visits never count) */
  bookedInSlot: number;
  /** the person's other bookings holding a place on the new date: their slots */
  personSlotsThatDay: string[];
  /** extended sessions open to every bookable service (booking.extendedSessions 'any-bookable') */
  anyBookable?: boolean;
}

/** The notice rule alone: now + policy.rescheduleNoticeHours must not pass the old slot's start nor the new one's. */
export function checkRescheduleNotice(oldStart: number, newStart: number, now: number, policy: Pick<Policy, 'rescheduleNoticeHours'>, tz: string): Refusal | null {
  const notice = policy.rescheduleNoticeHours * HOUR;
  const first = Math.min(oldStart, newStart);
  if (now + notice > first) {
    return { code: 'reschedule-too-late', details: { hours: policy.rescheduleNoticeHours, deadline: toIso(first - notice, tz), which: oldStart <= newStart ? 'old' : 'new' } };
  }
  return null;
}

export function checkReschedule(req: RescheduleRequest, facts: RescheduleFacts, hours: HoursConfig, policy: Policy): Refusal | null {
  const b = req.booking;
  if (b.status !== 'booked') return { code: 'reschedule-not-allowed', details: { status: b.status } };
  if (req.to.date === b.date && req.to.slot === b.slot) return { code: 'reschedule-unchanged' };
  if (!req.service.bookable) return { code: 'service-not-bookable' };
  const slots = serviceSlots(req.service, req.to.date, hours, facts.anyBookable ?? false);
  if (!slots.some((s) => s.slot === req.to.slot)) return { code: 'slot-unavailable', details: { date: req.to.date, slot: req.to.slot } };
  const late = checkRescheduleNotice(b.slotStart, slotStartMs(req.to.date, req.to.slot, hours.tz), facts.now, policy, hours.tz);
  if (late) return late;
  if (facts.personSlotsThatDay.includes(req.to.slot)) return { code: 'duplicate-slot' };
  if (facts.personSlotsThatDay.length >= policy.maxBookingsPerDay) return { code: 'daily-booking-limit', details: { limit: policy.maxBookingsPerDay } };
  if (b.kind === 'window' && facts.bookedInSlot >= req.service.slotCapacity) return { code: 'slot-full', details: { capacity: req.service.slotCapacity } };
  return null;
}

/**
 * Booking status sets (DESIGN.md "Bookings"), defined once: the server's rules and queries and the
 * console's buttons read them here. Dependency-free: the apps import it.
 */
import type { BookingStatus } from '../domain.js';

/** hold a place in their slot (capacity) and count toward the person's daily limit */
export const HOLDS_PLACE: readonly BookingStatus[] = ['booked', 'checked-in', 'served'];
/** still to come or in the hall: the booking is not finished yet */
export const OPEN: readonly BookingStatus[] = ['booked', 'checked-in'];
/** the citizen already has a ticket for it: a second check-in answers with that ticket */
export const HAS_TICKET: readonly BookingStatus[] = ['checked-in', 'served'];
/** who may cancel a booking in which status (the citizen up to the lead time; the hall after check-in too) */
export const CANCELLABLE: Readonly<Record<'citizen' | 'hall', readonly BookingStatus[]>> = {
  citizen: ['booked'],
  hall: ['booked', 'checked-in'],
};

export const isIn = (set: readonly BookingStatus[], s: BookingStatus) => set.includes(s);

/**
 * Seed 002: the hall cancels a booking at least half a working day ahead, so the citizen can be told.
 * hallq reads half a working day as 4 hours (of an 8-hour day); a later cancellation is still allowed
 * (an emergency) but staff are warned.
 */
export const HALL_CANCEL_NOTICE_HOURS = 4;
export const hallCancelIsLate = (slotStartMs: number, nowMs: number) => slotStartMs - nowMs < HALL_CANCEL_NOTICE_HOURS * 3_600_000;


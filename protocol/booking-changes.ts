/**
 * Booking changes (改期, seed 004 二(4)) and the long-service flag of 办理情况 (004 二(5)), issue 19:
 * plain types the server and the console share (docs/contract.md "Booking changes, 办理情况 and 上门办").
 */

export type BookingChangeStatus = 'pending' | 'approved' | 'refused' | 'withdrawn';

/** A request to move a booking to another date and slot, decided by a lead or admin (管理科). */
export interface BookingChange {
  id: string;
  bookingId: string;
  /** the booking's code and service, so a lead's list reads without a second request */
  code?: string;
  serviceId: string;
  from: { date: string; slot: string };
  to: { date: string; slot: string };
  reason: string;
  status: BookingChangeStatus;
  requestedAt: string;
  /** actor tag (`user:<id>`) and display name of the requester */
  requestedBy: string;
  requestedByName?: string;
  decidedAt?: string;
  decidedBy?: string;
  decisionNote?: string;
}

/** One service longer than policy.maxServiceMinutes (a report's flag). */
export interface LongService {
  bookingId: string;
  code: string | null;
  /** the reservation ticket's number; absent for a visit */
  ticketNumber?: string;
  date: string;
  kind: 'window' | 'visit';
  minutes: number;
}

/** GET /api/reports's `longServices` block (null for staff, like `bookings`). */
export interface LongServices {
  maxMinutes: number;
  count: number;
  items: LongService[];
}

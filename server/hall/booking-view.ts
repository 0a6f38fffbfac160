/**
 * The read model of a booking: the one place personal data is masked (DESIGN.md "Privacy").
 * Repositories return rows in clear; everything a route or a device gets goes through here.
 */
import type { Booking } from '../../protocol/domain.js';
import { maskIdNumber, maskName, maskPhone } from '../../protocol/identity.js';
import type { BookingRow } from '../db/repos/bookings.js';
import { toIso } from '../engine/time.js';

/** Personal data masked unless `reveal` (an admin reading bookings). */
export function bookingView(r: BookingRow, tz: string, reveal = false): Booking {
  const b: Booking = {
    id: r.id, status: r.status, channel: r.channel, serviceId: r.service_id, date: r.date, slot: r.slot,
    name: reveal ? r.name : maskName(r.name), idNumber: reveal ? r.id_number : maskIdNumber(r.id_number),
    phone: reveal ? r.phone : maskPhone(r.phone), createdAt: toIso(r.created_at, tz),
  };
  if (r.ticket_id) b.ticketId = r.ticket_id;
  if (r.cancelled_by) b.cancelledBy = r.cancelled_by as 'citizen' | 'hall';
  if (r.cancel_reason) b.cancelReason = r.cancel_reason;
  if (r.code) b.code = r.code;
  return b;
}

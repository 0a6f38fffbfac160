/**
 * The read model of a booking: the one place personal data is masked (DESIGN.md "Privacy").
 * Repositories return rows in clear; everything a route or a device gets goes through here.
 */
import type { Booking } from '../../protocol/domain.js';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../protocol/identity.js';
import type { BookingRow } from '../db/repos/bookings.js';
import { toIso } from '../engine/time.js';
import type { Core, Emit } from './core.js';

/** Personal data masked unless `reveal` (an admin reading bookings). */
export function bookingView(r: BookingRow, tz: string, reveal = false): Booking {
  const b: Booking = {
    id: r.id, status: r.status, channel: r.channel, serviceId: r.service_id, date: r.date, slot: r.slot,
    name: reveal ? r.name : maskName(r.name), idNumber: reveal ? r.id_number : maskIdNumber(r.id_number),
    phone: reveal ? r.phone : maskPhone(r.phone), createdAt: toIso(r.created_at, tz), kind: r.kind,
  };
  if (r.ticket_id) b.ticketId = r.ticket_id;
  if (r.cancelled_by) b.cancelledBy = r.cancelled_by as 'citizen' | 'hall';
  if (r.cancel_reason) b.cancelReason = r.cancel_reason;
  if (r.code) b.code = r.code;
  if (r.address) b.address = reveal ? r.address : maskAddress(r.address);
  if (r.assignee_id) b.assigneeId = r.assignee_id;
  if (r.unit) b.unit = r.unit;
  if (r.recorded_by) b.recordedBy = r.recorded_by;
  if (r.dispatch_window_id && r.dispatched_at !== null) {
    b.dispatch = { windowId: r.dispatch_window_id, at: toIso(r.dispatched_at, tz), by: r.dispatched_by ?? '' };
    if (r.signed_at !== null) Object.assign(b.dispatch, { signedAt: toIso(r.signed_at, tz), signedBy: r.signed_by ?? '' });
  }
  if (r.service_done !== null) {
    b.service = { done: r.service_done === 1, handlers: r.service_handlers ? (JSON.parse(r.service_handlers) as string[]) : [] };
    if (r.service_from !== null) b.service.from = toIso(r.service_from, tz);
    if (r.service_to !== null) b.service.to = toIso(r.service_to, tz);
    if (r.service_from !== null && r.service_to !== null) b.service.minutes = Math.round((r.service_to - r.service_from) / 60_000);
    if (r.service_by) b.service.by = r.service_by;
    if (r.service_notes) b.service.notes = r.service_notes;
  }
  return b;
}

/** Announces a booking's new state to staff sockets (`booking:updated`), masked. Call inside the command's run, after saving. */
export function announceBooking(core: Core, emit: Emit, id: string): void {
  const row = core.repos.bookings.get(id);
  if (row) emit('booking:updated', { booking: bookingView(row, core.cfg.hours.tz) });
}

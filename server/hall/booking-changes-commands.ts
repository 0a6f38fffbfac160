/**
 * Booking changes (改期), 办理情况 and 上门办 (issue 19), a facade the Hall holds as `hall.bookingChanges`:
 * each authorizes the actor with the hall's own check, then runs ./booking-changes.ts.
 */
import type { BookingChange } from '../../protocol/booking-changes.js';
import type { Actor, Command } from '../engine/authz.js';
import type { Core } from './core.js';
import * as changes from './booking-changes.js';

export function bookingChangeCommands(core: Core, authorize: (a: Actor, c: Command, w?: string) => void) {
  return {
    requestReschedule(actor: Actor, bookingId: string, body: { date: string; slot: string; reason: string }) {
      authorize(actor, 'booking.reschedule-request');
      return changes.requestReschedule(core, actor, bookingId, body);
    },
    list(actor: Actor, status?: BookingChange['status']) {
      authorize(actor, 'booking.reschedule-decide');
      return changes.listChanges(core, status);
    },
    /** one booking's requests, oldest first (staff see them to withdraw their own) */
    ofBooking(actor: Actor, bookingId: string) {
      authorize(actor, 'booking.read');
      return changes.changesOf(core, bookingId);
    },
    approve(actor: Actor, changeId: string, note?: string) {
      authorize(actor, 'booking.reschedule-decide');
      return changes.approveChange(core, actor, changeId, note);
    },
    refuse(actor: Actor, changeId: string, note: string) {
      authorize(actor, 'booking.reschedule-decide');
      return changes.refuseChange(core, actor, changeId, note);
    },
    withdraw(actor: Actor, changeId: string) {
      authorize(actor, 'booking.reschedule-request');
      return changes.withdrawChange(core, actor, changeId);
    },
    recordService(actor: Actor, bookingId: string, input: changes.ServiceInput) {
      authorize(actor, 'booking.service-record');
      return changes.recordService(core, actor, bookingId, input);
    },
    assign(actor: Actor, bookingId: string, assigneeId: string) {
      authorize(actor, 'booking.assign');
      return changes.assignVisit(core, actor, bookingId, assigneeId);
    },
    visits(actor: Actor, q: { from?: string; to?: string; assigneeId?: string }) {
      authorize(actor, 'visit.read');
      return changes.visits(core, actor, q);
    },
    assignees(actor: Actor) {
      authorize(actor, 'visit.read');
      return changes.assignees(core);
    },
  };
}

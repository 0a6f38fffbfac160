/**
 * The booking desk's commands (issue 19), a facade the Hall holds as `hall.desk`: each authorizes the
 * actor with the hall's own check, then runs ./desk.ts (which checks the window: 签收 only by the
 * dispatch window's staff, calls and the worklist only by staff of a window the booking belongs to).
 */
import type { ContactOutcome, ContactPurpose } from '../../protocol/desk.js';
import type { Actor, Command } from '../engine/authz.js';
import type { Core } from './core.js';
import * as desk from './desk.js';

export function deskCommands(core: Core, authorize: (a: Actor, c: Command, w?: string) => void) {
  return {
    /** POST /api/bookings/:id/dispatch (lead, admin) */
    dispatch(actor: Actor, id: string, windowId: string) {
      authorize(actor, 'booking.dispatch');
      return desk.dispatch(core, actor, id, windowId);
    },
    /** POST /api/bookings/:id/sign (a user assigned to the dispatch window) */
    sign(actor: Actor, id: string) {
      authorize(actor, 'booking.sign');
      return desk.sign(core, actor, id);
    },
    /** POST /api/bookings/:id/contacts */
    contact(actor: Actor, id: string, c: { purpose: ContactPurpose; outcome: ContactOutcome; note?: string }) {
      authorize(actor, 'booking.contact');
      return desk.contact(core, actor, id, c);
    },
    /** GET /api/desk?windowId= */
    worklist(actor: Actor, windowId: string) {
      authorize(actor, 'booking.desk');
      return desk.desk(core, actor, windowId);
    },
    /** GET /api/bookings/:id/history */
    history(actor: Actor, id: string) {
      authorize(actor, 'booking.read');
      return desk.history(core, id);
    },
  };
}

/**
 * The duty roster and the printable forms (issue 19), a facade the Hall holds as `hall.roster`: each
 * authorizes the actor with the hall's own check, then runs ./roster.ts or ./forms.ts.
 */
import type { HandoverChannel } from '../../protocol/forms.js';
import type { Actor, Command } from '../engine/authz.js';
import type { Core } from './core.js';
import * as forms from './forms.js';
import * as roster from './roster.js';

export function rosterCommands(core: Core, authorize: (a: Actor, c: Command, w?: string) => void) {
  return {
    /** the day's 上岗表 with its sessions, bookings (masked) and the staff to choose from */
    day(actor: Actor, date: string) {
      authorize(actor, 'roster.read');
      return roster.rosterDay(core, date);
    },
    assign(actor: Actor, input: roster.RosterInput) {
      authorize(actor, 'roster.edit');
      return roster.assign(core, actor, input);
    },
    remove(actor: Actor, id: string) {
      authorize(actor, 'roster.edit');
      return roster.remove(core, actor, id);
    },
    registrationForm(actor: Actor, bookingId: string) {
      authorize(actor, 'form.read');
      return forms.registrationForm(core, actor, bookingId);
    },
    handoverForm(actor: Actor, date: string, channel: HandoverChannel) {
      authorize(actor, 'form.read');
      return forms.handoverForm(core, actor, date, channel);
    },
    dutyForm(actor: Actor, date: string, department?: string) {
      authorize(actor, 'form.read');
      return forms.dutyForm(core, actor, date, department);
    },
  };
}

/**
 * The 好差评 commands of the hall (issue 16), a facade the Hall holds as `hall.evaluations`: each
 * authorizes the actor with the hall's own check, then runs ./evaluations.ts.
 */
import type { FollowUpOutcome } from '../../protocol/evaluations.js';
import { TICKET_HOLDER, type Actor, type Command } from '../engine/authz.js';
import type { TicketRow } from '../db/repos/tickets.js';
import type { Core } from './core.js';
import * as evaluations from './evaluations.js';

export function evaluationCommands(core: Core, authorize: (a: Actor, c: Command, w?: string) => void) {
  return {
    /** a rating by a pad, staff, or (no token) the ticket's holder through its QR page */
    rate(actor: Actor | null, input: evaluations.RateInput) {
      const a = actor ?? TICKET_HOLDER;
      authorize(a, 'evaluation.create');
      return evaluations.rate(core, a, input);
    },
    list(actor: Actor, q: { from?: string; to?: string; maxLevel?: number }) {
      authorize(actor, 'evaluation.read');
      return evaluations.list(core, q);
    },
    followUp(actor: Actor, id: string, f: { outcome: FollowUpOutcome; note: string }) {
      authorize(actor, 'evaluation.follow-up');
      return evaluations.followUp(core, actor, id, f);
    },
    bindPad(actor: Actor, windowNumber: number) {
      authorize(actor, 'evaluation.pad');
      return evaluations.bindPad(core, actor, windowNumber);
    },
    /** the window a display device is the pad of (the realtime layer puts its socket in that window's room) */
    padWindow: (deviceId: string) => core.repos.evaluations.padWindow(deviceId),
    /** what the window's pad shows after a finish */
    requestFor: (t: TicketRow) => evaluations.requestFor(core, t),
    publicEvaluation: (t: TicketRow) => evaluations.publicEvaluation(core, t),
  };
}

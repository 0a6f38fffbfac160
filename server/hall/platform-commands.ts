/**
 * The platform link's commands and reads (issue 17), a facade on the hall: installs the outbox and
 * SMS taps on the event log's append, and gives the delivery loops (server/platform/) and the routes
 * what they need. The loops act as the hall itself (SYSTEM); the routes' callers are authorized here.
 */
import type { PlatformSection, SmsSection } from '../engine/platform-config.js';
import type { Command } from '../engine/authz.js';
import { record, type Actor, type Core } from './core.js';
import * as outbox from './outbox.js';
import * as sms from './sms-queue.js';

export function platformCommands(core: Core, authorize: (a: Actor, c: Command, w?: string) => void) {
  core.taps.push(outbox.outboxTap(core), sms.smsTap(core));
  return {
    // — routes
    /** GET /api/events */
    events(actor: Actor, after: number, limit: number) {
      authorize(actor, 'platform.events');
      return outbox.pull(core, after, limit);
    },
    /** GET /api/platform/status */
    status(actor: Actor) {
      authorize(actor, 'platform.status');
      return outbox.status(core);
    },
    /** POST /api/platform/resend: audited */
    resend(actor: Actor, fromSeq: number) {
      authorize(actor, 'platform.resend');
      return core.run('platform.resend', actor, undefined, () => {
        const s = outbox.rewind(core, fromSeq);
        record(core, 'platform.resent', actor, null, { fromSeq });
        return s;
      });
    },
    /** GET /api/sms?date= */
    smsOfDay(actor: Actor, date: string) {
      authorize(actor, 'sms.read');
      return sms.smsOfDay(core, date);
    },

    // — the delivery loops (server/platform/), as the hall itself
    /** the sections in effect now (an admin's edit applies to the next attempt); secrets included: never log them */
    config(): { platform: PlatformSection | null; sms: SmsSection | null; hallName: string } {
      return { platform: core.cfg.platform ?? null, sms: core.cfg.sms ?? null, hallName: core.cfg.hallName };
    },
    cursor: () => outbox.cursor(core),
    nextBatch: (after: number, limit: number) => outbox.nextBatch(core, after, limit),
    delivered: (from: number, to: number) => outbox.markDelivered(core, from, to),
    failed: (error: string) => outbox.markFailed(core, error),
    prune: () => outbox.prune(core),
    queueReminders: () => sms.queueReminders(core),
    dueSms: (limit: number) => sms.dueSms(core, limit),
    smsSent: (id: string, provider: string) => sms.markSmsSent(core, id, provider),
    smsRetry: (id: string, delayMs: number, error: string, provider: string) => sms.markSmsRetry(core, id, delayMs, error, provider),
  };
}

export type PlatformCommands = ReturnType<typeof platformCommands>;

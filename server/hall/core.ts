/**
 * What every hall command shares: the repositories, the clock, the config, the typed event bus,
 * and `run`, which makes one command one transaction (plus idempotency by requestId) and emits
 * the command's events only after the commit.
 */
import { EventEmitter } from 'node:events';
import type pino from 'pino';
import type { Booking, QueueState, Ticket, WindowState } from '../../protocol/domain.js';
import type { HallUpdatedEvent, TicketCalledEvent } from '../../protocol/events.js';
import type { Evaluation, EvaluationRequestEvent } from '../../protocol/evaluations.js';
import type { ContactSummary } from '../../protocol/desk.js';
import type { LogEvents, LogType } from '../../protocol/log.js';
import type { Repos } from '../db/repos.js';
import type { TicketRow } from '../db/repos/tickets.js';
import type { Clock } from '../clock.js';
import type { HoursConfig } from '../engine/calendar.js';
import type { BookingRules } from '../engine/booking-rules.js';
import { localDate } from '../engine/calendar.js';
import type { Policy } from '../engine/policy.js';
import type { PlatformSection, SmsSection } from '../engine/platform-config.js';
import { actorTag, type Actor } from '../engine/authz.js';
import { createIds, type NewId, type RandomSource } from './ids.js';

export type { Actor } from '../engine/authz.js';
export { SYSTEM, actorTag } from '../engine/authz.js';

/** Appends to the event log, typed by protocol/log.ts: only declared types, each with its data's shape. */
export function record<K extends LogType>(core: Core, type: K, actor: Actor, subject: string | null, data: LogEvents[K]): void {
  const at = core.now();
  core.repos.events.append(at, type, actorTag(actor), subject, data);
  for (const tap of core.taps) tap(type, subject, data, at);
}

/**
 * Runs inside the appending transaction, after each event-log append: the platform outbox and the
 * SMS outbox (server/hall/outbox.ts, sms-queue.ts) write their rows here, so they commit or roll back
 * with the change. A tap that throws fails the command.
 */
export type RecordTap = (type: LogType, subject: string | null, data: object, at: number) => void;

export interface HallEventMap {
  'ticket:called': [TicketCalledEvent];
  'window:updated': [{ window: WindowState }];
  'queue:updated': [{ queue: Pick<QueueState, 'id' | 'waiting' | 'reservationsWaiting'> }];
  'ticket:issued': [{ ticket: Ticket; by: Actor; waitingAhead: number }];
  'booking:changed': [{ bookingId: string; status: string }];
  /** a booking's masked read model after a change (issue 19): relayed to staff sockets as `booking:updated` */
  'booking:updated': [{ booking: Booking; contact?: ContactSummary }];
  /** a principal's tokens (or one token) stopped working, or who they are changed: sockets re-check at once */
  'access:revoked': [{ principalId: string | null; tokenHash: string | null }];
  /** a ticket changed after issue (called, recalled, started, finished, no-show, transferred, cancelled, rated) */
  'ticket:updated': [{ ticket: Ticket }];
  /** the hall opened or closed (seen by the tick), or its settings changed */
  'hall:updated': [HallUpdatedEvent];
  /** a ticket was finished at a window: its evaluator pad asks for a rating (issue 16) */
  'evaluation:request': [EvaluationRequestEvent];
  /** internal: a ticket row as committed (inserted or saved); keeps the hall's line index (hall/line.ts) */
  'ticket:saved': [TicketRow];
  /** a rating was given or followed up (issue 20): relayed to leads' and admins' sockets as `evaluation:updated` */
  'evaluation:updated': [{ evaluation: Evaluation }];
}

export interface HallSettings {
  hallName: string;
  hours: HoursConfig;
  policy: Policy;
  /** booking rules per channel (engine/booking-rules.ts); absent = seed 002's defaults from the policy */
  booking?: BookingRules;
  /** printed on every ticket and shown on screens (config `notices`; default: DEFAULT_NOTICES) */
  notices?: readonly string[];
  /** the public base URL printed on tickets (config `publicUrl`); null: the server's own */
  publicUrl?: string | null;
  /** the platform link (config `platform`); null: no platform configured (the stream is still kept for pulling) */
  platform?: PlatformSection | null;
  /** booking SMS (config `sms`); absent: none sent */
  sms?: SmsSection;
  /** HMAC key of the booking QR codes */
  secret: string;
}

export interface Core {
  repos: Repos;
  clock: Clock;
  cfg: HallSettings;
  log: pino.Logger;
  bus: EventEmitter<HallEventMap>;
  /** see RecordTap */
  taps: RecordTap[];
  /** a new time-ordered, unguessable id (./ids.ts) */
  newId: NewId;
  now(): number;
  today(): string;
  /**
   * One command = one transaction. `scope` names the command for idempotency; when `requestId` was
   * seen before for this actor, its first answer is returned with `replayed: true` and nothing runs.
   */
  run<T extends object>(scope: string, actor: Actor, requestId: string | undefined, fn: (emit: Emit) => T): T & { replayed?: boolean };
}

export type Emit = <K extends keyof HallEventMap>(event: K, ...args: HallEventMap[K]) => void;

export function createCore(repos: Repos, clock: Clock, cfg: HallSettings, log: pino.Logger, random?: RandomSource): Core {
  const bus = new EventEmitter<HallEventMap>();
  bus.setMaxListeners(100);
  // one transaction wrapper for every command: building a new one per call costs more than the insert
  const inTransaction = repos.db.transaction((fn: () => unknown) => fn()) as unknown as <T>(fn: () => T) => T;
  type Pending = [keyof HallEventMap, unknown[]][];
  /** the events of the outermost command now running, or null between commands */
  let pending: Pending | null = null;
  const core: Core = {
    repos, clock, cfg, log, bus, taps: [],
    newId: createIds(() => clock.now().getTime(), random),
    now: () => clock.now().getTime(),
    today: () => localDate(clock.now(), cfg.hours.tz),
    run(scope, actor, requestId, fn) {
      // a command run inside another (a catalog import, the demo seed) commits with the outer one:
      // its events wait for the outer commit, so nothing is announced that could still roll back
      const outer = pending;
      const mine: Pending = outer ?? [];
      const mark = mine.length;
      pending = mine;
      const emit: Emit = (event, ...args) => void mine.push([event, args]);
      const key = `${scope}:${actorTag(actor)}`;
      let result: ReturnType<typeof fn> & { replayed?: boolean };
      try {
        result = inTransaction(() => {
          if (requestId) {
            const first = repos.idempotency.get(key, requestId);
            if (first !== undefined) return { ...(first as object), replayed: true } as ReturnType<typeof fn> & { replayed: true };
          }
          const r = fn(emit);
          if (requestId) repos.idempotency.put(key, requestId, r, core.now());
          return r;
        });
      } catch (err) {
        repos.forget(); // rolled back: nothing the command read or wrote may be remembered
        mine.length = mark; // nor announced
        throw err;
      } finally {
        pending = outer;
      }
      if (outer) return result;
      // a call is announced before the rest of its command's events (screens show it first, issue 20)
      const calls = mine.filter(([e]) => e === 'ticket:called');
      const ordered = calls.length ? [...calls, ...mine.filter(([e]) => e !== 'ticket:called')] : mine;
      for (const [event, args] of ordered) {
        try {
          (bus.emit as (e: string, ...a: unknown[]) => boolean)(event, ...args);
        } catch (err) {
          // a listener's fault (a socket, a device) must not undo or fail a committed command
          log.error({ err, event }, 'event listener failed');
        }
      }
      return result;
    },
  };
  return core;
}

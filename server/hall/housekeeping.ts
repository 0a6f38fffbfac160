/**
 * The hall's daily housekeeping: rows that are kept only for a while are deleted once they are old
 * enough, so the tables they live in stay the size of their window instead of the hall's history.
 * - idempotency: a creating request's first answer, kept 24 h. A client retries within seconds or
 *   minutes (a kiosk after a lost answer); a day is far beyond any retry and bounds the table.
 * - tokens: an expired or revoked token, kept 30 days for audit (which token a request carried, and
 *   when it stopped working), counted from the first of its expiry and its revocation. A live token
 *   is never pruned, however old.
 * - sms: a sent message keeps the citizen's phone number 30 days (a complaint about a message is
 *   answered from it), then the number is masked like on every list (138****5678); the row stays, as
 *   the record that the message went out. Personal data is kept no longer than it is needed.
 * The event log is never pruned: it is the hall's history.
 */
import type { Repos } from '../db/repos.js';
import { HOUR } from '../engine/time.js';
import { localDate } from '../engine/calendar.js';
import { SYSTEM, type Core } from './core.js';

export const IDEMPOTENCY_KEEP_MS = 24 * HOUR;
export const DEAD_TOKEN_KEEP_MS = 30 * 24 * HOUR;
export const SMS_PHONE_KEEP_MS = 30 * 24 * HOUR;

/** How many rows each prune deleted. */
export interface Pruned {
  idempotency: number;
  tokens: number;
  /** sent messages whose phone number was masked */
  smsPhones: number;
}

/** Deletes what is past its keeping at `now`. A pure function of the repositories and the time. */
export function housekeep(repos: Pick<Repos, 'idempotency' | 'tokens' | 'sms'>, now: number): Pruned {
  return {
    idempotency: repos.idempotency.prune(now - IDEMPOTENCY_KEEP_MS),
    tokens: repos.tokens.prune(now - DEAD_TOKEN_KEEP_MS),
    smsPhones: repos.sms.redactSentBefore(now - SMS_PHONE_KEEP_MS),
  };
}

/** The hall day each hall last ran its housekeeping (per hall, not per process: tests run many halls). */
const doneOn = new WeakMap<Core, string>();

/**
 * Runs `housekeep` in one transaction on the first call of each hall day (the first tick after the
 * hall's midnight, or after a start; `now`: the time the tick believes, see timers.ts), and answers what it pruned; `null` when today's run is done.
 * A run that fails is not marked done, so the next tick tries again.
 */
export function housekeepOncePerDay(core: Core, now = core.now()): Pruned | null {
  const today = localDate(new Date(now), core.cfg.hours.tz);
  if (doneOn.get(core) === today) return null;
  const pruned = core.run('housekeeping', SYSTEM, undefined, () => housekeep(core.repos, now));
  doneOn.set(core, today);
  core.log.info({ pruned, day: today }, 'housekeeping: rows past their keeping deleted');
  return pruned;
}

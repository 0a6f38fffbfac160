/**
 * Ticket issue and call times never go backwards within a day (issue 13 item 10): after the system
 * clock steps back (A002/A003 issued at 10:00, clock back to 09:30), a ticket issued or called now
 * is stamped with the day's last issue or call time, not before it, so A004 is still called after
 * A002/A003 (the calling order is by issue time). The last time is kept per hall and day, read once
 * from the database on the day's first ticket (so a restart keeps it too).
 */
import { notBefore } from '../engine/clock-watch.js';
import type { Core } from './core.js';

const last = new WeakMap<Core, { day: string; at: number | undefined }>();

/** The time to stamp a ticket of `day` with, issued or called now: max(now, the day's last stamp). */
export function ticketTime(core: Core, day: string): number {
  let seen = last.get(core);
  if (!seen || seen.day !== day) seen = { day, at: core.repos.tickets.lastStampOf(day) ?? undefined };
  const at = notBefore(core.now(), seen.at);
  last.set(core, { day, at });
  return at;
}

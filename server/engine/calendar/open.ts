/**
 * Instants against sessions: is the hall open now, for which services, and when it next opens
 * (DESIGN.md: "the hall never silently refuses: outside hours the kiosk says when it next opens").
 */
import type { HoursConfig, Session } from './types.js';
import { sessionsOn } from './days.js';
import { addDays, fromMinutes, localDate, localTime, toMinutes, zonedInstant } from './time.js';

/** How many local days nextOpening searches, today included, before answering null. */
export const NEXT_OPENING_SEARCH_DAYS = 60;

/** The session containing now (start ≤ t < end, at minute precision in the hall's zone). */
export function sessionAt(now: Date, cfg: HoursConfig): Session | null {
  const t = toMinutes(localTime(now, cfg.tz));
  const sessions = sessionsOn(localDate(now, cfg.tz), cfg);
  return sessions.find((s) => toMinutes(s.start) <= t && t < toMinutes(s.end)) ?? null;
}

/**
 * Whether a service is served at now: any service in a regular session, only extended services
 * (延时服务 list) in an extended one; an appointment-only session refuses walk-ins.
 */
export function serviceOpenAt(
  service: { extended: boolean },
  now: Date,
  cfg: HoursConfig,
  opts: { walkIn?: boolean } = {},
): boolean {
  const s = sessionAt(now, cfg);
  if (s === null) return false;
  if (s.appointmentOnly && opts.walkIn === true) return false;
  return !s.extended || service.extended;
}

/**
 * The next instant ≥ now at which an accepted session is running: now itself when inside one,
 * else the start of the next; null when none in NEXT_OPENING_SEARCH_DAYS local days.
 */
export function nextOpening(
  now: Date,
  cfg: HoursConfig,
  accept: (s: Session, date: string) => boolean = () => true,
): Date | null {
  const today = localDate(now, cfg.tz);
  for (let i = 0; i < NEXT_OPENING_SEARCH_DAYS; i++) {
    const date = addDays(today, i);
    for (const s of sessionsOn(date, cfg)) {
      if (!accept(s, date)) continue;
      const end = zonedInstant(date, s.end, cfg.tz);
      if (end.getTime() <= now.getTime()) continue;
      const start = zonedInstant(date, s.start, cfg.tz);
      return start.getTime() <= now.getTime() ? new Date(now.getTime()) : start;
    }
  }
  return null;
}

/**
 * Booking slots (CONTRACT.md): each working hour of the sessions, counted from each session's
 * start; a last partial hour is a shorter slot. Sorted by start; a slot start appears once.
 */
export function hourlySlots(sessions: Session[]): { slot: string; end: string }[] {
  const bySlot = new Map<number, number>();
  for (const s of sessions) {
    const end = toMinutes(s.end);
    for (let t = toMinutes(s.start); t < end; t += 60) {
      if (!bySlot.has(t)) bySlot.set(t, Math.min(t + 60, end));
    }
  }
  return [...bySlot.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, end]) => ({ slot: fromMinutes(start), end: fromMinutes(end) }));
}

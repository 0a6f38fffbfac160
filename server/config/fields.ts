/**
 * Field types and checks the hall config's sections share. Config faults are refused at start (and
 * by PUT /api/config/:section) with the path of the key: a value the schema let through would
 * otherwise fail later, as a RangeError on every request that reads it.
 */
import { z } from 'zod';
import { parseDate, toMinutes } from '../engine/calendar.js';

export type Issues = z.RefinementCtx;
export type Path = (string | number)[];

/** 'HH:MM', 00:00–24:00 ('24:00' = the end of the day: only a session's end can use it) */
export const hhmm = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM, 00:00–24:00');
/** a time of day, 00:00–23:59 ('24:00' would be the next day's 00:00) */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 00:00–23:59');
export const range = z.tuple([hhmm, hhmm]);
/** a month and day that exist in some year (02-29 included) */
export const mmdd = z.string().refine((md) => isDate(`2024-${md}`), 'MM-DD, a day of the year');
/** ISO weekday, 1 = Monday … 7 = Sunday */
export const isoWeekday = z.number().int().min(1).max(7);

export function isDate(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false; // parseDate's RangeError is the answer: not a date
  }
}

/** Intl is the calendar's only source of zones: a zone it does not know would throw on every lookup. */
function isKnownZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false; // RangeError: unknown zone
  }
}

export const zone = z.string().refine(isKnownZone, 'an IANA time zone that this Node knows, e.g. Asia/Shanghai');

/**
 * Each session must start before it ends, and no two may overlap (in any order: the calendar sorts
 * them). `ordered`: the sessions must also follow one another in the listed order (am before pm).
 */
export function checkSessions(sessions: { path: Path; range: [string, string] }[], ctx: Issues, ordered = false): void {
  const valid: { path: Path; start: number; end: number; text: string }[] = [];
  for (const { path, range } of sessions) {
    // zod runs this check even when a time failed its format: that issue is reported already
    if (!range.every((t) => hhmm.safeParse(t).success)) continue;
    const [start, end] = range.map(toMinutes);
    const text = range.join('–');
    if (start >= end) ctx.addIssue({ code: 'custom', path, message: `session ${text} ends before it starts` });
    else valid.push({ path, start, end, text });
  }
  const list = ordered ? valid : [...valid].sort((a, b) => a.start - b.start);
  for (let i = 1; i < list.length; i++) {
    const [prev, cur] = [list[i - 1], list[i]];
    if (cur.start < prev.end) {
      const message =
        ordered && cur.end <= prev.start
          ? `session ${cur.text} must come after ${prev.text} (${prev.path.join('.')})`
          : `session ${cur.text} overlaps ${prev.text} (${prev.path.join('.')})`;
      ctx.addIssue({ code: 'custom', path: cur.path, message });
    }
  }
}

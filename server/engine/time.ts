/** Instants as ISO 8601 with the hall's offset (CONTRACT.md: `2026-11-23T09:00:00+08:00`). */

import { zoneOffsetMs } from './calendar/time.js';

/** Minutes east of UTC of `tz` at instant `ms`. */
export function offsetMinutes(ms: number, tz: string): number {
  return Math.round(zoneOffsetMs(ms, tz) / 60_000);
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

export function toIso(ms: number, tz: string): string {
  const off = offsetMinutes(ms, tz);
  const local = new Date(ms + off * 60_000);
  const sign = off >= 0 ? '+' : '-';
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`
  );
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** 'YYYY-MM' of a 'YYYY-MM-DD' date. */
export const monthOf = (date: string) => date.slice(0, 7);

/** The first day of the month after `date`'s, as 'YYYY-MM-DD'. */
export function firstOfNextMonth(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
}

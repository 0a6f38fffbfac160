/**
 * Hall time in the browser. The server's clock is the truth (a manual clock in tests, the hall's zone
 * always): the console keeps the skew to it and the zone offset read from the server's ISO times.
 */

/** Minutes east of UTC in an ISO time like 2026-11-23T09:00:00+08:00 (0 for Z or none). */
export function zoneOffsetMinutes(iso: string): number {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** YYYY-MM-DD of an instant in the hall's zone. */
export function dateAt(ms: number, offsetMin: number): string {
  return new Date(ms + offsetMin * 60_000).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** HH:MM of an ISO time as written by the server (already in the hall's zone). */
export function hhmm(iso: string | undefined | null): string {
  return iso ? iso.slice(11, 16) : '';
}

/** "MM-DD HH:MM" of an ISO time in the hall's zone. */
export function shortDateTime(iso: string): string {
  return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}

/** Whole minutes and seconds between an ISO time and `toMs` (never negative). */
export function elapsed(fromIso: string | undefined, toMs: number): { m: number; s: number } | null {
  if (!fromIso) return null;
  const sec = Math.max(0, Math.floor((toMs - Date.parse(fromIso)) / 1000));
  return { m: Math.floor(sec / 60), s: sec % 60 };
}

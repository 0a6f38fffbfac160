/** Hall-local time from the server's ISO strings (they carry the hall's offset, e.g. +08:00). */

/** The UTC offset in minutes of an ISO 8601 time with an offset ("…+08:00" → 480, "…Z" → 0). */
export function hallOffsetMinutes(iso: string): number {
  const m = /([+-])(\d\d):?(\d\d)$/.exec(iso);
  if (!m) return 0;
  const v = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -v : v;
}

/** A Date whose UTC fields are the hall's wall-clock fields (format it with timeZone 'UTC'). */
export function hallWallClock(epochMs: number, offsetMin: number): Date {
  return new Date(epochMs + offsetMin * 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "09:05:07" hall time */
export function clockText(epochMs: number, offsetMin: number): string {
  const d = hallWallClock(epochMs, offsetMin);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** "09:05" of a server ISO time, in the hall's zone */
export function hhmm(iso: string): string {
  const d = hallWallClock(Date.parse(iso), hallOffsetMinutes(iso));
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** the hall's date: {y, m, d, weekday 0–6 (Sunday 0)} */
export function hallDate(epochMs: number, offsetMin: number) {
  const d = hallWallClock(epochMs, offsetMin);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), weekday: d.getUTCDay() };
}

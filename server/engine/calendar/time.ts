/**
 * Wall-clock helpers: local dates ('YYYY-MM-DD') and times ('HH:MM') in a named IANA zone.
 * Time zones go through Intl so any zone works; Asia/Shanghai has no DST, other zones may.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM_RE = /^(\d{2}):(\d{2})$/;

/** Intl formatters are costly to build; the cache holds only immutable formatters, no state. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    // throws RangeError for an unknown zone: a config error must surface, not fall back to UTC
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** UTC offset of `tz` (ms) per quarter hour: zone transitions fall on quarter hours, and formatToParts is slow. */
const offsets = new Map<string, number>();
const QUARTER = 15 * 60_000;

export function zoneOffsetMs(ms: number, tz: string): number {
  const key = `${tz}|${Math.floor(ms / QUARTER)}`;
  let off = offsets.get(key);
  if (off === undefined) {
    const parts: Record<string, number> = {};
    for (const p of formatterFor(tz).formatToParts(new Date(ms))) {
      if (p.type !== 'literal') parts[p.type] = Number(p.value);
    }
    const hour = parts.hour === 24 ? 0 : parts.hour;
    const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, hour, parts.minute, parts.second);
    off = asUtc - Math.floor(ms / 1000) * 1000;
    if (offsets.size > 4096) offsets.clear();
    offsets.set(key, off);
  }
  return off;
}

function wallClock(now: Date, tz: string): WallClock {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  const local = new Date(ms + zoneOffsetMs(ms, tz));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Parses 'YYYY-MM-DD'; throws on anything else (including impossible dates like 02-30). */
export function parseDate(date: string): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`date must be YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`no such date: ${date}`);
  }
  return { year, month, day };
}

/** Minutes since local midnight of 'HH:MM'; '24:00' is accepted as the end of a day. */
export function toMinutes(hhmm: string): number {
  const m = HHMM_RE.exec(hhmm);
  const h = m ? Number(m[1]) : NaN;
  const min = m ? Number(m[2]) : NaN;
  if (!m || min > 59 || h > 24 || (h === 24 && min !== 0)) {
    throw new RangeError(`time must be HH:MM, got ${JSON.stringify(hhmm)}`);
  }
  return h * 60 + min;
}

/** 'HH:MM' of minutes since local midnight, 0..1440 ('24:00' = end of day). */
export function fromMinutes(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) {
    throw new RangeError(`minutes out of range: ${minutes}`);
  }
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

export function localDate(now: Date, tz: string): string {
  const w = wallClock(now, tz);
  return `${w.year}-${pad2(w.month)}-${pad2(w.day)}`;
}

export function localTime(now: Date, tz: string): string {
  const w = wallClock(now, tz);
  return `${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** Offset of tz from UTC at an instant, in ms (wall clock minus UTC). */
function offsetAt(instant: number, tz: string): number {
  const w = wallClock(new Date(instant), tz);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the wall clock of tz shows date + hhmm ('24:00' = next midnight).
 * A repeated wall time (DST ending) maps to its first occurrence; a skipped one (DST starting)
 * maps to the same wall time read with the later offset, i.e. just after the jump, like
 * Temporal's 'compatible' disambiguation.
 */
export function zonedInstant(date: string, hhmm: string, tz: string): Date {
  const { year, month, day } = parseDate(date);
  const wall = Date.UTC(year, month - 1, day, 0, toMinutes(hhmm));
  // the offsets a day before and after bracket any transition near this wall time
  const DAY = 86_400_000;
  const candidates = [wall - offsetAt(wall - DAY, tz), wall - offsetAt(wall + DAY, tz)];
  const exact = candidates.filter((c) => c + offsetAt(c, tz) === wall);
  return new Date(exact.length > 0 ? Math.min(...exact) : Math.max(...candidates));
}

export function addDays(date: string, n: number): string {
  const { year, month, day } = parseDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + n));
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday, of a calendar date (independent of any zone). */
export function weekday(date: string): number {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

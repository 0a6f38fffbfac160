/**
 * Hall time in the browser. The server's clock is the truth (a manual clock in tests) and its ISO
 * times carry the hall's offset (`2026-11-23T09:00:00+08:00`), so wall-clock parts are read in that
 * offset: the PC's own time zone never matters. A screen keeps the skew between the server's clock
 * and its own (`skewOf`) and shows `local now + skew`.
 */
import type { Lang } from './i18n.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes east of UTC in an ISO time ("…+08:00" → 480; "…Z" or none → 0). */
export function zoneOffsetMinutes(iso: string): number {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** server time − local time, from a server ISO time read at local time `localMs` */
export const skewOf = (serverIso: string, localMs: number): number => Date.parse(serverIso) - localMs;

/** A Date whose UTC fields are the hall's wall-clock fields (read them with getUTC…). */
export function hallWallClock(epochMs: number, offsetMin: number): Date {
  return new Date(epochMs + offsetMin * 60_000);
}

/** YYYY-MM-DD of an instant in the hall's zone. */
export function dateAt(epochMs: number, offsetMin: number): string {
  return hallWallClock(epochMs, offsetMin).toISOString().slice(0, 10);
}

/** the hall's date: {y, m, d, weekday 0–6 (Sunday 0)} */
export function hallDate(epochMs: number, offsetMin: number) {
  const d = hallWallClock(epochMs, offsetMin);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), weekday: d.getUTCDay() };
}

/** "09:05:07" hall time */
export function clockText(epochMs: number, offsetMin: number): string {
  const d = hallWallClock(epochMs, offsetMin);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Hall-local ISO text (no offset) of an instant, in the offset of `offsetOf` (a server ISO time). */
export function hallIso(epochMs: number, offsetOf: string): string {
  return hallWallClock(epochMs, zoneOffsetMinutes(offsetOf)).toISOString().slice(0, 19);
}

export function addDays(date: string, n: number): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

interface Parts { y: number; mo: number; d: number; h: number; mi: number; dow: number }

/** The wall-clock parts written in a server ISO time (already in the hall's zone). */
function parts(iso: string): Parts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  return { y, mo, d, h, mi, dow: new Date(Date.UTC(y, mo - 1, d)).getUTCDay() };
}

/** "09:05" of a server ISO time; '' for none. */
export function hhmm(iso: string | undefined | null): string {
  if (!iso) return '';
  const p = parts(iso);
  return p ? `${pad(p.h)}:${pad(p.mi)}` : iso;
}

/** "11-23 09:05" of a server ISO time */
export function shortDateTime(iso: string): string {
  const p = parts(iso);
  return p ? `${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}` : iso;
}

const WEEK_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEK_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `11月23日 星期一 09:00` / `Monday 23/11 09:00` */
export function formatDateTime(iso: string, lang: Lang): string {
  const p = parts(iso);
  if (!p) return iso;
  return lang === 'zh'
    ? `${p.mo}月${p.d}日 ${WEEK_ZH[p.dow]} ${pad(p.h)}:${pad(p.mi)}`
    : `${WEEK_EN[p.dow]} ${p.d}/${p.mo} ${pad(p.h)}:${pad(p.mi)}`;
}

/** `2026年11月24日` / `24/11/2026` from YYYY-MM-DD */
export function formatDate(date: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const [y, mo, d] = m.slice(1).map(Number);
  return lang === 'zh' ? `${y}年${mo}月${d}日` : `${d}/${mo}/${y}`;
}

/** For a refusal: the same day as `todayIso` → just HH:MM, else the full date and time. */
export function formatWhen(iso: string, lang: Lang, todayIso: string | null): string {
  return todayIso && iso.slice(0, 10) === todayIso.slice(0, 10) ? hhmm(iso) : formatDateTime(iso, lang);
}

/** Whole minutes and seconds from an ISO time to `toMs` (never negative); null without a start. */
export function elapsed(fromIso: string | undefined, toMs: number): { m: number; s: number } | null {
  if (!fromIso) return null;
  const sec = Math.max(0, Math.floor((toMs - Date.parse(fromIso)) / 1000));
  return { m: Math.floor(sec / 60), s: sec % 60 };
}

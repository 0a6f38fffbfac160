/**
 * Hall-local times. The server writes ISO times with the hall's offset (`…T09:00:00+08:00`), so the
 * wall-clock parts are read from the string itself: the kiosk PC's own time zone never matters.
 */
import type { Lang } from './i18n.js';

const WEEK_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEK_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Parts { y: number; mo: number; d: number; h: number; mi: number; s: number; dow: number }

function parts(iso: string): Parts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  return { y, mo, d, h, mi, s, dow: new Date(Date.UTC(y, mo - 1, d)).getUTCDay() };
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** `11月23日 星期一 09:00` / `Monday 23/11 09:00` */
export function formatDateTime(iso: string, lang: Lang): string {
  const p = parts(iso);
  if (!p) return iso;
  return lang === 'zh'
    ? `${p.mo}月${p.d}日 ${WEEK_ZH[p.dow]} ${p2(p.h)}:${p2(p.mi)}`
    : `${WEEK_EN[p.dow]} ${p.d}/${p.mo} ${p2(p.h)}:${p2(p.mi)}`;
}

export function formatTime(iso: string): string {
  const p = parts(iso);
  return p ? `${p2(p.h)}:${p2(p.mi)}` : iso;
}

/** `2026年11月24日` / `24/11/2026` from YYYY-MM-DD */
export function formatDate(date: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const [y, mo, d] = m.slice(1).map(Number);
  return lang === 'zh' ? `${y}年${mo}月${d}日` : `${d}/${mo}/${y}`;
}

/** Hall-local ISO text of an instant, in the offset the server's snapshot used. */
export function hallIso(ms: number, offsetOf: string): string {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(offsetOf);
  const off = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const d = new Date(ms + off * 60_000);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** Date and time for a refusal: same day → just HH:MM, else the full date and time. */
export function formatWhen(iso: string, lang: Lang, todayIso: string | null): string {
  return todayIso && iso.slice(0, 10) === todayIso.slice(0, 10) ? formatTime(iso) : formatDateTime(iso, lang);
}

/**
 * What the `chinese-days` package knows about a calendar date: statutory holidays, make-up
 * workdays (调休上班), lunar dates and the 清明 solar term.
 *
 * chinese-days' functions read 'YYYY-MM-DD' as UTC midnight and then format it with the
 * process-local getters, which shifts every date by one day when the process runs west of UTC
 * (its holiday tables are keyed that way too). So: holidays come from its published JSON tables
 * (plain date keys); lunar dates from getLunarDate, which only counts whole days from a UTC base;
 * the 清明 date is corrected for the shift (see qingmingDate).
 */
import chineseDays from 'chinese-days';
import tables from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, parseDate } from './time.js';

/** The named traditional days of seed 003 §5.1.3 on which the hall closes all or half the day. */
export type TraditionalDay = '除夕' | '春节' | '清明' | '端午' | '中秋';

const holidays: Record<string, string> = tables.holidays;
const workdays: Record<string, string> = tables.workdays;

/** A day of a statutory holiday span (法定节假日), including its weekend days. */
export function isStatutoryHoliday(date: string): boolean {
  parseDate(date);
  return Object.hasOwn(holidays, date);
}

/** A weekend day the state calendar makes a working day (调休上班). */
export function isMakeupWorkday(date: string): boolean {
  parseDate(date);
  return Object.hasOwn(workdays, date);
}

/** The first and last year the installed chinese-days holiday tables cover. */
export function holidayDataYears(): { first: number; last: number } {
  const years = Object.keys(holidays).map((d) => Number(d.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
}

interface Lunar {
  month: number;
  day: number;
  leap: boolean;
}

function lunar(date: string): Lunar {
  parseDate(date);
  const l = chineseDays.getLunarDate(date);
  return { month: l.lunarMon, day: l.lunarDay, leap: l.isLeap };
}

const isLunar = (l: Lunar, month: number, day: number): boolean =>
  !l.leap && l.month === month && l.day === day;

/** The 清明 solar term (pure_brightness) date of a year, 'YYYY-MM-DD'. */
export function qingmingDate(year: number): string {
  const raw = chineseDays.getSolarTermDate(year, 4, 'pure_brightness');
  // raw is the process-local reading of the true date's UTC midnight: the true date, or the
  // day after it when the process runs west of UTC
  const readsAs = (date: string): string => {
    const { year: y, month, day } = parseDate(date);
    const d = new Date(Date.UTC(y, month - 1, day));
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  };
  const next = addDays(raw, 1);
  return readsAs(raw) === raw ? raw : next;
}

/** The 清明 solar term day. */
export function isQingming(date: string): boolean {
  return qingmingDate(parseDate(date).year) === date;
}

/** Which closing-relevant traditional day the date is, or null. */
export function traditionalDay(date: string): TraditionalDay | null {
  const l = lunar(date);
  if (isLunar(l, 1, 1)) return '春节';
  // 除夕 is the last day of the lunar year (腊月廿九 in a short year), i.e. the eve of 正月初一
  if (isLunar(lunar(addDays(date, 1)), 1, 1)) return '除夕';
  if (isLunar(l, 5, 5)) return '端午';
  if (isLunar(l, 8, 15)) return '中秋';
  if (isQingming(date)) return '清明';
  return null;
}

/**
 * chinese-days carries the State Council's holiday schedule (国务院办公厅放假安排) up to the last year it
 * was published for, usually in November or December. Without it, a later year's 元旦 or 春节 would
 * pass for a plain workday: the hall would open and take bookings on it. So the hall is told, ahead of
 * time, which coming years have no schedule: neither in the installed package nor entered in
 * `hours.overrides` (PUT /api/calendar/:year: holidayOverrides below).
 */
import { holidayDataYears, traditionalDay } from './lunar.js';
import { addDays, parseDate } from './time.js';
import type { DayKind, HoursConfig } from './types.js';

/** How far ahead the warning looks: past the 14-day booking horizon, so a hall has weeks to act. */
export const HOLIDAY_WARNING_DAYS = 45;

const namedDays = new Map<number, string[]>();

/**
 * The days that are statutory holidays in every State Council schedule (全国年节及纪念日放假办法): 元旦
 * 01-01, 春节 (正月初一), 清明, 劳动节 05-01, 端午, 中秋, 国庆 10-01. A year's schedule is entered when
 * every one of them is marked a holiday.
 */
export function statutoryDays(year: number): string[] {
  let days = namedDays.get(year);
  if (!days) {
    const lunar: string[] = [];
    for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
      const t = traditionalDay(d);
      if (t !== null && t !== '除夕') lunar.push(d);
    }
    days = [...new Set([`${year}-01-01`, `${year}-05-01`, `${year}-10-01`, ...lunar])].sort();
    namedDays.set(year, days);
  }
  return days;
}

/** Whether the overrides carry a year's schedule: each of its statutory days marked 'holiday'. */
export function yearEntered(year: number, overrides: HoursConfig['overrides']): boolean {
  return statutoryDays(year).every((d) => overrides[d] === 'holiday');
}

/** The years from `today` to `aheadDays` later that have no holiday schedule. */
export function missingHolidayYears(today: string, cfg: Pick<HoursConfig, 'overrides'>, aheadDays = HOLIDAY_WARNING_DAYS): number[] {
  const known = holidayDataYears().last;
  const first = Number(today.slice(0, 4));
  const last = Number(addDays(today, aheadDays).slice(0, 4));
  const missing: number[] = [];
  for (let y = first; y <= last; y++) if (y > known && !yearEntered(y, cfg.overrides)) missing.push(y);
  return missing;
}

export interface HolidaySchedule {
  /** every day off (放假), weekends inside a span included */
  holidays: string[];
  /** weekend days worked instead (调休上班) */
  makeupWorkdays: string[];
}

/**
 * The State Council's list for a year as overrides: each holiday 'holiday', each make-up day
 * 'makeup-workday'. A RangeError names what is wrong: a date outside the year or listed twice, a
 * make-up day that is not a weekend day, or a statutory day missing from the holidays.
 */
export function holidayOverrides(year: number, list: HolidaySchedule): Record<string, DayKind> {
  const out: Record<string, DayKind> = {};
  const put = (date: string, kind: DayKind) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`${date} 不是 YYYY-MM-DD 日期`);
    parseDate(date);
    if (!date.startsWith(`${year}-`)) throw new RangeError(`${date} 不在 ${year} 年内`);
    if (Object.hasOwn(out, date)) throw new RangeError(`${date} 重复列出`);
    out[date] = kind;
  };
  for (const d of list.holidays) put(d, 'holiday');
  for (const d of list.makeupWorkdays) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) throw new RangeError(`${d} 不是周六或周日，不能作为调休上班日`);
    put(d, 'makeup-workday');
  }
  const missing = statutoryDays(year).filter((d) => out[d] !== 'holiday');
  if (missing.length) throw new RangeError(`放假日期缺少法定节日 ${missing.join('、')}`);
  return out;
}

/** The overrides with a year's schedule replaced: the year's holiday and make-up entries go, the hall's own (closed, workday…) stay. */
export function withYear(overrides: HoursConfig['overrides'], year: number, entered: Record<string, DayKind>): HoursConfig['overrides'] {
  const kept = Object.entries(overrides).filter(([d, k]) => !(d.startsWith(`${year}-`) && (k === 'holiday' || k === 'makeup-workday')));
  return Object.fromEntries([...kept, ...Object.entries(entered)].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The calendar as the hall states it to its screens and its admin (GET /api/calendar): for each date,
 * its kind, its sessions and what closes it. Pure: one place to adapt when the hours model changes.
 */
import type { CalendarDay } from '../../../protocol/domain.js';
import { closedPart, dayKind, sessionsOn } from './days.js';
import { traditionalDay } from './lunar.js';
import { addDays, parseDate } from './time.js';
import type { HoursConfig } from './types.js';

/** The lunar closure's name as the seeds say it (seed 003 §5.1.3): 春节 closes 正月初一. */
const CLOSURE_NAMES = { 除夕: '除夕', 春节: '正月初一', 清明: '清明', 端午: '端午', 中秋: '中秋' } as const;

export function dayView(date: string, cfg: HoursConfig): CalendarDay {
  const kind = dayKind(date, cfg);
  // a date the hall closes by override still has a kind: the one it would have without the override
  const natural = kind === 'closed' ? dayKind(date, { ...cfg, overrides: {} }) : kind;
  const sessions = sessionsOn(date, cfg).map(({ start, end, kind: k, extended, appointmentOnly }) => ({ start, end, kind: k, extended, appointmentOnly }));
  const day: CalendarDay = { date, kind: natural === 'closed' ? 'workday' : natural, sessions };
  if (kind === 'closed') day.closed = 'override';
  else if (closedPart(date, cfg) !== 'none') day.closed = CLOSURE_NAMES[traditionalDay(date)!];
  return day;
}

/** The number of days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => {
    const { year, month, day } = parseDate(d);
    return Date.UTC(year, month - 1, day);
  };
  const ms = utc(to) - utc(from);
  return ms < 0 ? 0 : ms / 86_400_000 + 1;
}

/** Each day from `from` to `to`, both included; the caller bounds the range. */
export function calendarDays(from: string, to: string, cfg: HoursConfig): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(dayView(d, cfg));
  return out;
}

/**
 * Grouping a report's tickets (CONTRACT.md "Reports": by day, week, month, hour, service, queue,
 * window, staff, channel), the period rule, and the one pass that tallies a period. Pure.
 */
import type { ReportBy, ReportChannel, ReportRow } from '../../../protocol/reports.js';
import { REPORT_MAX_DAYS, WAIT_BUCKETS_MINUTES } from '../../../protocol/reports.js';
import { addDays, daysBetween, parseDate, weekday } from '../calendar.js';
import { addTicket, emptyTally, figuresOf, mergeTally, waitBucket, waitMs, type ReportTicket, type Tally } from './figures.js';

/** A report period's refusal (null: fine): `to` before `from`, or longer than REPORT_MAX_DAYS. */
export function periodRefusal(from: string, to: string): { from: string; to: string; maxDays: number } | null {
  return to < from || daysBetween(from, to) > REPORT_MAX_DAYS ? { from, to, maxDays: REPORT_MAX_DAYS } : null;
}

/** 0 Monday … 6 Sunday */
export const mondayFirst = (date: string) => (weekday(date) + 6) % 7;

/** The ISO week of a date, as 'YYYY-Www' (the week belongs to the year of its Thursday). */
export function isoWeek(date: string): string {
  const thursday = addDays(date, 3 - mondayFirst(date));
  const { year } = parseDate(thursday);
  const week = Math.floor((daysBetween(`${year}-01-01`, thursday) - 1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The row key of a ticket under a grouping; '' groups what has none (no window, no staff). */
export function keyOf(by: ReportBy, t: ReportTicket): string {
  switch (by) {
    case 'day': return t.day;
    case 'week': return isoWeek(t.day);
    case 'month': return t.day.slice(0, 7);
    case 'hour': return String(t.hour).padStart(2, '0');
    case 'service': return t.serviceId;
    case 'queue': return t.queueId;
    case 'window': return t.windowId ?? '';
    case 'staff': return t.staffId ?? '';
    case 'channel': return t.channel;
  }
}

export const CHANNEL_LABELS: Record<ReportChannel, string> = { 'walk-in': '现场取号', online: '网上预约', phone: '电话预约', onsite: '现场预约' };

/** Names of the catalog's rows and the staff, by id, for the rows' labels. */
export interface ReportNames { services: Map<string, string>; queues: Map<string, string>; windows: Map<string, string>; staff: Map<string, string> }

export function labelOf(by: ReportBy, key: string, names: ReportNames): string {
  const named = (m: Map<string, string>, none: string) => (key === '' ? none : m.get(key) ?? key);
  switch (by) {
    case 'day': return key;
    case 'week': {
      const [y, w] = key.split('-W');
      return `${y}年第${Number(w)}周`;
    }
    case 'month': return `${key.slice(0, 4)}年${Number(key.slice(5))}月`;
    case 'hour': return `${key}:00–${String(Number(key) + 1).padStart(2, '0')}:00`;
    case 'service': return named(names.services, '—');
    case 'queue': return named(names.queues, '—');
    case 'window': return named(names.windows, '未叫号');
    case 'staff': return named(names.staff, '未记录');
    case 'channel': return CHANNEL_LABELS[key as ReportChannel] ?? key;
  }
}

/** Groupings by time: their rows are the days themselves, so they get no daily series. */
export const isTimeGrouping = (by: ReportBy) => by === 'day' || by === 'week' || by === 'month' || by === 'hour';

/** What one pass over a period's tickets gathers. */
export interface PeriodTally {
  totals: Tally;
  groups: Map<ReportBy, Map<string, Tally>>;
  /** arrivals per day of each row of the other groupings (the tables' sparklines): grouping → key → day → n */
  daily: Map<ReportBy, Map<string, Map<string, number>>>;
  /** arrivals, weekday (Monday first) × hour */
  heatmap: number[][];
  waitBuckets: number[];
}

/** Tallies `tickets` once for the totals and for each grouping in `by`. */
export function tallyPeriod(tickets: Iterable<ReportTicket>, by: readonly ReportBy[], waitTargetMinutes: number): PeriodTally {
  const p = periodTally(by, waitTargetMinutes);
  for (const t of tickets) p.add(t);
  return p.tally;
}

/** A period's tally built a ticket at a time (a report's summaries are built in slices, issue 20). */
export function periodTally(by: readonly ReportBy[], waitTargetMinutes: number): { add(t: ReportTicket): void; tally: PeriodTally } {
  const targetMs = waitTargetMinutes * 60_000;
  const totals = emptyTally();
  const groups = new Map(by.map((b) => [b, new Map<string, Tally>()] as const));
  const daily = new Map<ReportBy, Map<string, Map<string, number>>>(by.filter((b) => !isTimeGrouping(b)).map((b) => [b, new Map()]));
  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const waitBuckets = new Array<number>(WAIT_BUCKETS_MINUTES.length + 1).fill(0);
  const add = (t: ReportTicket) => {
    addTicket(totals, t, targetMs);
    for (const [b, m] of groups) {
      const k = keyOf(b, t);
      let g = m.get(k);
      if (!g) m.set(k, (g = emptyTally()));
      addTicket(g, t, targetMs);
      const perDay = daily.get(b);
      if (perDay) addDaily(perDay, k, t.day, 1);
    }
    heatmap[t.weekday]![t.hour]!++;
    const w = waitMs(t);
    if (w != null) waitBuckets[waitBucket(w)]!++;
  };
  return { add, tally: { totals, groups, daily, heatmap, waitBuckets } };
}

/** Adds `n` arrivals of `day` to row `key`. */
export function addDaily(m: Map<string, Map<string, number>>, key: string, day: string, n: number) {
  let days = m.get(key);
  if (!days) m.set(key, (days = new Map()));
  days.set(day, (days.get(day) ?? 0) + n);
}

/** The most days a row's daily series covers; a longer period's rows have none. */
export const DAILY_MAX_DAYS = 93;

/**
 * The rows of one grouping: time groupings in time order, others by label (pinyin order). `daily`
 * (with the period's `days`) gives each row its arrivals per day.
 */
export function rowsOf(by: ReportBy, tallies: Map<string, Tally>, names: ReportNames,
  daily?: { perKey: Map<string, Map<string, number>>; days: string[] }): ReportRow[] {
  // a stored day without tickets has a tally of zeros: no row
  const rows = [...tallies].filter(([, t]) => t.arrived > 0).map(([key, t]): ReportRow => {
    const row: ReportRow = { key, label: labelOf(by, key, names), ...figuresOf(t) };
    if (daily) row.daily = daily.days.map((d) => daily.perKey.get(key)?.get(d) ?? 0);
    return row;
  });
  const byTime = isTimeGrouping(by);
  const order = (a: ReportRow, b: ReportRow) =>
    (byTime ? a.key.localeCompare(b.key) : a.label.localeCompare(b.label, 'zh-CN') || a.key.localeCompare(b.key));
  // what has no window or staff comes last
  return rows.sort((a, b) => Number(a.key === '') - Number(b.key === '') || order(a, b));
}

/** Adds `from` into `into`: tallies, heat map and histogram alike (a period from its days). */
export function mergePeriod(into: PeriodTally, from: PeriodTally): PeriodTally {
  mergeTally(into.totals, from.totals);
  for (const [by, m] of from.groups) {
    let target = into.groups.get(by);
    if (!target) into.groups.set(by, (target = new Map()));
    for (const [k, t] of m) {
      const have = target.get(k);
      if (have) mergeTally(have, t);
      else target.set(k, mergeTally(emptyTally(), t));
    }
  }
  for (const [by, m] of from.daily) {
    let target = into.daily.get(by);
    if (!target) into.daily.set(by, (target = new Map()));
    for (const [k, days] of m) for (const [d, n] of days) addDaily(target, k, d, n);
  }
  from.heatmap.forEach((row, d) => row.forEach((n, h) => (into.heatmap[d]![h]! += n)));
  from.waitBuckets.forEach((n, i) => (into.waitBuckets[i]! += n));
  return into;
}

export const emptyPeriod = (by: readonly ReportBy[]) => tallyPeriod([], by, 0);

/**
 * Day rules: what kind of day a date is and which sessions the hall runs on it
 * (DESIGN.md "Opening hours and calendar"; seed 003 §2.5 and §5.1; seed 004 三).
 */
import type { DayKind, DayRule, HoursConfig, Session } from './types.js';
import { isMakeupWorkday, isStatutoryHoliday, traditionalDay } from './lunar.js';
import { addDays, fromMinutes, parseDate, toMinutes, weekday } from './time.js';

/** How far previousWorkingDay looks back before deciding the config leaves no working day. */
const MAX_LOOKBACK_DAYS = 366;

/**
 * A hall override wins; else a statutory holiday (its weekend days included), a make-up workday
 * (a weekend day the state calendar works), Mon–Fri a workday, Sat/Sun a weekend.
 */
export function dayKind(date: string, cfg: HoursConfig): DayKind | 'closed' {
  parseDate(date);
  const override = Object.hasOwn(cfg.overrides, date) ? cfg.overrides[date] : undefined;
  if (override !== undefined) return override;
  if (isStatutoryHoliday(date)) return 'holiday';
  const wd = weekday(date);
  const isWeekend = wd === 0 || wd === 6;
  if (isWeekend) return isMakeupWorkday(date) ? 'makeup-workday' : 'weekend';
  return 'workday';
}

export function isWorkingDay(date: string, cfg: HoursConfig): boolean {
  const kind = dayKind(date, cfg);
  return kind === 'workday' || kind === 'makeup-workday';
}

/** The last working day strictly before date; throws if the config closes a whole year before it. */
export function previousWorkingDay(date: string, cfg: HoursConfig): string {
  let d = date;
  for (let i = 0; i < MAX_LOOKBACK_DAYS; i++) {
    d = addDays(d, -1);
    if (isWorkingDay(d, cfg)) return d;
  }
  throw new RangeError(`no working day in the ${MAX_LOOKBACK_DAYS} days before ${date}`);
}

/** Summer from summerFrom (inclusive) until winterFrom (exclusive), by the date's MM-DD. */
export function seasonOf(date: string, cfg: HoursConfig): 'summer' | 'winter' {
  parseDate(date);
  const md = date.slice(5);
  const inSummer =
    cfg.summerFrom <= cfg.winterFrom
      ? md >= cfg.summerFrom && md < cfg.winterFrom
      : md >= cfg.summerFrom || md < cfg.winterFrom;
  return inSummer ? 'summer' : 'winter';
}

/** Local noon: seed 003 §5.1.3 closes "下午" (the afternoon) of some days. */
const NOON = 12 * 60;
const END_OF_DAY = 24 * 60;

/**
 * Seed 003 §5.1.3: 'all' on 正月初一, 'afternoon' on 除夕, 清明, 端午 and 中秋, else 'none'.
 * Applies to every kind of day; cfg.closedExceptions=false turns it off.
 */
export function closedPart(date: string, cfg: HoursConfig): 'all' | 'afternoon' | 'none' {
  if (cfg.closures) {
    if (cfg.closures.length === 0) return 'none';
    const t = traditionalDay(date);
    const name = t === '春节' ? '正月初一' : t;
    return cfg.closures.find((c) => c.on === name)?.part ?? 'none';
  }
  if (!cfg.closedExceptions) return 'none';
  const t = traditionalDay(date);
  if (t === null) return 'none';
  return t === '春节' ? 'all' : 'afternoon';
}

function session(kind: Session['kind'], start: number, end: number, appointmentOnly = false): Session {
  return {
    kind,
    start: fromMinutes(start),
    end: fromMinutes(end),
    extended: kind !== 'regular',
    appointmentOnly,
  };
}

/** A configured [start, end) in minutes; an empty or inverted range is a config error. */
function range([start, end]: [string, string]): [number, number] {
  const r: [number, number] = [toMinutes(start), toMinutes(end)];
  if (r[0] >= r[1]) throw new RangeError(`session ${start}–${end} ends before it starts`);
  return r;
}

function workdaySessions(date: string, cfg: HoursConfig): Session[] {
  const { am, pm } = cfg[seasonOf(date, cfg)];
  const [amStart, amEnd] = range(am);
  const [pmStart, pmEnd] = range(pm);
  const out = [session('regular', amStart, amEnd), session('regular', pmStart, pmEnd)];
  // seed 003 §5.1.1: the lunch break itself is an extended session
  if (cfg.lunch && amEnd < pmStart) out.push(session('lunch', amEnd, pmStart));
  // seed 003 §5.1.2: pm closing + 1 h by default; a session never runs past midnight
  if (cfg.eveningMinutes > 0 && pmEnd < END_OF_DAY) {
    out.push(session('evening', pmEnd, Math.min(pmEnd + cfg.eveningMinutes, END_OF_DAY)));
  }
  return out;
}

function listed(
  kind: 'weekend' | 'holiday',
  ranges: [string, string][],
  appointmentOnly: boolean,
): Session[] {
  return ranges.map((r) => session(kind, ...range(r), appointmentOnly));
}

/**
 * All sessions of the day, sorted by start, closed exceptions cut out: on a closed afternoon no
 * session starts at or after 12:00 and a session running across noon ends at 12:00.
 */
/** Sessions per (config, date): the calendar lookups behind them are slow and every ticket asks. */
const sessionCache = new WeakMap<HoursConfig, Map<string, readonly Session[]>>();

export function sessionsOn(date: string, cfg: HoursConfig): Session[] {
  let byDate = sessionCache.get(cfg);
  if (!byDate) sessionCache.set(cfg, (byDate = new Map()));
  let hit = byDate.get(date);
  if (!hit) {
    if (byDate.size > 1000) byDate.clear();
    hit = Object.freeze(computeSessions(date, cfg).map((x) => Object.freeze(x)));
    byDate.set(date, hit);
  }
  return hit as Session[];
}

/** hours.days: the first rule matching the date's weekday (1 = Monday … 7 = Sunday), its season's list. */
function ruleSessions(rules: DayRule[], date: string, cfg: HoursConfig): Session[] {
  const iso = weekday(date) === 0 ? 7 : weekday(date);
  const rule = rules.find((r) => r.weekdays === undefined || r.weekdays.includes(iso));
  if (!rule) return [];
  const list = rule.sessions ?? rule[seasonOf(date, cfg)] ?? [];
  return list.map((r) => {
    const [start, end] = range([r.start, r.end]);
    return {
      kind: r.kind, start: fromMinutes(start), end: fromMinutes(end),
      extended: r.extendedOnly ?? r.kind !== 'regular', appointmentOnly: r.appointmentOnly ?? false,
    };
  });
}

function computeSessions(date: string, cfg: HoursConfig): Session[] {
  const kind = dayKind(date, cfg);
  let sessions: Session[];
  if (kind === 'closed') return [];
  // a make-up workday runs the workday rules unless the hall writes its own
  const rules = cfg.days?.[kind] ?? (kind === 'makeup-workday' ? cfg.days?.workday : undefined);
  if (rules) sessions = ruleSessions(rules, date, cfg);
  else if (kind === 'workday' || kind === 'makeup-workday') sessions = workdaySessions(date, cfg);
  else if (kind === 'weekend') sessions = listed('weekend', cfg.weekend, false);
  else sessions = listed('holiday', cfg.holiday.sessions, cfg.holiday.appointmentOnly);

  const closed = closedPart(date, cfg);
  if (closed === 'all') return [];
  if (closed === 'afternoon') {
    sessions = sessions
      .filter((s) => toMinutes(s.start) < NOON)
      .map((s) => (toMinutes(s.end) > NOON ? { ...s, end: fromMinutes(NOON) } : s));
  }
  return sessions.sort((a, b) => toMinutes(a.start) - toMinutes(b.start));
}

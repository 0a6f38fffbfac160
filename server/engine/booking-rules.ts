/**
 * Booking rules per channel (docs/configuration.md `booking`): when a channel takes bookings, its
 * lead time, its horizon, which sessions it may book, and the holiday window (seed 004 三(二)).
 * Pure: the instant, the hours and the policy are passed in. Refusals name the rule.
 */
import { HOUR } from './time.js';
import {
  addDays, dayKind, isWorkingDay, localDate, nextOpening, previousWorkingDay, sessionAt, weekday, zonedInstant, type DayKind, type HoursConfig,
} from './calendar.js';
import type { Policy } from './policy.js';
import { toIso } from './time.js';

export type RuleChannel = 'online' | 'phone' | 'onsite' | 'staff';

/** A window in which a channel takes bookings: on these kinds of day and/or weekdays (1 = Monday), from–to. */
export interface AcceptWindow {
  days?: DayKind[];
  weekdays?: number[];
  from: string;
  to: string;
}

export type Lead = { hoursBefore: number } | { previousWorkingDayBefore: string };

export interface ChannelRule {
  /** 'always' (default), 'service-hours' (while a session runs), or windows */
  accepts?: 'always' | 'service-hours' | AcceptWindow[];
  lead?: Lead;
  horizonDays?: number;
  /** 'extended-list' (default): extended sessions take only extended services; 'any-bookable': any bookable service (seed 003 §2.2) */
  extendedSessions?: 'extended-list' | 'any-bookable';
}

export interface BookingRules {
  /** hall-wide default of ChannelRule.extendedSessions (what GET /api/slots shows) */
  extendedSessions?: 'extended-list' | 'any-bookable';
  channels?: Partial<Record<RuleChannel, ChannelRule>>;
  /** seed 004 三(二): a holiday is booked only on a working day before it */
  holidayBooking?: 'any-time' | 'working-day-before';
}

export const DEFAULT_BOOKING: BookingRules = Object.freeze({});

const CHANNEL_NAMES: Record<RuleChannel, string> = { online: '网上', phone: '电话', onsite: '现场', staff: '工作人员代约' };
const WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const DAY_NAMES: Record<DayKind, string> = { workday: '工作日', weekend: '周末', holiday: '法定节假日', 'makeup-workday': '调休上班日' };

/** The channel's rule with the policy's defaults (seed 002: online 3 h before; others 16:30 of the previous working day). */
export function channelRule(rules: BookingRules | undefined, channel: RuleChannel, policy: Policy): Required<Omit<ChannelRule, 'accepts'>> & Pick<ChannelRule, 'accepts'> & { configured: boolean } {
  const r = rules?.channels?.[channel];
  const lead: Lead = channel === 'online' ? { hoursBefore: policy.onlineLeadHours }
    : channel === 'staff' ? { hoursBefore: 0 } : { previousWorkingDayBefore: policy.phoneDeadline };
  return {
    accepts: r?.accepts ?? 'always', lead: r?.lead ?? lead, horizonDays: r?.horizonDays ?? policy.horizonDays,
    extendedSessions: r?.extendedSessions ?? rules?.extendedSessions ?? 'extended-list', configured: r !== undefined,
  };
}

/** The lead time in words: 办理前24小时 / 前一个工作日16:30前. */
export function leadText(lead: Lead): string {
  return 'hoursBefore' in lead ? `办理前${lead.hoursBefore}小时` : `前一个工作日${lead.previousWorkingDayBefore}前`;
}

export function bookingDeadlineOf(lead: Lead, date: string, slot: string, hours: HoursConfig): number {
  if ('hoursBefore' in lead) return zonedInstant(date, slot, hours.tz).getTime() - lead.hoursBefore * HOUR;
  return zonedInstant(previousWorkingDay(date, hours), lead.previousWorkingDayBefore, hours.tz).getTime();
}

const isoWeekday = (date: string): number => (weekday(date) === 0 ? 7 : weekday(date));

function windowOn(w: AcceptWindow, date: string, hours: HoursConfig): boolean {
  const kind = dayKind(date, hours);
  if (w.days && (kind === 'closed' || !w.days.includes(kind))) return false;
  return !w.weekdays || w.weekdays.includes(isoWeekday(date));
}

/** 1,2,3,4 → 周一至周四; 1,3 → 周一、周三 */
function weekdaysText(days: number[]): string {
  const d = [...new Set(days)].sort((a, b) => a - b);
  const run = d.length > 2 && d[d.length - 1] - d[0] === d.length - 1;
  return run ? `${WEEKDAYS[d[0]]}至${WEEKDAYS[d[d.length - 1]]}` : d.map((x) => WEEKDAYS[x]).join('、');
}

/** The windows in words: 周一、周二 08:00–11:00 … */
export function acceptsText(accepts: ChannelRule['accepts']): string {
  if (accepts === undefined || accepts === 'always') return '全天';
  if (accepts === 'service-hours') return '服务时间内';
  return accepts.map((w) => {
    const on = w.weekdays ? weekdaysText(w.weekdays) : (w.days ?? []).map((d) => DAY_NAMES[d]).join('、');
    return `${on}${on ? ' ' : ''}${w.from}–${w.to}`;
  }).join('；');
}

/** When the channel next takes bookings, at or after now (now itself when open); null: not in 60 days. */
export function nextAccepting(accepts: ChannelRule['accepts'], now: number, hours: HoursConfig): number | null {
  if (accepts === undefined || accepts === 'always') return now;
  if (accepts === 'service-hours') return nextOpening(new Date(now), hours)?.getTime() ?? null;
  const today = localDate(new Date(now), hours.tz);
  for (let i = 0; i < 60; i++) {
    const date = addDays(today, i);
    const starts = accepts.filter((w) => windowOn(w, date, hours))
      .filter((w) => zonedInstant(date, w.to, hours.tz).getTime() > now)
      .map((w) => Math.max(now, zonedInstant(date, w.from, hours.tz).getTime()));
    if (starts.length > 0) return Math.min(...starts);
  }
  return null;
}

export interface ChannelRefusal { code: 'channel-closed' | 'too-late-to-book' | 'holiday-booking-window'; details: Record<string, unknown> }

/** Does the channel take a booking now (its hours), and may the date be booked now (holiday window)? */
export function checkChannel(channel: RuleChannel, date: string, now: number, hours: HoursConfig, policy: Policy, rules: BookingRules | undefined): ChannelRefusal | null {
  const rule = channelRule(rules, channel, policy);
  if (rule.accepts === 'service-hours' ? sessionAt(new Date(now), hours) === null : nextAccepting(rule.accepts, now, hours) !== now) {
    const next = nextAccepting(rule.accepts, now, hours);
    return { code: 'channel-closed', details: {
      channel, channelName: CHANNEL_NAMES[channel], accepts: acceptsText(rule.accepts), nextAcceptsAt: next === null ? null : toIso(next, hours.tz),
    } };
  }
  if (rules?.holidayBooking === 'working-day-before' && dayKind(date, hours) === 'holiday') {
    const today = localDate(new Date(now), hours.tz);
    if (!(isWorkingDay(today, hours) && today < date)) {
      return { code: 'holiday-booking-window', details: { date, lastDate: previousWorkingDay(date, hours) } };
    }
  }
  return null;
}

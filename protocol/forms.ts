/**
 * Printable forms and the duty roster (issue 19, seeds 000 附件3–5 and 004 附件2): the shapes the
 * server answers. No zod here: the apps import it. Personal data on a form is in clear only where
 * the reader may see it (`revealed`), otherwise masked like every list.
 */
import type { BookingStatus, Role } from './domain.js';

/** 上岗表 roles: 窗口人员, 后台人员, 带班人员 (one duty lead per date) */
export const ROSTER_ROLES = ['window', 'back-office', 'lead'] as const;
export type RosterRole = (typeof ROSTER_ROLES)[number];

/** A staff member the roster may name (active staff, lead or admin), with the work phone. */
export interface RosterStaff { id: string; name: string; role: Role; phone: string | null }

export interface RosterEntry {
  id: string;
  date: string;
  role: RosterRole;
  /** 'HH:MM-HH:MM', one of the day's sessions; null = the whole day */
  session: string | null;
  userId: string;
  staffName: string;
  staffRole: Role;
  /** the staff member's work phone (上岗人员联系电话) */
  phone: string | null;
  /** the booking the entry serves, masked */
  booking: { id: string; serviceName: string; name: string; slot: string } | null;
  note?: string;
}

/** GET /api/roster?date=: the day's sessions, entries, bookings (masked) and the staff to choose from. */
export interface RosterDay {
  date: string;
  /** an extended-service (延时服务) date: a weekend or holiday the hall opens; only these take entries */
  extended: boolean;
  sessions: string[];
  entries: RosterEntry[];
  bookings: { id: string; serviceName: string; name: string; slot: string; status: BookingStatus }[];
  staff: RosterStaff[];
}

export type HandoverChannel = 'online' | 'phone';

/** 预约服务登记表 (004 附件2), one booking. Times are local 'YYYY-MM-DD HH:MM' or null (left blank). */
export interface RegistrationForm {
  hallName: string;
  bookingId: string;
  /** name and phone in clear (own window's booking, or a lead/admin reading) */
  revealed: boolean;
  name: string;
  phone: string;
  unit: string | null;
  serviceName: string;
  /** 预约办理时间 */
  date: string;
  slot: string;
  /** 预约窗口: the window dispatched to, else the service's window label */
  window: string | null;
  /** 记录时间 and 记录人 */
  recordedAt: string;
  recordedBy: string | null;
  /** 交办时间 and 签收人 */
  dispatchedAt: string | null;
  signedBy: string | null;
  /** 办理情况 */
  service: { done: boolean | null; from: string | null; to: string | null; notes: string | null; handlers: string[] };
}

export interface HandoverRow {
  seq: number;
  bookingId: string;
  serviceName: string;
  name: string;
  code: string | null;
  /** 预约的时间段: 'YYYY-MM-DD HH:MM' */
  slot: string;
  phone: string;
  revealed: boolean;
  /** 应交办单位: the window dispatched to, else the service's window label */
  unit: string;
  /** 办件情况 是否受理: the booking's outcome so far */
  status: BookingStatus;
}

/** 网上/电话预约业务交办单 (000 附件3/4), one date and channel. */
export interface HandoverForm { hallName: string; date: string; channel: HandoverChannel; rows: HandoverRow[] }

export interface DutyRow {
  seq: number;
  bookingId: string | null;
  serviceName: string;
  name: string;
  phone: string;
  revealed: boolean;
  /** 预约时间段 (a session when the row is a session's staff with no booking) */
  slot: string;
  window: string[];
  backOffice: string[];
  lead: string[];
  /** 上岗人员联系电话: 'name phone' of everyone on the row */
  staffPhones: string[];
  note: string;
}

/** “延时服务”工作人员上岗表 (000 附件5), one date, from the roster. */
export interface DutyForm { hallName: string; date: string; department: string; filledOn: string; rows: DutyRow[] }

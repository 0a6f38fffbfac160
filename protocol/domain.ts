/**
 * Domain types shared by the server, the drivers and the apps (CONTRACT.md "Shapes").
 * Plain types only, so browser bundles pay nothing for importing them.
 */
import type { PublicEvaluation } from './evaluations.js';

export type Role = 'admin' | 'lead' | 'staff';
export type DeviceKind = 'kiosk' | 'display' | 'platform';
export type PrincipalKind = Role | DeviceKind;

export type TicketKind = 'walk-in' | 'reservation';
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no-show' | 'cancelled';

export interface Ticket {
  id: string;
  /** queue prefix + daily sequence, e.g. "A012" */
  number: string;
  kind: TicketKind;
  status: TicketStatus;
  queueId: string;
  serviceId: string;
  bookingId?: string;
  windowId?: string;
  issuedAt: string;
  calledAt?: string;
  startedAt?: string;
  finishedAt?: string;
  recalls: number;
  /** reservations: the booked slot's start, and when the citizen checked in (they order the call) */
  slotStart?: string;
  checkedInAt?: string;
  /** a ticket transferred to one window waits for that window only */
  targetWindowId?: string;
}

export type BookingStatus = 'booked' | 'checked-in' | 'cancelled' | 'forfeited' | 'served';
export type BookingChannel = 'online' | 'phone' | 'onsite';
/** 'window': served at a window after a kiosk check-in; 'visit' (上门办, seed 002 三(四)): served at the citizen's address */
export type BookingKind = 'window' | 'visit';

export interface Booking {
  id: string;
  status: BookingStatus;
  channel: BookingChannel;
  serviceId: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, start of the slot */
  slot: string;
  /** masked unless the reader is an admin asking for one booking */
  name: string;
  idNumber: string;
  phone: string;
  ticketId?: string;
  createdAt: string;
  cancelledBy?: 'citizen' | 'hall';
  cancelReason?: string;
  /** the booking code (8 characters, protocol/platform.ts); absent only on a booking closed before codes existed */
  code?: string;
  kind: BookingKind;
  /** a visit's address: personal data, masked like the phone unless revealed */
  address?: string;
  /** the staff member (user id) who makes the visit */
  assigneeId?: string;
  /** 单位 (登记表) */
  unit?: string;
  /** 记录人: who wrote the registration down */
  recordedBy?: string;
  /** 派单 → 签收 (seed 004 二(2)) */
  dispatch?: { windowId: string; at: string; by: string; signedAt?: string; signedBy?: string };
  /** 办理情况 (seed 004 (5)): from the ticket when served, or recorded by hand for a visit */
  service?: { done: boolean; from?: string; to?: string; minutes?: number; by?: string; handlers: string[]; notes?: string };
}

export interface Queue {
  id: string;
  name: string;
  nameEn?: string;
  /** one capital letter, A–Z */
  prefix: string;
  sortOrder: number;
}

export interface Service {
  id: string;
  /** 事项编号 (seed 003 §3.3.2) */
  code: string;
  name: string;
  nameEn?: string;
  queueId: string;
  bookable: boolean;
  /** on the 延时服务 list: served in extended sessions */
  extended: boolean;
  /** capacity of each booking slot */
  slotCapacity: number;
  /** 咨询预约电话 */
  phone?: string;
  /** 办理窗口 (display text; the calling order uses the windows' queue lists) */
  windowLabel?: string;
  /** 所需材料: what to bring, one item each (kiosk ticket, booking confirmation) */
  materials?: string[];
  /** 每日取号上限: walk-in tickets stop once this many tickets of the service were issued today (engine/daily-cap.ts) */
  dailyCap?: number;
}

export type WindowMode = 'normal' | 'reservation';
export type WindowStatus = 'open' | 'paused' | 'closed';

export interface HallWindow {
  id: string;
  number: number;
  name: string;
  /** ordered: earlier queues win ties among walk-ins */
  queueIds: string[];
  reservationOnly: boolean;
}

export interface WindowState {
  id: string;
  number: number;
  name: string;
  status: WindowStatus;
  mode: WindowMode;
  current: Ticket | null;
  pauseReason?: string;
  /** display name of the staff member signed in, if any (not personal data: it is on the badge) */
  staffName?: string;
}

export interface QueueState {
  id: string;
  name: string;
  prefix: string;
  waiting: number;
  reservationsWaiting: number;
}

export interface RecentCall {
  ticketNumber: string;
  kind: TicketKind;
  windowNumber: number;
  windowName: string;
  at: string;
}

export interface CallingPolicy {
  reservationPriority: 'auto' | 'manual';
  /** a reservation may be called this many minutes before its slot starts */
  eligibleBeforeMinutes: number;
}

/** The opening-hours session running now (hallq's addition): an extended (延时服务) one serves only the 延时 list. */
export interface SessionNow {
  /** the calendar's session kind: 'regular', 'lunch', 'evening', 'weekend', 'holiday', … */
  kind: string;
  /** 'HH:MM' local */
  start: string;
  end: string;
  extended: boolean;
  appointmentOnly: boolean;
}

/** A service that takes no walk-in ticket now, and when it next does (null: none within the search horizon). */
export interface ServiceWait {
  serviceId: string;
  nextAt: string | null;
  /** why, when it is not the session: `daily-cap`, today's tickets are all issued (nextAt: null) */
  reason?: 'daily-cap';
}

/** Which services take walk-in tickets now (hallq's addition), so a kiosk greys the others before a tap. */
export interface Availability {
  session: SessionNow | null;
  unavailable: ServiceWait[];
}

export interface StateSnapshot {
  time: string;
  hallName?: string;
  /** whether the hall takes tickets now, and when it next opens when it does not */
  open?: boolean;
  nextOpenAt?: string | null;
  /** the session now and the services not served in it (hallq's addition) */
  availability?: Availability;
  /** the calling policy's numbers a console needs to order a window's waiting list like call-next (hallq's addition) */
  policy?: CallingPolicy;
  windows: WindowState[];
  queues: QueueState[];
  recentCalls: RecentCall[];
}

export interface Credit {
  noShowsThisMonth: number;
  /** null, or the first date (YYYY-MM-DD) on which the person may book again */
  barredUntil: string | null;
}

export interface SlotInfo {
  slot: string;
  /** HH:MM, the end of the slot (a last partial hour is shorter) */
  end?: string;
  capacity: number;
  booked: number;
  available: number;
}

export interface QueueReport {
  queueId: string;
  name: string;
  tickets: number;
  served: number;
  noShows: number;
  avgWaitSeconds: number;
}

export interface WindowReport {
  windowId: string;
  number: number;
  name: string;
  served: number;
  noShows: number;
  avgServiceSeconds: number;
}

export interface DailyReport {
  date: string;
  tickets: number;
  served: number;
  noShows: number;
  /** cancelled tickets of the day, and of those the ones the day-end close cancelled (issue 15) */
  cancelled: number;
  cancelledAtDayEnd: number;
  avgWaitSeconds: number;
  avgServiceSeconds: number;
  byQueue: QueueReport[];
  byWindow: WindowReport[];
  bookings: { total: number; checkedIn: number; forfeited: number; cancelled: number; served: number };
}

export interface UserInfo {
  id: string;
  name: string;
  role: Role;
  windowIds: string[];
}

/** GET /api/public/tickets/:id — what a ticket's QR opens on the citizen's phone. No personal data. */
export interface PublicTicket {
  hallName: string;
  ticket: { number: string; kind: TicketKind; status: TicketStatus; issuedAt: string; calledAt: string | null };
  serviceName: string;
  waitingAhead: number;
  window: { number: number; name: string } | null;
  /** once the ticket is finished (issue 16): whether it was rated, and the hall's reasons for a bad rating */
  evaluation?: PublicEvaluation;
}

/** One entry of the audit log (GET /api/audit): who did what, when. No personal data in clear. */
export interface AuditEntry {
  seq: number;
  at: string;
  type: string;
  /** `user:<id>`, `device:<id>` or `system:system` */
  actor: string;
  subject: string | null;
  data: Record<string, unknown>;
}

/** An account as the admin sees it (CONTRACT.md "Accounts"). */
export interface UserAccount {
  id: string;
  username: string;
  name: string;
  role: Role;
  windowIds: string[];
  active: boolean;
  /** the work phone (issue 19); internal forms and the roster only */
  phone: string | null;
}

/** A registered device as the admin sees it (CONTRACT.md "Devices"): online while its socket is connected. */
export interface DeviceInfo {
  id: string;
  kind: DeviceKind;
  name: string;
  createdAt: string;
  lastSeenAt: string | null;
  online: boolean;
  /** set when the admin revoked it: its token no longer works */
  revokedAt?: string;
}

/** Something the hall's staff or installer must act on, in GET /api/health (hallq's addition to CONTRACT.md). */
export type HallWarning =
  | { code: 'holiday-data-missing'; years: number[]; message: string }
  /** the server's system clock jumped (wall vs monotonic time) and is not believed yet: forfeits and day-end are held */
  | { code: 'clock-jump'; wallTime: string; believedTime: string; message: string };

/** GET /api/health */
/**
 * `status` is 'degraded' while the database cannot be written (writes answer 503
 * storage-unavailable): `storage` says why and since when, until it recovers by itself.
 */
export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  time: string;
  warnings?: HallWarning[];
  storage?: { reason: 'read-only' | 'disk-full' | 'io-error'; code: string; message: string; since: string };
}

/** GET /api/calendar: one day of the hall calendar (CONTRACT.md "Hall settings"). */
export type CalendarDayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';
export interface CalendarSession {
  /** 'HH:MM' local */
  start: string;
  /** 'HH:MM' local, exclusive ('24:00' = midnight) */
  end: string;
  kind: 'regular' | 'lunch' | 'early' | 'evening' | 'weekend' | 'holiday';
  /** only services on the 延时服务 list are served */
  extended: boolean;
  /** bookings and check-ins only, no walk-in tickets */
  appointmentOnly: boolean;
}
export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  /** the sessions the hall runs that day, by start ([] when closed) */
  sessions: CalendarSession[];
  /** present when the day or part of it is closed: the rule's name (a date override: 'override'; a lunar closure: the day, e.g. '正月初一', '清明') */
  closed?: string;
}

/** Request bodies and query strings, validated at the edge (CONTRACT.md "Endpoints"). */
import { z } from 'zod';
import type { AgentPrintJob, AgentPrintResult, DeviceHealth, DeviceScanEvent, TicketPrintJob } from './events.js';
import { REPORT_GROUPINGS } from './reports.js';
import { STAFF_PHONE } from './identity.js';

export const requestId = z.string().min(1).max(64);
const id = z.string().min(1).max(64);
/** a real calendar date: 2026-02-30 is refused here, at the edge, not deep in the calendar */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').refine((d) => {
  const [y, m, day] = d.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, day));
  return y >= 2000 && y <= 2199 && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
}, '日期不存在');
const slot = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const hhmm = slot;

export const LoginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
export const CreateDeviceBody = z.object({
  kind: z.enum(['kiosk', 'display', 'platform']),
  name: z.string().trim().min(1).max(64),
  /** a name already registered: revoke the old device's token and issue a new one (a replaced kiosk PC) */
  replace: z.boolean().optional(),
  requestId: requestId.optional(),
});

/** CONTRACT.md "Accounts": a password's length is a rule (422 weak-password), not a malformed body */
const password = z.string().min(1).max(256);
const username = z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9._-]+$/, '用户名只能包含字母、数字和 . _ -');
export const CreateUserBody = z.object({
  username,
  name: z.string().trim().min(1).max(32),
  role: z.enum(['staff', 'lead', 'admin']),
  password,
  windowIds: z.array(z.string().min(1).max(64)).max(100).optional(),
  requestId: requestId.optional(),
  /** issue 19: the work phone (上岗人员联系电话), a mobile or a landline; shown on internal forms only */
  phone: z.string().trim().regex(STAFF_PHONE, '手机号或固定电话').optional(),
});
export const UpdateUserBody = z.object({
  name: z.string().trim().min(1).max(32).optional(),
  role: z.enum(['staff', 'lead', 'admin']).optional(),
  windowIds: z.array(z.string().min(1).max(64)).max(100).optional(),
  active: z.boolean().optional(),
  /** issue 19: the work phone; null or '' clears it */
  phone: z.union([z.string().trim().regex(STAFF_PHONE, '手机号或固定电话'), z.literal(''), z.null()]).optional(),
});
export const SetPasswordBody = z.object({ password });
export const ChangePasswordBody = z.object({ oldPassword: password, newPassword: password });

export const IssueTicketBody = z.object({ serviceId: id, requestId: requestId.optional() });
export const CheckinBody = z.union([
  z.object({ qr: z.string().min(1).max(256), requestId: requestId.optional() }),
  z.object({ idNumber: z.string().min(1).max(32), serviceId: id.optional(), requestId: requestId.optional() }),
  /** the booking code typed on the kiosk keypad (issue 17) */
  z.object({ code: z.string().min(1).max(16), requestId: requestId.optional() }),
]);

export const SlotsQuery = z.object({ serviceId: id, date });
export const BookingsQuery = z.object({ date, q: z.string().max(64).optional() });
export const CreateBookingBody = z.object({
  name: z.string().trim().min(1).max(32),
  idNumber: z.string().trim().min(1).max(32),
  phone: z.string().trim().min(1).max(20),
  serviceId: id,
  date,
  slot,
  channel: z.enum(['online', 'phone', 'onsite']),
  /** staff registering for a citizen (seed 002 紧急办理): the hall's `staff` booking rules apply */
  urgent: z.boolean().optional(),
  requestId: requestId.optional(),
  /** 单位 (登记表, issue 19) */
  unit: z.string().trim().max(50).optional(),
  /** 记录人 (登记表): staff registering a phone/on-site booking without one are written down by their own name */
  recordedBy: z.string().trim().max(20).optional(),
  /** 上门办 (issue 19): a visit at the citizen's address (required then, personal data), given to a staff member */
  kind: z.enum(['window', 'visit']).optional(),
  address: z.string().trim().min(1).max(100).optional(),
  assigneeId: id.optional(),
});
export const CancelBookingBody = z.object({ by: z.enum(['citizen', 'hall']), reason: z.string().max(200).optional() });
/** why staff need one booking's personal data in clear (audited) */
export const RevealBody = z.object({ reason: z.string().trim().min(1).max(200) });
/** a year's 放假/调休 dates as the State Council publishes them */
export const CalendarYearBody = z.object({ holidays: z.array(date).min(1).max(60), makeupWorkdays: z.array(date).max(20) });
export const PardonBody = z.object({ reason: z.string().trim().min(1).max(200) });

export const CallNextBody = z.object({ mode: z.enum(['normal', 'reservation']).optional() }).default({});
export const TransferBody = z.union([z.object({ queueId: id }), z.object({ windowId: id })]);
export const PauseBody = z.object({ reason: z.string().trim().min(1).max(100) });
export const ModeBody = z.object({ mode: z.enum(['normal', 'reservation']) });
export const CallTicketBody = z.object({ reason: z.string().max(200).optional() }).default({});
export const ReportQuery = z.object({ date });
export const AuditQuery = z.object({
  actor: z.string().max(80).optional(),
  type: z.string().max(64).optional(),
  /** paging: entries before this seq */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const ClockBody = z.object({ now: z.string().min(10).max(40) });

export const QueueBody = z.object({
  name: z.string().trim().min(1).max(32),
  nameEn: z.string().max(64).optional(),
  prefix: z.string().regex(/^[A-Z]$/),
  sortOrder: z.number().int().min(0).max(1000).optional(),
  requestId: requestId.optional(),
});
export const ServiceBody = z.object({
  code: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(64),
  nameEn: z.string().max(128).optional(),
  queueId: id,
  bookable: z.boolean().default(true),
  extended: z.boolean().default(false),
  slotCapacity: z.number().int().min(0).max(1000).default(4),
  phone: z.string().max(32).optional(),
  windowLabel: z.string().max(64).optional(),
  /** 所需材料, one item each (no line breaks inside an item) */
  materials: z.array(z.string().trim().min(1).max(100).regex(/^[^\r\n]*$/)).max(30).optional(),
  /** 每日取号上限 */
  dailyCap: z.number().int().min(1).max(100000).optional(),
  requestId: requestId.optional(),
});
export const WindowBody = z.object({
  number: z.number().int().min(1).max(9999),
  name: z.string().trim().min(1).max(32),
  queueIds: z.array(id).max(26),
  reservationOnly: z.boolean().default(false),
  requestId: requestId.optional(),
});

export { date as DateString, slot as SlotString, hhmm as HHMM };


// — hall settings (CONTRACT.md "Hall settings")

/** A config file's `catalog`: the catalog bodies without requestId, ids optional (a service names its queue by id), unknown keys refused. */
const { requestId: _q, ...queueShape } = QueueBody.shape;
const { requestId: _s, ...serviceShape } = ServiceBody.shape;
const { requestId: _w, ...windowShape } = WindowBody.shape;
export const CatalogConfig = z
  .strictObject({
    queues: z.array(z.strictObject({ id: id.optional(), ...queueShape })).max(26).default([]),
    services: z.array(z.strictObject({ id: id.optional(), ...serviceShape })).max(1000).default([]),
    windows: z.array(z.strictObject({ id: id.optional(), ...windowShape, status: z.enum(['open', 'closed']).optional() })).max(1000).default([]),
  })
  .superRefine((c, ctx) => {
    const queueIds = new Set(c.queues.flatMap((q) => (q.id ? [q.id] : [])));
    const unique = <T>(list: T[], key: (x: T) => unknown, field: string, what: string) => {
      const seen = new Set<unknown>();
      list.forEach((x, i) => {
        const k = key(x);
        if (k === undefined) return;
        if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [what, i, field], message: `duplicate ${field} ${JSON.stringify(k)}` });
        seen.add(k);
      });
    };
    unique(c.queues, (q) => q.id, 'id', 'queues');
    unique(c.queues, (q) => q.prefix, 'prefix', 'queues');
    unique(c.services, (s) => s.id, 'id', 'services');
    unique(c.windows, (w) => w.id, 'id', 'windows');
    unique(c.windows, (w) => w.number, 'number', 'windows');
    c.services.forEach((s, i) => {
      if (!queueIds.has(s.queueId)) ctx.addIssue({ code: 'custom', path: ['services', i, 'queueId'], message: `no queue with id ${JSON.stringify(s.queueId)} in catalog.queues` });
    });
    c.windows.forEach((w, i) => w.queueIds.forEach((q, j) => {
      if (!queueIds.has(q)) ctx.addIssue({ code: 'custom', path: ['windows', i, 'queueIds', j], message: `no queue with id ${JSON.stringify(q)} in catalog.queues` });
    }));
  });

/** The hall's notices, printed on every ticket and shown on screens (today's two by default). */
export const DEFAULT_NOTICES: readonly string[] = Object.freeze(['过号请重新取号', '请留意大厅叫号屏幕和语音提示']);
export const NoticesConfig = z.array(z.string().trim().min(1).max(40)).max(6);

/** `PUT /api/config/:section`'s body: the section as in the config file (a scalar section, publicUrl, as `{value}`); checked by the server. */
export const ConfigSectionBody = z.unknown();
/** `POST /api/config/apply`'s body: a whole hall config file (checked by the server with the file's schema). */
export const ConfigFileBody = z.record(z.string(), z.unknown());

/** `GET /api/calendar`: both dates included, at most CALENDAR_MAX_DAYS days */
export const CALENDAR_MAX_DAYS = 400;
export const CalendarQuery = z.object({ from: date, to: date });

// — Kiosk PC device agent: what crosses the `/agent` namespace, checked on arrival by both sides
const text = (max: number) => z.string().max(max);
export const TicketPrintJobSchema = z.object({
  hallName: text(100),
  ticketNumber: text(16).min(1),
  kind: z.enum(['walk-in', 'reservation']),
  serviceName: text(100),
  slot: slot.optional(),
  waitingAhead: z.number().int().min(0),
  windows: z.array(z.number().int().min(1).max(9999)).max(200).optional(),
  issuedAt: text(40).min(1),
  statusUrl: text(512).regex(/^[\x20-\x7e]*$/, 'ASCII'),
  notices: z.array(text(200)).max(20),
}) satisfies z.ZodType<TicketPrintJob>;
export const AgentPrintJobSchema = z.object({
  jobId: id,
  ticketId: id,
  startWithinMs: z.number().int().min(0).max(60_000),
  ticket: TicketPrintJobSchema,
}) satisfies z.ZodType<AgentPrintJob>;
export const AgentPrintResultSchema = z.object({ jobId: id, ok: z.boolean(), reason: text(200).optional() }) satisfies z.ZodType<AgentPrintResult>;
export const DeviceScanSchema = z.object({ source: z.enum(['qr', 'idcard']), value: z.string().min(1).max(512) }) satisfies z.ZodType<DeviceScanEvent>;
export const DeviceHealthSchema = z.object({
  id,
  kind: text(32),
  status: z.enum(['online', 'offline', 'paper-out', 'paper-near-end', 'cover-open', 'error']),
  detail: text(300).optional(),
  at: text(40),
}) satisfies z.ZodType<DeviceHealth>;
/** a kiosk PC has a printer, a reader and a scanner; a few more are tolerated, a flood is not */
export const AgentHealthSchema = z.array(DeviceHealthSchema).max(16);
// — evaluations (好差评, issue 16)
/** POST /api/evaluations: a level outside 1–5 is malformed (400); the channel is who calls (the server records it) */
export const EvaluationBody = z.object({
  ticketId: id,
  level: z.number().int().min(1).max(5),
  reasons: z.array(z.string().trim().min(1).max(40)).max(12).optional(),
  comment: z.string().trim().max(200).optional(),
  channel: z.enum(['pad', 'qr', 'keypad', 'staff']).optional(),
  requestId: requestId.optional(),
});
export const EvaluationsQuery = z.object({
  from: date.optional(),
  to: date.optional(),
  maxLevel: z.coerce.number().int().min(1).max(5).optional(),
});
export const FollowUpBody = z.object({
  outcome: z.enum(['contacted', 'rectified', 'explained', 'appealed']),
  note: z.string().trim().min(1).max(500),
});
/** PUT /api/evaluations/pad: the display device says which window it is the pad of (its pairing link's `window`) */
export const PadBody = z.object({ window: z.number().int().min(1).max(9999) });
// — reports (issue 15)
/** GET /api/reports: a period (both days included, at most REPORT_MAX_DAYS) and its grouping */
export const PeriodReportQuery = z.object({ from: date, to: date, by: z.enum(REPORT_GROUPINGS).default('day') });
/** GET /api/reports/export */
export const ReportExportQuery = z.object({ from: date, to: date, format: z.enum(['xlsx', 'csv']).default('xlsx') });
/** the demo panel (issue 14): the sample card with this ID number (default: the sample's own), a code to scan */
export const DemoCardBody = z.object({ idNumber: z.string().trim().min(1).max(32).optional() });
export const DemoScanBody = z.object({ code: z.string().min(1).max(512) });

// — booking desk (issue 19): 派单 → 签收, advance contact, no-show follow-up
/** 派单: the window the 管理科 hands the booking to */
export const DispatchBody = z.object({ windowId: id });
export const CONTACT_PURPOSES = ['advance', 'follow-up'] as const;
/** which outcome belongs to which call: protocol/rules/contact-outcomes.ts */
export { CONTACT_OUTCOMES } from './rules/contact-outcomes.js';
import { CONTACT_OUTCOMES } from './rules/contact-outcomes.js';
/** a call about a booking: in advance (seed 004 (3)) or after a no-show (004 (4)); the note stays out of the event log */
export const ContactBody = z.object({
  purpose: z.enum(CONTACT_PURPOSES),
  outcome: z.enum([...CONTACT_OUTCOMES.advance, ...CONTACT_OUTCOMES['follow-up']]),
  note: z.string().trim().max(500).optional(),
});
export const DeskQuery = z.object({ windowId: id });
// — booking changes, 办理情况 and 上门办 (issue 19)
/** POST /api/bookings/:id/reschedule */
export const RescheduleBody = z.object({ date, slot, reason: z.string().trim().min(1).max(200) });
/** GET /api/booking-changes */
export const BookingChangesQuery = z.object({ status: z.enum(['pending', 'approved', 'refused', 'withdrawn']).optional() });
export const ApproveChangeBody = z.object({ note: z.string().trim().max(200).optional() }).default({});
export const RefuseChangeBody = z.object({ note: z.string().trim().min(1).max(200) });
/** a time of service: HH:MM on the booking's date (hall time), or ISO 8601 with an offset */
const serviceTime = z.union([hhmm, z.string().datetime({ offset: true })]);
/** POST /api/bookings/:id/service: 办理情况 (004 (5)); handlers are 承办人1/2 */
export const ServiceRecordBody = z.object({
  done: z.boolean(),
  from: serviceTime.optional(),
  to: serviceTime.optional(),
  handlers: z.array(z.string().trim().min(1).max(32)).max(2).optional(),
  notes: z.string().trim().max(500).optional(),
});
export const AssignBody = z.object({ assigneeId: id });
/** GET /api/visits (both days included; default today) */
export const VisitsQuery = z.object({ from: date.optional(), to: date.optional(), assigneeId: id.optional() });
// — forms and the duty roster (issue 19)
/** GET /api/roster and GET /api/forms/duty */
export const RosterQuery = z.object({ date });
/** POST /api/roster: session 'HH:MM-HH:MM' (one of the day's sessions), absent = the whole day */
export const RosterBody = z.object({
  date,
  role: z.enum(['window', 'back-office', 'lead']),
  userId: id,
  session: z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'HH:MM-HH:MM').optional(),
  bookingId: id.optional(),
  note: z.string().trim().max(100).optional(),
});
/** GET /api/forms/handover: one date, the online (附件3) or phone (附件4) variant */
export const HandoverFormQuery = z.object({ date, channel: z.enum(['online', 'phone']) });
/** GET /api/forms/duty: the date and the 填报科室 written on the form */
export const DutyFormQuery = z.object({ date, department: z.string().trim().max(40).optional() });

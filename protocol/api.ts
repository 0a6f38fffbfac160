/**
 * The HTTP endpoint map (CONTRACT.md "Endpoints", its "Additions for running a real hall", and
 * hallq's additions in the README): for each `'METHOD /path/:param'`, the zod schema of its body or
 * query (from protocol/schemas.ts) and the type of its answer. The typed client (protocol/client.ts)
 * is checked against it; routes parse with the same schemas.
 *
 * The client imports this file for its types only, so no browser bundle pays for zod.
 */
import { z } from 'zod';
import type {
  Booking, CalendarDay, Credit, DailyReport, HallWindow, Health, Queue, Service, SlotInfo, StateSnapshot,
} from './domain.js';
import type { DeviceHealth } from './events.js';
import type { Evaluation } from './evaluations.js';
import { EvaluationBody, EvaluationsQuery, FollowUpBody, PadBody } from './schemas.js';
import type {
  AuditEntry, BackupInfo, BarredCitizen, BookingCreated, BookingResult, CallResult, CheckinResult, ClockResult, ConfigApplied, ConfigSectionResult, CreatedDevice,
  Deleted, DeviceInfo, HallConfigView,
  IssueTicketResult, LedText, LoginResult, Me, Ok, PublicHall, PublicTicket, TicketResult, TicketView, UserAccount,
  UserResult, WindowResult, WindowWaiting, CalendarYearResult,
} from './responses.js';
import {
  AuditQuery, BookingsQuery, CalendarQuery, CalendarYearBody, CallNextBody, ConfigFileBody, ConfigSectionBody, CallTicketBody, CancelBookingBody, ChangePasswordBody, CheckinBody, ClockBody,
  CreateBookingBody, CreateDeviceBody, RevealBody, CreateUserBody, IssueTicketBody, LoginBody, ModeBody, PardonBody, PauseBody,
  QueueBody, ReportQuery, requestId, ServiceBody, SetPasswordBody, SlotsQuery, TransferBody, UpdateUserBody, WindowBody,
} from './schemas.js';
import { PeriodReportQuery, ReportExportQuery } from './schemas.js';
import type { LiveKpis, PeriodReport } from './reports.js';
import { EventsQuery, ResendBody, SmsQuery, type EventsPage, type PlatformStatus, type SmsMessage } from './platform.js';
import type { DemoDevices, DemoPrintImage } from './responses.js';
import { DemoCardBody, DemoScanBody } from './schemas.js';
import { ContactBody, DeskQuery, DispatchBody } from './schemas.js';
import type { BookingHistory, ContactResult, DeskWorklist } from './desk.js';
import { ApproveChangeBody, AssignBody, BookingChangesQuery, RefuseChangeBody, RescheduleBody, ServiceRecordBody, VisitsQuery } from './schemas.js';
import type { BookingChange } from './booking-changes.js';
import { DutyFormQuery, HandoverFormQuery, RosterBody, RosterQuery } from './schemas.js';
import type { DutyForm, HandoverForm, RegistrationForm, RosterDay, RosterEntry } from './forms.js';

/** One endpoint: its body or query schema, and (as a type only) its answer. */
export interface Endpoint<R = unknown> {
  body?: z.ZodType;
  query?: z.ZodType;
  /** phantom: never read at run time */
  response: R;
}

/** Marks an answer's type in the map (the value is never read). */
const answer = <R>() => undefined as unknown as R;

/** Creating POSTs of the catalog take a `requestId` like every other (CONTRACT.md "HTTP conventions"). */
const withRequestId = <S extends z.ZodObject>(s: S) => s.extend({ requestId: requestId.optional() });

export const API = {
  // — system
  'GET /api/health': { response: answer<Health>() },
  'POST /api/auth/login': { body: LoginBody, response: answer<LoginResult>() },
  'POST /api/auth/logout': { response: answer<Ok>() },
  'GET /api/me': { response: answer<Me>() },
  'GET /api/state': { response: answer<StateSnapshot>() },
  'PUT /api/calendar/:year': { body: CalendarYearBody, response: answer<CalendarYearResult>() },
  'GET /api/reports/daily': { query: ReportQuery, response: answer<DailyReport>() },
  'PUT /api/_clock': { body: ClockBody, response: answer<ClockResult>() },

  // — hall settings (admin) and the calendar (any token)
  'GET /api/config': { response: answer<HallConfigView>() },
  'PUT /api/config/:section': { body: ConfigSectionBody, response: answer<ConfigSectionResult>() },
  'POST /api/config/apply': { body: ConfigFileBody, response: answer<ConfigApplied>() },
  'GET /api/calendar': { query: CalendarQuery, response: answer<CalendarDay[]>() },

  // — devices
  'POST /api/devices': { body: CreateDeviceBody, response: answer<CreatedDevice>() },
  'GET /api/devices': { response: answer<DeviceInfo[]>() },
  'DELETE /api/devices/:id': { response: answer<Deleted>() },
  'GET /api/audit': { query: AuditQuery, response: answer<AuditEntry[]>() },
  'GET /api/backups': { response: answer<BackupInfo[]>() },
  'POST /api/backups': { response: answer<BackupInfo>() },
  'GET /api/devices/health': { response: answer<DeviceHealth[]>() },
  'GET /api/devices/led/:number': { response: answer<LedText>() },

  // — accounts (admin; POST /api/me/password: any signed-in user)
  'GET /api/users': { response: answer<UserAccount[]>() },
  'POST /api/users': { body: CreateUserBody, response: answer<UserResult>() },
  'PUT /api/users/:id': { body: UpdateUserBody, response: answer<UserResult>() },
  'POST /api/users/:id/password': { body: SetPasswordBody, response: answer<UserResult>() },
  'POST /api/me/password': { body: ChangePasswordBody, response: answer<UserResult>() },

  // — catalog
  'GET /api/queues': { response: answer<Queue[]>() },
  'GET /api/services': { response: answer<Service[]>() },
  'GET /api/windows': { response: answer<HallWindow[]>() },
  'POST /api/queues': { body: withRequestId(QueueBody), response: answer<Queue>() },
  'PUT /api/queues/:id': { body: QueueBody, response: answer<Queue>() },
  'DELETE /api/queues/:id': { response: answer<Deleted>() },
  'POST /api/services': { body: withRequestId(ServiceBody), response: answer<Service>() },
  'PUT /api/services/:id': { body: ServiceBody, response: answer<Service>() },
  'DELETE /api/services/:id': { response: answer<Deleted>() },
  'POST /api/windows': { body: withRequestId(WindowBody), response: answer<HallWindow>() },
  'PUT /api/windows/:id': { body: WindowBody, response: answer<HallWindow>() },
  'DELETE /api/windows/:id': { response: answer<Deleted>() },

  // — tickets and check-ins
  'POST /api/tickets': { body: IssueTicketBody, response: answer<IssueTicketResult>() },
  'GET /api/tickets/:id': { response: answer<TicketView>() },
  'POST /api/tickets/:id/print': { response: answer<{ ok: boolean; reason?: string }>() },
  'POST /api/checkins': { body: CheckinBody, response: answer<CheckinResult>() },
  'GET /api/public/tickets/:id': { response: answer<PublicTicket>() },
  'GET /api/public/hall': { response: answer<PublicHall>() },

  // — bookings and credit
  'GET /api/slots': { query: SlotsQuery, response: answer<SlotInfo[]>() },
  'POST /api/bookings': { body: CreateBookingBody, response: answer<BookingCreated>() },
  'GET /api/bookings': { query: BookingsQuery, response: answer<Booking[]>() },
  'GET /api/bookings/:id': { response: answer<Booking>() },
  'POST /api/bookings/:id/reveal': { body: RevealBody, response: answer<Booking>() },
  'POST /api/bookings/:id/cancel': { body: CancelBookingBody, response: answer<BookingResult>() },
  'GET /api/citizens/barred': { response: answer<BarredCitizen[]>() },
  'POST /api/citizens/barred/:ref/pardon': { body: PardonBody, response: answer<Credit>() },
  'GET /api/citizens/:idNumber/credit': { response: answer<Credit>() },
  'POST /api/citizens/:idNumber/pardon': { body: PardonBody, response: answer<Credit>() },

  // — windows
  'GET /api/windows/:id/state': { response: answer<WindowResult>() },
  'GET /api/windows/:id/waiting': { response: answer<WindowWaiting>() },
  'POST /api/windows/:id/call-next': { body: CallNextBody, response: answer<CallResult>() },
  'POST /api/windows/:id/recall': { response: answer<TicketResult>() },
  'POST /api/windows/:id/start': { response: answer<TicketResult>() },
  'POST /api/windows/:id/finish': { response: answer<TicketResult>() },
  'POST /api/windows/:id/no-show': { response: answer<TicketResult>() },
  'POST /api/windows/:id/transfer': { body: TransferBody, response: answer<TicketResult>() },
  'POST /api/windows/:id/pause': { body: PauseBody, response: answer<WindowResult>() },
  'POST /api/windows/:id/resume': { response: answer<WindowResult>() },
  'PUT /api/windows/:id/mode': { body: ModeBody, response: answer<WindowResult>() },
  'POST /api/windows/:id/open': { response: answer<WindowResult>() },
  'POST /api/windows/:id/close': { response: answer<WindowResult>() },
  'POST /api/windows/:id/call/:ticketId': { body: CallTicketBody, response: answer<TicketResult>() },

  // — evaluations (好差评, issue 16)
  'POST /api/evaluations': { body: EvaluationBody, response: answer<{ evaluation: Evaluation }>() },
  'GET /api/evaluations': { query: EvaluationsQuery, response: answer<Evaluation[]>() },
  'POST /api/evaluations/:id/follow-up': { body: FollowUpBody, response: answer<{ evaluation: Evaluation }>() },
  'PUT /api/evaluations/pad': { body: PadBody, response: answer<{ window: { id: string; number: number; name: string } }>() },
  // — reports (issue 15; staff+: staff see their own windows' tickets)
  'GET /api/reports': { query: PeriodReportQuery, response: answer<PeriodReport>() },
  'GET /api/reports/live': { response: answer<LiveKpis>() },
  /** a download (XLSX or CSV bytes), not JSON: fetch it directly, the typed client cannot read it */
  'GET /api/reports/export': { query: ReportExportQuery, response: answer<string>() },
  // — platform link and SMS (issue 17; docs/platform.md)
  'GET /api/events': { query: EventsQuery, response: answer<EventsPage>() },
  'GET /api/platform/status': { response: answer<PlatformStatus>() },
  'POST /api/platform/resend': { body: ResendBody, response: answer<PlatformStatus>() },
  'GET /api/sms': { query: SmsQuery, response: answer<SmsMessage[]>() },
  'GET /api/openapi.json': { response: answer<Record<string, unknown>>() },
  // — the demo panel (issue 14; demo only, admin)
  'GET /api/demo/devices': { response: answer<DemoDevices>() },
  'POST /api/demo/kiosks/:kiosk/card': { body: DemoCardBody, response: answer<{ kiosk: string; idNumber: string }>() },
  'POST /api/demo/kiosks/:kiosk/scan': { body: DemoScanBody, response: answer<{ kiosk: string }>() },
  'GET /api/demo/prints/:id': { response: answer<DemoPrintImage>() },
  /** the same document rendered as one HTML page */
  'GET /api/reference': { response: answer<string>() },
  // — booking desk (issue 19): 派单 → 签收, calls, a window's worklist, a booking's history
  'POST /api/bookings/:id/dispatch': { body: DispatchBody, response: answer<BookingResult>() },
  'POST /api/bookings/:id/sign': { response: answer<BookingResult>() },
  'POST /api/bookings/:id/contacts': { body: ContactBody, response: answer<ContactResult>() },
  'GET /api/bookings/:id/history': { response: answer<BookingHistory>() },
  'GET /api/desk': { query: DeskQuery, response: answer<DeskWorklist>() },
  // — booking changes (改期), 办理情况 and 上门办 (issue 19)
  'POST /api/bookings/:id/reschedule': { body: RescheduleBody, response: answer<{ change: BookingChange }>() },
  'GET /api/bookings/:id/changes': { response: answer<BookingChange[]>() },
  'GET /api/booking-changes': { query: BookingChangesQuery, response: answer<BookingChange[]>() },
  'POST /api/booking-changes/:id/approve': { body: ApproveChangeBody, response: answer<{ change: BookingChange; booking: Booking }>() },
  'POST /api/booking-changes/:id/refuse': { body: RefuseChangeBody, response: answer<{ change: BookingChange }>() },
  'POST /api/booking-changes/:id/withdraw': { response: answer<{ change: BookingChange }>() },
  'POST /api/bookings/:id/service': { body: ServiceRecordBody, response: answer<BookingResult>() },
  'POST /api/bookings/:id/assign': { body: AssignBody, response: answer<BookingResult>() },
  'GET /api/visits': { query: VisitsQuery, response: answer<Booking[]>() },
  'GET /api/visits/assignees': { response: answer<{ id: string; name: string; role: string }[]>() },
  // — forms and the duty roster (issue 19)
  'GET /api/roster': { query: RosterQuery, response: answer<RosterDay>() },
  'POST /api/roster': { body: RosterBody, response: answer<{ entry: RosterEntry }>() },
  'DELETE /api/roster/:id': { response: answer<Ok>() },
  'GET /api/forms/registration/:bookingId': { response: answer<RegistrationForm>() },
  'GET /api/forms/handover': { query: HandoverFormQuery, response: answer<HandoverForm>() },
  'GET /api/forms/duty': { query: DutyFormQuery, response: answer<DutyForm>() },
} as const satisfies Record<string, Endpoint>;

export type Api = typeof API;
export type EndpointKey = keyof Api;

/** `:name` segments of a path, as an object of strings (`{}` when there are none). */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : {};

type PathOf<K extends string> = K extends `${string} ${infer P}` ? P : never;
type Input<S> = S extends z.ZodType ? z.input<S> : never;

export type BodyOf<K extends EndpointKey> = Api[K] extends { body: infer S } ? Input<S> : never;
export type QueryOf<K extends EndpointKey> = Api[K] extends { query: infer S } ? Input<S> : never;
export type ParamsOf<K extends EndpointKey> = PathParams<PathOf<K>>;
export type ResponseOf<K extends EndpointKey> = Api[K]['response'];

type Need<Name extends string, T> = [T] extends [never] ? { [N in Name]?: never } : undefined extends T ? { [N in Name]?: T } : { [N in Name]: T };

/** What `client.call(key, …)` takes: `params` when the path has any, `body` or `query` per the schema. */
export type CallArgs<K extends EndpointKey> = Need<'body', BodyOf<K>> & Need<'query', QueryOf<K>> &
  (keyof ParamsOf<K> extends never ? { params?: never } : { params: ParamsOf<K> });

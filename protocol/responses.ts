/**
 * HTTP response shapes (CONTRACT.md "Endpoints" and hallq's additions). The endpoint map
 * (protocol/api.ts) names one of these, or a domain type, for every endpoint; nobody restates them.
 * Plain types only.
 */
import type { Booking, DeviceKind, Ticket, UserAccount, UserInfo, WindowState } from './domain.js';

// shapes the domain already names, re-exported so the endpoint map finds every answer here
export type { AuditEntry, DeviceInfo, PublicTicket, UserAccount } from './domain.js';

/** A kiosk's ticket is printed on its printer: `queued` (the outcome follows as `print:result`) or `none`. */
export type PrintState = 'queued' | 'none';

/** GET /api/tickets/:id */
export interface TicketView { ticket: Ticket; waitingAhead: number }
/** POST /api/tickets → 201 (200 for a repeated requestId) */
export interface IssueTicketResult extends TicketView { print: PrintState }
/** POST /api/checkins → 201, or 200 with `alreadyCheckedIn` */
export interface CheckinResult { ticket: Ticket; booking: Booking; alreadyCheckedIn?: boolean; print: PrintState }

/** POST /api/auth/login */
export interface LoginResult { token: string; user: UserInfo }
/** GET /api/me: a signed-in user, or a device */
export type Me =
  | { kind: 'user'; user: UserInfo }
  | { kind: 'device'; device: { id: string; kind: DeviceKind; name?: string } };
export interface Ok { ok: true }

/** POST /api/devices */
export interface CreatedDevice { id: string; token: string }
/** GET /api/devices (CONTRACT.md "Devices") */
/** GET /api/devices/led/:number: what a (simulated) window LED shows */
export interface LedText { line1: string; line2: string; blink: boolean }

/** GET /api/users, and `user` of the account endpoints (CONTRACT.md "Accounts") */
export interface UserResult { user: UserAccount }

/** POST /api/bookings */
/** `materials`: the service's 所需材料, to tell the citizen what to bring (issue 12) */
export interface BookingCreated { booking: Booking; qr: string; materials?: string[] }
export interface BookingResult { booking: Booking }

/** Window commands: the ticket acted on (call-next: null when nobody waits) */
export interface CallResult { ticket: Ticket | null }
export interface TicketResult { ticket: Ticket }
/** pause, resume, mode, open, close, GET /api/windows/:id/state */
export interface WindowResult { window: WindowState }
/** GET /api/windows/:id/waiting: the tickets waiting for this window */
export type WindowWaiting = Ticket[];

/** DELETE of a catalog entry */
export interface Deleted { id: string }
/** PUT /api/_clock */
export interface ClockResult { now: string }

/** GET /api/citizens/barred: one person barred from booking this month; `ref` is the opaque handle for the pardon (never the number) */
export interface BarredCitizen { ref: string; idNumber: string; noShowsThisMonth: number; barredUntil: string | null }

/** GET /api/public/hall */
export interface PublicHall {
  hallName: string; open: boolean; nextOpenAt: string | null;
  /** the hall's notices (config `notices`): printed on tickets, for screens and the phone page to show */
  notices: string[];
}

/**
 * GET /api/config: the effective hall settings in the shape of the config file (docs/configuration.md),
 * secrets masked, the catalog included (as a file's `catalog` would state it). Sections by name.
 */
export interface HallConfigView {
  hall: { name: string };
  hours: Record<string, unknown>;
  policy: Record<string, unknown>;
  publicUrl?: string;
  notices: string[];
  buses: unknown[];
  devices: unknown[];
  catalog: { queues: unknown[]; services: unknown[]; windows: unknown[] };
  [section: string]: unknown;
}
/** PUT /api/config/:section: the section as now stored; `restartRequired` when it takes effect only at the next start (buses, devices) */
export interface ConfigSectionResult { section: string; value: unknown; restartRequired: boolean }
/** POST /api/config/apply: the sections written, and whether the file's catalog was imported (only into an empty hall) */
export interface ConfigApplied { sections: string[]; restartRequired: boolean; catalog: 'imported' | 'skipped' | 'absent' }

/** POST /api/backups, GET /api/backups: one online backup of the database (docs/operations.md) */
export interface BackupInfo {
  file: string;
  bytes: number;
  /** when it was made, in the hall's zone (ISO 8601) */
  at: string;
}

/** PUT /api/calendar/:year: the year's schedule as entered (its holidays and make-up workdays, sorted) */
export interface CalendarYearResult { year: number; holidays: string[]; makeupWorkdays: string[] }

/** GET /api/demo/devices (demo only): each kiosk's simulated devices, and the newest printed tickets */
export interface DemoDevices {
  kiosks: { name: string; reader: boolean; scanner: boolean; printer: boolean }[];
  /** newest first; `text`: what the ticket says, for a screen reader and a test */
  prints: { id: string; kiosk: string; seq: number; text: string }[];
}
/** GET /api/demo/prints/:id: the printed ticket as the virtual printer rendered it (null while rendering) */
export interface DemoPrintImage { id: string; png: string | null }

/** Socket.IO event maps (CONTRACT.md "Socket.IO"). Server and apps import these; nobody restates them. */
import type { Availability, Booking, StateSnapshot, Ticket, TicketKind, WindowState } from './domain.js';
import type { Evaluation, EvaluationRequestEvent } from './evaluations.js';
import type { ContactSummary } from './desk.js';

export interface TicketCalledEvent {
  ticket: { id: string; number: string; kind: TicketKind; queueId: string };
  window: { id: string; number: number; name: string };
  recall: boolean;
  at: string;
}

export interface DeviceScanEvent {
  source: 'qr' | 'idcard';
  value: string;
}

export interface DeviceHealth {
  id: string;
  kind: string;
  status: 'online' | 'offline' | 'paper-out' | 'paper-near-end' | 'cover-open' | 'error';
  detail?: string;
  at: string;
}

export interface PrintResultEvent {
  ticketId: string;
  ok: boolean;
  reason?: string;
}

/** The hall opened or closed (time-driven), or its settings changed (CONTRACT.md "Hall settings"). */
export interface HallUpdatedEvent {
  open: boolean;
  nextOpenAt: string | null;
  hallName: string;
  /** the session now and the services not served in it: sent again whenever the session changes (e.g. 12:00 lunch 延时服务) */
  availability?: Availability;
  /** the hall's notices (config `notices`, as in GET /api/public/hall), so a screen need not ask (issue 20) */
  notices?: string[];
}

export interface ServerToClientEvents {
  'state:snapshot': (snapshot: StateSnapshot) => void;
  'ticket:called': (event: TicketCalledEvent) => void;
  'window:updated': (event: { window: WindowState }) => void;
  'queue:updated': (event: { queue: { id: string; waiting: number; reservationsWaiting: number } }) => void;
  /** staff and admin connections only */
  'ticket:issued': (event: { ticket: Ticket }) => void;
  /**
   * staff and admin connections only (extension): a ticket changed after it was issued (called,
   * started, finished, no-show, transferred back to waiting, cancelled), so a console applies it
   * instead of refetching its lists
   */
  'ticket:updated': (event: { ticket: Ticket }) => void;
  /** every connection: the hall opened or closed, or its settings changed */
  'hall:updated': (event: HallUpdatedEvent) => void;
  /** to the kiosk bound to that reader only */
  'device:scan': (event: DeviceScanEvent) => void;
  /** admin connections: a device's health changed (extension) */
  'device:health': (event: DeviceHealth) => void;
  /** to the kiosk that issued the ticket: how printing went (extension) */
  'print:result': (event: PrintResultEvent) => void;
  /** to the evaluator pad of the window that just finished the ticket (issue 16) */
  'evaluation:request': (event: EvaluationRequestEvent) => void;
  /**
   * staff and admin connections only (issue 19): a booking changed (dispatched, signed for, contacted,
   * rescheduled, checked in, served, cancelled, forfeited, its 办理情况 recorded); masked like every list;
   * after a call about it (issue 19 booking desk), `contact` is that call without its note
   */
  'booking:updated': (event: { booking: Booking; contact?: ContactSummary }) => void;
  /** leads and admins only (issue 20): a rating was given or followed up, so a ratings list applies it instead of polling */
  'evaluation:updated': (event: { evaluation: Evaluation }) => void;
}

/** Commands go over HTTP only, so there is one path for each action. */
export interface ClientToServerEvents {}

export const SERVER_EVENTS = [
  'state:snapshot',
  'ticket:called',
  'window:updated',
  'queue:updated',
  'ticket:issued',
  'ticket:updated',
  'hall:updated',
  'device:scan',
  'device:health',
  'print:result',
  'evaluation:request',
  'booking:updated',
  'evaluation:updated',
] as const satisfies readonly (keyof ServerToClientEvents)[];

// — Kiosk PC device agent (CONTRACT.md "Kiosk PC device agent"): the Socket.IO namespace `/agent`,
// where a kiosk PC's agent connects with the kiosk's device token. Its events never reach `/`.

/** A ticket as a thermal printer prints it. No personal data (CONTRACT.md "Thermal ticket"). */
export interface TicketPrintJob {
  hallName: string;
  ticketNumber: string;
  kind: 'walk-in' | 'reservation';
  serviceName: string;
  /** Reservations: 'HH:MM' slot start, printed as 预约 09:30. */
  slot?: string;
  waitingAhead: number;
  /** the numbers of the windows serving the ticket's queue, printed as 办理窗口：4号、5号 (none: the line is left out) */
  windows?: number[];
  /** the service's materials to bring (issue 12), printed as 请携带：… below the waiting count (none: left out) */
  materials?: string[];
  /** ISO 8601 with offset; printed in that offset's wall-clock time. */
  issuedAt: string;
  /** ASCII only: printed as a QR code. */
  statusUrl: string;
  notices: string[];
}

/** server → agent: print this once. The agent does not start it later than `startWithinMs` after receiving it. */
export interface AgentPrintJob {
  /** unique per print: the agent prints a job id at most once, and its result names it */
  jobId: string;
  ticketId: string;
  startWithinMs: number;
  ticket: TicketPrintJob;
}

/** agent → server: how one job went; a result for a job the server already gave up on is ignored */
export interface AgentPrintResult {
  jobId: string;
  ok: boolean;
  /** Chinese, for the kiosk and the admin (a failed print) */
  reason?: string;
}

/** server → agent, right after connecting */
export interface AgentWelcome {
  kiosk: string;
}

export interface ServerToAgentEvents {
  'agent:welcome': (event: AgentWelcome) => void;
  'agent:print': (job: AgentPrintJob) => void;
  /** another agent connected for the same kiosk and took over; this one stops (it is not to reconnect) */
  'agent:replaced': (event: { at: string }) => void;
}

export interface AgentToServerEvents {
  /** the agent's devices' health, the whole list (ids as in the agent's config): on connecting and on every change */
  'agent:health': (devices: DeviceHealth[]) => void;
  /** an ID card read or QR code scanned at the kiosk: forwarded to its kiosk page as `device:scan` */
  'agent:scan': (event: DeviceScanEvent) => void;
  'agent:printed': (result: AgentPrintResult) => void;
}

export const AGENT_NAMESPACE = '/agent';

export const AGENT_EVENTS = [
  'agent:welcome',
  'agent:print',
  'agent:replaced',
  'agent:health',
  'agent:scan',
  'agent:printed',
] as const satisfies readonly (keyof ServerToAgentEvents | keyof AgentToServerEvents)[];

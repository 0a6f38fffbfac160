/** Socket.IO event maps (CONTRACT.md "Socket.IO"). Server and apps import these; nobody restates them. */
import type { Availability, StateSnapshot, Ticket, TicketKind, WindowState } from './domain.js';
import type { EvaluationRequestEvent } from './evaluations.js';

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
] as const satisfies readonly (keyof ServerToClientEvents)[];

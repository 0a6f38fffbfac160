/**
 * Read models for the HTTP routes and the devices: what they need to show, with no way to write.
 * (The hall's other views — windows, queues, the snapshot, the daily report — are in ./views.ts.)
 */
import { HallError } from '../../protocol/errors.js';
import type { HallWindow, PublicTicket, Queue, Service } from '../../protocol/domain.js';
import type { TicketPrintJob } from '../../protocol/events.js';
import type { Core } from './core.js';
import { ticketView } from './views.js';
import { publicEvaluation } from './evaluations.js';

export const queues = (core: Core): Queue[] => core.repos.queues.list();
export const services = (core: Core): Service[] => core.repos.services.list();
export const windows = (core: Core): HallWindow[] => core.repos.windows.list();

export function service(core: Core, id: string): Service {
  const s = core.repos.services.get(id);
  if (!s) throw new HallError('service-not-found');
  return s;
}

export function window(core: Core, id: string): HallWindow {
  const w = core.repos.windows.get(id);
  if (!w) throw new HallError('window-not-found');
  return w;
}

/** The window with this number (LED screens, keypads and evaluators are configured by number). */
export function windowByNumber(core: Core, n: number): HallWindow {
  const row = core.repos.windows.rowByNumber(n);
  if (!row) throw new HallError('window-not-found', { window: n });
  return window(core, row.id);
}

function ticketRow(core: Core, id: string) {
  const row = core.repos.tickets.get(id);
  if (!row) throw new HallError('ticket-not-found');
  return row;
}

/** What the QR on a ticket opens on a citizen's phone (the ticket id is the proof; no personal data). */
export function publicTicket(core: Core, id: string): PublicTicket {
  const row = ticketRow(core, id);
  const { ticket, waitingAhead } = ticketView(core, row);
  const s = core.repos.services.get(ticket.serviceId);
  const ev = publicEvaluation(core, row);
  const w = ticket.windowId ? core.repos.windows.get(ticket.windowId) : undefined;
  return {
    hallName: core.cfg.hallName,
    ticket: { number: ticket.number, kind: ticket.kind, status: ticket.status, issuedAt: ticket.issuedAt, calledAt: ticket.calledAt ?? null },
    serviceName: s?.name ?? '',
    waitingAhead,
    window: w ? { number: w.number, name: w.name } : null,
    ...(ev ? { evaluation: ev } : {}),
  };
}

/**
 * What a printed ticket shows (CONTRACT.md "Thermal ticket"), the print job without what the device
 * side adds (the status URL and the notices); here the serving windows are always known.
 */
export type TicketPrintData = Omit<TicketPrintJob, 'statusUrl' | 'notices' | 'windows'> & { windows: number[] };

export function ticketForPrint(core: Core, id: string): TicketPrintData {
  const { ticket, waitingAhead } = ticketView(core, ticketRow(core, id));
  const booking = ticket.bookingId ? core.repos.bookings.get(ticket.bookingId) : undefined;
  const service = core.repos.services.get(ticket.serviceId);
  return {
    hallName: core.cfg.hallName, ticketNumber: ticket.number, kind: ticket.kind,
    serviceName: service?.name ?? '',
    ...(booking ? { slot: booking.slot } : {}),
    ...(service?.materials?.length ? { materials: service.materials } : {}),
    waitingAhead, issuedAt: ticket.issuedAt,
    windows: core.repos.windows.list()
      .filter((w) => w.queueIds.includes(ticket.queueId) && (ticket.kind === 'reservation' || !w.reservationOnly))
      .map((w) => w.number).sort((a, b) => a - b),
  };
}

/** What the HTTP and Socket.IO layers are given by the composition root. */
import type pino from 'pino';
import type { Hall } from '../hall.js';
import type { Auth } from '../auth/auth.js';
import type { Settings } from '../settings.js';
import type { Clock, ManualClock } from '../clock.js';
import type { DeviceHealth, PrintResultEvent } from '../../protocol/events.js';
import type { Limiter } from '../auth/limiter.js';
import type { Presence } from '../realtime/presence.js';

/** The device side as the server sees it (the device manager, or nothing when no devices are configured). */
export interface DevicePort {
  health(): DeviceHealth[];
  ledText(windowNumber: number): { line1: string; line2: string; blink: boolean } | null;
  /** prints the ticket on the printer bound to this kiosk; resolves when the printer took it or failed */
  printTicket(kioskName: string, ticketId: string): Promise<PrintResultEvent>;
}

export interface ServerContext {
  hall: Hall;
  auth: Auth;
  /** the hall's settings as the config file and the admin see them */
  settings: Settings;
  clock: Clock | ManualClock;
  log: pino.Logger;
  devices: DevicePort | null;
  /** check-in attempts by ID number per device: an ID number must not be guessable by trying */
  checkinLimiter: Limiter;
  /** which devices have a live socket */
  presence: Presence;
  version: string;
}

/** What the HTTP and Socket.IO layers are given by the composition root. */
import type pino from 'pino';
import type { Hall } from '../hall.js';
import type { Auth } from '../auth/auth.js';
import type { Settings } from '../settings.js';
import type { Clock, ManualClock } from '../clock.js';
import type { DeviceHealth, PrintResultEvent } from '../../protocol/events.js';
import type { TokenBucket } from '../auth/bucket.js';
import type { Presence } from '../realtime/presence.js';
import type { StorageWatch } from '../storage/faults.js';
import type { Backups } from '../storage/backups.js';
import type { DemoDevices, DemoPrintImage } from '../../protocol/responses.js';

/** The device side as the server sees it (the device manager, or nothing when no devices are configured). */
export interface DevicePort {
  health(): DeviceHealth[];
  ledText(windowNumber: number): { line1: string; line2: string; blink: boolean } | null;
  /** whether this kiosk's tickets go to a printer (its own, the server's, or its device agent's): else `print: 'none'` */
  prints(kioskName: string): boolean;
  /** prints the ticket on the printer bound to this kiosk; resolves when the printer took it or failed */
  printTicket(kioskName: string, ticketId: string): Promise<PrintResultEvent>;
  /** the demo panel (demo only; server/devices/demo-panel.ts) */
  demo?: DemoPort;
}

export interface DemoPort {
  devices(): DemoDevices;
  placeCard(kiosk: string, idNumber?: string): { kiosk: string; idNumber: string };
  scan(kiosk: string, code: string): { kiosk: string };
  image(id: string): Promise<DemoPrintImage>;
}

export interface ServerContext {
  hall: Hall;
  auth: Auth;
  /** the hall's settings as the config file and the admin see them */
  settings: Settings;
  clock: Clock | ManualClock;
  log: pino.Logger;
  devices: DevicePort | null;
  /** check-in misses by ID number per device (a small token bucket): an ID number must not be probed by trying */
  checkinMisses: TokenBucket;
  /** which devices have a live socket */
  presence: Presence;
  version: string;
  /** the store's state: a read-only or full database answers 503 and /api/health says degraded */
  storage: StorageWatch;
  /** online backups, when the config file has `backup` */
  backups: Backups | null;
}

/**
 * What the device manager needs from the hall. The lead implements it in server/main.ts over
 * hall.ts and the realtime layer; tests implement it with spies.
 */
import type { DeviceScanEvent, TicketCalledEvent } from '../../protocol/events.js';
import type { WindowState } from '../../protocol/domain.js';

import type { KeypadAction } from '../../drivers/keypad/codes.js';

/** The keypad's actions and their codes live with the keypad driver (drivers/keypad/codes.ts). */
export type { KeypadAction };

export interface DeviceHostEvents {
  on(event: 'ticket:called', listener: (e: TicketCalledEvent) => void): void;
  on(event: 'window:updated', listener: (e: { window: WindowState }) => void): void;
}

export interface DeviceHost {
  hallName(): string;
  events: DeviceHostEvents;
  /** As if staff pressed the button on the console; `deviceId` is the keypad, for the audit log. */
  windowAction(windowNumber: number, action: KeypadAction, deviceId: string): Promise<void>;
  /** Stored against the ticket just served at that window. */
  rate(windowNumber: number, rating: number, deviceId: string): Promise<void>;
  /** Forwarded as `device:scan` to that kiosk's connections only. */
  scan(kioskName: string, event: DeviceScanEvent): void;
  now(): Date;
  /** every window's state at start, so each LED screen shows it at once (and proves itself online) */
  windows?(): WindowState[];
}

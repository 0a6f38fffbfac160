/**
 * The demo hall's devices: every one a simulator. One simulated RS-485 bus carries a LED screen
 * (address = window number) and a caller keypad (address = 100 + window number) per window, and
 * an evaluator (address = 200 + window number) where addresses allow; each kiosk gets a virtual
 * printer, an ID card reader and a QR scanner.
 */
import type { Device, DevicesConfig } from './config.js';

export function demoDevicesConfig(windowNumbers: number[], kioskNames: string[]): DevicesConfig {
  const devices: Device[] = [];
  for (const n of windowNumbers) {
    if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`demo windows are numbered 1–99, got ${n}`);
    devices.push({ id: `led-${n}`, kind: 'led', bus: 'rs485-sim', address: n, window: n });
    devices.push({ id: `keypad-${n}`, kind: 'keypad', bus: 'rs485-sim', address: 100 + n, window: n });
    if (200 + n <= 247) devices.push({ id: `evaluator-${n}`, kind: 'evaluator', bus: 'rs485-sim', address: 200 + n, window: n });
  }
  for (const kiosk of kioskNames) {
    devices.push({ id: `printer-${kiosk}`, kind: 'printer', interface: `sim://printer-${kiosk}`, kiosk, paperWidth: 80 });
    devices.push({ id: `reader-${kiosk}`, kind: 'idcard', path: `sim://idcard-${kiosk}`, kiosk, baudRate: 115200 });
    devices.push({ id: `scanner-${kiosk}`, kind: 'scanner', path: `sim://scanner-${kiosk}`, kiosk, baudRate: 9600 });
  }
  const buses = windowNumbers.length > 0 ? [{ id: 'rs485-sim', path: 'sim://rs485-sim', baudRate: 9600 }] : [];
  return { buses, devices };
}

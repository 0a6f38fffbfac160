/**
 * The thermal ticket printer family: `createPrinter` picks the transport from the interface string
 * and returns the ESC/POS printer; the decoder, renderer and virtual printer are for simulation and tests.
 */
import type pino from 'pino';
import { SerialPort } from 'serialport';
import type { BindingInterface } from '../serial/open-port.js';
import { createEscPosPrinter } from './escpos-printer.js';
import { fileLink } from './link-file.js';
import { serialLink } from './link-serial.js';
import { tcpLink } from './link-tcp.js';
import type { PrinterLink } from './link.js';
import type { PaperWidth, TicketPrinter } from './types.js';

export type * from './types.js';
export { renderTicketBytes } from './ticket-layout.js';
export { decodeEscPos, opsText, type EscPosOp } from './escpos-decode.js';
export { renderPng } from './render.js';
export { startVirtualPrinter, type VirtualPrinter, type VirtualMode } from './virtual-printer.js';
export { FAULT_MESSAGES, PrinterError } from './errors.js';

export interface CreatePrinterOptions {
  /** 'tcp://host:port' | '/dev/usb/lp0' | 'serial:/dev/ttyUSB0?baudRate=9600' */
  interface: string;
  paperWidth: PaperWidth;
  logger?: pino.Logger;
  statusTimeoutMs?: number;
  jobTimeoutMs?: number;
  /** Serial only: the serialport binding (tests and simulators pass a mock or peer binding). */
  binding?: BindingInterface;
}

export function createPrinter(opts: CreatePrinterOptions): TicketPrinter {
  if (opts.paperWidth !== 58 && opts.paperWidth !== 80) throw new RangeError(`paperWidth must be 58 or 80, got ${String(opts.paperWidth)}`);
  return createEscPosPrinter({
    link: parseInterface(opts.interface, opts.binding),
    paperWidth: opts.paperWidth,
    logger: opts.logger,
    statusTimeoutMs: opts.statusTimeoutMs,
    jobTimeoutMs: opts.jobTimeoutMs,
  });
}

export function parseInterface(iface: string, binding?: BindingInterface): PrinterLink {
  const tcp = /^tcp:\/\/([^/:]+)(?::(\d{1,5}))?\/?$/i.exec(iface);
  if (tcp) return tcpLink(tcp[1], tcp[2] ? Number(tcp[2]) : 9100);
  const serial = /^serial:([^?]+)(?:\?baudRate=(\d+))?$/.exec(iface);
  if (serial) return serialLink(serial[1], serial[2] ? Number(serial[2]) : 9600, binding ?? (SerialPort.binding as BindingInterface));
  if (iface.startsWith('/')) return fileLink(iface);
  throw new Error(
    `printer interface ${JSON.stringify(iface)} not understood; use tcp://HOST:PORT, serial:/dev/ttyUSB0?baudRate=9600 or a device path like /dev/usb/lp0`,
  );
}

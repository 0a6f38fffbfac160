/**
 * Serial QR scanner driver (USB-CDC, appears as a tty): each terminated line is one scan,
 * emitted as `device:scan {source:"qr"}`. Empty and non-ASCII lines are ignored; a code read
 * again within a second is the same scan.
 */
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { SerialPortStream } from '@serialport/stream';
import type { DeviceScanEvent } from '../../protocol/events.js';
import { closePort, openPort, type BindingInterface } from '../serial/open-port.js';
import { DuplicateFilter, LineSplitter, isPrintableAscii } from './lines.js';

export interface QrScannerOptions {
  path: string;
  binding: BindingInterface;
  logger: Logger;
  /** CDC ignores it, RS-232 scanners default to 9600 */
  baudRate?: number;
  /** milliseconds since the epoch; injected so tests control the duplicate window */
  now?: () => number;
  duplicateWindowMs?: number;
  maxLineLength?: number;
}

export interface QrScannerEvents {
  scan: [DeviceScanEvent];
  /** the port closed under us (unplugged); call open() again to retry */
  disconnect: [Error];
}

export class QrScanner extends EventEmitter<QrScannerEvents> {
  private port: SerialPortStream | null = null;
  private readonly lines: LineSplitter;
  private readonly dups: DuplicateFilter;
  private readonly log: Logger;
  private readonly now: () => number;

  constructor(private readonly opts: QrScannerOptions) {
    super();
    this.log = opts.logger.child({ driver: 'scanner', path: opts.path });
    this.now = opts.now ?? Date.now;
    this.dups = new DuplicateFilter(opts.duplicateWindowMs ?? 1000);
    this.lines = new LineSplitter(
      (line) => this.onLine(line),
      // scanned codes may be anyone's (a health code, a bank card): log sizes, never content
      (length) => this.log.warn({ length }, 'scanner line too long; discarded'),
      opts.maxLineLength ?? 512,
    );
  }

  get isOpen(): boolean {
    return this.port !== null;
  }

  async open(): Promise<void> {
    if (this.port) return;
    const port = await openPort({ path: this.opts.path, baudRate: this.opts.baudRate ?? 9600, binding: this.opts.binding });
    this.port = port;
    this.lines.reset();
    port.on('data', (chunk: Buffer) => this.lines.push(chunk));
    port.on('error', (err) => this.log.warn({ err: err.message }, 'serial error'));
    port.on('close', (err: Error | null) => {
      if (this.port !== port) return;
      this.port = null;
      this.emit('disconnect', err ?? new Error('port closed'));
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (port) await closePort(port);
  }

  private onLine(raw: string): void {
    const value = raw.trim();
    if (!value) return;
    if (!isPrintableAscii(value)) {
      this.log.warn({ length: value.length }, 'non-ASCII scan ignored');
      return;
    }
    if (!this.dups.accept(value, this.now())) return;
    this.log.debug({ length: value.length }, 'QR scanned');
    this.emit('scan', { source: 'qr', value });
  }
}

/** A printer on a serial port (RS-232 or USB-serial), through the serialport binding seam. */
import type { SerialPortStream } from '@serialport/stream';
import { openPort, closePort, writeAll, type BindingInterface } from '../serial/open-port.js';
import { ByteInbox, type PrinterLink } from './link.js';
import { PrinterError, toPrinterError } from './errors.js';

export function serialLink(path: string, baudRate: number, binding: BindingInterface): PrinterLink {
  const inbox = new ByteInbox();
  let port: SerialPortStream | null = null;

  return {
    description: `serial:${path}?baudRate=${baudRate}`,
    async open() {
      inbox.clear();
      if (port?.isOpen) return;
      try {
        const p = await openPort({ path, baudRate, binding });
        p.on('data', (d: Buffer) => inbox.push(d));
        p.on('close', () => {
          if (port === p) port = null;
          inbox.fail(new PrinterError('offline', `${path} closed`));
        });
        port = p;
      } catch (err) {
        throw new PrinterError('offline', toPrinterError(err).detail);
      }
    },
    async write(data) {
      if (!port) throw new PrinterError('offline', 'port not open');
      await writeAll(port, data).catch((err: unknown) => {
        throw toPrinterError(err);
      });
    },
    readByte: (accept, timeoutMs) => inbox.take(accept, timeoutMs),
    async end() {
      inbox.clear();
    },
    async close() {
      const p = port;
      port = null;
      if (p) await closePort(p);
    },
  };
}

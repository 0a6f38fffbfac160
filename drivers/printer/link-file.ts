/**
 * A USB printer class device (`/dev/usb/lp0`): written like a file; the usblp driver also returns
 * the printer's replies on read, which is how DLE EOT status comes back. Reads are polled because
 * the device gives 0 bytes (not a block) while nothing is waiting.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { ByteInbox, type PrinterLink } from './link.js';
import { PrinterError, toPrinterError } from './errors.js';

const POLL_MS = 20;

export function fileLink(path: string): PrinterLink {
  const inbox = new ByteInbox();
  let fh: FileHandle | null = null;
  let polling = false;

  const poll = async () => {
    const buf = Buffer.alloc(64);
    while (fh && polling) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead > 0) inbox.push(buf.subarray(0, bytesRead));
      else await new Promise((r) => setTimeout(r, POLL_MS));
    }
  };

  return {
    description: path,
    async open() {
      inbox.clear();
      if (fh) return;
      try {
        fh = await open(path, 'r+');
      } catch (err) {
        throw new PrinterError('offline', toPrinterError(err).detail);
      }
      polling = true;
      poll().catch((err: unknown) => {
        polling = false;
        inbox.fail(new PrinterError('offline', toPrinterError(err).detail));
      });
    },
    async write(data) {
      if (!fh) throw new PrinterError('offline', 'device not open');
      await fh.write(data).catch((err: unknown) => {
        throw toPrinterError(err);
      });
    },
    readByte: (accept, timeoutMs) => inbox.take(accept, timeoutMs),
    async end() {
      inbox.clear();
    },
    async close() {
      polling = false;
      const f = fh;
      fh = null;
      await f?.close();
    },
  };
}

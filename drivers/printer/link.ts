/**
 * The byte pipe to one printer, whatever carries it (TCP, serial, USB device file). A session is
 * one exchange (a job or a status query): TCP opens a connection per session, a serial port stays
 * open. Replies are taken by predicate, so a real-time status byte (DLE EOT, bit 4 set) and the
 * reply to GS r (bit 4 clear) can be told apart when both are outstanding.
 */
import { PrinterError } from './errors.js';

export interface PrinterLink {
  readonly description: string;
  /** Starts a session; rejects with PrinterError('offline') when the printer cannot be reached. */
  open(): Promise<void>;
  /** Resolves once the bytes were handed to the OS — "sent", never "printed". */
  write(data: Buffer): Promise<void>;
  /** The first received byte matching `accept`, within `timeoutMs`; rejects PrinterError('timeout'). */
  readByte(accept: (b: number) => boolean, timeoutMs: number): Promise<number>;
  /** Ends the session (drops unread input). */
  end(): Promise<void>;
  /** Releases the device for good. */
  close(): Promise<void>;
}

interface Waiter {
  accept: (b: number) => boolean;
  resolve: (b: number) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/** Received bytes waiting to be claimed, shared by the link implementations. */
export class ByteInbox {
  private bytes: number[] = [];
  private waiters: Waiter[] = [];

  push(chunk: Uint8Array): void {
    this.bytes.push(...chunk);
    this.serve();
  }

  take(accept: (b: number) => boolean, timeoutMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(new PrinterError('timeout', `no reply within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push({ accept, resolve, reject, timer });
      this.serve();
    });
  }

  /** The link broke: every pending read fails with `err`. */
  fail(err: Error): void {
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    this.waiters = [];
  }

  clear(): void {
    this.bytes = [];
  }

  private serve(): void {
    for (const w of [...this.waiters]) {
      const i = this.bytes.findIndex(w.accept);
      if (i < 0) continue;
      const [b] = this.bytes.splice(i, 1);
      clearTimeout(w.timer);
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(b);
    }
  }
}

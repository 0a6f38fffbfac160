/**
 * Cuts a byte stream from the master into request frames, by the length each header announces.
 * A bad CRC drops one byte and tries again, which resynchronises after noise; bytes of an unknown
 * function are flushed as one frame after `idleMs` of silence (the RTU t3.5 rule, generously).
 */
import { crcOk } from './crc.js';
import { requestLength } from './frame.js';

export class RequestFramer {
  private buf = Buffer.alloc(0);
  private idle: NodeJS.Timeout | null = null;

  constructor(private readonly onFrame: (frame: Buffer) => void, private readonly idleMs = 5) {}

  push(chunk: Buffer): void {
    this.buf = Buffer.concat([this.buf, chunk]);
    this.drain();
    if (this.idle) clearTimeout(this.idle);
    this.idle = this.buf.length > 0 ? setTimeout(() => this.flush(), this.idleMs) : null;
  }

  stop(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
  }

  private drain(): void {
    for (;;) {
      const len = requestLength(this.buf);
      if (len === undefined || len === null || this.buf.length < len) return;
      const frame = this.buf.subarray(0, len);
      if (crcOk(frame)) {
        this.buf = this.buf.subarray(len);
        this.onFrame(Buffer.from(frame));
      } else {
        this.buf = this.buf.subarray(1);
      }
    }
  }

  /** Silence ended whatever was pending: hand it over whole (slaves ignore it if the CRC fails). */
  private flush(): void {
    this.idle = null;
    if (this.buf.length === 0) return;
    const frame = Buffer.from(this.buf);
    this.buf = Buffer.alloc(0);
    this.onFrame(frame);
  }
}

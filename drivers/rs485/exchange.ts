/**
 * One request's wait for its reply: gathers bytes until the reply length (known from the header)
 * is reached, or times out. The "waitress" of the bus.
 */
import { replyLength } from './frame.js';
import { ModbusTimeoutError } from './errors.js';

export class Exchange {
  readonly reply: Promise<Buffer>;
  private rx = Buffer.alloc(0);
  private timer: NodeJS.Timeout | null = null;
  private resolveFn!: (frame: Buffer) => void;
  private rejectFn!: (err: Error) => void;
  private settled = false;

  constructor(private readonly fn: number, private readonly timeoutMs: number) {
    this.reply = new Promise<Buffer>((resolve, reject) => {
      this.resolveFn = resolve;
      this.rejectFn = reject;
    });
  }

  /** Started once the request has left the port, so the timeout measures the slave, not our queue. */
  startTimer(): void {
    if (this.settled) return;
    this.timer = setTimeout(() => this.reject(new ModbusTimeoutError(-1, this.fn, 1)), this.timeoutMs);
  }

  push(chunk: Buffer): void {
    if (this.settled) return;
    this.rx = Buffer.concat([this.rx, chunk]);
    const len = replyLength(this.rx, this.fn);
    if (len !== undefined && this.rx.length >= len) {
      this.settled = true;
      this.stop();
      this.resolveFn(this.rx.subarray(0, len));
    }
  }

  reject(err: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.stop();
    this.rejectFn(err);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

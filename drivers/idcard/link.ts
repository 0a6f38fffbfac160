/**
 * One request at a time to the SAM module, each answered or timed out: the module is strictly
 * half-duplex, so a second command while one is pending is a programming error, not a queue.
 */
import type { SerialPortStream } from '@serialport/stream';
import { writeAll } from '../serial/open-port.js';
import { FrameAssembler, SamFrameError, encodeCommand, toReply, type SamReply } from './frame.js';

export class SamTimeoutError extends Error {
  constructor(cmd: readonly [number, number], ms: number) {
    super(`SAM command ${cmd.map((b) => b.toString(16).padStart(2, '0')).join(' ')} got no answer in ${ms} ms`);
    this.name = 'SamTimeoutError';
  }
}

interface Pending {
  resolve: (r: SamReply) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export class SamLink {
  private pending: Pending | null = null;
  private readonly assembler: FrameAssembler;
  private readonly onData = (chunk: Buffer) => this.assembler.push(chunk);

  constructor(
    private readonly port: SerialPortStream,
    private readonly timeoutMs: number,
  ) {
    this.assembler = new FrameAssembler(
      (body) => this.settle((p) => p.resolve(toReply(body))),
      (err) => this.settle((p) => p.reject(err)),
    );
    port.on('data', this.onData);
  }

  async transact(cmd: readonly [number, number]): Promise<SamReply> {
    if (this.pending) throw new Error('SAM link busy: one command at a time');
    const answer = new Promise<SamReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = null;
        // a late answer must not be taken for the next command's
        this.assembler.reset();
        reject(new SamTimeoutError(cmd, this.timeoutMs));
      }, this.timeoutMs);
      this.pending = { resolve, reject, timer };
    });
    try {
      await writeAll(this.port, encodeCommand(cmd[0], cmd[1]));
    } catch (err) {
      this.settle((p) => p.reject(err as Error));
    }
    return answer;
  }

  /** Fails the pending command (the port went away). */
  abort(reason: Error): void {
    this.settle((p) => p.reject(reason));
  }

  detach(): void {
    this.port.off('data', this.onData);
    this.abort(new Error('SAM link closed'));
  }

  private settle(fn: (p: Pending) => void): void {
    const p = this.pending;
    // an answer nobody waits for (after a timeout) is dropped on purpose
    if (!p) return;
    this.pending = null;
    clearTimeout(p.timer);
    fn(p);
  }
}

export { SamFrameError };

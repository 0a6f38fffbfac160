/**
 * The simulated printer behind every transport: decodes what it receives as an Epson TM printer
 * would, answers DLE EOT in real time (even while offline) and GS r only after the data before it
 * was processed, holds data while it cannot print (paper out, cover open, offline) and prints it
 * once it can again, unless DLE DC4 fn 8 cleared it. A cut ends a job; so does the end of a
 * connection that printed something since the last cut.
 */
import { EscPosDecoder } from './escpos-decode.js';
import { opsText, type EscPosOp } from './escpos-ops.js';

export type VirtualMode = 'ok' | 'paper-out' | 'near-end' | 'cover-open' | 'offline' | 'silent';

/** DLE EOT 1, 2, 4 replies and the GS r 1 reply (null: no reply) for each mode, as a TM-T20 sends them. */
const STATUS: Record<VirtualMode, { 1: number; 2: number; 4: number; paper: number } | null> = {
  ok: { 1: 0x12, 2: 0x12, 4: 0x12, paper: 0x00 },
  'near-end': { 1: 0x12, 2: 0x12, 4: 0x1e, paper: 0x03 },
  'paper-out': { 1: 0x1a, 2: 0x32, 4: 0x7e, paper: 0x0f },
  'cover-open': { 1: 0x1a, 2: 0x16, 4: 0x12, paper: 0x00 },
  offline: { 1: 0x1a, 2: 0x12, 4: 0x12, paper: 0x00 },
  silent: null,
};

const canPrint = (m: VirtualMode) => m === 'ok' || m === 'near-end';
const PRINTS: ReadonlySet<EscPosOp['op']> = new Set(['text', 'lf', 'qr-print']);

export interface PrintedJob { ops: EscPosOp[]; text: string }

/** One connection (TCP socket or serial port session). */
export class VirtualSession {
  private readonly decoder = new EscPosDecoder();
  private held: EscPosOp[] = [];
  private job: EscPosOp[] = [];

  constructor(
    private readonly core: VirtualPrinterCore,
    private readonly send: (b: Buffer) => void,
  ) {}

  receive(data: Uint8Array): void {
    for (const op of this.decoder.push(data)) this.accept(op);
  }

  /** The host went away: what was printed since the last cut is a job; held data is lost. */
  disconnect(): void {
    for (const op of this.decoder.end()) this.accept(op);
    if (this.job.some((o) => PRINTS.has(o.op))) this.core.finishJob(this.job);
    this.job = [];
    this.held = [];
    this.core.sessions.delete(this);
  }

  /** The printer can print again: held data is processed in order. */
  resume(): void {
    const held = this.held;
    this.held = [];
    for (const op of held) this.process(op);
  }

  private accept(op: EscPosOp): void {
    const st = STATUS[this.core.mode];
    if (op.op === 'status-request') {
      if (st) this.send(Buffer.from([op.n === 1 || op.n === 2 || op.n === 4 ? st[op.n] : 0x12]));
      return;
    }
    if (op.op === 'clear-buffer') {
      if (st) {
        this.held = [];
        this.job = [];
      }
      return;
    }
    if (this.held.length > 0 || !canPrint(this.core.mode)) this.held.push(op);
    else this.process(op);
  }

  private process(op: EscPosOp): void {
    if (!canPrint(this.core.mode)) {
      this.held.push(op);
      return;
    }
    if (op.op === 'paper-status-request') {
      this.send(Buffer.from([STATUS[this.core.mode]!.paper]));
      return;
    }
    this.job.push(op);
    if (op.op === 'lf' && this.core.consumeRunOut()) this.core.setMode('paper-out');
    if (op.op === 'cut') {
      this.core.finishJob(this.job);
      this.job = [];
    }
  }
}

export class VirtualPrinterCore {
  mode: VirtualMode = 'ok';
  readonly sessions = new Set<VirtualSession>();
  private runOutAfterLines = -1;

  constructor(private readonly onJob: (job: PrintedJob) => void) {}

  session(send: (b: Buffer) => void): VirtualSession {
    const s = new VirtualSession(this, send);
    this.sessions.add(s);
    return s;
  }

  setMode(m: VirtualMode): void {
    this.mode = m;
    if (canPrint(m)) for (const s of this.sessions) s.resume();
  }

  /** Scripts "paper runs out in the middle of the next job": after `lines` printed lines. */
  paperRunsOutAfter(lines: number): void {
    this.runOutAfterLines = lines;
  }

  consumeRunOut(): boolean {
    if (this.runOutAfterLines < 0) return false;
    if (this.runOutAfterLines-- > 1) return false;
    this.runOutAfterLines = -1;
    return true;
  }

  finishJob(ops: EscPosOp[]): void {
    this.onJob({ ops: [...ops], text: opsText(ops) });
  }
}

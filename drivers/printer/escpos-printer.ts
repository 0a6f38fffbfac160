/**
 * The ESC/POS ticket printer: a per-printer queue; before each job the real-time status (DLE EOT
 * 1/2/4) must be clean; the job goes out through node-thermal-printer's `execute()` (which only
 * means "sent"); then GS r 1, which the printer answers only after processing the job, is the
 * proof it was printed. If that proof does not come, real-time status says why (paper ran out,
 * cover opened); the rest of the job is cleared so a reprint does not follow a half ticket.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { ThermalPrinter, PrinterTypes } from 'node-thermal-printer';
import { dleEot, GS_R_PAPER, DLE_DC4_CLEAR, isRealtimeStatusByte } from './escpos-commands.js';
import { FAULT_MESSAGES, PrinterError, toPrinterError } from './errors.js';
import { SerialQueue } from './job-queue.js';
import type { PrinterLink } from './link.js';
import { faultOf, parseStatus } from './status.js';
import { renderTicketBytes } from './ticket-layout.js';
import type { FailedJob, PaperWidth, PrintOutcome, PrinterStatus, TicketPrintJob, TicketPrinter } from './types.js';

export interface EscPosPrinterOptions {
  link: PrinterLink;
  paperWidth: PaperWidth;
  logger?: pino.Logger;
  /** Per status reply (default 1000 ms). */
  statusTimeoutMs?: number;
  /** How long a job may take to print before it is reported as `timeout` (default 20 s). */
  jobTimeoutMs?: number;
  /** How many finished jobs are kept for reprint (default 50; failed jobs are always kept). */
  keepJobs?: number;
}

interface Kept { job: TicketPrintJob; fault: FailedJob['fault'] | null }

const isPaperReply = (b: number) => (b & 0x90) === 0;

export function createEscPosPrinter(opts: EscPosPrinterOptions): TicketPrinter {
  const { link, paperWidth } = opts;
  const log = (opts.logger ?? pino({ level: 'silent' })).child({ module: 'printer', printer: link.description });
  const statusTimeoutMs = opts.statusTimeoutMs ?? 1000;
  const jobTimeoutMs = opts.jobTimeoutMs ?? 20_000;
  const keepJobs = opts.keepJobs ?? 50;
  const queue = new SerialQueue();
  const kept = new Map<string, Kept>();
  let closed = false;

  // node-thermal-printer drives the link through its custom-interface seam: execute(buffer)
  const ntp = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    interface: { execute: (buffer: Buffer) => link.write(buffer), isPrinterConnected: async () => true },
  } as unknown as ConstructorParameters<typeof ThermalPrinter>[0]);

  const readStatus = async (): Promise<{ status: PrinterStatus; offlineCause: number }> => {
    const reply = async (n: 1 | 2 | 4) => {
      await link.write(dleEot(n));
      return link.readByte(isRealtimeStatusByte, statusTimeoutMs);
    };
    const printer = await reply(1);
    const offlineCause = await reply(2);
    const paper = await reply(4);
    return { status: parseStatus({ printer, offlineCause, paper }), offlineCause };
  };

  const session = async <T>(fn: () => Promise<T>): Promise<T> => {
    await link.open();
    try {
      return await fn();
    } finally {
      await link.end();
    }
  };

  /** Waits for the GS r reply; between slices asks real-time status whether something stopped the printer. */
  const awaitPrinted = async (): Promise<void> => {
    const deadline = Date.now() + jobTimeoutMs;
    for (;;) {
      try {
        await link.readByte(isPaperReply, Math.min(statusTimeoutMs, Math.max(1, deadline - Date.now())));
        return;
      } catch (err) {
        if (!(err instanceof PrinterError) || err.fault !== 'timeout') throw err;
      }
      const { status, offlineCause } = await readStatus();
      const fault = faultOf(status, offlineCause);
      if (fault) {
        await link.write(DLE_DC4_CLEAR);
        throw new PrinterError(fault, 'stopped while printing; job cleared from the printer buffer');
      }
      if (Date.now() >= deadline) throw new PrinterError('timeout', `job not confirmed within ${jobTimeoutMs} ms`);
    }
  };

  const attempt = async (jobId: string, job: TicketPrintJob, bytes: Buffer): Promise<PrintOutcome> => {
    try {
      await session(async () => {
        const before = await readStatus();
        const fault = faultOf(before.status, before.offlineCause);
        if (fault) throw new PrinterError(fault, 'status before sending');
        ntp.setBuffer(bytes);
        await ntp.execute();
        log.debug({ jobId, bytes: bytes.length }, 'ticket sent');
        await link.write(GS_R_PAPER);
        await awaitPrinted();
        if (before.status.paperNearEnd) log.warn({ jobId }, 'paper near end');
      });
      kept.set(jobId, { job, fault: null });
      log.info({ jobId, ticket: job.ticketNumber }, 'ticket printed');
      return { ok: true, jobId };
    } catch (err) {
      const e = toPrinterError(err);
      kept.set(jobId, { job, fault: e.fault });
      log.warn({ jobId, ticket: job.ticketNumber, fault: e.fault, detail: e.detail }, 'ticket not printed');
      return { ok: false, jobId, fault: e.fault, message: FAULT_MESSAGES[e.fault] };
    } finally {
      prune();
    }
  };

  const prune = () => {
    const done = [...kept].filter(([, k]) => k.fault === null);
    for (const [id] of done.slice(0, Math.max(0, done.length - keepJobs))) kept.delete(id);
  };

  const guard = () => {
    if (closed) throw new Error(`printer ${link.description} is closed`);
  };

  return {
    async print(job) {
      guard();
      const bytes = renderTicketBytes(job, paperWidth); // a malformed job throws here, before queueing
      const jobId = randomUUID();
      return queue.run(() => attempt(jobId, job, bytes));
    },
    async reprint(jobId) {
      guard();
      const k = kept.get(jobId);
      if (!k) throw new Error(`no kept print job ${jobId}`);
      const bytes = renderTicketBytes(k.job, paperWidth);
      return queue.run(() => attempt(jobId, k.job, bytes));
    },
    async status() {
      guard();
      return queue.run(() => session(async () => (await readStatus()).status));
    },
    failedJobs() {
      return [...kept].filter(([, k]) => k.fault !== null).map(([jobId, k]) => ({ jobId, job: k.job, fault: k.fault! }));
    },
    async close() {
      closed = true;
      await queue.idle();
      await link.close();
    },
  };
}

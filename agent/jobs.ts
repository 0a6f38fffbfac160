/**
 * The agent's print jobs: one at a time, each job id printed at most once, and a job that could not
 * start within its `startWithinMs` (it waited behind a slow print, or arrived late) is dropped and
 * reported failed: the server has told the kiosk it failed by then, so printing it now would hand
 * the next citizen someone else's ticket.
 */
import type { Logger } from 'pino';
import type { AgentPrintJob, AgentPrintResult, TicketPrintJob } from '../protocol/events.js';

/** how many job ids are remembered to refuse a repeat (a kiosk prints a few hundred tickets a day) */
const REMEMBERED = 1000;
export const LATE = '打印超时，号票未打印（取号机设备代理）';

export class PrintJobs {
  private readonly seen = new Set<string>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly o: {
      print: (ticket: TicketPrintJob) => Promise<{ ok: true } | { ok: false; message: string }>;
      report: (r: AgentPrintResult) => void;
      log: Logger;
      /** monotonic milliseconds */
      now?: () => number;
    },
  ) {}

  take(job: AgentPrintJob): void {
    if (this.seen.has(job.jobId)) {
      this.o.log.warn({ jobId: job.jobId }, 'print job received twice: printed once only');
      return;
    }
    this.seen.add(job.jobId);
    if (this.seen.size > REMEMBERED) this.seen.delete(this.seen.values().next().value!);
    const now = this.o.now ?? (() => performance.now());
    const startBy = now() + job.startWithinMs;
    this.chain = this.chain.then(() => this.run(job, startBy, now));
  }

  /** resolves when every job taken so far is done */
  idle(): Promise<void> {
    return this.chain;
  }

  private async run(job: AgentPrintJob, startBy: number, now: () => number): Promise<void> {
    if (now() > startBy) {
      this.o.log.warn({ jobId: job.jobId, ticketId: job.ticketId }, 'print job too late to start: dropped, reported failed');
      this.o.report({ jobId: job.jobId, ok: false, reason: LATE });
      return;
    }
    let result: AgentPrintResult;
    try {
      const out = await this.o.print(job.ticket);
      result = out.ok ? { jobId: job.jobId, ok: true } : { jobId: job.jobId, ok: false, reason: out.message };
    } catch (err) {
      this.o.log.error({ err, jobId: job.jobId }, 'printing failed');
      result = { jobId: job.jobId, ok: false, reason: '打印机故障' };
    }
    this.o.log.info({ jobId: job.jobId, ticketId: job.ticketId, ok: result.ok }, 'print job done');
    this.o.report(result);
  }
}

import { describe, expect, it } from 'vitest';
import pino from 'pino';
import type { AgentPrintJob, AgentPrintResult, TicketPrintJob } from '../../protocol/events.js';
import { LATE, PrintJobs } from '../../agent/jobs.js';

const ticket: TicketPrintJob = {
  hallName: '测试大厅',
  ticketNumber: 'A001',
  kind: 'walk-in',
  serviceName: '社保',
  waitingAhead: 0,
  issuedAt: '2026-11-23T09:00:00+08:00',
  statusUrl: 'http://h/t/1',
  notices: [],
};
const job = (jobId: string, startWithinMs = 4000): AgentPrintJob => ({ jobId, ticketId: `t-${jobId}`, startWithinMs, ticket });

function setup(printMs = 0) {
  let now = 0;
  const printed: string[] = [];
  const results: AgentPrintResult[] = [];
  const jobs = new PrintJobs({
    print: async (t) => {
      printed.push(t.ticketNumber);
      now += printMs; // the print takes this long on the fake monotonic clock
      return { ok: true };
    },
    report: (r) => results.push(r),
    log: pino({ level: 'silent' }),
    now: () => now,
  });
  return {
    jobs,
    printed,
    results,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("the agent's print jobs", () => {
  it('prints a job id once: the same job received again is not printed again', async () => {
    const s = setup();
    s.jobs.take(job('j1'));
    s.jobs.take(job('j1'));
    await s.jobs.idle();
    expect(s.printed).toEqual(['A001']);
    expect(s.results).toEqual([{ jobId: 'j1', ok: true }]);
  });

  it('drops a job that cannot start within its time (it waited behind a slow print) and reports it failed', async () => {
    const s = setup(5000);
    s.jobs.take(job('slow'));
    s.jobs.take(job('late', 4000));
    await s.jobs.idle();
    expect(s.printed).toEqual(['A001']);
    expect(s.results).toEqual([
      { jobId: 'slow', ok: true },
      { jobId: 'late', ok: false, reason: LATE },
    ]);
  });

  it('a printer fault is reported with its message, and a throwing driver as 打印机故障', async () => {
    const results: AgentPrintResult[] = [];
    let calls = 0;
    const jobs = new PrintJobs({
      print: async () => {
        if (++calls === 1) return { ok: false, message: '打印机缺纸' };
        throw new Error('driver bug');
      },
      report: (r) => results.push(r),
      log: pino({ level: 'silent' }),
    });
    jobs.take(job('a'));
    jobs.take(job('b'));
    await jobs.idle();
    expect(results).toEqual([
      { jobId: 'a', ok: false, reason: '打印机缺纸' },
      { jobId: 'b', ok: false, reason: '打印机故障' },
    ]);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import type { AgentPrintJob, DeviceHealth, TicketPrintJob } from '../../protocol/events.js';
import { AGENT_AWAY, AgentHub, type AgentLink } from '../../server/realtime/agent-hub.js';

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
const at = '2026-11-23T01:00:00.000Z';
const online = (id: string, kind = 'printer'): DeviceHealth => ({ id, kind, status: 'online', at });

function link() {
  const jobs: AgentPrintJob[] = [];
  let replaced = 0;
  const l: AgentLink = {
    print: (j) => jobs.push(j),
    replace: () => {
      replaced++;
    },
  };
  return { l, jobs, replaced: () => replaced };
}

const hub = () => {
  const h = new AgentHub({ log: pino({ level: 'silent' }), now: () => new Date(at), printDeadlineMs: 6000 });
  const events: DeviceHealth[] = [];
  h.on('health', (e) => events.push(e));
  return { h, events };
};

afterEach(() => vi.useRealTimers());

describe("AgentHub: the server's side of the kiosk PCs' agents", () => {
  it("sends a job once with a start deadline and resolves with the agent's result for that job id", async () => {
    const { h } = hub();
    const a = link();
    h.connect('kiosk-1', a.l);
    const p = h.print('kiosk-1', 't1', ticket);
    expect(a.jobs).toHaveLength(1);
    expect(a.jobs[0]).toMatchObject({ ticketId: 't1', startWithinMs: 4000, ticket });
    h.printed('kiosk-2', { jobId: a.jobs[0].jobId, ok: true }); // another kiosk's agent cannot answer it
    h.printed('kiosk-1', { jobId: a.jobs[0].jobId, ok: false, reason: '打印机缺纸' });
    expect(await p).toEqual({ ticketId: 't1', ok: false, reason: '打印机缺纸' });
  });

  it('no answer within the deadline → failed in time; the late result is ignored and the job is never sent again', async () => {
    vi.useFakeTimers();
    const { h } = hub();
    const a = link();
    h.connect('kiosk-1', a.l);
    const p = h.print('kiosk-1', 't1', ticket);
    h.disconnect('kiosk-1', a.l);
    vi.advanceTimersByTime(6000);
    expect(await p).toMatchObject({ ticketId: 't1', ok: false });
    const b = link();
    h.connect('kiosk-1', b.l); // the agent is back
    h.printed('kiosk-1', { jobId: a.jobs[0].jobId, ok: true }); // too late: nothing to resolve
    expect(b.jobs).toEqual([]);
  });

  it('a kiosk prints through its agent once the agent said it has a printer, and not for an agent with only a reader', () => {
    const { h } = hub();
    const a = link();
    h.connect('kiosk-1', a.l);
    expect(h.prints('kiosk-1')).toBe(false);
    h.health('kiosk-1', a.l, [online('reader', 'idcard')]);
    expect(h.prints('kiosk-1')).toBe(false);
    h.health('kiosk-1', a.l, [online('reader', 'idcard'), online('printer')]);
    expect(h.prints('kiosk-1')).toBe(true);
    h.disconnect('kiosk-1', a.l);
    expect(h.prints('kiosk-1')).toBe(true); // away: its tickets are reported failed, not printed elsewhere
    expect(h.prints('kiosk-2')).toBe(false);
  });

  it('a kiosk whose agent is away: printing fails at once, without waiting', async () => {
    const { h } = hub();
    expect(h.known('kiosk-1')).toBe(false);
    const a = link();
    h.connect('kiosk-1', a.l);
    h.disconnect('kiosk-1', a.l);
    expect(h.known('kiosk-1')).toBe(true);
    expect(h.connected('kiosk-1')).toBe(false);
    expect(await h.print('kiosk-1', 't1', ticket)).toEqual({ ticketId: 't1', ok: false, reason: AGENT_AWAY });
  });

  it('health: listed with the kiosk as prefix, changes only as events, all offline when the agent leaves', () => {
    const { h, events } = hub();
    const a = link();
    h.connect('kiosk-1', a.l);
    h.health('kiosk-1', a.l, [online('printer'), online('reader', 'idcard')]);
    h.health('kiosk-1', a.l, [online('printer'), online('reader', 'idcard')]);
    expect(events.map((e) => e.id)).toEqual(['kiosk-1/printer', 'kiosk-1/reader']);
    h.disconnect('kiosk-1', a.l);
    expect(h.list()).toEqual([
      expect.objectContaining({ id: 'kiosk-1/printer', status: 'offline' }),
      expect.objectContaining({ id: 'kiosk-1/reader', status: 'offline' }),
    ]);
  });

  it('a second agent for the same kiosk replaces the first: the first is told, its late disconnect and health change nothing', () => {
    const { h } = hub();
    const a = link();
    const b = link();
    h.connect('kiosk-1', a.l);
    h.connect('kiosk-1', b.l);
    expect(a.replaced()).toBe(1);
    h.health('kiosk-1', a.l, [online('ghost')]);
    h.health('kiosk-1', b.l, [online('printer')]);
    h.disconnect('kiosk-1', a.l);
    expect(h.connected('kiosk-1')).toBe(true);
    expect(h.list()).toEqual([expect.objectContaining({ id: 'kiosk-1/printer', status: 'online' })]);
    void h.print('kiosk-1', 't1', ticket);
    expect([a.jobs.length, b.jobs.length]).toEqual([0, 1]);
  });
});

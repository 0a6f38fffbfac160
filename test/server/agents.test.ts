/**
 * The `/agent` namespace in process (issue 18), with a socket.io client playing the agent: who may
 * connect, what it is sent, what it may send, and where that goes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { AgentPrintJob, DeviceHealth, DeviceScanEvent, PrintResultEvent } from '../../protocol/events.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  s = await startTestServer({ devices: true });
});
afterAll(async () => {
  sockets.forEach((x) => x.close());
  await s.close();
});

function agentSocket(token: string): Socket {
  const socket = connect(`${s.url}/agent`, { auth: { token }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  return socket;
}
const refusal = (socket: Socket) => new Promise<string>((resolve) => socket.once('connect_error', (e) => resolve(e.message)));
const next = <T>(socket: Socket, event: string) => new Promise<T>((resolve) => socket.once(event, (e: T) => resolve(e)));
/** the next `event` that `match` accepts (the server's own devices report their health too, e.g. LED screens coming online) */
const nextWhere = <T>(socket: Socket, event: string, match: (e: T) => boolean) => new Promise<T>((resolve) => {
  const on = (e: T) => { if (match(e)) { socket.off(event, on); resolve(e); } };
  socket.on(event, on);
});
async function until<T>(probe: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
const health = (id: string, status: DeviceHealth['status'] = 'online'): DeviceHealth => ({
  id,
  kind: 'printer',
  status,
  at: new Date().toISOString(),
});

describe('the /agent namespace', () => {
  it('refuses no token, an unknown one (unauthorized) and a staff or display token (not-a-kiosk)', async () => {
    expect(await refusal(agentSocket(''))).toBe('unauthorized');
    expect(await refusal(agentSocket('no-such-token-000000'))).toBe('unauthorized');
    expect(await refusal(agentSocket(await s.login('staff1')))).toBe('not-a-kiosk');
    expect(await refusal(agentSocket(await s.deviceToken('display', 'lobby-ag')))).toBe('not-a-kiosk');
  });

  it('an agent is welcomed as its kiosk, gets no hall events, and its health reaches admins and GET /api/devices/health', async () => {
    const [token, adminToken] = [await s.deviceToken('kiosk', 'kiosk-a1'), await s.login('admin')];
    const admin = s.socket(adminToken);
    await next(admin, 'state:snapshot');
    const a = agentSocket(token);
    const heard: string[] = [];
    a.onAny((e) => heard.push(e));
    expect(await next(a, 'agent:welcome')).toEqual({ kiosk: 'kiosk-a1' });
    const pushed = nextWhere<DeviceHealth>(admin, 'device:health', (h) => h.id.startsWith('kiosk-a1/'));
    a.emit('agent:health', [health('printer')]);
    expect(await pushed).toMatchObject({ id: 'kiosk-a1/printer', status: 'online' });
    const list = await s.client(await s.login('staff1')).call('GET /api/devices/health');
    expect(list.find((h) => h.id === 'kiosk-a1/printer')).toMatchObject({ status: 'online' });
    a.emit('agent:health', 'not a list' as never); // ignored, the agent stays
    a.emit('agent:health', [{ id: 'x', kind: 'printer', status: 'melting', at: '' }] as never);
    await s.client(token).call('POST /api/tickets', { body: { serviceId: 's-a01' } }); // hall events: not for /agent
    await new Promise((r) => setTimeout(r, 200));
    expect(heard.filter((e) => !e.startsWith('agent:'))).toEqual([]);
    expect(a.connected).toBe(true);
    a.close();
    await until(() => (s.running.agents!.list().find((h) => h.id === 'kiosk-a1/printer' && h.status === 'offline') ? true : undefined));
  });

  it('prints through an agent with a printer: the job carries the ticket, the result goes to the kiosk page as print:result', async () => {
    const token = await s.deviceToken('kiosk', 'kiosk-a2');
    const page = s.socket(token);
    await next(page, 'state:snapshot');
    const a = agentSocket(token);
    await next(a, 'agent:welcome');
    // an agent with no printer (a reader only) takes no print jobs: the kiosk prints as it would without it
    // (here on the server's device manager, which has no printer for it: failed)
    const jobs: AgentPrintJob[] = [];
    a.on('agent:print', (j: AgentPrintJob) => jobs.push(j));
    a.emit('agent:health', [{ ...health('reader'), kind: 'idcard' }]);
    await until(() => (s.running.agents!.list().some((h) => h.id === 'kiosk-a2/reader') ? true : undefined));
    const notHere = next<PrintResultEvent>(page, 'print:result');
    await s.client(token).call('POST /api/tickets', { body: { serviceId: 's-a01' } });
    expect(await notHere).toMatchObject({ ok: false, reason: expect.stringContaining('kiosk-a2 未配置打印机') });
    expect(jobs).toEqual([]);
    a.emit('agent:health', [{ ...health('reader'), kind: 'idcard' }, health('printer')]);
    await until(() => (s.running.agents!.prints('kiosk-a2') ? true : undefined));
    const job = next<AgentPrintJob>(a, 'agent:print');
    const r = await s.client(token).call('POST /api/tickets', { body: { serviceId: 's-a01' } });
    expect(r.print).toBe('queued');
    const j = await job;
    expect(j).toMatchObject({
      ticketId: r.ticket.id,
      ticket: { ticketNumber: r.ticket.number, statusUrl: expect.stringContaining(`/t/${r.ticket.id}`) },
    });
    const result = next<PrintResultEvent>(page, 'print:result');
    a.emit('agent:printed', { jobId: j.jobId, ok: false, reason: '打印机缺纸' });
    expect(await result).toEqual({ ticketId: r.ticket.id, ok: false, reason: '打印机缺纸' });
  });

  it('a scan goes to its kiosk page only; a malformed one is dropped', async () => {
    // tokens first, then the sockets: each snapshot listener is attached before its connection completes
    const [token, otherToken] = [await s.deviceToken('kiosk', 'kiosk-a3'), await s.deviceToken('kiosk', 'kiosk-a4')];
    const page = s.socket(token);
    const other = s.socket(otherToken);
    await Promise.all([next(page, 'state:snapshot'), next(other, 'state:snapshot')]);
    const scans: DeviceScanEvent[] = [];
    const elsewhere: DeviceScanEvent[] = [];
    page.on('device:scan', (e) => scans.push(e));
    other.on('device:scan', (e) => elsewhere.push(e));
    const a = agentSocket(token);
    await next(a, 'agent:welcome');
    a.emit('agent:scan', { source: 'idcard', value: 'x'.repeat(600) });
    a.emit('agent:scan', { source: 'fax', value: '1' } as never);
    a.emit('agent:scan', { source: 'qr', value: 'HQ1.b1.sig' });
    await until(() => scans[0]);
    await new Promise((r) => setTimeout(r, 150));
    expect(scans).toEqual([{ source: 'qr', value: 'HQ1.b1.sig' }]);
    expect(elsewhere).toEqual([]);
  });

  it('a second agent for the kiosk replaces the first, which is told and disconnected', async () => {
    const token = await s.deviceToken('kiosk', 'kiosk-a5');
    const first = agentSocket(token);
    await next(first, 'agent:welcome');
    const told = next(first, 'agent:replaced');
    const gone = next(first, 'disconnect');
    const second = agentSocket(token);
    await next(second, 'agent:welcome');
    expect(await told).toMatchObject({ at: expect.any(String) });
    expect(await gone).toBe('io server disconnect');
    expect(second.connected).toBe(true);
    expect(s.running.agents!.connected('kiosk-a5')).toBe(true);
  });
});

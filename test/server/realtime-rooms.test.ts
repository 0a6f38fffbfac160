/**
 * Each socket gets only what it shows (issue 20, docs/contract.md "Who receives what"): a window's
 * screen its window's call and state, a kiosk the queue counts, a staff console the events of its
 * windows and their queues, a lobby screen and a lead everything; `queue:updated` coalesced per queue;
 * a command's `ticket:called` sent before its other events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { createCoalescer } from '../../server/realtime/io.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { nextEvent, sleep } from './support.js';

describe('who receives what', () => {
  let s: TestServer;
  const extra: Socket[] = [];
  beforeAll(async () => { s = await startTestServer(); });
  afterAll(async () => {
    extra.forEach((x) => x.close());
    await s.close();
  });
  /** a display in window mode: `#window=N` sends `auth.window` */
  const windowScreen = (token: string, window: number) => {
    const x = connect(s.url, { auth: { token, window }, transports: ['websocket'], reconnection: false });
    extra.push(x);
    return x;
  };
  const record = (x: Socket<any, any>) => {
    const got: [string, any][] = [];
    x.onAny((e: string, p: unknown) => got.push([e, p]));
    return got;
  };

  it('a window screen gets its own window’s call and state only; a lobby screen and a lead get every window’s', async () => {
    // tokens first, then the sockets: each snapshot listener is attached before its connection completes
    const [display, leadToken] = [await s.deviceToken('display', 'rooms-screens'), await s.login('lead1')];
    const [screen1, screen4, lobby, lead] = [windowScreen(display, 1), windowScreen(display, 4), s.socket(display), s.socket(leadToken)];
    await Promise.all([screen1, screen4, lobby, lead].map((x) => nextEvent(x, 'state:snapshot')));
    const [got1, got4, gotLobby, gotLead] = [screen1, screen4, lobby, lead].map(record);
    const kiosk = s.running.demoTokens['kiosk-1'];
    await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } });
    const called = nextEvent(lobby, 'ticket:called');
    expect((await s.api('POST', '/api/windows/w1/call-next', { token: await s.login('staff1') })).status).toBe(200);
    await called;
    await sleep(300);

    const windowsOf = (got: [string, any][]) => got.filter(([e]) => e === 'window:updated').map(([, p]) => p.window.id);
    const callsOf = (got: [string, any][]) => got.filter(([e]) => e === 'ticket:called').map(([, p]) => p.window.id);
    expect(callsOf(got1)).toEqual(['w1']);
    expect(windowsOf(got1)).toContain('w1');
    expect(got1.map(([e]) => e)).not.toContain('queue:updated'); // a window screen shows no queue counts
    expect(got4).toEqual([]); // window 4's screen: nothing of window 1
    for (const got of [gotLobby, gotLead]) {
      expect(callsOf(got)).toEqual(['w1']);
      expect(windowsOf(got)).toContain('w1');
      expect(got.map(([e]) => e)).toContain('queue:updated');
    }

    // window 4 pauses: its screen hears it, window 1's does not
    got1.length = 0;
    const paused = nextEvent(screen4, 'window:updated');
    expect((await s.api('POST', '/api/windows/w4/pause', { token: await s.login('staff4'), body: { reason: '暂离' } })).status).toBe(200);
    expect((await paused).window).toMatchObject({ id: 'w4', status: 'paused' });
    await sleep(200);
    expect(windowsOf(got1)).toEqual([]);
  });

  it('a staff console gets the tickets of its windows’ queues, not of the others', async () => {
    const tokens = [await s.login('staff1'), await s.login('staff4'), await s.login('staff5')];
    const [a1, b4, ab5] = tokens.map((t) => s.socket(t));
    await Promise.all([a1, b4, ab5].map((x) => nextEvent(x, 'state:snapshot')));
    const [gotA1, gotB4, gotAB5] = [a1, b4, ab5].map(record);
    const kiosk = s.running.demoTokens['kiosk-1'];
    const issued = nextEvent(a1, 'ticket:issued');
    const t = (await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } })).body.ticket; // queue A
    expect((await issued).ticket.id).toBe(t.id);
    await sleep(300);
    const issuedIds = (got: [string, any][]) => got.filter(([e]) => e === 'ticket:issued').map(([, p]) => p.ticket.id);
    expect(issuedIds(gotAB5)).toEqual([t.id]); // window 5 serves B and A
    expect(issuedIds(gotB4)).toEqual([]); // window 4 serves B only
    expect(gotB4.filter(([e, p]) => e === 'queue:updated' && p.queue.id === 'qA')).toEqual([]);
  });

  it('a call’s ticket:called reaches a console before the ticket:updated and window:updated of the same command', async () => {
    const staff = s.socket(await s.login('staff2'));
    await nextEvent(staff, 'state:snapshot');
    const kiosk = s.running.demoTokens['kiosk-1'];
    await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } });
    await sleep(100);
    const got = record(staff);
    expect((await s.api('POST', '/api/windows/w2/call-next', { token: await s.login('staff2') })).status).toBe(200);
    await sleep(300);
    const names = got.map(([e]) => e);
    expect(names).toEqual(expect.arrayContaining(['ticket:called', 'ticket:updated', 'window:updated']));
    expect(names[0]).toBe('ticket:called');
  });

  it('call-next with nobody waiting at an open, idle window announces nothing; a real change still does', async () => {
    const lobby = s.socket(await s.deviceToken('display', 'rooms-idle'));
    await nextEvent(lobby, 'state:snapshot');
    const staff3 = await s.login('staff3');
    const call = () => s.api('POST', '/api/windows/w3/call-next', { token: staff3 });
    const got = record(lobby);
    const w3 = () => got.filter(([e, p]) => e === 'window:updated' && p.window.id === 'w3').map(([, p]) => p.window.status);
    // empty window 3's queues: serve whoever waits, until nobody does (the window is open and idle then)
    for (let r = await call(); r.body.ticket; r = await call()) await s.api('POST', '/api/windows/w3/start', { token: staff3 });
    await sleep(500); // what emptying it announced has arrived
    const before = w3().length;
    const again = await call();
    expect(again.status).toBe(200);
    expect(again.body.ticket).toBeNull();
    await sleep(500);
    expect(w3().length).toBe(before);
    // the recorder hears a change of the same window
    expect((await s.api('POST', '/api/windows/w3/pause', { token: staff3, body: { reason: '暂离' } })).status).toBe(200);
    await sleep(300);
    expect(w3().slice(before)).toEqual(['paused']);
    await s.api('POST', '/api/windows/w3/resume', { token: staff3 });
  });

  it('a kiosk gets the queue counts, the latest after a burst of issues', async () => {
    const kioskToken = s.running.demoTokens['kiosk-1'];
    const kiosk = s.socket(kioskToken);
    await nextEvent(kiosk, 'state:snapshot');
    const got = record(kiosk);
    const before = (await s.api('GET', '/api/state', { token: kioskToken })).body.queues.find((q: { id: string }) => q.id === 'qF').waiting as number;
    await Promise.all([0, 1, 2].map(() => s.api('POST', '/api/tickets', { token: kioskToken, body: { serviceId: 's-f01' } })));
    await sleep(300);
    const counts = got.filter(([e, p]) => e === 'queue:updated' && p.queue.id === 'qF').map(([, p]) => p.queue.waiting);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.at(-1)).toBe(before + 3);
    expect(got.map(([e]) => e).filter((e) => e !== 'queue:updated')).toEqual([]);
  });
});

describe('hall:updated carries the notices', () => {
  it('a screen gets the hall\'s notices with hall:updated, so it need not ask GET /api/public/hall', async () => {
    const s = await startTestServer({ now: '2026-11-23T08:20:00+08:00' }); // before opening
    try {
      const display = s.socket(await s.deviceToken('display', 'lobby-notices-ev'));
      await nextEvent(display, 'state:snapshot');
      const opened = nextEvent(display, 'hall:updated');
      await s.setClock('2026-11-23T08:31:00+08:00');
      const e = await opened;
      const pub = (await s.api('GET', '/api/public/hall')).body;
      expect(e.notices).toEqual(pub.notices);
      expect(e.notices.length).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
  });
});

describe('queue:updated coalescing', () => {
  it('a burst of changes sends one per key with the latest value, after the interval; a later change starts a new burst', () => {
    const pending: (() => void)[] = [];
    const sent: [string, number][] = [];
    const c = createCoalescer<number>((k, v) => sent.push([k, v]), 20, { setTimeout: (f) => void pending.push(f) });
    for (let n = 1; n <= 5; n++) c.put('qA', n);
    c.put('qB', 7);
    expect(sent).toEqual([]); // nothing before the interval
    expect(pending).toHaveLength(1); // one timer for the burst
    pending.shift()!();
    expect(sent).toEqual([['qA', 5], ['qB', 7]]);
    c.put('qA', 6);
    expect(pending).toHaveLength(1);
    pending.shift()!();
    expect(sent.at(-1)).toEqual(['qA', 6]);
  });
});

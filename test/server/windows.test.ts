/** A window's commands over HTTP: who may act where, the state machine's refusals, out-of-order calls, reports. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectError } from './support.js';

describe('window commands', () => {
  let s: TestServer;
  let kiosk: string, staff4: string, staff5: string, lead: string;
  const issue = async (serviceId: string) => (await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId } })).body.ticket;
  const cmd = (token: string, w: string, action: string, body?: unknown) => s.api('POST', `/api/windows/${w}/${action}`, { token, body });
  beforeAll(async () => {
    s = await startTestServer();
    kiosk = await s.deviceToken('kiosk', 'kiosk-w');
    staff4 = await s.login('staff4');
    staff5 = await s.login('staff5');
    lead = await s.login('lead1');
  });
  afterAll(() => s.close());

  it('call-next with nobody waiting → 200 {ticket: null}', async () => {
    const r = await cmd(staff4, 'w4', 'call-next');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ticket: null });
  });

  it('staff of another window → 403 window-not-yours; a kiosk → 403 forbidden; no token → 401; unknown window → 404', async () => {
    await issue('s-b01');
    expectError(await cmd(staff5, 'w4', 'call-next'), 403, 'window-not-yours');
    expectError(await cmd(kiosk, 'w4', 'call-next'), 403, 'forbidden');
    expectError(await cmd('', 'w4', 'call-next'), 401, 'unauthorized');
    expectError(await cmd(staff4, 'w-none', 'call-next'), 404, 'window-not-found');
    expectError(await cmd(lead, 'w-none', 'recall'), 404, 'window-not-found');
  });

  it('called → recall → start → finish; call-next while called → 409 ticket-in-progress; finish with nothing → 409 no-current-ticket', async () => {
    const called = await cmd(staff4, 'w4', 'call-next');
    expect(called.body.ticket).toMatchObject({ number: 'B001', status: 'called', windowId: 'w4' });
    expectError(await cmd(staff4, 'w4', 'call-next'), 409, 'ticket-in-progress');
    expect((await cmd(staff4, 'w4', 'recall')).body.ticket).toMatchObject({ recalls: 1 });
    expect((await cmd(staff4, 'w4', 'start')).body.ticket.status).toBe('serving');
    expect((await cmd(staff4, 'w4', 'finish')).body.ticket.status).toBe('done');
    expectError(await cmd(staff4, 'w4', 'finish'), 409, 'no-current-ticket');
    expectError(await cmd(staff4, 'w4', 'start'), 409, 'no-current-ticket');
    expectError(await cmd(staff4, 'w4', 'no-show'), 409, 'no-current-ticket');
  });

  it('no-show ends a called ticket; call-next while serving finishes the current one', async () => {
    const a = await issue('s-b02');
    const b = await issue('s-b02');
    expect((await cmd(staff4, 'w4', 'call-next')).body.ticket.id).toBe(a.id);
    expect((await cmd(staff4, 'w4', 'no-show')).body.ticket.status).toBe('no-show');
    expect((await cmd(staff4, 'w4', 'call-next')).body.ticket.id).toBe(b.id);
    await cmd(staff4, 'w4', 'start');
    expect((await cmd(staff4, 'w4', 'call-next')).body.ticket).toBeNull();
    expect((await s.api('GET', `/api/tickets/${b.id}`, { token: kiosk })).body.ticket.status).toBe('done');
  });

  it('pause needs a reason (400); a paused window → 409 window-paused; resume; PUT mode', async () => {
    expectError(await cmd(staff4, 'w4', 'pause', {}), 400, 'bad-request');
    expect((await cmd(staff4, 'w4', 'pause', { reason: '系统维护' })).status).toBe(200);
    expect((await s.api('GET', '/api/state', { token: kiosk })).body.windows.find((w: any) => w.id === 'w4').status).toBe('paused');
    expectError(await cmd(staff4, 'w4', 'call-next'), 409, 'window-paused');
    expect((await cmd(staff4, 'w4', 'resume')).status).toBe(200);
    const m = await s.api('PUT', '/api/windows/w4/mode', { token: staff4, body: { mode: 'reservation' } });
    expect(m.status).toBe(200);
    expect((await s.api('GET', '/api/state', { token: kiosk })).body.windows.find((w: any) => w.id === 'w4').mode).toBe('reservation');
    expectError(await s.api('PUT', '/api/windows/w4/mode', { token: staff4, body: { mode: 'fast' } }), 400, 'bad-request');
    expectError(await s.api('PUT', '/api/windows/w4/mode', { token: staff5, body: { mode: 'normal' } }), 403, 'window-not-yours');
    await s.api('PUT', '/api/windows/w4/mode', { token: staff4, body: { mode: 'normal' } });
  });

  it('transfer to another queue keeps the ticket and moves it; an unknown target → 422 transfer-target-invalid', async () => {
    const t = await issue('s-b01');
    await cmd(staff4, 'w4', 'call-next');
    expectError(await cmd(staff4, 'w4', 'transfer', { queueId: 'q-none' }), 422, 'transfer-target-invalid');
    expectError(await cmd(staff4, 'w4', 'transfer', { nowhere: 1 }), 400, 'bad-request');
    const r = await cmd(staff4, 'w4', 'transfer', { queueId: 'qA' });
    expect(r.status).toBe(200);
    expect(r.body.ticket).toMatchObject({ id: t.id, status: 'waiting', queueId: 'qA' });
    expect((await cmd(await s.login('staff1'), 'w1', 'call-next')).body.ticket.id).toBe(t.id);
  });

  it('a lead calls a waiting ticket out of order; staff → 403; a ticket not waiting → 409; unknown → 404', async () => {
    const first = await issue('s-f01');
    const second = await issue('s-f01');
    expectError(await cmd(await s.login('staff10'), 'w10', `call/${second.id}`), 403, 'forbidden');
    const r = await cmd(lead, 'w10', `call/${second.id}`, { reason: '老年人优先' });
    expect(r.body.ticket).toMatchObject({ id: second.id, status: 'called', windowId: 'w10' });
    await cmd(lead, 'w10', 'start');
    expectError(await cmd(lead, 'w10', `call/${second.id}`), 409, 'ticket-not-waiting');
    expectError(await cmd(lead, 'w10', 'call/t-none'), 404, 'ticket-not-found');
    expect((await cmd(lead, 'w10', 'call-next')).body.ticket.id).toBe(first.id);
  });

  it('GET /api/reports/daily for staff+ counts the day; a display → 403; no date → 400', async () => {
    const r = await s.api('GET', '/api/reports/daily?date=2026-11-23', { token: staff5 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ date: '2026-11-23', tickets: expect.any(Number), served: expect.any(Number), noShows: 1 });
    expect(r.body.tickets).toBe(6); // B001–B004 and F001–F002 issued above
    expect(r.body.bookings).toEqual({ total: 0, checkedIn: 0, forfeited: 0, cancelled: 0, served: 0 });
    expectError(await s.api('GET', '/api/reports/daily?date=2026-11-23', { token: await s.deviceToken('display', 'lobby-w') }), 403, 'forbidden');
    expectError(await s.api('GET', '/api/reports/daily', { token: staff5 }), 400, 'bad-request');
  });
});

describe('two consoles calling at once', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer(); });
  afterAll(() => s.close());

  it('many concurrent call-next requests from windows 1 and 2 (both serve queue A) never hand one ticket to both', async () => {
    const kiosk = await s.deviceToken('kiosk', 'kiosk-race');
    const issued = new Set<string>();
    for (let i = 0; i < 40; i++) issued.add((await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } })).body.ticket.id);
    const consoles = [{ w: 'w1', token: await s.login('staff1') }, { w: 'w2', token: await s.login('staff2') }];
    const got = new Map<string, string[]>([['w1', []], ['w2', []]]);
    for (let round = 0; round < 25; round++) {
      // each console presses call-next 6 times at once; the ones that lose get 409 ticket-in-progress
      const presses = consoles.flatMap(({ w, token }) => Array.from({ length: 6 }, () =>
        s.api('POST', `/api/windows/${w}/call-next`, { token }).then((r) => ({ w, r }))));
      for (const { w, r } of await Promise.all(presses)) {
        if (r.status === 200 && r.body.ticket) got.get(w)!.push(r.body.ticket.id);
        else if (r.status !== 200) expectError(r, 409, 'ticket-in-progress');
      }
      await Promise.all(consoles.map(({ w, token }) => s.api('POST', `/api/windows/${w}/start`, { token })));
    }
    const all = [...got.get('w1')!, ...got.get('w2')!];
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((id) => issued.has(id))).toBe(true);
    expect(all.length).toBe(40);
    expect(got.get('w1')!.length).toBeGreaterThan(0);
    expect(got.get('w2')!.length).toBeGreaterThan(0);
  });
});

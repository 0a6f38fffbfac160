/**
 * Socket.IO by role over a real server: a token at connect, the snapshot first, `ticket:issued` to
 * staff only, `ticket:called` to every screen that shows it — and no citizen's name, ID number or phone in any socket
 * payload, in GET /api/state, or in any line the server logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { RunningHall } from '../../server/start.js';
import { bufferLogger, call, citizen, expectError, nextEvent, refused, sleep, startWith } from './support.js';

describe('realtime by role, and privacy', () => {
  let hall: RunningHall;
  const log = bufferLogger('debug');
  const sockets: Socket[] = [];
  const open = (token?: string) => {
    const s = connect(hall.url, { auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false });
    sockets.push(s);
    return s;
  };
  const login = async (username: string, password = 'demo1234') =>
    (await call(hall.url, 'POST', '/api/auth/login', { body: { username, password } })).body.token as string;
  const device = async (kind: string, name: string) => {
    const admin = await login('admin', 'admin-test-pw');
    return (await call(hall.url, 'POST', '/api/devices', { token: admin, body: { kind, name, replace: true } })).body.token as string;
  };
  beforeAll(async () => { hall = await startWith({ HALLQ_LOG_LEVEL: 'debug' }, { logger: log.logger }); });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await hall.close();
  });

  it('connecting without a token, with an unknown one, or with a revoked one is refused', async () => {
    expect(await refused(open())).toBe('unauthorized');
    expect(await refused(open('forged-token'))).toBe('unauthorized');
    const t = await login('staff3');
    await call(hall.url, 'POST', '/api/auth/logout', { token: t });
    expect(await refused(open(t))).toBe('unauthorized');
  });

  it('the snapshot arrives first on connect and carries the contract shape', async () => {
    const s = open(await device('display', 'lobby-r'));
    const snap = await nextEvent(s, 'state:snapshot');
    expect(snap.time).toBe('2026-11-23T09:00:00+08:00');
    expect(snap.windows[0]).toEqual(expect.objectContaining({ id: 'w1', number: 1, name: expect.any(String), status: 'open', mode: 'normal', current: null }));
    expect(snap.queues[0]).toEqual(expect.objectContaining({ id: 'qA', name: '综合受理', prefix: 'A', waiting: 0, reservationsWaiting: 0 }));
    expect(snap.recentCalls).toEqual([]);
  });

  it('device:scan reaches only the kiosk bound to that reader; device:health only admin and lead connections', async () => {
    // tokens first, then the sockets: each snapshot listener is attached before its connection completes
    const tokens = [await device('kiosk', 'kiosk-scan-1'), await device('kiosk', 'kiosk-scan-2'), await device('display', 'lobby-scan'),
      await login('staff2'), await login('lead1')];
    const [k1, k2, lobby, staff, lead] = tokens.map((t) => open(t));
    await Promise.all([k1, k2, lobby, staff, lead].map((s) => nextEvent(s, 'state:snapshot')));
    const got: string[] = [];
    for (const [name, s] of Object.entries({ k1, k2, lobby, staff, lead }))
      s.onAny((event) => got.push(`${name}:${event}`));
    const scanned = nextEvent(k1, 'device:scan');
    hall.realtime.scan('kiosk-scan-1', { source: 'qr', value: 'HQ1.b1.sig' });
    expect(await scanned).toEqual({ source: 'qr', value: 'HQ1.b1.sig' });
    const health = nextEvent(lead, 'device:health');
    hall.realtime.health({ id: 'printer-1', kind: 'printer', status: 'paper-out', at: '2026-11-23T09:00:00+08:00' });
    expect((await health).status).toBe('paper-out');
    await sleep(150);
    expect(got.sort()).toEqual(['k1:device:scan', 'lead:device:health']);
  });

  it('a booked citizen checks in and is called: staff get ticket:issued, displays and kiosks never; nobody gets personal data', async () => {
    const person = citizen(11, { name: '欧阳娜娜', date: '2026-11-23', slot: '13:30' });
    const platform = await device('platform', 'gov-r');
    const kioskToken = await device('kiosk', 'kiosk-1');
    const displayToken = await device('display', 'lobby-p');
    const staffToken = await login('staff1');
    const adminToken = await login('admin', 'admin-test-pw');
    const byRole: Record<string, Socket> = { display: open(displayToken), kiosk: open(kioskToken), staff: open(staffToken), admin: open(adminToken) };
    const seen: Record<string, [string, unknown][]> = {};
    const snapshots = Object.entries(byRole).map(([role, s]) => {
      seen[role] = [];
      s.onAny((event, payload) => seen[role].push([event, payload]));
      return nextEvent(s, 'state:snapshot');
    });
    await Promise.all(snapshots);

    const booked = await call(hall.url, 'POST', '/api/bookings', { token: platform, body: person });
    expect(booked.status).toBe(201);
    expect((await call(hall.url, 'PUT', '/api/_clock', { body: { now: '2026-11-23T12:45:00+08:00' } })).status).toBe(200);
    const wrong = { ...person, idNumber: citizen(12).idNumber };
    expectError(await call(hall.url, 'POST', '/api/checkins', { token: kioskToken, body: { idNumber: wrong.idNumber } }), 404, 'booking-not-found');
    const checked = await call(hall.url, 'POST', '/api/checkins', { token: kioskToken, body: { idNumber: person.idNumber } });
    expect(checked.status).toBe(201);
    const staff = await login('staff1');
    expect((await call(hall.url, 'GET', `/api/citizens/${person.idNumber}/credit`, { token: staff })).status).toBe(200);
    await call(hall.url, 'GET', `/api/bookings?date=2026-11-23&q=${encodeURIComponent(person.name)}`, { token: staff });
    // a reservation is called from its slot start − 15 min, ahead of the walk-in
    expect((await call(hall.url, 'POST', '/api/tickets', { token: kioskToken, body: { serviceId: 's-a01' } })).status).toBe(201);
    expect((await call(hall.url, 'PUT', '/api/_clock', { body: { now: '2026-11-23T13:20:00+08:00' } })).status).toBe(200);
    const calledAt = nextEvent(byRole.display, 'ticket:called');
    const called = await call(hall.url, 'POST', '/api/windows/w1/call-next', { token: staff });
    expect(called.body.ticket.id).toBe(checked.body.ticket.id);
    const shown = await calledAt;
    expect(shown).toEqual({
      ticket: { id: checked.body.ticket.id, number: checked.body.ticket.number, kind: 'reservation', queueId: 'qA' },
      window: { id: 'w1', number: 1, name: expect.any(String) }, recall: false, at: '2026-11-23T13:20:00+08:00',
    });
    await sleep(200); // let the remaining events land on every socket

    const events = (role: string) => seen[role].map(([e]) => e);
    expect(events('staff')).toContain('ticket:issued');
    expect(events('admin')).toContain('ticket:issued');
    expect(events('display')).not.toContain('ticket:issued');
    expect(events('kiosk')).not.toContain('ticket:issued');
    // each socket gets what it shows (issue 20): a kiosk the queue counts only, no call and no window state
    for (const role of ['display', 'staff', 'admin']) expect(events(role)).toEqual(expect.arrayContaining(['ticket:called', 'queue:updated', 'window:updated']));
    expect(events('kiosk')).toContain('queue:updated');
    expect(events('kiosk')).not.toContain('ticket:called');
    expect(events('kiosk')).not.toContain('window:updated');

    const state = await call(hall.url, 'GET', '/api/state', { token: kioskToken });
    const secrets = [person.name, person.idNumber, person.phone, person.idNumber.slice(6, 14)];
    const places = { sockets: JSON.stringify(seen), state: JSON.stringify(state.body), log: log.text() };
    for (const [where, text] of Object.entries(places))
      for (const secret of secrets) expect(text.includes(secret), `${where} contains ${secret}`).toBe(false);
    expect(log.text()).toContain('"status":404'); // the log did record the requests, masked
  });
});

/**
 * Booking SMS (issue 17) with the `log` and `http` providers: what is queued when (confirmed, cancelled
 * by the hall, forfeited, the day-before reminder), masked phones in the list, no ID number in a text,
 * and a gateway that hangs delays a message without losing it; plus check-in by booking code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { citizen, expectError, idNumberOf } from './support.js';

const FAST = { idleMs: 10, baseMs: 10, capMs: 50, remindEveryMs: 0 };
type Sms = { bookingId: string; kind: string; phone: string; text: string; status: string; attempts: number; provider: string | null; lastError: string | null };

describe('SMS with the log provider, and check-in by code', () => {
  let s: TestServer;
  let platform: string, kiosk: string;
  const ids: Record<string, { id: string; code: string }> = {};
  const sms = async (date = '2026-11-23') => (await s.api('GET', `/api/sms?date=${date}`, { token: s.adminToken })).body as Sms[];
  beforeAll(async () => {
    s = await startTestServer({ sms: FAST }); // Monday 09:00; sms defaults to the log provider
    platform = await s.deviceToken('platform', 'gov');
    kiosk = await s.deviceToken('kiosk', 'kiosk-sms');
    const book = async (key: string, n: number, over: Record<string, unknown>) => {
      const r = await s.api('POST', '/api/bookings', { token: platform, body: citizen(n, over) });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      ids[key] = { id: r.body.booking.id, code: r.body.booking.code };
    };
    await book('a', 21, { date: '2026-11-23', slot: '13:30' });
    await book('b', 22, { date: '2026-11-24', slot: '09:30' });
    await book('c', 23, { date: '2026-11-23', slot: '13:30' });
    await book('d', 24, { date: '2026-11-24', slot: '10:30' });
  });
  afterAll(() => s.close());

  it('a booking is confirmed by SMS: service, date, slot, code, the check-in rule; the list masks the phone; no ID number', async () => {
    await expect.poll(async () => (await sms()).filter((m) => m.kind === 'confirmed' && m.status === 'sent').length).toBe(4);
    const a = (await sms()).find((m) => m.bookingId === ids.a.id)!;
    expect(a).toMatchObject({ kind: 'confirmed', status: 'sent', provider: 'log', attempts: 1 });
    expect(a.text).toContain(ids.a.code);
    expect(a.text).toContain('2026-11-23 13:30');
    expect(a.text).toMatch(/^【.+】/);
    expect(a.text).toMatch(/签到/);
    expect(a.phone).toBe('139****0021');
    for (const m of await sms()) {
      expect(m.text).not.toContain(idNumberOf(21));
      expect(m.text).not.toMatch(/\d{17}[\dX]/);
    }
    expectError(await s.api('GET', '/api/sms?date=2026-11-23', { token: platform }), 403, 'forbidden');
    expectError(await s.api('GET', '/api/sms?date=bad', { token: s.adminToken }), 400, 'bad-request');
  });

  it('a hall cancellation is told by SMS with its reason; a citizen\'s own is not', async () => {
    const staff = await s.login('admin');
    const r = await s.api('POST', `/api/bookings/${ids.b.id}/cancel`, { token: staff, body: { by: 'hall', reason: '系统升级' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    await expect.poll(async () => (await sms()).find((m) => m.bookingId === ids.b.id && m.kind === 'cancelled')?.status).toBe('sent');
    expect((await sms()).find((m) => m.kind === 'cancelled')!.text).toContain('系统升级');
  });

  it('check-in by booking code at a kiosk: case, spaces and dashes ignored; an unknown code is booking-not-found', async () => {
    await s.setClock('2026-11-23T13:35:00+08:00');
    const typed = `${ids.a.code.slice(0, 4).toLowerCase()}-${ids.a.code.slice(4)}`;
    const r = await s.api('POST', '/api/checkins', { token: kiosk, body: { code: typed } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.booking).toMatchObject({ id: ids.a.id, status: 'checked-in', code: ids.a.code });
    expectError(await s.api('POST', '/api/checkins', { token: kiosk, body: { code: 'ZZZZ2222' } }), 404, 'booking-not-found');
    expectError(await s.api('POST', '/api/checkins', { token: kiosk, body: { code: 'O0I1L' } }), 404, 'booking-not-found');
  });

  it('a forfeited booking is told with this month\'s count and the limit', async () => {
    await s.setClock('2026-11-23T14:01:00+08:00');
    await expect.poll(async () => (await sms()).find((m) => m.bookingId === ids.c.id && m.kind === 'forfeited')?.status).toBe('sent');
    const m = (await sms()).find((x) => x.kind === 'forfeited')!;
    expect(m.text).toMatch(/本月已爽约1次/);
    expect(m.text).toMatch(/累计3次/);
  });

  it('the reminder goes out the day before from sms.reminderAt, once, for the bookings still waiting', async () => {
    await s.setClock('2026-11-23T17:59:00+08:00');
    await new Promise((r) => setTimeout(r, 100));
    expect((await sms()).filter((m) => m.kind === 'reminder')).toEqual([]);
    await s.setClock('2026-11-23T18:00:00+08:00');
    await expect.poll(async () => (await sms()).filter((m) => m.kind === 'reminder').map((m) => m.bookingId)).toEqual([ids.d.id]);
    await new Promise((r) => setTimeout(r, 100));
    expect((await sms()).filter((m) => m.kind === 'reminder')).toHaveLength(1);
    expect((await sms()).find((m) => m.kind === 'reminder')!.text).toContain('明天');
  });
});

describe('SMS with the http provider (a local gateway stub)', () => {
  let s: TestServer;
  let rx: Receiver;
  beforeAll(async () => {
    rx = await startReceiver();
    s = await startTestServer({ config: { sms: { provider: 'http', http: { url: rx.url, token: 'gw-token' }, timeoutMs: 200 } }, sms: FAST });
  });
  afterAll(async () => { await s.close(); await rx.close(); });

  it('a gateway that hangs times out: the message waits (never lost, the hall unaffected), then goes out once it answers', async () => {
    rx.answer = 'hang';
    const platform = await s.deviceToken('platform', 'gov');
    const t0 = performance.now();
    const r = await s.api('POST', '/api/bookings', { token: platform, body: citizen(31) });
    expect(r.status).toBe(201);
    expect(performance.now() - t0).toBeLessThan(250);
    const list = async () => (await s.api('GET', '/api/sms?date=2026-11-23', { token: s.adminToken })).body as Sms[];
    await expect.poll(async () => (await list())[0]?.attempts ?? 0, { timeout: 5000 }).toBeGreaterThanOrEqual(1);
    expect((await list())[0]).toMatchObject({ status: 'pending', provider: 'http' });
    expect((await list())[0].lastError).toMatch(/abort|timeout/i);
    rx.answer = 'ok';
    await s.setClock('2026-11-23T09:05:00+08:00'); // past the backoff (the queue runs on the hall's clock)
    await expect.poll(async () => (await list())[0].status, { timeout: 5000 }).toBe('sent');
    const got = rx.requests.filter((q) => q.answered === 'ok').map((q) => JSON.parse(q.body) as { phone: string; text: string; kind: string });
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ phone: citizen(31).phone, kind: 'confirmed' });
    expect(got[0].text).toContain(r.body.booking.code);
    expect(rx.requests[0].headers.authorization).toBe('Bearer gw-token');
  });

  it('the gateway must be https unless it is the loopback', async () => {
    const r = await s.api('PUT', '/api/config/sms', { token: s.adminToken, body: { provider: 'http', http: { url: 'http://sms.example.gov.cn/send' } } });
    expectError(r, 400, 'invalid-config');
    expect(r.body.error.message).toMatch(/https/);
  });
});

describe('logs while the platform and the SMS gateway fail', () => {
  it('name no phone, no ID number and no name, even with personalData "full"', async () => {
    const { startWith, bufferLogger } = await import('./support.js');
    const rx = await startReceiver();
    rx.answer = 503;
    const buf = bufferLogger('debug');
    const running = await startWith({}, {
      logger: buf.logger,
      config: {
        platform: { webhookUrl: rx.url, secret: 'platform-test-secret-0123456789', personalData: 'full' },
        sms: { provider: 'http', http: { url: rx.url } },
      },
      platform: { baseMs: 10, capMs: 20, idleMs: 10 },
      sms: FAST,
    });
    try {
      const platform = (await running.auth.createDevice({ kind: 'system', id: 'system', role: 'system' }, { kind: 'platform', name: 'gov-log' })).token;
      const r = await fetch(`${running.url}/api/bookings`, {
        method: 'POST', headers: { authorization: `Bearer ${platform}`, 'content-type': 'application/json' }, body: JSON.stringify(citizen(61)),
      });
      expect(r.status).toBe(201);
      await rx.until(() => rx.requests.filter((q) => q.answered === 503).length >= 4);
      const text = buf.text();
      expect(text).toMatch(/platform delivery failed/);
      expect(text).toMatch(/sms not sent/);
      for (const secret of [citizen(61).phone, idNumberOf(61), citizen(61).name, 'platform-test-secret']) expect(text).not.toContain(secret);
    } finally {
      await running.close();
      await rx.close();
    }
  });
});

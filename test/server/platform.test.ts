/**
 * The platform push and pull (issue 17) against a local receiver: signed batches in seq order, no gap
 * and no reordering across an outage (503s, dropped connections), the hall's commands unaffected by
 * it, the pull API paging the same stream, masked data staying masked, resend and status.
 */
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { citizen, expectError, idNumberOf } from './support.js';

const SECRET = 'platform-test-secret-0123456789';
const FAST = { baseMs: 20, capMs: 200, idleMs: 20, batchSize: 7 };

interface Ev { seq: number; type: string; at: string; data: Record<string, any> }
const eventsOf = (bodies: { body: string }[]): Ev[] => bodies.flatMap((b) => (JSON.parse(b.body) as { events: Ev[] }).events);
/** first receipt of each seq, in arrival order */
const firstReceipts = (evs: Ev[]) => {
  const seen = new Set<number>();
  return evs.filter((e) => (seen.has(e.seq) ? false : (seen.add(e.seq), true)));
};

describe('platform push', () => {
  let rx: Receiver;
  let s: TestServer;
  let kiosk: string, platformToken: string;
  beforeAll(async () => {
    rx = await startReceiver();
    s = await startTestServer({ config: { platform: { webhookUrl: rx.url, secret: SECRET } }, platform: FAST });
    kiosk = await s.deviceToken('kiosk', 'kiosk-p');
    platformToken = await s.deviceToken('platform', 'gov');
  });
  afterAll(async () => { await s.close(); await rx.close(); });
  afterEach(() => { rx.answer = 'ok'; });

  const issue = async (serviceId = 's-a01') => {
    const r = await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.ticket as { id: string; number: string };
  };
  const lastSeq = async () => (await s.api('GET', '/api/platform/status', { token: s.adminToken })).body.lastDeliveredSeq as number;

  it('every batch is signed with HMAC-SHA256 of its raw body; a booking reaches the platform masked, with its code and 事项编码', async () => {
    const t = await issue();
    const b = await s.api('POST', '/api/bookings', { token: platformToken, body: citizen(7) });
    expect(b.status).toBe(201);
    expect(b.body.booking.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    await rx.until((ok) => eventsOf(ok).some((e) => e.type === 'booking.created' && e.data.bookingId === b.body.booking.id));
    for (const q of rx.requests) {
      const expected = `sha256=${createHmac('sha256', SECRET).update(q.body).digest('hex')}`;
      expect(q.headers['x-hallq-signature']).toBe(expected);
      expect(q.headers['content-type']).toMatch(/application\/json/);
    }
    const evs = eventsOf(rx.requests);
    expect(JSON.parse(rx.requests[0].body).hall).toBeTruthy();
    expect(evs.find((e) => e.type === 'ticket.issued' && e.data.ticketId === t.id)?.data).toMatchObject({ number: t.number, serviceId: 's-a01' });
    const created = evs.find((e) => e.type === 'booking.created')!;
    expect(created.data).toMatchObject({ code: b.body.booking.code, serviceId: 's-a02', date: '2026-11-24', slot: '09:30', channel: 'online' });
    expect(created.data.serviceCode).toBeTruthy();
    expect(created.data.person.idNumber).not.toBe(idNumberOf(7));
    expect(created.data.person.idNumber).toMatch(/\*/);
    expect(created.at).toMatch(/\+08:00$/);
    // masked stays masked: nowhere in any body is the ID number or the phone in clear
    for (const q of rx.requests) {
      expect(q.body).not.toContain(idNumberOf(7));
      expect(q.body).not.toContain(citizen(7).phone);
    }
  });

  it('an outage (503, then dropped connections) delays delivery without a gap or reordering, and hall commands keep their latency', async () => {
    const before = await lastSeq();
    rx.answer = 503;
    const latencies: number[] = [];
    const issued: string[] = [];
    for (let i = 0; i < 20; i++) {
      if (i === 10) rx.answer = 'drop';
      const t0 = performance.now();
      issued.push((await issue(i % 2 ? 's-a01' : 's-b01')).id);
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(rx.requests.some((q) => q.answered === 503)).toBe(true);
    expect(rx.requests.some((q) => q.answered === 'drop')).toBe(true);
    const status = (await s.api('GET', '/api/platform/status', { token: s.adminToken })).body;
    expect(status.pending).toBeGreaterThan(0);
    expect(status.lastError).toMatch(/HTTP 503|fetch failed|socket|other side closed/i);
    expect(status.lastAttemptAt).toMatch(/\+08:00$/);
    rx.answer = 'ok';
    await rx.until((ok) => issued.every((id) => eventsOf(ok).some((e) => e.type === 'ticket.issued' && e.data.ticketId === id)));
    // generous bound: a command never waits for the platform (the receiver took nothing for a while)
    expect(Math.max(...latencies)).toBeLessThan(250);
    const okEvents = eventsOf(rx.requests.filter((q) => q.answered === 'ok'));
    const seqs = firstReceipts(okEvents).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i)); // contiguous and in order from the very first
    expect(seqs[0]).toBe(1);
    expect(Math.max(...seqs)).toBeGreaterThan(before);
    await expect.poll(async () => (await s.api('GET', '/api/platform/status', { token: s.adminToken })).body.pending).toBe(0);
  });

  it('the pull API pages the same stream, for the platform token and admins; others are refused', async () => {
    const pushed = firstReceipts(eventsOf(rx.requests.filter((q) => q.answered === 'ok')));
    const pulled: Ev[] = [];
    let after = 0;
    for (;;) {
      const r = await s.api('GET', `/api/events?after=${after}&limit=5`, { token: platformToken });
      expect(r.status).toBe(200);
      if (!r.body.events.length) { expect(r.body.next).toBe(after); break; }
      pulled.push(...r.body.events);
      after = r.body.next;
    }
    expect(pulled.slice(0, pushed.length)).toEqual(pushed);
    expect((await s.api('GET', '/api/events?after=0&limit=1', { token: s.adminToken })).status).toBe(200);
    expectError(await s.api('GET', '/api/events', { token: kiosk }), 403, 'forbidden');
    expectError(await s.api('GET', '/api/platform/status', { token: platformToken }), 403, 'forbidden');
    expectError(await s.api('GET', '/api/events?limit=5000', { token: platformToken }), 400, 'bad-request');
  });

  it('resend from a seq pushes the stream again from there (the receiver dedupes by seq)', async () => {
    const n = rx.requests.length;
    const r = await s.api('POST', '/api/platform/resend', { token: s.adminToken, body: { fromSeq: 2 } });
    expect(r.status).toBe(200);
    await rx.until(() => rx.requests.slice(n).some((q) => q.answered === 'ok' && eventsOf([q])[0]?.seq === 2));
    expectError(await s.api('POST', '/api/platform/resend', { token: platformToken, body: { fromSeq: 1 } }), 403, 'forbidden');
    expectError(await s.api('POST', '/api/platform/resend', { token: s.adminToken, body: { fromSeq: 0 } }), 400, 'bad-request');
  });

  it('personalData "full" is refused with a plain-http URL off the loopback, in Chinese', async () => {
    const r = await s.api('PUT', '/api/config/platform', {
      token: s.adminToken, body: { webhookUrl: 'http://platform.example.gov.cn/hook', secret: SECRET, personalData: 'full' },
    });
    expectError(r, 400, 'invalid-config');
    expect(r.body.error.message).toMatch(/https/);
    expect(r.body.error.message).toMatch(/必须/);
    const ok = await s.api('PUT', '/api/config/platform', {
      token: s.adminToken, body: { webhookUrl: 'https://platform.example.gov.cn/hook', secret: SECRET, personalData: 'full' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    // back to the receiver, full: the loopback may get personal data over plain http
    expect((await s.api('PUT', '/api/config/platform', { token: s.adminToken, body: { webhookUrl: rx.url, secret: SECRET, personalData: 'full' } })).status).toBe(200);
    const b = await s.api('POST', '/api/bookings', { token: platformToken, body: citizen(8) });
    await rx.until((ok2) => eventsOf(ok2).some((e) => e.type === 'booking.created' && e.data.bookingId === b.body.booking.id));
    const created = eventsOf(rx.requests).find((e) => e.type === 'booking.created' && e.data.bookingId === b.body.booking.id)!;
    expect(created.data.person).toEqual({ name: citizen(8).name, idNumber: idNumberOf(8), phone: citizen(8).phone });
    expect((await s.api('PUT', '/api/config/platform', { token: s.adminToken, body: { webhookUrl: rx.url, secret: SECRET } })).status).toBe(200);
  });
});

describe('GET /api/openapi.json', () => {
  it('serves the document without a token', async () => {
    const s = await startTestServer({ demo: false });
    try {
      const r = await s.api('GET', '/api/openapi.json');
      expect(r.status).toBe(200);
      expect(r.body.openapi).toBe('3.1.0');
      expect(r.body.paths['/api/events'].get).toBeTruthy();
      const page = await fetch(`${s.url}/api/reference`);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const html = await page.text();
      expect(html).toContain('/api/platform/resend');
      expect(html).not.toMatch(/<script/i);
    } finally {
      await s.close();
    }
  });
});

/** POST /api/checkins over HTTP: by QR and ID number, every refusal code, idempotency, the miss rate limit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { citizen, expectError, idNumberOf } from './support.js';

describe('check-in', () => {
  let s: TestServer;
  let kiosk: string, platform: string;
  const qr: Record<string, string> = {};
  beforeAll(async () => {
    s = await startTestServer(); // Monday 09:00
    kiosk = await s.deviceToken('kiosk', 'kiosk-c');
    platform = await s.deviceToken('platform', 'gov');
    const book = async (key: string, n: number, over: Record<string, unknown>) => {
      const r = await s.api('POST', '/api/bookings', { token: platform, body: citizen(n, over) });
      if (r.status !== 201) throw new Error(`booking ${key}: ${JSON.stringify(r.body)}`);
      qr[key] = r.body.qr;
    };
    await book('on-time', 1, { date: '2026-11-23', slot: '13:30' });
    await book('tomorrow', 2, { date: '2026-11-24', slot: '09:30' });
    await book('cancelled', 3, { date: '2026-11-23', slot: '14:30' });
    await book('late', 4, { date: '2026-11-23', slot: '13:30' });
    await book('by-id', 5, { date: '2026-11-23', slot: '14:30' });
    const id = qr.cancelled.split('.')[1];
    expect((await s.api('POST', `/api/bookings/${id}/cancel`, { token: platform, body: { by: 'citizen' } })).status).toBe(200);
  });
  afterAll(() => s.close());

  it('before 60 minutes ahead → 422 booking-too-early with checkinOpensAt', async () => {
    const r = await s.api('POST', '/api/checkins', { token: kiosk, body: { qr: qr['on-time'] } });
    expectError(r, 422, 'booking-too-early');
    expect(r.body.error.details.checkinOpensAt).toBe('2026-11-23T12:30:00+08:00');
  });

  it('a booking of another day → 422 booking-not-today, by QR and by ID number', async () => {
    expectError(await s.api('POST', '/api/checkins', { token: kiosk, body: { qr: qr.tomorrow } }), 422, 'booking-not-today');
    expectError(await s.api('POST', '/api/checkins', { token: kiosk, body: { idNumber: idNumberOf(2) } }), 422, 'booking-not-today');
  });

  // issue 13 item 11: the kiosk is told only "not today" (a probe learnt the person's other date and slot); staff still see them
  it('booking-not-today carries no date or slot to a kiosk; staff at the console get the next booking\'s date and slot', async () => {
    const atKiosk = await s.api('POST', '/api/checkins', { token: kiosk, body: { idNumber: idNumberOf(2) } });
    expectError(atKiosk, 422, 'booking-not-today');
    expect(atKiosk.body.error.details).toBeUndefined();
    expect(JSON.stringify(atKiosk.body)).not.toMatch(/2026-11-24|09:30/);
    const byQr = await s.api('POST', '/api/checkins', { token: kiosk, body: { qr: qr.tomorrow } });
    expect(byQr.body.error.details).toBeUndefined();
    const atDesk = await s.api('POST', '/api/checkins', { token: await s.login('staff1'), body: { idNumber: idNumberOf(2) } });
    expectError(atDesk, 422, 'booking-not-today');
    expect(atDesk.body.error.details).toEqual({ date: '2026-11-24', slot: '09:30' });
  });

  it('by QR in time → 201 {ticket (reservation), booking checked-in}; again → 200 same ticket with alreadyCheckedIn', async () => {
    await s.setClock('2026-11-23T12:45:00+08:00');
    const r = await s.api('POST', '/api/checkins', { token: kiosk, body: { qr: qr['on-time'] } });
    expect(r.status).toBe(201);
    expect(r.body.ticket).toMatchObject({ kind: 'reservation', status: 'waiting', queueId: 'qA' });
    expect(r.body.booking).toMatchObject({ status: 'checked-in', ticketId: r.body.ticket.id, slot: '13:30' });
    const again = await s.api('POST', '/api/checkins', { token: kiosk, body: { qr: qr['on-time'] } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ alreadyCheckedIn: true, ticket: { id: r.body.ticket.id } });
  });

  it('by ID number with a requestId: 201, and the same requestId again → 200 with the first result', async () => {
    await s.setClock('2026-11-23T13:45:00+08:00');
    const first = await s.api('POST', '/api/checkins', { token: kiosk, body: { idNumber: idNumberOf(5), requestId: 'tap-5' } });
    expect(first.status).toBe(201);
    const again = await s.api('POST', '/api/checkins', { token: kiosk, body: { idNumber: idNumberOf(5), requestId: 'tap-5' } });
    expect(again.status).toBe(200);
    expect(again.body.ticket).toEqual(first.body.ticket);
  });

  it('a cancelled booking → 422 booking-cancelled; past slot + 30 min → 422 booking-expired with forfeitedAt', async () => {
    await s.setClock('2026-11-23T14:01:00+08:00');
    expectError(await s.api('POST', '/api/checkins', { token: kiosk, body: { qr: qr.cancelled } }), 422, 'booking-cancelled');
    const r = await s.api('POST', '/api/checkins', { token: kiosk, body: { qr: qr.late } });
    expectError(r, 422, 'booking-expired');
    expect(r.body.error.details.forfeitedAt).toBe('2026-11-23T14:00:00+08:00');
  });

  it('a forged QR → 400 invalid-qr; a bad ID number → 400 invalid-id-number; nobody booked → 404 booking-not-found', async () => {
    const forged = qr['on-time'].slice(0, -3) + 'abc';
    expectError(await s.api('POST', '/api/checkins', { token: kiosk, body: { qr: forged } }), 400, 'invalid-qr');
    expectError(await s.api('POST', '/api/checkins', { token: kiosk, body: { qr: 'HELLO' } }), 400, 'invalid-qr');
    const bad = idNumberOf(9).slice(0, 17) + (idNumberOf(9).endsWith('1') ? '2' : '1');
    expectError(await s.api('POST', '/api/checkins', { token: kiosk, body: { idNumber: bad } }), 400, 'invalid-id-number');
    expectError(await s.api('POST', '/api/checkins', { token: kiosk, body: { idNumber: idNumberOf(700) } }), 404, 'booking-not-found');
  });

  it('a display or the platform → 403; no token → 401; neither qr nor idNumber → 400', async () => {
    const display = await s.deviceToken('display', 'lobby-c');
    for (const token of [display, platform])
      expectError(await s.api('POST', '/api/checkins', { token, body: { qr: qr.late } }), 403, 'forbidden');
    expectError(await s.api('POST', '/api/checkins', { body: { qr: qr.late } }), 401, 'unauthorized');
    expectError(await s.api('POST', '/api/checkins', { token: kiosk, body: { requestId: 'x' } }), 400, 'bad-request');
  });
});

describe('check-in rate limit on ID-number misses (an ID number must not be guessable by trying)', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer({ now: '2026-11-23T09:00:00+08:00' }); });
  afterAll(() => s.close());

  // issue 13 item 11 changed this test: a kiosk's misses fill a small token bucket (10, then one per
  // 6 s) instead of blocking ID check-in at that kiosk for 60 s for everyone; booking-not-today now
  // counts as a miss. Kept: the 11th try is refused even for a real booking, QR and other kiosks are
  // never limited, a minute later is fine.
  it('10 misses from one kiosk → 429 rate-limited for a few seconds only, even for a real booking; QR and other kiosks are fine', async () => {
    const platform = await s.deviceToken('platform', 'gov');
    const booked = await s.api('POST', '/api/bookings', { token: platform, body: citizen(42, { date: '2026-11-23', slot: '13:30' }) });
    expect(booked.status).toBe(201);
    await s.setClock('2026-11-23T13:00:00+08:00');
    const guesser = await s.deviceToken('kiosk', 'kiosk-guess');
    for (let i = 0; i < 10; i++) {
      const r = await s.api('POST', '/api/checkins', { token: guesser, body: { idNumber: idNumberOf(100 + i) } });
      expectError(r, 404, 'booking-not-found');
    }
    const limited = await s.api('POST', '/api/checkins', { token: guesser, body: { idNumber: idNumberOf(42) } });
    expectError(limited, 429, 'rate-limited');
    expect(limited.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(6);
    // a QR code is unforgeable, so scanning one is never limited
    expect((await s.api('POST', '/api/checkins', { token: guesser, body: { qr: booked.body.qr } })).status).toBe(201);
    const other = await s.deviceToken('kiosk', 'kiosk-other');
    expect((await s.api('POST', '/api/checkins', { token: other, body: { idNumber: idNumberOf(42) } })).status).toBe(200);
    // the next citizen at the guesser's kiosk waits seconds, not a minute: a correct ID number checks in
    await s.setClock('2026-11-23T13:00:06+08:00');
    expect((await s.api('POST', '/api/checkins', { token: guesser, body: { idNumber: idNumberOf(42) } })).status).toBe(200);
    await s.setClock('2026-11-23T13:01:01+08:00');
    expect((await s.api('POST', '/api/checkins', { token: guesser, body: { idNumber: idNumberOf(42) } })).status).toBe(200);
  });

  it('steady probing is slowed to one miss per 6 s: each refill buys exactly one try, and a "not today" counts', async () => {
    await s.setClock('2026-11-23T14:00:00+08:00');
    const platform = await s.deviceToken('platform', 'gov');
    expect((await s.api('POST', '/api/bookings', { token: platform, body: citizen(43, { date: '2026-11-25', slot: '09:30' }) })).status).toBe(201);
    const prober = await s.deviceToken('kiosk', 'kiosk-prober');
    for (let i = 0; i < 9; i++) expectError(await s.api('POST', '/api/checkins', { token: prober, body: { idNumber: idNumberOf(200 + i) } }), 404, 'booking-not-found');
    expectError(await s.api('POST', '/api/checkins', { token: prober, body: { idNumber: idNumberOf(43) } }), 422, 'booking-not-today');
    expectError(await s.api('POST', '/api/checkins', { token: prober, body: { idNumber: idNumberOf(300) } }), 429, 'rate-limited');
    await s.setClock('2026-11-23T14:00:06+08:00');
    expectError(await s.api('POST', '/api/checkins', { token: prober, body: { idNumber: idNumberOf(301) } }), 404, 'booking-not-found');
    expectError(await s.api('POST', '/api/checkins', { token: prober, body: { idNumber: idNumberOf(302) } }), 429, 'rate-limited');
  });
});

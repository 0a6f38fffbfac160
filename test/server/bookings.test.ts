/** Slots, bookings by channel and role, every booking refusal, masking, cancel, credit, pardon, forfeit by the clock. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { citizen, expectError, idNumberOf } from './support.js';

describe('bookings over HTTP (Monday 09:00)', () => {
  let s: TestServer;
  let platform: string, staff: string, lead: string, kiosk: string;
  beforeAll(async () => {
    s = await startTestServer();
    platform = await s.deviceToken('platform', 'gov');
    kiosk = await s.deviceToken('kiosk', 'kiosk-b');
    staff = await s.login('staff1');
    lead = await s.login('lead1');
  });
  afterAll(() => s.close());
  const post = (token: string, body: unknown) => s.api('POST', '/api/bookings', { token, body });

  it('GET /api/slots lists hourly slots with capacity and availability; missing date → 400; unknown service → 404', async () => {
    const r = await s.api('GET', '/api/slots?serviceId=s-a03&date=2026-11-24', { token: kiosk });
    expect(r.status).toBe(200);
    expect(r.body.map((x: any) => x.slot)).toEqual(['08:30', '09:30', '10:30', '11:30', '13:30', '14:30', '15:30']);
    expect(r.body[0]).toMatchObject({ capacity: 4, booked: 0, available: 4 });
    // an extended (延时) service is bookable in the lunch session too
    const ext = await s.api('GET', '/api/slots?serviceId=s-a02&date=2026-11-24', { token: kiosk });
    expect(ext.body.map((x: any) => x.slot)).toContain('12:00');
    expectError(await s.api('GET', '/api/slots?serviceId=s-a02', { token: kiosk }), 400, 'bad-request');
    expectError(await s.api('GET', '/api/slots?serviceId=nope&date=2026-11-24', { token: kiosk }), 404, 'service-not-found');
  });

  it('the platform books online → 201 {booking (masked), qr}; the same requestId again → 200 with the first booking', async () => {
    const body = { ...citizen(1), requestId: 'gov-1' };
    const r = await post(platform, body);
    expect(r.status).toBe(201);
    expect(r.body.qr).toMatch(/^HQ1\.[\w-]+\.[\w-]+$/);
    expect(r.body.booking).toMatchObject({ status: 'booked', channel: 'online', serviceId: 's-a02', date: '2026-11-24', slot: '09:30' });
    expect(r.body.booking.idNumber).toBe(body.idNumber.slice(0, 4) + '**********' + body.idNumber.slice(-4));
    expect(r.body.booking.name).toBe('诸***');
    expect(r.body.booking.phone).toMatch(/^139\*{4}\d{4}$/);
    const again = await post(platform, body);
    expect(again.status).toBe(200);
    expect(again.body.booking.id).toBe(r.body.booking.id);
    const slots = await s.api('GET', '/api/slots?serviceId=s-a02&date=2026-11-24', { token: kiosk });
    expect(slots.body.find((x: any) => x.slot === '09:30')).toMatchObject({ booked: 1, available: 3 });
  });

  it('staff register phone and on-site bookings; staff online → 403, platform phone → 403, a kiosk → 403', async () => {
    expect((await post(staff, citizen(2, { channel: 'phone' }))).status).toBe(201);
    expect((await post(lead, citizen(3, { channel: 'onsite', slot: '10:30' }))).status).toBe(201);
    expectError(await post(staff, citizen(4)), 403, 'forbidden');
    expectError(await post(platform, citizen(4, { channel: 'phone' })), 403, 'forbidden');
    expectError(await post(kiosk, citizen(4, { channel: 'onsite' })), 403, 'forbidden');
    expect((await post(s.adminToken, citizen(5, { slot: '14:30' }))).status).toBe(201);
  });

  it('real-name checks → 400 invalid-id-number / invalid-phone; unknown service → 404', async () => {
    expectError(await post(platform, citizen(6, { idNumber: '110101199001011234' })), 400, 'invalid-id-number');
    expectError(await post(platform, citizen(6, { phone: '12345' })), 400, 'invalid-phone');
    expectError(await post(platform, citizen(6, { serviceId: 'nope' })), 404, 'service-not-found');
  });

  it('rule refusals → 422 with their codes: slot-unavailable, slot-full, duplicate-slot, daily-booking-limit, too-late-to-book, beyond-horizon', async () => {
    expectError(await post(platform, citizen(7, { slot: '12:30' })), 422, 'slot-unavailable');
    for (let n = 20; n < 24; n++) expect((await post(platform, citizen(n, { slot: '15:30' }))).status).toBe(201);
    expectError(await post(platform, citizen(24, { slot: '15:30' })), 422, 'slot-full');
    expect((await post(platform, citizen(8, { slot: '08:30' }))).status).toBe(201);
    expectError(await post(platform, citizen(8, { slot: '08:30', serviceId: 's-b01' })), 422, 'duplicate-slot');
    expect((await post(platform, citizen(8, { slot: '10:30' }))).status).toBe(201);
    expectError(await post(platform, citizen(8, { slot: '11:30' })), 422, 'daily-booking-limit');
    const late = await post(platform, citizen(9, { date: '2026-11-23', slot: '10:30' }));
    expectError(late, 422, 'too-late-to-book');
    expect(late.body.error.details.deadline).toBe('2026-11-23T07:30:00+08:00');
    expectError(await post(platform, citizen(9, { date: '2026-12-21' })), 422, 'beyond-horizon');
  });

  it('GET /api/bookings?date= for staff masks personal data; GET /api/bookings/:id; kiosk → 403; unknown → 404', async () => {
    const list = await s.api('GET', '/api/bookings?date=2026-11-24', { token: staff });
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThanOrEqual(8);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(idNumberOf(1));
    expect(text).not.toContain(citizen(1).phone);
    expect(text).not.toContain(citizen(1).name);
    const one = await s.api('GET', `/api/bookings/${list.body[0].id}`, { token: lead });
    expect(one.body).toEqual(list.body[0]);
    expectError(await s.api('GET', '/api/bookings?date=2026-11-24', { token: kiosk }), 403, 'forbidden');
    expectError(await s.api('GET', '/api/bookings/b-none', { token: staff }), 404, 'booking-not-found');
  });

  it('cancel: the platform for a citizen → 200 cancelled; again → 409 booking-not-cancellable; platform as hall → 403; unknown → 404', async () => {
    const b = (await post(platform, citizen(30, { slot: '13:30' }))).body.booking;
    expectError(await s.api('POST', `/api/bookings/${b.id}/cancel`, { token: platform, body: { by: 'hall' } }), 403, 'forbidden');
    const r = await s.api('POST', `/api/bookings/${b.id}/cancel`, { token: platform, body: { by: 'citizen' } });
    expect(r.status).toBe(200);
    expect(r.body.booking.status).toBe('cancelled');
    expectError(await s.api('POST', `/api/bookings/${b.id}/cancel`, { token: staff, body: { by: 'hall' } }), 409, 'booking-not-cancellable');
    expectError(await s.api('POST', '/api/bookings/b-none/cancel', { token: staff, body: { by: 'hall' } }), 404, 'booking-not-found');
    expectError(await s.api('POST', `/api/bookings/${b.id}/cancel`, { token: staff, body: { by: 'someone' } }), 400, 'bad-request');
  });

  it('a citizen cancelling within 3 hours → 422 too-late-to-cancel; the hall may, recorded', async () => {
    const b = (await post(platform, citizen(31, { date: '2026-11-23', slot: '13:30' }))).body.booking;
    await s.setClock('2026-11-23T11:00:00+08:00');
    expectError(await s.api('POST', `/api/bookings/${b.id}/cancel`, { token: platform, body: { by: 'citizen' } }), 422, 'too-late-to-cancel');
    const r = await s.api('POST', `/api/bookings/${b.id}/cancel`, { token: staff, body: { by: 'hall', reason: '群众来电' } });
    expect(r.body.booking.status).toBe('cancelled');
  });
});

describe('forfeit by the clock, credit and pardon', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer(); });
  afterAll(() => s.close());

  it('3 bookings not checked in are forfeited when PUT /api/_clock passes slot + 30 min → booking-barred until the 1st; a pardon lifts it', async () => {
    const platform = await s.deviceToken('platform', 'gov');
    let staff = await s.login('staff2');
    const ids: string[] = [];
    for (const [date, slot] of [['2026-11-24', '09:30'], ['2026-11-24', '10:30'], ['2026-11-25', '09:30']])
      ids.push((await s.api('POST', '/api/bookings', { token: platform, body: citizen(7, { date, slot }) })).body.booking.id);
    const credit = () => s.api('GET', `/api/citizens/${idNumberOf(7)}/credit`, { token: staff });
    expect((await credit()).body).toEqual({ noShowsThisMonth: 0, barredUntil: null });

    await s.setClock('2026-11-24T10:00:00+08:00'); // 09:30 + 30 min: the first one goes
    staff = await s.login('staff2'); // a day later: yesterday's user tokens have expired
    expect((await s.api('GET', `/api/bookings/${ids[0]}`, { token: staff })).body.status).toBe('forfeited');
    expect((await s.api('GET', `/api/bookings/${ids[1]}`, { token: staff })).body.status).toBe('booked');
    await s.setClock('2026-11-25T10:00:00+08:00');
    staff = await s.login('staff2');
    for (const id of ids) expect((await s.api('GET', `/api/bookings/${id}`, { token: staff })).body.status).toBe('forfeited');
    expect((await credit()).body).toEqual({ noShowsThisMonth: 3, barredUntil: '2026-12-01' });

    const barred = await s.api('POST', '/api/bookings', { token: platform, body: citizen(7, { date: '2026-11-27', slot: '09:30' }) });
    expectError(barred, 422, 'booking-barred');
    expect(barred.body.error.details.barredUntil).toBe('2026-12-01');

    const path = `/api/citizens/${idNumberOf(7)}/pardon`;
    expectError(await s.api('POST', path, { token: staff, body: { reason: '系统故障' } }), 403, 'forbidden');
    const admin = await s.login('admin');
    expectError(await s.api('POST', path, { token: admin, body: {} }), 400, 'bad-request');
    const p = await s.api('POST', path, { token: admin, body: { reason: '系统故障导致无法签到' } });
    expect(p.status).toBe(200);
    expect(p.body.barredUntil).toBeNull();
    expect((await s.api('POST', '/api/bookings', { token: platform, body: citizen(7, { date: '2026-11-27', slot: '09:30' }) })).status).toBe(201);
  });

  it('credit of an invalid ID number → 400; a kiosk asking → 403', async () => {
    expectError(await s.api('GET', '/api/citizens/12345/credit', { token: await s.login('staff1') }), 400, 'invalid-id-number');
    expectError(await s.api('GET', `/api/citizens/${idNumberOf(7)}/credit`, { token: await s.deviceToken('kiosk', 'k') }), 403, 'forbidden');
  });
});

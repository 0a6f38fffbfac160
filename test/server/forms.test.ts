/**
 * The duty roster and the printable forms over HTTP (issue 19): the roster's refusals, and who sees a
 * citizen's phone in clear on a form (own window's bookings, leads and admins), each reveal audited
 * with booking ids only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { citizen, expectError } from './support.js';

const SAT = '2026-11-28';

describe('roster and forms over HTTP (Monday 09:00; Saturday 2026-11-28 is an extended-service date)', () => {
  let s: TestServer;
  let staff1: string, staff4: string, lead: string;
  let a02: { id: string; phone: string }, b01: { id: string };
  beforeAll(async () => {
    s = await startTestServer();
    staff1 = await s.login('staff1');
    staff4 = await s.login('staff4');
    lead = await s.login('lead1');
    // s-a02 (证照打印, queue A: windows 1, 2, 3, 5, 7, 11, 12) by phone; s-b03 (queue B: windows 4, 5, 12) online
    const slots = await s.api('GET', `/api/slots?serviceId=s-a02&date=${SAT}`, { token: staff1 });
    expect(slots.status).toBe(200);
    const r1 = await s.api('POST', '/api/bookings', { token: staff1, body: citizen(1, { channel: 'phone', date: SAT, slot: slots.body[0].slot }) });
    expect(r1.status).toBe(201);
    a02 = { id: r1.body.booking.id, phone: citizen(1).phone };
    const b = await s.api('GET', `/api/slots?serviceId=s-b03&date=${SAT}`, { token: staff1 });
    const r2 = await s.api('POST', '/api/bookings', { token: staff4, body: citizen(2, { channel: 'phone', serviceId: 's-b03', date: SAT, slot: b.body[0].slot }) });
    expect(r2.status).toBe(201);
    b01 = { id: r2.body.booking.id };
  });
  afterAll(() => s.close());

  it('an admin gives staff a work phone (mobile or landline); a malformed one → 400; the log says only that it was set', async () => {
    const list = await s.api('GET', '/api/users', { token: s.adminToken });
    const u1 = list.body.find((u: any) => u.username === 'staff1');
    expect(u1.phone).toBeNull();
    const ok = await s.api('PUT', `/api/users/${u1.id}`, { token: s.adminToken, body: { phone: '13800001111' } });
    expect(ok.status).toBe(200);
    expect(ok.body.user.phone).toBe('13800001111');
    const lead1 = list.body.find((u: any) => u.username === 'lead1');
    expect((await s.api('PUT', `/api/users/${lead1.id}`, { token: s.adminToken, body: { phone: '0533-2345678' } })).body.user.phone).toBe('0533-2345678');
    expectError(await s.api('PUT', `/api/users/${u1.id}`, { token: s.adminToken, body: { phone: '12345' } }), 400, 'bad-request');
    const created = await s.api('POST', '/api/users', { token: s.adminToken, body: { username: 'night1', name: '夜班', role: 'staff', password: 'night-pass-1', phone: '13900002222' } });
    expect(created.status).toBe(201);
    expect(created.body.user.phone).toBe('13900002222');
    expectError(await s.api('POST', '/api/users', { token: s.adminToken, body: { username: 'night2', name: '夜班', role: 'staff', password: 'night-pass-1', phone: 'abc' } }), 400, 'bad-request');
    const audit = await s.api('GET', '/api/audit?type=user.updated&limit=5', { token: s.adminToken });
    expect(JSON.stringify(audit.body)).not.toContain('13800001111');
    expect(audit.body.some((e: any) => e.data.phone === 'set')).toBe(true);
    // cleared with null
    const off = await s.api('PUT', `/api/users/${created.body.user.id}`, { token: s.adminToken, body: { phone: null } });
    expect(off.body.user.phone).toBeNull();
  });

  it('GET /api/roster?date= lists the day\'s sessions, bookings (masked) and staff; a kiosk → 403; a bad date → 400', async () => {
    const r = await s.api('GET', `/api/roster?date=${SAT}`, { token: staff4 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ date: SAT, extended: true, sessions: ['09:00-12:00', '13:00-17:00'], entries: [] });
    expect(r.body.bookings.map((b: any) => b.id)).toEqual(expect.arrayContaining([a02.id, b01.id]));
    expect(JSON.stringify(r.body.bookings)).not.toContain(citizen(1).name);
    expect(r.body.staff.find((u: any) => u.id === 'u-staff1')).toMatchObject({ name: '王丽', phone: '13800001111' });
    expect((await s.api('GET', '/api/roster?date=2026-11-23', { token: staff1 })).body.extended).toBe(false);
    const kiosk = await s.deviceToken('kiosk', 'kiosk-f');
    expectError(await s.api('GET', `/api/roster?date=${SAT}`, { token: kiosk }), 403, 'forbidden');
    expectError(await s.api('GET', '/api/roster?date=2026-13-01', { token: staff1 }), 400, 'bad-request');
  });

  it('POST /api/roster: staff → 403; refusals with their codes; a lead assigns; DELETE takes an entry off; both audited', async () => {
    const post = (token: string, body: unknown) => s.api('POST', '/api/roster', { token, body });
    expectError(await post(staff1, { date: SAT, role: 'window', userId: 'u-staff1' }), 403, 'forbidden');
    expectError(await post(lead, { date: '2026-11-23', role: 'window', userId: 'u-staff1' }), 422, 'roster-date-not-extended');
    expectError(await post(lead, { date: SAT, role: 'window', userId: 'u-nobody' }), 404, 'user-not-found');
    expectError(await post(lead, { date: SAT, role: 'window', userId: 'u-staff1', session: '08:30-12:00' }), 422, 'roster-session-unknown');
    expectError(await post(lead, { date: SAT, role: 'window', userId: 'u-staff1', bookingId: 'nope' }), 404, 'booking-not-found');
    const monday = await s.api('POST', '/api/bookings', { token: staff1, body: citizen(3, { channel: 'phone', date: '2026-11-24', slot: '09:30' }) });
    expectError(await post(lead, { date: SAT, role: 'window', userId: 'u-staff1', bookingId: monday.body.booking.id }), 422, 'roster-booking-not-on-date');
    expectError(await post(lead, { date: SAT, role: 'cook', userId: 'u-staff1' }), 400, 'bad-request');
    const users = await s.api('GET', '/api/users', { token: s.adminToken });
    const off = users.body.find((u: any) => u.username === 'staff48');
    await s.api('PUT', `/api/users/${off.id}`, { token: s.adminToken, body: { active: false } });
    expectError(await post(lead, { date: SAT, role: 'window', userId: off.id }), 422, 'roster-user-not-staff');

    const ok = await post(lead, { date: SAT, role: 'window', userId: 'u-staff1', session: '09:00-12:00', bookingId: a02.id, note: '证照打印机' });
    expect(ok.status).toBe(201);
    expect(ok.body.entry).toMatchObject({ role: 'window', session: '09:00-12:00', staffName: '王丽', phone: '13800001111', note: '证照打印机' });
    expect(ok.body.entry.booking).toMatchObject({ id: a02.id, serviceName: '证照打印' });
    expect(ok.body.entry.booking.name).not.toBe(citizen(1).name);
    expectError(await post(lead, { date: SAT, role: 'window', userId: 'u-staff1', session: '09:00-12:00', bookingId: a02.id }), 409, 'roster-duplicate');
    expect((await post(lead, { date: SAT, role: 'back-office', userId: 'u-staff4' })).status).toBe(201);
    expect((await post(s.adminToken, { date: SAT, role: 'lead', userId: 'u-lead1' })).status).toBe(201);
    expectError(await post(lead, { date: SAT, role: 'lead', userId: 'u-staff4' }), 409, 'roster-lead-taken');
    // a lead may also be put at a window for a session
    expect((await post(lead, { date: SAT, role: 'window', userId: 'u-lead1', session: '09:00-12:00' })).status).toBe(201);
    const extra = (await s.api('GET', `/api/roster?date=${SAT}`, { token: lead })).body.entries.find((e: any) => e.userId === 'u-lead1' && e.role === 'window');
    expect(extra).toBeDefined();
    expectError(await s.api('DELETE', `/api/roster/${extra.id}`, { token: staff1 }), 403, 'forbidden');
    expect((await s.api('DELETE', `/api/roster/${extra.id}`, { token: lead })).status).toBe(200);
    expectError(await s.api('DELETE', `/api/roster/${extra.id}`, { token: lead }), 404, 'roster-entry-not-found');

    const day = await s.api('GET', `/api/roster?date=${SAT}`, { token: staff1 });
    expect(day.body.entries.map((e: any) => [e.role, e.userId])).toEqual([['lead', 'u-lead1'], ['window', 'u-staff1'], ['back-office', 'u-staff4']]);
    const assigned = await s.api('GET', '/api/audit?type=roster.assigned&limit=10', { token: s.adminToken });
    expect(assigned.body.length).toBe(4);
    expect(assigned.body.at(-1).data).toEqual({ date: SAT, role: 'window', userId: 'u-staff1', session: '09:00-12:00', bookingId: a02.id });
    expect((await s.api('GET', '/api/audit?type=roster.removed&limit=10', { token: s.adminToken })).body.length).toBe(1);
  });

  it('the 登记表 of an own window\'s booking shows the phone in full and is audited; another window\'s stays masked, not audited', async () => {
    const before = (await s.api('GET', '/api/audit?type=form.revealed&limit=50', { token: s.adminToken })).body.length;
    const own = await s.api('GET', `/api/forms/registration/${a02.id}`, { token: staff1 });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ hallName: expect.any(String), revealed: true, name: citizen(1).name, phone: a02.phone, serviceName: '证照打印', date: SAT });
    expect(own.body.service).toEqual({ done: null, from: null, to: null, notes: null, handlers: [] });
    const other = await s.api('GET', `/api/forms/registration/${a02.id}`, { token: staff4 });
    expect(other.body.revealed).toBe(false);
    expect(other.body.phone).toMatch(/^139\*{4}\d{4}$/);
    expect(other.body.name).not.toBe(citizen(1).name);
    const byLead = await s.api('GET', `/api/forms/registration/${b01.id}`, { token: lead });
    expect(byLead.body).toMatchObject({ revealed: true, phone: citizen(2).phone });
    const log = (await s.api('GET', '/api/audit?type=form.revealed&limit=50', { token: s.adminToken })).body;
    expect(log.length - before).toBe(2);
    expect(log[1]).toMatchObject({ actor: 'user:u-staff1', subject: a02.id, data: { form: 'registration', date: SAT, bookingIds: [a02.id] } });
    expect(log[0]).toMatchObject({ actor: 'user:u-lead1', data: { form: 'registration', bookingIds: [b01.id] } });
    const text = JSON.stringify(log);
    for (const secret of [citizen(1).phone, citizen(2).phone, citizen(1).name, citizen(2).name]) expect(text).not.toContain(secret);
    expectError(await s.api('GET', '/api/forms/registration/nope', { token: staff1 }), 404, 'booking-not-found');
    // a form is never kept by a browser or a proxy
    for (const path of [`/api/forms/registration/${a02.id}`, `/api/forms/handover?date=${SAT}&channel=phone`, `/api/forms/duty?date=${SAT}`, `/api/roster?date=${SAT}`]) {
      const raw = await fetch(s.url + path, { headers: { authorization: `Bearer ${lead}` } });
      expect(raw.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('the phone 交办单 of a date reveals only the reader\'s own windows\' rows, one audit entry naming them', async () => {
    const r = await s.api('GET', `/api/forms/handover?date=${SAT}&channel=phone`, { token: staff4 });
    expect(r.status).toBe(200);
    const rows = r.body.rows;
    expect(rows.map((x: any) => x.seq)).toEqual([1, 2]);
    const mine = rows.find((x: any) => x.bookingId === b01.id);
    const theirs = rows.find((x: any) => x.bookingId === a02.id);
    expect(mine).toMatchObject({ revealed: true, phone: citizen(2).phone, name: citizen(2).name, unit: '4-5号窗口', status: 'booked' });
    expect(theirs).toMatchObject({ revealed: false, unit: '1-3号窗口' });
    expect(theirs.phone).toMatch(/^139\*{4}\d{4}$/);
    const log = (await s.api('GET', '/api/audit?type=form.revealed&limit=1', { token: s.adminToken })).body;
    expect(log[0]).toMatchObject({ actor: 'user:u-staff4', subject: SAT, data: { form: 'handover', date: SAT, bookingIds: [b01.id] } });
    expect((await s.api('GET', `/api/forms/handover?date=${SAT}&channel=online`, { token: staff4 })).body.rows).toEqual([]);
    expectError(await s.api('GET', `/api/forms/handover?date=${SAT}&channel=onsite`, { token: staff4 }), 400, 'bad-request');
    const kiosk = await s.deviceToken('kiosk', 'kiosk-g');
    expectError(await s.api('GET', `/api/forms/handover?date=${SAT}&channel=phone`, { token: kiosk }), 403, 'forbidden');
  });

  it('the 上岗表 of a date lists each booking with its window, back-office and duty lead and their phones', async () => {
    const r = await s.api('GET', `/api/forms/duty?date=${SAT}&department=${encodeURIComponent('管理科')}`, { token: lead });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ date: SAT, department: '管理科', filledOn: '2026-11-23' });
    const first = r.body.rows.find((x: any) => x.bookingId === a02.id);
    expect(first).toMatchObject({
      serviceName: '证照打印', name: citizen(1).name, phone: citizen(1).phone, window: ['王丽'], backOffice: ['刘洋'], lead: ['带班组长'], note: '证照打印机',
    });
    expect(first.staffPhones).toEqual(['王丽 13800001111', '带班组长 0533-2345678']);
    const masked = await s.api('GET', `/api/forms/duty?date=${SAT}`, { token: staff4 });
    expect(masked.body.rows.find((x: any) => x.bookingId === a02.id).phone).toMatch(/^139\*{4}\d{4}$/);
  });
});

describe('the 登记表 follows the booking desk end to end (issue 19: 记录人, 派单 → 签收 through their endpoints)', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer(); });
  afterAll(() => s.close());

  it('registered by staff, dispatched by a lead to window 5, signed there: the form names the recorder, the window, the 交办时间 and the 签收人, and it is window 5\'s own (full phone), no longer window 1\'s', async () => {
    const [staff1, staff5, lead] = [await s.login('staff1'), await s.login('staff5'), await s.login('lead1')];
    const slot = (await s.api('GET', `/api/slots?serviceId=s-a02&date=${SAT}`, { token: staff1 })).body[0].slot;
    const made = await s.api('POST', '/api/bookings', { token: staff1, body: citizen(7, { channel: 'phone', date: SAT, slot, unit: '淄博某某商贸有限公司' }) });
    expect(made.status).toBe(201);
    const id = made.body.booking.id as string;
    const before = await s.api('GET', `/api/forms/registration/${id}`, { token: staff1 });
    expect(before.body).toMatchObject({ revealed: true, unit: '淄博某某商贸有限公司', recordedBy: '王丽', dispatchedAt: null, signedBy: null });

    expect((await s.api('POST', `/api/bookings/${id}/dispatch`, { token: lead, body: { windowId: 'w5' } })).status).toBe(200);
    expect((await s.api('POST', `/api/bookings/${id}/sign`, { token: staff5 })).status).toBe(200);

    const form = await s.api('GET', `/api/forms/registration/${id}`, { token: staff5 });
    expect(form.body).toMatchObject({ revealed: true, phone: citizen(7).phone, window: expect.stringMatching(/^5号窗口/), dispatchedAt: expect.stringMatching(/^2026-11-23 09:00/) });
    expect(form.body.signedBy).toBeTruthy();
    expect(form.body.signedBy).not.toMatch(/^user:/); // a display name, not an actor tag
    // dispatched to window 5: window 1's staff no longer see it as their own
    const theirs = await s.api('GET', `/api/forms/registration/${id}`, { token: staff1 });
    expect(theirs.body.revealed).toBe(false);
    expect(theirs.body.phone).toMatch(/^139\*{4}\d{4}$/);
  });
});

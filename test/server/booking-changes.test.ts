/**
 * Issue 19 over HTTP (docs/contract.md "Booking changes, 办理情况 and 上门办"): a reschedule request and
 * its decision (the 12-hour notice on the old and the new slot, at request and at approval; one
 * pending per booking; a staff member deciding → 403; the SMS on approval), 上门办 visits (registered by
 * staff only, refused at every kiosk check-in path, assigned, listed), 办理情况 from the ticket and by
 * hand, and the report's long services and visits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { citizen, expectError, idNumberOf } from './support.js';
import type { PeriodReport } from '../../protocol/reports.js';

const MON = '2026-11-23';
const TUE = '2026-11-24';
const WED = '2026-11-25';
const FAST = { idleMs: 10, baseMs: 10, capMs: 50, remindEveryMs: 0 };

describe('booking changes, 办理情况 and 上门办 over HTTP (Monday 09:00)', () => {
  let s: TestServer;
  let platform: string, kiosk: string, staff1: string, staff2: string, lead: string;
  const book = async (token: string, n: number, over: Record<string, unknown>) => {
    const r = await s.api('POST', '/api/bookings', { token, body: citizen(n, over) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { booking: { id: string; code: string; date: string; slot: string; address?: string; kind: string }; qr: string };
  };
  const reschedule = (token: string, id: string, date: string, slot: string, reason = '窗口系统升级') =>
    s.api('POST', `/api/bookings/${id}/reschedule`, { token, body: { date, slot, reason } });
  const audit = async (type: string) => (await s.api('GET', `/api/audit?type=${type}&limit=50`, { token: s.adminToken })).body as { subject: string; data: any }[];
  beforeAll(async () => {
    s = await startTestServer({ sms: FAST });
    platform = await s.deviceToken('platform', 'gov-c');
    kiosk = await s.deviceToken('kiosk', 'kiosk-c');
    staff1 = await s.login('staff1');
    staff2 = await s.login('staff2');
    lead = await s.login('lead1');
  });
  afterAll(() => s.close());

  it('a staff request, one pending per booking; staff deciding → 403; the lead approves: same id and code, new slot, SMS, log', async () => {
    const { booking } = await book(staff1, 101, { channel: 'phone', date: WED, slot: '09:30' });
    const r = await reschedule(staff1, booking.id, WED, '10:30');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.change).toMatchObject({ bookingId: booking.id, code: booking.code, status: 'pending', from: { date: WED, slot: '09:30' }, to: { date: WED, slot: '10:30' } });
    expectError(await reschedule(staff1, booking.id, WED, '14:30'), 409, 'reschedule-pending');
    const changeId = r.body.change.id as string;
    expectError(await s.api('POST', `/api/booking-changes/${changeId}/approve`, { token: staff1, body: {} }), 403, 'forbidden');
    expectError(await s.api('GET', '/api/booking-changes?status=pending', { token: staff1 }), 403, 'forbidden');
    const pending = await s.api('GET', '/api/booking-changes?status=pending', { token: lead });
    expect(pending.body.map((c: any) => c.id)).toContain(changeId);
    const ok = await s.api('POST', `/api/booking-changes/${changeId}/approve`, { token: lead, body: { note: '已电话告知' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.change).toMatchObject({ status: 'approved', decisionNote: '已电话告知' });
    expect(ok.body.booking).toMatchObject({ id: booking.id, code: booking.code, date: WED, slot: '10:30', status: 'booked' });
    const slots = (await s.api('GET', `/api/slots?serviceId=s-a02&date=${WED}`, { token: kiosk })).body as { slot: string; booked: number }[];
    expect(slots.find((x) => x.slot === '09:30')!.booked).toBe(0);
    expect(slots.find((x) => x.slot === '10:30')!.booked).toBe(1);
    // the citizen is told by SMS (the log provider sends at once), code unchanged, no ID number
    const sms = async () => (await s.api('GET', `/api/sms?date=${MON}`, { token: s.adminToken })).body as { bookingId: string; kind: string; text: string }[];
    await expect.poll(async () => (await sms()).filter((m) => m.bookingId === booking.id && m.kind === 'rescheduled').length).toBe(1);
    const text = (await sms()).find((m) => m.bookingId === booking.id && m.kind === 'rescheduled')!.text;
    expect(text).toContain(`${WED} 10:30`);
    expect(text).toContain(booking.code);
    expect(text).not.toContain(idNumberOf(101));
    // the booking's history: requested and rescheduled, subject = the booking's id, from/to, no reason text
    const requested = (await audit('booking.reschedule-requested')).find((e) => e.subject === booking.id)!;
    expect(requested.data).toMatchObject({ changeId, from: { date: WED, slot: '09:30' }, to: { date: WED, slot: '10:30' } });
    expect(JSON.stringify(requested.data)).not.toContain('窗口系统升级');
    expect((await audit('booking.rescheduled')).find((e) => e.subject === booking.id)!.data).toMatchObject({ changeId, to: { date: WED, slot: '10:30' } });
    // once decided: no second decision
    expectError(await s.api('POST', `/api/booking-changes/${changeId}/refuse`, { token: lead, body: { note: '晚了' } }), 409, 'change-not-pending');
  });

  it('inside the notice → 409 reschedule-too-late naming the hours: for the old slot, and for the new slot', async () => {
    const today = await book(platform, 102, { date: MON, slot: '13:30' });
    const old = await reschedule(staff1, today.booking.id, WED, '09:30');
    expectError(old, 409, 'reschedule-too-late');
    expect(old.body.error.message).toContain('12小时');
    const later = await book(staff1, 103, { channel: 'phone', date: WED, slot: '09:30' });
    expectError(await reschedule(staff1, later.booking.id, MON, '15:30'), 409, 'reschedule-too-late');
    // not a real slot → 422 slot-unavailable; the same slot → 422; bad body → 400
    expectError(await reschedule(staff1, later.booking.id, WED, '09:45'), 422, 'slot-unavailable');
    expectError(await reschedule(staff1, later.booking.id, WED, '09:30'), 422, 'reschedule-unchanged');
    expectError(await s.api('POST', `/api/bookings/${later.booking.id}/reschedule`, { token: staff1, body: { date: WED, slot: '10:30' } }), 400, 'bad-request');
    expectError(await reschedule(kiosk, later.booking.id, WED, '10:30'), 403, 'forbidden');
    expectError(await reschedule(staff1, 'b-nope', WED, '10:30'), 404, 'booking-not-found');
  });

  it('the requester withdraws (another staff member → 403); a lead refuses with a note (none → 400)', async () => {
    const { booking } = await book(staff1, 104, { channel: 'phone', date: WED, slot: '14:30' });
    const c1 = (await reschedule(staff1, booking.id, WED, '15:30')).body.change.id;
    expectError(await s.api('POST', `/api/booking-changes/${c1}/withdraw`, { token: staff2 }), 403, 'forbidden');
    const w = await s.api('POST', `/api/booking-changes/${c1}/withdraw`, { token: staff1 });
    expect(w.body.change.status).toBe('withdrawn');
    const c2 = (await reschedule(staff1, booking.id, WED, '15:30')).body.change.id;
    expectError(await s.api('POST', `/api/booking-changes/${c2}/refuse`, { token: lead, body: {} }), 400, 'bad-request');
    const refused = await s.api('POST', `/api/booking-changes/${c2}/refuse`, { token: lead, body: { note: '该时段窗口已满' } });
    expect(refused.body.change).toMatchObject({ status: 'refused', decisionNote: '该时段窗口已满' });
    expect((await s.api('GET', `/api/bookings/${booking.id}`, { token: staff1 })).body).toMatchObject({ date: WED, slot: '14:30' });
    expect((await audit('booking.reschedule-refused')).some((e) => e.subject === booking.id)).toBe(true);
    const history = (await s.api('GET', `/api/bookings/${booking.id}/changes`, { token: staff1 })).body;
    expect(history.map((c: any) => c.status)).toEqual(['withdrawn', 'refused']);
    expectError(await s.api('POST', '/api/booking-changes/c-nope/approve', { token: lead, body: {} }), 404, 'change-not-found');
  });

  let visit: { booking: { id: string; code: string; address?: string }; qr: string };
  it('上门办: staff register a visit (address masked, no slot place taken); the platform → 403; no address → 422; a bad assignee → 422', async () => {
    const before = (await s.api('GET', `/api/slots?serviceId=s-a02&date=${MON}`, { token: kiosk })).body.find((x: any) => x.slot === '10:30').booked;
    visit = await book(staff1, 105, {
      channel: 'phone', urgent: true, date: MON, slot: '10:30', kind: 'visit', address: '西安市碑林区南大街100号3单元501室', assigneeId: 'u-staff1',
    });
    expect(visit.booking).toMatchObject({ kind: 'visit', assigneeId: 'u-staff1' });
    expect(visit.booking.address).not.toContain('3单元501室');
    const after = (await s.api('GET', `/api/slots?serviceId=s-a02&date=${MON}`, { token: kiosk })).body.find((x: any) => x.slot === '10:30').booked;
    expect(after).toBe(before);
    expectError(await s.api('POST', '/api/bookings', { token: platform, body: citizen(106, { date: TUE, kind: 'visit', address: '某地' }) }), 403, 'visit-staff-only');
    expectError(await s.api('POST', '/api/bookings', { token: staff1, body: citizen(106, { channel: 'phone', date: WED, kind: 'visit' }) }), 422, 'visit-address-required');
    expectError(await s.api('POST', '/api/bookings', { token: staff1, body: citizen(106, { channel: 'phone', date: WED, kind: 'visit', address: '某地', assigneeId: 'nobody' }) }), 422, 'assignee-invalid');
    expectError(await s.api('POST', '/api/bookings', { token: staff1, body: citizen(106, { channel: 'phone', date: WED, kind: 'visit', address: 'x'.repeat(101) }) }), 400, 'bad-request');
  });

  it('a visit is refused at every kiosk check-in path (QR, ID card, booking code) → 409 visit-no-checkin', async () => {
    await s.setClock(`${MON}T10:00:00+08:00`);
    for (const body of [{ qr: visit.qr }, { idNumber: idNumberOf(105) }, { code: visit.booking.code }]) {
      const r = await s.api('POST', '/api/checkins', { token: kiosk, body });
      expectError(r, 409, 'visit-no-checkin');
      expect(r.body.error.message).toContain('上门办理的预约无需到大厅取号');
    }
  });

  it('assign (lead+; staff → 403; a window booking → 409 not-a-visit); GET /api/visits: staff see their own, a lead all', async () => {
    expectError(await s.api('POST', `/api/bookings/${visit.booking.id}/assign`, { token: staff1, body: { assigneeId: 'u-staff2' } }), 403, 'forbidden');
    const windowBooking = await book(staff1, 107, { channel: 'phone', date: WED, slot: '15:30' });
    expectError(await s.api('POST', `/api/bookings/${windowBooking.booking.id}/assign`, { token: lead, body: { assigneeId: 'u-staff2' } }), 409, 'not-a-visit');
    const mine = (await s.api('GET', `/api/visits?from=${MON}&to=${WED}`, { token: staff1 })).body;
    expect(mine.map((b: any) => b.id)).toEqual([visit.booking.id]);
    expect((await s.api('GET', `/api/visits?from=${MON}&to=${WED}`, { token: staff2 })).body).toEqual([]);
    expectError(await s.api('GET', `/api/visits?from=${MON}&assigneeId=u-staff1`, { token: staff2 }), 403, 'forbidden');
    const a = await s.api('POST', `/api/bookings/${visit.booking.id}/assign`, { token: lead, body: { assigneeId: 'u-staff2' } });
    expect(a.body.booking.assigneeId).toBe('u-staff2');
    expect((await s.api('GET', `/api/visits?from=${MON}`, { token: staff2 })).body.map((b: any) => b.id)).toEqual([visit.booking.id]);
    expect((await s.api('GET', `/api/visits?from=${MON}&assigneeId=u-staff2`, { token: lead })).body).toHaveLength(1);
    const names = (await s.api('GET', '/api/visits/assignees', { token: staff1 })).body as { id: string; name: string }[];
    expect(names.map((u) => u.id)).toEqual(expect.arrayContaining(['u-staff1', 'u-lead1']));
    expectError(await s.api('GET', '/api/visits/assignees', { token: kiosk }), 403, 'forbidden');
  });

  it('办理情况 of a visit by its assignee (another staff member → 403): done → served, minutes; not done keeps it open', async () => {
    const url = `/api/bookings/${visit.booking.id}/service`;
    expectError(await s.api('POST', url, { token: staff1, body: { done: true } }), 403, 'forbidden');
    const notDone = await s.api('POST', url, { token: staff2, body: { done: false, notes: '申请人不在家，另约时间' } });
    expect(notDone.body.booking).toMatchObject({ status: 'booked', service: { done: false, notes: '申请人不在家，另约时间' } });
    expectError(await s.api('POST', url, { token: staff2, body: { done: true, from: '15:00', to: '10:00' } }), 422, 'service-times-invalid');
    expectError(await s.api('POST', url, { token: staff2, body: { done: true, handlers: ['甲', '乙', '丙'] } }), 400, 'bad-request');
    const done = await s.api('POST', url, { token: staff2, body: { done: true, from: '10:00', to: '15:00', handlers: ['王伟', '李娜'] } });
    expect(done.body.booking).toMatchObject({ status: 'served', service: { done: true, minutes: 300, handlers: ['王伟', '李娜'] } });
    const logged = (await audit('booking.service-recorded')).filter((e) => e.subject === visit.booking.id);
    expect(logged[0].data).toEqual({ done: true, minutes: 300 });
    expect(JSON.stringify(logged)).not.toContain('不在家');
  });

  it('a served booking\'s 办理情况 is filled from its ticket: start, finish, duration, the staff member', async () => {
    const { booking, qr } = await book(platform, 108, { date: MON, slot: '13:30' });
    await s.setClock(`${MON}T12:45:00+08:00`);
    expect((await s.api('POST', '/api/checkins', { token: kiosk, body: { qr } })).status).toBe(201);
    const cmd = (action: string) => s.api('POST', `/api/windows/w1/${action}`, { token: staff1 });
    await cmd('open');
    await s.setClock(`${MON}T13:25:00+08:00`); // a reservation is called from shortly before its slot
    const called = await cmd('call-next');
    expect(called.body.ticket?.bookingId, JSON.stringify(called.body)).toBe(booking.id);
    await s.setClock(`${MON}T13:30:00+08:00`);
    await cmd('start');
    await s.setClock(`${MON}T13:55:00+08:00`);
    const fin = await cmd('finish');
    expect(fin.status, JSON.stringify(fin.body)).toBe(200);
    const b = (await s.api('GET', `/api/bookings/${booking.id}`, { token: lead })).body;
    expect(b.status).toBe('served');
    expect(b.service).toMatchObject({ done: true, from: `${MON}T13:30:00+08:00`, to: `${MON}T13:55:00+08:00`, minutes: 25 });
    expect(b.service.by).toBeTruthy();
    // its window's staff may correct it (notes); another window's staff may not
    expectError(await s.api('POST', `/api/bookings/${booking.id}/service`, { token: staff2, body: { done: true } }), 403, 'forbidden');
    const c = await s.api('POST', `/api/bookings/${booking.id}/service`, { token: staff1, body: { done: true, notes: '材料齐全，当场办结' } });
    expect(c.body.booking.service).toMatchObject({ minutes: 25, notes: '材料齐全，当场办结' });
  });

  it('reports: the long service (> policy.maxServiceMinutes) listed for a lead, visits counted by kind; staff get neither', async () => {
    const r = (await s.api('GET', `/api/reports?from=${MON}&to=${MON}`, { token: lead })).body as PeriodReport;
    expect(r.longServices).toMatchObject({ maxMinutes: 240, count: 1 });
    expect(r.longServices!.items[0]).toMatchObject({ bookingId: visit.booking.id, code: visit.booking.code, kind: 'visit', minutes: 300 });
    expect(r.bookings!.byKind.visit).toBe(1);
    expect(r.bookings!.visitsServed).toBe(1);
    expect(r.bookings!.byKind.window).toBe(r.bookings!.total - 1);
    const mine = (await s.api('GET', `/api/reports?from=${MON}&to=${MON}`, { token: staff1 })).body as PeriodReport;
    expect(mine.longServices).toBeNull();
  });

  it('approval checks again: the new slot filled up meanwhile → 422 slot-full; a slot with one place left takes the move', async () => {
    const { booking } = await book(staff1, 110, { channel: 'phone', date: WED, slot: '08:30' });
    const asked = await reschedule(staff1, booking.id, WED, '16:30');
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const changeId = asked.body.change.id;
    for (let n = 111; n < 115; n++) await book(staff1, n, { channel: 'phone', date: WED, slot: '16:30' });
    expectError(await s.api('POST', `/api/booking-changes/${changeId}/approve`, { token: lead, body: {} }), 422, 'slot-full');
    // a slot with 3 of 4 places taken takes it
    const other = (await book(staff1, 115, { channel: 'phone', date: WED, slot: '11:30' })).booking;
    for (let n = 116; n < 119; n++) await book(staff1, n, { channel: 'phone', date: WED, slot: '13:30' });
    const asked2 = await reschedule(staff1, other.id, WED, '13:30');
    expect(asked2.status, JSON.stringify(asked2.body)).toBe(201);
    const c2 = asked2.body.change.id;
    expect((await s.api('POST', `/api/booking-changes/${c2}/approve`, { token: lead, body: {} })).status).toBe(200);
  });

  it('approval checks again: a request fine at 09:00 is refused once the old slot is inside the notice; the request stays pending', async () => {
    // asked at 13:55 for Tuesday 09:30 → Wednesday 11:30; at 22:00 Tuesday 09:30 is 11.5 hours away
    const { booking } = await book(staff1, 109, { channel: 'phone', date: TUE, slot: '09:30' });
    const changeId = (await reschedule(staff1, booking.id, WED, '11:30')).body.change.id;
    await s.setClock(`${MON}T22:00:00+08:00`);
    lead = await s.login('lead1'); // the day end signed everyone out
    expectError(await s.api('POST', `/api/booking-changes/${changeId}/approve`, { token: lead, body: {} }), 409, 'reschedule-too-late');
    expect((await s.api('GET', '/api/booking-changes?status=pending', { token: lead })).body.map((c: any) => c.id)).toContain(changeId);
    expect((await s.api('GET', `/api/bookings/${booking.id}`, { token: lead })).body).toMatchObject({ date: TUE, slot: '09:30' });
  });
});

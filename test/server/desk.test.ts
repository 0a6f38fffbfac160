/**
 * The booking desk over HTTP (issue 19): 登记表 fields, 派单 → 签收 and their refusals, advance and
 * follow-up calls, a window's worklist (the follow-up list from slot + 30 min), a booking's history,
 * notes kept out of the event log, and `booking:updated` on staff sockets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { citizen, expectError, nextEvent } from './support.js';

describe('booking desk over HTTP (Monday 09:00)', () => {
  let s: TestServer;
  let platform: string, staff1: string, staff2: string, staff4: string, lead: string;
  /** a phone booking for Tuesday 09:30 (s-a02, queue qA: windows 1–3 and 12 serve it) */
  let phoneId: string;
  beforeAll(async () => {
    s = await startTestServer();
    platform = await s.deviceToken('platform', 'gov');
    [staff1, staff2, staff4, lead] = await Promise.all([s.login('staff1'), s.login('staff2'), s.login('staff4'), s.login('lead1')]);
  });
  afterAll(() => s.close());
  const post = (token: string, path: string, body?: unknown) => s.api('POST', path, { token, body });

  it('registration stores 单位 and 记录人; staff who give no 记录人 are written down by their own name', async () => {
    const r = await post(staff1, '/api/bookings', citizen(1, { channel: 'phone', unit: '淄博某某有限公司' }));
    expect(r.status).toBe(201);
    expect(r.body.booking).toMatchObject({ unit: '淄博某某有限公司', recordedBy: '王丽' });
    phoneId = r.body.booking.id;
    const named = await post(lead, '/api/bookings', citizen(2, { channel: 'onsite', slot: '10:30', recordedBy: '咨询台小刘' }));
    expect(named.body.booking).toMatchObject({ recordedBy: '咨询台小刘' });
    expect(named.body.booking.unit).toBeUndefined();
    expectError(await post(staff1, '/api/bookings', citizen(3, { channel: 'phone', unit: '单'.repeat(51) })), 400, 'bad-request');
  });

  it('派单: lead/admin only; to a window not serving the service → 409 window-not-serving; an unknown window → 404', async () => {
    expectError(await post(staff1, `/api/bookings/${phoneId}/dispatch`, { windowId: 'w1' }), 403, 'forbidden');
    const r = await post(lead, `/api/bookings/${phoneId}/dispatch`, { windowId: 'w4' });
    expectError(r, 409, 'window-not-serving');
    expect(r.body.error.message).toContain('不办理');
    expectError(await post(lead, `/api/bookings/${phoneId}/dispatch`, { windowId: 'w-nope' }), 404, 'window-not-found');
    expectError(await post(lead, '/api/bookings/b-nope/dispatch', { windowId: 'w1' }), 404, 'booking-not-found');
    expectError(await post(lead, `/api/bookings/${phoneId}/dispatch`, {}), 400, 'bad-request');
  });

  it('签收 only by staff assigned to the dispatch window: another window → 403, an unassigned lead → 403; re-dispatch before sign-off, not after', async () => {
    expectError(await post(staff1, `/api/bookings/${phoneId}/sign`), 409, 'booking-not-dispatched');
    const d = await post(lead, `/api/bookings/${phoneId}/dispatch`, { windowId: 'w2' });
    expect(d.status).toBe(200);
    expect(d.body.booking.dispatch).toMatchObject({ windowId: 'w2', by: 'user:u-lead1' });
    expect(d.body.booking.dispatch.signedAt).toBeUndefined();
    // re-dispatched to window 1 before anyone signed
    expect((await post(s.adminToken, `/api/bookings/${phoneId}/dispatch`, { windowId: 'w1' })).body.booking.dispatch.windowId).toBe('w1');
    expectError(await post(staff2, `/api/bookings/${phoneId}/sign`), 403, 'not-dispatch-window');
    expectError(await post(lead, `/api/bookings/${phoneId}/sign`), 403, 'not-dispatch-window');
    const signed = await post(staff1, `/api/bookings/${phoneId}/sign`);
    expect(signed.status).toBe(200);
    expect(signed.body.booking.dispatch).toMatchObject({ windowId: 'w1', signedBy: 'user:u-staff1' });
    expect(signed.body.booking.dispatch.signedAt).toMatch(/^2026-11-23T09:00/);
    expectError(await post(staff1, `/api/bookings/${phoneId}/sign`), 409, 'booking-already-signed');
    expectError(await post(lead, `/api/bookings/${phoneId}/dispatch`, { windowId: 'w2' }), 409, 'booking-already-signed');
  });

  it('a booking no longer open is not dispatched → 409 booking-not-open', async () => {
    const b = (await post(platform, '/api/bookings', citizen(4, { slot: '14:30' }))).body.booking;
    expect((await post(platform, `/api/bookings/${b.id}/cancel`, { by: 'citizen' })).status).toBe(200);
    expectError(await post(lead, `/api/bookings/${b.id}/dispatch`, { windowId: 'w1' }), 409, 'booking-not-open');
  });

  it('calls: a wrong outcome for the purpose → 400; a follow-up before slot + 30 min → 409; staff of another window → 403', async () => {
    expectError(await post(staff1, `/api/bookings/${phoneId}/contacts`, { purpose: 'advance', outcome: 'gave-up' }), 400, 'contact-outcome-invalid');
    expectError(await post(staff1, `/api/bookings/${phoneId}/contacts`, { purpose: 'follow-up', outcome: 'reached' }), 400, 'contact-outcome-invalid');
    expectError(await post(staff1, `/api/bookings/${phoneId}/contacts`, { purpose: 'advance', outcome: 'maybe' }), 400, 'bad-request');
    const early = await post(staff1, `/api/bookings/${phoneId}/contacts`, { purpose: 'follow-up', outcome: 'gave-up' });
    expectError(early, 409, 'follow-up-too-early');
    expect(early.body.error.message).toContain('30分钟');
    expectError(await post(staff4, `/api/bookings/${phoneId}/contacts`, { purpose: 'advance', outcome: 'reached' }), 403, 'booking-not-at-window');
  });

  it('an advance call is stored with its note; the note never reaches the event log; lists show the last call without it', async () => {
    const note = '已告知携带身份证原件，手机13911112222';
    const before = await s.api('GET', `/api/desk?windowId=w1`, { token: staff1 });
    expect(before.status).toBe(200);
    expect(before.body.toCall.map((e: any) => e.booking.id)).toContain(phoneId);
    const due = before.body.toCall.find((e: any) => e.booking.id === phoneId).dueBy;
    // registered Monday 09:00 by phone: 0.5 working day (3 h 15 of the winter day) → 12:15 falls in lunch, so 13:30 + 0:15
    expect(due).toBe('2026-11-23T13:45:00+08:00');

    const r = await post(staff1, `/api/bookings/${phoneId}/contacts`, { purpose: 'advance', outcome: 'not-reached', note });
    expect(r.status).toBe(201);
    expect(r.body.contact).toMatchObject({ purpose: 'advance', outcome: 'not-reached', note, by: '王丽' });
    const audit = await s.api('GET', '/api/audit?limit=200', { token: s.adminToken });
    expect(audit.status).toBe(200);
    const contacted = audit.body.filter((e: any) => e.type === 'booking.contacted');
    expect(contacted).toHaveLength(1);
    expect(contacted[0].data).toEqual({ purpose: 'advance', outcome: 'not-reached' });
    expect(JSON.stringify(audit.body)).not.toContain('13911112222');

    let desk = await s.api('GET', `/api/desk?windowId=w1`, { token: staff1 });
    const entry = desk.body.toCall.find((e: any) => e.booking.id === phoneId);
    expect(entry.lastContact).toEqual({ purpose: 'advance', outcome: 'not-reached', at: '2026-11-23T09:00:00+08:00', by: '王丽' });
    expect(JSON.stringify(desk.body)).not.toContain('13911112222');
    // confirmed: off the list of calls to make
    expect((await post(staff1, `/api/bookings/${phoneId}/contacts`, { purpose: 'advance', outcome: 'confirmed' })).status).toBe(201);
    desk = await s.api('GET', `/api/desk?windowId=w1`, { token: staff1 });
    expect(desk.body.toCall.map((e: any) => e.booking.id)).not.toContain(phoneId);
    // still the window's: among the others, so a console can move it onto a list later
    expect(desk.body.others.find((e: any) => e.booking.id === phoneId)).toMatchObject({ reached: true, followedUp: false });
    expect(desk.body.forfeitMinutes).toBe(30);
  });

  it('the worklist: staff of another window → 403; unknown window → 404; a lead sees any window', async () => {
    expectError(await s.api('GET', '/api/desk?windowId=w4', { token: staff1 }), 403, 'window-not-yours');
    expectError(await s.api('GET', '/api/desk?windowId=w-nope', { token: lead }), 404, 'window-not-found');
    expectError(await s.api('GET', '/api/desk', { token: lead }), 400, 'bad-request');
    const w4 = await s.api('GET', '/api/desk?windowId=w4', { token: lead });
    expect(w4.status).toBe(200);
    expect(w4.body.toCall.map((e: any) => e.booking.id)).not.toContain(phoneId);
    // dispatched and unsigned: on the window's dispatched list, masked
    const b = (await post(staff1, '/api/bookings', citizen(5, { channel: 'phone', slot: '11:30' }))).body.booking;
    await post(lead, `/api/bookings/${b.id}/dispatch`, { windowId: 'w3' });
    const w3 = await s.api('GET', '/api/desk?windowId=w3', { token: lead });
    expect(w3.body.dispatched.map((e: any) => e.booking.id)).toEqual([b.id]);
    expect(w3.body.dispatched[0].booking.phone).toMatch(/\*{4}/);
    // no longer on window 1's lists though it serves the service
    const w1 = await s.api('GET', '/api/desk?windowId=w1', { token: staff1 });
    expect(JSON.stringify(w1.body)).not.toContain(b.id);
  });

  it("the booking's history: its log entries with actors' names and its calls with their notes, oldest first", async () => {
    const h = await s.api('GET', `/api/bookings/${phoneId}/history`, { token: staff4 });
    expect(h.status).toBe(200);
    expect(h.body.events.map((e: any) => e.type)).toEqual([
      'booking.created', 'booking.dispatched', 'booking.dispatched', 'booking.signed', 'booking.contacted', 'booking.contacted',
    ]);
    expect(h.body.events[1]).toMatchObject({ actor: '带班组长', data: { windowId: 'w2' } });
    expect(h.body.contacts.map((c: any) => c.outcome)).toEqual(['not-reached', 'confirmed']);
    expect(h.body.contacts[0].note).toContain('身份证');
    expectError(await s.api('GET', '/api/bookings/b-nope/history', { token: staff4 }), 404, 'booking-not-found');
  });

  it('booking:updated reaches staff sockets after 派单, 签收 and a call', async () => {
    const sock = s.socket(staff1);
    await new Promise<void>((res, rej) => { sock.once('connect', () => res()); setTimeout(() => rej(new Error('no connect')), 10_000); });
    // a new booking is announced too (a window's desk lists it at once)
    let ev = nextEvent(sock, 'booking:updated', 10_000);
    const b = (await post(staff1, '/api/bookings', citizen(6, { channel: 'phone', slot: '13:30' }))).body.booking;
    expect((await ev).booking).toMatchObject({ id: b.id, status: 'booked' });
    ev = nextEvent(sock, 'booking:updated', 10_000);
    await post(lead, `/api/bookings/${b.id}/dispatch`, { windowId: 'w1' });
    expect((await ev).booking).toMatchObject({ id: b.id, dispatch: { windowId: 'w1' } });
    ev = nextEvent(sock, 'booking:updated', 10_000);
    await post(staff1, `/api/bookings/${b.id}/sign`);
    expect((await ev).booking.dispatch.signedBy).toBe('user:u-staff1');
    ev = nextEvent(sock, 'booking:updated', 10_000);
    await post(staff1, `/api/bookings/${b.id}/contacts`, { purpose: 'advance', outcome: 'reached', note: '不应出现在事件中' });
    const got = await ev;
    expect(got.booking.id).toBe(b.id);
    expect(got.contact).toEqual({ purpose: 'advance', outcome: 'reached', at: '2026-11-23T09:00:00+08:00', by: '王丽' });
    expect(JSON.stringify(got)).not.toContain('不应出现');
    sock.close();
  });

  it('follow-up: a no-show appears on the list at slot + 30 min and not before; the outcome takes it off', async () => {
    // today 13:30 (online, at least 3 h ahead of 09:00)
    const b = (await post(platform, '/api/bookings', citizen(7, { date: '2026-11-23', slot: '13:30' }))).body.booking;
    const followUps = async () => (await s.api('GET', '/api/desk?windowId=w1', { token: staff1 })).body.followUp.map((e: any) => e.booking.id);
    await s.setClock('2026-11-23T13:59:00+08:00');
    expect(await followUps()).not.toContain(b.id);
    expectError(await post(staff1, `/api/bookings/${b.id}/contacts`, { purpose: 'follow-up', outcome: 'unreachable' }), 409, 'follow-up-too-early');
    await s.setClock('2026-11-23T14:00:00+08:00');
    expect(await followUps()).toContain(b.id);
    const r = await post(staff1, `/api/bookings/${b.id}/contacts`, { purpose: 'follow-up', outcome: 'gave-up', note: '本人放弃' });
    expect(r.status).toBe(201);
    // the forfeit rule is unchanged: the timer forfeited it at slot + 30
    expect(r.body.booking.status).toBe('forfeited');
    expect(await followUps()).not.toContain(b.id);
  });
});

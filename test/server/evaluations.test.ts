/**
 * 好差评 over HTTP (issue 16): a pad, staff and the QR page rate a finished ticket once; every refusal;
 * the lead's list and follow-up; the deadline in working days and overdue on a manual clock; the
 * pad's request after finish goes to that window's pad only; the RS-485 evaluator's key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectError, nextEvent } from './support.js';

let s: TestServer;
let kiosk: string, staff4: string, lead: string, pad4: string, pad5: string, lobby: string;
const cmd = (token: string, w: string, action: string) => s.api('POST', `/api/windows/${w}/${action}`, { token });
/** a ticket of 不动产 (windows 4 and 5) called at window 4 by staff4 */
async function calledAt4(): Promise<string> {
  const t = (await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-b01' } })).body.ticket;
  const called = await cmd(staff4, 'w4', 'call-next');
  expect(called.body.ticket.id).toBe(t.id);
  return t.id as string;
}
async function finishedAt4(): Promise<string> {
  const id = await calledAt4();
  expect((await cmd(staff4, 'w4', 'finish')).status).toBe(200);
  return id;
}
const rate = (token: string | undefined, body: unknown) => s.api('POST', '/api/evaluations', { token, body });

beforeAll(async () => {
  s = await startTestServer();
  kiosk = await s.deviceToken('kiosk', 'kiosk-e');
  staff4 = await s.login('staff4');
  await cmd(staff4, 'w4', 'open'); // signed in: the window's staff member is named on the pad and in the list
  lead = await s.login('lead1');
  pad4 = await s.deviceToken('display', 'pad-4');
  pad5 = await s.deviceToken('display', 'pad-5');
  lobby = await s.deviceToken('display', 'lobby-e');
  expect((await s.api('PUT', '/api/evaluations/pad', { token: pad4, body: { window: 4 } })).body).toMatchObject({ window: { id: 'w4', number: 4 } });
  expect((await s.api('PUT', '/api/evaluations/pad', { token: pad5, body: { window: 5 } })).status).toBe(200);
});
afterAll(() => s.close());

describe('POST /api/evaluations: refusals', () => {
  it('a ticket still called → 409 ticket-not-finished; an unknown ticket → 404', async () => {
    const id = await calledAt4();
    expectError(await rate(pad4, { ticketId: id, level: 5 }), 409, 'ticket-not-finished');
    expectError(await rate(undefined, { ticketId: id, level: 5 }), 409, 'ticket-not-finished');
    await cmd(staff4, 'w4', 'finish');
    expectError(await rate(pad4, { ticketId: 'nope', level: 5 }), 404, 'ticket-not-found');
  });

  it('another window\'s pad → 403 window-not-yours; a display that is no pad, a kiosk → 403 forbidden; a kiosk cannot bind as a pad', async () => {
    const id = await finishedAt4();
    expectError(await rate(pad5, { ticketId: id, level: 5 }), 403, 'window-not-yours');
    expectError(await rate(lobby, { ticketId: id, level: 5 }), 403, 'forbidden');
    expectError(await rate(kiosk, { ticketId: id, level: 5 }), 403, 'forbidden');
    expectError(await s.api('PUT', '/api/evaluations/pad', { token: kiosk, body: { window: 4 } }), 403, 'forbidden');
    expectError(await s.api('PUT', '/api/evaluations/pad', { token: lobby, body: { window: 99 } }), 404, 'window-not-found');
  });

  it('a level outside 1–5 → 400; level 1–2 without a reason, or a reason not on the hall\'s list → 422 reason-required with the list', async () => {
    const id = await finishedAt4();
    for (const level of [0, 6, 2.5, '5']) expectError(await rate(pad4, { ticketId: id, level }), 400, 'bad-request');
    const missing = await rate(pad4, { ticketId: id, level: 2 });
    expectError(missing, 422, 'reason-required');
    expect(missing.body.error.message).toBe('请选择不满意的原因');
    expect(missing.body.error.details.allowed).toContain('等候时间太长');
    expectError(await rate(pad4, { ticketId: id, level: 1, reasons: [] }), 422, 'reason-required');
    expectError(await rate(pad4, { ticketId: id, level: 1, reasons: ['我编的'] }), 422, 'reason-required');
    expectError(await rate(pad4, { ticketId: id, level: 5, reasons: ['我编的'] }), 422, 'reason-required');
  });

  it('rated once: the same ticket again from the pad, the QR page or staff → 409 already-evaluated', async () => {
    const id = await finishedAt4();
    const first = await rate(pad4, { ticketId: id, level: 2, reasons: ['等候时间太长'] });
    expect(first.status).toBe(201);
    expect(first.body.evaluation).toMatchObject({ ticketId: id, level: 2, reasons: ['等候时间太长'], channel: 'pad', window: { number: 4 }, staffName: expect.any(String) });
    for (const token of [pad4, undefined, staff4]) expectError(await rate(token, { ticketId: id, level: 5 }), 409, 'already-evaluated');
  });
});

describe('the QR status page (no token: the ticket holder)', () => {
  it('offers the rating once finished, takes it once, then says it was rated', async () => {
    const id = await calledAt4();
    expect((await s.api('GET', `/api/public/tickets/${id}`)).body.evaluation).toBeUndefined();
    await cmd(staff4, 'w4', 'finish');
    const before = (await s.api('GET', `/api/public/tickets/${id}`)).body;
    expect(before.evaluation).toEqual({ rated: false, reasons: expect.arrayContaining(['服务态度不好']) });
    const r = await rate(undefined, { ticketId: id, level: 4, comment: '很好' });
    expect(r.status).toBe(201);
    expect(r.body.evaluation).toMatchObject({ channel: 'qr', level: 4, dueDay: null, comment: '很好' });
    expect((await s.api('GET', `/api/public/tickets/${id}`)).body.evaluation.rated).toBe(true);
    expectError(await rate(undefined, { ticketId: id, level: 1, reasons: ['服务态度不好'] }), 409, 'already-evaluated');
  });
});

describe('the lead\'s list and follow-up', () => {
  it('staff may not list; a lead lists today\'s low ratings with reasons and records the follow-up; the log carries no personal data', async () => {
    const id = await finishedAt4();
    const created = (await rate(staff4, { ticketId: id, level: 1, reasons: ['服务态度不好', '业务不熟练'] })).body.evaluation;
    expect(created.channel).toBe('staff');
    expectError(await s.api('GET', '/api/evaluations', { token: staff4 }), 403, 'forbidden');
    const low = (await s.api('GET', '/api/evaluations?maxLevel=2', { token: lead })).body as any[];
    expect(low.every((e) => e.level <= 2)).toBe(true);
    const mine = low.find((e) => e.id === created.id);
    expect(mine).toMatchObject({ reasons: ['服务态度不好', '业务不熟练'], window: { number: 4 }, service: { id: 's-b01' }, dueDay: '2026-11-30', overdue: false, followUp: null });
    expectError(await s.api('POST', `/api/evaluations/${created.id}/follow-up`, { token: staff4, body: { outcome: 'contacted', note: 'x' } }), 403, 'forbidden');
    expectError(await s.api('POST', `/api/evaluations/${created.id}/follow-up`, { token: lead, body: { outcome: 'ignored', note: 'x' } }), 400, 'bad-request');
    expectError(await s.api('POST', '/api/evaluations/nope/follow-up', { token: lead, body: { outcome: 'contacted', note: 'x' } }), 404, 'not-found');
    const f = await s.api('POST', `/api/evaluations/${created.id}/follow-up`, { token: lead, body: { outcome: 'contacted', note: '已电话回访，致歉' } });
    expect(f.body.evaluation.followUp).toMatchObject({ outcome: 'contacted', note: '已电话回访，致歉' });
    const audit = (await s.api('GET', '/api/audit?type=evaluation.created', { token: await s.login('admin') })).body as any[];
    expect(audit.find((e) => e.subject === created.id)?.data).toEqual({ ticketId: id, level: 1, windowId: 'w4', serviceId: 's-b01', channel: 'staff' });
  });
});

describe('the pad\'s request after finish', () => {
  it('evaluation:request reaches the pad of that window only, with the ticket number, service and staff name', async () => {
    const p4 = s.socket(pad4);
    const p5 = s.socket(pad5);
    await Promise.all([nextEvent(p4, 'state:snapshot'), nextEvent(p5, 'state:snapshot')]);
    const got5: unknown[] = [];
    p5.on('evaluation:request', (e) => got5.push(e));
    const req = nextEvent(p4, 'evaluation:request');
    const id = await finishedAt4();
    const e = await req;
    expect(e).toMatchObject({ window: { id: 'w4', number: 4 }, ticket: { id }, serviceName: expect.any(String), staffName: expect.any(String), reasons: expect.any(Array) });
    expect(Object.keys(e.ticket)).toEqual(['id', 'number']);
    await new Promise((r) => setTimeout(r, 200));
    expect(got5).toEqual([]);
  });
});

describe('the follow-up deadline on the hall calendar (manual clock)', () => {
  it('a bad rating on Friday is due five working days on, after the weekend and a hall holiday; overdue the day after, until followed up', async () => {
    await s.setClock('2026-11-27T10:00:00+08:00'); // Friday (a user's token lasts 12 hours: sign in again)
    const admin = await s.login('admin');
    expect((await s.api('PUT', '/api/config/hours', { token: admin, body: { overrides: { '2026-12-02': 'holiday' } } })).status).toBe(200);
    staff4 = await s.login('staff4');
    await cmd(staff4, 'w4', 'open');
    const id = await finishedAt4();
    const e = (await rate(pad4, { ticketId: id, level: 2, reasons: ['办事效率低'] })).body.evaluation;
    // Mon 30, Tue 1, (Wed 2 holiday), Thu 3, Fri 4, (Sat, Sun), Mon 7
    expect(e).toMatchObject({ day: '2026-11-27', dueDay: '2026-12-07', overdue: false });
    const find = async () => ((await s.api('GET', '/api/evaluations?from=2026-11-27&to=2026-11-27', { token: await s.login('lead1') })).body as any[]).find((x) => x.id === e.id);
    await s.setClock('2026-12-07T17:00:00+08:00');
    expect((await find()).overdue).toBe(false);
    await s.setClock('2026-12-08T09:00:00+08:00');
    expect((await find()).overdue).toBe(true);
    const lead2 = await s.login('lead1');
    const list = (await s.api('GET', '/api/evaluations?from=2026-11-01&maxLevel=2', { token: lead2 })).body as any[];
    // overdue first (Monday's open ones were due 2026-11-30, earlier still), then the rest
    const flags = list.map((x) => x.overdue);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    expect(list.find((x) => x.id === e.id)?.overdue).toBe(true);
    expect(list.some((x) => !x.overdue)).toBe(true);
    await s.api('POST', `/api/evaluations/${e.id}/follow-up`, { token: lead2, body: { outcome: 'rectified', note: '已整改' } });
    expect((await find()).overdue).toBe(false);
  });
});

describe('the RS-485 evaluator (keypad channel)', () => {
  let d: TestServer;
  beforeAll(async () => { d = await startTestServer({ devices: true }); });
  afterAll(() => d.close());

  it('key 2 rates the ticket last finished at its window 不满意 (no reason possible), once; before any finish nothing is stored', { timeout: 60_000 }, async () => {
    const sim = d.running.devices!.manager.simulators.evaluators.get('evaluator-5')!;
    const lead1 = await d.login('lead1');
    const list = async () => (await d.api('GET', '/api/evaluations', { token: lead1 })).body as any[];
    sim.rate(4);
    await new Promise((r) => setTimeout(r, 500));
    expect(await list()).toEqual([]);
    const k = await d.deviceToken('kiosk', 'kiosk-r');
    const t = (await d.api('POST', '/api/tickets', { token: k, body: { serviceId: 's-b01' } })).body.ticket;
    const staff5 = await d.login('staff5');
    await d.api('POST', '/api/windows/w5/call-next', { token: staff5 });
    await d.api('POST', '/api/windows/w5/finish', { token: staff5 });
    // the poller takes a device's first reading (or one after a timeout on a loaded machine) as its
    // baseline, so a key may go unseen: pressed again until seen (a second 2 would be already-evaluated)
    const until = Date.now() + 20_000;
    while ((await list()).length === 0 && Date.now() < until) {
      sim.rate(2);
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(await list()).toEqual([expect.objectContaining({ ticketId: t.id, level: 2, reasons: [], channel: 'keypad', dueDay: '2026-11-30' })]);
    sim.rate(5);
    await new Promise((r) => setTimeout(r, 500));
    expect((await list()).map((e) => e.level)).toEqual([2]);
  });
});

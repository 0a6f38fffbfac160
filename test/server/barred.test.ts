/**
 * GET /api/citizens/barred (admin): the people barred from booking this month, their ID numbers
 * masked, each with an opaque handle; POST /api/citizens/barred/:ref/pardon pardons through that
 * handle, so the admin's list never carries a number in clear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { citizen, expectError, idNumberOf } from './support.js';

describe('the barred list and a pardon by handle', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer(); });
  afterAll(() => s.close());

  it('three forfeits bar a person: listed masked with a handle; staff → 403; an unknown handle → 404; the pardon by handle lifts the bar and empties the list', async () => {
    const platform = await s.deviceToken('platform', 'gov');
    for (const [date, slot] of [['2026-11-24', '09:30'], ['2026-11-24', '10:30'], ['2026-11-25', '09:30']])
      expect((await s.api('POST', '/api/bookings', { token: platform, body: citizen(8, { date, slot }) })).status).toBe(201);
    // one forfeit only: not barred
    await s.api('POST', '/api/bookings', { token: platform, body: citizen(9, { date: '2026-11-24', slot: '11:30' }) });
    let admin = await s.login('admin');
    expect((await s.api('GET', '/api/citizens/barred', { token: admin })).body).toEqual([]);

    await s.setClock('2026-11-25T12:00:00+08:00');
    admin = await s.login('admin');
    const list = await s.api('GET', '/api/citizens/barred', { token: admin });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    const [row] = list.body;
    expect(row).toEqual({ ref: expect.any(String), idNumber: expect.stringContaining('*'), noShowsThisMonth: 3, barredUntil: '2026-12-01' });
    expect(JSON.stringify(list.body)).not.toContain(idNumberOf(8));
    expect(row.ref).not.toContain(idNumberOf(8).slice(6, 14));

    expectError(await s.api('GET', '/api/citizens/barred', { token: await s.login('staff1') }), 403, 'forbidden');
    expectError(await s.api('POST', `/api/citizens/barred/${row.ref}/pardon`, { token: await s.login('lead1'), body: { reason: '核实' } }), 403, 'forbidden');
    expectError(await s.api('POST', '/api/citizens/barred/nobody/pardon', { token: admin, body: { reason: '核实' } }), 404, 'not-found');
    expectError(await s.api('POST', `/api/citizens/barred/${row.ref}/pardon`, { token: admin, body: {} }), 400, 'bad-request');

    const p = await s.api('POST', `/api/citizens/barred/${row.ref}/pardon`, { token: admin, body: { reason: '系统故障导致无法签到' } });
    expect(p.status).toBe(200);
    expect(p.body).toEqual({ noShowsThisMonth: 0, barredUntil: null });
    expect((await s.api('GET', '/api/citizens/barred', { token: admin })).body).toEqual([]);
    const audit = await s.client(admin).call('GET /api/audit', { query: { type: 'credit.pardoned' } });
    expect(audit[0].data).toMatchObject({ pardoned: 3, reason: '系统故障导致无法签到' });
  });
});

/** Seed 000 商洛 (halls/shangluo.json) at real 2026 dates: weekend and holiday 09:00–12:00 by online booking only, booked Mon–Thu. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support.js';
import { startSeedHall, type SeedHall } from './support.js';

describe('商洛 (seed 000)', () => {
  let h: SeedHall;
  beforeAll(async () => { h = await startSeedHall('shangluo', '2026-11-23T09:00:00+08:00'); });
  afterAll(() => h.close());

  it('附件2: the seven market-supervision items, on the extended list, at window 48', async () => {
    const services = (await h.s.api('GET', '/api/services', { token: h.s.adminToken })).body as { extended: boolean; bookable: boolean }[];
    expect(services).toHaveLength(7);
    expect(services.every((x) => x.extended && x.bookable)).toBe(true);
    const windows = (await h.s.api('GET', '/api/windows', { token: h.s.adminToken })).body as { number: number }[];
    expect(windows.map((w) => w.number)).toEqual([48]);
  });

  it('附件1 §3: weekends 09:00–12:00 by appointment only: a walk-in at 09:30 on Saturday is refused, at 13:00 the hall is closed', async () => {
    await h.at('2026-11-28T09:30:00+08:00');
    const r = await h.ticket('s-jlbz');
    expectError(r, 422, 'service-not-available-now');
    expect(r.body.error.details.appointmentOnly).toBe(true);
    await h.at('2026-11-28T13:00:00+08:00');
    expectError(await h.ticket('s-jlbz'), 422, 'hall-closed');
  });

  it('附件1 §3: statutory holidays (国庆 10-02) 09:00–12:00 too', async () => {
    expect(await h.slots('s-jlbz', '2026-10-02')).toEqual(['09:00', '10:00', '11:00']);
  });

  it('附件1 §2: online bookings accepted Monday–Thursday only; on Friday the refusal says Monday 00:00', async () => {
    await h.at('2026-11-26T10:00:00+08:00');
    expect((await h.book(1, { serviceId: 's-jlbz', date: '2026-11-28', slot: '10:00' })).status).toBe(201);
    await h.at('2026-11-27T10:00:00+08:00');
    const r = await h.book(2, { serviceId: 's-jlbz', date: '2026-11-28', slot: '10:00' });
    expectError(r, 422, 'channel-closed');
    expect(r.body.error.details).toMatchObject({ channel: 'online', nextAcceptsAt: '2026-11-30T00:00:00+08:00' });
    expect(r.body.error.message).toBe('网上预约受理时间为周一至周四 00:00–24:00，下次受理时间 2026-11-30T00:00:00+08:00');
  });
});

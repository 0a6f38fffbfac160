/** Seed 003 上饶 (halls/shangrao.json) at real 2026 dates: seasons on every kind of day, lunar closures, any service by appointment in extended time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support.js';
import { startSeedHall, type SeedHall } from './support.js';

describe('上饶 (seed 003)', () => {
  let h: SeedHall;
  beforeAll(async () => { h = await startSeedHall('shangrao', '2026-11-23T09:00:00+08:00'); });
  afterAll(() => h.close());

  it('5.1.3: weekend hours follow the season: winter Saturday 13:45 open, summer Saturday 13:45 closed', async () => {
    await h.at('2026-11-28T13:45:00+08:00');
    expect((await h.ticket('a2')).status).toBe(201);
    await h.at('2026-06-06T13:45:00+08:00');
    expectError(await h.ticket('a2'), 422, 'hall-closed');
    await h.at('2026-06-06T14:00:00+08:00');
    expect((await h.ticket('a2')).status).toBe(201);
  });

  it('5.1.3: 除夕 (02-16) afternoon closed, 正月初一 (02-17) closed all day', async () => {
    await h.at('2026-02-16T09:00:00+08:00');
    expect((await h.ticket('a2')).status).toBe(201);
    await h.at('2026-02-16T14:00:00+08:00');
    expectError(await h.ticket('a2'), 422, 'hall-closed');
    await h.at('2026-02-17T09:00:00+08:00');
    expectError(await h.ticket('a2'), 422, 'hall-closed');
  });

  it('5.1.3: afternoons of 清明 (04-05), 端午 (06-19) and 中秋 (09-25) closed', async () => {
    for (const date of ['2026-04-05', '2026-06-19', '2026-09-25']) {
      expect(await h.slots('a2', date), date).toEqual(['08:30', '09:30', '10:30', '11:30']);
    }
    expect(await h.slots('a2', '2026-06-20')).toEqual(['08:30', '09:30', '10:30', '11:30', '14:00', '15:00', '16:00']);
  });

  it('2.2: a service not on the extended list is bookable in extended time (weekend, lunch), not walk-in', async () => {
    expect(await h.slots('a1', '2026-11-28')).toEqual(['08:30', '09:30', '10:30', '11:30', '13:30', '14:30', '15:30']);
    expect(await h.slots('a1', '2026-11-24')).toContain('12:00');
    await h.at('2026-11-23T09:00:00+08:00');
    expect((await h.book(1, { serviceId: 'a1', date: '2026-11-28', slot: '09:30' })).status).toBe(201);
    await h.at('2026-11-28T10:00:00+08:00');
    expectError(await h.ticket('a1'), 422, 'service-not-available-now');
  });

  it('5.2.1: phone bookings in service hours only; at 20:00 the refusal names the next morning', async () => {
    await h.at('2026-11-23T20:00:00+08:00');
    const r = await h.book(2, { serviceId: 'a1', date: '2026-11-26', slot: '09:30', channel: 'phone' });
    expectError(r, 422, 'channel-closed');
    expect(r.body.error.details.nextAcceptsAt).toBe('2026-11-24T08:30:00+08:00');
    expect((await h.book(2, { serviceId: 'a1', date: '2026-11-26', slot: '09:30' })).status).toBe(201);
  });
});

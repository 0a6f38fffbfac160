/** Seed 002 沈丘 (halls/shenqiu.json) at real 2026 dates: 预约+早晚弹性办, deadlines by channel, urgent bookings by staff. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support.js';
import { startSeedHall, type SeedHall } from './support.js';

describe('沈丘 (seed 002)', () => {
  let h: SeedHall;
  beforeAll(async () => { h = await startSeedHall('shenqiu', '2026-11-23T09:00:00+08:00'); });
  afterAll(() => h.close());

  it('五(一): one hour before opening and after closing by appointment (winter: 07:30 and 16:30 slots); no walk-in at 07:45', async () => {
    expect(await h.slots('a1', '2026-11-24')).toEqual(['07:30', '08:30', '09:30', '10:30', '11:30', '13:30', '14:30', '15:30', '16:30']);
    await h.at('2026-11-24T07:45:00+08:00');
    const r = await h.ticket('a1');
    expectError(r, 422, 'service-not-available-now');
    expect(r.body.error.details.appointmentOnly).toBe(true);
    await h.at('2026-11-24T08:45:00+08:00');
    expect((await h.ticket('a1')).status).toBe(201);
  });

  it('四(二): online at least 3 hours ahead; phone before 16:30 of the previous working day', async () => {
    await h.at('2026-11-23T09:00:00+08:00');
    expectError(await h.book(1, { serviceId: 'a1', date: '2026-11-23', slot: '11:30' }), 422, 'too-late-to-book');
    expect((await h.book(1, { serviceId: 'a1', date: '2026-11-23', slot: '13:30' })).status).toBe(201);
    await h.at('2026-11-23T16:40:00+08:00');
    const late = await h.book(2, { serviceId: 'a1', date: '2026-11-24', slot: '09:30', channel: 'phone' });
    expectError(late, 422, 'too-late-to-book');
    expect(late.body.error.details).toEqual({ deadline: '2026-11-23T16:30:00+08:00', lead: '前一个工作日16:30前' });
  });

  it('四(二): urgent bookings outside hours by staff (the staff channel), when the phone line is closed', async () => {
    await h.at('2026-11-23T19:00:00+08:00');
    expectError(await h.book(3, { serviceId: 'a1', date: '2026-11-24', slot: '07:30', channel: 'phone' }), 422, 'channel-closed');
    const r = await h.book(3, { serviceId: 'a1', date: '2026-11-24', slot: '07:30', channel: 'phone', urgent: true });
    expect(r.status).toBe(201);
    expect(r.body.booking).toMatchObject({ channel: 'phone', slot: '07:30' });
  });
});

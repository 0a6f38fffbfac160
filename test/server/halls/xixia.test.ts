/** Seed 001 西峡 (halls/xixia.json) at real 2026 dates: lunch service, Saturday-only appointments, no holiday service, 24 h lead, phone/on-site hours. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support.js';
import { startSeedHall, type SeedHall } from './support.js';

describe('西峡 (seed 001)', () => {
  let h: SeedHall;
  beforeAll(async () => { h = await startSeedHall('xixia', '2026-11-23T09:00:00+08:00'); });
  afterAll(() => h.close());

  it('二(二)2: lunch 12:00–14:30 serves every service (walk-in at 12:30 on a Monday)', async () => {
    await h.at('2026-11-23T12:30:00+08:00');
    expect((await h.ticket('a1')).status).toBe(201);
  });

  it('二(二)3: Saturday 08:00–11:30 and 15:00–17:30 by appointment: a walk-in at 08:30 is refused as appointment-only, the slots are bookable', async () => {
    await h.at('2026-11-28T08:30:00+08:00');
    const r = await h.ticket('a2');
    expectError(r, 422, 'service-not-available-now');
    expect(r.body.error.details.appointmentOnly).toBe(true);
    expect(await h.slots('a2', '2026-11-28')).toEqual(['08:00', '09:00', '10:00', '11:00', '15:00', '16:00', '17:00']);
  });

  it('二(二)3: Sunday is closed (only Saturday works)', async () => {
    await h.at('2026-11-29T09:00:00+08:00');
    expectError(await h.ticket('a2'), 422, 'hall-closed');
    expect(await h.slots('a2', '2026-11-29')).toEqual([]);
  });

  it('二(二)4: no service on statutory holidays (国庆 10-01)', async () => {
    await h.at('2026-10-01T09:00:00+08:00');
    expectError(await h.ticket('a1'), 422, 'hall-closed');
    expect(await h.slots('a1', '2026-10-03')).toEqual([]);
  });

  it('四: a booking at least 24 hours ahead on every channel; the refusal states the rule', async () => {
    await h.at('2026-11-23T09:30:00+08:00');
    const late = await h.book(1, { serviceId: 'a1', date: '2026-11-24', slot: '09:00' });
    expectError(late, 422, 'too-late-to-book');
    expect(late.body.error.details).toEqual({ deadline: '2026-11-23T09:00:00+08:00', lead: '办理前24小时' });
    expect(late.body.error.message).toBe('已超过预约截止时间：须在办理前24小时预约');
    expect((await h.book(1, { serviceId: 'a1', date: '2026-11-24', slot: '10:00' })).status).toBe(201);
    expectError(await h.book(2, { serviceId: 'a1', date: '2026-11-24', slot: '09:00', channel: 'onsite' }), 422, 'too-late-to-book');
  });

  it('四1: phone bookings Mon–Thu 08:00–11:00 and 15:00–17:00, Friday 08:00–11:00 only', async () => {
    await h.at('2026-11-26T15:30:00+08:00');
    expect((await h.book(3, { serviceId: 'a2', date: '2026-11-28', slot: '08:00', channel: 'phone' })).status).toBe(201);
    await h.at('2026-11-27T15:30:00+08:00');
    const closed = await h.book(4, { serviceId: 'a2', date: '2026-11-28', slot: '16:00', channel: 'phone' });
    expectError(closed, 422, 'channel-closed');
    expect(closed.body.error.details.nextAcceptsAt).toBe('2026-11-30T08:00:00+08:00');
    expect(closed.body.error.message).toMatch(/^电话预约受理时间为.*周五 08:00–11:00.*下次受理时间 2026-11-30T08:00:00\+08:00$/);
  });

  it('四3: on-site registration Mon–Fri 08:00–11:00 and 15:00–17:00 (Friday afternoon too)', async () => {
    await h.at('2026-11-27T15:30:00+08:00');
    expect((await h.book(5, { serviceId: 'a2', date: '2026-11-28', slot: '16:00', channel: 'onsite' })).status).toBe(201);
    await h.at('2026-11-27T12:00:00+08:00');
    expectError(await h.book(6, { serviceId: 'a2', date: '2026-11-28', slot: '17:00', channel: 'onsite' }), 422, 'channel-closed');
  });
});

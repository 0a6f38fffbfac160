/** Seed 004 淄博 (halls/zibo.json) at real 2026 dates: weekend walk-in, holidays by appointment booked on a working day before, phone hours. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support.js';
import { startSeedHall, type SeedHall } from './support.js';

describe('淄博 (seed 004)', () => {
  let h: SeedHall;
  beforeAll(async () => { h = await startSeedHall('zibo', '2026-11-23T09:00:00+08:00'); });
  afterAll(() => h.close());

  it('二(一): weekends 09:00–12:00 and 13:00–17:00 walk-in (extended list); 12:30 closed', async () => {
    await h.at('2026-11-28T09:30:00+08:00');
    expect((await h.ticket('a2')).status).toBe(201);
    await h.at('2026-11-28T12:30:00+08:00');
    expectError(await h.ticket('a2'), 422, 'hall-closed');
  });

  it('二(二): statutory holidays by appointment only (国庆 10-03: no walk-in); make-up workday 10-10 is a workday', async () => {
    await h.at('2026-10-03T09:30:00+08:00');
    const r = await h.ticket('a2');
    expectError(r, 422, 'service-not-available-now');
    expect(r.body.error.details.appointmentOnly).toBe(true);
    await h.at('2026-10-10T09:00:00+08:00');
    expect((await h.ticket('a1')).status).toBe(201);
  });

  it('三(二)1: a holiday booking is made on a working day before the holiday (the make-up Sunday 09-20 counts), not on a weekend or during it', async () => {
    await h.at('2026-09-19T10:00:00+08:00');
    const weekend = await h.book(1, { serviceId: 'a2', date: '2026-10-03', slot: '10:00' });
    expectError(weekend, 422, 'holiday-booking-window');
    expect(weekend.body.error.details).toEqual({ date: '2026-10-03', lastDate: '2026-09-30' });
    expect(weekend.body.error.message).toBe('节假日预约须在节假日前的工作日办理，最迟 2026-09-30');
    await h.at('2026-09-20T10:00:00+08:00');
    expect((await h.book(1, { serviceId: 'a2', date: '2026-10-03', slot: '10:00', channel: 'phone' })).status).toBe(201);
    await h.at('2026-10-01T10:00:00+08:00');
    expectError(await h.book(2, { serviceId: 'a2', date: '2026-10-03', slot: '11:00' }), 422, 'holiday-booking-window');
  });

  it('三(二)1: phone bookings on workdays 09:00–12:00 and 13:00–17:00', async () => {
    await h.at('2026-11-23T12:30:00+08:00');
    const r = await h.book(3, { serviceId: 'a1', date: '2026-11-26', slot: '09:30', channel: 'phone' });
    expectError(r, 422, 'channel-closed');
    expect(r.body.error.details.nextAcceptsAt).toBe('2026-11-23T13:00:00+08:00');
    await h.at('2026-11-23T13:00:00+08:00');
    expect((await h.book(3, { serviceId: 'a1', date: '2026-11-26', slot: '09:30', channel: 'phone' })).status).toBe(201);
  });
});

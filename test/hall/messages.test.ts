/**
 * Messages name the hall's own numbers (issue 10): a refusal's details carry them from the policy,
 * and the message template is filled from the details. Checked with a policy that is not the default.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, KIOSK, makeHall, seedCatalog } from '../helpers/hall.js';
import { HallError, errorMessage } from '../../protocol/errors.js';
import { bookingOf, expectHallError } from './fixtures.js';

const PLATFORM = { kind: 'device' as const, id: 'd-platform', role: 'platform' as const };
const POLICY = { maxBookingsPerDay: 3, forfeitMinutes: 45, noShowLimit: 5, horizonDays: 7, cancelLeadHours: 6 };

function hallAt(now = '2026-11-23T09:00:00+08:00') {
  const h = makeHall({ now, policy: POLICY });
  seedCatalog(h.hall);
  return h;
}

describe('error messages filled from the hall policy', () => {
  it('daily booking limit: 每人每天最多预约3次 when the hall allows 3', () => {
    const { hall } = hallAt();
    for (const slot of ['09:30', '10:30', '11:30']) hall.book(PLATFORM, bookingOf(1, { slot }));
    const e = expectHallError(() => hall.book(PLATFORM, bookingOf(1, { slot: '14:30' })), 'daily-booking-limit', { limit: 3 });
    expect(e.message).toBe('每人每天最多预约3次');
  });

  it('horizon: 只能预约7天内的时段', () => {
    const { hall } = hallAt();
    const e = expectHallError(() => hall.book(PLATFORM, bookingOf(2, { date: '2026-12-03' })), 'beyond-horizon', { days: 7 });
    expect(e.message).toBe('只能预约7天内的时段');
  });

  it('late cancel: 距预约时间不足6小时', () => {
    const { hall, clock } = hallAt();
    const { booking } = hall.book(PLATFORM, bookingOf(3));
    clock.set('2026-11-24T04:00:00+08:00');
    const e = expectHallError(() => hall.cancelBooking(PLATFORM, booking.id, 'citizen'), 'too-late-to-cancel', { hours: 6 });
    expect(e.message).toBe('距预约时间不足6小时，请联系窗口取消');
  });

  it('expired: 已超过预约时间45分钟', () => {
    const { hall, clock } = hallAt();
    const { qr } = hall.book(PLATFORM, bookingOf(4));
    clock.set('2026-11-24T10:15:00+08:00');
    const e = expectHallError(() => hall.checkIn(KIOSK, { qr }), 'booking-expired', { minutes: 45 });
    expect(e.message).toBe('已超过预约时间45分钟，预约已失效');
  });

  it('barred: 本月爽约已达5次', () => {
    const { hall, clock } = hallAt('2026-11-02T09:00:00+08:00');
    for (const date of ['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-09']) hall.book(PLATFORM, bookingOf(5, { date }));
    clock.set('2026-11-10T09:00:00+08:00');
    hall.tick(); // five bookings never checked in: five no-shows
    expect(hall.credit(ADMIN, bookingOf(5).idNumber).noShowsThisMonth).toBe(5);
    const e = expectHallError(() => hall.book(PLATFORM, bookingOf(5, { date: '2026-11-11' })), 'booking-barred', { limit: 5 });
    expect(e.message).toBe('本月爽约已达5次，暂停预约服务');
  });

  it('a template whose detail is missing says its plain wording, never a bare placeholder', () => {
    expect(new HallError('daily-booking-limit').message).toBe('已达到每人每天的预约次数上限');
    expect(errorMessage('daily-booking-limit', { limit: 4 })).toBe('每人每天最多预约4次');
    expect(errorMessage('slot-full')).toBe('该时段已约满');
  });
});

/** The console's booking desk store (issue 19): loaded once, then kept by booking:updated events and by time passing. */
import { describe, expect, it } from 'vitest';
import { signal } from '@preact/signals';
import { createDeskStore } from '../../../apps/console/desk.js';
import type { Booking, Service } from '../../../protocol/domain.js';
import type { DeskEntry, DeskWorklist } from '../../../protocol/desk.js';

const T = (hhmm: string, date = '2026-11-23') => Date.parse(`${date}T${hhmm}:00+08:00`);
const booking = (id: string, over: Partial<Booking> = {}): Booking => ({
  id, status: 'booked', channel: 'online', serviceId: 's-a', date: '2026-11-23', slot: '10:30', name: '张*', idNumber: '6101**********0011',
  phone: '139****0011', createdAt: '2026-11-20T10:00:00+08:00', kind: 'window', ...over,
});
const entry = (b: Booking, over: Partial<DeskEntry> = {}): DeskEntry => ({ booking: b, reached: false, followedUp: false, ...over });
const services = signal<Service[]>([
  { id: 's-a', code: 'A', name: 'A', queueId: 'qA', extended: false, bookable: true, slotCapacity: 4 } as Service,
  { id: 's-b', code: 'B', name: 'B', queueId: 'qB', extended: false, bookable: true, slotCapacity: 4 } as Service,
]);

function setup(w: Partial<DeskWorklist>, now = T('09:00')) {
  const clock = signal(now);
  const desk = createDeskStore({ now: clock, services });
  desk.load({ windowId: 'w1', dispatched: [], toCall: [], followUp: [], others: [], forfeitMinutes: 30, ...w }, { id: 'w1', queueIds: ['qA'] }, '2026-11-23');
  const ids = () => ({
    dispatched: desk.lists.value.dispatched.map((x) => x.booking.id),
    toCall: desk.lists.value.toCall.map((x) => x.booking.id),
    followUp: desk.lists.value.followUp.map((x) => x.booking.id),
  });
  return { desk, clock, ids };
}

describe('console booking desk', () => {
  it('a booking moves between the lists as events change it', () => {
    const { desk, ids } = setup({ toCall: [entry(booking('a'))] });
    expect(ids()).toEqual({ dispatched: [], toCall: ['a'], followUp: [] });
    desk.apply({ booking: booking('a', { dispatch: { windowId: 'w1', at: '2026-11-23T09:01:00+08:00', by: 'user:l' } }) });
    expect(ids()).toEqual({ dispatched: ['a'], toCall: ['a'], followUp: [] });
    desk.apply({ booking: booking('a', { dispatch: { windowId: 'w1', at: 'x', by: 'l', signedAt: 'y', signedBy: 's' } }) });
    expect(ids().dispatched).toEqual([]);
    desk.apply({ booking: booking('a'), contact: { purpose: 'advance', outcome: 'not-reached', at: 'x', by: '王丽' } });
    expect(ids().toCall).toEqual(['a']);
    desk.apply({ booking: booking('a'), contact: { purpose: 'advance', outcome: 'confirmed', at: 'x', by: '王丽' } });
    expect(ids().toCall).toEqual([]);
  });

  it("a new booking of a service the window serves joins; another window's does not; one dispatched away leaves", () => {
    const { desk, ids } = setup({});
    desk.apply({ booking: booking('n') });
    desk.apply({ booking: booking('other', { serviceId: 's-b' }) });
    expect(ids().toCall).toEqual(['n']);
    desk.apply({ booking: booking('n', { dispatch: { windowId: 'w2', at: 'x', by: 'l' } }) });
    expect(ids().toCall).toEqual([]);
  });

  it('a no-show joins the follow-up list at slot + 30 min and not a minute before, and leaves it once followed up', () => {
    const { desk, clock, ids } = setup({ others: [entry(booking('late', { slot: '09:30' }), { reached: true })] });
    clock.value = T('09:59:59'.slice(0, 5)) + 59_000;
    expect(ids().followUp).toEqual([]);
    clock.value = T('10:00');
    expect(ids().followUp).toEqual(['late']);
    desk.apply({ booking: booking('late', { slot: '09:30', status: 'forfeited' }) });
    expect(ids().followUp).toEqual(['late']);
    desk.apply({ booking: booking('late', { slot: '09:30', status: 'forfeited' }), contact: { purpose: 'follow-up', outcome: 'gave-up', at: 'x', by: '王丽' } });
    expect(ids().followUp).toEqual([]);
  });
});

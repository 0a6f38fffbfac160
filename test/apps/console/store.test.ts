/** The console's store applies the hall's events (synthetic here) and orders the waiting list like call-next. */
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../apps/console/store.js';
import type { DailyReport, HallWindow, StateSnapshot, Ticket, WindowState } from '../../../protocol/domain.js';

const NOW = Date.parse('2026-11-23T09:02:00+08:00');
const at = (hhmm: string) => `2026-11-23T${hhmm}:00+08:00`;

function setup(policy?: StateSnapshot['policy']) {
  const saved = new Map<string, string>();
  const store = createStore({ get: (k) => saved.get(k) ?? null, set: (k, v) => void (v === null ? saved.delete(k) : saved.set(k, v)) }, () => NOW);
  const hw: HallWindow[] = [
    { id: 'w1', number: 1, name: '综合受理', queueIds: ['qA', 'qB'], reservationOnly: false },
    { id: 'w2', number: 2, name: '综合受理', queueIds: ['qA'], reservationOnly: false },
  ];
  store.windows.value = hw;
  const w1: WindowState = { id: 'w1', number: 1, name: '综合受理', status: 'open', mode: 'normal', current: null };
  const q = (id: string) => ({ id, name: id, prefix: id.slice(1), waiting: 0, reservationsWaiting: 0 });
  store.applySnapshot({ time: at('09:02'), windows: [w1], queues: [q('qA'), q('qB')], recentCalls: [], ...(policy ? { policy } : {}) });
  store.setWindow('w1');
  return store;
}

let n = 0;
const ticket = (number: string, queueId: string, issued: string, more: Partial<Ticket> = {}): Ticket => ({
  id: `t-${number}-${++n}`, number, kind: 'walk-in', status: 'waiting', queueId, serviceId: 's', issuedAt: at(issued), recalls: 0, ...more,
});
const numbers = (store: ReturnType<typeof setup>) => store.waiting.value.map((x) => x.number);
const report = (): DailyReport => ({ date: '2026-11-23', tickets: 0, served: 0, noShows: 0, cancelled: 0, cancelledAtDayEnd: 0, avgWaitSeconds: 0, avgServiceSeconds: 0, byQueue: [], byWindow: [], bookings: { total: 0, checkedIn: 0, forfeited: 0, cancelled: 0, served: 0 } });

describe('console store fed by events', () => {
  it('orders the waiting list as call-next would: transfers to this window, eligible reservations, then walk-ins by issue time', () => {
    const store = setup();
    const a1 = ticket('A001', 'qA', '09:00');
    const b1 = ticket('B001', 'qB', '08:59');
    const r1 = ticket('A002', 'qA', '09:01', { kind: 'reservation', slotStart: at('09:10'), checkedInAt: at('09:01') });
    const later = ticket('A003', 'qA', '09:01', { kind: 'reservation', slotStart: at('10:00'), checkedInAt: at('09:01') });
    for (const x of [a1, b1, r1, later]) store.applyTicket(x); // ticket:issued
    expect(numbers(store)).toEqual(['A002', 'B001', 'A001']);
    store.applyQueue({ id: 'qA', waiting: 4, reservationsWaiting: 2 }); // queue:updated
    expect(store.reservationsWaiting.value).toBe(2); // the badge counts the reservation not yet callable too
    expect(store.missingReservations.value).toBe(false);
    store.applyQueue({ id: 'qA', waiting: 5, reservationsWaiting: 3 }); // one the pool has not seen
    expect(store.missingReservations.value).toBe(true);
    const moved = ticket('C001', 'qC', '08:30', { targetWindowId: 'w1' }); // ticket:updated: transferred here
    store.applyTicket(moved);
    expect(numbers(store)[0]).toBe('C001');
  });

  it('drops a ticket called anywhere, transferred to another window, or no longer waiting', () => {
    const store = setup();
    const [a1, a2, a3] = [ticket('A001', 'qA', '09:00'), ticket('A002', 'qA', '09:00'), ticket('A003', 'qA', '09:01')];
    for (const x of [a1, a2, a3]) store.applyTicket(x);
    store.applyCalled(a1.id); // ticket:called at window 2
    store.applyTicket({ ...a2, targetWindowId: 'w2' }); // ticket:updated: transferred to window 2
    expect(numbers(store)).toEqual(['A003']);
    store.applyTicket({ ...a3, status: 'cancelled' });
    expect(numbers(store)).toEqual([]);
  });

  it('ignores tickets of queues this window does not serve', () => {
    const store = setup();
    store.applyTicket(ticket('D001', 'qD', '09:00'));
    expect(numbers(store)).toEqual([]);
  });

  it('under the manual policy a window in normal mode leaves reservations out of its list; in reservation mode only they are called', () => {
    const store = setup({ reservationPriority: 'manual', eligibleBeforeMinutes: 15 });
    store.applyTicket(ticket('A001', 'qA', '09:00'));
    store.applyTicket(ticket('A002', 'qA', '09:01', { kind: 'reservation', slotStart: at('09:10') }));
    expect(numbers(store)).toEqual(['A001']);
    store.applyWindow({ ...store.myWindow.value!, mode: 'reservation' }); // window:updated
    expect(numbers(store)).toEqual(['A002']);
  });

  it('replays ticket changes that arrived while the waiting list was loading on top of its answer', () => {
    const store = setup();
    const [a1, a2] = [ticket('A001', 'qA', '09:00'), ticket('A002', 'qA', '09:01')];
    store.beginPoolLoad();
    store.applyCalled(a1.id); // called while the GET was on the wire
    const a3 = ticket('A003', 'qA', '09:02');
    store.applyTicket(a3); // issued while the GET was on the wire
    store.setPool([a1, a2]); // the answer still lists A001
    expect(numbers(store)).toEqual(['A002', 'A003']);
  });

  // issue 20: the figures are no longer reloaded after events (the report is not marked stale): the
  // events count served, no-shows and the average service time themselves
  it('counts a ticket finished or missed at this window in today\'s figures at once, once, with its service time', () => {
    const store = setup();
    store.setReport({ ...report(), byWindow: [{ windowId: 'w1', number: 1, name: '综合受理', served: 2, noShows: 0, avgServiceSeconds: 300 }] });
    const a1 = ticket('A001', 'qA', '09:00', { status: 'done', windowId: 'w1', startedAt: at('09:10'), finishedAt: at('09:25') });
    store.applyTicket(a1);
    store.applyTicket(a1); // the command's answer and the event both tell it
    store.applyTicket(ticket('A002', 'qA', '09:00', { status: 'no-show', windowId: 'w1' }));
    store.applyTicket(ticket('A003', 'qA', '09:00', { status: 'done', windowId: 'w2' }));
    const mine = store.report.value!.byWindow.find((w) => w.windowId === 'w1')!;
    expect([mine.served, mine.noShows]).toEqual([3, 1]);
    expect(mine.avgServiceSeconds).toBe(Math.round((2 * 300 + 900) / 3)); // 2 × 5 min and one of 15 min
  });

  it('a lead\'s low ratings follow evaluation:updated: a new low rating of today joins, a follow-up replaces, a good one is ignored', () => {
    const store = setup();
    const rating = (id: string, level: 1 | 2 | 3 | 4 | 5, more: Record<string, unknown> = {}) => ({
      id, ticketId: `t-${id}`, ticketNumber: 'A001', day: '2026-11-23', level, reasons: [], channel: 'pad', createdAt: at('09:30'),
      dueDay: '2026-11-30', overdue: false, ...more,
    }) as unknown as Parameters<typeof store.applyEvaluation>[0];
    store.applyEvaluation(rating('e0', 1)); // before the list was loaded: nothing to patch
    expect(store.ratings.value).toBeNull();
    store.ratings.value = [rating('e1', 2)];
    store.applyEvaluation(rating('e2', 1));
    store.applyEvaluation(rating('e3', 5));
    store.applyEvaluation(rating('e4', 1, { day: '2026-11-20' }));
    store.applyEvaluation(rating('e1', 2, { followUp: { outcome: 'contacted', note: '已回访', by: '王组长', at: at('10:00') } }));
    expect(store.ratings.value!.map((e) => e.id)).toEqual(['e2', 'e1']);
    expect(store.ratings.value![1].followUp).toMatchObject({ note: '已回访' });
  });

  it('a command\'s answer sets or clears the window\'s current ticket', () => {
    const store = setup();
    const a1 = ticket('A001', 'qA', '09:00');
    store.applyTicket(a1);
    store.applyCommandTicket({ ...a1, status: 'called', windowId: 'w1', calledAt: at('09:02') });
    expect(store.myWindow.value!.current!.number).toBe('A001');
    expect(numbers(store)).toEqual([]);
    store.applyCommandTicket({ ...a1, status: 'done', windowId: 'w1' });
    expect(store.myWindow.value!.current).toBeNull();
  });

  it('takes the hall\'s name and opening from hall:updated', () => {
    const store = setup();
    store.applyHall({ open: false, nextOpenAt: at('13:00'), hallName: '西峡县政务服务中心' });
    expect(store.snapshot.value).toMatchObject({ open: false, nextOpenAt: at('13:00'), hallName: '西峡县政务服务中心' });
  });
});

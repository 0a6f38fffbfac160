import { describe, expect, it } from 'vitest';
import type { StateSnapshot, WindowState } from '../../../protocol/domain.js';
import { createDisplayStore, FLASH_MS } from '../../../apps/window-display/store.js';

const win = (number: number, current: string | null = null): WindowState => ({
  id: `w${number}`, number, name: '综合受理', status: 'open', mode: 'normal',
  current: current ? { id: `t-${current}`, number: current, kind: 'walk-in', status: 'called', queueId: 'qA', serviceId: 's', issuedAt: '', recalls: 0 } : null,
});
const snap = (windows: WindowState[]): StateSnapshot => ({ time: '2026-11-23T09:00:00+08:00', hallName: '大厅', windows, queues: [], recentCalls: [] });

function setup() {
  const timers: (() => void)[] = [];
  const store = createDisplayStore({ now: () => Date.parse('2026-11-23T00:59:00Z'), timers: { setTimeout: (f) => timers.push(f), clearTimeout: () => {} } });
  return { store, timers };
}

describe('display store', () => {
  it('is live only once connected and a snapshot arrived; a disconnect makes it stale until the next snapshot', () => {
    const { store } = setup();
    store.connected();
    expect(store.live.value).toBe(false);
    store.replace(snap([win(1, 'A001')]));
    expect(store.live.value).toBe(true);
    store.disconnected();
    expect(store.live.value).toBe(false);
    store.connected();
    expect(store.live.value).toBe(false);
    store.replace(snap([win(1, 'A009')]));
    expect(store.live.value).toBe(true);
    expect(store.windows.value[0].current!.number).toBe('A009');
  });

  it('takes the hall clock from the snapshot', () => {
    const { store } = setup();
    store.replace(snap([]));
    expect(store.hallNow()).toBe(Date.parse('2026-11-23T09:00:00+08:00'));
    expect(store.hallOffsetMin.value).toBe(480);
  });

  it('shows a call huge until its time is up, and lists it first among recent calls', () => {
    const { store, timers } = setup();
    store.replace(snap([win(1)]));
    store.called({ ticket: { id: 't1', number: 'A001', kind: 'reservation', queueId: 'qA' }, window: { id: 'w1', number: 1, name: '综合受理' }, recall: false, at: '2026-11-23T09:01:00+08:00' });
    expect(store.flash.value?.ticket.number).toBe('A001');
    expect(store.recentCalls.value[0]).toMatchObject({ ticketNumber: 'A001', kind: 'reservation', windowNumber: 1 });
    expect(FLASH_MS).toBeGreaterThan(2_000);
    timers.at(-1)!();
    expect(store.flash.value).toBeNull();
  });

  it('patches one window and one queue count', () => {
    const { store } = setup();
    store.replace({ ...snap([win(1), win(2)]), queues: [{ id: 'qA', name: '综合', prefix: 'A', waiting: 3, reservationsWaiting: 0 }] });
    store.windowUpdated(win(2, 'A002'));
    store.queueUpdated({ id: 'qA', waiting: 2, reservationsWaiting: 1 });
    expect(store.windows.value.map((w) => w.current?.number ?? null)).toEqual([null, 'A002']);
    expect(store.queues.value[0]).toMatchObject({ waiting: 2, reservationsWaiting: 1 });
  });
});

describe('display store and hall:updated', () => {
  it('takes the hall\'s opening and name from hall:updated', () => {
    const { store } = setup();
    store.replace(snap([win(1)]));
    store.hallUpdated({ open: false, nextOpenAt: '2026-11-24T09:00:00+08:00', hallName: '新大厅' });
    expect([store.open.value, store.nextOpenAt.value, store.hallName.value]).toEqual([false, '2026-11-24T09:00:00+08:00', '新大厅']);
  });
});

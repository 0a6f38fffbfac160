/** The lead's running figures follow the hall's events: served counts up once per finished ticket; a call or finish marks the longest wait stale. */
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../apps/console/store.js';
import type { Ticket } from '../../../protocol/domain.js';

const NOW = Date.parse('2026-11-23T10:00:00+08:00');
const ticket = (id: string, status: Ticket['status']): Ticket => ({
  id, number: 'A001', kind: 'walk-in', status, queueId: 'qA', serviceId: 's', issuedAt: '2026-11-23T09:00:00+08:00', recalls: 0,
});

function setup() {
  const store = createStore({ get: () => null, set: () => undefined }, () => NOW);
  store.applySnapshot({ time: '2026-11-23T10:00:00+08:00', windows: [], queues: [], recentCalls: [] });
  store.setLive({ at: '2026-11-23T10:00:00+08:00', waiting: 1, oldestWaitingSince: '2026-11-23T09:00:00+08:00', longestWaitSeconds: 3600, served: 2, windowsOpen: 1, windowsPaused: 0 });
  return store;
}

describe('console live figures', () => {
  it('a finished ticket adds one to served, once, whatever updates it later', () => {
    const store = setup();
    expect(store.liveStale.value).toBe(false);
    store.applyTicket(ticket('t1', 'done'));
    expect(store.live.value!.served).toBe(3);
    store.applyTicket({ ...ticket('t1', 'done'), recalls: 1 });
    expect(store.live.value!.served).toBe(3);
    expect(store.liveStale.value).toBe(true);
  });
  it('a new waiting ticket changes nothing the hall must be asked for; a call marks the longest wait stale', () => {
    const store = setup();
    store.applyTicket(ticket('t2', 'waiting'));
    expect(store.liveStale.value).toBe(false);
    store.applyCalled('t2');
    expect(store.liveStale.value).toBe(true);
    store.setLive({ ...store.live.value!, served: 5 });
    expect(store.liveStale.value).toBe(false);
  });
});

/** hall:updated on the hall's bus: when a tick sees the hall open or close, and on demand after a settings change. */
import { describe, expect, it } from 'vitest';
import type { HallUpdatedEvent } from '../../protocol/events.js';
import { makeHall, seedCatalog } from '../helpers/hall.js';

describe('hall:updated', () => {
  it('the first tick only notes the openness; a tick across 08:30 and one across closing each emit once', () => {
    const { hall, clock } = makeHall({ now: '2026-11-23T08:00:00+08:00' });
    seedCatalog(hall);
    const seen: HallUpdatedEvent[] = [];
    hall.events.on('hall:updated', (e) => seen.push(e));
    hall.tick();
    clock.set('2026-11-23T08:20:00+08:00');
    hall.tick();
    expect(seen).toEqual([]);
    clock.set('2026-11-23T08:31:00+08:00');
    hall.tick();
    hall.tick();
    expect(seen).toEqual([{ open: true, nextOpenAt: null, hallName: '测试政务服务中心' }]);
    clock.set('2026-11-23T21:00:00+08:00');
    hall.tick();
    expect(seen.at(-1)).toEqual({ open: false, nextOpenAt: '2026-11-24T08:30:00+08:00', hallName: '测试政务服务中心' });
    expect(seen).toHaveLength(2);
  });

  it('hall.announce (announceHall) emits the state now (a settings change), even when openness did not change', () => {
    const { hall } = makeHall();
    seedCatalog(hall);
    hall.tick();
    const seen: HallUpdatedEvent[] = [];
    hall.events.on('hall:updated', (e) => seen.push(e));
    hall.announce();
    expect(seen).toEqual([{ open: true, nextOpenAt: null, hallName: '测试政务服务中心' }]);
  });
});

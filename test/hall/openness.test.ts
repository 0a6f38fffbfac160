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
    expect(seen).toMatchObject([{ open: true, nextOpenAt: null, hallName: '测试政务服务中心' }]);
    clock.set('2026-11-23T21:00:00+08:00');
    hall.tick();
    expect(seen.at(-1)).toMatchObject({ open: false, nextOpenAt: '2026-11-24T08:30:00+08:00', hallName: '测试政务服务中心' });
    expect(seen).toHaveLength(2);
  });

  it('hall.announce (announceHall) emits the state now (a settings change), even when openness did not change', () => {
    const { hall } = makeHall();
    seedCatalog(hall);
    hall.tick();
    const seen: HallUpdatedEvent[] = [];
    hall.events.on('hall:updated', (e) => seen.push(e));
    hall.announce();
    expect(seen).toMatchObject([{ open: true, nextOpenAt: null, hallName: '测试政务服务中心' }]);
  });

  it('issue 14: crossing 12:00 into the lunch 延时服务 session emits the availability: non-extended services greyed until 13:30', () => {
    const { hall, clock } = makeHall({ now: '2026-11-23T11:50:00+08:00' });
    seedCatalog(hall);
    hall.tick();
    const seen: HallUpdatedEvent[] = [];
    hall.events.on('hall:updated', (e) => seen.push(e));
    expect(hall.snapshot().availability).toEqual({ session: expect.objectContaining({ kind: 'regular', extended: false }), unavailable: [] });
    clock.set('2026-11-23T12:10:00+08:00');
    hall.tick();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.open).toBe(true);
    const a = seen[0]!.availability!;
    expect(a.session).toMatchObject({ kind: 'lunch', extended: true, start: '12:00', end: '13:30' });
    const extended = new Set(hall.services().filter((s) => s.extended).map((s) => s.id));
    expect(a.unavailable.length).toBeGreaterThan(0);
    for (const u of a.unavailable) {
      expect(extended.has(u.serviceId)).toBe(false);
      expect(u.nextAt).toBe('2026-11-23T13:30:00+08:00');
    }
    expect(hall.snapshot().availability).toEqual(a);
  });

  it('issue 14: closed at night, an extended service is next available at the evening or next morning session, each its own time', () => {
    const { hall } = makeHall({ now: '2026-11-23T17:10:00+08:00' });
    seedCatalog(hall);
    const a = hall.snapshot().availability!;
    expect(a.session).toMatchObject({ kind: 'evening', extended: true });
    expect(a.unavailable.every((u) => u.nextAt === '2026-11-24T08:30:00+08:00')).toBe(true);
  });
});

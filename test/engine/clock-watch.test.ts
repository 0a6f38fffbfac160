import { describe, expect, it } from 'vitest';
import { notBefore, observeClock, startWatch, type ClockReading, type ClockWatchState } from '../../server/engine/clock-watch.js';

const MIN = 60_000;
const T0 = new Date('2026-11-23T09:00:00+08:00').getTime();

/** Feeds readings in turn; answers each observation's timersNow and event kind. */
function run(readings: ClockReading[]) {
  let s: ClockWatchState = startWatch(readings[0]);
  return readings.slice(1).map((r) => {
    const o = observeClock(s, r);
    s = o.state;
    return { at: o.timersNow, event: o.event?.kind ?? null, held: s.jump !== null };
  });
}

describe('clock watch (issue 13 item 10): wall clock against the monotonic clock', () => {
  it('wall and monotonic in step: the wall clock, no event', () => {
    expect(
      run([
        { wall: T0, mono: 0 },
        { wall: T0 + 10_000, mono: 10_000 },
        { wall: T0 + 4 * MIN + 20_000, mono: 20_000 },
      ]),
    ).toEqual([
      { at: T0 + 10_000, event: null, held: false },
      { at: T0 + 4 * MIN + 20_000, event: null, held: false },
    ]);
  });

  it('a forward jump of a month: timers run at the believed time until the clock comes back', () => {
    const month = 30 * 24 * 60 * MIN;
    expect(
      run([
        { wall: T0, mono: 0 },
        { wall: T0 + month + 10_000, mono: 10_000 },
        { wall: T0 + month + 20_000, mono: 20_000 },
        { wall: T0 + 30_000, mono: 30_000 },
        { wall: T0 + 40_000, mono: 40_000 },
      ]),
    ).toEqual([
      { at: T0 + 10_000, event: 'jump', held: true },
      { at: T0 + 20_000, event: null, held: true },
      { at: T0 + 30_000, event: 'undone', held: false },
      { at: T0 + 40_000, event: null, held: false },
    ]);
  });

  it('a backward step: timers run at the wall clock (the lower), nothing early', () => {
    expect(
      run([
        { wall: T0, mono: 0 },
        { wall: T0 - 30 * MIN, mono: 10_000 },
      ]),
    ).toEqual([{ at: T0 - 30 * MIN, event: 'jump', held: true }]);
  });

  it('a jumped clock that keeps step for 30 minutes is believed; a second jump restarts the wait', () => {
    const r: ClockReading[] = [
      { wall: T0, mono: 0 },
      { wall: T0 + 120 * MIN, mono: 0 },
    ];
    for (let m = 10; m <= 20; m += 10) r.push({ wall: T0 + 120 * MIN + m * MIN, mono: m * MIN });
    r.push({ wall: T0 + 180 * MIN + 25 * MIN, mono: 25 * MIN }); // jumps again
    r.push({ wall: T0 + 180 * MIN + 50 * MIN, mono: 50 * MIN }); // 25 min since the last jump: still held
    r.push({ wall: T0 + 180 * MIN + 55 * MIN, mono: 55 * MIN }); // 30 min: believed
    expect(run(r).map((o) => o.event)).toEqual(['jump', null, null, 'jump', null, 'believed']);
    expect(run(r).at(-2)).toEqual({ at: 50 * MIN + T0, event: null, held: true });
    expect(run(r).at(-1)).toEqual({ at: T0 + 235 * MIN, event: 'believed', held: false });
  });

  it('issue and call times never go backwards within a day', () => {
    expect(notBefore(T0, undefined)).toBe(T0);
    expect(notBefore(T0, T0 + 30 * MIN)).toBe(T0 + 30 * MIN);
    expect(notBefore(T0 + 31 * MIN, T0 + 30 * MIN)).toBe(T0 + 31 * MIN);
  });
});

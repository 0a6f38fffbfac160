/**
 * System clock jumps (issue 13 item 10). Pure: the hall reads the wall clock and a monotonic clock
 * (process.hrtime / performance.now, which no one can set) at each tick and hands both here.
 *
 * The rule. Between two ticks the wall clock should move as much as the monotonic clock did. When
 * it moves more than `thresholdMs` more or less, the clock *jumped*. Until the jump is believed the
 * hall keeps a *believed* time that advances only by monotonic time from the last trusted reading,
 * and what time alone does (forfeits, day-end) runs at `min(wall, believed)`:
 *  - a wrong forward jump (+1 month) forfeits nothing of the jumped span: the believed time did not
 *    pass those forfeit times; bookings that really come due in the meantime are still forfeited;
 *  - a backward step lets nothing run early: the wall clock is the lower of the two.
 * A jump ends either when the wall clock agrees with the believed time again (the jump was undone:
 * nothing was lost), or when the wall clock has kept step with the monotonic clock for `believeAfterMs`
 * since the last jump (a correction, e.g. NTP after a bad RTC, or a resumed VM): then the wall clock
 * is believed and what fell due in the span runs on the next tick. A restart believes the wall clock.
 */

export interface ClockReading {
  /** wall clock, ms since the epoch */
  wall: number;
  /** monotonic clock, ms from any origin */
  mono: number;
}

export interface ClockWatchOptions {
  /** a wall clock moving this much more or less than the monotonic clock is a jump */
  thresholdMs: number;
  /** a jumped wall clock keeping step this long is believed */
  believeAfterMs: number;
}

export const CLOCK_WATCH: ClockWatchOptions = { thresholdMs: 5 * 60_000, believeAfterMs: 30 * 60_000 };

export interface ClockWatchState {
  last: ClockReading;
  /** set while a jump is not believed */
  jump: null | {
    /** believed time at `last.mono` */
    believed: number;
    /** monotonic time of the last jump seen (a second jump restarts the wait) */
    since: number;
  };
}

export type ClockEvent =
  | { kind: 'jump'; wall: number; believed: number; driftMs: number }
  | { kind: 'undone'; wall: number; believed: number }
  | { kind: 'believed'; wall: number; believed: number };

export interface ClockObservation {
  state: ClockWatchState;
  /** the time forfeits and day-end run at */
  timersNow: number;
  event?: ClockEvent;
}

/** The first reading: the wall clock is all there is to believe. */
export function startWatch(r: ClockReading): ClockWatchState {
  return { last: r, jump: null };
}

export function observeClock(s: ClockWatchState, r: ClockReading, o: ClockWatchOptions = CLOCK_WATCH): ClockObservation {
  const elapsed = Math.max(0, r.mono - s.last.mono);
  const drift = r.wall - s.last.wall - elapsed;
  const jumped = Math.abs(drift) > o.thresholdMs;
  if (!s.jump) {
    if (!jumped) return { state: { last: r, jump: null }, timersNow: r.wall };
    const believed = s.last.wall + elapsed;
    return {
      state: { last: r, jump: { believed, since: r.mono } },
      timersNow: Math.min(r.wall, believed),
      event: { kind: 'jump', wall: r.wall, believed, driftMs: drift },
    };
  }
  const believed = s.jump.believed + elapsed;
  if (Math.abs(r.wall - believed) <= o.thresholdMs) {
    return { state: { last: r, jump: null }, timersNow: r.wall, event: { kind: 'undone', wall: r.wall, believed } };
  }
  const since = jumped ? r.mono : s.jump.since;
  if (r.mono - since >= o.believeAfterMs) {
    return { state: { last: r, jump: null }, timersNow: r.wall, event: { kind: 'believed', wall: r.wall, believed } };
  }
  const state = { last: r, jump: { believed, since } };
  return {
    state,
    timersNow: Math.min(r.wall, believed),
    ...(jumped ? { event: { kind: 'jump' as const, wall: r.wall, believed, driftMs: drift } } : {}),
  };
}

/** A ticket's issue or call time: never before the day's last one, so a backward step keeps the calling order. */
export const notBefore = (now: number, last: number | undefined): number => (last !== undefined && last > now ? last : now);

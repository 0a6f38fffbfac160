/**
 * The clock is a dependency (STYLE.md practice 3): rules never read Date.now().
 * The manual clock lets tests and `PUT /api/_clock` move time; listeners run what is then due.
 */

export interface Clock {
  now(): Date;
  readonly manual: boolean;
  /**
   * A monotonic clock in ms (no one can set it): the hall compares the wall clock with it to notice a
   * system clock jump (engine/clock-watch.ts). Absent on the manual clock, whose moves are deliberate.
   */
  monotonic?(): number;
}

export class SystemClock implements Clock {
  readonly manual = false;
  now(): Date {
    return new Date();
  }
  monotonic(): number {
    return performance.now();
  }
}

export class ManualClock implements Clock {
  readonly manual = true;
  private ms: number;
  constructor(start: Date | string = new Date()) {
    this.ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  set(to: Date | string): Date {
    const ms = new Date(to).getTime();
    if (Number.isNaN(ms)) throw new RangeError(`invalid time: ${String(to)}`);
    this.ms = ms;
    return this.now();
  }
  advance(ms: number): Date {
    this.ms += ms;
    return this.now();
  }
}

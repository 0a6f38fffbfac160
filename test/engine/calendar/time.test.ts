import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  fromMinutes,
  localDate,
  localTime,
  toMinutes,
  weekday,
  zonedInstant,
} from '../../../server/engine/calendar.js';

const SH = 'Asia/Shanghai';

describe('localDate / localTime / zonedInstant (DESIGN: time passed in as an instant, hall zone)', () => {
  it('DESIGN: 08:30 on 2026-10-01 in Beijing is 00:30 UTC, and reads back the same', () => {
    const i = zonedInstant('2026-10-01', '08:30', SH);
    expect(i.toISOString()).toBe('2026-10-01T00:30:00.000Z');
    expect(localDate(i, SH)).toBe('2026-10-01');
    expect(localTime(i, SH)).toBe('08:30');
  });

  it('reads an instant shortly after Beijing midnight as the next local date', () => {
    const i = new Date('2026-03-10T16:30:00Z');
    expect(localDate(i, SH)).toBe('2026-03-11');
    expect(localTime(i, SH)).toBe('00:30');
    expect(localDate(i, 'UTC')).toBe('2026-03-10');
  });

  it('writes midnight as 00:00, never 24:00', () => {
    expect(localTime(new Date('2026-03-10T16:00:00Z'), SH)).toBe('00:00');
  });

  it('round-trips every minute-aligned instant of 2000–2100 through the Beijing wall clock', () => {
    fc.assert(
      fc.property(fc.integer({ min: 946_684_800 / 60, max: 4_102_444_800 / 60 }), (minute) => {
        const i = new Date(minute * 60_000);
        expect(zonedInstant(localDate(i, SH), localTime(i, SH), SH)).toEqual(i);
      }),
      { numRuns: 300 },
    );
  });

  it('maps "24:00" to the next local midnight', () => {
    expect(zonedInstant('2026-10-01', '24:00', SH)).toEqual(zonedInstant('2026-10-02', '00:00', SH));
  });

  it('follows DST in other zones: New York 09:00 is 14:00 UTC in winter and 13:00 UTC in summer', () => {
    expect(zonedInstant('2026-01-15', '09:00', 'America/New_York').toISOString()).toBe('2026-01-15T14:00:00.000Z');
    expect(zonedInstant('2026-07-15', '09:00', 'America/New_York').toISOString()).toBe('2026-07-15T13:00:00.000Z');
  });

  it('maps a wall time skipped by DST to just after the jump, a repeated one to its first occurrence', () => {
    expect(zonedInstant('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(zonedInstant('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(zonedInstant('2026-10-25', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses an unknown zone instead of falling back to UTC', () => {
    expect(() => localDate(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });

  it('refuses an invalid Date', () => {
    expect(() => localDate(new Date(NaN), SH)).toThrow(RangeError);
  });
});

describe('date and time arithmetic', () => {
  it('addDays crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-16', -3)).toBe('2026-03-13');
  });

  it('weekday of a date does not depend on any zone: 2026-10-10 is a Saturday', () => {
    expect(weekday('2026-10-10')).toBe(6);
    expect(weekday('2026-10-11')).toBe(0);
  });

  it('toMinutes/fromMinutes convert HH:MM, accept 24:00 as an end, refuse malformed times', () => {
    expect(toMinutes('13:30')).toBe(810);
    expect(fromMinutes(810)).toBe('13:30');
    expect(toMinutes('24:00')).toBe(1440);
    expect(() => toMinutes('8:30')).toThrow(RangeError);
    expect(() => toMinutes('12:60')).toThrow(RangeError);
    expect(() => toMinutes('24:30')).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOURS,
  hourlySlots,
  nextOpening,
  serviceOpenAt,
  sessionAt,
  sessionsOn,
} from '../../../server/engine/calendar.js';
import type { HoursConfig, Session } from '../../../server/engine/calendar.js';

/** An instant given as Beijing wall time. */
const bj = (local: string): Date => new Date(`${local}:00+08:00`);
const ordinary = { extended: false };
const extended = { extended: true };
const regularOnly = (s: Session): boolean => !s.extended;
const walkInAllowed = (s: Session): boolean => !s.appointmentOnly;

describe('sessionAt (seed 003 §2.5, §5.1)', () => {
  it('seed 003 §2.5: a winter workday at 10:00 is in the regular morning session', () => {
    expect(sessionAt(bj('2026-03-10T10:00'), DEFAULT_HOURS)).toMatchObject({ kind: 'regular', start: '08:30' });
  });

  it('seed 003 §5.1.1: the start is inclusive and the end exclusive (12:00 is lunch, not morning)', () => {
    expect(sessionAt(bj('2026-03-10T08:30'), DEFAULT_HOURS)?.kind).toBe('regular');
    expect(sessionAt(bj('2026-03-10T12:00'), DEFAULT_HOURS)?.kind).toBe('lunch');
    expect(sessionAt(new Date('2026-03-10T11:59:59+08:00'), DEFAULT_HOURS)?.kind).toBe('regular');
  });

  it('seed 003 §5.1.2: 17:29 on a winter workday is evening, 17:30 is closed', () => {
    expect(sessionAt(bj('2026-03-10T17:29'), DEFAULT_HOURS)?.kind).toBe('evening');
    expect(sessionAt(bj('2026-03-10T17:30'), DEFAULT_HOURS)).toBeNull();
  });

  it('reads the instant in the hall zone: 01:00 UTC is 09:00 in Beijing', () => {
    expect(sessionAt(new Date('2026-03-10T01:00:00Z'), DEFAULT_HOURS)?.kind).toBe('regular');
    expect(sessionAt(new Date('2026-03-10T01:00:00Z'), { ...DEFAULT_HOURS, tz: 'UTC' })).toBeNull();
  });
});

describe('serviceOpenAt (DESIGN: in an extended session only extended services are served)', () => {
  it('seed 003 §2.5: a regular session serves every service', () => {
    expect(serviceOpenAt(ordinary, bj('2026-03-10T10:00'), DEFAULT_HOURS)).toBe(true);
    expect(serviceOpenAt(extended, bj('2026-03-10T10:00'), DEFAULT_HOURS, { walkIn: true })).toBe(true);
  });

  it('seed 003 §5.1.1: the lunch session serves only extended services', () => {
    expect(serviceOpenAt(ordinary, bj('2026-03-10T12:30'), DEFAULT_HOURS)).toBe(false);
    expect(serviceOpenAt(extended, bj('2026-03-10T12:30'), DEFAULT_HOURS, { walkIn: true })).toBe(true);
  });

  it('seed 004 三(一): a weekend serves extended services to walk-ins, not ordinary ones', () => {
    expect(serviceOpenAt(extended, bj('2026-03-14T09:00'), DEFAULT_HOURS, { walkIn: true })).toBe(true);
    expect(serviceOpenAt(ordinary, bj('2026-03-14T09:00'), DEFAULT_HOURS, { walkIn: true })).toBe(false);
  });

  it('seed 004 三(二): a holiday session refuses walk-ins but serves bookings of extended services', () => {
    const now = bj('2026-10-02T10:00');
    expect(serviceOpenAt(extended, now, DEFAULT_HOURS, { walkIn: true })).toBe(false);
    expect(serviceOpenAt(extended, now, DEFAULT_HOURS)).toBe(true);
    expect(serviceOpenAt(ordinary, now, DEFAULT_HOURS)).toBe(false);
  });

  it('DESIGN: outside every session no service is open', () => {
    expect(serviceOpenAt(extended, bj('2026-03-10T07:00'), DEFAULT_HOURS)).toBe(false);
    expect(serviceOpenAt(extended, bj('2026-02-17T10:00'), DEFAULT_HOURS)).toBe(false);
  });
});

describe('nextOpening (DESIGN: outside hours the kiosk says when it next opens)', () => {
  it('DESIGN: inside a session the answer is now itself', () => {
    const now = bj('2026-03-10T17:00');
    expect(nextOpening(now, DEFAULT_HOURS)).toEqual(now);
  });

  it('seed 003 §5.1.2: from the evening session an ordinary service next opens at 08:30 the next day', () => {
    expect(nextOpening(bj('2026-03-10T17:00'), DEFAULT_HOURS, regularOnly)).toEqual(bj('2026-03-11T08:30'));
  });

  it('seed 003 §5.1.2: after the evening session closes the hall next opens at 08:30 the next day', () => {
    expect(nextOpening(bj('2026-03-10T17:30'), DEFAULT_HOURS)).toEqual(bj('2026-03-11T08:30'));
  });

  it('seed 003 §5.1.1: during lunch an ordinary service next opens when the afternoon starts', () => {
    expect(nextOpening(bj('2026-03-10T12:10'), DEFAULT_HOURS, regularOnly)).toEqual(bj('2026-03-10T13:30'));
  });

  it('seed 004 三(一): from Friday night the hall next opens Saturday 09:00', () => {
    expect(nextOpening(bj('2026-03-13T20:00'), DEFAULT_HOURS)).toEqual(bj('2026-03-14T09:00'));
  });

  it('seed 004 三(一): from Friday night an ordinary service next opens Monday 08:30', () => {
    expect(nextOpening(bj('2026-03-13T20:00'), DEFAULT_HOURS, regularOnly)).toEqual(bj('2026-03-16T08:30'));
  });

  it('seed 003 §5.1.3: from 正月初一 2026-02-17 the hall next opens 初二 09:00 (holiday, by appointment)', () => {
    expect(nextOpening(bj('2026-02-17T10:00'), DEFAULT_HOURS)).toEqual(bj('2026-02-18T09:00'));
  });

  it('seed 004 三(二): from 正月初一 2026-02-17 a walk-in waits for the first workday after 春节, 2026-02-24', () => {
    expect(nextOpening(bj('2026-02-17T10:00'), DEFAULT_HOURS, walkInAllowed)).toEqual(bj('2026-02-24T08:30'));
  });

  it('passes the local date of each session to accept', () => {
    const seen: string[] = [];
    nextOpening(bj('2026-03-13T20:00'), DEFAULT_HOURS, (_s, date) => (seen.push(date), date === '2026-03-16'));
    expect([...new Set(seen)]).toEqual(['2026-03-13', '2026-03-14', '2026-03-15', '2026-03-16']);
  });

  it('answers null when nothing is accepted within the 60-day search', () => {
    expect(nextOpening(bj('2026-03-10T10:00'), DEFAULT_HOURS, () => false)).toBeNull();
    const closed: HoursConfig = { ...DEFAULT_HOURS, overrides: {} };
    for (let d = new Date('2026-03-10T00:00:00Z'); d < new Date('2026-05-20T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) {
      closed.overrides[d.toISOString().slice(0, 10)] = 'closed';
    }
    expect(nextOpening(bj('2026-03-10T10:00'), closed)).toBeNull();
  });
});

describe('hourlySlots (CONTRACT: hourly slots from each session start, last partial hour shorter)', () => {
  it('CONTRACT: 08:30–12:00 gives 08:30, 09:30, 10:30 and a short 11:30–12:00', () => {
    const am: Session = { kind: 'regular', start: '08:30', end: '12:00', extended: false, appointmentOnly: false };
    expect(hourlySlots([am])).toEqual([
      { slot: '08:30', end: '09:30' },
      { slot: '09:30', end: '10:30' },
      { slot: '10:30', end: '11:30' },
      { slot: '11:30', end: '12:00' },
    ]);
  });

  it('seed 003 §2.5: a winter workday of regular sessions has 7 slots, the afternoon counted from 13:30', () => {
    const regular = sessionsOn('2026-03-10', DEFAULT_HOURS).filter((s) => !s.extended);
    expect(hourlySlots(regular).map((s) => `${s.slot}-${s.end}`)).toEqual([
      '08:30-09:30',
      '09:30-10:30',
      '10:30-11:30',
      '11:30-12:00',
      '13:30-14:30',
      '14:30-15:30',
      '15:30-16:30',
    ]);
  });

  it('seed 003 §5.1: all sessions of a winter workday give slots sorted by start, each start once', () => {
    const slots = hourlySlots(sessionsOn('2026-03-10', DEFAULT_HOURS)).map((s) => s.slot);
    expect(slots).toEqual(['08:30', '09:30', '10:30', '11:30', '12:00', '13:00', '13:30', '14:30', '15:30', '16:30']);
  });

  it('gives no slots for a day without sessions', () => {
    expect(hourlySlots([])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOURS,
  dayKind,
  isWorkingDay,
  previousWorkingDay,
  seasonOf,
  sessionsOn,
} from '../../server/engine/calendar.js';
import type { HoursConfig, Session } from '../../server/engine/calendar.js';

const cfg = (patch: Partial<HoursConfig> = {}): HoursConfig => ({ ...DEFAULT_HOURS, ...patch });

/** 'start–end kind' per session, with flags, for compact expectations. */
const show = (sessions: Session[]): string[] =>
  sessions.map(
    (s) =>
      `${s.start}–${s.end} ${s.kind}${s.extended ? ' ext' : ''}${s.appointmentOnly ? ' appt' : ''}`,
  );

describe('dayKind (DESIGN "Opening hours and calendar", chinese-days data)', () => {
  it('DESIGN: a Monday–Friday outside any holiday is a workday', () => {
    expect(dayKind('2026-03-10', DEFAULT_HOURS)).toBe('workday');
  });

  it('DESIGN: a Saturday or Sunday that is not a make-up day is a weekend', () => {
    expect(dayKind('2026-03-14', DEFAULT_HOURS)).toBe('weekend');
    expect(dayKind('2026-03-15', DEFAULT_HOURS)).toBe('weekend');
  });

  it('DESIGN: 2026-10-01 国庆 is a statutory holiday, and so is its weekend day 2026-10-03', () => {
    expect(dayKind('2026-10-01', DEFAULT_HOURS)).toBe('holiday');
    expect(dayKind('2026-10-03', DEFAULT_HOURS)).toBe('holiday');
    expect(dayKind('2026-10-07', DEFAULT_HOURS)).toBe('holiday');
    expect(dayKind('2026-10-08', DEFAULT_HOURS)).toBe('workday');
  });

  it('DESIGN: Saturday 2026-10-10 (国庆 调休上班) and Sunday 2026-01-04 are make-up workdays', () => {
    expect(dayKind('2026-10-10', DEFAULT_HOURS)).toBe('makeup-workday');
    expect(dayKind('2026-01-04', DEFAULT_HOURS)).toBe('makeup-workday');
    expect(isWorkingDay('2026-10-10', DEFAULT_HOURS)).toBe(true);
  });

  it('DESIGN: a hall override replaces the state calendar for that date', () => {
    const c = cfg({ overrides: { '2026-03-10': 'closed', '2026-03-14': 'workday', '2026-10-02': 'weekend' } });
    expect(dayKind('2026-03-10', c)).toBe('closed');
    expect(dayKind('2026-03-14', c)).toBe('workday');
    expect(dayKind('2026-10-02', c)).toBe('weekend');
    expect(isWorkingDay('2026-03-10', c)).toBe(false);
  });

  it('refuses a malformed or impossible date instead of guessing', () => {
    expect(() => dayKind('2026-3-10', DEFAULT_HOURS)).toThrow(RangeError);
    expect(() => dayKind('2026-02-30', DEFAULT_HOURS)).toThrow(RangeError);
  });
});

describe('sessionsOn: workdays (seed 003 §2.5, §5.1.1, §5.1.2)', () => {
  it('seed 003 §2.5: summer workday runs 08:30–12:00 and 14:00–17:00, lunch and evening extended', () => {
    expect(show(sessionsOn('2026-06-10', DEFAULT_HOURS))).toEqual([
      '08:30–12:00 regular',
      '12:00–14:00 lunch ext',
      '14:00–17:00 regular',
      '17:00–18:00 evening ext',
    ]);
  });

  it('seed 003 §2.5: winter workday has 13:30–16:30 afternoon, lunch 12:00–13:30, evening to 17:30', () => {
    expect(show(sessionsOn('2026-03-10', DEFAULT_HOURS))).toEqual([
      '08:30–12:00 regular',
      '12:00–13:30 lunch ext',
      '13:30–16:30 regular',
      '16:30–17:30 evening ext',
    ]);
  });

  it('seed 003 §2.5: summer hours start on summerFrom (05-01) and end the day before winterFrom (10-01)', () => {
    expect(seasonOf('2026-04-30', DEFAULT_HOURS)).toBe('winter');
    expect(seasonOf('2026-05-01', DEFAULT_HOURS)).toBe('summer');
    expect(seasonOf('2026-09-30', DEFAULT_HOURS)).toBe('summer');
    expect(seasonOf('2026-10-01', DEFAULT_HOURS)).toBe('winter');
    expect(sessionsOn('2026-09-30', DEFAULT_HOURS)[2]).toMatchObject({ start: '14:00', end: '17:00' });
    expect(sessionsOn('2026-10-08', DEFAULT_HOURS)[2]).toMatchObject({ start: '13:30', end: '16:30' });
  });

  it('seed 003 §2.5: configurable season switch dates move the change of hours', () => {
    const c = cfg({ summerFrom: '06-01', winterFrom: '09-01' });
    expect(seasonOf('2026-05-20', c)).toBe('winter');
    expect(seasonOf('2026-09-01', c)).toBe('winter');
    expect(seasonOf('2026-08-31', c)).toBe('summer');
  });

  it('seed 003 §5.1.1/§5.1.2: lunch=false and eveningMinutes=0 leave only the regular sessions', () => {
    expect(show(sessionsOn('2026-03-10', cfg({ lunch: false, eveningMinutes: 0 })))).toEqual([
      '08:30–12:00 regular',
      '13:30–16:30 regular',
    ]);
  });

  it('seed 003 §5.1.2: eveningMinutes sets the length of the evening session', () => {
    expect(sessionsOn('2026-03-10', cfg({ eveningMinutes: 90 })).at(-1)).toMatchObject({
      kind: 'evening',
      start: '16:30',
      end: '18:00',
    });
  });

  it('DESIGN: a make-up workday (2026-10-10, Saturday) runs workday sessions, not weekend ones', () => {
    expect(show(sessionsOn('2026-10-10', DEFAULT_HOURS))).toEqual(show(sessionsOn('2026-10-08', DEFAULT_HOURS)));
  });

  it('refuses a configured session that ends before it starts', () => {
    const c = cfg({ winter: { am: ['12:00', '08:30'], pm: ['13:30', '16:30'] } });
    expect(() => sessionsOn('2026-03-10', c)).toThrow(/ends before it starts/);
  });
});

describe('sessionsOn: weekends and holidays (seed 004 三, seed 003 §5.1.3)', () => {
  it('seed 004 三(一): a weekend runs 09:00–12:00 and 13:00–17:00, extended, walk-ins allowed', () => {
    expect(show(sessionsOn('2026-03-14', DEFAULT_HOURS))).toEqual([
      '09:00–12:00 weekend ext',
      '13:00–17:00 weekend ext',
    ]);
  });

  it('seed 004 三(二): a statutory holiday (2026-10-02 国庆) runs appointment-only extended sessions', () => {
    expect(show(sessionsOn('2026-10-02', DEFAULT_HOURS))).toEqual([
      '09:00–12:00 holiday ext appt',
      '13:00–17:00 holiday ext appt',
    ]);
  });

  it('seed 004 三(二): holiday sessions and appointment-only follow the hall config', () => {
    const c = cfg({ holiday: { sessions: [['10:00', '11:00']], appointmentOnly: false } });
    expect(show(sessionsOn('2026-10-02', c))).toEqual(['10:00–11:00 holiday ext']);
  });

  it('DESIGN: an override "closed" leaves no session; "weekend" on a holiday runs weekend sessions', () => {
    const c = cfg({ overrides: { '2026-03-10': 'closed', '2026-10-02': 'weekend' } });
    expect(sessionsOn('2026-03-10', c)).toEqual([]);
    expect(show(sessionsOn('2026-10-02', c))).toEqual(['09:00–12:00 weekend ext', '13:00–17:00 weekend ext']);
  });
});

describe('sessionsOn: closed exceptions (seed 003 §5.1.3)', () => {
  it('seed 003 §5.1.3: 正月初一 2027-02-06 (a Saturday) is closed all day', () => {
    expect(sessionsOn('2027-02-06', DEFAULT_HOURS)).toEqual([]);
  });

  it('seed 003 §5.1.3: 正月初一 2026-02-17 (in the 春节 holiday) is closed all day', () => {
    expect(sessionsOn('2026-02-17', DEFAULT_HOURS)).toEqual([]);
    expect(sessionsOn('2026-02-18', DEFAULT_HOURS)).toHaveLength(2);
  });

  it('seed 003 §5.1.3: 正月初一 stays closed even when the hall overrides it to a workday', () => {
    expect(sessionsOn('2026-02-17', cfg({ overrides: { '2026-02-17': 'workday' } }))).toEqual([]);
  });

  it('seed 003 §5.1.3: 除夕 afternoon is closed (2026-02-16, as a workday by override)', () => {
    const c = cfg({ overrides: { '2026-02-16': 'workday' } });
    expect(show(sessionsOn('2026-02-16', c))).toEqual(['08:30–12:00 regular']);
  });

  it('seed 003 §5.1.3: 除夕 is the last day of a short lunar year too (2027-02-05, 腊月廿九)', () => {
    const c = cfg({ overrides: { '2027-02-05': 'workday' } });
    expect(show(sessionsOn('2027-02-05', c))).toEqual(['08:30–12:00 regular']);
  });

  it('seed 003 §5.1.3: 中秋 afternoon is closed (2026-09-25 holiday keeps only its morning)', () => {
    expect(show(sessionsOn('2026-09-25', DEFAULT_HOURS))).toEqual(['09:00–12:00 holiday ext appt']);
    expect(sessionsOn('2026-09-26', DEFAULT_HOURS)).toHaveLength(2);
  });

  it('seed 003 §5.1.3: 清明 afternoon is closed (2026-04-05 as a weekend by override)', () => {
    const c = cfg({ overrides: { '2026-04-05': 'weekend' } });
    expect(show(sessionsOn('2026-04-05', c))).toEqual(['09:00–12:00 weekend ext']);
    expect(show(sessionsOn('2026-04-04', c))).toHaveLength(2);
  });

  it('seed 003 §5.1.3: 端午 afternoon is closed (2026-06-19 as a workday by override)', () => {
    const c = cfg({ overrides: { '2026-06-19': 'workday' } });
    expect(show(sessionsOn('2026-06-19', c))).toEqual(['08:30–12:00 regular']);
  });

  it('seed 003 §5.1.3: a session running across noon on a closed afternoon ends at 12:00', () => {
    const c = cfg({ overrides: { '2026-09-25': 'weekend' }, weekend: [['10:00', '15:00']] });
    expect(show(sessionsOn('2026-09-25', c))).toEqual(['10:00–12:00 weekend ext']);
  });

  it('seed 003 §5.1.3: closedExceptions=false keeps every session on those days', () => {
    const c = cfg({ closedExceptions: false });
    expect(sessionsOn('2027-02-06', c)).toHaveLength(2);
    expect(sessionsOn('2026-09-25', c)).toHaveLength(2);
  });
});

describe('previousWorkingDay (DESIGN Bookings: phone/onsite lead time counts working days)', () => {
  it('DESIGN: from a Monday it is the Friday before the weekend', () => {
    expect(previousWorkingDay('2026-03-16', DEFAULT_HOURS)).toBe('2026-03-13');
  });

  it('DESIGN: after 国庆 2026 it skips the whole holiday back to 2026-09-30', () => {
    expect(previousWorkingDay('2026-10-08', DEFAULT_HOURS)).toBe('2026-09-30');
  });

  it('DESIGN: a make-up Saturday (2026-10-10) counts as a working day', () => {
    expect(previousWorkingDay('2026-10-12', DEFAULT_HOURS)).toBe('2026-10-10');
  });

  it('DESIGN: a hall override closing the Friday moves it back to Thursday', () => {
    expect(previousWorkingDay('2026-03-16', cfg({ overrides: { '2026-03-13': 'closed' } }))).toBe('2026-03-12');
  });

  it('is strictly before the date, even when the date itself is a working day', () => {
    expect(previousWorkingDay('2026-03-11', DEFAULT_HOURS)).toBe('2026-03-10');
  });
});

describe('DEFAULT_HOURS', () => {
  it('DESIGN: defaults follow seed 003 §2.5 and seed 004, and cannot be mutated by a caller', () => {
    expect(DEFAULT_HOURS.tz).toBe('Asia/Shanghai');
    expect(DEFAULT_HOURS.weekend).toEqual([['09:00', '12:00'], ['13:00', '17:00']]);
    expect(Object.isFrozen(DEFAULT_HOURS.overrides)).toBe(true);
    expect(() => {
      (DEFAULT_HOURS.overrides as Record<string, string>)['2026-03-10'] = 'closed';
    }).toThrow(TypeError);
  });
});

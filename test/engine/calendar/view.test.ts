/** The calendar's day view (GET /api/calendar): each date's kind, sessions and what closes it, from the hours rules. */
import { describe, expect, it } from 'vitest';
import { calendarDays, dayView, daysBetween, DEFAULT_HOURS, type HoursConfig } from '../../../server/engine/calendar.js';

const cfg = (patch: Partial<HoursConfig> = {}): HoursConfig => ({ ...DEFAULT_HOURS, ...patch });

describe('dayView', () => {
  it('a winter workday: two regular sessions, the lunch and evening extended ones', () => {
    expect(dayView('2026-11-23', cfg())).toEqual({
      date: '2026-11-23', kind: 'workday', sessions: [
        { start: '08:30', end: '12:00', kind: 'regular', extended: false, appointmentOnly: false },
        { start: '12:00', end: '13:30', kind: 'lunch', extended: true, appointmentOnly: false },
        { start: '13:30', end: '16:30', kind: 'regular', extended: false, appointmentOnly: false },
        { start: '16:30', end: '17:30', kind: 'evening', extended: true, appointmentOnly: false },
      ],
    });
  });

  it('国庆 2026: 10-01 holiday (appointment only), 10-10 and 09-20 make-up workdays, 10-11 a weekend', () => {
    expect(dayView('2026-10-01', cfg())).toMatchObject({ kind: 'holiday', sessions: [{ kind: 'holiday', appointmentOnly: true }, { kind: 'holiday' }] });
    expect(dayView('2026-10-10', cfg()).kind).toBe('makeup-workday');
    expect(dayView('2026-09-20', cfg()).kind).toBe('makeup-workday');
    expect(dayView('2026-10-11', cfg()).kind).toBe('weekend');
  });

  it('names the lunar closure (正月初一 all day, 清明 afternoon) and a date override, which keeps the natural kind', () => {
    expect(dayView('2026-02-17', cfg())).toEqual({ date: '2026-02-17', kind: 'holiday', sessions: [], closed: '正月初一' });
    const qm = dayView('2026-04-05', cfg());
    expect(qm.closed).toBe('清明');
    expect(qm.sessions.map((s) => s.end)).toEqual(['12:00']);
    expect(dayView('2026-02-17', cfg({ closedExceptions: false })).closed).toBeUndefined();
    expect(dayView('2026-11-28', cfg({ overrides: { '2026-11-28': 'closed' } }))).toEqual({ date: '2026-11-28', kind: 'weekend', sessions: [], closed: 'override' });
    expect(dayView('2026-11-28', cfg({ overrides: { '2026-11-28': 'makeup-workday' } })).kind).toBe('makeup-workday');
  });

  it('calendarDays lists both ends; daysBetween counts them (0 when reversed)', () => {
    expect(calendarDays('2026-12-30', '2027-01-02', cfg()).map((d) => d.date)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(365);
    expect(daysBetween('2026-03-29', '2026-03-29')).toBe(1);
    expect(daysBetween('2026-03-30', '2026-03-29')).toBe(0);
  });
});

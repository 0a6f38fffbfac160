/** The schedule as rules (issue 11): day rules by kind and weekday, seasons on any kind, session flags, named lunar closures, overrides on top. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOURS, sessionsOn, type HoursConfig, type SessionRule } from '../../../server/engine/calendar.js';

const s = (kind: SessionRule['kind'], start: string, end: string, more: Partial<SessionRule> = {}): SessionRule => ({ kind, start, end, ...more });
const times = (date: string, cfg: HoursConfig) => sessionsOn(date, cfg).map((x) => `${x.kind} ${x.start}-${x.end}${x.extended ? ' ext' : ''}${x.appointmentOnly ? ' appt' : ''}`);

describe('hours.days rules', () => {
  const cfg: HoursConfig = {
    ...DEFAULT_HOURS,
    days: {
      weekend: [{ weekdays: [6], sessions: [s('weekend', '08:00', '11:30', { appointmentOnly: true })] }],
      holiday: [{ summer: [s('holiday', '08:30', '12:00'), s('holiday', '14:00', '17:00')], winter: [s('holiday', '08:30', '12:00'), s('holiday', '13:30', '16:30')] }],
      workday: [{ sessions: [s('early', '07:30', '08:30', { extendedOnly: false, appointmentOnly: true }), s('regular', '08:30', '12:00')] }],
    },
    closures: [{ on: '除夕', part: 'afternoon' }, { on: '正月初一', part: 'all' }],
  };

  it('a weekday rule: Saturday runs, Sunday (no rule matches) is closed', () => {
    expect(times('2026-11-28', cfg)).toEqual(['weekend 08:00-11:30 ext appt']);
    expect(times('2026-11-29', cfg)).toEqual([]);
  });

  it('seasons apply to holidays too: 国庆 10-02 is winter, 端午 06-20 summer', () => {
    expect(times('2026-10-02', cfg)).toEqual(['holiday 08:30-12:00 ext', 'holiday 13:30-16:30 ext']);
    expect(times('2026-06-20', cfg)).toEqual(['holiday 08:30-12:00 ext', 'holiday 14:00-17:00 ext']);
  });

  it('session flags: an early session serving every service by appointment; make-up workdays (09-20) run the workday rules', () => {
    expect(times('2026-11-23', cfg)).toEqual(['early 07:30-08:30 appt', 'regular 08:30-12:00']);
    expect(times('2026-09-20', cfg)).toEqual(times('2026-11-23', cfg));
  });

  it('named closures replace closedExceptions: 除夕 afternoon, 正月初一 all day; 清明 not named → open', () => {
    expect(times('2026-02-16', cfg)).toEqual(['holiday 08:30-12:00 ext']);
    expect(times('2026-02-17', cfg)).toEqual([]);
    expect(times('2026-04-05', cfg)).toHaveLength(2);
  });

  it('an override wins over the rules; kinds the hall does not list keep the built-in sessions', () => {
    expect(times('2026-11-28', { ...cfg, overrides: { '2026-11-28': 'closed' } })).toEqual([]);
    expect(times('2026-11-28', { ...DEFAULT_HOURS, days: { holiday: [{ sessions: [] }] } })).toEqual(times('2026-11-28', DEFAULT_HOURS));
  });
});

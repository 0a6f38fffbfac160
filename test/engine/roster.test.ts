/** The 上岗表 rules (issue 19, seed 000 附件5): extended-service dates only, active staff, one duty lead, the day's sessions, the day's bookings. */
import { describe, expect, it } from 'vitest';
import { HallError } from '../../protocol/errors.js';
import { DEFAULT_HOURS, dayKind, sessionsOn, type HoursConfig } from '../../server/engine/calendar.js';
import { checkRosterEntry, isExtendedServiceDate, sessionName, slotInSession, type RosterCandidate } from '../../server/engine/roster.js';

const SAT = '2026-11-28';
const MON = '2026-11-23';
const NATIONAL_DAY = '2026-10-02';

function candidate(over: Partial<RosterCandidate> = {}, hours: HoursConfig = DEFAULT_HOURS): RosterCandidate {
  const date = over.date ?? SAT;
  return {
    date, dayKind: dayKind(date, hours), sessions: sessionsOn(date, hours), role: 'window', user: { role: 'staff', active: true },
    userId: 'u-1', existing: [], ...over,
  };
}

function codeOf(c: RosterCandidate): string | null {
  try {
    checkRosterEntry(c);
    return null;
  } catch (err) {
    if (err instanceof HallError) return err.code;
    throw err;
  }
}

describe('the duty roster rules', () => {
  it('a Saturday and a statutory holiday the hall opens are extended-service dates; a workday and a closed weekend are not', () => {
    expect(isExtendedServiceDate(dayKind(SAT, DEFAULT_HOURS), sessionsOn(SAT, DEFAULT_HOURS))).toBe(true);
    expect(isExtendedServiceDate(dayKind(NATIONAL_DAY, DEFAULT_HOURS), sessionsOn(NATIONAL_DAY, DEFAULT_HOURS))).toBe(true);
    // a workday has extended sessions too (lunch, evening) but no 上岗表: its regular staff run them
    expect(isExtendedServiceDate(dayKind(MON, DEFAULT_HOURS), sessionsOn(MON, DEFAULT_HOURS))).toBe(false);
    const closedSat: HoursConfig = { ...DEFAULT_HOURS, overrides: { [SAT]: 'closed' } };
    expect(isExtendedServiceDate(dayKind(SAT, closedSat), sessionsOn(SAT, closedSat))).toBe(false);
    const noWeekend: HoursConfig = { ...DEFAULT_HOURS, weekend: [] };
    expect(isExtendedServiceDate(dayKind(SAT, noWeekend), sessionsOn(SAT, noWeekend))).toBe(false);
  });

  it('refuses a date that is not an extended-service date', () => {
    expect(codeOf(candidate({ date: MON }))).toBe('roster-date-not-extended');
    expect(codeOf(candidate({}, { ...DEFAULT_HOURS, overrides: { [SAT]: 'closed' } }))).toBe('roster-date-not-extended');
    expect(codeOf(candidate())).toBeNull();
  });

  it('refuses a deactivated user', () => {
    expect(codeOf(candidate({ user: { role: 'staff', active: false } }))).toBe('roster-user-not-staff');
    expect(codeOf(candidate({ user: { role: 'lead', active: true } }))).toBeNull();
  });

  it('one duty lead per date, for the whole day', () => {
    expect(codeOf(candidate({ role: 'lead' }))).toBeNull();
    const existing = [{ role: 'lead' as const, userId: 'u-9', session: null, bookingId: null }];
    expect(codeOf(candidate({ role: 'lead', existing }))).toBe('roster-lead-taken');
    expect(codeOf(candidate({ role: 'lead', session: '09:00-12:00' }))).toBe('roster-lead-whole-day');
    expect(codeOf(candidate({ role: 'lead', bookingId: 'b-1', booking: { date: SAT, status: 'booked' } }))).toBe('roster-lead-whole-day');
    // a lead on the roster does not stop window staff
    expect(codeOf(candidate({ role: 'window', existing }))).toBeNull();
  });

  it('the session must be one of the day\'s sessions', () => {
    expect(sessionsOn(SAT, DEFAULT_HOURS).map(sessionName)).toEqual(['09:00-12:00', '13:00-17:00']);
    expect(codeOf(candidate({ session: '13:00-17:00' }))).toBeNull();
    expect(codeOf(candidate({ session: '08:30-12:00' }))).toBe('roster-session-unknown');
  });

  it('a booking must be an open booking of that date', () => {
    expect(codeOf(candidate({ bookingId: 'b-1', booking: { date: SAT, status: 'booked' } }))).toBeNull();
    expect(codeOf(candidate({ bookingId: 'b-1', booking: { date: '2026-11-29', status: 'booked' } }))).toBe('roster-booking-not-on-date');
    expect(codeOf(candidate({ bookingId: 'b-1', booking: { date: SAT, status: 'cancelled' } }))).toBe('roster-booking-not-on-date');
  });

  it('the same person in the same role, session and booking twice is refused; another session is not', () => {
    const existing = [{ role: 'window' as const, userId: 'u-1', session: '09:00-12:00', bookingId: null }];
    expect(codeOf(candidate({ session: '09:00-12:00', existing }))).toBe('roster-duplicate');
    expect(codeOf(candidate({ session: '13:00-17:00', existing }))).toBeNull();
    expect(codeOf(candidate({ role: 'back-office', session: '09:00-12:00', existing }))).toBeNull();
  });

  it('a slot is in a session from its start up to (not including) its end', () => {
    expect(slotInSession('09:00', '09:00-12:00')).toBe(true);
    expect(slotInSession('11:00', '09:00-12:00')).toBe(true);
    expect(slotInSession('12:00', '09:00-12:00')).toBe(false);
  });
});

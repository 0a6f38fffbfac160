import { describe, expect, it } from 'vitest';
import { holidayDataYears, missingHolidayYears, statutoryDays } from '../../../server/engine/calendar.js';

// what the installed chinese-days knows decides the answers: the tests are written from it
const last = holidayDataYears().last;
const next = last + 1;

describe('holiday data coverage (seed 003 §5.1: the hall follows the State Council schedule)', () => {
  it('a year the package covers is not reported, far from its end', () => {
    expect(missingHolidayYears(`${last}-06-01`, { overrides: {} })).toEqual([]);
  });

  it('the next year is reported from 45 days before it starts, not a day earlier', () => {
    expect(missingHolidayYears(`${last}-11-16`, { overrides: {} })).toEqual([]);
    expect(missingHolidayYears(`${last}-11-17`, { overrides: {} })).toEqual([next]);
    expect(missingHolidayYears(`${next}-03-01`, { overrides: {} })).toEqual([next]);
  });

  it('a year counts as entered only when each of its statutory days is a holiday (issue 11: an unrelated override does not silence it)', () => {
    const all = Object.fromEntries(statutoryDays(next).map((d) => [d, 'holiday' as const]));
    expect(missingHolidayYears(`${last}-12-20`, { overrides: all })).toEqual([]);
    expect(missingHolidayYears(`${last}-12-20`, { overrides: { [`${next}-01-01`]: 'holiday' } })).toEqual([next]);
    expect(missingHolidayYears(`${last}-12-20`, { overrides: { [`${next}-03-15`]: 'closed' } })).toEqual([next]);
    expect(missingHolidayYears(`${last}-12-20`, { overrides: { ...all, [`${next}-10-01`]: 'closed' } })).toEqual([next]);
    expect(missingHolidayYears(`${last}-12-20`, { overrides: { [`${last}-12-31`]: 'holiday' } })).toEqual([next]);
  });
});

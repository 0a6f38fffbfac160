/**
 * chinese-days carries the State Council's holiday schedule (国务院办公厅放假安排) up to the last year it
 * was published for, usually in November or December. Without it, a later year's 元旦 or 春节 would
 * pass for a plain workday: the hall would open and take bookings on it. So the hall is told, ahead of
 * time, which coming years have no schedule: neither in the installed package nor in the config's
 * `hours.overrides`.
 */
import { holidayDataYears } from './lunar.js';
import { addDays } from './time.js';
import type { HoursConfig } from './types.js';

/** How far ahead the warning looks: past the 14-day booking horizon, so a hall has weeks to act. */
export const HOLIDAY_WARNING_DAYS = 45;

/** The years from `today` to `aheadDays` later that have no holiday schedule. */
export function missingHolidayYears(today: string, cfg: Pick<HoursConfig, 'overrides'>, aheadDays = HOLIDAY_WARNING_DAYS): number[] {
  const known = holidayDataYears().last;
  const first = Number(today.slice(0, 4));
  const last = Number(addDays(today, aheadDays).slice(0, 4));
  const overridden = new Set(Object.keys(cfg.overrides).map((d) => Number(d.slice(0, 4))));
  const missing: number[] = [];
  for (let y = first; y <= last; y++) if (y > known && !overridden.has(y)) missing.push(y);
  return missing;
}

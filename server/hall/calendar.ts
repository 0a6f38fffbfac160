/** Entering a year's State Council holiday schedule (放假/调休) in one step: audited, effective at once. */
import { HallError } from '../../protocol/errors.js';
import type { CalendarYearResult } from '../../protocol/responses.js';
import { holidayOverrides, withYear, type HolidaySchedule } from '../engine/calendar.js';
import { record, type Actor, type Core } from './core.js';
import { announceHall } from './timers.js';

/**
 * The list becomes `hours.overrides` for that year (the year's earlier holiday and make-up entries are
 * replaced; the hall's own closed/workday overrides stay). The route then stores them with the hall's
 * settings (server/settings.ts keepOverrides), so a restart keeps them.
 */
export function enterHolidayYear(core: Core, actor: Actor, year: number, list: HolidaySchedule): CalendarYearResult {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new HallError('invalid-holiday-schedule', { reason: `年份 ${year} 不在 2000–2100 之间` });
  let entered;
  try {
    entered = holidayOverrides(year, list);
  } catch (err) {
    if (err instanceof RangeError) throw new HallError('invalid-holiday-schedule', { reason: err.message });
    throw err;
  }
  const result: CalendarYearResult = { year, holidays: [...list.holidays].sort(), makeupWorkdays: [...list.makeupWorkdays].sort() };
  core.run('calendar.year', actor, undefined, () => {
    record(core, 'calendar.year-entered', actor, String(year), { year, holidays: result.holidays, makeupWorkdays: result.makeupWorkdays });
    return {};
  });
  // a new hours object: the calendar's per-config caches start afresh
  core.cfg.hours = { ...core.cfg.hours, overrides: withYear(core.cfg.hours.overrides, year, entered) };
  announceHall(core);
  return result;
}

/**
 * The hall calendar and opening-hours engine: pure rules over local dates, with the instant
 * always passed in. Implementation in ./calendar/*.
 */
export type { DayKind, HoursConfig, Session, SessionKind } from './calendar/types.js';
export { DEFAULT_HOURS } from './calendar/types.js';
export {
  addDays,
  fromMinutes,
  localDate,
  localTime,
  parseDate,
  toMinutes,
  weekday,
  zonedInstant,
} from './calendar/time.js';
export {
  closedPart,
  dayKind,
  isWorkingDay,
  previousWorkingDay,
  seasonOf,
  sessionsOn,
} from './calendar/days.js';
export { NEXT_OPENING_SEARCH_DAYS, hourlySlots, nextOpening, serviceOpenAt, sessionAt } from './calendar/open.js';
export { HOLIDAY_WARNING_DAYS, missingHolidayYears } from './calendar/coverage.js';
export { calendarDays, dayView, daysBetween } from './calendar/view.js';
export type { TraditionalDay } from './calendar/lunar.js';
export {
  holidayDataYears,
  isMakeupWorkday,
  isQingming,
  isStatutoryHoliday,
  qingmingDate,
  traditionalDay,
} from './calendar/lunar.js';

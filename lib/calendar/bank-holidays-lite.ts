/** A holiday calendar from dates computed elsewhere (the background): no calendar data in the page. */
import type { HolidayCalendar } from '../rules/types';

export function calendarFromDates(dates: Iterable<string>): HolidayCalendar {
  const set = new Set(dates);
  return { isBankHoliday: (region, date) => region !== 'none' && set.has(date) };
}

/**
 * UK bank holidays for a policy's region (substitute days included: Boxing Day 2026 falls on a Saturday,
 * so Monday 28 December is the holiday), from the rules in gb-bank-holidays.ts (checked against
 * date-holidays in the unit tests). Small enough for any bundle; the content script still takes its dates
 * from the background (calendarFromDates), so the page holds no calendar code.
 */
import type { Hours } from '../policy/schema';
import type { HolidayCalendar } from '../rules/types';
import { gbBankHolidays } from './gb-bank-holidays';

const cache = new Map<string, Set<string>>();

/** The bank holidays of one region and year, as YYYY-MM-DD. */
export function bankHolidayDates(region: Hours['bankHolidays'], year: number): Set<string> {
  if (region === 'none') return new Set();
  const key = `${region}:${year}`;
  let dates = cache.get(key);
  if (!dates) {
    dates = gbBankHolidays(region, year);
    cache.set(key, dates);
  }
  return dates;
}

export const ukBankHolidays: HolidayCalendar = {
  isBankHoliday(region, date) {
    return bankHolidayDates(region, Number(date.slice(0, 4))).has(date);
  },
};

export { calendarFromDates } from './bank-holidays-lite';

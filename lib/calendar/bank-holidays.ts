/**
 * UK bank holidays from date-holidays (a maintained library with the UK's rules, substitute days
 * included: Boxing Day 2026 falls on a Saturday, so Monday 28 December is the holiday). Not imported by
 * the content script: the CLI and the background compute dates here and hand the checker a calendar.
 */
import Holidays from 'date-holidays';
import type { Hours } from '../policy/schema';
import type { HolidayCalendar } from '../rules/types';

const REGION: Record<Exclude<Hours['bankHolidays'], 'none'>, string> = {
  'england-and-wales': 'ENG', // Wales has the same bank holidays as England
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

const cache = new Map<string, Set<string>>();

/** The bank holidays of one region and year, as YYYY-MM-DD. */
export function bankHolidayDates(region: Hours['bankHolidays'], year: number): Set<string> {
  if (region === 'none') return new Set();
  const key = `${region}:${year}`;
  let dates = cache.get(key);
  if (!dates) {
    const hd = new Holidays('GB', REGION[region]);
    dates = new Set(
      hd
        .getHolidays(year)
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => h.date.slice(0, 10)),
    );
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

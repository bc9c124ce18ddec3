import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { bankHolidayDates, ukBankHolidays } from '../../../lib/calendar/bank-holidays';
import { easterSunday, gbBankHolidays, type GbRegion } from '../../../lib/calendar/gb-bank-holidays';

// date-holidays (a devDependency now) is the reference: its GB data is maintained against gov.uk.
const REGIONS: [GbRegion, string][] = [
  ['england-and-wales', 'ENG'],
  ['scotland', 'SCT'],
  ['northern-ireland', 'NIR'],
];

describe('GB bank holidays from rules', () => {
  for (const [region, state] of REGIONS) {
    it(`${region}: every date 2000–2060 is date-holidays' (public and bank days)`, () => {
      const hd = new Holidays('GB', state);
      for (let year = 2000; year <= 2060; year++) {
        const expected = [...new Set(hd.getHolidays(year).filter((h) => h.type === 'public' || h.type === 'bank').map((h) => h.date.slice(0, 10)))].sort();
        expect([...gbBankHolidays(region, year)].sort(), `${region} ${year}`).toEqual(expected);
      }
    });
  }

  it('Easter Sunday for known years', () => {
    const cases: [number, string][] = [[2000, '2000-04-23'], [2011, '2011-04-24'], [2019, '2019-04-21'], [2024, '2024-03-31'], [2038, '2038-04-25'], [2285, '2285-03-22']];
    for (const [year, date] of cases) expect(easterSunday(year).toISOString().slice(0, 10)).toBe(date);
  });

  it('the public API: substitute days, regions and none', () => {
    expect(ukBankHolidays.isBankHoliday('england-and-wales', '2026-12-28')).toBe(true); // Boxing Day on a Saturday
    expect(ukBankHolidays.isBankHoliday('england-and-wales', '2026-12-29')).toBe(false);
    expect(ukBankHolidays.isBankHoliday('scotland', '2026-01-02')).toBe(true);
    expect(ukBankHolidays.isBankHoliday('england-and-wales', '2026-01-02')).toBe(false);
    expect(ukBankHolidays.isBankHoliday('northern-ireland', '2026-07-13')).toBe(true); // the Boyne on a Sunday
    expect(ukBankHolidays.isBankHoliday('none', '2026-12-25')).toBe(false);
    expect(bankHolidayDates('none', 2026).size).toBe(0);
    // Years beyond the reference range still follow the rules.
    expect(bankHolidayDates('england-and-wales', 2101).has('2101-12-26')).toBe(true);
  });
});

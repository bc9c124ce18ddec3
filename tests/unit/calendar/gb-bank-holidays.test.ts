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

/**
 * Years where date-holidays' GB data misses a one-off GOV.UK published (the 2011 royal wedding, 2012's spring
 * holiday moved to 4 June, 2002's to 4 June): checked against GOV.UK's dates below instead.
 */
const LIBRARY_WRONG = new Set([2002, 2011, 2012]);

describe('GB bank holidays from rules', () => {
  for (const [region, state] of REGIONS) {
    it(`${region}: every date 2000–2060 is date-holidays' (public and bank days), one-off years aside`, () => {
      const hd = new Holidays('GB', state);
      for (let year = 2000; year <= 2060; year++) {
        if (LIBRARY_WRONG.has(year)) continue;
        const expected = [...new Set(hd.getHolidays(year).filter((h) => h.type === 'public' || h.type === 'bank').map((h) => h.date.slice(0, 10)))].sort();
        expect([...gbBankHolidays(region, year)].sort(), `${region} ${year}`).toEqual(expected);
      }
    });
  }

  // Issue #20 probe 20f D10: GOV.UK's published dates for the years with one-off bank holidays. A weekend's
  // fixed holiday is listed as well as its substitute day (the checker treats both as a day off).
  const GOV_UK_ENGLAND_AND_WALES: Record<number, string[]> = {
    1995: ['01-01', '01-02', '04-14', '04-17', '05-08', '05-29', '08-28', '12-25', '12-26'], // VE Day 50: early May moved to 8 May
    1999: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-25', '12-26', '12-27', '12-28', '12-31'], // Millennium
    2002: ['01-01', '03-29', '04-01', '05-06', '06-03', '06-04', '08-26', '12-25', '12-26'], // Golden Jubilee; spring moved to Tue 4 June
    2011: ['01-01', '01-03', '04-22', '04-25', '04-29', '05-02', '05-30', '08-29', '12-25', '12-26', '12-27'], // royal wedding
    2012: ['01-01', '01-02', '04-06', '04-09', '05-07', '06-04', '06-05', '08-27', '12-25', '12-26'], // Diamond Jubilee; spring moved to 4 June
    2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-26', '12-28'], // VE Day 75: early May moved to Fri 8 May
    2022: ['01-01', '01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-25', '12-26', '12-27'], // Platinum Jubilee, state funeral
    2023: ['01-01', '01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'], // coronation
  };

  it('England and Wales: GOV.UK’s dates in every year with a one-off bank holiday', () => {
    for (const [year, days] of Object.entries(GOV_UK_ENGLAND_AND_WALES)) {
      expect([...gbBankHolidays('england-and-wales', Number(year))].sort(), year).toEqual(days.map((d) => `${year}-${d}`));
    }
  });

  it('Scotland and Northern Ireland: GOV.UK’s 2012 in full, and every one-off UK-wide', () => {
    expect([...gbBankHolidays('scotland', 2012)].sort()).toEqual(['01-01', '01-02', '01-03', '04-06', '05-07', '06-04', '06-05', '08-06', '11-30', '12-25', '12-26'].map((d) => `2012-${d}`));
    expect([...gbBankHolidays('northern-ireland', 2012)].sort()).toEqual(['01-01', '01-02', '03-17', '03-19', '04-06', '04-09', '05-07', '06-04', '06-05', '07-12', '08-27', '12-25', '12-26'].map((d) => `2012-${d}`));
    const oneOffs = ['1995-05-08', '1999-12-31', '2002-06-03', '2002-06-04', '2011-04-29', '2012-06-04', '2012-06-05', '2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08'];
    const movedFrom = ['1995-05-01', '2002-05-27', '2012-05-28', '2020-05-04', '2022-05-30'];
    for (const [region] of REGIONS) {
      for (const d of oneOffs) expect(ukBankHolidays.isBankHoliday(region, d), `${region} ${d}`).toBe(true);
      for (const d of movedFrom) expect(ukBankHolidays.isBankHoliday(region, d), `${region} ${d}`).toBe(false);
    }
  });

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

/**
 * Great Britain's and Northern Ireland's bank holidays, from their rules: a few hundred bytes where
 * date-holidays ships every country's calendar (hundreds of KB in the background and the options page).
 * The rules are date-holidays' own GB data (holidays.json, "GB" and its states ENG, SCT, NIR), restated
 * here; tests/unit/calendar/gb-bank-holidays.test.ts checks every date of every region against date-holidays
 * for 2000–2060 (so a rule that drifts from the library fails), except the one-off years where the library is
 * wrong, which it checks against GOV.UK's published dates instead (ONE_OFF, MOVED).
 *
 * Wales has England's bank holidays. Substitute days follow the library: a fixed-date holiday that falls on
 * a weekend moves to the next working day that is not itself a holiday (Christmas on a Saturday: Monday 27;
 * Boxing Day then Tuesday 28).
 */

export type GbRegion = 'england-and-wales' | 'scotland' | 'northern-ireland';

/**
 * Days proclaimed once, for the whole United Kingdom (England and Wales, Scotland, Northern Ireland alike),
 * by date, as GOV.UK and the proclamations list them: the Millennium (Fri 31 Dec 1999), the Golden Jubilee
 * (Mon 3 Jun 2002), the royal wedding (Fri 29 Apr 2011), the Diamond Jubilee (Tue 5 Jun 2012), the Platinum
 * Jubilee (Fri 3 Jun 2022), the Queen's state funeral (Mon 19 Sep 2022) and the coronation (Mon 8 May 2023).
 * date-holidays lacks some of these (2011's royal wedding, 2012's and 2002's moved spring holiday), so these
 * are checked against GOV.UK's dates in tests/unit/calendar/gb-bank-holidays.test.ts, and against the library
 * everywhere else. A new one is added here.
 */
const ONE_OFF = ['1999-12-31', '2002-06-03', '2011-04-29', '2012-06-05', '2022-06-03', '2022-09-19', '2023-05-08'];
/**
 * Regular holidays moved for a one-off, UK-wide: the rule's date is not a holiday that year, the new one is.
 * The early May holiday for VE Day's 50th (1995: 1 → 8 May) and 75th (2020: 4 → Fri 8 May); the spring
 * holiday for the Golden Jubilee (2002: 27 May → Tue 4 Jun), the Diamond Jubilee (2012: 28 May → 4 Jun) and
 * the Platinum Jubilee (2022: 30 May → Thu 2 Jun).
 */
const MOVED: Record<string, string> = {
  '1995-05-01': '1995-05-08',
  '2002-05-27': '2002-06-04',
  '2012-05-28': '2012-06-04',
  '2020-05-04': '2020-05-08',
  '2022-05-30': '2022-06-02',
};

const DAY = 86_400_000;

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}
function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY);
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

/** The first Monday on or after a date. */
function mondayFrom(d: Date): Date {
  return addDays(d, (8 - d.getUTCDay()) % 7);
}
/** The last Monday before a date (date-holidays' "1st monday before MM-DD"). */
function mondayBefore(d: Date): Date {
  const back = (d.getUTCDay() + 6) % 7 || 7;
  return addDays(d, -back);
}

/**
 * A fixed-date holiday and its substitute: on a Saturday or Sunday, the holiday stays (it is a day off
 * anyway) and the substitute is the weekday `satTo`/`sunTo` days later.
 */
function fixed(out: Set<string>, d: Date, satTo: number, sunTo: number): void {
  out.add(iso(d));
  const wd = d.getUTCDay();
  if (wd === 6) out.add(iso(addDays(d, satTo)));
  if (wd === 0) out.add(iso(addDays(d, sunTo)));
}

/** The bank holidays of a region in a year, as YYYY-MM-DD (substitute days included). */
export function gbBankHolidays(region: GbRegion, year: number): Set<string> {
  const out = new Set<string>();
  const easter = easterSunday(year);
  const scotland = region === 'scotland';

  // New Year: England and Northern Ireland move it to Monday; Scotland, which also keeps 2 January, to Tuesday.
  if (scotland) {
    fixed(out, utc(year, 1, 1), 3, 2);
    fixed(out, utc(year, 1, 2), 2, 1);
  } else fixed(out, utc(year, 1, 1), 2, 1);
  if (region === 'northern-ireland') {
    fixed(out, utc(year, 3, 17), 2, 1); // St Patrick's Day
    fixed(out, utc(year, 7, 12), 2, 1); // Battle of the Boyne
  }
  out.add(iso(addDays(easter, -2))); // Good Friday
  if (!scotland) out.add(iso(addDays(easter, 1))); // Easter Monday
  out.add(iso(mondayFrom(utc(year, 5, 1)))); // Early May: first Monday in May
  out.add(iso(mondayBefore(utc(year, 6, 1)))); // Spring: last Monday in May
  // Summer: the first Monday of August in Scotland, the last elsewhere.
  out.add(iso(scotland ? mondayFrom(utc(year, 8, 1)) : mondayBefore(utc(year, 9, 1))));
  if (scotland) fixed(out, utc(year, 11, 30), 2, 1); // St Andrew's Day
  fixed(out, utc(year, 12, 25), 2, 2); // Christmas: Saturday -> Monday 27, Sunday -> Tuesday 27
  fixed(out, utc(year, 12, 26), 2, 2); // Boxing Day: Saturday -> Monday 28, Sunday -> Tuesday 28

  for (const [from, to] of Object.entries(MOVED)) {
    if (out.delete(from)) out.add(to);
  }
  for (const day of ONE_OFF) if (day.startsWith(`${year}-`)) out.add(day);
  return out;
}

/**
 * Is a moment inside the school's sending hours, and if not, when is the next allowed time? Worked in
 * the school's time zone with @date-fns/tz, so clock changes (last Sundays of March and October in the
 * UK) are handled by the library, not by us.
 */
// The subpath, not the package's index: the index brings TZDate's classes into the content script (≈1 KB gz).
import { tzOffset } from '@date-fns/tz/tzOffset';
import type { Hours, Window } from '../policy/schema';
import { minutesOf, WEEKDAYS, type Weekday } from '../policy/vocab';
import type { HolidayCalendar } from '../rules/types';

export type OutOfHoursReason = 'outside-window' | 'weekend-or-no-window' | 'closure' | 'bank-holiday' | 'out-of-term';

export interface HoursVerdict {
  allowed: boolean;
  reason?: OutOfHoursReason;
  /** For a closure: its label ("Christmas holiday"). */
  label?: string;
  /** The next allowed moment, when not allowed now. */
  next?: Date;
}

/** A moment as the school's clock and calendar show it. */
interface Local {
  date: string;
  year: number;
  /** 0-11 */
  month: number;
  day: number;
  weekday: Weekday;
  minutes: number;
}

/**
 * UTC offsets by time zone and quarter hour. Every zone's clock changes happen on a quarter hour, so this
 * is exact, and it turns hundreds of Intl calls (a spot-check's 500 posts) into a few.
 */
const offsets = new Map<string, number>();
function offsetAt(ms: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(ms / 900_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = tzOffset(timeZone, new Date(ms));
    if (offsets.size > 4096) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The school's local date, weekday and time of day for an instant (the time-zone rules are the library's). */
function localOf(at: Date, timeZone: string): Local {
  const offset = offsetAt(at.getTime(), timeZone);
  // An unknown zone gives NaN: read it as UTC rather than make every date invalid.
  const shifted = new Date(at.getTime() + (Number.isFinite(offset) ? offset : 0) * 60_000);
  const [year, month, day] = [shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()];
  return {
    date: `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    year,
    month,
    day,
    // JavaScript counts from Sunday; the policy's week starts on Monday.
    weekday: WEEKDAYS[(shifted.getUTCDay() + 6) % 7]!,
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

function dayBlocked(hours: Hours, date: string, calendar?: HolidayCalendar): { reason: OutOfHoursReason; label?: string } | undefined {
  const closure = hours.closures.find((c) => c.start <= date && date <= c.end);
  if (closure) return { reason: 'closure', label: closure.label };
  if (hours.bankHolidays !== 'none' && calendar?.isBankHoliday(hours.bankHolidays, date)) return { reason: 'bank-holiday' };
  // Term time only counts when the school has entered its terms; without them every weekday is term.
  if (hours.termTimeOnly && hours.terms.length > 0 && !hours.terms.some((t) => t.start <= date && date <= t.end)) {
    return { reason: 'out-of-term' };
  }
  return undefined;
}

function windowsOn(windows: Window[], day: Weekday): Window[] {
  return windows.filter((w) => w.days.includes(day)).sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
}

/** The verdict for `at` against `windows` (the staff's or the parents' hours). */
export function checkHours(at: Date, windows: Window[], hours: Hours, timeZone: string, calendar?: HolidayCalendar): HoursVerdict {
  if (windows.length === 0) return { allowed: true }; // no hours in the policy: nothing is out of hours
  const local = localOf(at, timeZone);
  const minutes = local.minutes;
  const blocked = dayBlocked(hours, local.date, calendar);
  const today = windowsOn(windows, local.weekday);
  if (!blocked && today.some((w) => minutesOf(w.start) <= minutes && minutes < minutesOf(w.end))) return { allowed: true };
  const reason: OutOfHoursReason = blocked?.reason ?? (today.length ? 'outside-window' : 'weekend-or-no-window');
  return { allowed: false, reason, ...(blocked?.label ? { label: blocked.label } : {}), next: nextAllowed(at, windows, hours, timeZone, calendar) };
}

/**
 * The instant a wall-clock time happens in a time zone, from the zone's UTC offsets (the library's tzOffset):
 * the offset at the wall time read as UTC, then at the instant that gives; a time skipped by a clock change
 * (01:30 on the UK's spring-forward night) moves forward by the change, as TZDate does. Checked against
 * @date-fns/tz's TZDate in tests/unit/calendar/hours-instant.test.ts. TZDate itself is not used here: it is
 * 1.5 KB gzipped of the content script, for this one conversion.
 */
export function wallToInstant(y: number, m: number, d: number, minutes: number, timeZone: string): number {
  const wall = Date.UTC(y, m, d, Math.floor(minutes / 60), minutes % 60);
  const first = tzOffset(timeZone, new Date(wall));
  const second = tzOffset(timeZone, new Date(wall - first * 60_000));
  const at = wall - second * 60_000;
  if (tzOffset(timeZone, new Date(at)) === second) return at;
  // In a gap: the offset before the change, so the time moves forward.
  return wall - Math.min(first, second) * 60_000;
}

/**
 * The instant a local wall-clock time happens, memoised: a spot-check asks for the same few window starts
 * hundreds of times, and each TZDate costs several Intl calls. Bounded, so it never grows without limit.
 */
const instants = new Map<string, number>();
function instantOf(y: number, m: number, d: number, minutes: number, timeZone: string): number {
  const key = `${timeZone}|${y}|${m}|${d}|${minutes}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    ms = wallToInstant(y, m, d, minutes, timeZone);
    if (instants.size > 4096) instants.clear();
    instants.set(key, ms);
  }
  return ms;
}

/** The start of the next window on a day that is not blocked, searching up to a year ahead. */
export function nextAllowed(at: Date, windows: Window[], hours: Hours, timeZone: string, calendar?: HolidayCalendar): Date | undefined {
  const local = localOf(at, timeZone);
  for (let offset = 0; offset <= 370; offset++) {
    // Calendar arithmetic needs no time zone: step the local date in UTC, where no clock ever changes.
    const day = new Date(Date.UTC(local.year, local.month, local.day + offset));
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
    const date = `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (dayBlocked(hours, date, calendar)) continue;
    for (const w of windowsOn(windows, WEEKDAYS[(day.getUTCDay() + 6) % 7]!)) {
      const start = instantOf(y, m, d, minutesOf(w.start), timeZone);
      if (start > at.getTime()) return new Date(start);
    }
  }
  return undefined;
}

const DAY_NAMES: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The short day and month names dates are written with: English by default, or a language's own from its
 * message catalog (lib/i18n/finding.ts `namesOf`; Chromium's Intl data has no Welsh names). `month` is 0–11.
 */
export interface DateNames {
  day(day: Weekday): string;
  month(month: number): string;
}

export const ENGLISH_NAMES: DateNames = { day: (d) => DAY_NAMES[d], month: (m) => MONTH_NAMES[m]! };

/**
 * "Mon 23 Nov, 08:00" ("Mon 23 Nov 2026, 08:00" `withYear`; "Mon 23 Nov" `dayOnly`), in the school's time zone,
 * with `names` (English unless given).
 */
export function formatWhen(d: Date, timeZone: string, withYear = false, names: DateNames = ENGLISH_NAMES, dayOnly = false): string {
  const l = localOf(d, timeZone);
  const hh = String(Math.floor(l.minutes / 60)).padStart(2, '0');
  const mm = String(l.minutes % 60).padStart(2, '0');
  const date = `${names.day(l.weekday)} ${l.day} ${names.month(l.month)}${withYear ? ` ${l.year}` : ''}`;
  return dayOnly ? date : `${date}, ${hh}:${mm}`;
}

/** "Mon–Fri 08:00–17:00" for messages (day names from `names`: English unless given). */
export function describeWindows(windows: Window[], names: DateNames = ENGLISH_NAMES): string {
  return windows
    .map((w) => {
      const idx = w.days.map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
      const contiguous = idx.every((v, k) => k === 0 || v === idx[k - 1]! + 1);
      const days = contiguous && idx.length > 2 ? `${names.day(WEEKDAYS[idx[0]!]!)}–${names.day(WEEKDAYS[idx[idx.length - 1]!]!)}` : idx.map((k) => names.day(WEEKDAYS[k]!)).join(', ');
      return `${days} ${w.start}–${w.end}`;
    })
    .join('; ');
}

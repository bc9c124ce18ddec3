/**
 * Is a moment inside the school's sending hours, and if not, when is the next allowed time? Worked in
 * the school's time zone with @date-fns/tz, so clock changes (last Sundays of March and October in the
 * UK) are handled by the library, not by us.
 */
import { TZDate } from '@date-fns/tz';
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

/** Day of the week as the policy names it. JavaScript counts from Sunday. */
function weekdayOf(d: TZDate): Weekday {
  return WEEKDAYS[(d.getDay() + 6) % 7]!;
}

export function localDate(d: TZDate): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
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
  const local = new TZDate(at.getTime(), timeZone);
  const minutes = local.getHours() * 60 + local.getMinutes();
  const blocked = dayBlocked(hours, localDate(local), calendar);
  const today = windowsOn(windows, weekdayOf(local));
  if (!blocked && today.some((w) => minutesOf(w.start) <= minutes && minutes < minutesOf(w.end))) return { allowed: true };
  const reason: OutOfHoursReason = blocked?.reason ?? (today.length ? 'outside-window' : 'weekend-or-no-window');
  return { allowed: false, reason, ...(blocked?.label ? { label: blocked.label } : {}), next: nextAllowed(at, windows, hours, timeZone, calendar) };
}

/** The start of the next window on a day that is not blocked, searching up to a year ahead. */
export function nextAllowed(at: Date, windows: Window[], hours: Hours, timeZone: string, calendar?: HolidayCalendar): Date | undefined {
  const local = new TZDate(at.getTime(), timeZone);
  for (let offset = 0; offset <= 370; offset++) {
    // Noon avoids any clock change while stepping from day to day.
    const day = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + offset, 12, 0, timeZone);
    if (dayBlocked(hours, localDate(day), calendar)) continue;
    for (const w of windowsOn(windows, weekdayOf(day))) {
      const m = minutesOf(w.start);
      const start = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(m / 60), m % 60, timeZone);
      if (start.getTime() > at.getTime()) return new Date(start.getTime());
    }
  }
  return undefined;
}

/** "Mon 23 Nov, 08:00", in the school's time zone. */
export function formatWhen(d: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')}, ${get('hour')}:${get('minute')}`;
}

/** "Mon–Fri 08:00–17:00" for messages. */
export function describeWindows(windows: Window[]): string {
  const names: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };
  return windows
    .map((w) => {
      const idx = w.days.map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
      const contiguous = idx.every((v, k) => k === 0 || v === idx[k - 1]! + 1);
      const days = contiguous && idx.length > 2 ? `${names[WEEKDAYS[idx[0]!]!]}–${names[WEEKDAYS[idx[idx.length - 1]!]!]}` : idx.map((k) => names[WEEKDAYS[k]!]).join(', ');
      return `${days} ${w.start}–${w.end}`;
    })
    .join('; ');
}

/**
 * Dates and times as people read them on Policy Guard's screens: one style everywhere a person reads one
 * (the overlay, the history and its chart, the overrides view), with day and month names in the interface's
 * language (`localWhen`: Chromium's Intl has no Welsh names). Files (exports, their names) use ISO 8601
 * instead (lib/time/local.ts `localIso`): see README, "Exports are always in English".
 * - a day: "Mon 16 Nov 2026" (`dayText`); the chart's axis, short of room, "16 Nov" (lib/ui/axis.ts);
 * - a moment: "Tue 16 Jun 2026, 00:10 BST" (`momentText`), in the school's zone, named.
 */
import { zoneAbbreviation } from '../lib/time/local';
import { localWhen } from './i18n';

/**
 * A school-local date (YYYY-MM-DD, as records keep it) for a person: "Mon 16 Nov 2026" ("Llun 16 Tach 2026"
 * in Welsh); `withYear` false leaves the year out. Anything else is returned as it is.
 */
export function dayText(date: string, withYear = true): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const at = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(at.getTime()) ? date : localWhen(at, 'UTC', true, withYear);
}

/** An instant (ISO) for a person, in the school's zone with the zone named: "Tue 16 Jun 2026, 00:10 BST" ('' when unreadable). */
export function momentText(iso: string | undefined, timeZone: string): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  try {
    return `${localWhen(at, timeZone, false, true)} ${zoneAbbreviation(at, timeZone)}`;
  } catch {
    return at.toISOString();
  }
}

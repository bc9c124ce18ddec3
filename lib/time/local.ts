/**
 * Times as a school reads them, for exports and the leaders' views: the school's local wall-clock time with
 * its UTC offset, and the zone named. Pure (Intl only): runs in the background, the options page and tests.
 */

function parts(at: Date, timeZone: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(fmt.formatToParts(at).map((p) => [p.type, p.value]));
}

/** The zone's offset from UTC at an instant, in minutes (Europe/London: 0 in winter, 60 in summer). */
export function offsetMinutes(at: Date, timeZone: string): number {
  const p = parts(at, timeZone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * An ISO time in the school's zone, with its offset: `2026-11-20T14:10:00.000Z` in Europe/London is
 * `2026-11-20T14:10:00+00:00`, and `2026-06-20T14:10:00.000Z` is `2026-06-20T15:10:00+01:00` (ISO 8601, so
 * a spreadsheet or a script reads the same instant). An unreadable time or zone gives '' (never throws).
 */
export function localIso(iso: string | undefined, timeZone: string): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  try {
    const p = parts(at, timeZone);
    const off = offsetMinutes(at, timeZone);
    const sign = off < 0 ? '-' : '+';
    const abs = Math.abs(off);
    const hh = String(Math.floor(abs / 60)).padStart(2, '0');
    const mm = String(abs % 60).padStart(2, '0');
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${hh}:${mm}`;
  } catch {
    return at.toISOString();
  }
}

/** The zone's short name at an instant as the school knows it (`GMT`, `BST`), else its offset (`GMT+1`). */
export function zoneAbbreviation(at: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return 'UTC';
  }
}

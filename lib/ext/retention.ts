/**
 * How long the extension keeps its records, in days. Pure (no storage, no database), so the settings, the
 * database's purge and the options page agree on the limits without importing each other.
 */

/** The choices offered in the options page. */
export const RETENTION_CHOICES = [30, 90, 180, 365, 730] as const;
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 730;
export const RETENTION_DEFAULT_DAYS = 365;

/**
 * Any value as a usable number of days: a whole number from 30 to 730; anything that is not a finite
 * number (text, NaN, Infinity, nothing) is the default, 365. Never throws.
 */
export function clampRetentionDays(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return RETENTION_DEFAULT_DAYS;
  return Math.min(RETENTION_MAX_DAYS, Math.max(RETENTION_MIN_DAYS, Math.round(value)));
}

/**
 * The calendar years whose bank holidays the checker needs: every year a kept record can fall in (back to
 * the retention limit, as a spot-check reviews posts that old) up to next year (a draft scheduled past New
 * Year). On 5 January 2027 with 365 days kept: 2026, 2027 and 2028, so Monday 28 December 2026 (the Boxing
 * Day substitute) is still a bank holiday. `days` is clamped like the purge (30–730).
 */
export function holidayYears(now: Date, days: unknown): number[] {
  const from = new Date(now.getTime() - clampRetentionDays(days) * 86_400_000).getUTCFullYear();
  const to = now.getUTCFullYear() + 1;
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}

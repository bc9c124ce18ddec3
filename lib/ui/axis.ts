/**
 * The date axis of the history chart: tick dates with labels that are all different, for any range (one
 * day, a week, two years). Pure; dates are the school's local dates, YYYY-MM-DD.
 */

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface Tick {
  date: string;
  label: string;
}

/**
 * Up to `max` ticks from the first to the last date, evenly spread on whole days, each with a distinct
 * label: `20 Nov` within one calendar year, `20 Nov 2026` across years. One date (or none) gives one tick.
 * `month` names a month (1–12); the options page passes its translated names.
 */
export function dateTicks(dates: string[], max = 5, month: (m: number) => string = (m) => MONTHS[m - 1]!): Tick[] {
  const days = dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).map(dayNumber).filter(Number.isFinite);
  if (days.length === 0) return [];
  const first = Math.min(...days);
  const last = Math.max(...days);
  const withYear = dateOf(first).slice(0, 4) !== dateOf(last).slice(0, 4);
  const label = (date: string) => `${Number(date.slice(8, 10))} ${month(Number(date.slice(5, 7)))}${withYear ? ` ${date.slice(0, 4)}` : ''}`;
  const span = last - first;
  const count = Math.max(1, Math.min(max, span + 1));
  const ticks: Tick[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const day = count === 1 ? first : first + Math.round((span * i) / (count - 1));
    const date = dateOf(day);
    const text = label(date);
    if (seen.has(text)) continue;
    seen.add(text);
    ticks.push({ date, label: text });
  }
  return ticks;
}

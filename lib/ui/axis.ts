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
 * Up to `max` ticks from the first to the last date, a whole number of days apart, each with a distinct
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
  // Whole days apart, evenly (16, 18, 20, 23 Nov; not 16, 18, 20, 21, 23): a step of days that gives at most
  // `max` ticks; the last date always ends the axis, and a step's tick too close to it (half a step or less) gives way.
  const step = Math.max(1, Math.ceil(span / Math.max(1, max - 1)));
  const at: number[] = [];
  for (let day = first; day < last; day += step) at.push(day);
  if (at.length > 1 && last - at[at.length - 1]! <= step / 2) at.pop();
  at.push(last);
  const ticks: Tick[] = [];
  const seen = new Set<string>();
  for (const day of span === 0 ? [first] : at) {
    const date = dateOf(day);
    const text = label(date);
    if (seen.has(text)) continue;
    seen.add(text);
    ticks.push({ date, label: text });
  }
  return ticks;
}

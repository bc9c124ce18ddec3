/** The history chart's date axis: distinct labels for any range (issue 20: one day showed its date twice). */
import { describe, expect, it } from 'vitest';
import { dateTicks } from '../../../lib/ui/axis';

const distinct = (labels: string[]) => new Set(labels).size === labels.length;

describe('date ticks', () => {
  it('one day of checks is one tick', () => {
    expect(dateTicks(['2026-11-20', '2026-11-20'])).toEqual([{ date: '2026-11-20', label: '20 Nov' }]);
  });

  it('two days are two ticks; a week is at most five, first and last included', () => {
    expect(dateTicks(['2026-11-20', '2026-11-21']).map((t) => t.label)).toEqual(['20 Nov', '21 Nov']);
    const week = dateTicks(['2026-11-16', '2026-11-20', '2026-11-22']);
    expect(week.length).toBeLessThanOrEqual(5);
    expect(week[0]!.date).toBe('2026-11-16');
    expect(week.at(-1)!.date).toBe('2026-11-22');
  });

  it('names the year when the range crosses one', () => {
    expect(dateTicks(['2026-12-28', '2027-01-05']).map((t) => t.label)[0]).toBe('28 Dec 2026');
  });

  it.each([
    [['2026-11-20']],
    [['2026-11-20', '2026-11-22']],
    [['2025-01-01', '2026-12-31']],
    [['2026-02-27', '2026-03-02']],
    [['2026-11-01', '2026-11-30', '2026-11-15']],
  ])('labels are distinct for %j', (dates) => {
    for (const max of [2, 3, 5, 8]) expect(distinct(dateTicks(dates, max).map((t) => t.label))).toBe(true);
  });

  it('ignores what is not a date', () => {
    expect(dateTicks(['nope', '2026-11-20'])).toHaveLength(1);
    expect(dateTicks([])).toEqual([]);
  });
});

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

describe('the date axis’s spacing (probe 20e, a week read 16, 18, 20, 21, 23 Nov)', () => {
  it('spaces ticks a whole, equal number of days apart, the last date ending the axis', () => {
    expect(dateTicks(['2026-11-16', '2026-11-23']).map((t) => t.label)).toEqual(['16 Nov', '18 Nov', '20 Nov', '23 Nov']);
    expect(dateTicks(['2026-09-07', '2026-11-23']).map((t) => t.label)).toEqual(['7 Sep', '27 Sep', '17 Oct', '6 Nov', '23 Nov']);
    for (const [a, b, max] of [['2026-01-01', '2027-12-31', 5], ['2026-11-01', '2026-11-04', 5], ['2026-11-01', '2026-11-30', 3]] as const) {
      const days = dateTicks([a, b], max).map((t) => Date.parse(t.date) / 86_400_000);
      expect(days.length).toBeLessThanOrEqual(max);
      expect(days[0]).toBe(Date.parse(a) / 86_400_000);
      expect(days.at(-1)).toBe(Date.parse(b) / 86_400_000);
      const gaps = days.slice(1).map((d, i) => d - days[i]!);
      // Equal steps, but the last, which is no shorter than half a step and no longer than one and a half.
      expect(new Set(gaps.slice(0, -1)).size).toBeLessThanOrEqual(1);
      if (gaps.length > 1) expect(gaps.at(-1)! >= gaps[0]! / 2 && gaps.at(-1)! <= gaps[0]! * 1.5).toBe(true);
    }
  });
});

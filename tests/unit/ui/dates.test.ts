/**
 * One date style for people on every screen (components/dates.ts), probe 20e D9: the history said
 * "2026-11-16", the chart "16 Nov" and the overrides view "16/06/2026 00:10 BST" on one page.
 */
import { describe, expect, it } from 'vitest';
import { dayText, momentText } from '../../../components/dates';
import { spotRange } from '../../../components/SpotSummary';

describe('dates for people', () => {
  it('gives a record’s date with its weekday and year, the day it is (no zone can move it)', () => {
    expect(dayText('2026-11-16')).toBe('Mon 16 Nov 2026');
    expect(dayText('2026-01-01', false)).toBe('Thu 1 Jan');
    expect(dayText('2025-12-31')).toBe('Wed 31 Dec 2025');
  });

  it('gives a moment in the school’s zone, named, in the same style as the overlay’s times', () => {
    // 23:10 UTC on 15 June is 00:10 BST on the 16th: the school's day.
    expect(momentText('2026-06-15T23:10:00.000Z', 'Europe/London')).toBe('Tue 16 Jun 2026, 00:10 BST');
    expect(momentText('2026-11-20T14:10:00Z', 'Europe/London')).toBe('Fri 20 Nov 2026, 14:10 GMT');
    // The overlay's range, with the year, reads the same.
    expect(momentText('2026-11-20T14:10:00Z', 'Europe/London')).toBe(`${spotRange('2026-11-20T14:10:00Z', '2026-11-20T14:10:00Z', 'Europe/London', new Date('2027-01-02T10:00:00Z'))[0]} GMT`);
  });

  it('returns what it cannot read as it is, never “Invalid Date”', () => {
    expect(dayText('Monday')).toBe('Monday');
    expect(dayText('2026-13-45')).toBe('2026-13-45');
    expect(momentText('soon', 'Europe/London')).toBe('');
    expect(momentText(undefined, 'Europe/London')).toBe('');
  });
});

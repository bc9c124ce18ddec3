/** The spot-check summary's "From … to …" (components/SpotSummary.tsx spotRange): years when they matter. */
import { describe, expect, it } from 'vitest';
import { spotRange } from '../../../components/SpotSummary';
import { formatWhen } from '../../../lib/calendar/hours';

const TZ = 'Europe/London';

describe('the spot-check’s date range', () => {
  it('names the years when the posts span years (the second probe: Dec 2024 to Jan 2027)', () => {
    expect(spotRange('2024-12-26T10:00:00Z', '2027-01-04T10:00:00Z', TZ, new Date('2027-01-05T10:00:00Z'))).toEqual(['Thu 26 Dec 2024, 10:00', 'Mon 4 Jan 2027, 10:00']);
  });

  it('names the year when the posts are all from another year than this one', () => {
    expect(spotRange('2025-11-20T10:00:00Z', '2025-11-24T10:00:00Z', TZ, new Date('2026-11-24T10:00:00Z'))).toEqual(['Thu 20 Nov 2025, 10:00', 'Mon 24 Nov 2025, 10:00']);
  });

  it('leaves the year out when every post is from this year', () => {
    expect(spotRange('2026-11-15T21:30:00Z', '2026-11-16T09:06:00Z', TZ, new Date('2026-11-24T10:15:00Z'))).toEqual(['Sun 15 Nov, 21:30', 'Mon 16 Nov, 09:06']);
  });

  it('uses the school’s local year: 23:30 on 31 December in New York is already next year in London', () => {
    expect(formatWhen(new Date('2027-01-01T04:30:00Z'), 'America/New_York', true)).toBe('Thu 31 Dec 2026, 23:30');
    expect(spotRange('2026-12-31T23:30:00Z', '2026-12-31T23:45:00Z', 'Europe/London', new Date('2026-12-31T23:50:00Z'))).toEqual(['Thu 31 Dec, 23:30', 'Thu 31 Dec, 23:45']);
  });
});

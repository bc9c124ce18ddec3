import { TZDate, tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { wallToInstant } from '../../../lib/calendar/hours';

const ZONES = ['Europe/London', 'Europe/Dublin', 'America/New_York', 'America/Sao_Paulo', 'America/Santiago', 'Australia/Sydney', 'Pacific/Chatham', 'Asia/Kolkata', 'Asia/Tehran', 'UTC'];

/** Whether a wall time happens twice (the hour a clock goes back): which instant TZDate picks then depends on the machine's own zone. */
function ambiguous(ms: number, timeZone: string): boolean {
  const o = tzOffset(timeZone, new Date(ms));
  return [-120, -60, -30, 30, 60, 120].some((shift) => {
    const other = ms + shift * 60_000;
    const o2 = tzOffset(timeZone, new Date(other));
    return o2 !== o && other + o2 * 60_000 === ms + o * 60_000;
  });
}

describe('wallToInstant: a wall-clock time in a zone to its instant', () => {
  it('is TZDate’s instant for every half hour of each clock-change day (and a day either side), 2020–2027, in ten zones', () => {
    let checked = 0;
    for (const timeZone of ZONES) {
      for (let y = 2020; y <= 2027; y++) {
        const days: Date[] = [];
        for (let t = Date.UTC(y, 0, 1); t < Date.UTC(y + 1, 0, 1); t += 86_400_000) {
          const change = tzOffset(timeZone, new Date(t)) !== tzOffset(timeZone, new Date(t + 86_400_000));
          if (change) days.push(new Date(t - 86_400_000), new Date(t), new Date(t + 86_400_000));
          else if (new Date(t).getUTCDate() === 15) days.push(new Date(t));
        }
        for (const day of days) {
          const [yy, m, d] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
          for (let minutes = 0; minutes < 1440; minutes += 30) {
            const ours = wallToInstant(yy, m, d, minutes, timeZone);
            if (ambiguous(ours, timeZone)) continue;
            expect(ours, `${timeZone} ${yy}-${m + 1}-${d} ${minutes} min`).toBe(new TZDate(yy, m, d, Math.floor(minutes / 60), minutes % 60, timeZone).getTime());
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  }, 60_000);

  it('moves a time skipped by the clocks going forward to after the change, and reads an unknown zone as NaN', () => {
    // 01:30 on 29 March 2026 does not happen in London: 02:30 BST, 01:30 UTC.
    expect(new Date(wallToInstant(2026, 2, 29, 90, 'Europe/London')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(wallToInstant(2026, 10, 24, 615, 'Europe/London')).toISOString()).toBe('2026-11-24T10:15:00.000Z');
    expect(new Date(wallToInstant(2026, 6, 1, 480, 'Europe/London')).toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(wallToInstant(2026, 0, 1, 0, 'Not/AZone')).toBeNaN();
  });
});

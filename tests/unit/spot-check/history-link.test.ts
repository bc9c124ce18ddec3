/** The address that opens the options page at one spot-check (the overlay's "Export", probe 14d #2). */
import { describe, expect, it } from 'vitest';
import { spotHistoryHash, wantedSpotKey } from '../../../lib/spot-check/history-link';
import { recordKey } from '../../../lib/spot-check/record';

describe('the history link', () => {
  it('round-trips a scope to its record key', () => {
    const scope = { classId: 'c1', view: 'class-story', date: '2026-11-24' } as const;
    const hash = spotHistoryHash(scope);
    expect(hash).toBe('#spot-history/c1%7Cclass-story%7C2026-11-24');
    expect(wantedSpotKey(hash)).toBe(recordKey('c1', 'class-story', '2026-11-24'));
    expect(wantedSpotKey(spotHistoryHash({ classId: 'school-5f2a', view: 'school-story', date: '2026-01-05' }))).toBe('school-5f2a|school-story|2026-01-05');
  });

  it('asks for nothing on another address, a broken escape or a shape that is not a key', () => {
    for (const hash of ['', '#rosters/c1', '#spot-history/', '#spot-history/%E0%A4%A', '#spot-history/c1', '#spot-history/a%7Cb%7Cc%7Cd', `#spot-history/${'x'.repeat(400)}%7Cb%7Cc`]) expect(wantedSpotKey(hash), hash).toBeUndefined();
  });
});

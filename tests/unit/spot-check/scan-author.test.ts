import { describe, expect, it } from 'vitest';
import { ukBankHolidays } from '../../../lib/calendar/bank-holidays';
import { auditPolicy, scanPost } from '../../../lib/spot-check/scan';
import { AUTHOR_MAX } from '../../../lib/spot-check/record';
import { policy, ROSTER } from '../rules/helpers';

describe('a post’s author as the page shows it', () => {
  const ctx = { policy: auditPolicy(policy('bentley-new-village')), roster: ROSTER, calendar: ukBankHolidays };
  it('loses bidi controls and is cut to what the record keeps, so the overlay shows what is stored', () => {
    const long = `Ms Carter\u202e${'x'.repeat(600)}`;
    const r = scanPost({ id: 'p', text: 'Well done Amelia Hughes', time: '2026-11-24T10:15:00Z', media: 0, author: long }, 'class-story', ctx);
    expect(r.author).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(r.author.length).toBeLessThanOrEqual(AUTHOR_MAX);
    expect(r.author.startsWith('Ms Carter')).toBe(true);
  });
  it('is "Unknown" when the page shows none', () => {
    expect(scanPost({ id: 'p', text: 'Hello', time: '2026-11-24T10:15:00Z', media: 0, author: ' \u202e ' }, 'class-story', ctx).author).toBe('Unknown');
  });
});

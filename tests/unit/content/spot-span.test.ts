/**
 * The overlay's wording (components/SpotSummary.tsx), probe 20e's minor items: a one-post check said "From Thu
 * 29 Oct, 09:00 to Thu 29 Oct, 09:00", and two classes named "Class 3 Oak" both read "Recording for Class 3 Oak".
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../lib/ext/i18n', () => ({
  t: (key: string, subs: string | string[] = []) => `${key}(${[subs].flat().join('|')})`,
}));

const TZ = 'Europe/London';
const NOW = new Date('2026-11-24T10:00:00Z');

describe('when the posts were made', () => {
  it('says one time once for one post, or for posts all made at one minute', async () => {
    const { spotSpan } = await import('../../../components/SpotSummary');
    expect(spotSpan('2026-10-29T09:00:00Z', '2026-10-29T09:00:00Z', TZ, NOW, 'story')).toBe('spotRangeOnePost(Thu 29 Oct, 09:00)');
    expect(spotSpan('2026-10-29T09:00:10Z', '2026-10-29T09:00:50Z', TZ, NOW, 'messages')).toBe('spotRangeOneMessage(Thu 29 Oct, 09:00)');
  });

  it('gives the second time alone within one local day, both in full across days and years', async () => {
    const { spotSpan } = await import('../../../components/SpotSummary');
    expect(spotSpan('2026-10-29T09:00:00Z', '2026-10-29T14:05:00Z', TZ, NOW, 'story')).toBe('spotRange(Thu 29 Oct, 09:00|14:05)');
    // 23:30 and 00:10 BST are two local days, though one UTC day.
    expect(spotSpan('2026-06-15T22:30:00Z', '2026-06-15T23:10:00Z', TZ, NOW, 'story')).toBe('spotRange(Mon 15 Jun, 23:30|Tue 16 Jun, 00:10)');
    expect(spotSpan('2025-12-26T10:00:00Z', '2026-01-04T10:00:00Z', TZ, NOW, 'story')).toBe('spotRange(Fri 26 Dec 2025, 10:00|Sun 4 Jan 2026, 10:00)');
  });
});

describe('the class a check is recorded for', () => {
  it('is its name, with its id when another class has the same name (case and spaces aside)', async () => {
    const { recordingName } = await import('../../../components/SpotSummary');
    expect(recordingName('c1', 'Class 3 Oak', ['Year 5 Ash'])).toBe('Class 3 Oak');
    expect(recordingName('c9', 'Class 3 Oak', ['Year 5 Ash', 'class 3  oak'])).toBe('Class 3 Oak (classIdLabel(c9))');
    expect(recordingName('c1', 'Class 3 Oak', ['Class 3 Oak'])).not.toBe(recordingName('c9', 'Class 3 Oak', ['Class 3 Oak']));
  });

  it('is its id, said as one, when the page has shown no name', async () => {
    const { recordingName } = await import('../../../components/SpotSummary');
    expect(recordingName('c9', undefined, ['Class 3 Oak'])).toBe('classIdLabel(c9)');
    expect(recordingName('school', undefined)).toBe('classWholeSchool()');
  });
});

import { describe, expect, it } from 'vitest';
import { clickCounts, VISIBLE_FOR_MS, visibleSince } from '../../../lib/ui/visibility';

describe('clickjacking: a click counts only on a button seen in plain view for a moment', () => {
  it('counts from the first visible report, and starts again after any hidden one', () => {
    let since = visibleSince(undefined, { at: 100, visible: true });
    since = visibleSince(since, { at: 200, visible: true });
    expect(since).toBe(100);
    expect(clickCounts(since, 100 + VISIBLE_FOR_MS - 1, true)).toBe(false); // slid under the pointer just now
    expect(clickCounts(since, 100 + VISIBLE_FOR_MS, true)).toBe(true);
    since = visibleSince(since, { at: 900, visible: false }); // covered or faded
    expect(clickCounts(since, 5_000, true)).toBe(false);
    since = visibleSince(since, { at: 1_000, visible: true });
    expect(clickCounts(since, 1_000 + VISIBLE_FOR_MS / 2, true)).toBe(false);
    expect(clickCounts(since, 1_000 + VISIBLE_FOR_MS, true)).toBe(true);
  });

  it('never reported: not counted; a browser without the observer (or without v2): every click counts', () => {
    expect(clickCounts(undefined, 10_000, true)).toBe(false);
    expect(clickCounts(undefined, 0, false)).toBe(true);
    expect(visibleSince(undefined, { at: 5, visible: undefined })).toBe(5);
  });
});

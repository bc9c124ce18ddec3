/**
 * The spot-check's badge on a post covers none of its words: the header's name, class and time, in a
 * left-to-right page and a right-to-left one (issue #20, probe 20f D2: the badge hid the author's name).
 */
import { describe, expect, it } from 'vitest';
import { placePostBadge } from '../../../lib/ui/post-badge';
import type { Rect } from '../../../lib/ui/placement';

const BADGE = { width: 96, height: 20 };
const VP = { width: 1024, height: 700 };
const hits = (at: { left: number; top: number }, rects: Rect[]) =>
  rects.some((r) => at.left < r.left + r.width && r.left < at.left + BADGE.width && at.top < r.top + r.height && r.top < at.top + BADGE.height);

/** A post 700 px wide at x 160: a header (name on the first line, class and time on the second) and text. */
function post(rtl: boolean, nameWidth = 120) {
  const box = { left: 160, top: 100, width: 700, height: 200 };
  const x = (left: number, width: number) => (rtl ? box.left + box.width - left - width : box.left + left);
  const header = [
    { left: x(46, nameWidth), top: 100, width: nameWidth, height: 20 },
    { left: x(46, 160), top: 121, width: 160, height: 16 },
  ];
  const body = [{ left: box.left, top: 150, width: 690, height: 20 }];
  return { box, header, text: [...header, ...body] };
}

describe('a post’s badge', () => {
  it.each([false, true])('sits at the inline end of the header, over no text (rtl %s)', (rtl) => {
    const p = post(rtl);
    const at = placePostBadge({ viewport: VP, post: p.box, text: p.text, avoid: [], badge: BADGE, rtl });
    expect(hits(at, p.text)).toBe(false);
    expect(at.top).toBeLessThan(140);
    // The inline end: the right in a left-to-right post, the left in a right-to-left one.
    if (rtl) expect(at.left).toBeLessThan(p.box.left + 100);
    else expect(at.left + BADGE.width).toBeGreaterThan(p.box.left + p.box.width - 100);
  });

  it('the old place (120 px from the right edge) covered a right-to-left author’s name', () => {
    const p = post(true);
    const old = { left: Math.max(p.box.left, p.box.left + p.box.width - 120), top: p.box.top + 6 };
    expect(hits(old, p.header)).toBe(true);
  });

  it.each([false, true])('a header as wide as the post: the badge goes outside the post, clear of the side column (rtl %s)', (rtl) => {
    const p = post(rtl, 650);
    const side = { left: rtl ? 0 : 900, top: 80, width: 124, height: 400 };
    const at = placePostBadge({ viewport: VP, post: p.box, text: p.text, avoid: [side], badge: BADGE, rtl });
    expect(hits(at, [...p.text, side])).toBe(false);
  });

  it('a narrow chat bubble: beside it, never over its sender’s name', () => {
    const bubble = { left: 700, top: 300, width: 150, height: 56 };
    const text = [
      { left: 712, top: 308, width: 80, height: 16 },
      { left: 712, top: 326, width: 126, height: 20 },
    ];
    const at = placePostBadge({ viewport: VP, post: bubble, text, avoid: [], badge: BADGE, rtl: false });
    expect(hits(at, text)).toBe(false);
    expect(at.left + BADGE.width).toBeLessThanOrEqual(VP.width);
  });
});

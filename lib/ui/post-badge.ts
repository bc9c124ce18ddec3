/**
 * Where the spot-check's badge on a post or message goes ("2 to look at"), so that it covers none of the
 * post's words: not its author's name, class or time in the header, not its text, in a left-to-right page or
 * a right-to-left one (an Arabic-speaking teacher's post puts the name at the right). Policy Guard's UI never
 * covers post text (issue #20). Pure: no DOM access; the overlay measures the post's text
 * (entrypoints/on-request/SpotCheck.tsx) and draws the badge where this says.
 *
 * Units: CSS px in viewport coordinates (getBoundingClientRect()).
 */
import type { Rect, Size } from './placement';

export interface PostBadgeInput {
  viewport: Size;
  /** The post's (or message bubble's) box. */
  post: Rect;
  /** Each line box of the post's own text (Range.getClientRects of its text nodes): never covered. */
  text: Rect[];
  /** Other page content the badge may not cover outside the post: other posts, a side column. */
  avoid: Rect[];
  badge: Size;
  /** The post's direction: its inline end is the left in a right-to-left post. */
  rtl: boolean;
}

/** Space kept from the post's edge and from any text. */
const INSET = 6;
const CLEAR = 2;

/**
 * The badge's top-left corner. Tried in order, the first that covers no text and stays in the window wins:
 * the top of the post at its inline end (where a header's name and time leave room); the same corner a line
 * lower; outside the post at its inline end, then at its inline start, level with its top; above the post at
 * its inline end. With none free (a post filling the window, full of text), the spot that covers the least
 * text.
 */
export function placePostBadge(input: PostBadgeInput): { left: number; top: number } {
  const { post, badge, viewport, rtl } = input;
  const w = badge.width;
  const h = badge.height;
  const right = post.left + post.width;
  const endInside = rtl ? post.left + INSET : right - INSET - w;
  const endOutside = rtl ? post.left - INSET - w : right + INSET;
  const startOutside = rtl ? right + INSET : post.left - INSET - w;
  const candidates = [
    { left: endInside, top: post.top + INSET },
    { left: endInside, top: post.top + INSET + h + CLEAR },
    { left: endOutside, top: post.top },
    { left: startOutside, top: post.top },
    { left: endInside, top: post.top - h - CLEAR },
  ];
  const grow = (r: Rect): Rect => ({ left: r.left - CLEAR, top: r.top - CLEAR, width: r.width + 2 * CLEAR, height: r.height + 2 * CLEAR });
  const text = input.text.filter((r) => r.width > 0 && r.height > 0).map(grow);
  const overlap = (a: Rect, b: Rect) => Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top));
  const inside = (c: { left: number; top: number }) => c.left >= post.left && c.left + w <= right && c.top >= post.top && c.top + h <= post.top + post.height;
  const cost = (c: { left: number; top: number }) => {
    const box = { left: c.left, top: c.top, width: w, height: h };
    let covered = text.reduce((n, r) => n + overlap(box, r), 0);
    // Outside the post, other content counts as text: the badge may sit only in empty space.
    if (!inside(c)) covered += input.avoid.reduce((n, r) => n + overlap(box, r), 0) + overlap(box, post);
    return covered;
  };
  const inWindow = (c: { left: number }) => c.left >= 0 && c.left + w <= viewport.width;
  const free = candidates.find((c) => inWindow(c) && cost(c) === 0);
  if (free) return { left: Math.round(free.left), top: Math.round(free.top) };
  const least = candidates.filter(inWindow).sort((a, b) => cost(a) - cost(b))[0] ?? candidates[0]!;
  return { left: Math.round(least.left), top: Math.round(least.top) };
}

/**
 * Where the spot-check's summary goes so that it never covers a post: in the page's free margin beside the
 * feed (the wider side that fits it, under ClassDojo's header and clear of the guidance panel), else
 * folded to a narrow tab in a margin, else a small tab at the bottom corner that covers the least. Pure: no
 * DOM access; the overlay measures the feed and applies the answer as inline style on a fixed element.
 *
 * Units: CSS pixels in viewport coordinates (getBoundingClientRect()); at 200% zoom a 1280×800 window is a
 * 640×400 viewport, and that is what the caller passes.
 */
import type { Rect, Size } from './placement';

/** The summary's widest and narrowest docked width, and the tab's size. */
export const SPOT_WIDTH = 300;
export const SPOT_MIN_WIDTH = 220;
export const SPOT_TAB: Size = { width: 30, height: 132 };
/**
 * The summary's height (px) when opened from its tab, over the feed: fixed whatever it holds (its height must
 * not tell the page how many findings there are, probe 14g), its content scrolling inside, and short, so it
 * covers as little of the feed as it can (at 1024×700 a full-height summary covered a third of it). Cut to
 * the viewport, less the header (`SPOT_OPEN_CSS_HEIGHT`).
 */
export const SPOT_OPEN_HEIGHT = 340;
/** SPOT_OPEN_HEIGHT as CSS, cut to a short viewport: it depends on the window's height alone. */
export const SPOT_OPEN_CSS_HEIGHT = `min(${SPOT_OPEN_HEIGHT}px, calc(100vh - 90px))`;
/** Space kept from the viewport's edges, and from the feed's posts (their cards' padding and border). */
const EDGE = 8;
const GAP = 16;
/** Under ClassDojo's header. */
const TOP = 68;

export type SpotDock =
  /** Docked beside the feed: `left` and `width` in px, from `top` to the bottom edge. */
  | { mode: 'docked'; side: 'left' | 'right'; left: number; width: number; top: number; maxHeight: number }
  /** Folded to a tab (space is short): `left`, `top`, `width` and `height` of the tab. */
  | { mode: 'tab'; side: 'left' | 'right'; left: number; top: number; width: number; height: number };

export interface SpotDockInput {
  viewport: Size;
  /**
   * The feed's column: the left of its leftmost post and the right of its rightmost (visible posts are
   * enough: a feed is one column). Undefined when no post is on the page: the summary docks left.
   */
  feed?: { left: number; right: number };
  /** The guidance panel, when it is shown: the summary keeps clear of it. */
  panel?: Rect;
}

/**
 * The summary's place. Docked on the side with the most free space if that side fits SPOT_MIN_WIDTH;
 * otherwise a tab at the bottom of the wider margin (its width cut to the margin, at least 18 px); with no
 * margin at all, at the bottom of the right edge.
 */
export function dockSpot(input: SpotDockInput): SpotDock {
  const { viewport, feed, panel } = input;
  const leftFree = feed ? feed.left - GAP - EDGE : viewport.width;
  const rightFree = feed ? viewport.width - feed.right - GAP - EDGE : 0;
  const height = Math.max(0, viewport.height - TOP - EDGE);
  // The right margin holds the panel at the top: there the summary starts under it.
  const rightTop = panel && panel.left < viewport.width && panel.left + panel.width > (feed?.right ?? viewport.width) ? Math.max(TOP, panel.top + panel.height + GAP) : TOP;
  const rightHeight = Math.max(0, viewport.height - rightTop - EDGE);
  const fits = (free: number, h: number) => free >= SPOT_MIN_WIDTH && h >= 160;
  if (fits(leftFree, height) && leftFree >= rightFree) return docked('left', leftFree, TOP, height);
  if (fits(rightFree, rightHeight)) return docked('right', rightFree, rightTop, rightHeight);
  if (fits(leftFree, height)) return docked('left', leftFree, TOP, height);
  const tabHeight = Math.min(SPOT_TAB.height, Math.max(40, viewport.height - TOP - EDGE));
  const free = Math.max(leftFree, rightFree) + GAP; // the tab may use the gap too
  // No margin at all: the right edge, where it can cover only the ends of lines, never a post's first words.
  // Left unless the right margin is clearly wider: near the first words it covers nothing, and on the right
  // it would meet the posts' badges.
  const side: 'left' | 'right' = free < 18 ? 'right' : leftFree + 4 >= rightFree ? 'left' : 'right';
  const width = Math.max(18, Math.min(SPOT_TAB.width, free));
  const top = Math.max(TOP, viewport.height - EDGE - tabHeight);
  return { mode: 'tab', side, left: side === 'left' ? Math.max(0, Math.min(EDGE, free - width)) : viewport.width - width - Math.max(0, Math.min(EDGE, free - width)), top, width, height: tabHeight };

  function docked(s: 'left' | 'right', free: number, top: number, maxHeight: number): SpotDock {
    const width = Math.min(SPOT_WIDTH, free);
    const left = s === 'left' ? EDGE : viewport.width - EDGE - width;
    return { mode: 'docked', side: s, left, width, top, maxHeight };
  }
}

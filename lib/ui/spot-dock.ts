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
  /**
   * Other page content beside the feed, as horizontal spans (a three-column page's side column: class info,
   * upcoming events): never a free margin. The summary docks and folds only in what no column covers.
   */
  columns?: { left: number; right: number }[];
  /** The guidance panel, when it is shown: the summary keeps clear of it. */
  panel?: Rect;
}

/** A horizontal stretch no column covers, with whether it touches the window's left or right edge. */
interface Gap {
  left: number;
  right: number;
  atLeft: boolean;
  atRight: boolean;
}

/** The stretches between the columns (merged where they overlap), left to right. */
function gapsBetween(width: number, spans: { left: number; right: number }[]): Gap[] {
  const sorted = spans.filter((c) => c.right > c.left).sort((a, b) => a.left - b.left);
  const gaps: Gap[] = [];
  let x = 0;
  for (const c of sorted) {
    if (c.left > x) gaps.push({ left: x, right: Math.min(c.left, width), atLeft: x === 0, atRight: false });
    x = Math.max(x, c.right);
  }
  if (x < width) gaps.push({ left: x, right: width, atLeft: x === 0, atRight: true });
  return gaps.filter((g) => g.right > g.left);
}

/**
 * The summary's place. Docked in the widest stretch no column covers (the feed's margins, or between the feed
 * and a side column) if it fits SPOT_MIN_WIDTH, the left one when two fit alike; otherwise a tab at the bottom
 * of the widest stretch (its width cut to it, at least 18 px); with no free stretch at all, at the bottom of
 * the feed's right edge (the window's, with no side column), over the ends of lines only.
 */
export function dockSpot(input: SpotDockInput): SpotDock {
  const { viewport, feed, panel } = input;
  const height = Math.max(0, viewport.height - TOP - EDGE);
  const spans = [...(feed ? [feed] : []), ...(input.columns ?? [])];
  if (spans.length === 0) return docked({ left: 0, right: viewport.width, atLeft: true, atRight: false }, viewport.width - EDGE, TOP, height);
  // Room in a stretch: EDGE from the window's edge, GAP from a column.
  const gaps = gapsBetween(viewport.width, spans).map((g) => ({ g, free: g.right - g.left - (g.atLeft ? EDGE : GAP) - (g.atRight ? EDGE : GAP) }));
  // A stretch that holds the panel at the top: there the summary starts under it.
  const topOf = (g: Gap) => (panel && panel.left < g.right && panel.left + panel.width > g.left ? Math.max(TOP, panel.top + panel.height + GAP) : TOP);
  const fits = (free: number, h: number) => free >= SPOT_MIN_WIDTH && h >= 160;
  const fitting = gaps.filter(({ g, free }) => fits(free, viewport.height - topOf(g) - EDGE)).sort((a, b) => b.free - a.free || a.g.left - b.g.left);
  if (fitting[0]) {
    const { g, free } = fitting[0];
    return docked(g, free, topOf(g), Math.max(0, viewport.height - topOf(g) - EDGE));
  }
  const tabHeight = Math.min(SPOT_TAB.height, Math.max(40, viewport.height - TOP - EDGE));
  const top = Math.max(TOP, viewport.height - EDGE - tabHeight);
  // The tab may use the GAP beside a column too. Left unless another stretch is clearly wider: near the first
  // words it covers nothing, and on the right it would meet the posts' badges.
  const room = gaps.map(({ g }) => ({ g, free: g.right - g.left - (g.atLeft ? EDGE : 0) - (g.atRight ? EDGE : 0) })).sort((a, b) => (Math.abs(b.free - a.free) > 4 ? b.free - a.free : a.g.left - b.g.left));
  const best = room[0];
  if (!best || best.free < 18) {
    // No room at all: the feed's right edge (the window's when nothing is beside it), where it covers only the
    // ends of lines, never a post's first words nor a side column.
    const width = 18;
    const edge = feed && spans.some((c) => c !== feed && c.left >= feed.right - 1) ? feed.right : viewport.width;
    return { mode: 'tab', side: 'right', left: Math.max(0, Math.min(viewport.width, edge) - width), top, width, height: tabHeight };
  }
  const { g, free } = best;
  const width = Math.max(18, Math.min(SPOT_TAB.width, free));
  const inset = Math.max(0, Math.min(EDGE, free - width));
  const side: 'left' | 'right' = g.atLeft ? 'left' : 'right';
  const left = g.atLeft ? g.left + inset : g.atRight ? g.right - width - inset : g.left + (g.right - g.left - width) / 2;
  return { mode: 'tab', side, left: Math.round(left), top, width, height: tabHeight };

  function docked(g: Gap, free: number, top: number, maxHeight: number): SpotDock {
    const width = Math.min(SPOT_WIDTH, free);
    const left = g.atLeft ? g.left + EDGE : g.atRight ? g.right - EDGE - width : g.left + GAP;
    return { mode: 'docked', side: g.atLeft ? 'left' : 'right', left, width, top, maxHeight };
  }
}

/**
 * Where the guidance panel goes so that it never covers ClassDojo's message box, its Send/Post button, or
 * what the person is reading (posts, messages, the conversation's title).
 * Pure: no DOM access. The content script measures the page (components/usePlacement.ts) and applies the
 * answer as inline style on a `position: fixed` element.
 *
 * Units: every number is in CSS pixels, in viewport coordinates (as getBoundingClientRect() gives them:
 * origin at the top left of the layout viewport, x to the right, y down). At 200% browser zoom a
 * 1280×860 window is a 640×430 viewport in these units, and that is what the caller passes.
 */

/** A rectangle in viewport CSS px, shaped like a DOMRect (only these four fields are read). */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A width and height in CSS px. */
export interface Size {
  width: number;
  height: number;
}

/** What must stay uncovered. Any of them may be missing (no composer on the page, or none found). */
export interface KeepClear {
  /** The message box: the focused composer, else the first. */
  composer?: Rect;
  /** Its Send/Post control. */
  send?: Rect;
  /**
   * The composer's container (ClassDojo's composer card: box, toolbar and buttons). Kept clear too; as a
   * last resort the badge may sit over the container but never over the box or its button.
   */
  container?: Rect;
  /**
   * What the person reads: each post, message and thread title on screen (lib/dojo/page.ts readingElements).
   * The panel never covers any of them: it goes in a free margin or a free band, else folds to the badge;
   * the badge too avoids them, narrowing to a strip at the window's edge when a margin is narrower than it.
   * Only when the content reaches both edges may the badge sit over it (a bottom corner, the least read).
   */
  content?: Rect[];
}

export interface PlacementOptions {
  /** Space kept from the viewport's edges. Default 8. */
  margin: number;
  /** Space kept from the protected rectangles. Default 8. */
  gap: number;
  /** The highest a panel may start: under ClassDojo's 60px header. Default 68. */
  minTop: number;
  /** The narrowest the panel may be made to fit a column. Default 220. */
  minWidth: number;
  /** The shortest the panel may be made (it scrolls inside) before the badge is used instead. Default 180. */
  minHeight: number;
}

export const DEFAULT_PLACEMENT_OPTIONS: PlacementOptions = { margin: 8, gap: 8, minTop: 68, minWidth: 220, minHeight: 180 };

/** The panel's natural width (also in style.css) and the badge's size, in CSS px. */
export const PANEL_WIDTH = 268;

/**
 * The panel's height in CSS px (less where the spot it is placed in is shorter), whatever it shows: its
 * content scrolls inside. A page script can measure our host and hit-test the screen; if the panel grew
 * with its findings, a page that writes a pupil's name in its own composer could tell from the size
 * whether Policy Guard knows that pupil, or holds them in care or without consent (PRIVACY.md).
 */
export const PANEL_HEIGHT = 440;
export const BADGE_SIZE: Size = { width: 64, height: 36 };

export interface PlacementInput {
  /** The layout viewport (document.documentElement.clientWidth × clientHeight: scroll bars excluded). */
  viewport: Size;
  keepClear: KeepClear;
  /** The panel's natural size: PANEL_WIDTH × its content's height. */
  panel: Size;
  /** The badge's size; BADGE_SIZE if not given. */
  badge?: Size;
  options?: Partial<PlacementOptions>;
}

/** Where a free panel goes. */
export type PanelSpot = 'right' | 'left' | 'above' | 'below';
/** Where a badge (or the "Show" tab) goes: docked by the composer, else in a corner of the viewport. */
export type DockSpot = 'top-right' | 'beside-right' | 'below' | 'above' | 'beside-left' | 'corner-bottom-right' | 'corner-bottom-left' | 'corner-top-left' | 'edge-right' | 'gutter';

/**
 * The panel, in full. Exactly one of `left` and `right` is set (distance from that viewport edge); `top`
 * from the viewport's top. `width` is at most the natural width; `maxHeight` is the room it has (it
 * scrolls inside beyond that).
 */
export interface PanelPlacement {
  mode: 'panel';
  spot: PanelSpot;
  top: number;
  left?: number;
  right?: number;
  width: number;
  maxHeight: number;
}

/**
 * The compact badge (shield and number of findings), its top-left corner at `left`, `top`. `clear` is
 * false only when no spot in the viewport misses the composer and its button (a composer filling the
 * viewport): it is then in the bottom-right corner regardless.
 */
export interface BadgePlacement {
  mode: 'badge';
  spot: DockSpot;
  top: number;
  left: number;
  clear: boolean;
  /** Set when the badge is narrowed to a strip at the window's edge (a margin narrower than BADGE_SIZE). */
  size?: Size;
}

/** The edge strip: at most this wide (the shield and count stacked), at least 18 px, this tall. */
export const EDGE_BADGE: Size = { width: 28, height: 56 };

export type Placement = PanelPlacement | BadgePlacement;

/** Edges, for arithmetic. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const box = (r: Rect): Box => ({ left: r.left, top: r.top, right: r.left + r.width, bottom: r.top + r.height });

/** Two boxes overlap when they share some area; touching edges do not. */
export function overlaps(a: Rect, b: Rect): boolean {
  const p = box(a);
  const q = box(b);
  return p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;
}

/** The part of a rectangle inside the viewport, or undefined when none of it is (scrolled away). */
function visible(r: Rect | undefined, vp: Size): Box | undefined {
  if (!r || !(r.width > 0) || !(r.height > 0)) return undefined;
  const b = box(r);
  const clipped = { left: Math.max(0, b.left), top: Math.max(0, b.top), right: Math.min(vp.width, b.right), bottom: Math.min(vp.height, b.bottom) };
  return clipped.right > clipped.left && clipped.bottom > clipped.top ? clipped : undefined;
}

function hits(candidate: Box, rects: Box[]): boolean {
  return rects.some((r) => candidate.left < r.right && r.left < candidate.right && candidate.top < r.bottom && r.top < candidate.bottom);
}

const round = (n: number) => Math.round(n);

/**
 * The first free spot for the panel, else a badge docked by the composer.
 *
 * Panel spots, in order: the column right of the composer, the column left of it, then the taller of
 * the bands above and below it, where "it" is the composer together with what is read on screen
 * (`keepClear.content`: posts, messages): the panel lies beside or above or below all of them. A spot fits when it is at least `minWidth` wide (or the natural
 * width, if smaller) and `minHeight` tall (or the natural height, if smaller); the panel takes its natural
 * width and, as its max height, all the height the spot has. With nothing to keep clear on screen the
 * panel sits top right, as it always has.
 */
export function placePanel(input: PlacementInput): Placement {
  const o = { ...DEFAULT_PLACEMENT_OPTIONS, ...input.options };
  const vp = input.viewport;
  const { margin: m, gap, minTop } = o;
  // What is read counts as the composer does: the columns beside it all, the bands above and below it all.
  const rects = [input.keepClear.composer, input.keepClear.send, input.keepClear.container, ...(input.keepClear.content ?? [])].map((r) => visible(r, vp)).filter((r): r is Box => !!r);
  const needW = Math.min(input.panel.width, o.minWidth);
  const needH = Math.min(input.panel.height, o.minHeight);

  const union: Box | undefined = rects.length
    ? { left: Math.min(...rects.map((r) => r.left)), top: Math.min(...rects.map((r) => r.top)), right: Math.max(...rects.map((r) => r.right)), bottom: Math.max(...rects.map((r) => r.bottom)) }
    : undefined;
  const top = minTop;
  const bottom = vp.height - m;
  const regions: { spot: PanelSpot; r: Box; anchor: 'left' | 'right' }[] = union
    ? [
        { spot: 'right', r: { left: Math.max(m, union.right + gap), right: vp.width - m, top, bottom }, anchor: 'right' },
        { spot: 'left', r: { left: m, right: Math.min(vp.width - m, union.left - gap), top, bottom }, anchor: 'left' },
        ...[
          { spot: 'above' as const, r: { left: m, right: vp.width - m, top, bottom: Math.min(bottom, union.top - gap) }, anchor: 'right' as const },
          { spot: 'below' as const, r: { left: m, right: vp.width - m, top: Math.max(top, union.bottom + gap), bottom }, anchor: 'right' as const },
        ].sort((a, b) => b.r.bottom - b.r.top - (a.r.bottom - a.r.top)),
      ]
    : [{ spot: 'right', r: { left: m, right: vp.width - m, top, bottom }, anchor: 'right' }];

  for (const { spot, r, anchor } of regions) {
    const w = r.right - r.left;
    const h = r.bottom - r.top;
    if (w < needW || h < needH) continue;
    const width = round(Math.min(input.panel.width, w));
    const placed: PanelPlacement = { mode: 'panel', spot, top: round(r.top), width, maxHeight: Math.floor(h) };
    if (anchor === 'right') placed.right = round(vp.width - r.right);
    else placed.left = round(r.left);
    return placed;
  }
  const d = dock(input.keepClear, input.badge ?? BADGE_SIZE, vp, o, false);
  return { mode: 'badge', ...d };
}

/**
 * Where the small "Show Policy Guard" tab goes when the panel is hidden: top right, as it always has,
 * unless that covers the composer; then docked by the composer like the badge. `left`/`top` in CSS px.
 */
export function placeTab(input: { viewport: Size; keepClear: KeepClear; tab: Size; options?: Partial<PlacementOptions> }): { spot: DockSpot; top: number; left: number; clear: boolean } {
  return dock(input.keepClear, input.tab, input.viewport, { ...DEFAULT_PLACEMENT_OPTIONS, ...input.options }, true);
}

/**
 * A small box of `size` docked by the composer: right of its container at the height of its button row,
 * below it, above it, left of it; then the viewport's corners. First against everything to keep clear
 * (content included); then, for the badge, a strip narrowed to the wider margin at the window's edge; then
 * against the composer only, then (a composer card wider than the viewport) against the box and button.
 */
function dock(keep: KeepClear, size: Size, vp: Size, o: PlacementOptions, topRightFirst: boolean): { spot: DockSpot; top: number; left: number; clear: boolean; size?: Size } {
  const { margin: m, gap } = o;
  const content = (keep.content ?? []).map((r) => visible(r, vp)).filter((r): r is Box => !!r);
  const composerParts = [keep.composer, keep.send, keep.container].map((r) => visible(r, vp)).filter((r): r is Box => !!r);
  const hard = [keep.composer, keep.send].map((r) => visible(r, vp)).filter((r): r is Box => !!r);
  const a = visible(keep.container, vp) ?? visible(keep.composer, vp) ?? visible(keep.send, vp);
  const { width: w, height: h } = size;
  const candidates: { spot: DockSpot; left: number; top: number }[] = [];
  if (topRightFirst) candidates.push({ spot: 'top-right', left: vp.width - m - w, top: o.minTop });
  if (a) {
    const rowTop = Math.min(a.bottom, vp.height - m) - h;
    candidates.push(
      { spot: 'beside-right', left: a.right + gap, top: rowTop },
      { spot: 'below', left: Math.min(a.right, vp.width - m) - w, top: a.bottom + gap },
      { spot: 'above', left: Math.min(a.right, vp.width - m) - w, top: a.top - gap - h },
      { spot: 'beside-left', left: a.left - gap - w, top: rowTop },
    );
  }
  candidates.push(
    { spot: 'corner-bottom-right', left: vp.width - m - w, top: vp.height - m - h },
    { spot: 'corner-bottom-left', left: m, top: vp.height - m - h },
    { spot: 'corner-top-left', left: m, top: o.minTop },
  );
  if (!topRightFirst) candidates.push({ spot: 'top-right', left: vp.width - m - w, top: o.minTop });
  // Never over ClassDojo's header (its class name and tabs), above `minTop`: a composer near the top with a
  // side column beside it left only the band above it, over the header's tabs.
  const fits = (c: { left: number; top: number }) => c.left >= m && c.top >= Math.min(o.minTop, vp.height - m - h) && c.left + w <= vp.width - m && c.top + h <= vp.height - m;
  const toBox = (c: { left: number; top: number }, cw = w, ch = h): Box => ({ left: c.left, top: c.top, right: c.left + cw, bottom: c.top + ch });
  const found = candidates.find((c) => fits(c) && !hits(toBox(c), [...composerParts, ...content]));
  if (found) return { spot: found.spot, left: round(found.left), top: round(found.top), clear: true };
  // The edge strip: in the margin between the content and the window's right edge (where a badge is looked
  // for), at the top, else the bottom.
  const free = vp.width - Math.max(...content.map((c) => c.right));
  const sw = Math.min(EDGE_BADGE.width, free - 2);
  if (!topRightFirst && content.length && sw >= 18) {
    for (const top of [o.minTop, vp.height - m - EDGE_BADGE.height]) {
      const c = { left: vp.width - sw - Math.min(m, free - sw - 2), top };
      if (c.top >= m && !hits(toBox(c, sw, EDGE_BADGE.height), [...composerParts, ...content])) return { spot: 'edge-right', ...c, clear: true, size: { width: sw, height: EDGE_BADGE.height } };
    }
  }
  // The strip in a gutter between columns of content (the feed and a three-column page's side column, 200%
  // zoom): over the page's own empty space, never its words. The widest gutter first.
  if (!topRightFirst && content.length) {
    const spans = [...content, ...composerParts].sort((p, q) => p.left - q.left);
    const gutters: { left: number; right: number }[] = [];
    let x = m;
    for (const r of spans) {
      if (r.left > x) gutters.push({ left: x, right: r.left });
      x = Math.max(x, r.right);
    }
    gutters.sort((p, q) => q.right - q.left - (p.right - p.left));
    for (const g of gutters) {
      const gw = Math.min(EDGE_BADGE.width, g.right - g.left - 2);
      if (gw < 18) break;
      const left = g.left + (g.right - g.left - gw) / 2;
      for (const top of [o.minTop, vp.height - m - EDGE_BADGE.height]) {
        const c = { left: round(left), top };
        if (c.top >= m && !hits(toBox(c, gw, EDGE_BADGE.height), [...composerParts, ...content])) return { spot: 'gutter', ...c, clear: true, size: { width: gw, height: EDGE_BADGE.height } };
      }
    }
  }
  // Nothing is free: clear of the composer (else its box and button), over the least of what is read.
  const area = (c: { left: number; top: number }) => {
    const b = toBox(c);
    return content.reduce((sum, r) => sum + Math.max(0, Math.min(b.right, r.right) - Math.max(b.left, r.left)) * Math.max(0, Math.min(b.bottom, r.bottom) - Math.max(b.top, r.top)), 0);
  };
  for (const against of [composerParts, hard]) {
    const next = candidates.filter((c) => fits(c) && !hits(toBox(c), against)).sort((p, q) => area(p) - area(q))[0];
    if (next) return { spot: next.spot, left: round(next.left), top: round(next.top), clear: true };
  }
  return { spot: 'corner-bottom-right', left: round(Math.max(0, vp.width - m - w)), top: round(Math.max(0, vp.height - m - h)), clear: false };
}

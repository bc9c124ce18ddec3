/**
 * Where the history chart writes each point's count ("3/5"), so that no two labels overlap, none covers a
 * point, and none leaves the plot (probe 20e D5: three checks on one day drew "3/1/1/2" on top of one another).
 * Pure: coordinates are the SVG's own units (components/TrendChart.tsx).
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LabelWanted {
  /** The point's centre. */
  x: number;
  y: number;
  text: string;
  /** Lower goes first: a label placed earlier is never moved for a later one. */
  priority: number;
}

export interface PlacedLabel {
  /** The text's anchor point (`text-anchor` `anchor`, baseline `y`). */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
}

/**
 * The label's size at font-size 10 in a sans-serif face, as Chromium measures it (its box is the font's whole
 * ascent and descent): digits and "/" at most 6.5 units wide (DejaVu Sans, the widest common default), 13 high.
 */
export const CHAR_W = 6.5;
const ASCENT = 10;
const DESCENT = 3;
/** A point's marker reaches this far from its centre (the markers are drawn 4–5 units across). */
export const MARKER_R = 5;

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (a: Box, b: Box) => a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;

/**
 * A place for each wanted label, in its order of priority, or null where none is free: above the point (slid
 * along near the plot's side), else below, right, left, then a step further up or down. A label never overlaps another label or any point's
 * marker (`MARKER_R`) or `obstacles` (the date axis's labels), and stays inside `bounds`. A point left without a label still has its counts in its
 * title and in the table beside the chart. Returned in the order of `wanted`.
 */
export function placeLabels(wanted: readonly LabelWanted[], bounds: Box, obstacles: readonly Box[] = []): (PlacedLabel | null)[] {
  const markers: Box[] = [...obstacles, ...wanted.map((p) => ({ left: p.x - MARKER_R, right: p.x + MARKER_R, top: p.y - MARKER_R, bottom: p.y + MARKER_R }))];
  const placed: Box[] = [];
  const out: (PlacedLabel | null)[] = wanted.map(() => null);
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a]!.priority - wanted[b]!.priority || a - b);
  for (const i of order) {
    const p = wanted[i]!;
    const w = p.text.length * CHAR_W;
    const gap = MARKER_R + 2;
    const candidates: [number, number, PlacedLabel['anchor']][] = [
      [p.x, p.y - gap - DESCENT, 'middle'],
      [p.x, p.y + gap + ASCENT, 'middle'],
      [p.x + gap, p.y + ASCENT / 2 - DESCENT / 2, 'start'],
      [p.x - gap, p.y + ASCENT / 2 - DESCENT / 2, 'end'],
      [p.x, p.y - gap - DESCENT - (ASCENT + DESCENT), 'middle'],
      [p.x, p.y + gap + ASCENT + (ASCENT + DESCENT), 'middle'],
    ];
    for (const [cx, y, centred] of candidates) {
      let x = cx;
      let anchor = centred;
      let left = anchor === 'middle' ? x - w / 2 : anchor === 'start' ? x : x - w;
      // Above or below a point near the plot's side: slid along to fit (it cannot cover its own point there).
      if (anchor === 'middle' && (left < bounds.left || left + w > bounds.right)) {
        left = Math.max(bounds.left, Math.min(left, bounds.right - w));
        [x, anchor] = [left, 'start'];
      }
      const box = { left, right: left + w, top: y - ASCENT, bottom: y + DESCENT };
      if (!inside(box, bounds) || placed.some((b) => overlaps(b, box)) || markers.some((m) => overlaps(m, box))) continue;
      placed.push(box);
      out[i] = { x, y, anchor, box };
      break;
    }
  }
  return out;
}

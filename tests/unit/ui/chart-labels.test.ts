/** lib/ui/chart-labels.ts: the chart's counts never overlap (probe 20e D5: "3/1/1/2" on one day at 50 %). */
import { describe, expect, it } from 'vitest';
import { MARKER_R, placeLabels, type Box, type LabelWanted } from '../../../lib/ui/chart-labels';

const BOUNDS: Box = { left: 0, top: 0, right: 640, bottom: 216 };
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function check(wanted: LabelWanted[]) {
  const placed = placeLabels(wanted, BOUNDS);
  const boxes = placed.flatMap((p) => (p ? [p.box] : []));
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!), `labels ${i} and ${j}`).toBe(false);
  for (const b of boxes) {
    expect(b.left).toBeGreaterThanOrEqual(0);
    expect(b.top).toBeGreaterThanOrEqual(0);
    expect(b.right).toBeLessThanOrEqual(640);
    expect(b.bottom).toBeLessThanOrEqual(216);
    for (const p of wanted) expect(overlap(b, { left: p.x - MARKER_R, right: p.x + MARKER_R, top: p.y - MARKER_R, bottom: p.y + MARKER_R })).toBe(false);
  }
  return placed;
}

describe('the chart’s point counts', () => {
  it('puts a lone point’s count above it', () => {
    const [one] = check([{ x: 300, y: 100, text: '2/5', priority: 0 }]);
    expect(one).toMatchObject({ x: 300, anchor: 'middle' });
    expect(one!.box.bottom).toBeLessThan(100 - MARKER_R);
  });

  it('gives four points on one day and one share (9 units apart, at the top edge) four separate places', () => {
    const placed = check(['3/6', '1/2', '1/2', '12/40'].map((text, i) => ({ x: 48 + i * 9, y: 22, text, priority: i })));
    expect(placed.filter(Boolean)).toHaveLength(4);
  });

  it('places the first in priority first, and leaves out what has no room rather than overlap', () => {
    // 60 points on a crowded line: some counts are left out, none overlaps, and the first asked for is placed.
    const wanted = Array.from({ length: 60 }, (_, i) => ({ x: 48 + i * 4, y: 100 + (i % 3) * 4, text: `${i % 7}/${(i % 9) + 7}`, priority: 60 - i }));
    const placed = check(wanted);
    expect(placed[59]).not.toBeNull();
    expect(placed.filter(Boolean).length).toBeGreaterThan(10);
    expect(placed.filter(Boolean).length).toBeLessThan(60);
  });

  it('keeps counts inside the plot at its corners', () => {
    const placed = check([
      { x: 2, y: 2, text: '10/10', priority: 0 },
      { x: 638, y: 214, text: '0/10', priority: 1 },
    ]);
    expect(placed.every(Boolean)).toBe(true);
  });
});

/** The spot-check summary's place: in the feed's free margin, else a tab that covers no post's first words. */
import { describe, expect, it } from 'vitest';
import { dockSpot, SPOT_MIN_WIDTH } from '../../../lib/ui/spot-dock';

/** ClassDojo's feed (and the fixture's): a centred column 760 px wide, posts inset 32 px. */
const feedAt = (width: number) => {
  const column = Math.min(760, width - 32);
  const left = (width - column) / 2 + 16;
  return { left, right: left + column - 32 };
};
const PANEL = (width: number) => ({ left: width - 276, top: 68, width: 268, height: 300 });

describe('docking the spot-check summary', () => {
  it.each([
    [1280, 800],
    [1366, 768],
    [1920, 1080],
  ])('docks in the left margin at %i×%i, clear of the feed', (width, height) => {
    const feed = feedAt(width);
    const d = dockSpot({ viewport: { width, height }, feed, panel: PANEL(width) });
    expect(d.mode).toBe('docked');
    expect(d.left + d.width).toBeLessThanOrEqual(feed.left);
    expect(d.width).toBeGreaterThanOrEqual(SPOT_MIN_WIDTH);
  });

  it.each([
    [1024, 700],
    [640, 400], // 1280×800 at 200% zoom
    [800, 600],
  ])('folds to a tab at %i×%i, and the tab sits in the margin', (width, height) => {
    const feed = feedAt(width);
    const d = dockSpot({ viewport: { width, height }, feed, panel: PANEL(width) });
    expect(d.mode).toBe('tab');
    expect(d.left + d.width).toBeLessThanOrEqual(feed.left);
    expect(d.top + (d.mode === 'tab' ? d.height : 0)).toBeLessThanOrEqual(height);
  });

  it('uses the right margin when only it is wide enough, starting under the panel', () => {
    const d = dockSpot({ viewport: { width: 1400, height: 900 }, feed: { left: 40, right: 900 }, panel: { left: 1124, top: 68, width: 268, height: 200 } });
    expect(d).toMatchObject({ mode: 'docked', side: 'right' });
    expect(d.left).toBeGreaterThanOrEqual(900);
    expect(d.top).toBeGreaterThanOrEqual(276);
  });

  it('with no margin at all, the tab goes to the right edge, away from first words', () => {
    const d = dockSpot({ viewport: { width: 500, height: 700 }, feed: { left: 0, right: 500 } });
    expect(d).toMatchObject({ mode: 'tab', side: 'right' });
    expect(d.left + d.width).toBeLessThanOrEqual(500);
  });

  it('with no feed found, docks left', () => {
    expect(dockSpot({ viewport: { width: 1024, height: 700 } })).toMatchObject({ mode: 'docked', side: 'left', left: 8 });
  });

  // Issue #20: on a three-column page the side column (class info, upcoming events) is page content.
  describe('beside a side column', () => {
    const clear = (d: ReturnType<typeof dockSpot>, spans: { left: number; right: number }[]) => {
      for (const c of spans) expect(d.left + d.width <= c.left || d.left >= c.right, JSON.stringify({ d, c })).toBe(true);
    };
    it('folds to a tab in the gap between the feed and the side column when no margin is wide enough', () => {
      const feed = { left: 16, right: 700 };
      const side = { left: 724, right: 1008 };
      const d = dockSpot({ viewport: { width: 1024, height: 700 }, feed, columns: [side] });
      expect(d.mode).toBe('tab');
      clear(d, [feed, side]);
    });

    it('never docks over the side column, even where the right margin alone would fit the summary', () => {
      // The feed leaves 560 px on its right, but 300 of them are the side column.
      const feed = { left: 100, right: 820 };
      const side = { left: 844, right: 1144 };
      const d = dockSpot({ viewport: { width: 1400, height: 800 }, feed, columns: [side] });
      clear(d, [feed, side]);
      expect(d.mode).toBe('docked');
      const without = dockSpot({ viewport: { width: 1400, height: 800 }, feed });
      expect(without.left).toBeGreaterThan(820); // the old answer: the right margin, over the side column
    });

    it('with no free stretch, the tab sits on the feed’s right edge, not on the side column', () => {
      const feed = { left: 0, right: 700 };
      const side = { left: 700, right: 1024 };
      const d = dockSpot({ viewport: { width: 1024, height: 700 }, feed, columns: [side] });
      expect(d).toMatchObject({ mode: 'tab', side: 'right' });
      expect(d.left + d.width).toBeLessThanOrEqual(700);
    });
  });
});

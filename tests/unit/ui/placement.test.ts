import { describe, expect, it } from 'vitest';
import { overlaps, placePanel, placeTab, type KeepClear, type Placement, type Rect, type Size } from '../../../lib/ui/placement';

const r = (left: number, top: number, width: number, height: number): Rect => ({ left, top, width, height });

/**
 * ClassDojo's composers as the fixture app (tests/fixtures/teach) lays them out, measured in Chromium by
 * tests/e2e/placement.e2e.ts: Class Story's composer card at the top of a 760px centred column, and a
 * chat's at the foot of its thread (scrolled so that Send is in view).
 */
const PAGES: Record<string, { viewport: Size; keepClear: KeepClear }> = {
  'story 800x600': { viewport: { width: 800, height: 600 }, keepClear: { composer: r(53, 101, 694, 87), send: r(682, 214, 65, 38), container: r(36, 84, 728, 185) } },
  'chat 800x600': { viewport: { width: 800, height: 600 }, keepClear: { composer: r(53, 463, 694, 84), send: r(678, 563, 69, 38), container: r(53, 463, 694, 138) } },
  'story 1024x700': { viewport: { width: 1024, height: 700 }, keepClear: { composer: r(165, 101, 694, 87), send: r(794, 214, 65, 38), container: r(148, 84, 728, 185) } },
  'chat 1024x700': { viewport: { width: 1024, height: 700 }, keepClear: { composer: r(165, 498, 694, 84), send: r(790, 598, 69, 38), container: r(165, 498, 694, 138) } },
  'story 1366x768': { viewport: { width: 1366, height: 768 }, keepClear: { composer: r(336, 101, 694, 87), send: r(965, 214, 65, 38), container: r(319, 84, 728, 185) } },
  'chat 1366x768': { viewport: { width: 1366, height: 768 }, keepClear: { composer: r(336, 498, 694, 84), send: r(961, 598, 69, 38), container: r(336, 498, 694, 138) } },
  // 200% zoom of a 1280×860 window: a 640×430 viewport in CSS px.
  'story 200%': { viewport: { width: 640, height: 430 }, keepClear: { composer: r(33, 101, 574, 87), send: r(542, 214, 65, 38), container: r(16, 84, 608, 185) } },
  'chat 200%': { viewport: { width: 640, height: 430 }, keepClear: { composer: r(33, 251, 574, 84), send: r(538, 351, 69, 38), container: r(33, 251, 574, 138) } },
  // The harness's default window, where every other end-to-end test runs.
  'story 1280x860': { viewport: { width: 1280, height: 860 }, keepClear: { composer: r(293, 101, 694, 87), send: r(922, 214, 65, 38), container: r(276, 84, 728, 185) } },
};

/** A panel with a finding showing is about 420px tall at its natural width. */
const PANEL: Size = { width: 268, height: 420 };

/** The rectangle a placement occupies, for overlap checks. */
function occupied(p: Placement, vp: Size, natural: Size): Rect {
  if (p.mode === 'badge') return r(p.left, p.top, 64, 36);
  const height = Math.min(natural.height, p.maxHeight);
  const left = p.left ?? vp.width - (p.right ?? 0) - p.width;
  return r(left, p.top, p.width, height);
}

function expectClear(p: Placement, page: { viewport: Size; keepClear: KeepClear }, natural = PANEL) {
  const box = occupied(p, page.viewport, natural);
  for (const kept of Object.values(page.keepClear)) expect(overlaps(box, kept!), JSON.stringify({ p, kept })).toBe(false);
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.left + box.width).toBeLessThanOrEqual(page.viewport.width);
  expect(box.top + box.height).toBeLessThanOrEqual(page.viewport.height);
}

describe('placePanel at the window sizes teachers use', () => {
  it('800×600, Class Story: below the composer card, the rest of the height to scroll in', () => {
    const p = placePanel({ ...PAGES['story 800x600']!, panel: PANEL });
    expect(p).toEqual({ mode: 'panel', spot: 'below', top: 277, right: 8, width: 268, maxHeight: 315 });
    expectClear(p, PAGES['story 800x600']!);
  });

  it('800×600, chat: above the composer, under ClassDojo’s header', () => {
    const p = placePanel({ ...PAGES['chat 800x600']!, panel: PANEL });
    expect(p).toEqual({ mode: 'panel', spot: 'above', top: 68, right: 8, width: 268, maxHeight: 387 });
    expectClear(p, PAGES['chat 800x600']!);
  });

  it('1024×700, Class Story: below the card (the 148px margin is too narrow for a column)', () => {
    const p = placePanel({ ...PAGES['story 1024x700']!, panel: PANEL });
    expect(p).toEqual({ mode: 'panel', spot: 'below', top: 277, right: 8, width: 268, maxHeight: 415 });
    expectClear(p, PAGES['story 1024x700']!);
  });

  it('1024×700, chat: above the composer', () => {
    const p = placePanel({ ...PAGES['chat 1024x700']!, panel: PANEL });
    expect(p).toEqual({ mode: 'panel', spot: 'above', top: 68, right: 8, width: 268, maxHeight: 422 });
    expectClear(p, PAGES['chat 1024x700']!);
  });

  it('1366×768: in the right-hand column, where it always was', () => {
    for (const name of ['story 1366x768', 'chat 1366x768']) {
      const p = placePanel({ ...PAGES[name]!, panel: PANEL });
      expect(p, name).toEqual({ mode: 'panel', spot: 'right', top: 68, right: 8, width: 268, maxHeight: 692 });
      expectClear(p, PAGES[name]!);
    }
  });

  it('1280×860: the right-hand column, narrowed to keep a gap from the card', () => {
    const p = placePanel({ ...PAGES['story 1280x860']!, panel: PANEL });
    expect(p).toEqual({ mode: 'panel', spot: 'right', top: 68, right: 8, width: 260, maxHeight: 784 });
    expectClear(p, PAGES['story 1280x860']!);
  });

  it('200% zoom, Class Story: no room for the panel, so a badge under the Post button', () => {
    const p = placePanel({ ...PAGES['story 200%']!, panel: PANEL });
    expect(p).toEqual({ mode: 'badge', spot: 'below', top: 277, left: 560, clear: true });
    expectClear(p, PAGES['story 200%']!);
  });

  it('200% zoom, chat: a badge above the composer (below it there is no room)', () => {
    const p = placePanel({ ...PAGES['chat 200%']!, panel: PANEL });
    expect(p).toEqual({ mode: 'badge', spot: 'above', top: 207, left: 543, clear: true });
    expectClear(p, PAGES['chat 200%']!);
  });

  it('200% zoom, Class Story, nothing to report yet: a short panel fits below', () => {
    const short = { width: 268, height: 120 };
    const p = placePanel({ ...PAGES['story 200%']!, panel: short });
    expect(p).toMatchObject({ mode: 'panel', spot: 'below', top: 277, right: 8, maxHeight: 145 });
    expectClear(p, PAGES['story 200%']!, short);
  });
});

describe('placePanel fallbacks', () => {
  const vp = { width: 1200, height: 800 };

  it('with no composer on the page, or one scrolled out of sight: top right', () => {
    const none = placePanel({ viewport: vp, keepClear: {}, panel: PANEL });
    expect(none).toEqual({ mode: 'panel', spot: 'right', top: 68, right: 8, width: 268, maxHeight: 724 });
    const scrolledAway = placePanel({ viewport: vp, keepClear: { composer: r(200, -400, 700, 90), container: r(180, -420, 740, 180) }, panel: PANEL });
    expect(scrolledAway).toEqual(none);
  });

  it('a composer on the right of the window: the left-hand column', () => {
    const page = { viewport: vp, keepClear: { composer: r(300, 100, 860, 600), send: r(1080, 710, 70, 36), container: r(280, 80, 900, 680) } };
    const p = placePanel({ ...page, panel: PANEL });
    expect(p).toEqual({ mode: 'panel', spot: 'left', top: 68, left: 8, width: 264, maxHeight: 724 });
    expectClear(p, page);
  });

  it('prefers the taller of the bands above and below the composer', () => {
    const page = { viewport: { width: 800, height: 800 }, keepClear: { container: r(20, 300, 760, 150), composer: r(40, 320, 720, 80), send: r(690, 405, 70, 36) } };
    const p = placePanel({ ...page, panel: PANEL });
    expect(p).toMatchObject({ mode: 'panel', spot: 'below', top: 458, maxHeight: 334 });
    expectClear(p, page);
  });

  it('a badge beside the card when only a narrow margin is free', () => {
    const page = { viewport: { width: 900, height: 300 }, keepClear: { container: r(100, 60, 700, 230), composer: r(116, 76, 668, 140), send: r(714, 240, 70, 36) } };
    const p = placePanel({ ...page, panel: PANEL });
    expect(p).toEqual({ mode: 'badge', spot: 'beside-right', left: 808, top: 254, clear: true });
    expectClear(p, page);
  });

  it('a composer card wider than the window: the badge may sit on the card, never on the box or its button', () => {
    const page = { viewport: { width: 400, height: 300 }, keepClear: { container: r(0, 0, 400, 300), composer: r(10, 10, 380, 200), send: r(320, 250, 70, 36) } };
    const p = placePanel({ ...page, panel: PANEL });
    expect(p).toMatchObject({ mode: 'badge', clear: true });
    const box = occupied(p, page.viewport, PANEL);
    expect(overlaps(box, page.keepClear.composer)).toBe(false);
    expect(overlaps(box, page.keepClear.send)).toBe(false);
  });

  it('a composer filling the window: bottom right, and it says it could not keep clear', () => {
    const page = { viewport: { width: 400, height: 300 }, keepClear: { composer: r(0, 0, 400, 300) } };
    expect(placePanel({ ...page, panel: PANEL })).toEqual({ mode: 'badge', spot: 'corner-bottom-right', left: 328, top: 256, clear: false });
  });

  it('honours its options', () => {
    const p = placePanel({ viewport: vp, keepClear: {}, panel: PANEL, options: { margin: 16, minTop: 100 } });
    expect(p).toEqual({ mode: 'panel', spot: 'right', top: 100, right: 16, width: 268, maxHeight: 684 });
  });

  it('never overlaps what it keeps clear, wherever the composer is', () => {
    for (let top = -200; top < 900; top += 37) {
      for (const width of [640, 800, 1024, 1366]) {
        const height = 700;
        const left = Math.max(16, (width - 728) / 2);
        const page = { viewport: { width, height }, keepClear: { container: r(left, top, Math.min(728, width - 32), 185), composer: r(left + 17, top + 17, Math.min(694, width - 66), 87), send: r(left + 630, top + 130, 65, 38) } };
        const p = placePanel({ ...page, panel: PANEL });
        const box = occupied(p, page.viewport, PANEL);
        for (const kept of Object.values(page.keepClear)) {
          const visible = kept.top < height && kept.top + kept.height > 0;
          if (visible) expect(overlaps(box, kept), JSON.stringify({ width, top, p })).toBe(false);
        }
      }
    }
  });
});

describe('placeTab', () => {
  const tab = { width: 178, height: 38 };

  it('stays top right when that is clear', () => {
    expect(placeTab({ ...PAGES['story 1366x768']!, tab })).toEqual({ spot: 'top-right', left: 1180, top: 68, clear: true });
    expect(placeTab({ ...PAGES['chat 1024x700']!, tab })).toEqual({ spot: 'top-right', left: 838, top: 68, clear: true });
  });

  it('docks by the composer when top right would cover it', () => {
    const t = placeTab({ ...PAGES['story 1024x700']!, tab });
    expect(t).toEqual({ spot: 'below', left: 698, top: 277, clear: true });
    for (const kept of Object.values(PAGES['story 1024x700']!.keepClear)) expect(overlaps(r(t.left, t.top, tab.width, tab.height), kept!)).toBe(false);
  });
});

describe('placePanel keeps clear of what the person reads (posts, messages)', () => {
  /** Class Story's posts under the composer card, in the same centred column. */
  const posts = (vp: Size, left: number, width: number, from: number) => Array.from({ length: 6 }, (_, i) => r(left, from + i * 180, width, 164)).filter((p) => p.top < vp.height);
  const withContent = (name: string, content: Rect[]) => ({ viewport: PAGES[name]!.viewport, keepClear: { ...PAGES[name]!.keepClear, content } });
  const clearOf = (p: Placement, page: { viewport: Size; keepClear: KeepClear }) => {
    const box = p.mode === 'badge' ? r(p.left, p.top, p.size?.width ?? 64, p.size?.height ?? 36) : occupied(p, page.viewport, PANEL);
    const kept = [page.keepClear.composer, page.keepClear.send, page.keepClear.container, ...(page.keepClear.content ?? [])].filter((k): k is Rect => !!k);
    for (const k of kept) expect(overlaps(box, k), JSON.stringify({ p, k })).toBe(false);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.left + box.width).toBeLessThanOrEqual(page.viewport.width);
  };

  it('1024×700, Class Story: no panel below the card over the posts: a badge in the right margin', () => {
    const page = withContent('story 1024x700', posts({ width: 1024, height: 700 }, 148, 728, 285));
    const p = placePanel({ ...page, panel: PANEL });
    expect(p.mode).toBe('badge');
    clearOf(p, page);
  });

  it('800×600, Class Story scrolled (no composer): a strip in the 36 px margin, not over line ends', () => {
    const vp = { width: 800, height: 600 };
    const page = { viewport: vp, keepClear: { content: posts(vp, 36, 728, 20) } };
    const p = placePanel({ ...page, panel: PANEL });
    expect(p).toMatchObject({ mode: 'badge', spot: 'edge-right' });
    expect(p.mode === 'badge' && p.size!.width).toBeLessThanOrEqual(28);
    clearOf(p, page);
  });

  it('800×600 chat: the messages above the composer are not covered; a strip at the edge', () => {
    const vp = { width: 800, height: 600 };
    const messages = [r(53, 100, 694, 20), r(293, 135, 450, 54), r(53, 261, 600, 76), r(227, 347, 520, 76), r(283, 432, 460, 54)];
    const page = { viewport: vp, keepClear: { ...PAGES['chat 800x600']!.keepClear, content: messages } };
    const p = placePanel({ ...page, panel: PANEL });
    expect(p.mode).toBe('badge');
    clearOf(p, page);
  });

  it('200% zoom, Class Story scrolled: a strip in the margin, never the full panel over the posts', () => {
    const vp = { width: 640, height: 400 };
    // The posts' text (their cards' 16 px padding is not read, and may be covered).
    const page = { viewport: vp, keepClear: { content: posts(vp, 32, 576, 0) } };
    const p = placePanel({ ...page, panel: PANEL });
    expect(p).toMatchObject({ mode: 'badge', spot: 'edge-right' });
    clearOf(p, page);
  });

  it('200% zoom, three columns (1280×800): the badge folds into the gutter between the feed and the side column, over no words', () => {
    const vp = { width: 640, height: 400 };
    // The composer's card in the feed column (16–320), a post's header under it, the side column (344–624) from
    // under the header down.
    const keepClear = { container: r(16, 85, 304, 230), composer: r(33, 101, 270, 87), send: r(238, 260, 65, 37), content: [r(344, 85, 280, 315), r(33, 345, 270, 55)] };
    const page = { viewport: vp, keepClear };
    const p = placePanel({ ...page, panel: PANEL });
    expect(p).toMatchObject({ mode: 'badge', spot: 'gutter' });
    expect(p.mode === 'badge' && p.left).toBeGreaterThanOrEqual(320);
    expect(p.mode === 'badge' && p.left + p.size!.width).toBeLessThanOrEqual(344);
  });

  it('no free gutter at all: the badge covers the least of what is read, never the composer', () => {
    const vp = { width: 512, height: 350 };
    const keepClear = { container: r(16, 85, 176, 250), composer: r(33, 101, 142, 87), content: [r(194, 85, 318, 200), r(194, 300, 318, 50)] };
    const p = placePanel({ viewport: vp, keepClear, panel: PANEL });
    expect(p.mode).toBe('badge');
    const b = p.mode === 'badge' ? r(p.left, p.top, 64, 36) : r(0, 0, 0, 0);
    expect(overlaps(b, keepClear.container)).toBe(false);
    // Top right covers 19 px of the first column's top rows; beside the composer or in the bottom corner it would
    // cover 35 or 36 px of the second's.
    expect(p).toMatchObject({ mode: 'badge', spot: 'top-right' });
  });

  it('1366×768: posts in the centre column leave the right-hand column to the panel', () => {
    const page = withContent('story 1366x768', posts({ width: 1366, height: 768 }, 319, 728, 285));
    const p = placePanel({ ...page, panel: PANEL });
    expect(p).toMatchObject({ mode: 'panel', spot: 'right' });
    clearOf(p, page);
  });

  it('a band above the composer with no posts in it takes the panel; posts in it leave only their margin', () => {
    const vp = { width: 700, height: 900 };
    const composer = { composer: r(20, 700, 660, 100), container: r(10, 690, 680, 180) };
    const free = { viewport: vp, keepClear: { ...composer, content: [r(20, 1000, 660, 100)] } };
    const p = placePanel({ ...free, panel: PANEL });
    expect(p).toMatchObject({ mode: 'panel', spot: 'above' });
    clearOf(p, free);
    const busy = { viewport: vp, keepClear: { ...composer, content: [r(20, 100, 660, 300)] } };
    const q = placePanel({ ...busy, panel: PANEL });
    expect(q.mode).toBe('badge');
    clearOf(q, busy);
  });

  it('randomised pages: whatever it returns with a free margin covers no content and no composer', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const vp = { width: 500 + Math.floor(rand() * 1000), height: 350 + Math.floor(rand() * 500) };
      const margin = 20 + Math.floor(rand() * 200);
      const colW = vp.width - 2 * margin;
      const content = Array.from({ length: 8 }, (_, k) => r(margin, k * 120 - Math.floor(rand() * 100), colW, 100));
      const page = { viewport: vp, keepClear: { content } };
      clearOf(placePanel({ ...page, panel: PANEL }), page);
    }
  });
});

// Issue #20 (the probe after 20f, D3): a three-column page, its side column kept clear as content.
describe('beside a side column', () => {
  // 1024×700: the composer card at the top of the feed column, posts under it, class info at the right.
  const vp = { width: 1024, height: 700 };
  const container = { left: 16, top: 84, width: 688, height: 184 };
  const keepClear: KeepClear = {
    composer: { left: 33, top: 101, width: 654, height: 87 },
    send: { left: 622, top: 214, width: 65, height: 38 },
    container,
    content: [
      { left: 33, top: 302, width: 654, height: 50 },
      { left: 33, top: 360, width: 654, height: 340 },
      { left: 728, top: 84, width: 280, height: 268 }, // the side column
    ],
  };
  it('the panel folds to its badge, which covers neither the side column nor ClassDojo’s header', () => {
    const p = placePanel({ viewport: vp, keepClear, panel: PANEL });
    expect(p.mode).toBe('badge');
    const b = p as Extract<Placement, { mode: 'badge' }>;
    const box = { left: b.left, top: b.top, width: (b.size ?? { width: 64 }).width, height: (b.size ?? { height: 36 }).height };
    for (const r of keepClear.content!) expect(overlaps(box, r)).toBe(false);
    expect(overlaps(box, container)).toBe(false);
    expect(b.top).toBeGreaterThanOrEqual(68); // under the header, never over its tabs
  });
});

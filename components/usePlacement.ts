import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { composerContainer, findComposers, readingRects, sendControlFor } from '../lib/dojo/page';
import { PANEL_HEIGHT, PANEL_WIDTH, placePanel, placeTab, type KeepClear, type Placement, type Rect, type Size } from '../lib/ui/placement';

/** Where the panel and the "Show" tab go, from the last measurement of the page. */
export interface Layout {
  panel: Placement;
  tab: ReturnType<typeof placeTab>;
  /** What was kept clear, for tests and debugging (data-keep-clear on the panel). */
  keepClear: KeepClear;
}

/** The tab's size before it has ever been drawn (shield and "Show Policy Guard"). */
const TAB_ESTIMATE: Size = { width: 180, height: 38 };

function rectOf(el: Element | undefined): Rect | undefined {
  if (!el) return undefined;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? { left: r.left, top: r.top, width: r.width, height: r.height } : undefined;
}

/**
 * Measures the composer the teacher is using (lib/dojo/page.ts finds it, its Send/Post control and its
 * container) and what is read on screen (readingRects), and places the panel clear of them (lib/ui/placement.ts). Measures after the page's first
 * paint (as App does: never a forced layout before the panel is up), then on window resize, on any scroll
 * (passive, capturing: ClassDojo may scroll an inner element), when the composer's card changes size,
 * and whenever `schedule` is called (Panel calls it after every render, to measure once that render is painted); at most once per frame.
 *
 * `tab` is the "Show" tab's element, for its size. The panel's own size never depends on what it shows
 * (PANEL_HEIGHT), so neither does where it goes.
 */
export function usePlacement(refs: { tab: RefObject<HTMLElement | null> }): { layout: Layout | undefined; schedule: (afterPaint?: boolean) => void } {
  const [layout, setLayout] = useState<Layout | undefined>(undefined);
  const state = useRef({ frame: 0, late: 0, ready: false, last: '', tab: TAB_ESTIMATE, observed: [] as Element[], observer: undefined as ResizeObserver | undefined });

  const measure = () => {
    const s = state.current;
    const composer = findComposers(document)[0];
    const send = composer ? sendControlFor(composer) : undefined;
    const container = composer ? composerContainer(composer) : undefined;
    const observe = [composer, container].filter((e): e is HTMLElement => !!e);
    if (s.observer && (observe.length !== s.observed.length || observe.some((e, i) => e !== s.observed[i]))) {
      s.observer.disconnect();
      observe.forEach((e) => s.observer!.observe(e));
      s.observed = observe;
    }
    const tab = refs.tab.current;
    if (tab && tab.offsetWidth > 0) s.tab = { width: tab.offsetWidth, height: tab.offsetHeight };
    const viewport = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
    // What the person reads (posts, messages) is kept clear too: the panel folds to its badge rather than
    // cover the ends of their lines.
    const keepClear: KeepClear = { composer: rectOf(composer), send: rectOf(send), container: rectOf(container), content: readingRects(document, viewport.height) };
    const next: Layout = {
      panel: placePanel({ viewport, keepClear, panel: { width: PANEL_WIDTH, height: PANEL_HEIGHT } }),
      tab: placeTab({ viewport, keepClear, tab: s.tab }),
      keepClear,
    };
    const key = JSON.stringify([next.panel, next.tab]);
    if (key !== s.last) {
      s.last = key;
      setLayout(next);
    }
  };

  const measureSafely = () => {
    try {
      measure();
    } catch (error) {
      // A page we do not understand must never break the panel: it stays where it was.
      console.debug('[Policy Guard]', error);
    }
  };

  /**
   * Measures again in the next frame, before it is painted (a scroll or resize: the panel moves with the page). With
   * `afterPaint` (after the panel's own render), just after that frame is painted instead: measuring reads the
   * layout of the whole page (readingRects over every post), and done before the paint it delayed each keystroke's
   * findings reaching the screen by its cost (#22, helper 127's profile). The panel's size never depends on what it
   * shows, so it can only follow the page a frame later here, which no one sees.
   */
  const schedule = (afterPaint = false) => {
    const s = state.current;
    if (!s.ready || s.frame || (afterPaint && s.late)) return;
    if (afterPaint) {
      s.late = requestAnimationFrame(() =>
        setTimeout(() => {
          s.late = 0;
          if (s.ready) measureSafely();
        }, 0),
      );
      return;
    }
    s.frame = requestAnimationFrame(() => {
      s.frame = 0;
      measureSafely();
    });
  };

  useEffect(() => {
    const s = state.current;
    let alive = true;
    s.observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => schedule()) : undefined;
    // First measurement after the page's first paint.
    const first = requestAnimationFrame(() =>
      setTimeout(() => {
        if (!alive) return;
        s.ready = true;
        schedule();
      }, 0),
    );
    const onScroll = () => schedule();
    window.addEventListener('resize', onScroll);
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => {
      alive = false;
      cancelAnimationFrame(first);
      if (s.frame) cancelAnimationFrame(s.frame);
      if (s.late) cancelAnimationFrame(s.late);
      s.frame = 0;
      s.late = 0;
      s.ready = false;
      s.observer?.disconnect();
      s.observed = [];
      window.removeEventListener('resize', onScroll);
      document.removeEventListener('scroll', onScroll, { capture: true });
    };
  }, []);

  return { layout, schedule };
}

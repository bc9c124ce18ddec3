import { clickCounts, visibleSince } from '../lib/ui/visibility';

export interface VisibilityWatch {
  /** Whether a click now counts (lib/ui/visibility.ts). */
  clickCounts(): boolean;
  stop(): void;
}

/**
 * Watches `el` with IntersectionObserver v2 (`trackVisibility`): has it been drawn unobscured, unfaded and
 * untransformed for long enough that a click on it was the teacher's? Where the browser lacks the observer
 * (or v2), every click counts. Never throws.
 */
export function watchVisibility(el: Element): VisibilityWatch {
  let since: number | undefined;
  let observer: IntersectionObserver | undefined;
  try {
    if (typeof IntersectionObserver === 'function') {
      observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const visible = (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible;
            // Off screen or clipped away counts as not visible whatever v2 says.
            since = visibleSince(since, { at: performance.now(), visible: entry.isIntersecting ? visible : false });
          }
        },
        // v2's options: `delay` must be at least 100 ms when `trackVisibility` is on.
        { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
      );
      observer.observe(el);
    }
  } catch {
    observer = undefined;
  }
  return {
    clickCounts: () => clickCounts(since, performance.now(), !!observer) && drawnPlainly(el),
    stop: () => observer?.disconnect(),
  };
}

/** Below this effective zoom (CSS `zoom` on the page), a control is too small to be a choice seen, e.g. 0.3. */
const MIN_ZOOM = 0.75;
/** The smallest width and height, in CSS px, of a control that counts a click. */
const MIN_SIZE = 10;

/**
 * Whether `el` is drawn as itself: no ancestor (up through shadow hosts to the page's <html>) masks, clips,
 * filters, fades or blends it, hides it, or zooms it small, and it is not a sliver. IntersectionObserver v2
 * misses masks, clip paths and zoom (a page's `body { mask-image: … }` with a hole over our button and its
 * own "Continue" drawn behind), so they are checked here, at the click, from our own script. Never throws
 * (an element it cannot read counts as plainly drawn).
 */
export function drawnPlainly(el: Element): boolean {
  try {
    const rect = el.getBoundingClientRect();
    // 0×0 is not laid out at all (no one can click it; a DOM without layout, in unit tests): only a sliver
    // is a trick.
    const laidOut = rect.width > 0 || rect.height > 0;
    if (laidOut && (rect.width < MIN_SIZE || rect.height < MIN_SIZE)) return false;
    const zoom = (el as Element & { currentCSSZoom?: number }).currentCSSZoom;
    if (typeof zoom === 'number' && zoom < MIN_ZOOM) return false;
    for (let node: Element | null = el; node; ) {
      const cs = getComputedStyle(node);
      const mask = cs.getPropertyValue('mask-image') || cs.getPropertyValue('-webkit-mask-image');
      if (
        parseFloat(cs.opacity) < 1 ||
        cs.visibility === 'hidden' ||
        cs.visibility === 'collapse' ||
        (cs.filter && cs.filter !== 'none') ||
        (cs.clipPath && cs.clipPath !== 'none') ||
        (mask && mask !== 'none') ||
        (cs.mixBlendMode && cs.mixBlendMode !== 'normal')
      ) {
        return false;
      }
      node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
    }
    return true;
  } catch {
    return true;
  }
}

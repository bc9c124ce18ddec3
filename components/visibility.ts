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
    clickCounts: () => clickCounts(since, performance.now(), !!observer),
    stop: () => observer?.disconnect(),
  };
}

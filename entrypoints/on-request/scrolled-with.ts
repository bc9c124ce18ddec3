/**
 * The spot-check's marks are placed in page coordinates (a post's outline stays on the post as the window
 * scrolls) but drawn inside a window-sized, clipped, fixed layer (style.css `.pg-layer`): marks placed in the
 * page itself made it taller whenever one fell below its end (a badge under a 1 px post at the bottom), and
 * the page's own `scrollHeight` then told it which pupils have no photo consent or are in care (probe 14f).
 * So the marks' wrapper is moved against the window's scroll, once a frame at most.
 */
import { useEffect, useLayoutEffect } from 'preact/hooks';

export function useScrolledWith(wrapper: { current: HTMLElement | null }): void {
  const place = () => {
    if (wrapper.current) wrapper.current.style.transform = `translate(${-window.scrollX}px, ${-window.scrollY}px)`;
  };
  // Every render: marks drawn anew are placed before the frame is painted.
  useLayoutEffect(place);
  useEffect(() => {
    let pending = 0;
    const onScroll = () => {
      if (!pending) pending = requestAnimationFrame(() => {
        pending = 0;
        place();
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true, capture: true });
    return () => {
      window.removeEventListener('scroll', onScroll, { capture: true });
      cancelAnimationFrame(pending);
    };
  }, []);
}

import { clickCounts, VISIBLE_FOR_MS, visibleSince } from '../lib/ui/visibility';

/** How often a watched control's position is read, ms (a getBoundingClientRect each time). */
const MOVE_SAMPLE_MS = 100;

export interface VisibilityWatch {
  /** Whether a click now counts (lib/ui/visibility.ts). */
  clickCounts(): boolean;
  /**
   * The lighter check for a choice that does not last (a fix the teacher can undo, ignoring a finding for
   * this post): drawn plainly at the click (`drawnPlainly`). No wait after it appears, and no word from the
   * observer, whose reports trail by 100 ms or more (a button uncovered as the gate closes would be refused
   * for a moment): a decoy laid over it is the one trick this does not stop, and what it could cause is undone
   * with Ctrl+Z or "Ignore" taken back by editing.
   */
  drawnNow(): boolean;
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
  // Where the control was last seen, and when it last moved: a page can slide a control under a still
  // pointer (moving <body> with `contain: paint` moves everything fixed inside it) without ever hiding it,
  // which IntersectionObserver v2 does not report. A click counts only after it has stayed put too.
  let at = '';
  let movedAt = performance.now();
  const sample = () => {
    try {
      const r = el.getBoundingClientRect();
      const now = `${Math.round(r.left)},${Math.round(r.top)}`;
      if (now !== at) {
        at = now;
        movedAt = performance.now();
      }
    } catch {
      // unreadable: leave as it was
    }
  };
  sample();
  const sampler = setInterval(sample, MOVE_SAMPLE_MS);
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
    clickCounts: () => {
      sample();
      const now = performance.now();
      return clickCounts(since, now, !!observer) && now - movedAt >= VISIBLE_FOR_MS && drawnPlainly(el);
    },
    drawnNow: () => drawnPlainly(el),
    stop: () => {
      observer?.disconnect();
      clearInterval(sampler);
    },
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

/** Below this opacity (the product along its ancestors), a control or composer of the page is not seen. */
const MIN_SEEN_OPACITY = 0.5;
/** The smallest width and height, in CSS px, of a control or composer of the page that is seen. */
const MIN_SEEN_SIZE = 8;

/**
 * Whether an element of the page (a Send button, a composer) is on screen for the person to see: laid out
 * at least 8 × 8 px, inside the window, not `visibility: hidden`, and not faded below half opacity or zoomed
 * below 0.5 by itself or any ancestor.
 *
 * The send gate holds a send only when this is true of both the control and the draft (see
 * entrypoints/content/features/send-gate.tsx): otherwise a page could put a draft of its own choosing
 * ("Leo Wright …") in a hidden composer under an invisible full-window Post button, and learn from whether
 * the teacher's next click reaches it whether the roster holds that pupil in care. Deliberately looser than
 * `drawnPlainly` (no mask, clip-path, filter or blend checks): a false "not seen" lets a real send go
 * unchecked, so only what no one could be sending knowingly counts. Never throws (true when unreadable).
 */
export function shownOnScreen(el: Element): boolean {
  try {
    const rect = el.getBoundingClientRect();
    return laidOutToSee(el, rect) && !drawnClear(el) && notCovered(el, rect, showsNothing);
  } catch {
    return true;
  }
}

/**
 * Whether the person could see the text box `el` as they typed into it: laid out as `shownOnScreen` asks, and not
 * under something of the page's that hides it (a sheet at least half opaque). Looser than `shownOnScreen` about
 * covers: a faint sheet laid over a box as it takes the focus hides nothing from the teacher typing there (probe
 * 14j), while a hidden box the page focused for their next key is one they never saw (see the send gate's
 * `onTyped`). Never throws (true when unreadable).
 */
export function seenWhileTyping(el: Element): boolean {
  try {
    const rect = el.getBoundingClientRect();
    return laidOutToSee(el, rect) && notCovered(el, rect, faint);
  } catch {
    return true;
  }
}

/** At least 8 × 8 px, inside the window, not hidden, and not faded or zoomed below half by itself or an ancestor. */
function laidOutToSee(el: Element, rect: DOMRect): boolean {
  if (rect.width < MIN_SEEN_SIZE || rect.height < MIN_SEEN_SIZE) return false;
  const view = el.ownerDocument.defaultView;
  if (view && (rect.right <= 0 || rect.bottom <= 0 || rect.left >= view.innerWidth || rect.top >= view.innerHeight)) return false;
  const zoom = (el as Element & { currentCSSZoom?: number }).currentCSSZoom;
  if (typeof zoom === 'number' && zoom < 0.5) return false;
  let opacity = 1;
  for (let node: Element | null = el; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
    const cs = getComputedStyle(node);
    if (node === el && (cs.visibility === 'hidden' || cs.visibility === 'collapse')) return false;
    const own = parseFloat(cs.opacity);
    opacity *= Number.isFinite(own) ? own : 1; // '' where the style is unknown
    if (opacity < MIN_SEEN_OPACITY) return false;
  }
  return true;
}

/**
 * Whether the text typed in `el` is drawn to be read: its colour and fill colour at least half opaque, its size at
 * least 6 px. A page's own draft in "invisible ink" in a box drawn as normal is not one the teacher sees (probe
 * 14j). Never throws (true when unreadable).
 */
export function inkShown(el: Element): boolean {
  try {
    const cs = getComputedStyle(el);
    return alpha(cs.color) >= 0.5 && alpha(cs.getPropertyValue('-webkit-text-fill-color') || cs.color) >= 0.5 && !(parseFloat(cs.fontSize) < 6);
  } catch {
    return true;
  }
}

const alpha = (colour: string): number => {
  const m = /^rgba\([^)]*,\s*([\d.]+)\)$/.exec(colour.trim());
  return m ? parseFloat(m[1]!) : colour.trim() === 'transparent' ? 0 : 1;
};

/**
 * Whether `el` paints nothing of its own (text, background, border, image, shadow all clear): a full-window
 * Post button made of transparent colours rather than opacity.
 */
function drawnClear(el: Element): boolean {
  return !el.querySelector('img, svg, video, canvas') && alpha(getComputedStyle(el).color) === 0 && boxClear(el);
}

/** Whether `el`'s own box paints nothing: no background, image, shadow, border or backdrop filter, or fully faded. */
function boxClear(el: Element): boolean {
  const cs = getComputedStyle(el);
  const none = (v: string) => !v || v === 'none';
  return (
    parseFloat(cs.opacity) === 0 ||
    (alpha(cs.backgroundColor) === 0 &&
      none(cs.backgroundImage) &&
      none(cs.boxShadow) &&
      none(cs.getPropertyValue('backdrop-filter')) &&
      ['top', 'right', 'bottom', 'left'].every((side) => alpha(cs.getPropertyValue(`border-${side}-color`)) === 0 || parseFloat(cs.getPropertyValue(`border-${side}-width`)) === 0))
  );
}

/**
 * Whether `el`, found on top at a point, shows nothing there: its box is clear, it is no picture or control,
 * and no text of its own is drawn (what is inside it at that point would have been found instead). A sheet of
 * the page's like this over a composer hides nothing from the teacher (probe 14i H1).
 */
/** What draws something whatever its style: a picture, a frame or a control. */
const PICTURE = /^(img|svg|video|canvas|iframe|object|embed|input|textarea|select|button)$/;

function showsNothing(el: Element): boolean {
  if (PICTURE.test(el.localName)) return false;
  const text = [...el.childNodes].some((n) => n.nodeType === 3 && /\S/.test(n.nodeValue ?? ''));
  return (!text || alpha(getComputedStyle(el).color) === 0) && boxClear(el);
}

/** Whether `hit`, on top at a point, leaves what is under it readable: it shows nothing, or is faded below half. */
function faint(hit: Element): boolean {
  const cs = getComputedStyle(hit);
  return showsNothing(hit) || (!PICTURE.test(hit.localName) && (+cs.opacity < MIN_SEEN_OPACITY || (alpha(cs.backgroundColor) < MIN_SEEN_OPACITY && cs.backgroundImage === 'none')));
}

/**
 * Whether something of the page's lies over all of `el`: five points across it (centre and near each
 * corner), none of which hits `el`, what is inside it, or one of Policy Guard's own hosts. One point is
 * enough to count as seen, so a menu or a button of ClassDojo's over part of the box does not hide it.
 * What `seeThrough` says hides nothing (`showsNothing`: a clear sheet; `faint`) is looked through, to what is under it.
 */
function notCovered(el: Element, rect: DOMRect, seeThrough: (hit: Element) => boolean): boolean {
  const doc = el.ownerDocument;
  if (typeof doc.elementFromPoint !== 'function' || rect.width === 0) return true;
  const points: [number, number][] = [
    [0.5, 0.5],
    [0.2, 0.25],
    [0.8, 0.25],
    [0.2, 0.75],
    [0.8, 0.75],
  ];
  return points.some(([fx, fy]) => {
    const x = rect.left + rect.width * fx;
    const y = rect.top + rect.height * fy;
    const stack = doc.elementsFromPoint?.(x, y) ?? [doc.elementFromPoint(x, y)];
    for (const hit of stack) {
      if (!hit || hit === el || el.contains(hit) || hit.contains(el) || hit.hasAttribute('data-policy-guard-host') || hit.localName.startsWith('policy-guard-')) return true;
      if (!seeThrough(hit)) return false;
    }
    return true;
  });
}

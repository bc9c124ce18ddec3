/**
 * Clickjacking defence for Policy Guard's consequential buttons ("Send anyway", "Always ignore", a
 * spot-check verdict). A page can draw over our UI, make it transparent, or slide it under the pointer just
 * before a click, so that the teacher presses a button they cannot see. Chromium's IntersectionObserver v2
 * (`trackVisibility`) reports whether an element is drawn unobscured, unfaded and untransformed on screen;
 * a click counts only when the button has been reported visible for a moment before it.
 *
 * This module is the pure part (the rule over the observer's reports), so it is unit-tested without a
 * browser; `components/visibility.ts` feeds it from an IntersectionObserver.
 */

/** How long a button must have been seen, unobscured, before a click on it counts: ms. */
export const VISIBLE_FOR_MS = 400;

/** One report of the observer: `visible` is the entry's `isVisible`, undefined where the browser has no v2. */
export interface VisibilityReport {
  /** ms, on the same clock as `now` (performance.now()). */
  at: number;
  visible: boolean | undefined;
}

/**
 * Folds reports into "visible since" (ms) or undefined (not visible now). `undefined` visibility (a browser
 * without IntersectionObserver v2, such as Firefox) counts as visible from the first report: there the
 * defence is absent, never in the teacher's way.
 */
export function visibleSince(prev: number | undefined, report: VisibilityReport): number | undefined {
  if (report.visible === false) return undefined;
  return prev ?? report.at;
}

/**
 * Whether a click at `now` counts: the button was reported visible, and has been for `forMs`. `supported`
 * false (no IntersectionObserver at all) lets every click through.
 */
export function clickCounts(since: number | undefined, now: number, supported: boolean, forMs = VISIBLE_FOR_MS): boolean {
  if (!supported) return true;
  return since !== undefined && now - since >= forMs;
}

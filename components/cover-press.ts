/**
 * A press the person aimed at one of our text frames (the gate's reason box, a spot-check note) that the page
 * caught with a box of its own laid over the frame (probe 14f: a clear `<textarea>` at z-index 2147483647,
 * placed where the reason box is on every install, took every word typed "into" the reason box).
 *
 * The frame is drawn in our closed root; nothing of the page's belongs over it. So a trusted press whose point
 * lies inside a frame's box but whose target is not our host is such a cover; and, while our dialog covers the
 * whole page (the gate's backdrop: `modal`), any press whose target is not our host is. It is taken from the page: no
 * focus for the page's box (`mousedown`'s default is cancelled), none of the page's later listeners hear it,
 * and the focus goes to the frame, where the person meant to type.
 *
 * DOM only; never throws.
 */

/**
 * Returns the handler for a window's capture `pointerdown` and `mousedown`: it takes a covered press from the
 * page and returns the frame it gave the focus to, or undefined for any other press. The two events of one
 * press are judged once, at `pointerdown`: giving the focus may change the layout (a notice appears) before
 * `mousedown`, which must not then reach the page's box.
 */
export function coverGuard(host: Element, frames: () => readonly (Element | undefined)[], modal: () => boolean = () => false): (e: Event) => HTMLElement | undefined {
  // The verdict of the last pointerdown, and when it was (event time stamps, ms).
  let pressed: HTMLElement | undefined;
  let pointerAt = -Infinity;
  return (e) => {
    try {
      if (!e.isTrusted || !(e instanceof MouseEvent)) return undefined;
      let frame: HTMLElement | undefined;
      if (e.type === 'pointerdown') {
        frame = pressed = framePressed(e, host, frames(), modal());
        pointerAt = e.timeStamp;
      } else {
        // The mousedown of the same press follows its pointerdown at once; one alone is judged on its own.
        frame = e.timeStamp - pointerAt < SAME_PRESS_MS ? pressed : framePressed(e, host, frames(), modal());
        pressed = undefined;
        pointerAt = -Infinity;
        if (frame) e.preventDefault();
      }
      if (!frame) return undefined;
      e.stopImmediatePropagation();
      frame.focus({ preventScroll: true });
      return frame;
    } catch {
      return undefined;
    }
  };
}

/** A mousedown this soon (ms) after a pointerdown is the same press. */
const SAME_PRESS_MS = 100;

/**
 * The frame of ours under the press's point that the press did not reach (something of the page's is over it); with
 * `modal` (our dialog covers the whole page), the first frame for a press anywhere that did not reach our host.
 */
function framePressed(e: MouseEvent, host: Element, frames: readonly (Element | undefined)[], modal = false): HTMLElement | undefined {
  const target = e.composedPath()[0];
  if (target instanceof Node && (target === host || host.contains(target))) return undefined;
  for (const frame of frames) {
    if (!(frame instanceof HTMLElement) || !frame.isConnected) continue;
    const r = shownBox(frame);
    if (e.clientX >= r.left && e.clientX < r.right && e.clientY >= r.top && e.clientY < r.bottom) return frame;
  }
  return modal ? frames.find((f): f is HTMLElement => f instanceof HTMLElement && f.isConnected) : undefined;
}

/**
 * The first of `frames` that `other` (an element of the page's, such as a frame it laid over ours: a press on
 * it reaches only that frame's document, which this window never hears, probe 14g) lies over, or undefined.
 */
export function frameCoveredBy(other: Element, frames: readonly (Element | undefined)[]): HTMLElement | undefined {
  try {
    const o = other.getBoundingClientRect();
    for (const frame of frames) {
      if (!(frame instanceof HTMLElement) || !frame.isConnected) continue;
      const r = shownBox(frame);
      if (o.left < r.right && r.left < o.right && o.top < r.bottom && r.top < o.bottom) return frame;
    }
  } catch {
    // unreadable: not a cover we can tell
  }
  return undefined;
}

/**
 * The part of `el`'s box that is drawn: its box cut by every ancestor that clips (a scrolled list of notes
 * shows only some of them; a press on the page beside the list is not on a note, probe 14g).
 */
function shownBox(el: Element): { left: number; top: number; right: number; bottom: number } {
  let { left, top, right, bottom } = el.getBoundingClientRect();
  for (let p = el.parentElement; p; p = p.parentElement) {
    const cs = getComputedStyle(p);
    if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
    const c = p.getBoundingClientRect();
    left = Math.max(left, c.left);
    top = Math.max(top, c.top);
    right = Math.min(right, c.right);
    bottom = Math.min(bottom, c.bottom);
  }
  return { left, top, right, bottom };
}

/**
 * Chromium tells the page's own PerformanceObserver({type: 'layout-shift'}) of every box that moves, even inside a
 * closed shadow root: the node is withheld, its rectangles before and after and the score are not. What Policy
 * Guard shows depends on what it found (a pupil without photo consent, one in care, a post naming a pupil), so
 * its content moving would tell the page what the roster says (issue 14, probe 14i HIGH 2).
 *
 * The tracker only reports a box that was painted in the last frame and starts elsewhere now: a box laid out
 * afresh after `display: none` is new, like an inserted element (a `display` change between two shown values is
 * not: Chromium carries the old box's place over to the new one). So after each change inside `root` (a
 * MutationObserver runs before the next frame is drawn), its children are hidden for one forced style pass
 * (class `pg-unshift`, entrypoints/content/style.css) and shown again, in one task: nothing is drawn hidden. The
 * DOM nodes stay, so focus (a hidden focused element is let go only on a later task, when it is shown again),
 * typed text, component state and frames (hiding does not reload an iframe) are kept, and `root`'s scroll is put
 * back. `root`'s own box is left: where it sits and its size are the placement's, the same whatever it shows
 * (lib/ui/placement.ts, lib/ui/spot-dock.ts).
 *
 * Returns the function that stops it (for a Preact effect's cleanup).
 */
export function unshifting(root: HTMLElement | null): (() => void) | undefined {
  if (!root) return;
  const observer = new MutationObserver(() => {
    // With its content hidden `root` has nothing to scroll: where the teacher had scrolled to is put back.
    const y = root.scrollTop;
    root.classList.add('pg-unshift');
    void root.offsetWidth; // the style pass that drops the old boxes
    root.classList.remove('pg-unshift');
    root.scrollTop = y;
    observer.takeRecords(); // our own changes
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  return () => observer.disconnect();
}

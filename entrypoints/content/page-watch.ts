import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * One observer for the whole page. ClassDojo is a React app that replaces whole subtrees on navigation; we
 * observe rather than poll. After a quiet spell the first change is looked at at once; changes that follow
 * are batched to one callback per animation frame, however many mutations arrive. Focus changes count too (the focused composer comes first).
 */
/** How long without a look (ms) before a change of the page is looked at at once, not at the next frame. */
const QUIET_MS = 50;

/**
 * Calls `onChange` after changes of the page (see above). `urgent()` says whether a change after a quiet spell
 * is worth looking at at once: only while no message box is known. Once one is, a teacher typing in a
 * rich-text editor changes the page on every key, and a look in the key's own task would force the page's
 * style and layout there, once more than its next frame does; at the next frame it costs nothing extra.
 */
export function watchPage(ctx: ContentScriptContext, onChange: () => void, urgent: () => boolean): void {
  let scheduled = false;
  let ranAt = -Infinity;
  const run = () => {
    scheduled = false;
    ranAt = performance.now();
    onChange();
  };
  const schedule = () => {
    if (scheduled || ctx.isInvalid) return;
    scheduled = true;
    ctx.requestAnimationFrame(run);
  };
  // After a quiet spell, the page's first change is looked at at once (the observer's callback comes right
  // after the page's task, before the frame): a message box the app has just drawn is found without waiting
  // for the next frame (`npm run bench`: 26 ms after the app drew it, waiting). Changes that follow within a
  // frame or so wait for the frame, so a page that changes all the time is looked at once a frame at most.
  const observer = new MutationObserver(() => {
    if (scheduled || ctx.isInvalid) return;
    if (performance.now() - ranAt > QUIET_MS && urgent()) run();
    else schedule();
  });
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    // A composer can appear by being un-hidden rather than inserted.
    attributes: true,
    attributeFilter: ['hidden', 'style', 'contenteditable', 'disabled', 'aria-hidden'],
  });
  ctx.addEventListener(document, 'focusin', schedule);
  ctx.onInvalidated(() => observer.disconnect());
}

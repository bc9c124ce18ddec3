import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * One observer for the whole page, batched to one callback per animation frame. ClassDojo is a React
 * app that replaces whole subtrees on navigation; we observe rather than poll, and do the work at most
 * once a frame however many mutations arrive. Focus changes count too (the focused composer comes first).
 */
export function watchPage(ctx: ContentScriptContext, onChange: () => void): void {
  let scheduled = false;
  const schedule = () => {
    if (scheduled || ctx.isInvalid) return;
    scheduled = true;
    ctx.requestAnimationFrame(() => {
      scheduled = false;
      onChange();
    });
  };
  const observer = new MutationObserver(schedule);
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

/**
 * Our text frames (the gate's reason box, a spot-check note) put a letter typed while nothing in them has the
 * focus into their text box, rather than lose it.
 *
 * Why: a page that makes our host inert for a moment (probe 14g, tests/e2e/page-attacks.ts) makes this frame
 * inert too, and Chromium blurs the control that had the focus in here. That news reaches this frame's process
 * late, sometimes after the focus is back: the box is blurred with the frame still focused, no `focus` event
 * follows, and every key typed after went to the body (a clean-clone run lost the end of a note that way).
 * Moving the focus to the box in the key's own `keydown` puts the key there: Chromium sends the text it
 * makes to the element focused when it is inserted.
 *
 * Only a printable key with no Ctrl, Alt or Meta: Enter, Space or Tab on a button the focus went to would press
 * or move it. DOM only; `box` gives the box now (undefined or disabled: none). Returns a function that stops it.
 */
export function typeIntoBoxWhenBlurred(box: () => HTMLInputElement | HTMLTextAreaElement | undefined, win: Window = window): () => void {
  const onKey = (event: KeyboardEvent) => {
    // No isTrusted test: the page cannot reach into this frame (another origin) to dispatch keys in it.
    if (event.key.length !== 1 || event.ctrlKey || event.altKey || event.metaKey) return;
    const active = win.document.activeElement;
    if (active && active !== win.document.body) return;
    const target = box();
    if (target && !target.disabled) target.focus();
  };
  win.addEventListener('keydown', onKey, true);
  return () => win.removeEventListener('keydown', onKey, true);
}

/**
 * Putting text into ClassDojo's composer so that ClassDojo's own (React) state sees it: the native value
 * setter and an `input` event for a textarea, `insertText` for a contenteditable. Only ever called from
 * a teacher's click; the teacher's own draft is kept, with the new text after it.
 */
export function insertIntoComposer(el: HTMLElement, text: string): void {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    const current = el.value;
    const next = current.trim() ? `${current.replace(/\s+$/, '')}\n\n${text}` : text;
    // React tracks the value it last set; going through the prototype's setter makes the change visible to it.
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set;
    if (setter) setter.call(el, next);
    else el.value = next;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    el.focus();
    el.setSelectionRange(next.length, next.length);
    return;
  }
  el.focus();
  const selection = el.ownerDocument.getSelection();
  if (selection) {
    selection.selectAllChildren(el);
    selection.collapseToEnd();
  }
  const prefix = (el.textContent ?? '').trim() ? '\n\n' : '';
  // execCommand fires the beforeinput/input events editors listen to; it is deprecated but still the
  // only way to insert text as if typed into a contenteditable.
  if (!el.ownerDocument.execCommand('insertText', false, prefix + text)) {
    el.append(prefix + text);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  }
}

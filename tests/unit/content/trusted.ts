/**
 * What a person's input would be: events marked trusted. The interceptor and the seal act only on trusted
 * events (a page script's `dispatchEvent` is the page's own business), and happy-dom makes every event
 * untrusted, so the unit tests mark the ones that stand for the teacher's own clicks and keys.
 */
export function asTrusted<T extends Event>(event: T): T {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** The teacher's click on an element (what `element.click()` would be, but trusted). */
export function trustedClick(el: Element): boolean {
  return el.dispatchEvent(asTrusted(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, detail: 1 })));
}

/**
 * Reading ClassDojo's page. DOM only, no extension APIs: runs in the content script and in
 * happy-dom unit tests. Every selector comes from selectors.ts.
 */
import { anyOf, SELECTORS } from './selectors';

/** Why a field is or is not a composer Policy Guard should check. Empty means it qualifies. */
export type IneligibleReason = 'hidden' | 'disabled' | 'read-only' | 'ours' | 'outside-app';

export interface FieldFacts {
  visible: boolean;
  disabled: boolean;
  readOnly: boolean;
  insideExtension: boolean;
  insideAppRoot: boolean;
}

/** Pure: the reasons a field does not qualify, from facts read off the page. */
export function ineligibleReasons(f: FieldFacts): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (!f.visible) reasons.push('hidden');
  if (f.disabled) reasons.push('disabled');
  if (f.readOnly) reasons.push('read-only');
  if (f.insideExtension) reasons.push('ours');
  if (!f.insideAppRoot) reasons.push('outside-app');
  return reasons;
}

/** The element all ClassDojo UI renders into; `body` if the React root has been renamed. */
export function findAppRoot(doc: Document): HTMLElement {
  for (const sel of SELECTORS.appRoot) {
    const el = doc.querySelector<HTMLElement>(sel);
    if (el) return el;
  }
  return doc.body;
}

/** Whether the app root was found by its verified selector (false means we are on a fallback). */
export function appRootIsVerified(doc: Document): boolean {
  return doc.querySelector(SELECTORS.appRoot[0]) !== null;
}

export const EXTENSION_HOST_ATTR = 'data-wxt-shadow-root';

function factsOf(el: HTMLElement, appRoot: HTMLElement): FieldFacts {
  // checkVisibility() sees display:none and visibility:hidden on ancestors too; older engines fall back
  // to layout boxes.
  const visible =
    el.isConnected &&
    (typeof el.checkVisibility === 'function'
      ? el.checkVisibility({ visibilityProperty: true })
      : el.getClientRects().length > 0);
  const isField = el instanceof HTMLTextAreaElement;
  return {
    visible,
    disabled: isField ? el.disabled : el.getAttribute('aria-disabled') === 'true',
    readOnly: isField ? el.readOnly : el.getAttribute('aria-readonly') === 'true',
    insideExtension: el.closest(`[${EXTENSION_HOST_ATTR}]`) !== null,
    insideAppRoot: appRoot.contains(el),
  };
}

/**
 * The composers on the page in document order, the focused one first. A contenteditable nested in
 * another is one composer, counted once at its outermost element.
 */
export function findComposers(doc: Document): HTMLElement[] {
  const appRoot = findAppRoot(doc);
  const seen = new Set<HTMLElement>();
  const found: HTMLElement[] = [];
  for (const el of appRoot.querySelectorAll<HTMLElement>(anyOf('composer'))) {
    if (seen.has(el)) continue;
    seen.add(el);
    if (el.parentElement?.closest('[contenteditable="true"], [contenteditable=""]')) continue;
    if (ineligibleReasons(factsOf(el, appRoot)).length === 0) found.push(el);
  }
  const active = doc.activeElement;
  const focused = found.findIndex((el) => el === active || el.contains(active));
  if (focused > 0) found.unshift(...found.splice(focused, 1));
  return found;
}

/** The text a composer holds: a textarea's value, or a contenteditable's text. */
export function composerText(el: HTMLElement): string {
  return el instanceof HTMLTextAreaElement ? el.value : (el.innerText ?? el.textContent ?? '');
}

/** The newest message from a parent in the open conversation, or undefined where none can be found. */
export function latestParentMessage(doc: Document): string | undefined {
  const bubbles = findAppRoot(doc).querySelectorAll<HTMLElement>(anyOf('parentBubble'));
  const last = bubbles[bubbles.length - 1];
  if (!last) return undefined;
  const body = last.querySelector<HTMLElement>(anyOf('messageText'));
  return (body ?? last).textContent?.trim() || undefined;
}

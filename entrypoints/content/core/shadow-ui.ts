/**
 * A closed shadow-root UI as WXT's createShadowRootUi makes it (a custom element host, the `:host`
 * reset, and `<html><head><style></style></head><body></body></html>` inside, the body being the container),
 * without the machinery this content script never used (anchors waited for, positioning, CSS fetched from a
 * file, auto-mount): WXT's version brings wait-element, defu, many-keys-map and isolated-element into every
 * ClassDojo page, ~3 KB gzipped of the content script's 45 KB budget.
 *
 * `mount()` appends the host to <body> and calls `onMount(container)` (again, after the page threw the host
 * away: the caller mounts again); `remove()` calls `onRemove`, detaches the host and empties the container;
 * the UI is removed when the content script's context is invalidated (an extension update).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface ShadowUi<T> {
  shadowHost: HTMLElement;
  shadow: ShadowRoot;
  uiContainer: HTMLElement;
  mount(): void;
  remove(): void;
  readonly mounted: T | undefined;
}

export interface ShadowUiOptions<T> {
  /** The host element's name: two words, kebab-case ("policy-guard-ui"). */
  name: string;
  css: string;
  onMount(container: HTMLElement, shadow: ShadowRoot, host: HTMLElement): T;
  onRemove?(mounted: T | undefined): void;
}

/** The attribute that names a host when it had to be a plain <div> (see `closedHost`). */
export const HOST_ATTRIBUTE = 'data-policy-guard-host';

/**
 * A host element named `name` ("policy-guard-ui") with a closed shadow root, in `doc`.
 *
 * A custom element name is a door for the page if the page defines that name before we make the host: its
 * constructor can call `attachInternals()`, whose `shadowRoot` then hands it our closed root, or attach a
 * root of its own first, so that ours cannot be made and Policy Guard would be off. Content scripts cannot
 * define the name first (they have no custom element registry). So when the name is defined (`:defined`),
 * or the root cannot be attached, the host is a plain <div> marked `data-policy-guard-host="name"`: a
 * built-in element has no internals and no constructor of the page's. Names defined only after the host is
 * made are harmless (a root attached to an element that was not custom is never given to its internals).
 */
export function closedHost(doc: Document, name: string): { host: HTMLElement; shadow: ShadowRoot } {
  const custom = doc.createElement(name);
  try {
    if (!custom.matches(':defined')) return { host: custom, shadow: custom.attachShadow({ mode: 'closed' }) };
  } catch {
    // the page attached a root of its own in its constructor: fall through to a built-in host
  }
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, name);
  return { host, shadow: host.attachShadow({ mode: 'closed' }) };
}

export function createShadowUi<T>(ctx: ContentScriptContext, options: ShadowUiOptions<T>): ShadowUi<T> {
  // Closed: the page can neither read nor reach into it (and the seal, core/seal.ts, guards the rest).
  const { host: shadowHost, shadow } = closedHost(document, options.name);
  const html = document.createElement('html');
  const head = document.createElement('head');
  const body = document.createElement('body');
  const style = document.createElement('style');
  // The page's inherited styles stop at the host.
  style.textContent = `:host{all:initial !important;}\n${options.css}`;
  head.append(style);
  html.append(head, body);
  shadow.append(html);

  let mounted: T | undefined;
  const remove = () => {
    options.onRemove?.(mounted);
    shadowHost.remove();
    while (body.lastChild) body.removeChild(body.lastChild);
    mounted = undefined;
  };
  ctx.onInvalidated(remove);
  return {
    shadowHost,
    shadow,
    uiContainer: body,
    mount() {
      document.body.append(shadowHost);
      mounted = options.onMount(body, shadow, shadowHost);
    },
    remove,
    get mounted() {
      return mounted;
    },
  };
}

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

export function createShadowUi<T>(ctx: ContentScriptContext, options: ShadowUiOptions<T>): ShadowUi<T> {
  const shadowHost = document.createElement(options.name);
  // Closed: the page can neither read nor reach into it (and the seal, core/seal.ts, guards the rest).
  const shadow = shadowHost.attachShadow({ mode: 'closed' });
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

/**
 * What the content script loads only when it is asked for: the page doctor's report and the page outline
 * (opened from the panel or the popup), and the senior leader's spot-check overlay (when switched on). None of
 * it is needed to draw the first panel or to check a draft, and together they were a fifth of the script
 * every ClassDojo page loads (issue 22: "whatever is not needed to draw the first panel is loaded after").
 *
 * How it arrives: this script asks the background (`load-on-request`), which injects the extension's own file
 * `/on-request.js` (entrypoints/on-request) into this tab's frame with `scripting.executeScript`. The file
 * runs in the content scripts' isolated world, which the page cannot see, and leaves its parts under a
 * symbol there (`registerOnRequest`). The file is not web-accessible: the page can neither load it nor learn
 * that it exists, and only our content script can ask the background for it (lib/ext/messages.ts SENDERS).
 *
 * The parts bring their own copy of Preact and draw into an element of ours (`OnRequest`), so the two
 * renderers never share hooks; what has state in this script (the checker and its word lists) is handed to
 * them, never imported twice.
 */
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { OnRequestParts } from '../../on-request/parts';
import type { Response } from '../../../lib/ext/messages';
import { ask } from '../ask';
import { privateCss } from './private-css';

export type { OnRequestParts };

const KEY = Symbol.for('policy-guard.on-request');
type Holder = Record<symbol, OnRequestParts | undefined>;

/** Called by /on-request.js as it runs: its parts, for this script to find. */
export function registerOnRequest(parts: OnRequestParts): void {
  (globalThis as unknown as Holder)[KEY] = parts;
}

/** The parts, if they are here already (undefined until loaded). */
export function onRequestLoaded(): OnRequestParts | undefined {
  return (globalThis as unknown as Holder)[KEY];
}

let loading: Promise<OnRequestParts | undefined> | undefined;

/**
 * The parts, loading them on first use (one request to the background, however many ask at once).
 * Undefined when they cannot be had (the extension was updated under the page, or the injection failed);
 * a later call tries again.
 */
export function loadOnRequest(ctx: ContentScriptContext): Promise<OnRequestParts | undefined> {
  const ready = onRequestLoaded();
  if (ready) return Promise.resolve(ready);
  // Once injected, the parts are found under their symbol: the promise is only for the calls made meanwhile.
  loading ??= ask<Response<true>>(ctx, { type: 'load-on-request' }).then((answer) => {
    loading = undefined;
    return answer?.ok ? onRequestLoaded() : undefined;
  });
  return loading;
}

/** Shadow roots that have the parts' stylesheet. */
const styled = new WeakSet<Node>();

/**
 * Adds the parts' stylesheet to the shadow root `into` is in, once, after the root's own (so it may use
 * its custom properties, renamed the same way: core/private-css.ts).
 */
function addStyles(into: HTMLElement, css: string): void {
  const root = into.getRootNode();
  if (!(root instanceof ShadowRoot) || styled.has(root)) return;
  styled.add(root);
  const style = document.createElement('style');
  style.textContent = privateCss(css);
  root.appendChild(style);
}

/**
 * An element of ours that the parts draw into, with `show(parts, element)` on every render of it (so the
 * part gets the current props) and the part taken away with it. `fallback` is shown when the parts cannot
 * be loaded; nothing is shown while they load. `display: contents`, so the element adds nothing to layout.
 */
export function OnRequest(props: { ctx: ContentScriptContext; show: (parts: OnRequestParts, into: HTMLElement) => void; fallback?: VNode | null }) {
  const into = useRef<HTMLDivElement>(null);
  const [parts, setParts] = useState(onRequestLoaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (parts) return undefined;
    let live = true;
    void loadOnRequest(props.ctx).then((p) => {
      if (!live) return;
      if (p) setParts(() => p);
      else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!parts || !into.current) return;
    addStyles(into.current, parts.css);
    props.show(parts, into.current);
  });
  useEffect(() => {
    const el = into.current;
    return () => {
      if (parts && el) parts.clear(el);
    };
  }, [parts]);
  if (failed) return props.fallback ?? null;
  return <div ref={into} style={{ display: 'contents' }} data-policy-guard="on-request" />;
}

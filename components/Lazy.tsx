import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/ext/i18n';

/**
 * A component whose code is loaded when it is first drawn, not with the page: for parts of the options page
 * drawn only after a person acts (the review of a proposed policy, a roster file's preview), which carry
 * code no first view needs. The page's size budget (scripts/bundle-sizes.ts) counts what loads with it, and
 * tests/e2e/options-load.e2e.ts what the page fetches when opened.
 *
 * `load` resolves to the component; until it does, nothing is drawn (an extension page loads its own
 * chunk from disk in milliseconds). A load that fails (an extension updated under an open page) says so.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: the loaded component's own
type AnyComponent = (props: any) => JSX.Element | null;

export function lazy<C extends AnyComponent>(load: () => Promise<C>): C {
  let loaded: C | undefined;
  function Lazy(props: Parameters<C>[0]) {
    const [Component, setComponent] = useState<C | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Component) return;
      let live = true;
      load().then(
        (c) => {
          loaded = c;
          if (live) setComponent(() => c);
        },
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    if (failed) return <LoadFailed />;
    return Component ? <Component {...props} /> : null;
  }
  return Lazy as C;
}

/** What a section says when its code could not be loaded: the page's code changed under it (an update). */
export function LoadFailed() {
  return <p role="alert">{t('lazyFailed')}</p>;
}

/** A module loaded on request, as seen by a component: `mod` once loaded, `failed` if the load failed. */
export interface OnDemand<M> {
  mod: M | undefined;
  failed: boolean;
  /** Starts the load (once per page: later calls share it) and resolves to the module; rejects if it fails. */
  request: () => Promise<M>;
}

/**
 * Code a section needs only once the person acts (types a draft, picks a file, presses Read): the section's
 * controls are drawn with the page, and this loads the rest on their first action. Unlike `lazy`, the
 * component is drawn at once, so nothing the person types waits for code or is lost while it loads.
 *
 * `load` is a dynamic `import()`; the hook returned gives each component the module once loaded. A load
 * that failed is tried again on the next request (it fails again if the extension was updated: say so with
 * `LoadFailed`).
 */
export function onDemand<M>(load: () => Promise<M>): () => OnDemand<M> {
  let loaded: M | undefined;
  let pending: Promise<M> | undefined;
  const get = (): Promise<M> =>
    (pending ??= load().then(
      (m) => (loaded = m),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  return function useOnDemand(): OnDemand<M> {
    // Held in a box: a module namespace passed to a state setter directly would be fine, a function would not.
    const [box, setBox] = useState<{ mod: M } | undefined>(() => (loaded ? { mod: loaded } : undefined));
    const [failed, setFailed] = useState(false);
    const live = useRef(true);
    useEffect(
      () => () => {
        live.current = false;
      },
      [],
    );
    const request = useRef(() => {
      const p = get();
      p.then(
        (mod) => {
          if (!live.current) return;
          setFailed(false);
          setBox((b) => b ?? { mod });
        },
        () => live.current && setFailed(true),
      );
      return p;
    }).current;
    return { mod: box?.mod, failed, request };
  };
}

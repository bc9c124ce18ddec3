import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/ext/i18n';

/**
 * A component whose code is loaded when it is first drawn, not with the page: for the options page's
 * readers of schools' own files (a policy document, a roster export), which carry their parsers (fflate,
 * papaparse, the policy extractor) and are opened by a few people once. The page's size budget
 * (scripts/bundle-sizes.ts) counts what loads with it.
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
    if (failed) return <p role="alert">{t('lazyFailed')}</p>;
    return Component ? <Component {...props} /> : null;
  }
  return Lazy as C;
}

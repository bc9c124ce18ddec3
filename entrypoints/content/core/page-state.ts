/** What the panel and the features know of the page: read from the URL and the DOM, never stored. */
import { appRootIsVerified, findComposers, latestParentMessage } from '../../../lib/dojo/page';
import { parseDojoLocation } from '../../../lib/dojo/routes';
import type { PageState } from '../features/feature';

/** The page as it is now. Finding composers asks for their visibility, so this forces a layout: call it
 *  after the page's first paint, not before (see `initialPageState`). */
export function readPageState(): PageState {
  const route = parseDojoLocation(location.href);
  return {
    route,
    composerCount: findComposers(document).length,
    appRootVerified: appRootIsVerified(document),
    incoming: route.app === 'teach' && route.view === 'messaging' ? latestParentMessage(document) : undefined,
  };
}

/** The first state reads only the URL: the panel is up before the page's first layout. */
export function initialPageState(): PageState {
  return { route: parseDojoLocation(location.href), composerCount: undefined, appRootVerified: appRootIsVerified(document) };
}

/** Whether two page states would show the same thing (so a page change that alters nothing re-renders nothing). */
export function samePage(a: PageState, b: PageState): boolean {
  return (
    JSON.stringify(a.route) === JSON.stringify(b.route) &&
    a.composerCount === b.composerCount &&
    a.appRootVerified === b.appRootVerified &&
    a.incoming === b.incoming
  );
}

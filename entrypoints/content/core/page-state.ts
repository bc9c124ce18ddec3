/** What the panel and the features know of the page: read from the URL and the DOM, never stored. */
import { appRootIsVerified, findComposers, latestParentMessage, participantCount, pupilTileCount, readClassNameSource, sendControlNear } from '../../../lib/dojo/page';
import { parseDojoLocation } from '../../../lib/dojo/routes';
import { Ownership } from '../../../lib/spot-check/scope';
import type { PageState } from '../features/feature';

/**
 * Which class each element the name was read from was first read under: after a class switch in the same
 * tab the address changes before the page does, and the old header must not name the new class (the name
 * is kept with the class id and stamped on its records).
 */
const nameOwners = new Ownership<HTMLElement>();

function className(classId: string): string | undefined {
  const source = readClassNameSource(document);
  return source && nameOwners.claim(classId, [{ el: source.el, sig: source.name }]).length ? source.name : undefined;
}

/** The page as it is now. Finding composers asks for their visibility (`checkVisibility`), which brings the
 *  page's styles up to date but not its layout: cheap at start-up, since the page's first frame needs them. */
export function readPageState(): PageState {
  const route = parseDojoLocation(location.href);
  const teach = route.app === 'teach';
  const tiles = teach && route.view === 'points' ? pupilTileCount(document) : 0;
  const composers = findComposers(document);
  return {
    route,
    composerCount: composers.length,
    sendless: composers.filter((c) => !sendControlNear(c, document)).length,
    appRootVerified: appRootIsVerified(document),
    incoming: teach && route.view === 'messaging' ? latestParentMessage(document) : undefined,
    className: teach && route.classId ? className(route.classId) : undefined,
    pupilTiles: tiles > 0 ? tiles : undefined,
    participants: teach && route.view === 'messaging' ? participantCount(document) : undefined,
  };
}

/** The first state reads only the URL: the panel mounts before anything of the page is read. */
export function initialPageState(): PageState {
  return { route: parseDojoLocation(location.href), composerCount: undefined, appRootVerified: appRootIsVerified(document) };
}

/** Whether two page states would show the same thing (so a page change that alters nothing re-renders nothing). */
export function samePage(a: PageState, b: PageState): boolean {
  return (
    JSON.stringify(a.route) === JSON.stringify(b.route) &&
    a.composerCount === b.composerCount &&
    a.sendless === b.sendless &&
    a.appRootVerified === b.appRootVerified &&
    a.incoming === b.incoming &&
    a.className === b.className &&
    a.pupilTiles === b.pupilTiles &&
    a.participants === b.participants
  );
}

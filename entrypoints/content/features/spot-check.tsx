/**
 * Feature: the senior leader's spot-check of a Class Story, School Story or conversation, when switched on
 * (popup or Alt+Shift+S). The overlay itself (entrypoints/on-request/SpotCheck.tsx) loads only when the
 * spot-check is on for a page it reviews (core/on-request.tsx): most pages of most users never need it.
 */
import { useEffect, useState } from 'preact/hooks';
import { parseDojoLocation, type DojoRoute } from '../../../lib/dojo/routes';
import { readSpotCheckOn, watchSpotCheckOn } from '../../../lib/ext/page-settings';
import type { Channel } from '../../../lib/policy/schema';
import type { SpotView } from '../../../lib/spot-check/record';
import { scanPost } from '../../../lib/spot-check/scan';
import { OnRequest } from '../core/on-request';
import { channelOf, feedItemSignature, findAppRoot, findFeedItems } from '../../../lib/dojo/page';
import { Ownership, spotScopeId } from '../../../lib/spot-check/scope';
import { useStore } from '../core/store';
import { useGuard } from './composer-check';
import type { Feature, FeatureContext } from './feature';

/**
 * What a spot-check reviews on this page, if anything: a story feed, or a conversation's staff messages.
 * The record is kept per class (or school), so the scope is the class id from the route.
 */
export function spotTarget(route: DojoRoute): { view: SpotView; channel: Channel; scopeId: string } | undefined {
  if (route.app !== 'teach') return undefined;
  const scopeId = spotScopeId(route);
  if (route.view === 'class-story' || route.view === 'school-story') return { view: route.view, channel: route.view, scopeId };
  if (route.view === 'messaging') return { view: 'messaging', channel: channelOf(route, document).channel, scopeId };
  return undefined;
}

/**
 * Which class each post or message on the page was first seen under. When the address moves to another class,
 * what the page shows is still the old class's feed until ClassDojo replaces it (after a fetch, or at once in
 * its own hashchange handler): it is claimed for the old class there and then, whether a spot-check is on or
 * not, so a check turned on mid-switch does not record it under the new class. Elements the page added in
 * this same task (its handler re-rendered before ours ran) are the new class's and are left alone: a mutation
 * observer keeps them, until the next task. One query and a text read per post, on a class switch only.
 */
const owners = new Ownership<HTMLElement>();

/** The views whose feed a spot-check reviews (`spotTarget`), read from the route alone. */
const FEED_VIEWS = new Set(['class-story', 'school-story', 'messaging']);

function claimOnSwitch(f: FeatureContext): void {
  let fresh = new WeakSet<Node>();
  let clearing = false;
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of Array.from(r.addedNodes)) fresh.add(n);
    if (!clearing) {
      clearing = true;
      f.ctx.setTimeout(() => {
        fresh = new WeakSet();
        clearing = false;
      }, 0);
    }
  });
  // Watched only while a feed a spot-check reviews is open, and only inside ClassDojo's app root, the feed's
  // container (no narrower one is published, and a class switch may replace everything under it): our own
  // UI, in <body> beside the root, and every other page of the app cost nothing.
  let watched: Node | undefined;
  const watch = () => {
    const root = f.page.get().route.app === 'teach' && FEED_VIEWS.has(f.page.get().route.view) ? findAppRoot(document) : undefined;
    if (root === watched) return;
    observer.disconnect();
    watched = root;
    if (root) observer.observe(root, { childList: true, subtree: true });
  };
  watch();
  f.page.subscribe(watch);
  f.ctx.onInvalidated(() => observer.disconnect());
  const isFresh = (el: Element) => {
    for (let n: Node | null = el; n; n = n.parentNode) if (fresh.has(n)) return true;
    return false;
  };
  f.ctx.addEventListener(window, 'hashchange', (event) => {
    try {
      // Records of this task not delivered yet (the page changed the DOM in this same listener run).
      for (const r of observer.takeRecords()) for (const n of Array.from(r.addedNodes)) fresh.add(n);
      const before = spotTarget(parseDojoLocation((event as HashChangeEvent).oldURL));
      const after = spotTarget(parseDojoLocation((event as HashChangeEvent).newURL));
      if (!before || after?.scopeId === before.scopeId) return;
      const kind = before.view === 'messaging' ? 'messages' : 'story';
      const old = findFeedItems(document, kind).filter((el) => !isFresh(el));
      owners.claim(before.scopeId, old.map((el) => ({ el, sig: feedItemSignature(el, kind) })));
    } catch {
      // Reading the page failed: the check's own claims still apply.
    }
  });
}

function Spot(props: { f: FeatureContext }) {
  const { f } = props;
  const page = useStore(f.page);
  const guarded = useGuard(f.guard);
  const [on, setOn] = useState(false);
  useEffect(() => {
    void readSpotCheckOn().then(setOn);
    return watchSpotCheckOn(setOn);
  }, []);
  const spot = spotTarget(page.route);
  if (!on || !spot || !guarded.policy) return null;
  // The checker's own scan (its word lists are installed here), handed to the overlay.
  return <OnRequest ctx={f.ctx} show={(parts, into) => parts.showSpotCheck(into, { ctx: f.ctx, guard: f.guard, subscribe: f.onPageChange, channel: spot.channel, view: spot.view, scopeId: spot.scopeId, className: page.className, scan: scanPost, owners })} />;
}

export const spotCheck: Feature = {
  name: 'spot-check',
  init(f) {
    if (f.page.get().route.app !== 'teach') return;
    claimOnSwitch(f);
    f.addSlot({ feature: 'spot-check', order: 0, where: 'overlay', render: () => <Spot f={f} /> });
  },
};

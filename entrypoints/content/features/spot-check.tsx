/**
 * Feature: the senior leader's spot-check of a Class Story, School Story or conversation, when switched on
 * (popup or Alt+Shift+S). The overlay itself (entrypoints/on-request/SpotCheck.tsx) loads only when the
 * spot-check is on for a page it reviews (core/on-request.tsx): most pages of most users never need it.
 */
import { useEffect, useState } from 'preact/hooks';
import { channelOf } from '../../../lib/dojo/page';
import type { DojoRoute } from '../../../lib/dojo/routes';
import { readSpotCheckOn, watchSpotCheckOn } from '../../../lib/ext/page-settings';
import type { Channel } from '../../../lib/policy/schema';
import type { SpotView } from '../../../lib/spot-check/record';
import { scanPost } from '../../../lib/spot-check/scan';
import { OnRequest } from '../core/on-request';
import { useStore } from '../core/store';
import { useGuard } from './composer-check';
import type { Feature, FeatureContext } from './feature';

/**
 * What a spot-check reviews on this page, if anything: a story feed, or a conversation's staff messages.
 * The record is kept per class (or school), so the scope is the class id from the route.
 */
export function spotTarget(route: DojoRoute): { view: SpotView; channel: Channel; scopeId: string } | undefined {
  if (route.app !== 'teach') return undefined;
  const scopeId = route.classId ?? (route.schoolId ? `school-${route.schoolId}` : 'school');
  if (route.view === 'class-story' || route.view === 'school-story') return { view: route.view, channel: route.view, scopeId };
  if (route.view === 'messaging') return { view: 'messaging', channel: channelOf(route, document).channel, scopeId };
  return undefined;
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
  return <OnRequest ctx={f.ctx} show={(parts, into) => parts.showSpotCheck(into, { ctx: f.ctx, guard: f.guard, subscribe: f.onPageChange, channel: spot.channel, view: spot.view, scopeId: spot.scopeId, scan: scanPost })} />;
}

export const spotCheck: Feature = {
  name: 'spot-check',
  init(f) {
    if (f.page.get().route.app !== 'teach') return;
    f.addSlot({ feature: 'spot-check', order: 0, where: 'overlay', render: () => <Spot f={f} /> });
  },
};

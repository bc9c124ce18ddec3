/**
 * Feature: under a parent's newest message in a teacher's conversation, where it belongs under the
 * school's policy and a suggested reply the teacher can put in the box (never sent for them). The card
 * itself (components/RoutingCard.tsx) is drawn by the parts loaded on request (core/on-request.tsx): it is
 * needed only where a parent's message is open, not to draw the first panel on every page.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../lib/ext/i18n';
import type { RouteIncomingResponse } from '../../../lib/ext/messages';
import { ask } from '../ask';
import { OnRequest } from '../core/on-request';
import { useStore } from '../core/store';
import { useGuard } from './composer-check';
import type { Feature, FeatureContext } from './feature';

function Routing(props: { f: FeatureContext }) {
  const { f } = props;
  const page = useStore(f.page);
  const { active, version } = useStore(f.policy);
  const guarded = useGuard(f.guard);
  const [routing, setRouting] = useState<RouteIncomingResponse | undefined>();

  useEffect(() => {
    setRouting(undefined);
    if (!page.incoming || !active) return;
    let current = true;
    void ask<RouteIncomingResponse>(f.ctx, { type: 'route-incoming', text: page.incoming, at: new Date().toISOString() }).then((r) => {
      if (current) setRouting(r ?? { ok: false, error: 'failed' });
    });
    return () => {
      current = false;
    };
  }, [page.incoming, active?.id, version]);

  const failed = !!routing && !routing.ok && routing.error !== 'no-policy' && routing.error !== 'invalid-policy';
  useEffect(() => f.setNotices('routing-card', failed ? [t('routingUnavailable')] : []), [failed]);
  if (!routing?.ok) return null;
  const route = routing.value;
  // The parts find the conversation's own box for the message routed (page.incoming, whose change resets the
  // route above) at the click, and only then is the reply put in it (on-request/parts.tsx showRoutingCard).
  const message = page.incoming;
  const put = (page.composerCount ?? 0) > 0 && !!message;
  return <OnRequest ctx={f.ctx} show={(parts, into) => parts.showRoutingCard(into, { route, policy: guarded.policy ?? undefined, message, put })} />;
}

export const routingCard: Feature = {
  name: 'routing-card',
  init(f) {
    if (f.page.get().route.app !== 'teach') return;
    f.addSlot({ feature: 'routing-card', order: 30, where: 'panel', render: () => <Routing f={f} /> });
  },
};

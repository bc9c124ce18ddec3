/**
 * Feature: under a parent's newest message in a teacher's conversation, where it belongs under the
 * school's policy and a suggested reply the teacher can put in the box (never sent for them). The card
 * itself (components/RoutingCard.tsx) is drawn by the parts loaded on request (core/on-request.tsx): it is
 * needed only where a parent's message is open, not to draw the first panel on every page.
 *
 * A safeguarding message, or one the policy sends to the DSL, is the first thing in the panel, above the
 * findings of the reply being typed: the teacher must read it before anything about their own words (a
 * tester's Sunday-evening disclosure sat under an out-of-hours finding, below a 1024x700 window). The message
 * is routed once, here, and the card drawn in one of two slots, never both.
 */
import { t } from '../../../lib/ext/i18n';
import type { RouteIncomingResponse } from '../../../lib/ext/messages';
import type { RouteResult } from '../../../lib/routing/index';
import { ask } from '../ask';
import { OnRequest } from '../core/on-request';
import { createStore, useStore, type Store } from '../core/store';
import type { Feature, FeatureContext } from './feature';

/**
 * Whether `route` goes first in the panel: a safeguarding message (a disclosure or a possible concern), or
 * any message the school's policy sends to the DSL. Every other route keeps its place under the findings.
 */
export function routeFirst(route: RouteResult): boolean {
  return route.intent === 'safeguarding' || route.destination === 'dsl';
}

/** The routed message: its answer once the background has given it (undefined while asked, or nothing to route). */
type Routed = { routing?: RouteIncomingResponse };

function Routing(props: { f: FeatureContext; routed: Store<Routed>; first: boolean }) {
  const { f } = props;
  const page = useStore(f.page);
  const { routing } = useStore(props.routed);
  if (!routing?.ok || routeFirst(routing.value) !== props.first) return null;
  const route = routing.value;
  // The parts find the conversation's own box for the message routed (page.incoming, whose change resets the
  // route below) at the click, and only then is the reply put in it (on-request/parts.tsx showRoutingCard).
  const message = page.incoming;
  const put = (page.composerCount ?? 0) > 0 && !!message;
  return <OnRequest ctx={f.ctx} show={(parts, into) => parts.showRoutingCard(into, { route, message, put })} />;
}

export const routingCard: Feature = {
  name: 'routing-card',
  init(f) {
    if (f.page.get().route.app !== 'teach') return;
    const routed = createStore<Routed>({});
    // Asked once per message, policy and settings change; an answer for what is no longer asked is dropped.
    let asked = '';
    const route = () => {
      const { incoming } = f.page.get();
      const { active, version } = f.policy.get();
      const key = JSON.stringify([incoming, active?.id, version]);
      if (key === asked) return;
      asked = key;
      routed.set({});
      f.setNotices('routing-card', []);
      f.setAttention('routing-card', undefined);
      if (!incoming || !active) return;
      void ask<RouteIncomingResponse>(f.ctx, { type: 'route-incoming', text: incoming, at: new Date().toISOString() }).then((r) => {
        if (asked !== key) return;
        const routing = r ?? { ok: false, error: 'failed' };
        routed.set({ routing });
        if (!routing.ok && routing.error !== 'no-policy' && routing.error !== 'invalid-policy') f.setNotices('routing-card', [t('routingUnavailable')]);
        // Folded to its badge (a narrow window), the panel says it holds this, in the card's own heading's words.
        if (routing.ok && routeFirst(routing.value)) f.setAttention('routing-card', t(routing.value.level === 'concern' ? 'routingConcern' : 'routingSafeguarding'));
      });
    };
    f.page.subscribe(route);
    f.policy.subscribe(route);
    route();
    f.addSlot({ feature: 'routing-first', order: 1, where: 'panel', render: () => <Routing f={f} routed={routed} first /> });
    f.addSlot({ feature: 'routing-card', order: 30, where: 'panel', render: () => <Routing f={f} routed={routed} first={false} /> });
  },
};

import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Panel } from '../../components/Panel';
import { ParentHint } from '../../components/ParentHint';
import { RoutingCard } from '../../components/RoutingCard';
import { insertIntoComposer } from '../../lib/dojo/edit';
import { appRootIsVerified, composerText, findComposers, latestParentMessage } from '../../lib/dojo/page';
import { parseDojoLocation, type DojoRoute } from '../../lib/dojo/routes';
import { t } from '../../lib/ext/i18n';
import type { ParentHintResponse, Request, RouteIncomingResponse } from '../../lib/ext/messages';
import { policyChoice, readPolicyChoice, type PolicyChoiceV1 } from '../../lib/ext/settings';
import { presetSummary } from '../../lib/policy/catalog';
import { viewLabel } from './view-label';

export interface PageState {
  route: DojoRoute;
  composerCount: number;
  appRootVerified: boolean;
  /** teach messaging: the newest parent message in the open conversation. */
  incoming?: string;
}

export function readPageState(): PageState {
  const route = parseDojoLocation(location.href);
  return {
    route,
    composerCount: findComposers(document).length,
    appRootVerified: appRootIsVerified(document),
    incoming: route.app === 'teach' && route.view === 'messaging' ? latestParentMessage(document) : undefined,
  };
}

/** Ask the background; undefined if the extension was updated or the answer never comes. */
async function ask<T>(ctx: ContentScriptContext, request: Request): Promise<T | undefined> {
  if (ctx.isInvalid) return undefined;
  try {
    return (await browser.runtime.sendMessage(request)) as T;
  } catch {
    return undefined;
  }
}

/** Wires the page and the stored settings to the panel. `subscribe` is the page watcher. */
export function App(props: { ctx: ContentScriptContext; subscribe: (cb: () => void) => () => void }) {
  const { ctx } = props;
  const [page, setPage] = useState<PageState>(readPageState);
  const [choice, setChoice] = useState<PolicyChoiceV1 | null>(null);
  const [routing, setRouting] = useState<RouteIncomingResponse | undefined>();
  const [hint, setHint] = useState<ParentHintResponse | undefined>();
  const hintTimer = useRef<number | undefined>(undefined);
  const hintSeq = useRef(0);

  useEffect(() => {
    const refresh = () => setPage(readPageState());
    const unsubscribe = props.subscribe(refresh);
    // Hash navigation between classes and views does not reload the page.
    ctx.addEventListener(window, 'hashchange', refresh);
    return unsubscribe;
  }, []);

  useEffect(() => {
    void readPolicyChoice().then(setChoice);
    return policyChoice.watch((value) => setChoice(value));
  }, []);

  // Teacher: route the newest parent message whenever it (or the policy) changes.
  useEffect(() => {
    setRouting(undefined);
    if (!page.incoming || !choice) return;
    let current = true;
    void ask<RouteIncomingResponse>(ctx, { type: 'route-incoming', text: page.incoming, at: new Date().toISOString() }).then((r) => {
      if (current) setRouting(r ?? { ok: false, error: 'failed' });
    });
    return () => {
      current = false;
    };
  }, [page.incoming, choice?.presetId]);

  // Parent: a hint while they write, debounced; a stale answer is dropped, never shown.
  useEffect(() => {
    if (page.route.app !== 'home' || !choice) return;
    const onInput = (event: Event) => {
      const target = event.target as HTMLElement;
      if ((event as InputEvent).isComposing || !findComposers(document).includes(target)) return;
      window.clearTimeout(hintTimer.current);
      hintTimer.current = ctx.setTimeout(() => {
        const text = composerText(target);
        const seq = ++hintSeq.current;
        if (!text.trim()) return setHint(undefined);
        void ask<ParentHintResponse>(ctx, { type: 'parent-hint', text, at: new Date().toISOString() }).then((r) => {
          if (seq === hintSeq.current) setHint(r);
        });
      }, 350);
    };
    document.addEventListener('input', onInput, true);
    return () => document.removeEventListener('input', onInput, true);
  }, [page.route.app, choice?.presetId]);

  const summary = choice ? presetSummary(choice.presetId) : undefined;
  const notices = page.appRootVerified ? [] : [t('degradedAppRoot')];
  if (routing && !routing.ok && routing.error !== 'no-policy') notices.push(t('routingUnavailable'));

  const insert = (reply: string): boolean => {
    const composer = findComposers(document)[0];
    if (!composer) return false;
    insertIntoComposer(composer, reply);
    return true;
  };

  return (
    <Panel
      view={page.route.view}
      viewLabel={viewLabel(page.route.view)}
      composerCount={page.composerCount}
      policy={summary ? { id: summary.id, name: summary.school } : null}
      notices={notices}
      onChoosePolicy={() => void ask(ctx, { type: 'open-options' })}
    >
      {routing?.ok && <RoutingCard route={routing.value} onInsert={page.composerCount > 0 ? insert : undefined} />}
      {page.route.app === 'home' && hint?.ok && <ParentHint hint={hint.value} />}
    </Panel>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Panel } from '../../components/Panel';
import { appRootIsVerified, findComposers } from '../../lib/dojo/page';
import { parseDojoLocation, type DojoRoute } from '../../lib/dojo/routes';
import { t } from '../../lib/ext/i18n';
import { policyChoice, readPolicyChoice, type PolicyChoiceV1 } from '../../lib/ext/settings';
import { presetSummary } from '../../lib/policy/catalog';
import { viewLabel } from './view-label';

export interface PageState {
  route: DojoRoute;
  composerCount: number;
  appRootVerified: boolean;
}

export function readPageState(): PageState {
  return {
    route: parseDojoLocation(location.href),
    composerCount: findComposers(document).length,
    appRootVerified: appRootIsVerified(document),
  };
}

/** Wires the page and the stored settings to the panel. `subscribe` is the page watcher. */
export function App(props: { ctx: ContentScriptContext; subscribe: (cb: () => void) => () => void }) {
  const { ctx } = props;
  const [page, setPage] = useState<PageState>(readPageState);
  const [choice, setChoice] = useState<PolicyChoiceV1 | null>(null);

  useEffect(() => {
    const refresh = () => setPage(readPageState());
    const unsubscribe = props.subscribe(refresh);
    // Hash navigation between classes and views does not reload the page.
    ctx.addEventListener(window, 'hashchange', refresh);
    return unsubscribe;
  }, []);

  useEffect(() => {
    void readPolicyChoice().then(setChoice);
    const unwatch = policyChoice.watch((value) => setChoice(value));
    return unwatch;
  }, []);

  const summary = choice ? presetSummary(choice.presetId) : undefined;
  const notices = page.appRootVerified ? [] : [t('degradedAppRoot')];

  return (
    <Panel
      view={page.route.view}
      viewLabel={viewLabel(page.route.view)}
      composerCount={page.composerCount}
      policy={summary ? { id: summary.id, name: summary.school } : null}
      notices={notices}
      onChoosePolicy={() => {
        // Content scripts cannot open the options page themselves; the background can.
        if (!ctx.isInvalid) void browser.runtime.sendMessage({ type: 'open-options' }).catch(() => {});
      }}
    />
  );
}

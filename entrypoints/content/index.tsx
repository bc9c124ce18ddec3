import { STARTED } from './started';
// The panel's styles, bundled as text: the shadow root gets them at once, with no fetch of a stylesheet
// (which, on a busy ClassDojo page, waited hundreds of milliseconds behind the page's own work).
import styles from './style.css?inline';
import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ask } from './ask';
import { App } from './App';
import { initialPageState, readPageState, samePage } from './core/page-state';
import { syncPolicy } from './core/policy-sync';
import { installedSeal } from './core/sealed';
import { loadOnRequest } from './core/on-request';
import { createShadowUi } from './core/shadow-ui';
import { installUnfindableText } from './core/unfindable';
import { createStore } from './core/store';
import { classFacts } from './features/class-facts';
import { composerCheck } from './features/composer-check';
import { initFeatures, type Feature, type FeatureContext, type PolicyInfo, type Slot } from './features/feature';
import { pageDoctor } from './features/page-doctor';
import { parentHint } from './features/parent-hint';
import { reloadNotice } from './features/reload-notice';
import { rosterOffer } from './features/roster-offer';
import { routingCard } from './features/routing-card';
import { sendGate } from './features/send-gate';
import { spotCheck } from './features/spot-check';
import { Guard } from './guard';
import { installMessages } from '../../lib/i18n/messages';
import { message } from '../../components/i18n';
import { parentMode } from './core/parent-mode';
import { watchPage } from './page-watch';
import { privateCss } from './core/private-css';

/** Every feature, in the order they start. Each is one module in ./features with its own test. */
const FEATURES: Feature[] = [composerCheck, sendGate, routingCard, parentHint, rosterOffer, classFacts, spotCheck, pageDoctor, reloadNotice];

/**
 * The composition root: the shared stores, the checker, the panel, and the features. Nothing here knows
 * what any feature does.
 */
export default defineContentScript({
  matches: ['https://teach.classdojo.com/*', 'https://home.classdojo.com/*'],
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  // WXT's legacy window.postMessage announcing the script: it tells the page this extension's id, and it
  // cost 8–28 ms on the 500-post page before main() could run. The DOM event that replaced it is kept.
  noScriptStartedPostMessage: true,

  async main(ctx) {
    // Findings are worded in the browser's language, from its catalog (lib/i18n/messages.ts).
    installMessages(message);
    // A parent's browser gets the parent hint only: on the teachers' app nothing of Policy Guard runs.
    if (location.hostname === 'teach.classdojo.com' && (await parentMode())) return;
    // The seal, as the early script installed it at document_start (core/sealed.ts). Only where that script
    // did not run is it installed now, from the parts loaded on request; without it nothing of ours is drawn.
    const seal = installedSeal() ?? (await loadOnRequest(ctx))?.installSeal();
    if (!seal) return;
    const pageListeners = new Set<() => void>();
    const slots: Slot[] = [];
    const notices = createStore<Record<string, string[]>>({});
    const attention = createStore<Record<string, string | undefined>>({});
    // What the first panel does not need waits for it (features' afterFirstPanel, then the policy).
    let panelDrawn = false;
    const afterPanel: (() => void)[] = [];
    const guard = new Guard(ctx);
    guard.onLog = (event, held) => {
      // The class from the page's address (the school scopes as the spot-check names them), for the overrides view.
      const route = f.page.get().route;
      const classId = route.classId ?? (route.app === 'teach' && route.view === 'school-story' ? (route.schoolId ? `school-${route.schoolId}` : 'school') : undefined);
      void ask(ctx, { type: 'log-event', event: { ...event, channel: event.channel ?? guard.channel(), at: new Date().toISOString(), ...(classId ? { classId } : {}) }, ...held });
    };

    const f: FeatureContext = {
      ctx,
      guard,
      page: createStore(initialPageState()),
      policy: createStore<PolicyInfo>({ active: null, version: 0 }),
      addSlot: (slot) => slots.push(slot),
      setNotices: (feature, list) => {
        const current = notices.get()[feature] ?? [];
        if (current.join('\n') !== list.join('\n')) notices.update({ [feature]: list });
      },
      setAttention: (feature, label) => {
        if (attention.get()[feature] !== label) attention.update({ [feature]: label });
      },
      onPageChange(cb) {
        pageListeners.add(cb);
        return () => pageListeners.delete(cb);
      },
      afterFirstPanel(cb) {
        if (panelDrawn) ctx.setTimeout(cb, 0);
        else afterPanel.push(cb);
      },
    };

    // Before anything of ours is drawn: the page's window.find() must not search our text.
    installUnfindableText();
    // The checker starts at once; the send gate's dialog and the policy follow the panel (afterFirstPanel).
    initFeatures(FEATURES, f);

    const ui = createShadowUi(ctx, {
      name: 'policy-guard-ui',
      // Closed and sealed (core/seal.ts): the page can neither read the panel nor press its buttons.
      css: privateCss(styles),
      onMount(container) {
        render(<App f={f} slots={slots} notices={notices} attention={attention} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    seal.add(ui.shadowHost, ui.shadow);
    ui.mount();
    document.documentElement.dataset.policyGuardReady = 'true';
    // For `npm run bench`: from the first line of the script (its evaluation included) to the panel mounted.
    ui.shadowHost.setAttribute('data-ready-ms', (performance.now() - STARTED).toFixed(1));

    // In a task of its own, so the page can paint the panel first: the send gate's dialog root, then the
    // policy (and with it the word lists, lib/rules/lexicon.ts). Until the policy comes nothing is checked
    // or held, as before; once it comes, the gate is already there.
    ctx.setTimeout(() => {
      panelDrawn = true;
      for (const cb of afterPanel.splice(0)) {
        try {
          cb();
        } catch (error) {
          console.debug('[Policy Guard]', error);
        }
      }
      syncPolicy(f);
    }, 0);

    const refreshPage = () => {
      const next = readPageState();
      // For `npm run bench`: when message boxes were first found, on the page's clock (the page may draw them
      // after this script's first line: the bench measures from the app's drawing).
      if (next.composerCount && !ui.shadowHost.hasAttribute('data-composers-at')) ui.shadowHost.setAttribute('data-composers-at', performance.now().toFixed(1));
      const prev = f.page.get();
      // The page doctor's word that the box is missing (PageState.boxMissing) holds while the page, at the same
      // address, still has none.
      if (next.composerCount === 0 && JSON.stringify(next.route) === JSON.stringify(prev.route)) next.boxMissing = prev.boxMissing;
      if (!samePage(next, prev)) f.page.set(next);
    };
    // The message boxes are looked for at once: finding them asks for their visibility (checkVisibility),
    // which needs the page's styles but not its layout, and the page's first frame reuses the styles
    // computed here. (Waiting for that frame put "composers found" 36–49 ms after the first line on a
    // 500-post page, against an aim of 20 ms; `npm run bench`.)
    refreshPage();
    // Hash navigation between classes and views does not reload the page.
    ctx.addEventListener(window, 'hashchange', refreshPage);
    watchPage(ctx, () => {
      // ClassDojo may throw away what sits in <body> when it re-renders, and a script may move the panel into
      // a hidden box of its own: put it back.
      if (ui.shadowHost.parentElement !== document.body) ui.mount();
      refreshPage();
      for (const cb of pageListeners) {
        try {
          cb();
        } catch (error) {
          // One broken listener must not stop the others or reach the page.
          console.debug('[Policy Guard]', error);
        }
      }
    }, () => !f.page.get().composerCount);
    // After an extension update the old script is orphaned: take its UI away cleanly (the reload notice
    // feature says so).
    ctx.onInvalidated(() => {
      ui.remove();
      delete document.documentElement.dataset.policyGuardReady;
    });
  },
});

import { STARTED } from './started';
// The panel's styles, bundled as text: the shadow root gets them at once, with no fetch of a stylesheet
// (which, on a busy ClassDojo page, waited hundreds of milliseconds behind the page's own work).
import styles from './style.css?inline';
import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { App } from './App';
import { Guard } from './guard';
import { watchPage } from './page-watch';

export default defineContentScript({
  matches: ['https://teach.classdojo.com/*', 'https://home.classdojo.com/*'],
  cssInjectionMode: 'manual',
  runAt: 'document_idle',

  async main(ctx) {
    const mainStarted = performance.now();
    const listeners = new Set<() => void>();
    const subscribe = (cb: () => void) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    };

    // The checker and send gate start at once: they do not wait for the panel.
    const guard = new Guard(ctx);
    guard.start();

    const ui = await createShadowRootUi(ctx, {
      name: 'policy-guard-ui',
      css: styles,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        render(<App ctx={ctx} subscribe={subscribe} guard={guard} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
    document.documentElement.dataset.policyGuardReady = 'true';
    // Two figures for `npm run bench`: from the first line of the script (its evaluation included), and from
    // WXT calling main() (the checker and the panel starting).
    ui.shadowHost.setAttribute('data-ready-ms', (performance.now() - STARTED).toFixed(1));
    ui.shadowHost.setAttribute('data-main-ready-ms', (performance.now() - mainStarted).toFixed(1));

    watchPage(ctx, () => {
      // ClassDojo may throw away what sits in <body> when it re-renders: put the panel back.
      if (!ui.shadowHost.isConnected) ui.mount();
      guard.refresh();
      for (const cb of listeners) {
        try {
          cb();
        } catch (error) {
          // One broken listener must not stop the others or reach the page.
          console.debug('[Policy Guard]', error);
        }
      }
    });
    // After an extension update the old script is orphaned: take its UI away cleanly.
    ctx.onInvalidated(() => {
      ui.remove();
      delete document.documentElement.dataset.policyGuardReady;
    });
  },
});

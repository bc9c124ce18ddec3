import './style.css';
import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { App } from './App';
import { Guard } from './guard';
import { watchPage } from './page-watch';

export default defineContentScript({
  matches: ['https://teach.classdojo.com/*', 'https://home.classdojo.com/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',

  async main(ctx) {
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

import { defineContentScript } from 'wxt/utils/define-content-script';
import { installInterceptor } from './content/core/intercept';
import { startParentModeRead } from './content/core/parent-mode';
import { installSeal } from './content/core/seal';
import { warmMessages } from './content/core/warm-messages';

/**
 * The two things Policy Guard must do before any of ClassDojo's own scripts run, so that no listener of the
 * page comes first: the seal around Policy Guard's UI (entrypoints/content/core/seal.ts), on every ClassDojo
 * page, and the send interceptor (entrypoints/content/core/intercept.ts), on the teachers' app only (a
 * parent's message is never held). A few kilobytes at document_start, so the main content script can
 * still wait for document_idle.
 */
export default defineContentScript({
  matches: ['https://teach.classdojo.com/*', 'https://home.classdojo.com/*'],
  runAt: 'document_start',
  // WXT's legacy window.postMessage announcing the script: it tells the page this extension's id, and it
  // cost 8–28 ms on the 500-post page before main() could run. The DOM event that replaced it is kept.
  noScriptStartedPostMessage: true,
  main() {
    installSeal();
    // The panel's words, fetched while the page loads (core/warm-messages.ts).
    warmMessages();
    if (location.hostname === 'teach.classdojo.com') {
      installInterceptor();
      // Read now, so the main script's start does not wait for storage (core/parent-mode.ts).
      startParentModeRead();
    }
  },
});

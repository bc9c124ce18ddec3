import { defineContentScript } from 'wxt/utils/define-content-script';
import { installInterceptor } from './content/core/intercept';

/**
 * Installs the send interceptor before ClassDojo's own scripts run (entrypoints/content/core/intercept.ts):
 * a few hundred bytes at document_start, so the main content script can still wait for document_idle.
 * Teachers' app only: a parent's message is never held.
 */
export default defineContentScript({
  matches: ['https://teach.classdojo.com/*'],
  runAt: 'document_start',
  main() {
    installInterceptor();
  },
});

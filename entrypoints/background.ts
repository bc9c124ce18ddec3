import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

/** Messages the content scripts and pages send to the background worker. */
export type BackgroundMessage = { type: 'open-options' };

export default defineBackground(() => {
  // First run: nothing is checked until a school policy is chosen, so take the user straight there.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });

  browser.runtime.onMessage.addListener((message: unknown) => {
    const msg = message as Partial<BackgroundMessage> | null;
    if (msg?.type === 'open-options') return browser.runtime.openOptionsPage().then(() => true);
    return undefined;
  });
});

/**
 * The popup's side of `PageProtocol` (./messages.ts): asks the content script in a ClassDojo tab. Undefined
 * when no content script answers (not a ClassDojo page, the page not reloaded since an install or update).
 */
import { browser } from 'wxt/browser';
import type { PageProtocol, PageRequestOf, PageRequestType } from './messages';

export async function askTab<K extends PageRequestType>(tabId: number, request: PageRequestOf<K>): Promise<PageProtocol[K]['response'] | undefined> {
  try {
    return ((await browser.tabs.sendMessage(tabId, request)) as PageProtocol[K]['response'] | undefined) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Whether an address is one of the ClassDojo apps Policy Guard runs on. */
export function isDojoAppUrl(url: string | undefined): boolean {
  return /^https:\/\/(teach|home)\.classdojo\.com\//.test(url ?? '');
}

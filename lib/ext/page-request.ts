/**
 * The content script's check of a request from the extension's own pages (the popup's "What Policy Guard can
 * see here"): a known type (`PageProtocol` in ./messages.ts), sent by this extension from one of its pages,
 * not from a content script in some tab. No zod: this module loads into ClassDojo's pages.
 */
import type { PageRequest, PageRequestType } from './messages';

export const PAGE_REQUEST_TYPES = ['page-doctor', 'page-outline'] as const satisfies readonly PageRequestType[];

/** What the browser says of a message's sender (runtime.MessageSender), as far as this check needs. */
export interface PageSender {
  id?: string;
  url?: string;
}

/**
 * The request, if it is one the content script answers: from this extension (`runtimeId`), from one of its own
 * pages (`extensionOrigin`, e.g. `chrome-extension://<id>/`: a content script's messages carry its web page's
 * address). Undefined for anything else; never throws.
 */
export function acceptPageRequest(message: unknown, sender: PageSender | undefined, runtimeId: string, extensionOrigin: string): PageRequest | undefined {
  try {
    if (!sender || !runtimeId || sender.id !== runtimeId) return undefined;
    if (!extensionOrigin || !(sender.url ?? '').startsWith(extensionOrigin)) return undefined;
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(PAGE_REQUEST_TYPES as readonly string[]).includes(type)) return undefined;
    return { type } as PageRequest;
  } catch {
    return undefined;
  }
}

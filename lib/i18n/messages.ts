/**
 * The message catalog this context words findings and routes with, installed once at start: the browser's
 * (`chrome.i18n.getMessage`, in the interface's language) in every extension page, the content script and the
 * background; `public/_locales/<lang>/messages.json` in Node (cli/catalog.ts: the CLI, tests, scripts). The
 * checker and the router make each finding's `message` and each route's `advice` with it, once, from their ids
 * and data, so every surface shows the same words. Until one is installed every key reads as "", and a message
 * falls back to its rule and message id.
 */
import type { Messages } from './finding';

let installed: Messages = () => '';

/** Makes `catalog` the one messages are worded with, from now on (a later call replaces it). */
export function installMessages(catalog: Messages): void {
  installed = catalog;
}

/** The installed catalog: the text of `key` with `$1`…`$9` from `subs`, or "" where it has none. */
export const messages: Messages = (key, subs) => installed(key, subs);

/**
 * The installed catalog function itself: a new function whenever `installMessages` is called again, so work
 * worded through it can be kept per function (lib/i18n/finding.ts) and is not kept across a change of catalog.
 */
export function installedMessages(): Messages {
  return installed;
}

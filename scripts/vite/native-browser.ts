/**
 * A Vite plugin: the content scripts use the browser's own `browser`/`chrome` object (WXT's @wxt-dev/browser)
 * instead of webextension-polyfill, which the rest of the extension keeps (the background returns promises
 * from runtime.onMessage listeners, which only the polyfill gives Chrome). The content scripts call only
 * APIs that return promises natively in every MV3 browser (runtime.sendMessage, storage, i18n, runtime.id and
 * getURL), and their one onMessage listener (the send gate's relay from the background) only receives: it
 * answers nothing, so it needs no promise support. The polyfill's 10 KB would buy them nothing on every
 * ClassDojo page (tests/size/budgets.test.ts checks the built scripts carry none of it).
 */
import type { Plugin } from 'vite';

const POLYFILL = '@wxt-dev/webextension-polyfill/browser';

/**
 * Whether a build's entry is a content script (entrypoints/content/, entrypoints/*.content.ts), or the parts
 * of one injected on request into the same isolated world (entrypoints/on-request/).
 */
export function isContentEntry(input: unknown): boolean {
  const entries = typeof input === 'string' ? [input] : Array.isArray(input) ? input : input && typeof input === 'object' ? Object.values(input) : [];
  return entries.length > 0 && entries.every((e) => typeof e === 'string' && /entrypoints[\\/](content[\\/]|on-request[\\/]|[^\\/]+\.content\.[jt]sx?$)/.test(e));
}

export function nativeBrowserInContentScripts(): Plugin {
  let content = false;
  return {
    name: 'policy-guard:native-browser-in-content-scripts',
    enforce: 'pre',
    options(options) {
      content = isContentEntry(options.input);
      return null;
    },
    async resolveId(source, importer) {
      if (!content || source !== POLYFILL) return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

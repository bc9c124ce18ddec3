/**
 * The interface's message catalogs for the command line: `public/_locales/<lang>/messages.json`, the files
 * the browser reads, formatted as `chrome.i18n.getMessage` does (lib/i18n/format.ts), so `guard check --lang cy`
 * words a finding as the panel does in a Welsh browser.
 */
import { readFileSync } from 'node:fs';
import { formatMessage, type Catalog } from '../lib/i18n/format';
import type { Messages } from '../lib/i18n/finding';

/** The languages the extension ships: `--lang`'s values. */
export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

const cache = new Map<Language, Catalog>();

/** A language's catalog, read once. Throws (with the path) where the file cannot be read or parsed. */
export function catalogOf(lang: Language): Catalog {
  let catalog = cache.get(lang);
  if (!catalog) {
    const url = new URL(`../public/_locales/${lang}/messages.json`, import.meta.url);
    try {
      catalog = JSON.parse(readFileSync(url, 'utf8')) as Catalog;
    } catch (error) {
      throw new Error(`cannot read the ${lang} messages (${url.pathname}): ${(error as Error).message}`);
    }
    cache.set(lang, catalog);
  }
  return catalog;
}

/** A language's catalog as the `Messages` lib/i18n formats with. */
export function messagesOf(lang: Language): Messages {
  const catalog = catalogOf(lang);
  return (key, subs) => formatMessage(catalog, key, subs);
}

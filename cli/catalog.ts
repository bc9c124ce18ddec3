/**
 * The interface's message catalogs for the command line and tests: `public/_locales/<lang>/messages.json`, the
 * files the browser reads, formatted as `chrome.i18n.getMessage` does (lib/i18n/format.ts), so `guard check
 * --lang cy` words a finding as the panel does in a Welsh browser.
 */
import cy from '../public/_locales/cy/messages.json';
import en from '../public/_locales/en/messages.json';
import { formatMessage, type Catalog } from '../lib/i18n/format';
import type { Messages } from '../lib/i18n/finding';

/** The languages the extension ships: `--lang`'s values. */
export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

const CATALOGS: Record<Language, Catalog> = { en: en as Catalog, cy: cy as Catalog };

/** A language's catalog, as the browser reads it. */
export function catalogOf(lang: Language): Catalog {
  return CATALOGS[lang];
}

/** One `Messages` per catalog: what is worded through one is kept per function (lib/i18n/finding.ts). */
const bound = new WeakMap<Catalog, Messages>();

/** A language's catalog as the `Messages` lib/i18n words findings and routes with (the same function each call). */
export function messagesOf(lang: Language): Messages {
  const catalog = catalogOf(lang);
  let t = bound.get(catalog);
  if (!t) bound.set(catalog, (t = (key, subs) => formatMessage(catalog, key, subs)));
  return t;
}

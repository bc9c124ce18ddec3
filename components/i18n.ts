/**
 * The browser's message catalog (`_locales/<lang>/messages.json`, in the interface's language) for the
 * interface: what lib/i18n formats findings, routes and dates with, so every page words them alike and as
 * `guard check --lang` does.
 */
import type { Window } from '../lib/policy/schema';
import { whenText, windowsText, type Messages } from '../lib/i18n/finding';

interface NativeI18n {
  getMessage(key: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

/**
 * The browser's own i18n (synchronous in every browser), not webextension-polyfill's: the chunk holding this
 * module is also loaded by the framed pages (entrypoints/gate-reason, spot-note), which must never evaluate
 * the polyfill (it throws into ClassDojo's console where the extension has been reloaded; see
 * scripts/vite/polyfill-chunk.ts). Undefined outside an extension (unit tests).
 */
function i18n(): NativeI18n | undefined {
  const g = globalThis as unknown as { browser?: { i18n?: NativeI18n }; chrome?: { i18n?: NativeI18n } };
  return (g.browser ?? g.chrome)?.i18n;
}

/**
 * Messages already given, per `getMessage` function, by key and substitutions: the browser's catalog is fixed
 * while the extension runs, so a message is a function of them. Wording each finding asks for the same few on
 * every check (where, whose, the template with the same words found), each a call into the browser that cost
 * more than the rest of the wording (`npm run bench`, a CPU profile of the check). Bounded: past
 * `MAX_KEPT` messages it starts again (the substitutions carry the draft's words).
 */
const kept = new WeakMap<NativeI18n['getMessage'], Map<string, string>>();
const MAX_KEPT = 2_000;

/** A message by a key built at run time (`f_<rule>_<id>`, `day_mon`): "" where there is none. */
export const message: Messages = (name, subs) => {
  try {
    const api = i18n();
    if (!api) return '';
    let known = kept.get(api.getMessage);
    if (!known) kept.set(api.getMessage, (known = new Map()));
    // The substitutions' own JSON: no two lists of strings share it.
    const key = subs === undefined ? name : JSON.stringify([name, subs]);
    let text = known.get(key);
    if (text === undefined) {
      text = api.getMessage(name, subs) || '';
      if (known.size >= MAX_KEPT) known.clear();
      known.set(key, text);
    }
    return text;
  } catch {
    return '';
  }
};

/** Whether the interface is in English (where a text with no catalog entry yet is the code's own English). */
export function english(): boolean {
  try {
    return (i18n()?.getUILanguage() ?? 'en').toLowerCase().startsWith('en');
  } catch {
    return true;
  }
}

/** "Llun 23 Tach, 08:00": a moment in the school's time zone, in the interface's language (lib/i18n `whenText`). */
export const localWhen = (at: Date, timeZone: string, dayOnly = false, withYear = false): string => whenText(at, timeZone, message, dayOnly, withYear);

/** "Llun–Gwe 08:00–17:00", in the interface's language. */
export const localWindows = (windows: Window[]): string => windowsText(windows, message);

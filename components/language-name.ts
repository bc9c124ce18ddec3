/**
 * A policy's language (ISO 639-3 code, "cym") by its name in the interface's language `ui` (a BCP 47 tag, as
 * i18n.getUILanguage gives it): "Welsh", "Cymraeg". The catalog's own name first (`language_<code>`, for the
 * languages the router detects): Chromium's Intl.DisplayNames has Welsh names for few languages, and where it has
 * none it answers with the two-letter code ("Y swyddog presenoldeb (pl)", probe 15). Then the browser's name, then
 * the code itself.
 */
import { message } from './i18n';
import type { Messages } from '../lib/i18n/finding';

export function languageName(code: string, ui: string, named: Messages = message): string {
  const own = /^[a-z]{3}$/.test(code) ? named(`language_${code}`) : '';
  if (own) return own;
  try {
    return new Intl.DisplayNames([ui], { type: 'language', fallback: 'none' }).of(code) || code;
  } catch {
    return code;
  }
}

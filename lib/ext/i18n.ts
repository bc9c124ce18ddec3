import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

/** Every UI string's key: a typo is a type error, and a key missing from en/messages.json is too. */
export type MessageKey = keyof typeof en;

/**
 * A UI string in the browser's language, through the browser's own i18n (public/_locales). Falls back
 * to the key where the i18n API is missing (unit tests with the fake browser), so nothing throws.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key, substitutions) || key;
  } catch {
    return key;
  }
}

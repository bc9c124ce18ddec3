import type { MessageKey } from '../lib/ext/i18n';

/**
 * The browser's own extension API for Policy Guard's framed pages (entrypoints/gate-reason, spot-note), not
 * webextension-polyfill's: a frame left behind when the extension is reloaded has none, and the polyfill
 * would throw into ClassDojo's console as it loads. Here everything just stops.
 */
interface ExtensionApi {
  runtime?: { sendMessage(message: unknown): Promise<unknown> | void };
  i18n?: { getMessage(key: string): string; getUILanguage(): string };
}
const api = (globalThis as unknown as { browser?: ExtensionApi }).browser ?? (globalThis as unknown as { chrome?: ExtensionApi }).chrome;

/** A UI string in the browser's language; its key when cut off from the extension. */
export function frameText(key: MessageKey): string {
  try {
    return api?.i18n?.getMessage(key) || key;
  } catch {
    return key;
  }
}

/** The browser's UI language ('en' when cut off), for the frame's `lang`. */
export function frameLanguage(): string {
  try {
    return api?.i18n?.getUILanguage() ?? 'en';
  } catch {
    return 'en';
  }
}

/** Sends `message` to the background; undefined when cut off or refused. Never throws. */
export async function frameAsk<T>(message: unknown): Promise<T | undefined> {
  try {
    return (await Promise.resolve(api?.runtime?.sendMessage(message))) as T | undefined;
  } catch {
    return undefined;
  }
}

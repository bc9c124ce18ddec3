import type { MessageKey } from '../lib/ext/i18n';

/**
 * The browser's own extension API for Policy Guard's framed pages (entrypoints/gate-reason, spot-note), not
 * webextension-polyfill's: a frame left behind when the extension is reloaded has none, and the polyfill
 * would throw into ClassDojo's console as it loads. Here everything just stops.
 */
interface SessionArea {
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string | string[]): Promise<void>;
}
interface ExtensionApi {
  runtime?: { sendMessage(message: unknown): Promise<unknown> | void };
  storage?: { session?: SessionArea };
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

/**
 * Keeps a frame's unsent text (the gate's reason) in the browser's session storage, which lives in memory
 * only, is cleared when the browser closes, and is open to the extension's own pages, never to content
 * scripts or the page. The browser reloads a frame whose element is moved in the document (a page can
 * move the gate's dialog): the text comes back instead of being lost. `undefined` text forgets it.
 * Never throws.
 */
export async function frameKeep(key: string, text: string | undefined): Promise<void> {
  try {
    const area = api?.storage?.session;
    if (!area) return;
    await (text === undefined ? area.remove(key) : area.set({ [key]: text }));
  } catch {
    // cut off, or no session storage (older browsers): the text is simply not kept
  }
}

/** The text `frameKeep` kept under `key`, if any. Never throws. */
export async function frameKept(key: string): Promise<string | undefined> {
  try {
    const value = (await api?.storage?.session?.get(key))?.[key];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets every kept text whose key starts with `prefix` except `keep` (earlier holds' reasons). Never throws. */
export async function frameForgetOthers(prefix: string, keep: string): Promise<void> {
  try {
    const area = api?.storage?.session;
    if (!area) return;
    const stale = Object.keys(await area.get(null)).filter((k) => k.startsWith(prefix) && k !== keep);
    if (stale.length) await area.remove(stale);
  } catch {
    // nothing kept, or cut off
  }
}

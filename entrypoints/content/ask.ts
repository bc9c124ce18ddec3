import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Request } from '../../lib/ext/messages';

/** Ask the background; undefined if the extension was updated or the answer never comes. */
export async function ask<T>(ctx: ContentScriptContext, request: Request): Promise<T | undefined> {
  if (ctx.isInvalid) return undefined;
  try {
    return (await browser.runtime.sendMessage(request)) as T;
  } catch {
    return undefined;
  }
}

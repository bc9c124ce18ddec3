import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ukBankHolidays } from '../lib/calendar/bank-holidays';
import { activePolicy, watchActivePolicy } from '../lib/ext/active-policy';
import type { Request } from '../lib/ext/messages';
import { parentHint, routeMessage } from '../lib/routing/index';
import { detectLanguage } from '../lib/routing/language';

const MAX_TEXT = 20_000;

async function handle(msg: Request): Promise<unknown> {
  if (msg.type === 'open-options') {
    await browser.runtime.openOptionsPage();
    return true;
  }
  if (typeof msg.text !== 'string' || typeof msg.at !== 'string' || Number.isNaN(Date.parse(msg.at))) {
    return { ok: false, error: 'bad-request' };
  }
  const policy = await activePolicy();
  if (!policy) return { ok: false, error: 'no-policy' };
  const text = msg.text.slice(0, MAX_TEXT);
  const at = new Date(msg.at);
  try {
    if (msg.type === 'route-incoming') {
      const language = detectLanguage(text, policy.languages);
      return { ok: true, value: routeMessage(text, policy, { language, at, calendar: ukBankHolidays }) };
    }
    if (msg.type === 'parent-hint') return { ok: true, value: parentHint(text, policy, at, ukBankHolidays) };
  } catch {
    return { ok: false, error: 'failed' };
  }
  return undefined;
}

export default defineBackground(() => {
  // First run: nothing is checked until a school policy is chosen, so take the user straight there.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  watchActivePolicy();
  browser.runtime.onMessage.addListener((message: unknown) => {
    const msg = message as Partial<Request> | null;
    if (!msg || typeof msg.type !== 'string') return undefined;
    if (!['open-options', 'route-incoming', 'parent-hint'].includes(msg.type)) return undefined;
    return handle(msg as Request);
  });
});

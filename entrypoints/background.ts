import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { bankHolidayDates, ukBankHolidays } from '../lib/calendar/bank-holidays';
import { purgeOld, recordEvent } from '../lib/ext/db';
import { rosters, spotCheckOn } from '../lib/ext/settings';
import { activePolicy, watchActivePolicy } from '../lib/ext/active-policy';
import type { Request } from '../lib/ext/messages';
import { parentHint, routeMessage } from '../lib/routing/index';
import { sanitizeRoster } from '../lib/rules/roster';
import { detectLanguage } from '../lib/routing/language';

const MAX_TEXT = 20_000;

async function handle(msg: Request): Promise<unknown> {
  if (msg.type === 'open-options') {
    await browser.runtime.openOptionsPage();
    return true;
  }
  if (msg.type === 'log-event') {
    try {
      await recordEvent(msg.event);
      return { ok: true, value: true };
    } catch {
      return { ok: false, error: 'failed' }; // storage full or unavailable: the send is never held up by it
    }
  }
  if (msg.type === 'get-policy') {
    const policy = await activePolicy();
    if (!policy) return { ok: false, error: 'no-policy' };
    const year = new Date().getFullYear();
    const bankHolidays = [year, year + 1].flatMap((y) => [...bankHolidayDates(policy.hours.bankHolidays, y)]);
    const all: Record<string, unknown> = await rosters.getValue().catch(() => ({}));
    // A corrupt stored roster is read as its valid entries, never passed on to break the checker.
    const roster = msg.classId && all && typeof all === 'object' ? sanitizeRoster(all[msg.classId]) : [];
    return { ok: true, value: { policy, bankHolidays, roster } };
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
  browser.commands?.onCommand.addListener((command) => {
    if (command === 'toggle-spot-check') void spotCheckOn.getValue().then((on) => spotCheckOn.setValue(!on));
  });
  // Records older than the retention limit are purged whenever the worker starts.
  void purgeOld().catch(() => undefined);
  browser.runtime.onMessage.addListener((message: unknown) => {
    const msg = message as Partial<Request> | null;
    if (!msg || typeof msg.type !== 'string') return undefined;
    if (!['open-options', 'route-incoming', 'parent-hint', 'get-policy', 'log-event'].includes(msg.type)) return undefined;
    return handle(msg as Request);
  });
});

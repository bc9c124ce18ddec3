import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { bankHolidayDates, ukBankHolidays } from '../lib/calendar/bank-holidays';
import { purgeOld, recordEvent } from '../lib/ext/db';
import { policyChangedAt, retentionDays, spotCheckOn } from '../lib/ext/settings';
import { loadRoster, moveStoredRosters, saveRoster } from '../lib/ext/rosters';
import { loadSpot, saveKeepSnippets, saveOutcome, saveScan } from '../lib/ext/spot-store';
import { exportRecord } from '../lib/spot-check/export';
import { parseOutcome, parseScanned, parseScope } from '../lib/spot-check/validate';
import { activePolicy, policyState, watchActivePolicy } from '../lib/ext/active-policy';
import { prefetchManaged } from '../lib/ext/managed';
import { REQUEST_TYPES, type Request } from '../lib/ext/messages';
import { parentHint, routeMessage } from '../lib/routing/index';
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
    const state = await policyState().catch(() => undefined);
    const policy = state?.policy;
    if (!policy) return { ok: false, error: state?.problems?.length ? 'invalid-policy' : 'no-policy' };
    const year = new Date().getFullYear();
    const bankHolidays = [year, year + 1].flatMap((y) => [...bankHolidayDates(policy.hours.bankHolidays, y)]);
    // A corrupt stored roster is read as its valid entries, never passed on to break the checker.
    const roster = typeof msg.classId === 'string' && msg.classId ? await loadRoster(msg.classId).catch(() => []) : [];
    return { ok: true, value: { policy, bankHolidays, roster } };
  }
  if (msg.type === 'save-roster') {
    try {
      return { ok: true, value: await saveRoster(msg.classId, msg.pupils, 'page') };
    } catch {
      return { ok: false, error: 'failed' };
    }
  }
  if (msg.type !== 'route-incoming' && msg.type !== 'parent-hint') return handleSpot(msg);
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

/** The spot-check record: read, add a scan, set an outcome, keep snippets or not, export. */
async function handleSpot(msg: Request): Promise<unknown> {
  const scope = parseScope((msg as { scope?: unknown }).scope);
  if (!scope) return { ok: false, error: 'bad-request' };
  try {
    switch (msg.type) {
      case 'spot-load':
        return { ok: true, value: (await loadSpot(scope)) ?? null };
      case 'spot-scan': {
        const items = parseScanned(msg.items);
        return items ? { ok: true, value: await saveScan(scope, items) } : { ok: false, error: 'bad-request' };
      }
      case 'spot-outcome': {
        const outcome = parseOutcome(msg.outcome);
        if (outcome === false || typeof msg.key !== 'string') return { ok: false, error: 'bad-request' };
        return { ok: true, value: await saveOutcome(scope, msg.key, outcome, typeof msg.note === 'string' ? msg.note : undefined) };
      }
      case 'spot-snippets':
        return { ok: true, value: await saveKeepSnippets(scope, msg.keep === true) };
      case 'spot-export': {
        const record = await loadSpot(scope);
        if (!record || (msg.format !== 'csv' && msg.format !== 'json')) return { ok: false, error: 'bad-request' };
        return { ok: true, value: exportRecord(record, msg.format) };
      }
    }
  } catch {
    return { ok: false, error: 'failed' }; // IndexedDB unavailable or full: the overlay says so, the page carries on
  }
  return { ok: false, error: 'bad-request' };
}

export default defineBackground(() => {
  // First run: nothing is checked until a school policy is chosen, so take the user straight there.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  // When IT's policy arrives (or changes), open ClassDojo tabs fetch the policy again.
  watchActivePolicy(() => void policyChangedAt.setValue(new Date().toISOString()).catch(() => undefined));
  // Ask for IT's policy as the worker starts, not at the first check: the answer (2–6 s after the browser
  // starts) refreshes the copy kept for the next start, or drops it if IT removed the policy.
  prefetchManaged();
  browser.commands?.onCommand.addListener((command) => {
    if (command === 'toggle-spot-check') void spotCheckOn.getValue().then((on) => spotCheckOn.setValue(!on));
  });
  // Version 1 kept rosters in extension storage: move them into the database, once.
  void moveStoredRosters().catch(() => undefined);
  // Records older than the retention limit are purged whenever the worker starts.
  void retentionDays
    .getValue()
    .then((days) => purgeOld(new Date(), undefined, days))
    .catch(() => undefined);
  browser.runtime.onMessage.addListener((message: unknown) => {
    const msg = message as Partial<Request> | null;
    if (!msg || typeof msg.type !== 'string') return undefined;
    if (!(REQUEST_TYPES as readonly string[]).includes(msg.type)) return undefined;
    return handle(msg as Request);
  });
});

/**
 * The background's answer to each request from a content script (entrypoints/background.ts wires it to
 * runtime.onMessage). Every message is checked first (`acceptRequest`: sender, app, schema, bounds); one
 * that fails is answered `bad-request`, and nothing here throws.
 */
import { browser } from 'wxt/browser';
import { bankHolidayDates, ukBankHolidays } from '../calendar/bank-holidays';
import { parentHint, routeMessage } from '../routing/index';
import { detectLanguage } from '../routing/language';
import { exportRecord } from '../spot-check/export';
import { activePolicy, policyState } from './active-policy';
import { classNames, classPupils, saveClassFacts } from './classes';
import { recordEvent } from './db';
import { acceptRequest, type GateReasonRelay, type Request, type RequestOf, type Sender } from './messages';
import { holidayYears } from './retention';
import { loadRoster, saveRoster } from './rosters';
import { retentionDays } from './settings';
import { loadSpot, saveKeepSnippets, saveOutcome, saveScan, type SpotWrite } from './spot-store';

/** Only the first 20,000 characters of a message are routed or hinted on. */
const MAX_TEXT = 20_000;

const BAD = { ok: false, error: 'bad-request' } as const;
const FAILED = { ok: false, error: 'failed' } as const;

/** Answers one message from `sender`; `runtimeId` is this extension's id. */
export async function respond(message: unknown, sender: Sender | undefined, runtimeId = browser.runtime.id): Promise<unknown> {
  const msg = acceptRequest(message, sender, runtimeId);
  if (!msg) return BAD;
  try {
    if (msg.type === 'gate-reason') return await relayGateReason(msg, sender!);
    return await handle(msg);
  } catch {
    return FAILED;
  }
}

/**
 * The gate's reason frame talks to the content script of its own tab's top frame through here (never by
 * postMessage, whose sender the page could fake). acceptRequest has checked that the sender is our frame
 * inside a teachers' app tab; the content script checks the nonce.
 */
async function relayGateReason(msg: RequestOf<'gate-reason'>, sender: Sender): Promise<unknown> {
  const relay: GateReasonRelay = { type: 'gate-reason-relay', nonce: msg.nonce, action: msg.action };
  if (msg.reason !== undefined) relay.reason = msg.reason;
  if (msg.height !== undefined) relay.height = msg.height;
  await browser.tabs.sendMessage(sender.tab!.id!, relay, { frameId: 0 });
  return { ok: true, value: true };
}

async function handle(msg: Exclude<Request, { type: 'gate-reason' }>): Promise<unknown> {
  switch (msg.type) {
    case 'open-options':
      if (msg.section === 'rosters') {
        // Straight to the class's consent register (components/roster/RosterManager.tsx reads the address).
        await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#rosters${msg.classId ? `/${encodeURIComponent(msg.classId)}` : ''}`) });
      } else await browser.runtime.openOptionsPage();
      return { ok: true, value: true };
    case 'log-event':
      try {
        await recordEvent(msg.event);
        return { ok: true, value: true };
      } catch {
        return FAILED; // storage full or unavailable: the send is never held up by it
      }
    case 'get-policy': {
      const state = await policyState().catch(() => undefined);
      const policy = state?.policy;
      if (!policy) return { ok: false, error: state?.problems?.length ? 'invalid-policy' : 'no-policy' };
      // Back to the retention limit: a spot-check on 5 January reviews posts from last December.
      const days = await retentionDays.getValue().catch(() => undefined);
      const bankHolidays = holidayYears(new Date(), days).flatMap((y) => [...bankHolidayDates(policy.hours.bankHolidays, y)]);
      // A corrupt stored roster is read as its valid entries, never passed on to break the checker.
      const roster = msg.classId ? await loadRoster(msg.classId).catch(() => []) : [];
      const pupils = msg.classId ? await classPupils(msg.classId) : undefined;
      return { ok: true, value: { policy, bankHolidays, roster, ...(pupils ? { pupils } : {}) } };
    }
    case 'save-roster':
      try {
        return { ok: true, value: await saveRoster(msg.classId, msg.pupils, 'page') };
      } catch {
        return FAILED;
      }
    case 'class-seen':
      try {
        return { ok: true, value: await saveClassFacts(msg.classId, { name: msg.name, pupils: msg.pupils }) };
      } catch {
        return FAILED;
      }
    case 'route-incoming':
    case 'parent-hint':
      return route(msg);
    default:
      return handleSpot(msg);
  }
}

async function route(msg: RequestOf<'route-incoming'> | RequestOf<'parent-hint'>): Promise<unknown> {
  const policy = await activePolicy();
  if (!policy) return { ok: false, error: 'no-policy' };
  const text = msg.text.slice(0, MAX_TEXT);
  const at = new Date(msg.at);
  try {
    if (msg.type === 'route-incoming') {
      const language = detectLanguage(text, policy.languages);
      return { ok: true, value: routeMessage(text, policy, { language, at, calendar: ukBankHolidays }) };
    }
    return { ok: true, value: parentHint(text, policy, at, ukBankHolidays) };
  } catch {
    return FAILED;
  }
}

const written = (w: SpotWrite) => ({ ok: true, value: w.record, ...(w.trimmed ? { trimmed: w.trimmed } : {}) });

/** The spot-check record: read, add a scan, set an outcome, keep snippets or not, export. */
async function handleSpot(msg: RequestOf<'spot-load' | 'spot-scan' | 'spot-outcome' | 'spot-snippets' | 'spot-export'>): Promise<unknown> {
  try {
    switch (msg.type) {
      case 'spot-load':
        return { ok: true, value: (await loadSpot(msg.scope)) ?? null };
      case 'spot-scan':
        return written(await saveScan(msg.scope, msg.items));
      case 'spot-outcome':
        return written(await saveOutcome(msg.scope, msg.key, msg.outcome, msg.note));
      case 'spot-snippets':
        return written(await saveKeepSnippets(msg.scope, msg.keep));
      case 'spot-export': {
        const record = await loadSpot(msg.scope);
        const timeZone = (await activePolicy().catch(() => undefined))?.timeZone;
        // The name the page showed, for a record first written before the page had shown it.
        const className = (await classNames()).get(msg.scope.classId);
        return record ? { ok: true, value: exportRecord(record, msg.format, { timeZone, className }) } : BAD;
      }
    }
  } catch {
    return FAILED; // IndexedDB unavailable or full: the overlay says so, the page carries on
  }
}

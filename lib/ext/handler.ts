/**
 * The background's answer to each request from a content script (entrypoints/background.ts wires it to
 * runtime.onMessage). Every message is checked first (`acceptRequest`: sender, app, schema, bounds); one
 * that fails is answered `bad-request`, and nothing here throws.
 */
import { itPolicyBroken } from '../policy/it-policy';
import { browser } from 'wxt/browser';
import { bankHolidayDates, ukBankHolidays } from '../calendar/bank-holidays';
import { parentHint, routeMessage } from '../routing/index';
import { BUNDLED_LEXICON } from '../rules/lexicon-bundled';
import { detectLanguage } from '../routing/language';
import { activePolicy, policyState, resetEdits, saveEdits } from './active-policy';
import { classNames, classPupils, saveClassFacts } from './classes';
import { guardDb, purgeIfDue, recordEvent } from './db';
import { acceptRequest, ON_REQUEST_PATH, type GateReasonRelay, type GuardEvent, type SpotNoteRelay, type Request, type RequestOf, type Sender, type TodayCounts } from './messages';
import { localDate } from '../spot-check/record';
import { spotHistoryHash } from '../spot-check/history-link';
import { heldRows, heldSummary, weeklySummary, type EventLike, type HeldSummary } from '../events/held';
import { holidayYears } from './retention';
import { loadRoster, saveRoster } from './rosters';
import { holdOpened, holdResolved, pendingHolds } from './held-pending';
import { effectiveRole, installedByPolicy } from './role';
import { DISMISSED_MAX, doctorDismissed, readSettingProblems, retentionDays, spotCheckOn, userRole } from './settings';
import { loadSpot, saveKeepSnippets, saveNote, saveOutcome, saveScan, type SpotWrite } from './spot-store';

/** Only the first 20,000 characters of a message are routed or hinted on. */
const MAX_TEXT = 20_000;

const BAD = { ok: false, error: 'bad-request' } as const;
const FAILED = { ok: false, error: 'failed' } as const;

/** This extension's own origin (`chrome-extension://<id>`), where its popup and options page live. */
function ownOrigin(): string | undefined {
  try {
    return browser.runtime.getURL('/').replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

/**
 * Today's held sends (in the school's time zone) by what the teacher did: the same definition as the week's
 * (lib/events/held.ts heldRows: a send the gate held, fixed, edited or sent anyway), so the popup's two lines
 * never disagree. The panel's own one-click fixes are not held sends and count in neither. `events` are the
 * last 36 hours' (ISO `at`); `openAt`, when each hold still open on a page was held (lib/ext/held-pending.ts):
 * a send held with its dialog up is held today, though the teacher has not chosen yet. Pure.
 */
export function countToday(events: EventLike[], timeZone: string, now = new Date(), openAt: string[] = []): HeldSummary {
  const today = localDate(now, timeZone);
  const isToday = (at: string) => Date.parse(at) <= now.getTime() && localDate(new Date(at), timeZone) === today;
  return heldSummary(heldRows(events).filter((r) => isToday(r.at)), openAt.filter((at) => Number.isFinite(Date.parse(at)) && isToday(at)).length);
}

/** Answers one message from `sender`; `runtimeId` is this extension's id, `extensionOrigin` its origin. */
export async function respond(message: unknown, sender: Sender | undefined, runtimeId = browser.runtime.id, extensionOrigin = ownOrigin()): Promise<unknown> {
  const msg = acceptRequest(message, sender, runtimeId, extensionOrigin);
  if (!msg) return BAD;
  try {
    if (msg.type === 'gate-reason') return await relayGateReason(msg, sender!);
    if (msg.type === 'spot-note-blurred') return await relay(sender!, { type: 'spot-note-relay', action: 'blurred', frame: msg.frame } satisfies SpotNoteRelay);
    if (msg.type === 'load-on-request') return await injectOnRequest(sender!);
    if (msg.type === 'log-event' && msg.held) return await logHold(msg, sender!);
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
  const message: GateReasonRelay = { type: 'gate-reason-relay', nonce: msg.nonce, action: msg.action };
  if (msg.reason !== undefined) message.reason = msg.reason;
  if (msg.height !== undefined) message.height = msg.height;
  return relay(sender, message);
}

/**
 * A held send's message (lib/ext/held-pending.ts): its dialog opened (kept, to be recorded as not sent if
 * the tab goes first), dropped unrecorded, or its outcome. An outcome `abandoned` that the background has
 * already recorded (the tab started loading another page before the content script said so) is not
 * recorded twice.
 */
async function logHold(msg: RequestOf<'log-event'>, sender: Sender): Promise<unknown> {
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || !msg.held) return BAD;
  try {
    if (msg.hold === 'open') await holdOpened(msg.held, tabId, msg.event, sender.documentId);
    else if ((await holdResolved(msg.held)) || msg.event.kind !== 'abandoned') {
      if (msg.hold !== 'drop') await recordEvent(msg.event);
      void purgeIfDue(() => retentionDays.getValue());
    }
    return { ok: true, value: true };
  } catch {
    return FAILED; // storage full or unavailable: the send is never held up by it
  }
}

/** Passes `message` on to the content script of the sender's tab, top frame only. */
async function relay(sender: Sender, message: GateReasonRelay | SpotNoteRelay): Promise<unknown> {
  await browser.tabs.sendMessage(sender.tab!.id!, message, { frameId: 0 });
  return { ok: true, value: true };
}

/**
 * The content script's parts loaded only when asked for: `/on-request.js`, our own packaged file, into the
 * sender's own tab and frame, in the content scripts' isolated world (never the page's). acceptRequest has
 * checked the sender is our content script in a ClassDojo app; the host permissions limit the rest.
 */
async function injectOnRequest(sender: Sender): Promise<unknown> {
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number') return BAD;
  // The very document that asked where the browser names it: a frame that has since gone elsewhere gets nothing.
  const target = sender.documentId ? { tabId, documentIds: [sender.documentId] } : { tabId, frameIds: [sender.frameId ?? 0] };
  await browser.scripting.executeScript({ target, files: [ON_REQUEST_PATH] });
  return { ok: true, value: true };
}

async function handle(msg: Exclude<Request, { type: 'gate-reason' | 'load-on-request' | 'spot-note-blurred' }>): Promise<unknown> {
  switch (msg.type) {
    case 'open-options':
      if (msg.section === 'rosters') {
        // Straight to the class's consent register (components/roster/RosterManager.tsx reads the address).
        await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#rosters${msg.classId ? `/${encodeURIComponent(msg.classId)}` : ''}`) });
      } else if (msg.section === 'spot-history' && msg.scope) {
        // Straight to the check's record in the history (components/SpotHistory.tsx reads the address), where
        // the exports are made: an extension page, which ClassDojo's page can neither see nor cancel.
        await browser.tabs.create({ url: browser.runtime.getURL(`/options.html${spotHistoryHash(msg.scope)}`) });
      } else await browser.runtime.openOptionsPage();
      return { ok: true, value: true };
    case 'log-event':
      try {
        await recordEvent(msg.event);
        // No alarms permission: the record is kept to its limit as it is written (and read, popup-state).
        void purgeIfDue(() => retentionDays.getValue());
        return { ok: true, value: true };
      } catch {
        return FAILED; // storage full or unavailable: the send is never held up by it
      }
    case 'get-policy': {
      const state = await policyState().catch(() => undefined);
      const policy = state?.policy;
      if (state?.problems?.length && !policy) return { ok: false, error: 'invalid-policy', why: itPolicyBroken(state) ? 'policyItBroken' : 'policyUnusable' };
      // A saved choice that could not be read was reset to none (and reported): the panel says it was lost, never
      // that none was chosen yet (probe 14h H4), until a policy is chosen or the report dismissed.
      if (!policy) return (await readSettingProblems()).some((p) => p.setting === 'policyChoice') ? { ok: false, error: 'no-policy', why: 'policyUnreadable' } : { ok: false, error: 'no-policy' };
      // Every year a feed can show (lib/ext/retention.ts): a spot-check on 5 January reviews last December's
      // posts, and a feed scrolled back past the retention limit is still judged with its holidays.
      const bankHolidays = holidayYears(new Date()).flatMap((y) => [...bankHolidayDates(policy.hours.bankHolidays, y)]);
      // A corrupt stored roster is read as its valid entries, never passed on to break the checker.
      const roster = msg.classId ? await loadRoster(msg.classId).catch(() => []) : [];
      const pupils = msg.classId ? await classPupils(msg.classId) : undefined;
      // The word lists go with the policy, to a content script that has none yet: it checks nothing without a
      // policy, so it never checks without them either.
      return { ok: true, value: { policy, bankHolidays, roster, ...(pupils ? { pupils } : {}), ...(msg.lexicon ? { lexicon: BUNDLED_LEXICON } : {}) } };
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
    case 'popup-state': {
      void purgeIfDue(() => retentionDays.getValue());
      const state = await policyState();
      const timeZone = state.policy?.timeZone;
      // The last 36 hours, narrowed to today's date in the school's time zone; no count when storage fails.
      const since = new Date(Date.now() - 36 * 3_600_000).toISOString();
      // Sends held with their dialog still up on a page: held, not yet decided (HeldSummary.open).
      const openAt = await pendingHolds
        .getValue()
        .then((all) => Object.values(all ?? {}).map((h) => String(h?.event?.at ?? '')))
        .catch(() => [] as string[]);
      const today = timeZone
        ? await guardDb()
            .events.where('at')
            .above(since)
            .toArray()
            .then((events) => countToday(events, timeZone, new Date(), openAt))
            .catch(() => null)
        : null;
      // The week's held sends, by what the teacher did (the options page lists each, with its reason).
      const week = timeZone
        ? await guardDb()
            .events.where('at')
            .above(new Date(Date.now() - 7 * 86_400_000).toISOString())
            .toArray()
            .then((events) => weeklySummary(heldRows(events), new Date(), openAt))
            .catch(() => null)
        : null;
      const stored = await userRole.getValue().catch(() => null);
      // Installed by IT's policy is managed too, before (or without) IT's settings.
      const role = effectiveRole(stored, state.managed || (await installedByPolicy())) ?? null;
      const lost = !state.policy && !state.problems?.length && (await readSettingProblems().catch(() => [])).some((p) => p.setting === 'policyChoice');
      return { ok: true, value: { state, today, week, spot: await spotCheckOn.getValue().catch(() => false), role, ...(lost ? { lost: true as const } : {}) } };
    }
    case 'popup-spot':
      await spotCheckOn.setValue(msg.on);
      return { ok: true, value: msg.on };
    // The options page reads the policy this worker resolved, as the content scripts and the popup do, and
    // changes the edits through it: one resolution, published (policyChangedAt) by the worker alone.
    case 'policy-state':
      return { ok: true, value: await policyState() };
    case 'save-edits':
      return { ok: true, value: (await saveEdits(msg.patch)) ?? null };
    case 'reset-edits':
      await resetEdits();
      return { ok: true, value: true };
    case 'doctor-dismissed': {
      const keys = await doctorDismissed.getValue();
      if (msg.dismiss && !keys.includes(msg.key)) await doctorDismissed.setValue([...keys, msg.key].slice(-DISMISSED_MAX));
      return { ok: true, value: msg.dismiss === true || keys.includes(msg.key) };
    }
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

/** The spot-check record: read, add a scan, set an outcome, keep snippets or not (exports: the options page). */
async function handleSpot(msg: RequestOf<'spot-load' | 'spot-scan' | 'spot-outcome' | 'spot-snippets' | 'spot-note-load' | 'spot-note-save'>): Promise<unknown> {
  try {
    switch (msg.type) {
      case 'spot-load': {
        const names = await classNames();
        const className = names.get(msg.scope.classId);
        // Other classes' names, so the overlay tells two classes of one name apart ("Class 3 Oak (class id c9)").
        const otherNames = [...new Set([...names].filter(([id]) => id !== msg.scope.classId).map(([, n]) => n))].slice(0, 500);
        return { ok: true, value: (await loadSpot(msg.scope)) ?? null, ...(className ? { className } : {}), ...(otherNames.length ? { otherNames } : {}) };
      }
      case 'spot-scan':
        return written(await saveScan(msg.scope, msg.items));
      case 'spot-outcome':
        return written(await saveOutcome(msg.scope, msg.key, msg.outcome, msg.note));
      case 'spot-snippets':
        return written(await saveKeepSnippets(msg.scope, msg.keep));
      // The note frame's own reads and writes: the note never passes through ClassDojo's page.
      case 'spot-note-load': {
        const record = await loadSpot(msg.scope);
        return { ok: true, value: record?.findings.find((f) => f.key === msg.key)?.note ?? null };
      }
      case 'spot-note-save':
        return written(await saveNote(msg.scope, msg.key, msg.note));
    }
  } catch {
    return FAILED; // IndexedDB unavailable or full: the overlay says so, the page carries on
  }
}

/**
 * Messages between the content script and the background worker. Routing runs in the background so
 * franc-all's language data, the presets and the bank-holiday calendar never load into ClassDojo's pages;
 * the checker runs in the page (every keystroke) on the resolved policy the background hands it.
 *
 * One protocol map (`Protocol`): each request type, the request's shape and the answer's type. The
 * background trusts none of it: a ClassDojo page can make our content script send whatever the page shows
 * (authors, ids in the address, thousands of injected posts), so each request has a zod schema with every
 * field bounded, and each type may come only from the app that sends it (`SENDERS`). Anything else is
 * answered `{ ok: false, error: 'bad-request' }` (see `acceptRequest`).
 *
 * Content scripts import only types from here, so zod never loads into ClassDojo's pages.
 */
import { z } from 'zod';
import { CHANNELS, RULE_IDS, type Channel, type RuleId } from '../policy/vocab';
import type { Policy } from '../policy/schema';
import type { PolicyState } from './active-policy';
import type { PolicyProblem } from '../policy/parse';
import type { Role } from './role';
import { GATE_FRAME_PATH, NOTE_FRAME_PATH, ON_REQUEST_PATH, OPTIONS_PATH, POPUP_PATH } from './pages';
import type { parentHint, RouteResult } from '../routing/index';
import type { DoctorReport } from '../dojo/doctor';
import type { Outline } from '../dojo/outline';
import type { HeldSummary } from '../events/held';
import type { LexiconData } from '../rules/lexicon';
import type { Pupil } from '../rules/types';
import { OUTCOMES, type Outcome, type ScannedItem, type SpotRecord, type SpotView } from '../spot-check/record';
import type { SpotScope, SpotTrim } from './spot-store';

/** What the extension records for the leaders' view: never the message text. */
export interface GuardEvent {
  kind: 'override' | 'fix' | 'ignore' | 'blocked' | 'cancelled' | 'abandoned';
  /** The rule (for a held send: the first, most serious, of `rules`). */
  rule: RuleId;
  /**
   * A held send (the send gate's dialog): every rule it was held for, once each. One held send is one event,
   * whatever it was held for; `kind` is its outcome: `override` sent anyway with a reason, `cancelled` went
   * back to edit, `fix` fixed in the dialog, `abandoned` never sent: the dialog was still open when the page
   * was left, the tab closed, the composer went or the draft changed (issue #20). Absent for the panel's own
   * fixes and ignores.
   */
  rules?: RuleId[];
  /**
   * Of `rules`, those "Apply all fixes" cleared in the gate's dialog before the send was sent anyway or the
   * teacher went back to edit (a partly fixed held send). Absent when none was, and for `fix` (all were).
   */
  fixed?: RuleId[];
  channel: Channel;
  /** ISO time. */
  at: string;
  /** The teacher's reason, for an override. */
  reason?: string;
  /** The class (or school scope) the page belonged to, from its address: shown by its name where one is known. */
  classId?: string;
}

export type ParentHint = ReturnType<typeof parentHint>;

/** What the background answers; `error` when no policy is chosen or the request is malformed. */
/**
 * `invalid-policy`: a policy is chosen (or pushed by IT) but cannot be used; the settings page says why. With it,
 * `why` is the line the page's panel shows (the background decides, so the content script carries no more than
 * the key): `policyItBroken` when the school's IT's managed policy is why (lib/policy/it-policy.ts; only IT can
 * fix it, so the panel does not ask to choose one), else `policyUnusable`.
 */
export type Response<T> = { ok: true; value: T } | { ok: false; error: 'no-policy' | 'invalid-policy' | 'bad-request' | 'failed'; why?: 'policyItBroken' | 'policyUnusable' | 'policyUnreadable' };

/**
 * A change to the spot-check record. `trimmed` is there when a cap was reached and the oldest posts,
 * findings or records were dropped to store it, so the overlay can tell the leader.
 */
export type SpotWriteResponse = { ok: true; value: SpotRecord | null; trimmed?: SpotTrim } | Extract<Response<never>, { ok: false }>;

export type RouteIncomingResponse = Response<RouteResult>;
export type ParentHintResponse = Response<ParentHint>;
/**
 * The day's record (null before its first scan), with the class's name as the page last showed it for this
 * class id (lib/ext/classes.ts), so the overlay names the class it records for before the first scan.
 */
/** `otherNames`: the names known for every other class (at most 500), to tell same-name classes apart. */
export type SpotResponse = ({ ok: true; value: SpotRecord | null; className?: string; otherNames?: string[] } & { trimmed?: SpotTrim }) | Extract<Response<never>, { ok: false }>;
/**
 * The policy in force, the bank holidays of every year back to the retention limit and next year's, the
 * class's roster, `pupils` (the class's pupil tiles as the page last showed them, lib/ext/classes.ts, when
 * known), and (when asked with `lexicon: true`) the checker's word lists and sensitive terms
 * (lib/rules/lexicon.ts).
 */
export type PolicyResponse = Response<{ policy: Policy; bankHolidays: string[]; roster: Pupil[]; pupils?: number; lexicon?: LexiconData }>;

/** What the checks caught today in this browser, by kind (from the event record: counts only). */
export type TodayCounts = Record<GuardEvent['kind'], number>;
/**
 * The popup's view, from the background: the policy state and today's counts. The popup asks rather than
 * reads, so it carries neither the presets, the policy schema nor the database library (tests/size).
 */
export type PopupStateResponse = Response<PopupView>;
export interface PopupView {
  state: PolicyState;
  /** Today's held sends, by what the teacher did: the week's definition (lib/ext/handler.ts countToday). */
  today: HeldSummary | null;
  /** The last seven days' held sends, by what the teacher did (lib/events/held.ts). */
  week: HeldSummary | null;
  /** Whether the spot-check is on (the popup switches it with `popup-spot`). */
  spot: boolean;
  /** Who uses this browser (lib/ext/role.ts): null until someone chose. */
  role: Role | null;
  /**
   * The saved policy choice could not be read and was reset (lib/ext/settings.ts readSettingProblems): the popup
   * says the policy was lost, as the panel does, never that none was chosen yet (probe 14h H4). Absent otherwise.
   */
  lost?: true;
}

/** A pupil as the Classroom page's tiles give it: the page never knows consent, so it is not recorded. */
export interface PagePupil {
  first: string;
  last: string;
  photoConsent: null;
  inCare: boolean;
}

/** The protocol: each request type, what is sent, and what comes back. */
export interface Protocol {
  /**
   * Opens the settings; with `section: 'rosters'`, at that class's pupils and photo consent; with
   * `section: 'spot-history'`, at that spot-check's record in the history, where its CSV and JSON exports are
   * made (an extension page: a file made in ClassDojo's page is the page's to read or cancel, probe 14d #2).
   */
  'open-options': { request: { section?: 'rosters' | 'spot-history'; classId?: string; scope?: SpotScope }; response: Response<true> };
  'route-incoming': { request: { text: string; at: string }; response: RouteIncomingResponse };
  'parent-hint': { request: { text: string; at: string }; response: ParentHintResponse };
  'get-policy': { request: { classId?: string; lexicon?: boolean }; response: PolicyResponse };
  /**
   * `held`: the held send the event is about (lib/ext/held-pending.ts). With `hold: 'open'` the gate's dialog
   * has just opened: the background keeps the event (kind `abandoned`) and records it only if the tab closes
   * or leaves the page before an outcome comes; `hold: 'drop'`: closed with nothing to record (the send let
   * go as our dialog failed). Without `hold`, the outcome, recorded once.
   */
  'log-event': { request: { event: GuardEvent; held?: string; hold?: 'open' | 'drop' }; response: Response<true> };
  'save-roster': { request: { classId: string; pupils: PagePupil[] }; response: Response<number> };
  'class-seen': { request: { classId: string; name?: string; pupils?: number }; response: Response<boolean> };
  'spot-load': { request: { scope: SpotScope }; response: SpotResponse };
  'spot-scan': { request: { scope: SpotScope; items: ScannedItem[] }; response: SpotWriteResponse };
  'spot-outcome': { request: { scope: SpotScope; key: string; outcome?: Outcome; note?: string }; response: SpotWriteResponse };
  'spot-snippets': { request: { scope: SpotScope; keep: boolean }; response: SpotWriteResponse };
  'popup-state': { request: Record<never, never>; response: PopupStateResponse };
  /**
   * The options page's view of the policy in force: the background's resolution (lib/ext/active-policy.ts),
   * the one every page reads. The page asks again whenever `policyChangedAt` changes (the background
   * publishes each change there).
   */
  'policy-state': { request: Record<never, never>; response: Response<PolicyState> };
  /**
   * A change to the user's edits of the policy (objects merge, lists replace), checked by the background against
   * the policy in force before it is stored: the answer is the problems that kept it from being saved, or null
   * when it was saved.
   */
  'save-edits': { request: { patch: Record<string, unknown> }; response: Response<PolicyProblem[] | null> };
  /** Drops every edit: back to the chosen preset or file (and IT's settings). */
  'reset-edits': { request: Record<never, never>; response: Response<true> };
  'popup-spot': { request: { on: boolean }; response: Response<boolean> };
  /**
   * The page doctor's notice that the page no longer matches, dismissed by the teacher: `key` is the kind and
   * the page's route pattern with ids replaced (`no-composer teach.classdojo.com#/classes/{id}/story`). With
   * `dismiss`, remembered for the browser session (storage.session); the answer is whether it was dismissed
   * (probe 21e D10: a reload brought it back).
   */
  'doctor-dismissed': { request: { key: string; dismiss?: boolean }; response: Response<boolean> };
  'gate-reason': { request: GateReasonRequest; response: Response<true> };
  /** The note frame (entrypoints/spot-note) reads and writes the leader's note on one finding. */
  'spot-note-load': { request: { scope: SpotScope; key: string }; response: Response<string | null> };
  'spot-note-save': { request: { scope: SpotScope; key: string; note: string }; response: SpotWriteResponse };
  /**
   * The note frame lost the focus: passed on to the content script of its tab's top frame (SpotNoteRelay),
   * whose window never hears a frame of the page's taking the focus from ours (probe 14g).
   */
  'spot-note-blurred': { request: { frame: string }; response: Response<true> };
  /**
   * The content script's parts loaded only when asked for (the page doctor's report and outline, the
   * spot-check's overlay): the background injects `/on-request.js` into the sender's own frame.
   */
  'load-on-request': { request: Record<never, never>; response: Response<true> };
}

/**
 * What the gate's reason frame (entrypoints/gate-reason) says: it loaded or changed size (`height`, CSS px),
 * the teacher pressed Send anyway (`reason`), or Escape, or the frame lost the focus (`blurred`: a frame of the
 * page's may have taken it, which the page's own window never says). `nonce` is the held send's, from the frame's URL.
 */
export type GateReasonAction = 'ready' | 'size' | 'send' | 'escape' | 'blurred';
export interface GateReasonRequest {
  nonce: string;
  action: GateReasonAction;
  reason?: string;
  height?: number;
}

/** What the background passes on to the content script of a note frame's tab (top frame only): it lost the focus. */
export interface SpotNoteRelay {
  type: 'spot-note-relay';
  action: 'blurred';
  /** Which note frame: its address after `#`. */
  frame: string;
}

/** What the background passes on to the content script of the frame's tab (top frame only). */
export interface GateReasonRelay extends GateReasonRequest {
  type: 'gate-reason-relay';
}

/**
 * The other direction: what the extension's own pages (the popup) ask the content script of a ClassDojo tab,
 * through `tabs.sendMessage`. The content script answers only its own extension's pages
 * (lib/ext/page-request.ts, without zod, which never loads into ClassDojo's pages).
 */
export interface PageProtocol {
  /** "What Policy Guard can see here": the page doctor's report (lib/dojo/doctor.ts). */
  'page-doctor': { request: Record<never, never>; response: Response<DoctorReport> };
  /** "Copy a page outline for support" (lib/dojo/outline.ts). */
  'page-outline': { request: Record<never, never>; response: Response<Outline> };
}

export type PageRequestType = keyof PageProtocol;
export type PageRequestOf<K extends PageRequestType> = K extends PageRequestType ? { type: K } & PageProtocol[K]['request'] : never;
export type PageRequest = { [K in PageRequestType]: PageRequestOf<K> }[PageRequestType];

export type RequestType = keyof Protocol;
export type RequestOf<K extends RequestType> = K extends RequestType ? { type: K } & Protocol[K]['request'] : never;
export type ResponseOf<K extends RequestType> = Protocol[K]['response'];
/** Any request, as the content script sends it. */
export type Request = { [K in RequestType]: RequestOf<K> }[RequestType];

export const REQUEST_TYPES = ['open-options', 'route-incoming', 'parent-hint', 'get-policy', 'log-event', 'save-roster', 'class-seen', 'spot-load', 'spot-scan', 'spot-outcome', 'spot-snippets', 'gate-reason', 'spot-note-load', 'spot-note-save', 'spot-note-blurred', 'popup-state', 'popup-spot', 'policy-state', 'save-edits', 'reset-edits', 'load-on-request', 'doctor-dismissed'] as const satisfies readonly RequestType[];

/** The ClassDojo apps a request may come from, by the sender's origin. */
export const APP_ORIGINS = { teach: 'https://teach.classdojo.com', home: 'https://home.classdojo.com' } as const;
export type DojoApp = keyof typeof APP_ORIGINS;
/**
 * Who may send: a content script in one of the apps, the gate's reason frame inside a teachers' page, or the
 * extension's popup (its own page, never framed).
 */
export type SenderKind = DojoApp | 'gate-frame' | 'note-frame' | 'popup' | 'options';

export { GATE_FRAME_PATH, NOTE_FRAME_PATH, ON_REQUEST_PATH, OPTIONS_PATH, POPUP_PATH };

/**
 * Which app may send each request. Routing, rosters and the spot-check are the teachers' app's; the parent's
 * hint is the parents' app's; the policy, the event log and "choose a policy" are both apps'; the popup's
 * view and switch are the popup's only.
 */
export const SENDERS: { readonly [K in RequestType]: readonly SenderKind[] } = {
  'open-options': ['teach', 'home'],
  'route-incoming': ['teach'],
  'parent-hint': ['home'],
  'get-policy': ['teach', 'home'],
  'log-event': ['teach', 'home'],
  'save-roster': ['teach'],
  'class-seen': ['teach'],
  'spot-load': ['teach'],
  'spot-scan': ['teach'],
  'spot-outcome': ['teach'],
  'spot-snippets': ['teach'],
  'popup-state': ['popup'],
  'popup-spot': ['popup'],
  'policy-state': ['options'],
  'save-edits': ['options'],
  'reset-edits': ['options'],
  'gate-reason': ['gate-frame'],
  'spot-note-load': ['note-frame'],
  'spot-note-save': ['note-frame'],
  'spot-note-blurred': ['note-frame'],
  'load-on-request': ['teach', 'home'],
  'doctor-dismissed': ['teach', 'home'],
};

/**
 * Bounds on what a request may carry. Past one, the request is refused whole (the stored caps, which trim
 * instead, are in lib/spot-check/record.ts and lib/ext/spot-store.ts).
 */
export const LIMITS = {
  /**
   * The user's edits of the policy, as JSON: 1 MB (chrome.runtime messages carry up to 64 MB; a policy with
   * every setting edited, every template rewritten and a year of closures is under 100 KB).
   */
  policyEdits: 1_000_000,
  /** An incoming message or a parent's draft: only the first 20,000 characters are checked. */
  text: 100_000,
  /** An override's reason: 500 characters are kept. */
  reason: 2_000,
  /** A class's name as the page shows it (80 characters are kept). */
  className: 500,
  /** A pupil's first or last name on a Classroom tile. */
  name: 100,
  /** Pupils in one class (as lib/ext/rosters.ts keeps). */
  pupils: 2_000,
  /** Posts or messages in one scan: no more than one record holds. */
  scanItems: 1_000,
  /** Findings on one post. */
  itemFindings: 50,
  /** Findings in one scan: no more than one record holds. */
  scanFindings: 1_000,
  /** A post's id: ClassDojo's (24 hex) or our hash (`h` + base 36). */
  itemId: 128,
  /** A finding's key: the post's id, the rule and the span. */
  findingKey: 200,
  /** A staff name as the page shows it (80 characters are kept). */
  author: 500,
  /** A snippet as sent (80 characters are kept). */
  snippet: 200,
  /** A leader's note (the note field holds 1,000). */
  note: 1_000,
  /** A character offset into a post. */
  offset: 10_000_000,
  /** An ISO time. */
  isoTime: 40,
  /** How far a spot-check's date may be from the background's today, in days (time zones, midnight). */
  dateSkewDays: 2,
} as const;

/**
 * A class or school scope id. ClassDojo's class and school ids are 24-hex Mongo ObjectIds; the spot-check's
 * school scopes are `school` and `school-{schoolId}`; the test fixtures use short ids (`c1`, `s1`). One rule
 * covers them all and nothing else: letters, digits, `_` and `-`, 1 to 40 characters (no dots, slashes,
 * spaces or other scripts). A format cannot prove a class exists: a page may still invent well-formed ids,
 * which the per-class and total caps bound.
 */
export const CLASS_ID = /^[A-Za-z0-9_-]{1,40}$/;

const VIEWS = ['class-story', 'school-story', 'messaging'] as const satisfies readonly SpotView[];
const DAY_MS = 86_400_000;

/** No control or bidi-override characters in an id. */
const id = (max: number) => z.string().min(1).max(max).regex(/^[^\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+$/);
const isoTime = z.string().max(LIMITS.isoTime).refine((s) => Number.isFinite(Date.parse(s)), 'not a time');
const offset = z.number().int().min(0).max(LIMITS.offset);
const classId = z.string().regex(CLASS_ID);

/** A real calendar date near the background's today (the content script sends the school's today). */
const spotDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().startsWith(d) && Math.abs(t - Date.now()) <= (LIMITS.dateSkewDays + 1) * DAY_MS;
  }, 'not a date near today');

export const scopeSchema = z.object({ classId, view: z.enum(VIEWS), date: spotDate });

const scannedItemSchema = z.object({
  id: id(LIMITS.itemId),
  // An unreadable time or an empty name is dropped, not refused: the page may show either.
  postAt: z
    .string()
    .max(LIMITS.isoTime)
    .optional()
    .transform((s) => (s !== undefined && Number.isFinite(Date.parse(s)) ? new Date(s).toISOString() : undefined)),
  author: z.string().max(LIMITS.author).optional(),
  // textHash (lib/spot-check/record.ts): 32 bits in base 36.
  sig: z.string().regex(/^[0-9a-z]{1,7}$/).optional(),
  findings: z
    .array(z.object({ rule: z.enum(RULE_IDS), start: offset, end: offset, snippet: z.string().max(LIMITS.snippet).optional(), match: z.string().regex(/^[0-9a-z]{1,7}$/).optional() }))
    .max(LIMITS.itemFindings),
});

const guardEventSchema = z.object({
  kind: z.enum(['override', 'fix', 'ignore', 'blocked', 'cancelled', 'abandoned']),
  rule: z.enum(RULE_IDS),
  rules: z.array(z.enum(RULE_IDS)).max(RULE_IDS.length).optional(),
  fixed: z.array(z.enum(RULE_IDS)).max(RULE_IDS.length).optional(),
  // A strange address must not lose the record: an id that is not one is dropped, the event kept.
  classId: classId.optional().catch(undefined),
  channel: z.enum(CHANNELS),
  at: isoTime,
  reason: z.string().max(LIMITS.reason).optional(),
});

const request = <K extends RequestType, S extends z.ZodRawShape>(type: K, shape: S) => z.object({ type: z.literal(type), ...shape });

/** One schema per request type; each must produce the request's shape (checked by the type below). */
export const REQUEST_SCHEMAS = {
  'open-options': request('open-options', { section: z.enum(['rosters', 'spot-history']).optional(), classId: classId.optional().catch(undefined), scope: scopeSchema.optional() }),
  'route-incoming': request('route-incoming', { text: z.string().max(LIMITS.text), at: isoTime }),
  'parent-hint': request('parent-hint', { text: z.string().max(LIMITS.text), at: isoTime }),
  // A strange address must not disarm the checker: a class id that is not one just means no roster.
  'get-policy': request('get-policy', { classId: classId.optional().catch(undefined), lexicon: z.boolean().optional() }),
  'log-event': request('log-event', { event: guardEventSchema, held: z.string().regex(/^[0-9a-z-]{1,40}$/).optional(), hold: z.enum(['open', 'drop']).optional() }),
  'save-roster': request('save-roster', {
    classId,
    pupils: z
      .array(
        z.object({
          first: z.string().max(LIMITS.name),
          last: z.string().max(LIMITS.name),
          // The page cannot know consent: a roster from the page records none (neither given nor refused).
          photoConsent: z.null(),
          inCare: z.boolean(),
        }),
      )
      .max(LIMITS.pupils),
  }),
  'class-seen': request('class-seen', {
    classId,
    name: z.string().min(1).max(LIMITS.className).optional(),
    pupils: z.number().int().min(1).max(LIMITS.pupils).optional(),
  }),
  'spot-load': request('spot-load', { scope: scopeSchema }),
  'spot-scan': request('spot-scan', {
    scope: scopeSchema,
    items: z
      .array(scannedItemSchema)
      .max(LIMITS.scanItems)
      .refine((items) => items.reduce((n, i) => n + i.findings.length, 0) <= LIMITS.scanFindings, 'too many findings'),
  }),
  'spot-outcome': request('spot-outcome', {
    scope: scopeSchema,
    key: id(LIMITS.findingKey),
    outcome: z.enum(OUTCOMES).nullish().transform((o) => o ?? undefined),
    note: z.string().max(LIMITS.note).optional(),
  }),
  'spot-snippets': request('spot-snippets', { scope: scopeSchema, keep: z.boolean() }),
  'popup-state': request('popup-state', {}),
  'popup-spot': request('popup-spot', { on: z.boolean() }),
  'policy-state': request('policy-state', {}),
  // Edits are a policy's settings: checked in full by the background (lib/policy/resolve.ts); only the size here.
  'save-edits': request('save-edits', {
    patch: z.record(z.string(), z.unknown()).refine((patch) => JSON.stringify(patch).length <= LIMITS.policyEdits, 'edits too large'),
  }),
  'reset-edits': request('reset-edits', {}),
  'load-on-request': request('load-on-request', {}),
  // A kind and a route pattern: words, `{id}`, and an address's characters, no text of the page.
  'doctor-dismissed': request('doctor-dismissed', { key: z.string().max(200).regex(/^[a-z-]+ [a-z.]+#[A-Za-z0-9/{}._~-]*$/), dismiss: z.boolean().optional() }),
  'spot-note-load': request('spot-note-load', { scope: scopeSchema, key: id(LIMITS.findingKey) }),
  'spot-note-save': request('spot-note-save', { scope: scopeSchema, key: id(LIMITS.findingKey), note: z.string().max(LIMITS.note) }),
  // The frame's own address after `#` (its record's scope and finding's key, URI-encoded JSON), naming which.
  'spot-note-blurred': request('spot-note-blurred', { frame: z.string().max(4_000) }),
  'gate-reason': request('gate-reason', {
    // crypto.randomUUID(): 36 characters of hex and dashes.
    nonce: z.string().regex(/^[0-9a-f-]{36}$/),
    action: z.enum(['ready', 'size', 'send', 'escape', 'blurred']),
    reason: z.string().max(LIMITS.reason).optional(),
    height: z.number().int().min(0).max(2_000).optional(),
  }),
} satisfies { [K in RequestType]: z.ZodType<RequestOf<K>> };

/** What a message's sender is, as the browser reports it (runtime.MessageSender). */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  /** 0 for a tab's top frame. */
  frameId?: number;
  /** The sending document (Chromium 106+; Firefox gives none). */
  documentId?: string;
  tab?: { id?: number; url?: string };
}

/** The ClassDojo app a message came from: our own content script in a teach or home page, else undefined. */
export function senderApp(sender: Sender | undefined, runtimeId: string): DojoApp | undefined {
  if (!sender || !runtimeId || sender.id !== runtimeId) return undefined;
  let origin: string;
  try {
    origin = new URL(sender.url ?? '').origin;
  } catch {
    return undefined;
  }
  // Chrome also gives the frame's origin: both must agree.
  if (sender.origin !== undefined && sender.origin !== origin) return undefined;
  return (Object.keys(APP_ORIGINS) as DojoApp[]).find((app) => APP_ORIGINS[app] === origin);
}

/**
 * The kind of sender: our content script in a ClassDojo app (`senderApp`); our gate's reason frame or the
 * spot-check's note frame, each an extension page (our id, our scheme, its path) framed (not a top frame)
 * inside a teachers' app tab (only our content script can frame them: use_dynamic_url);
 * or, when `extensionOrigin` (this extension's own origin, `chrome-extension://<id>`) is given, our popup:
 * its page at that origin, as a top frame.
 */
export function senderKind(sender: Sender | undefined, runtimeId: string, extensionOrigin?: string): SenderKind | undefined {
  const app = senderApp(sender, runtimeId);
  if (app) return app;
  if (isOwnPage(sender, runtimeId, extensionOrigin, POPUP_PATH)) return 'popup';
  if (isOwnPage(sender, runtimeId, extensionOrigin, OPTIONS_PATH)) return 'options';
  if (!sender || !runtimeId || sender.id !== runtimeId || !sender.frameId || typeof sender.tab?.id !== 'number') return undefined;
  try {
    const url = new URL(sender.url ?? '');
    if (!/^(chrome|moz)-extension:$/.test(url.protocol) || new URL(sender.tab.url ?? '').origin !== APP_ORIGINS.teach) return undefined;
    return url.pathname === GATE_FRAME_PATH ? 'gate-frame' : url.pathname === NOTE_FRAME_PATH ? 'note-frame' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One of our own pages at `path` (the popup, the options page), top-level in our own origin, never framed in a
 * page. Compared as text: an extension address's origin is "null" to URL outside the browser.
 */
function isOwnPage(sender: Sender | undefined, runtimeId: string, extensionOrigin: string | undefined, path: string): boolean {
  if (!sender || !runtimeId || sender.id !== runtimeId || !extensionOrigin || !/^[a-z]+-extension:\/\/[^/]+$/.test(extensionOrigin)) return false;
  if (sender.frameId !== undefined && sender.frameId !== 0) return false; // never framed in a page
  if (sender.origin !== undefined && sender.origin !== extensionOrigin) return false;
  const url = sender.url ?? '';
  return url === `${extensionOrigin}${path}` || url.startsWith(`${extensionOrigin}${path}?`) || url.startsWith(`${extensionOrigin}${path}#`);
}

/**
 * The request, checked: a known type, from our content script in an app allowed to send it, and well formed
 * with every field in bounds. Undefined for anything else; never throws.
 */
export function acceptRequest(message: unknown, sender: Sender | undefined, runtimeId: string, extensionOrigin?: string): Request | undefined {
  try {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(REQUEST_TYPES as readonly string[]).includes(type)) return undefined;
    const kind = senderKind(sender, runtimeId, extensionOrigin);
    if (!kind || !SENDERS[type as RequestType].includes(kind)) return undefined;
    const parsed = REQUEST_SCHEMAS[type as RequestType].safeParse(message);
    return parsed.success ? (parsed.data as Request) : undefined;
  } catch {
    return undefined;
  }
}

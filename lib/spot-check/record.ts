/**
 * The record of a spot-check: what a senior leader reviewed on one class's page on one day, what was
 * found, and what they decided about each finding. Pure: the background worker stores it in Dexie, the
 * overlay and the options page show it, and the export is built from it.
 *
 * Privacy floor: a record holds counts, rule ids, post times, the staff author of a flagged post, the
 * leader's outcomes and notes. Text from a post or message is kept only as a short snippet, and only
 * while the leader has chosen to keep snippets; turning that off deletes the ones kept.
 */
import type { RuleId } from '../policy/schema';

export type SpotView = 'class-story' | 'school-story' | 'messaging';
export const OUTCOMES = ['resolved', 'no-issue', 'follow-up'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * What one record may hold. A record is rewritten whole on every change, and what it holds comes from a
 * ClassDojo page (which a page script can fill with anything), so it is bounded: past a cap the oldest
 * posts, with their findings, are dropped, and the write says how many (see `capRecord`).
 * - 1,000 posts or messages: a day's spot-check of one feed is tens of posts; a feed scrolled back for weeks
 *   is a few hundred.
 * - 1,000 findings: a finding per post, more than any real feed raises.
 * - 512 KB of JSON (characters): 1,000 posts with 1,000 findings, authors and outcomes come to about 250 KB,
 *   so only notes and snippets in bulk reach it. This bounds the cost of each rewrite.
 */
export const SNIPPET_MAX = 80;
export const NOTE_MAX = 1000;
export const AUTHOR_MAX = 80;
export const RECORD_ITEMS_MAX = 1000;
export const RECORD_FINDINGS_MAX = 1000;
export const RECORD_SIZE_MAX = 512 * 1024;

/**
 * One finding as recorded: one post and one rule (`${itemId}:${rule}`), however many words in the post
 * raise it ("diagnosed … ADHD" is one finding, one decision). The key is stable across reloads, edits of
 * the post and later checks of the class, which is how a leader's decision is carried (`priorOf`).
 */
export interface RecordedFinding {
  key: string;
  itemId: string;
  rule: RuleId;
  /** When the post or message was made (ISO), when the page shows it. */
  postAt?: string;
  /** The member of staff who posted it (the feed's header); parents' names are never recorded. */
  author?: string;
  /**
   * Always true with `author`: the name is what the page showed, not a checked identity (a page can show
   * any name). Exports say so (`author_source` = `page`).
   */
  authorFromPage?: true;
  outcome?: Outcome;
  note?: string;
  snippet?: string;
  /**
   * Short hashes of the words the finding is about (`textHash`, one per word span, at most 20). Never the
   * words, never exported; deleted with the record. `match` is the first (kept for records made before).
   */
  match?: string;
  matches?: string[];
  /** The post was edited after this finding was first recorded ("edited since checked"). */
  edited?: true;
  /** The post, edited, no longer raises it: kept for the leader's decision (always with `edited`). */
  gone?: true;
}

export interface SpotRecord {
  id?: number;
  /** One record per class, view and day: `${classId}|${view}|${date}`. */
  key: string;
  classId: string;
  /** The class's name as the page showed it when the record was last written (lib/dojo/class-name.ts). */
  className?: string;
  view: SpotView;
  /** The school's local date of the check, YYYY-MM-DD. */
  date: string;
  /** ISO times: first scan, and last change. Retention counts from `updatedAt`. */
  at: string;
  updatedAt: string;
  /** Ids of the posts and messages reviewed (opaque hashes or ClassDojo's ids, never text). */
  items: string[];
  findings: RecordedFinding[];
  keepSnippets: boolean;
  /** A hash of each reviewed item's text (`textHash`), by item id: how an edit is noticed, even after a reload. */
  sigs?: Record<string, string>;
  /** Length of the record as JSON when last written (indexed: the total across records is capped). */
  size?: number;
}

/** What the overlay reports after a scan: the items it reviewed and what each one raised. */
export interface ScannedItem {
  id: string;
  postAt?: string;
  author?: string;
  /** textHash of the item's text as scanned. */
  sig?: string;
  /** `match`: textHash of the words found (text.slice(start, end)). */
  findings: { rule: RuleId; start: number; end: number; snippet?: string; match?: string }[];
}

export function recordKey(classId: string, view: SpotView, date: string): string {
  return `${classId}|${view}|${date}`;
}

/**
 * The key of a finding: one post and one rule, `${itemId}:${rule}` (the unit counted and decided in the
 * overlay, the history, the chart and the exports). Records made before counted one finding per span
 * (`${itemId}:${rule}:${start}-${end}`); `normaliseRecord` folds those into this unit.
 */
export function findingKey(itemId: string, f: { rule: string }): string {
  return `${itemId}:${f.rule}`;
}

/**
 * One formatter per time zone: making an Intl.DateTimeFormat costs far more than formatting with it, and the
 * spot-check's summary asks for a date for every finding it lists, on every change (probe 17 R4: 10 s of a
 * growing feed's 35 s were spent making formatters here).
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The school's local date of an instant, YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  try {
    let format = dayFormats.get(timeZone);
    if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
    return format.format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/**
 * A stable id for a post or message the page gives no id for (ClassDojo publishes none in its markup):
 * FNV-1a over who posted it and when (the header's time stamp, to the minute or better), so the post keeps
 * its id, its leader's decisions and its "edited since checked" mark when its text is edited. Only when the
 * page shows no time is the text hashed too (such a post is a new post after an edit). Never stored as text.
 * Two posts by one author with the same time stamp share an id (counted once): a known limit.
 */
export function itemIdOf(parts: { author?: string; time?: string; text: string }): string {
  if (parts.time) return `t${textHash(`${parts.author ?? ''}\u0000${parts.time}`)}`;
  return `h${textHash(`${parts.author ?? ''}\u0000\u0000${parts.text}`)}`;
}

/** FNV-1a (32 bits) of a string, base 36: a short, stable fingerprint, not a way to keep the text. */
export function textHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function emptyRecord(classId: string, view: SpotView, date: string, now: string): SpotRecord {
  return { key: recordKey(classId, view, date), classId, view, date, at: now, updatedAt: now, items: [], findings: [], keepSnippets: false };
}

function snippetOf(s: string | undefined, keep: boolean): string | undefined {
  if (!keep || typeof s !== 'string') return undefined;
  const one = s.replace(/\s+/g, ' ').trim();
  return one ? one.slice(0, SNIPPET_MAX) : undefined;
}

/** A name as the page showed it, on one line, without control characters, at most AUTHOR_MAX characters. */
export function authorOf(s: string | undefined): string | undefined {
  if (typeof s !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const one = s.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  return one ? one.slice(0, AUTHOR_MAX) : undefined;
}

/**
 * What earlier checks of the same class (and view) knew, for a check on a later day: the text hash each
 * post had when it was last checked, and the findings recorded for it then, with the leader's decisions.
 * Built by `priorOf`; `mergeScan` carries the decisions over and marks a post edited since then.
 */
export interface Prior {
  sigs: Record<string, string>;
  /** By item id: the findings of the latest earlier record that reviewed the item. */
  findings: Map<string, RecordedFinding[]>;
}

/**
 * The prior of a check from the class's earlier records (any order; each normalised): for each post, what
 * the latest record that reviewed it held. A record dated the same day as the check is the check itself and
 * must not be passed.
 */
export function priorOf(records: SpotRecord[]): Prior {
  const sigs: Record<string, string> = {};
  const findings = new Map<string, RecordedFinding[]>();
  for (const r of [...records].sort((a, b) => a.date.localeCompare(b.date) || a.updatedAt.localeCompare(b.updatedAt)).map(normaliseRecord)) {
    const byItem = new Map<string, RecordedFinding[]>();
    for (const f of r.findings) byItem.set(f.itemId, [...(byItem.get(f.itemId) ?? []), f]);
    for (const id of r.items) {
      if (r.sigs?.[id] !== undefined) sigs[id] = r.sigs[id]!;
      findings.set(id, byItem.get(id) ?? []);
    }
  }
  return { sigs, findings };
}

/**
 * Records made before findings were counted per post and rule held one finding per span
 * (`${itemId}:${rule}:${start}-${end}`): folded here into one finding per post and rule, keeping a decision
 * (the first one made among them), every note, and the edited/gone marks (gone only if all were gone). The
 * same object when there is nothing to fold.
 */
export function normaliseRecord(record: SpotRecord): SpotRecord {
  if (record.findings.every((f) => f.key === findingKey(f.itemId, f))) {
    const keys = new Set(record.findings.map((f) => f.key));
    if (keys.size === record.findings.length) return record;
  }
  const byKey = new Map<string, RecordedFinding>();
  for (const f of record.findings) {
    const key = findingKey(f.itemId, f);
    const had = byKey.get(key);
    if (!had) {
      byKey.set(key, { ...f, key });
      continue;
    }
    const next: RecordedFinding = { ...had };
    if (!next.outcome && f.outcome) next.outcome = f.outcome;
    if (f.note && f.note !== had.note) next.note = (had.note ? `${had.note}\n${f.note}` : f.note).slice(0, NOTE_MAX);
    if (f.edited) next.edited = true;
    if (!f.gone) delete next.gone;
    const matches = [...new Set([...(had.matches ?? (had.match ? [had.match] : [])), ...(f.matches ?? (f.match ? [f.match] : []))])].slice(0, 20);
    if (matches.length) next.matches = matches;
    if (!next.snippet && f.snippet) next.snippet = f.snippet;
    byKey.set(key, next);
  }
  return { ...record, findings: [...byKey.values()] };
}

/**
 * Adds what a scan saw to a record. Items already reviewed are not counted twice; findings are one per
 * post and rule (`findingKey`), whichever words raise them, so a post's finding keeps the leader's outcome
 * and note however the words move in an edit. Snippets are kept only when the record keeps them.
 *
 * An item scanned again is scanned whole (a post edited after publishing is read again), and its findings
 * are now what this scan found. When the item's text differs from what was recorded (`sig`: in this record,
 * else in the class's earlier checks, `prior`), its findings are marked `edited` ("edited since checked");
 * a finding the leader decided on or noted that the post no longer raises stays, marked `gone`; other
 * findings the edit removed are dropped.
 *
 * A post this record has not reviewed yet takes the findings and decisions the latest earlier check
 * recorded for it (`prior`): a post decided last week stays decided, "No issue" included. A decision on a
 * finding the post no longer raises is carried only when this check finds the post edited.
 */
export function mergeScan(record: SpotRecord, scanned: ScannedItem[], now: string, prior?: Prior): SpotRecord {
  const base = normaliseRecord(record);
  const items = new Set(base.items);
  const sigs = { ...base.sigs };
  const byKey = new Map(base.findings.map((f) => [f.key, f]));
  for (const item of scanned) {
    const inRecord = items.has(item.id);
    const fromRecord = base.findings.filter((f) => f.itemId === item.id);
    const carried = !inRecord && fromRecord.length === 0;
    // From an earlier check: its decisions, never its own marks (they were about that check).
    const before: RecordedFinding[] = carried
      ? (prior?.findings.get(item.id) ?? []).map(({ edited: _e, gone: _g, ...f }) => (base.keepSnippets ? f : (({ snippet: _s, ...rest }) => rest)(f)))
      : fromRecord;
    const was = sigs[item.id] ?? (inRecord ? undefined : prior?.sigs[item.id]);
    const edited = item.sig !== undefined && was !== undefined && was !== item.sig;
    items.add(item.id);
    if (item.sig !== undefined) sigs[item.id] = item.sig;
    const rules = new Map<RuleId, ScannedItem['findings']>();
    for (const f of item.findings) rules.set(f.rule, [...(rules.get(f.rule) ?? []), f]);
    for (const old of fromRecord) byKey.delete(old.key);
    const found = new Set<string>();
    for (const [rule, spans] of rules) {
      const key = findingKey(item.id, { rule });
      found.add(key);
      const old = before.find((o) => o.key === key) ?? before.find((o) => o.rule === rule);
      const snippet = snippetOf(spans.find((f) => f.snippet)?.snippet, base.keepSnippets) ?? old?.snippet;
      const next: RecordedFinding = { ...old, key, itemId: item.id, rule };
      delete next.gone;
      const matches = [...new Set(spans.map((f) => f.match).filter((m): m is string => !!m))].slice(0, 20);
      if (matches.length) {
        next.match = matches[0];
        next.matches = matches;
      }
      if (edited) next.edited = true;
      if (item.postAt) next.postAt = item.postAt;
      const author = authorOf(item.author);
      if (author) {
        next.author = author;
        next.authorFromPage = true;
      }
      if (snippet) next.snippet = snippet;
      else delete next.snippet;
      byKey.set(key, next);
    }
    for (const old of before) {
      if (found.has(old.key) || [...rules.keys()].includes(old.rule)) continue;
      if (!(old.outcome || old.note)) continue;
      if (carried && !edited) continue;
      byKey.set(old.key, { ...old, ...(edited || old.edited ? { edited: true as const } : {}), gone: true as const });
    }
  }
  return { ...base, items: [...items], sigs, findings: [...byKey.values()], updatedAt: now };
}

/** The length of a record as JSON, without its stored `size` and `id`: what the caps measure. */
export function recordSize(record: SpotRecord): number {
  const { size: _size, id: _id, ...rest } = record;
  return JSON.stringify(rest).length;
}

/** What `capRecord` dropped to keep a record within its caps. */
export interface Dropped {
  items: number;
  findings: number;
}

/**
 * Keeps a record within RECORD_ITEMS_MAX, RECORD_FINDINGS_MAX and RECORD_SIZE_MAX by dropping the oldest
 * posts (the first reviewed) with their findings; findings of no listed post go first. Unchanged (the same
 * object) when it is within them.
 */
export function capRecord(record: SpotRecord): { record: SpotRecord; dropped: Dropped } {
  let size = recordSize(record);
  if (record.items.length <= RECORD_ITEMS_MAX && record.findings.length <= RECORD_FINDINGS_MAX && size <= RECORD_SIZE_MAX) {
    return { record, dropped: { items: 0, findings: 0 } };
  }
  const cost = (v: unknown) => JSON.stringify(v).length + 1; // and its comma
  const listed = new Set(record.items);
  const byItem = new Map<string, RecordedFinding[]>();
  let findings = record.findings.length;
  const orphans: RecordedFinding[] = [];
  for (const f of record.findings) {
    if (!listed.has(f.itemId)) orphans.push(f);
    else byItem.set(f.itemId, [...(byItem.get(f.itemId) ?? []), f]);
  }
  const over = (items: number) => items > RECORD_ITEMS_MAX || findings > RECORD_FINDINGS_MAX || size > RECORD_SIZE_MAX;
  const gone = new Set<RecordedFinding>();
  for (const f of orphans) {
    if (!over(record.items.length)) break;
    gone.add(f);
    findings--;
    size -= cost(f);
  }
  let drop = 0;
  while (drop < record.items.length && over(record.items.length - drop)) {
    const id = record.items[drop++]!;
    size -= cost(id);
    for (const f of byItem.get(id) ?? []) {
      gone.add(f);
      findings--;
      size -= cost(f);
    }
  }
  const kept = record.items.slice(drop);
  const next: SpotRecord = { ...record, items: kept, findings: record.findings.filter((f) => !gone.has(f)) };
  if (record.sigs) next.sigs = Object.fromEntries(kept.filter((id) => record.sigs![id] !== undefined).map((id) => [id, record.sigs![id]!]));
  return { record: next, dropped: { items: drop, findings: gone.size } };
}

/** Sets (or clears, with `undefined`) a finding's outcome and note. Unknown keys change nothing. */
export function setOutcome(record: SpotRecord, key: string, outcome: Outcome | undefined, note: string | undefined, now: string): SpotRecord {
  if (outcome !== undefined && !OUTCOMES.includes(outcome)) return record;
  let changed = false;
  const findings = record.findings.map((f) => {
    if (f.key !== key) return f;
    changed = true;
    const next: RecordedFinding = { ...f };
    delete next.outcome;
    delete next.note;
    if (outcome) next.outcome = outcome;
    // No note given: the one written in the note frame stays (entrypoints/spot-note), while there is an outcome.
    const kept = note === undefined && outcome ? f.note : note;
    const trimmed = typeof kept === 'string' ? kept.trim().slice(0, NOTE_MAX) : '';
    if (trimmed) next.note = trimmed;
    return next;
  });
  return changed ? { ...record, findings, updatedAt: now } : record;
}

/**
 * The leader's note on one finding (`key`), trimmed and cut to NOTE_MAX characters; an empty note deletes it.
 * The record unchanged when no finding has that key. Written from the note frame (entrypoints/spot-note).
 */
export function setNote(record: SpotRecord, key: string, note: string, now: string): SpotRecord {
  let changed = false;
  const findings = record.findings.map((f) => {
    if (f.key !== key) return f;
    changed = true;
    const next: RecordedFinding = { ...f };
    delete next.note;
    const trimmed = note.trim().slice(0, NOTE_MAX);
    if (trimmed) next.note = trimmed;
    return next;
  });
  return changed ? { ...record, findings, updatedAt: now } : record;
}

/** Turns snippet keeping on or off; off deletes every snippet already kept. */
export function setKeepSnippets(record: SpotRecord, keep: boolean, now: string): SpotRecord {
  const findings = keep ? record.findings : record.findings.map(({ snippet: _dropped, ...f }) => f);
  return { ...record, keepSnippets: keep, findings, updatedAt: now };
}

/**
 * Whether a finding is "something to look at": it is still in its post and no leader has ruled it "No issue".
 * The one definition the overlay (its counts, each post's badge, the folded tab), the history table
 * (`totals`), the exports and the chart (`checkReviews`) use. A finding with no decision yet counts.
 */
export function toLookAt(f: { gone?: boolean; outcome?: Outcome }): boolean {
  return !f.gone && f.outcome !== 'no-issue';
}

/** Each decided finding's outcome by its key (`findingKey`): what the overlay needs to apply `toLookAt`. */
export function ruledOutcomes(record: Pick<SpotRecord, 'findings'> | null | undefined): Map<string, Outcome> {
  const out = new Map<string, Outcome>();
  for (const f of record?.findings ?? []) if (f.outcome) out.set(f.key, f.outcome);
  return out;
}

export interface RecordTotals {
  posts: number;
  /** Findings still in their posts (a finding an edit removed is counted in `removed`, not here). */
  findings: number;
  /** Of `findings`, those ruled "No issue": shown apart ("5 findings, 2 ruled no issue"). */
  noIssue: number;
  /** Of `findings`, those still to look at (`toLookAt`): `findings - noIssue`, by rule in `toLookByRule`. */
  toLook: number;
  toLookByRule: Partial<Record<RuleId, number>>;
  /** Of `findings`, those in posts edited since they were checked. */
  edited: number;
  byRule: Partial<Record<RuleId, number>>;
  byOutcome: Record<Outcome | 'open', number>;
  /**
   * Findings an edit took out of their post, kept for the leader's decision (`gone`): listed apart in the
   * overlay, the history and the exports ("removed by an edit"), counted in none of the figures above.
   */
  removed: number;
}

/**
 * A record's counts, in findings per post and rule (legacy records folded by `normaliseRecord`). The one
 * definition the overlay, the history table and both exports use: a finding is counted while it is in its
 * post; one an edit removed is counted apart (`removed`).
 */
export function totals(record: SpotRecord): RecordTotals {
  record = normaliseRecord(record);
  const byRule: Partial<Record<RuleId, number>> = {};
  const byOutcome: Record<Outcome | 'open', number> = { resolved: 0, 'no-issue': 0, 'follow-up': 0, open: 0 };
  const toLookByRule: Partial<Record<RuleId, number>> = {};
  let edited = 0;
  let removed = 0;
  let toLook = 0;
  for (const f of record.findings) {
    if (f.gone) {
      removed++;
      continue;
    }
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    if (toLookAt(f)) {
      toLook++;
      toLookByRule[f.rule] = (toLookByRule[f.rule] ?? 0) + 1;
    }
    byOutcome[f.outcome ?? 'open']++;
    if (f.edited) edited++;
  }
  const findings = record.findings.length - removed;
  return { posts: record.items.length, findings, noIssue: findings - toLook, toLook, toLookByRule, edited, byRule, byOutcome, removed };
}

/**
 * What one check added to its class's picture (one record; see `checkReviews`):
 * - `posts`: posts (or messages) it reviewed for the first time;
 * - `edited`: posts reviewed at an earlier check whose text changed since (an edit can add a name);
 * - `flagged`: of those `posts + edited`, how many had at least one finding that counts;
 * - `findings`: their findings that count (per post and rule).
 * A finding counts while it is in its post at that check and is not ruled "No issue" in that check's record.
 * A decision made at a later check is that check's (it is carried to its record, `mergeScan`): it never moves
 * an earlier point, as an edit never does (probe 20e D3).
 */
export interface CheckReview {
  posts: number;
  edited: number;
  flagged: number;
  findings: number;
}

/**
 * One point of a trend line: one spot-check day of one class and one view (Class Story, School Story and
 * messages are separate lines), over the posts that check reviewed new or edited (`CheckReview`).
 * `rate` = flagged / (posts + edited), a share between 0 and 1: "3 of 5 posts had something to look at".
 * A post counted at one check is counted again only when it is edited; an edit after a check never changes
 * that check's point, so the line moves with practice, not with later edits.
 */
export interface TrendPoint extends CheckReview {
  date: string;
  rate: number;
}

/** The key of a trend line: one class and one view (`${classId}|${view}`). */
export const seriesKey = (classId: string, view: SpotView): string => `${classId}|${view}`;

/** A trend line's class id and view from its key (`seriesKey`); the class id may itself hold `|`. */
export function seriesOf(key: string): { classId: string; view: SpotView } {
  const cut = key.lastIndexOf('|');
  return { classId: key.slice(0, cut), view: key.slice(cut + 1) as SpotView };
}

/** What each record added to its class's picture (`CheckReview`), by record key. Records in any order. */
export function checkReviews(records: SpotRecord[]): Map<string, CheckReview> {
  const out = new Map<string, CheckReview>();
  const bySeries = new Map<string, SpotRecord[]>();
  for (const r of records) {
    const k = seriesKey(r.classId, r.view);
    bySeries.set(k, [...(bySeries.get(k) ?? []), normaliseRecord(r)]);
  }
  for (const list of bySeries.values()) {
    list.sort((a, b) => a.date.localeCompare(b.date) || a.at.localeCompare(b.at));
    const seen = new Set<string>();
    // Each post's text as the latest earlier check saw it (its hash).
    const sigs = new Map<string, string>();
    for (const r of list) {
      const byItem = new Map<string, RecordedFinding[]>();
      for (const f of r.findings) byItem.set(f.itemId, [...(byItem.get(f.itemId) ?? []), f]);
      let posts = 0;
      let edited = 0;
      let flagged = 0;
      let findings = 0;
      for (const id of new Set(r.items)) {
        const own = byItem.get(id) ?? [];
        const was = sigs.get(id);
        const sig = r.sigs?.[id];
        let counted: boolean;
        if (!seen.has(id)) {
          posts++;
          counted = true;
        } else {
          // Without both hashes (records made before them), the record's own "edited since checked" mark.
          counted = was !== undefined && sig !== undefined ? was !== sig : own.some((f) => f.edited && !f.gone);
          if (counted) edited++;
        }
        seen.add(id);
        if (sig !== undefined) sigs.set(id, sig);
        if (!counted) continue;
        // The decisions of this check's own record: one made at a later check (carried to that check's
        // record, not this one) never moves this point, so last week's exported report and the chart agree.
        const live = own.filter(toLookAt);
        findings += live.length;
        if (live.length) flagged++;
      }
      out.set(r.key, { posts, edited, flagged, findings });
    }
  }
  return out;
}

/**
 * Each class's and view's spot-checks in date order (`TrendPoint`), by `seriesKey`, for the history chart.
 * A check that reviewed nothing new or edited has no point.
 */
export function trendByClass(records: SpotRecord[]): Map<string, TrendPoint[]> {
  const reviews = checkReviews(records);
  const bySeries = new Map<string, TrendPoint[]>();
  for (const r of records) {
    const n = reviews.get(r.key);
    const k = seriesKey(r.classId, r.view);
    if (!bySeries.has(k)) bySeries.set(k, []);
    if (!n || n.posts + n.edited === 0) continue;
    bySeries.get(k)!.push({ date: r.date, ...n, rate: n.flagged / (n.posts + n.edited) });
  }
  return new Map(
    [...bySeries]
      .filter(([, points]) => points.length > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, points]) => [k, points.sort((a, b) => a.date.localeCompare(b.date))]),
  );
}

/** Only what a record may hold, from whatever was stored or sent: a corrupt entry is dropped, not shown. */
export function isSpotRecord(v: unknown): v is SpotRecord {
  const r = v as Partial<SpotRecord> | null;
  return (
    !!r &&
    typeof r.key === 'string' &&
    typeof r.classId === 'string' &&
    typeof r.date === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(r.date) &&
    Array.isArray(r.items) &&
    Array.isArray(r.findings) &&
    r.findings.every((f) => !!f && typeof f.key === 'string' && typeof f.rule === 'string')
  );
}

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

/** One finding as recorded. `key` is stable across reloads: the post's id, the rule and the span. */
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
   * A short hash of the words the finding is about (`textHash`): how the finding is recognised after the
   * post is edited and its words move. Never the words, never exported; deleted with the record.
   */
  match?: string;
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

export function findingKey(itemId: string, f: { rule: string; start: number; end: number }): string {
  return `${itemId}:${f.rule}:${f.start}-${f.end}`;
}

/** The school's local date of an instant, YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/**
 * A stable id for a post or message the page gives no id for: FNV-1a over its author, time and text. The
 * text is hashed, never stored; the same post gets the same id after a reload.
 */
export function itemIdOf(parts: { author?: string; time?: string; text: string }): string {
  return `h${textHash(`${parts.author ?? ''}\u0000${parts.time ?? ''}\u0000${parts.text}`)}`;
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
 * Adds what a scan saw to a record. Items already reviewed are not counted twice; a finding already
 * recorded keeps the leader's outcome and note. Snippets are kept only when the record keeps them.
 *
 * An item scanned again is scanned whole (a post edited after publishing is read again), and its findings
 * are now what this scan found, each matched to the one recorded before: the same key (post, rule, span),
 * else the same rule on the same words (`match`) in the same post, wherever the edit moved them; a recorded
 * finding is matched once, so nothing is counted twice. A match carries the outcome, note and snippet over.
 * When the item's text differs from what was recorded (`sig`, also after a reload), its findings are marked
 * `edited`; one the leader decided on or noted that the post no longer raises stays, `edited` and `gone`;
 * other findings the edit removed are dropped.
 */
export function mergeScan(record: SpotRecord, scanned: ScannedItem[], now: string): SpotRecord {
  const items = new Set(record.items);
  const sigs = { ...record.sigs };
  const byKey = new Map(record.findings.map((f) => [f.key, f]));
  for (const item of scanned) {
    items.add(item.id);
    const edited = item.sig !== undefined && sigs[item.id] !== undefined && sigs[item.id] !== item.sig;
    if (item.sig !== undefined) sigs[item.id] = item.sig;
    const before = record.findings.filter((f) => f.itemId === item.id);
    const unmatched = new Set(before);
    const found = item.findings.map((f) => ({ f, key: findingKey(item.id, f) }));
    const matched = new Map<string, RecordedFinding>();
    // Same key first (nothing moved), then the same rule on the same words, then (records made before
    // `match` was kept) the same rule in order.
    for (const tier of [(o: RecordedFinding, x: (typeof found)[number]) => o.key === x.key, (o: RecordedFinding, x: (typeof found)[number]) => o.rule === x.f.rule && o.match !== undefined && o.match === x.f.match, (o: RecordedFinding, x: (typeof found)[number]) => o.rule === x.f.rule && o.match === undefined]) {
      for (const x of found) {
        if (matched.has(x.key)) continue;
        const old = [...unmatched].find((o) => tier(o, x));
        if (old) {
          matched.set(x.key, old);
          unmatched.delete(old);
        }
      }
    }
    for (const old of before) if (!found.some((x) => x.key === old.key)) byKey.delete(old.key);
    for (const { f, key } of found) {
      const old = matched.get(key);
      const snippet = snippetOf(f.snippet, record.keepSnippets) ?? old?.snippet;
      const next: RecordedFinding = { ...old, key, itemId: item.id, rule: f.rule };
      delete next.gone;
      if (f.match) next.match = f.match;
      if (edited) next.edited = true;
      if (item.postAt) next.postAt = item.postAt;
      const author = authorOf(item.author);
      if (author) {
        next.author = author;
        next.authorFromPage = true;
      }
      if (snippet) next.snippet = snippet;
      byKey.set(key, next);
    }
    for (const old of unmatched) if (old.outcome || old.note) byKey.set(old.key, { ...old, ...(edited || old.edited ? { edited: true as const, gone: true as const } : { gone: true as const }) });
  }
  return { ...record, items: [...items], sigs, findings: [...byKey.values()], updatedAt: now };
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

export interface RecordTotals {
  posts: number;
  findings: number;
  /** Findings in posts edited since they were checked. */
  edited: number;
  byRule: Partial<Record<RuleId, number>>;
  byOutcome: Record<Outcome | 'open', number>;
}

export function totals(record: SpotRecord): RecordTotals {
  const byRule: Partial<Record<RuleId, number>> = {};
  const byOutcome: Record<Outcome | 'open', number> = { resolved: 0, 'no-issue': 0, 'follow-up': 0, open: 0 };
  let edited = 0;
  for (const f of record.findings) {
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    byOutcome[f.outcome ?? 'open']++;
    if (f.edited) edited++;
  }
  return { posts: record.items.length, findings: record.findings.length, edited, byRule, byOutcome };
}

/** A point of a class's trend: findings per post reviewed on one day (a breach ruled "no issue" does not count). */
export interface TrendPoint {
  date: string;
  posts: number;
  findings: number;
  rate: number;
}

/** Each class's spot-checks in date order, as findings per post, for the history chart. */
export function trendByClass(records: SpotRecord[]): Map<string, TrendPoint[]> {
  const byClass = new Map<string, Map<string, TrendPoint>>();
  for (const r of records) {
    const t = totals(r);
    const days = byClass.get(r.classId) ?? new Map<string, TrendPoint>();
    byClass.set(r.classId, days);
    const p = days.get(r.date) ?? { date: r.date, posts: 0, findings: 0, rate: 0 };
    p.posts += t.posts;
    p.findings += t.findings - t.byOutcome['no-issue'];
    p.rate = p.posts ? p.findings / p.posts : 0;
    days.set(r.date, p);
  }
  return new Map([...byClass].sort(([a], [b]) => a.localeCompare(b)).map(([c, days]) => [c, [...days.values()].sort((a, b) => a.date.localeCompare(b.date))]));
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

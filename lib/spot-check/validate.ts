/**
 * What the background accepts from a content script for the spot-check record. A ClassDojo page is not
 * trusted to send well-formed data (a page script can message our content script's world only through
 * it, but a bug can), so everything is checked and bounded before it reaches the database.
 */
import { RULE_IDS, type RuleId } from '../policy/vocab';
import { OUTCOMES, SNIPPET_MAX, type Outcome, type ScannedItem, type SpotView } from './record';
import type { SpotScope } from '../ext/spot-store';

const VIEWS: readonly SpotView[] = ['class-story', 'school-story', 'messaging'];
const MAX_ITEMS = 5000;
const MAX_FINDINGS = 100;

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

export function parseScope(v: unknown): SpotScope | undefined {
  const s = v as Partial<SpotScope> | null;
  if (!s || !str(s.classId, 100) || !VIEWS.includes(s.view as SpotView) || typeof s.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s.date)) return undefined;
  return { classId: s.classId, view: s.view as SpotView, date: s.date };
}

export function parseOutcome(v: unknown): Outcome | undefined | false {
  if (v === undefined || v === null) return undefined;
  return OUTCOMES.includes(v as Outcome) ? (v as Outcome) : false;
}

/** The scanned items, or undefined when the list as a whole is malformed; bad findings are dropped. */
export function parseScanned(v: unknown): ScannedItem[] | undefined {
  if (!Array.isArray(v) || v.length > MAX_ITEMS) return undefined;
  const out: ScannedItem[] = [];
  for (const raw of v) {
    const item = raw as Partial<ScannedItem> | null;
    if (!item || !str(item.id, 200) || !Array.isArray(item.findings)) continue;
    const findings = item.findings
      .slice(0, MAX_FINDINGS)
      .filter((f) => !!f && RULE_IDS.includes(f.rule as RuleId) && Number.isInteger(f.start) && Number.isInteger(f.end))
      .map((f) => ({ rule: f.rule, start: f.start, end: f.end, ...(typeof f.snippet === 'string' ? { snippet: f.snippet.slice(0, SNIPPET_MAX * 2) } : {}) }));
    const clean: ScannedItem = { id: item.id, findings };
    if (typeof item.postAt === 'string' && !Number.isNaN(Date.parse(item.postAt))) clean.postAt = new Date(item.postAt).toISOString();
    if (str(item.author, 200)) clean.author = item.author;
    out.push(clean);
  }
  return out;
}

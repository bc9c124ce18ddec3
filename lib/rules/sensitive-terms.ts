/**
 * Finds sensitive terms (data/sensitive-terms.json) in tokenised text. A term is matched on folded word
 * keys, so "Self-harm", "self harm" and "SELF HARM" are one term; acronyms must be typed in capitals.
 * Each match looks at no more than five words: linear in the length of the text.
 */
import termsData from './data/sensitive-terms.json';
import type { SensitiveCategory } from '../policy/schema';
import { foldKey, tokenize, type Token } from '../text/tokens';

export interface TermEntry {
  term: string;
  category: SensitiveCategory;
  lang: string;
  strength: 'strong' | 'context';
  match?: 'upper';
  notFollowedBy?: string[];
  note: string;
  source: string;
}

export interface TermMatch {
  entry: TermEntry;
  from: number;
  to: number;
  start: number;
  end: number;
}

export const TERMS = termsData.terms as TermEntry[];

/** Each term's words folded and joined: "self-harm" and "self harm" -> "selfharm". */
function termKey(term: string): string {
  return tokenize(term)
    .map((t) => t.key)
    .join('');
}

const BY_KEY = new Map<string, TermEntry[]>();
const PREFIXES = new Set<string>();
for (const entry of TERMS) {
  const key = termKey(entry.term);
  if (!key) continue;
  BY_KEY.set(key, [...(BY_KEY.get(key) ?? []), entry]);
  for (let n = 1; n <= key.length; n++) PREFIXES.add(key.slice(0, n));
}
const MAX_WORDS = 5;

function wordsJoined(t: Token): boolean {
  return /^[ \t\u00a0\-&]*$/.test(t.before);
}

export function findTerms(tokens: Token[], categories: ReadonlySet<SensitiveCategory>): TermMatch[] {
  const matches: TermMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    let best: TermMatch | undefined;
    for (let k = 0; k < MAX_WORDS && i + k < tokens.length; k++) {
      const t = tokens[i + k]!;
      if (k > 0 && !wordsJoined(t)) break;
      key += t.key;
      if (!PREFIXES.has(key)) break;
      for (const entry of BY_KEY.get(key) ?? []) {
        if (!categories.has(entry.category)) continue;
        const words = tokens.slice(i, i + k + 1);
        if (entry.match === 'upper' && words.some((w) => w.text !== w.text.toUpperCase())) continue;
        const after = tokens[i + k + 1];
        if (entry.notFollowedBy && after && entry.notFollowedBy.includes(after.key)) continue;
        best = { entry, from: i, to: i + k, start: tokens[i]!.start, end: t.end };
      }
    }
    if (best) {
      matches.push(best);
      i = best.to;
    }
  }
  return matches;
}

export { foldKey };

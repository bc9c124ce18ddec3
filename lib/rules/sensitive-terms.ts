/**
 * Finds sensitive terms (data/sensitive-terms.json) in tokenised text. A term is matched on folded word
 * keys with a light stemmer, so "Self-harm", "self harm" and "SELF HARMING", "restrained" and "restraining"
 * are one term; a few acronyms that are also words must be typed in capitals ("SEND", "SALT"). Welsh terms
 * are matched in their mutated forms too ("cynllun" -> "gynllun", "nghynllun", "chynllun").
 * Each match looks at no more than five words: linear in the length of the text.
 */
import termsData from './data/sensitive-terms.json';
import type { SensitiveCategory } from '../policy/schema';
import { stem } from '../text/phrases';
import { foldKey, tokenize, type Token } from '../text/tokens';

export interface TermEntry {
  term: string;
  category: SensitiveCategory;
  lang: string;
  strength: 'strong' | 'context';
  match?: 'upper';
  /** The word straight after that makes it something else: "looked after the hamster". */
  notFollowedBy?: string[];
  /** The word (or two) straight before that makes it something else: "raised money for the food bank". */
  notAfter?: string[];
  /** Words anywhere in the sentence that make it praise or a notice: "100% attendance, well done". */
  notWith?: string[];
  /** The words of the term the finding points at, when the phrase is longer: "was sick" -> "sick". */
  core?: string;
  /** What the finding calls it, where the category's own label would mislead ("Attendance information"). */
  label?: string;
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

const norm = (key: string) => stem(key);

/** Each term's words folded, stemmed and joined: "self-harm" and "self harming" -> "selfharm". */
function termKeys(entry: TermEntry): string[] {
  const words = tokenize(entry.term).map((t) => norm(t.key));
  if (!words.length) return [];
  const keys = [words.join('')];
  if (entry.lang === 'cym') for (const m of mutations(words[0]!)) keys.push([m, ...words.slice(1)].join(''));
  return keys;
}

/**
 * Welsh initial mutations of a word: soft (c->g, p->b, t->d, g->-, b->f, d->dd, ll->l, m->f, rh->r),
 * nasal (c->ngh, p->mh, t->nh, g->ng, b->m, d->n) and aspirate (c->ch, p->ph, t->th). "ei gynllun", "fy
 * nghynllun", "ei chynllun" are all "cynllun".
 */
export function mutations(word: string): string[] {
  const out: string[] = [];
  const rest = (n: number) => word.slice(n);
  if (word.startsWith('ll')) out.push(`l${rest(2)}`);
  else if (word.startsWith('rh')) out.push(`r${rest(2)}`);
  else if (word.startsWith('ch') || word.startsWith('ph') || word.startsWith('th')) return out;
  else if (word.startsWith('c')) out.push(`g${rest(1)}`, `ngh${rest(1)}`, `ch${rest(1)}`);
  else if (word.startsWith('p')) out.push(`b${rest(1)}`, `mh${rest(1)}`, `ph${rest(1)}`);
  else if (word.startsWith('t')) out.push(`d${rest(1)}`, `nh${rest(1)}`, `th${rest(1)}`);
  else if (word.startsWith('g')) out.push(rest(1), `ng${rest(1)}`);
  else if (word.startsWith('b')) out.push(`f${rest(1)}`, `m${rest(1)}`);
  else if (word.startsWith('d') && !word.startsWith('dd')) out.push(`dd${rest(1)}`, `n${rest(1)}`);
  else if (word.startsWith('m')) out.push(`f${rest(1)}`);
  return out.filter((m) => m.length >= 3);
}

const BY_KEY = new Map<string, TermEntry[]>();
const PREFIXES = new Set<string>();
for (const entry of TERMS) {
  for (const key of termKeys(entry)) {
    BY_KEY.set(key, [...(BY_KEY.get(key) ?? []), entry]);
    for (let n = 1; n <= key.length; n++) PREFIXES.add(key.slice(0, n));
  }
}
const MAX_WORDS = 5;
/** Which of a term's words its core is, as [first, last] word offsets: "was sick" -> [1, 1]. */
const CORES = new Map<TermEntry, [number, number]>();
for (const entry of TERMS) {
  if (!entry.core) continue;
  const words = tokenize(entry.term).map((t) => t.key);
  const core = tokenize(entry.core).map((t) => t.key);
  for (let at = 0; at + core.length <= words.length; at++) {
    if (core.every((k, j) => words[at + j] === k)) {
      CORES.set(entry, [at, at + core.length - 1]);
      break;
    }
  }
}

function wordsJoined(t: Token): boolean {
  return /^[ \t\u00a0\-&]*$/.test(t.before);
}

/** The one or two words before i, as "for the" and "the": what notAfter is compared with. */
function wordsBefore(tokens: Token[], i: number): string[] {
  const a = tokens[i - 1];
  if (!a || a.sentence !== tokens[i]!.sentence) return [];
  const b = tokens[i - 2];
  return b && b.sentence === a.sentence ? [a.key, `${b.key} ${a.key}`] : [a.key];
}

export function findTerms(tokens: Token[], categories: ReadonlySet<SensitiveCategory>): TermMatch[] {
  const matches: TermMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    let best: TermMatch | undefined;
    for (let k = 0; k < MAX_WORDS && i + k < tokens.length; k++) {
      const t = tokens[i + k]!;
      if (k > 0 && !wordsJoined(t)) break;
      key += norm(t.key);
      if (!PREFIXES.has(key)) break;
      for (const entry of BY_KEY.get(key) ?? []) {
        if (!categories.has(entry.category)) continue;
        if (entry.match === 'upper' && tokens.slice(i, i + k + 1).some((w) => w.text !== w.text.toUpperCase())) continue;
        const after = tokens[i + k + 1];
        if (entry.notFollowedBy && after && after.sentence === t.sentence && entry.notFollowedBy.includes(after.key)) continue;
        if (entry.notAfter && wordsBefore(tokens, i).some((w) => entry.notAfter!.includes(w))) continue;
        best = { entry, from: i, to: i + k, start: tokens[i]!.start, end: t.end };
        const core = entry.core ? CORES.get(entry) : undefined;
        if (core) best = { ...best, start: tokens[i + core[0]]!.start, end: tokens[i + core[1]]!.end };
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

/**
 * The compact form of the sensitive terms that the content script carries (data/sensitive-terms.runtime.json,
 * written by scripts/gen-rule-data.ts from the annotated data/sensitive-terms.json): each term a short tuple,
 * and each list of guard words ("notWith": praise words...) stored once and referred to by number.
 */
import type { SensitiveCategory } from '../policy/schema';
import type { TermEntry } from './sensitive-terms';

/** A term as the checker reads it: the annotated entry (sensitive-terms.ts) without its note and source. */
export type RuntimeTerm = Omit<TermEntry, 'note' | 'source'>;

export interface CompactTerms {
  /** Categories, by number. */
  c: string[];
  /** Languages, by number. */
  g: string[];
  /** Lists of words, by number. */
  l: string[][];
  /** [term, category, language, flags (1 context, 2 weak, 4 upper), extras?] */
  t: [string, number, number, number, Record<string, string | number>?][];
}

const LISTS = ['notFollowedBy', 'notAfter', 'notWith'] as const;
const TEXTS = ['core', 'label', 'labelId'] as const;

export function encodeTerms(terms: RuntimeTerm[]): CompactTerms {
  const c: string[] = [];
  const g: string[] = [];
  const l: string[][] = [];
  const index = <T>(table: T[], value: T, same: (a: T, b: T) => boolean = (a, b) => a === b) => {
    let i = table.findIndex((x) => same(x, value));
    if (i < 0) i = table.push(value) - 1;
    return i;
  };
  const t = terms.map((term): CompactTerms['t'][number] => {
    const flags = (term.strength === 'context' ? 1 : 0) | (term.weak ? 2 : 0) | (term.match === 'upper' ? 4 : 0);
    const extras: Record<string, string | number> = {};
    for (const k of LISTS) if (term[k]) extras[k] = index(l, term[k]!, (a, b) => a.join('|') === b.join('|'));
    for (const k of TEXTS) if (term[k]) extras[k] = term[k]!;
    const row: CompactTerms['t'][number] = [term.term, index(c, term.category as string), index(g, term.lang), flags];
    if (Object.keys(extras).length) row.push(extras);
    return row;
  });
  return { c, g, l, t };
}

export function decodeTerms(compact: CompactTerms): RuntimeTerm[] {
  return compact.t.map(([term, c, g, flags, extras]) => {
    const out: RuntimeTerm = { term, category: compact.c[c] as SensitiveCategory, lang: compact.g[g]!, strength: flags & 1 ? 'context' : 'strong' };
    if (flags & 2) out.weak = true;
    if (flags & 4) out.match = 'upper';
    for (const k of LISTS) if (extras?.[k] !== undefined) out[k] = compact.l[extras[k] as number]!;
    for (const k of TEXTS) if (extras?.[k] !== undefined) out[k] = extras[k] as string;
    return out;
  });
}

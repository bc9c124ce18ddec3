/**
 * A dictionary of phrases matched against tokenised text on folded word keys: "Won't be in",
 * "wont be in" and "WON'T BE IN" are one phrase. Each position looks at no more than `maxWords` words,
 * and only while the words read so far begin some phrase, so matching is linear in the text.
 */
import { tokenize, type Token } from './tokens';

export interface PhraseHit<T> {
  value: T;
  /** Word indexes of the first and last word matched. */
  from: number;
  to: number;
  start: number;
  end: number;
}

/**
 * A light English stemmer for matching only (never shown): plural -s, -ing and -ed come off, so
 * "antibiotic" finds "antibiotics" and "touch" finds "touched". Applied to phrases and text alike.
 */
export function stem(key: string): string {
  // At least five letters must remain: "touching" -> "touch", but "missing" stays (not "miss").
  if (key.length > 7 && key.endsWith('ing')) return key.slice(0, -3);
  if (key.length > 4 && key.endsWith('ed')) return key.slice(0, -2);
  if (key.length > 3 && key.endsWith('s') && !key.endsWith('ss')) return key.slice(0, -1);
  return key;
}

export class PhraseMatcher<T> {
  private byKey = new Map<string, T[]>();
  private prefixes = new Set<string>();
  private maxWords = 1;
  private readonly norm: (key: string) => string;

  constructor(entries: Iterable<[phrase: string, value: T]>, options: { stem?: boolean } = {}) {
    this.norm = options.stem ? stem : (k) => k;
    for (const [phrase, value] of entries) {
      const words = tokenize(phrase);
      const key = words.map((w) => this.norm(w.key)).join(' ');
      if (!key) continue;
      this.maxWords = Math.max(this.maxWords, words.length);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), value]);
      const parts = key.split(' ');
      for (let n = 1; n <= parts.length; n++) this.prefixes.add(parts.slice(0, n).join(' '));
    }
  }

  /** Every match, longest at each position, without overlaps. */
  findAll(tokens: Token[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      let key = '';
      let best: { k: number; values: T[] } | undefined;
      for (let k = 0; k < this.maxWords && i + k < tokens.length; k++) {
        const t = tokens[i + k]!;
        if (k > 0 && t.sentence !== tokens[i]!.sentence) break;
        key = k === 0 ? this.norm(t.key) : `${key} ${this.norm(t.key)}`;
        if (!this.prefixes.has(key)) break;
        const values = this.byKey.get(key);
        if (values) best = { k, values };
      }
      if (best) {
        for (const value of best.values) hits.push({ value, from: i, to: i + best.k, start: tokens[i]!.start, end: tokens[i + best.k]!.end });
        i += best.k;
      }
    }
    return hits;
  }
}

/**
 * The features the intent model reads from a parent's message: hashed word 1- and 2-grams, hashed
 * character 3- to 5-grams inside each word (robust to typos, text-speak and Welsh mutation: "ngwaith",
 * "gwaith"), word pairs by their joining letters (the last two or three letters of a word and the first
 * two or three of the next: "wont be" and "wnt be" share "nt be"), and the curated cue phrases of
 * data/intents.json, summed per intent. The same function
 * serves the trainer (scripts/train.ts) and the router, so the two can never disagree.
 *
 * Each feature carries the word it came from, so the words that pushed a message to its intent can be
 * shown to the teacher ("because it says ...").
 */
import intentsData from './data/intents.json';
import { QUERY_CATEGORIES, type QueryCategory } from '../policy/schema';
import firstNamesData from '../rules/data/first-names.json';
import nameWordsData from '../rules/data/name-words.json';
import { PhraseMatcher, type PhraseHit } from '../text/phrases';
import { foldKey, type Token } from '../text/tokens';

export interface Cue {
  intent: QueryCategory;
  lang: string;
  phrase: string;
  weight: number;
}

const CUES = intentsData.cues as Cue[];
export const CUE_MATCHER = new PhraseMatcher<Cue>(CUES.map((c) => [c.phrase, c]), { stem: true });

/** The hashed feature space: big enough that collisions are rare among the features kept. */
export const DIM = 1 << 20;

export interface Features {
  /** Hashed feature ids (may repeat: a repeated feature counts twice). */
  ids: number[];
  values: number[];
  /** The token each feature came from (-1: none, such as the bias). */
  from: number[];
}

export interface CueScan {
  /** Per intent, the cue weights found, summed. */
  scores: Partial<Record<QueryCategory, number>>;
  /** Per intent, the cue hits with positive weight, as typed. */
  hits: Partial<Record<QueryCategory, PhraseHit<Cue>[]>>;
}

/** The curated cues in the message: one phrase counts once per intent at a position. */
export function scanCues(text: string, tokens: Token[]): CueScan {
  const scores: Partial<Record<QueryCategory, number>> = {};
  const hits: Partial<Record<QueryCategory, PhraseHit<Cue>[]>> = {};
  const counted = new Set<string>();
  for (const hit of CUE_MATCHER.findAll(tokens)) {
    const cue = hit.value;
    // "I'll" folds to "ill": a one-word cue must not match a word that was typed with an apostrophe.
    if (hit.from === hit.to && /['\u2019]\p{L}/u.test(text.slice(hit.start, hit.end)) && !/['\u2019]/.test(cue.phrase)) continue;
    const key = `${hit.start}:${cue.intent}`;
    if (counted.has(key)) continue;
    counted.add(key);
    scores[cue.intent] = (scores[cue.intent] ?? 0) + cue.weight;
    if (cue.weight > 0) (hits[cue.intent] ??= []).push(hit);
  }
  return { scores, hits };
}

/** FNV-1a over a string, seeded by the feature kind. */
function fnv(seed: number, s: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SEED_WORD = 1;
const SEED_BIGRAM = 2;
const SEED_CHAR = 3;
const SEED_CUE = 4;
const SEED_PAIR = 5;
export const BIAS = 0;

/** First names that are not also ordinary words ("Will", "May", "Hope" stay words). */
const NAME_WORDS = new Set(nameWordsData.words.map((w) => foldKey(w.name)));
const FIRST_NAMES = new Set(firstNamesData.names.map((n) => foldKey(n)).filter((n) => !NAME_WORDS.has(n)));

/**
 * Group weights: how loud each kind of feature is against the others (tuned by cross-validation;
 * scripts/routing/tune.ts). Joining-letter pairs at 1: 0.874 out of fold with the two tiers against 0.867
 * without (4,434 messages), safeguarding recall 0.975 against 0.972; at 0.5 0.871, at 1.5 0.870.
 */
export const GROUPS = { words: 1, chars: 1, cues: 0.25, pairs: 1 };

/**
 * The folded word (lower case, no accents or apostrophes): "Won't" and "wont" are one word. A pupil's
 * first name is one feature, whoever the pupil: "Amelia is off" and "Jacob is off" are the same message.
 */
function wordKey(t: Token): string {
  return FIRST_NAMES.has(t.key) ? '#name' : t.key;
}

export function featurize(tokens: Token[], cues: CueScan): Features {
  const ids: number[] = [BIAS];
  const values: number[] = [1];
  const from: number[] = [-1];
  const n = tokens.length;
  // Words and word pairs: each group scaled to unit length, so a long message is not louder.
  const wordCount = n + Math.max(0, n - 1);
  const w = wordCount ? GROUPS.words / Math.sqrt(wordCount) : 0;
  for (let i = 0; i < n; i++) {
    const k = wordKey(tokens[i]!);
    ids.push(fnv(SEED_WORD, k) & (DIM - 1));
    values.push(w);
    from.push(i);
    if (i + 1 < n) {
      ids.push(fnv(SEED_BIGRAM, `${k} ${wordKey(tokens[i + 1]!)}`) & (DIM - 1));
      values.push(w);
      from.push(i);
    }
  }
  // Character 3- to 5-grams of " word ", hashed as they are read (no substrings made).
  const charStart = ids.length;
  for (let i = 0; i < n; i++) {
    // A word longer than any real one (a pasted link, a run of one letter) gives its first 30 letters only.
    const s = ` ${wordKey(tokens[i]!).slice(0, 30)} `;
    for (let a = 0; a + 3 <= s.length; a++) {
      let h = (0x811c9dc5 ^ SEED_CHAR) >>> 0;
      for (let b = a; b < a + 5 && b < s.length; b++) {
        h ^= s.charCodeAt(b);
        h = Math.imul(h, 0x01000193);
        if (b - a >= 2) {
          ids.push((h >>> 0) & (DIM - 1));
          values.push(1);
          from.push(i);
        }
      }
    }
  }
  const chars = ids.length - charStart;
  if (chars) {
    const c = GROUPS.chars / Math.sqrt(chars);
    for (let j = charStart; j < ids.length; j++) values[j] = c;
  }
  // Word pairs by their joining letters ("wont be", "wnt be"): a word pair that survives a typo in either word.
  if (GROUPS.pairs && n > 1) {
    const p = GROUPS.pairs / Math.sqrt(2 * (n - 1));
    for (let i = 0; i + 1 < n; i++) {
      const a = wordKey(tokens[i]!);
      const b = wordKey(tokens[i + 1]!);
      for (const k of [2, 3]) {
        ids.push(fnv(SEED_PAIR, `${a.slice(-k)} ${b.slice(0, k)}`) & (DIM - 1));
        values.push(p);
        from.push(i);
      }
    }
  }
  // The curated cues, per intent: the lexicon's judgement as evidence the model weighs.
  for (const intent of QUERY_CATEGORIES) {
    const score = cues.scores[intent];
    if (!score) continue;
    ids.push(fnv(SEED_CUE, intent) & (DIM - 1));
    values.push(GROUPS.cues * Math.max(-3, Math.min(3, score / 3)));
    from.push(cues.hits[intent]?.[0]?.from ?? -1);
  }
  return { ids, values, from };
}

/**
 * What a parent's message is about: a primary intent, any secondary ones, the words that drove it, and
 * how sure we are. A trained linear model (model.ts) reads hashed words, word pairs, character n-grams and
 * the curated cue phrases (data/intents.json); its probabilities are calibrated on held-out folds.
 *
 * Safeguarding has two tiers. A **disclosure** (the model's likeliest intent, and sure enough that the
 * alarm is earned) sends the teacher to the DSL now. A **concern** (the model or the cue lexicon above a
 * low bar) asks the teacher to read it as a possible safeguarding concern, with the DSL one click away.
 * Recall comes first; the tier-one bar keeps false alarms rare, because a false "go to the DSL now" teaches
 * teachers to ignore the alarm.
 */
import { QUERY_CATEGORIES, type QueryCategory } from '../policy/schema';
import { tokenize, type Token } from '../text/tokens';
import { featurize, scanCues, type CueScan } from './features';
import { shippedModel, type IntentModel } from './model';

export type SafeguardingLevel = 'disclosure' | 'concern';

export interface Classification {
  intent: QueryCategory;
  secondary: QueryCategory[];
  /** Calibrated probability of `intent` (for a safeguarding concern: of safeguarding). */
  confidence: number;
  /** The words, as the parent typed them, that drove the result. */
  cues: string[];
  /** Calibrated probability per intent. */
  scores: Partial<Record<QueryCategory, number>>;
  /** Safeguarding only: which tier. */
  level?: SafeguardingLevel;
  /** Below the model's confidence bar: the two likeliest intents, most likely first. */
  unsure?: [QueryCategory, QueryCategory];
}

/** A second intent the message also raises needs this probability. */
const SECONDARY_MIN = 0.2;
/** ... or one clear curated cue for it (cue weights are 1 to 6) that the model does not rule out: among its
 * three likeliest intents. (A probability floor broke as the model grew sure: a named trip beside a
 * certain absence is 0.001, yet the model's second choice.) */
const CUE_SECONDARY = 3;
const SECONDARY_CUE_RANK = 3;

export function classify(text: string, tokens: Token[] = tokenize(text.slice(0, 20_000)), model: IntentModel = shippedModel()): Classification {
  const cues = scanCues(text, tokens);
  const f = featurize(tokens, cues);
  const probs = model.probabilities(model.logits(f));
  const ranked = model.classes.map((c, i) => [c, probs[i]!] as const).sort((a, b) => b[1] - a[1]);
  const rank = new Map(ranked.map(([c], i) => [c, i]));
  const scores: Partial<Record<QueryCategory, number>> = {};
  for (const [c, p] of ranked) scores[c] = round(p);
  const th = model.thresholds;
  const [top, topP] = ranked[0]!;
  const pSafe = scores.safeguarding ?? 0;
  const lexicon = cues.scores.safeguarding ?? 0;

  let intent: QueryCategory = top;
  let level: SafeguardingLevel | undefined;
  let confidence = topP;
  if (top === 'safeguarding' && pSafe >= th.disclosure) {
    level = 'disclosure';
  } else if (pSafe >= th.concern || lexicon >= th.lexiconConcern) {
    intent = 'safeguarding';
    level = 'concern';
    confidence = pSafe;
  }
  // A second intent: likely enough by the model, or named by a clear cue the model does not rule out
  // ("won't be in on Friday so she will miss the trip"). A sick child's absence is part of the sickness.
  const secondary = ranked
    .filter(([c]) => c !== intent && c !== 'general' && c !== 'safeguarding' && !(intent === 'sickness' && c === 'absence'))
    .filter(([c, p]) => p >= SECONDARY_MIN || (level === 'concern' && c === top) || ((cues.scores[c] ?? 0) >= CUE_SECONDARY && rank.get(c)! < SECONDARY_CUE_RANK))
    .map(([c]) => c);
  const second = ranked[1]![0];
  const unsure = !level && topP < th.unsure ? ([top, second] as [QueryCategory, QueryCategory]) : undefined;
  return {
    intent,
    secondary,
    confidence: round(confidence),
    cues: because(text, tokens, cues, intent, model, f),
    scores,
    ...(level ? { level } : {}),
    ...(unsure ? { unsure } : {}),
  };
}

/**
 * The words to show as "because it says": the curated cue phrases for the intent where there are any
 * (a sickness message's absence words too), otherwise the words the model leaned on most.
 */
function because(text: string, tokens: Token[], cues: CueScan, intent: QueryCategory, model: IntentModel, f: ReturnType<typeof featurize>): string[] {
  const hits = [...(cues.hits[intent] ?? []), ...(intent === 'sickness' ? (cues.hits.absence ?? []) : [])].sort((a, b) => a.start - b.start);
  if (hits.length) return unique(hits.map((h) => text.slice(h.start, h.end)));
  if (!tokens.length) return [];
  const weight = model.contributions(f, intent, tokens.length);
  const best = [...weight.keys()]
    .filter((i) => weight[i]! > 0.05 && tokens[i]!.key.length > 1 && !FUNCTION_WORDS.has(tokens[i]!.key))
    .sort((a, b) => weight[b]! - weight[a]! || a - b)
    .slice(0, 3)
    .sort((a, b) => a - b);
  // Neighbouring words read as one phrase ("court order", not "court", "order").
  const phrases: string[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length) phrases.push(text.slice(tokens[run[0]!]!.start, tokens[run[run.length - 1]!]!.end));
    run = [];
  };
  for (const i of best) {
    if (run.length && i !== run[run.length - 1]! + 1) flush();
    run.push(i);
  }
  flush();
  return unique(phrases);
}

/** Small words that carry weight in the model but explain nothing to a teacher. */
const FUNCTION_WORDS = new Set(
  'the a an and or but so to of in on at for with from by about as is was are were be been being has have had do does did he she him her his hers they them their my me i you your we our us it its this that these those there here says said keeps will would can could should just not no yes very really also then than when what who how if theres im ive its dont cant wont got get'.split(' '),
);

const round = (p: number) => Math.round(p * 100) / 100;

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

export { QUERY_CATEGORIES };

/**
 * What a parent's message is about: a primary intent, any secondary ones, the words that drove it, and
 * how sure we are. Cues are data (data/intents.json) in English, Welsh, Polish and a few other home
 * languages; every language's cues are tried, since parents mix languages.
 */
import intentsData from './data/intents.json';
import { QUERY_CATEGORIES, type QueryCategory } from '../policy/schema';
import { PhraseMatcher } from '../text/phrases';
import { tokenize, type Token } from '../text/tokens';

export interface Cue {
  intent: QueryCategory;
  lang: string;
  phrase: string;
  weight: number;
}

export interface Classification {
  intent: QueryCategory;
  secondary: QueryCategory[];
  confidence: number;
  /** The words, as the parent typed them, that drove the result (counter-cues excluded). */
  cues: string[];
  scores: Partial<Record<QueryCategory, number>>;
}

const CUES = intentsData.cues as Cue[];
const MATCHER = new PhraseMatcher<Cue>(CUES.map((c) => [c.phrase, c]), { stem: true });

/** When two intents tie, the one a teacher most needs to act on first. */
const PRIORITY: QueryCategory[] = ['safeguarding', 'urgent', 'sickness', 'absence', 'medical', 'complaint', 'dinners', 'trip', 'clubs', 'lost-property', 'progress', 'general'];
/** A secondary intent needs this much evidence: one clear cue. */
const SECONDARY_MIN = 3;
/** Below this, an intent is not evidence enough to send the parent elsewhere ("Christmas jumper day"). */
const INTENT_MIN = 2;
/** Safeguarding cues adding up to this decide the message, whatever else it says. */
const SAFEGUARDING_DECIDES = 4;

export function classify(text: string, tokens: Token[] = tokenize(text)): Classification {
  const scores: Partial<Record<QueryCategory, number>> = {};
  const cueText = new Map<QueryCategory, string[]>();
  // One phrase counts once per intent, however many languages list it ("trip" is English and Welsh).
  const counted = new Set<string>();
  for (const hit of MATCHER.findAll(tokens)) {
    const cue = hit.value;
    const typed = text.slice(hit.start, hit.end);
    // "I'll" folds to "ill": a one-word cue must not match a word that was typed with an apostrophe.
    if (hit.from === hit.to && /['\u2019]\p{L}/u.test(typed) && !/['\u2019]/.test(cue.phrase)) continue;
    const key = `${hit.start}:${cue.intent}`;
    if (counted.has(key)) continue;
    counted.add(key);
    scores[cue.intent] = (scores[cue.intent] ?? 0) + cue.weight;
    if (cue.weight > 0) {
      // In place: copying the list on every cue is quadratic in a message that repeats one.
      const list = cueText.get(cue.intent);
      if (list) list.push(typed);
      else cueText.set(cue.intent, [typed]);
    }
  }
  // Thanks with no request in it is a thank-you, whatever it mentions ("thanks for the trip photos").
  const thanks = cueText.get('general')?.some((c) => /^(thank|thanks|cheers|ty|diolch|dzięk|dziek)/i.test(c));
  const request = /\?|\b(can|could|please|need|needs|how|when|what|is there|will you)\b/i.test(text);
  if (thanks && !request) {
    for (const intent of Object.keys(scores) as QueryCategory[]) {
      if (!['safeguarding', 'urgent', 'general'].includes(intent) && (scores[intent] ?? 0) <= 3) delete scores[intent];
    }
  }

  // A child off sick is a sickness message: the absence words are part of it, not a second intent.
  if ((scores.sickness ?? 0) >= 3 && (scores.absence ?? 0) > 0) {
    scores.sickness! += scores.absence!;
    cueText.set('sickness', [...(cueText.get('sickness') ?? []), ...(cueText.get('absence') ?? [])]);
    delete scores.absence;
  }
  // Any real safeguarding cue decides: recall matters more than anything else here.
  const ranked = (Object.entries(scores) as [QueryCategory, number][])
    .filter(([intent, s]) => s >= INTENT_MIN && intent !== 'general')
    .sort((a, b) => b[1] - a[1] || PRIORITY.indexOf(a[0]) - PRIORITY.indexOf(b[0]));
  const safeguarding = (scores.safeguarding ?? 0) >= SAFEGUARDING_DECIDES;
  if (safeguarding) ranked.sort((a, b) => (a[0] === 'safeguarding' ? -1 : b[0] === 'safeguarding' ? 1 : 0));

  if (ranked.length === 0) {
    const general = scores.general ?? 0;
    return {
      intent: 'general',
      secondary: [],
      confidence: general > 0 ? Math.min(0.95, 0.6 + 0.1 * general) : 0.5,
      cues: unique(cueText.get('general') ?? []),
      scores,
    };
  }
  const [top, topScore] = ranked[0]!;
  const second = ranked[1]?.[1] ?? 0;
  const secondary = ranked.slice(1).filter(([, s]) => s >= SECONDARY_MIN).map(([i]) => i);
  // Sure when the top intent has strong evidence and nothing close behind it.
  const confidence = Math.max(0.3, Math.min(0.99, 0.45 + 0.08 * topScore - 0.25 * (second / topScore)));
  return { intent: top, secondary, confidence: Math.round(confidence * 100) / 100, cues: unique(cueText.get(top) ?? []), scores };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

export { QUERY_CATEGORIES };

/**
 * Abusive, threatening or aggressive language in a parent's message, flagged apart from what the message
 * is about. The teacher is pointed to the school's conduct clause, and no suggested reply argues back.
 */
import conductData from './data/conduct.json';
import { PhraseMatcher } from '../text/phrases';
import type { Token } from '../text/tokens';

export type Conduct = 'threatening' | 'abusive' | 'aggressive';

const MATCHER = new PhraseMatcher<Conduct>([
  ...conductData.threatening.map((p): [string, Conduct] => [p, 'threatening']),
  ...conductData.abusive.map((p): [string, Conduct] => [p, 'abusive']),
  ...conductData.aggressive.map((p): [string, Conduct] => [p, 'aggressive']),
]);

/**
 * The most serious kind found, and the words that showed it (`cues`, quoted from the message); `capitals` when
 * the message is written mostly in capitals. Capitals and exclamation marks alone are not
 * abuse ("OFF TODAY WITH D&V!!!" is a worried parent): they only mark a message that already has
 * threatening, abusive or aggressive words in it as shouted.
 */
export function detectConduct(text: string, tokens: Token[]): { conduct: Conduct; cues: string[]; capitals?: true } | undefined {
  const hits = MATCHER.findAll(tokens);
  // Censored swearing ("f***", "sh*t") splits into words around the asterisks: look for it directly.
  const censored = /\b(f|sh|b)\*{2,}\w*/i.exec(text);
  const order: Conduct[] = ['threatening', 'abusive', 'aggressive'];
  const kinds = new Set(hits.map((h) => h.value));
  if (censored) kinds.add('abusive');
  const worst = order.find((k) => kinds.has(k));
  if (!worst) return undefined;
  const cues = hits.filter((h) => h.value === worst).map((h) => text.slice(h.start, h.end));
  if (worst === 'abusive' && censored) cues.push(censored[0]);
  const letters = text.replace(/[^A-Za-z]/g, '');
  // Shouted: a fact, not a quote (the cues are the parent's own words, quoted as written).
  const capitals = letters.length >= 20 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.7;
  return { conduct: worst, cues, ...(capitals ? { capitals: true as const } : {}) };
}

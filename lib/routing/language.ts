/**
 * Which language a parent wrote in, as an ISO 639-3 code. franc-all, restricted to the languages the
 * school declares plus those Policy Guard has cue lists for, and English unless another language clearly
 * wins: unrestricted detection of one-line messages is unreliable (shared/docs/toolchain.md). franc-all's
 * data is large: this module is for the background worker and the CLI, never the content script.
 */
import { francAll } from 'franc-all';

/** Languages with their own cue lists in data/intents.json. */
export const CUE_LANGUAGES = ['eng', 'cym', 'pol'];

/** Letters that only some of the candidate languages use: strong evidence in a short message. */
const MARKERS: Record<string, RegExp> = {
  pol: /[ąęłńśźżĄĘŁŃŚŹŻ]|\b(jest|jestem|nie|czy|jak|ile|dzisiaj|bardzo|kosztuje|radzi|szkoły|szkole|proszę|prosze|się|sie)\b/i,
  cym: /[ŵŷâ]|\b(yn|yw|oes|angen|gyda|sut|faint|ydy|dw|rydw|eich|yfory|gwelwch|heddiw|diolch|ddim|mae|fydd|ysgol|bore)\b/i,
};

export function detectLanguage(text: string, declared: readonly string[]): string {
  const candidates = [...new Set(['eng', ...declared, ...CUE_LANGUAGES])];
  const sample = text.slice(0, 2_000);
  const words = sample.trim().split(/\s+/).filter(Boolean).length;
  const ranked = francAll(sample, { only: candidates, minLength: 1 });
  const [top, topScore] = ranked[0] ?? ['und', 0];
  // Two or more of a language's own words or letters outweigh a trigram score on a short line.
  for (const [lang, marker] of Object.entries(MARKERS)) {
    if (!candidates.includes(lang)) continue;
    const hits = new Set(sample.match(new RegExp(marker.source, 'gi'))?.map((m) => m.toLowerCase()));
    if (hits.size >= 2) return lang;
  }
  if (top === 'und' || topScore === 0) return 'eng';
  if (top === 'eng') return 'eng';
  const eng = ranked.find(([l]) => l === 'eng')?.[1] ?? 0;
  // Welsh and Polish must show their own words or letters, not only a better score: trigram scores on a
  // line of English are close enough to mislead.
  if (MARKERS[top]) return MARKERS[top].test(sample) ? top : 'eng';
  void words;
  return eng >= 0.85 ? 'eng' : top;
}

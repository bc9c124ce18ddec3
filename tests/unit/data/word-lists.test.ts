/**
 * Every curated word list reads each entry once after folding (issue #15): two spellings that fold to the same
 * key ("won't be in" and "wont be in", "Siân" and "Sian", "epi-pen" and "epipen") are one entry to the matcher,
 * so a second copy only hides which weight, category or note is the one in force. Keys are made as each list's
 * matcher makes them: lib/text/tokens.ts `tokenize` (folded words), stemmed where the matcher stems (the
 * router's cues, lib/routing/features.ts). A one-word cue typed with an apostrophe is matched apart from one
 * without ("I'll" is not "ill": lib/routing/features.ts scanCues), so the two may both stand.
 */
import { describe, expect, it } from 'vitest';
import conduct from '../../../lib/routing/data/conduct.json';
import intents from '../../../lib/routing/data/intents.json';
import firstNames from '../../../lib/rules/data/first-names.json';
import givenNames from '../../../lib/rules/data/given-names.json';
import givenNamesExtra from '../../../lib/rules/data/given-names-extra.json';
import nameWords from '../../../lib/rules/data/name-words.json';
import sensitive from '../../../lib/rules/data/sensitive-terms.json';
import surnames from '../../../lib/rules/data/surnames.json';
import wellKnown from '../../../lib/rules/data/well-known-people.json';
import { stem } from '../../../lib/text/phrases';
import { tokenize } from '../../../lib/text/tokens';

const folded = (phrase: string, stemmed = false) =>
  tokenize(phrase)
    .map((w) => (stemmed ? stem(w.key) : w.key))
    .join(' ');

/** The entries of `list` whose key (by `keyOf`) an earlier entry already has, as "earlier ~ later". */
function repeats<T>(list: readonly T[], keyOf: (x: T) => string, show: (x: T) => string): string[] {
  const first = new Map<string, T>();
  const out: string[] = [];
  for (const x of list) {
    const k = keyOf(x);
    const before = first.get(k);
    if (before === undefined) first.set(k, x);
    else out.push(`${show(before)} ~ ${show(x)}`);
  }
  return out;
}

describe('curated word lists hold each entry once after folding', () => {
  it('the router’s cues (per intent, stemmed as the cue matcher stems)', () => {
    const apostrophe = (p: string) => (!p.trim().includes(' ') && /['\u2019]/.test(p) ? "'" : '');
    expect(repeats(intents.cues, (c) => `${c.intent}|${folded(c.phrase, true)}${apostrophe(c.phrase)}`, (c) => `${c.intent}: ${c.phrase} (${c.weight})`)).toEqual([]);
  });

  it('the conduct phrases (abusive, threatening, aggressive)', () => {
    const all = Object.entries(conduct as Record<string, unknown>).flatMap(([kind, v]) => (Array.isArray(v) ? v.map((p) => ({ kind, p: String(p) })) : []));
    expect(all.length).toBeGreaterThan(20);
    expect(repeats(all, (x) => folded(x.p), (x) => `${x.kind}: ${x.p}`)).toEqual([]);
  });

  it('the sensitive terms (per language)', () => {
    expect(repeats(sensitive.terms, (t) => `${t.lang}|${folded(t.term)}`, (t) => `${t.term} (${t.category})`)).toEqual([]);
  });

  it('the name lists', () => {
    expect(repeats(firstNames.names, (n) => folded(n), (n) => n)).toEqual([]);
    expect(repeats(nameWords.words, (w) => folded(w.name), (w) => w.name)).toEqual([]);
    expect(repeats(wellKnown.people, (p) => folded(p.name), (p) => p.name)).toEqual([]);
    for (const group of givenNamesExtra.groups) {
      const names = group.names.split(/\s+/).filter(Boolean);
      expect(repeats(names, (k) => folded(k), (k) => k), `given names of UK classrooms, ${group.lang}`).toEqual([]);
    }
    // The per-locale lists (a name may stand in two locales' lists: Aaron is Polish and English).
    for (const [what, table] of [['given names', givenNames.names], ['surnames', surnames.names]] as const) {
      for (const [locale, list] of Object.entries(table as Record<string, string>)) {
        const names = list.split(/\s+/).filter(Boolean);
        expect(names.length, `${what}, ${locale}`).toBeGreaterThan(50);
        expect(repeats(names, (k) => folded(k), (k) => k), `${what}, ${locale}`).toEqual([]);
      }
    }
  });

  it('finds a folded repeat (the check itself is not blind)', () => {
    const cues = [
      { intent: 'absence', phrase: "won't be in", weight: 3 },
      { intent: 'absence', phrase: 'Wont be IN', weight: 2 },
      { intent: 'dinners', phrase: 'wont be in', weight: 1 },
    ];
    expect(repeats(cues, (c) => `${c.intent}|${folded(c.phrase, true)}`, (c) => c.phrase)).toEqual(["won't be in ~ Wont be IN"]);
    expect(repeats(['Siân', 'Sian', 'Chloé', 'Chloe', 'Zoe'], (n) => folded(n), (n) => n)).toEqual(['Siân ~ Sian', 'Chloé ~ Chloe']);
  });
});

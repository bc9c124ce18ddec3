import { describe, expect, it } from 'vitest';
import givenExtra from '../../../lib/rules/data/given-names-extra.json';
import givenNames from '../../../lib/rules/data/given-names.json';
import nameWords from '../../../lib/rules/data/name-words.json';
import surnames from '../../../lib/rules/data/surnames.json';
import terms from '../../../lib/rules/data/sensitive-terms.json';
import wellKnown from '../../../lib/rules/data/well-known-people.json';
import { SENSITIVE_CATEGORIES } from '../../../lib/policy/vocab';
import { expandTerm, mutations } from '../../../lib/rules/sensitive-terms';

// Word lists are data with a note and a source for each entry, and no duplicates (as retext-equality keeps them).
describe('rule data', () => {
  it('gives every sensitive term a category, a note and a source, once', () => {
    const seen = new Set<string>();
    for (const t of terms.terms as { term: string; lang: string; category: string; note: string; source: string; core?: string }[]) {
      expect(SENSITIVE_CATEGORIES, t.term).toContain(t.category);
      expect(t.note.length, t.term).toBeGreaterThan(5);
      expect(t.source.length, t.term).toBeGreaterThan(5);
      const key = `${t.lang}:${t.term.toLowerCase()}:${t.category}`;
      expect(seen.has(key), `duplicate ${key}`).toBe(false);
      seen.add(key);
      if (t.core) for (const term of expandTerm(t.term)) expect(expandTerm(t.core).some((c) => term.toLowerCase().includes(c.toLowerCase())), `${term}: ${t.core}`).toBe(true);
      // Only letters make words: "1:1 support" would be read as "support", and flag every "support".
      for (const term of expandTerm(t.term)) expect(term, 'a term of letters only').toMatch(/^[\p{L}\p{M}' &\u2019-]+$/u);
    }
    expect(new Set((terms.terms as { lang: string }[]).map((t) => t.lang))).toEqual(new Set(['eng', 'cym']));
  });

  it('gives every name list a source', () => {
    expect(givenNames.source).toMatch(/faker/);
    expect(surnames.source).toMatch(/faker/);
    for (const g of [...givenExtra.groups, ...givenExtra.surnameGroups]) expect(g.source.length, g.lang).toBeGreaterThan(10);
    for (const w of nameWords.words) expect(w.note.length, w.name).toBeGreaterThan(3);
    for (const p of wellKnown.people) expect(p.note.length, p.name).toBeGreaterThan(3);
    const words = nameWords.words.map((w) => w.name);
    expect(new Set(words).size).toBe(words.length);
  });

  it('spells out a term\'s alternatives', () => {
    expect(expandTerm('(broken|broke) (his|her) arm')).toEqual(['broken his arm', 'broken her arm', 'broke his arm', 'broke her arm']);
    expect(expandTerm('asthma')).toEqual(['asthma']);
  });

  it('mutates Welsh words as Welsh does', () => {
    expect(mutations('cynllun')).toEqual(['gynllun', 'nghynllun', 'chynllun']);
    expect(mutations('gwahardd')).toEqual(['wahardd', 'ngwahardd']);
    expect(mutations('llau')).toEqual(['lau']);
  });
});

import runtime from '../../../lib/rules/data/sensitive-terms.runtime.json';
import { decodeTerms, encodeTerms, type CompactTerms } from '../../../lib/rules/term-codec';
import { runtimeTerms } from '../../../scripts/gen-rule-data';

describe('runtime rule data', () => {
  it('is sensitive-terms.json without its notes (run `npx tsx scripts/gen-rule-data.ts` after editing the terms)', () => {
    expect(decodeTerms(runtime as unknown as CompactTerms)).toEqual(runtimeTerms(terms.terms));
  });
  it('decodes what it encodes', () => {
    const few = runtimeTerms(terms.terms).slice(0, 50);
    expect(decodeTerms(encodeTerms(few))).toEqual(few);
  });
});

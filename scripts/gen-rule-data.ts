/**
 * Writes lib/rules/data/sensitive-terms.runtime.json: the terms of sensitive-terms.json in the compact form
 * of lib/rules/term-codec.ts, without the notes and sources (which stay in the annotated file, for people).
 * The content script carries the runtime file to every ClassDojo page, so it is kept small. Run after
 * editing the terms: `npx tsx scripts/gen-rule-data.ts`; a unit test fails while the two files disagree.
 */
import { writeFileSync } from 'node:fs';
import terms from '../lib/rules/data/sensitive-terms.json';
import { encodeTerms, type RuntimeTerm } from '../lib/rules/term-codec';

/** The checker's view of the annotated terms: each without its note and source. */
export function runtimeTerms(annotated: typeof terms.terms): RuntimeTerm[] {
  return annotated.map((t) => {
    const { note: _note, source: _source, ...rest } = t as typeof t & { note: string; source: string };
    return rest as RuntimeTerm;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = encodeTerms(runtimeTerms(terms.terms));
  writeFileSync(new URL('../lib/rules/data/sensitive-terms.runtime.json', import.meta.url), `${JSON.stringify(out)}\n`);
  console.log('sensitive-terms.runtime.json', out.t.length, 'terms,', out.l.length, 'word lists');
}

/**
 * The word lists and sensitive terms built in (lib/rules/data), without their notes and sources, installed
 * on import. Imported by every context that checks on its own: the CLI, the background, the options page,
 * tests and scripts. Not by the content script, which is sent these by the background (lexicon.ts).
 */
// Named imports of the lists only: a bundle then leaves out each file's `note` and `source` (Vite's JSON
// named exports are tree-shaken), which no check reads.
import { names as firstNames } from './data/first-names.json';
import { names as givenNames } from './data/given-names.json';
import { groups as givenGroups, surnameGroups } from './data/given-names-extra.json';
import { lists as nameContextLists } from './data/name-context.json';
import { words as nameWords } from './data/name-words.json';
import { names as surnames } from './data/surnames.json';
import termsData from './data/sensitive-terms.runtime.json';
import { people as wellKnownPeople } from './data/well-known-people.json';
import { installLexicon, type LexiconData } from './lexicon';
import type { CompactTerms } from './term-codec';

const spaced = (lists: Record<string, string>) => Object.values(lists).flatMap((l) => l.split(' '));

export const BUNDLED_LEXICON: LexiconData = {
  givenNames: [...firstNames, ...spaced(givenNames), ...givenGroups.flatMap((g) => g.names.split(' '))],
  surnames: [...spaced(surnames), ...surnameGroups.flatMap((g) => g.names.split(' '))],
  nameWords: nameWords.map((w) => ('wordAfter' in w ? { name: w.name, wordAfter: (w as { wordAfter: string[] }).wordAfter } : { name: w.name })),
  wellKnown: wellKnownPeople.map((p) => p.name),
  nameContext: Object.fromEntries(Object.entries(nameContextLists).map(([list, { words }]) => [list, words])),
  terms: termsData as unknown as CompactTerms,
};

installLexicon(BUNDLED_LEXICON);

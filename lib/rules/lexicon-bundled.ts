/**
 * The word lists and sensitive terms built in (lib/rules/data), without their notes and sources, installed
 * on import. Imported by every context that checks on its own: the CLI, the background, the options page,
 * tests and scripts. Not by the content script, which is sent these by the background (lexicon.ts).
 */
import firstNamesData from './data/first-names.json';
import givenNamesData from './data/given-names.json';
import givenExtraData from './data/given-names-extra.json';
import nameContextData from './data/name-context.json';
import nameWordsData from './data/name-words.json';
import surnamesData from './data/surnames.json';
import termsData from './data/sensitive-terms.runtime.json';
import wellKnownData from './data/well-known-people.json';
import { installLexicon, type LexiconData } from './lexicon';
import type { CompactTerms } from './term-codec';

const spaced = (lists: Record<string, string>) => Object.values(lists).flatMap((l) => l.split(' '));

export const BUNDLED_LEXICON: LexiconData = {
  givenNames: [...firstNamesData.names, ...spaced(givenNamesData.names), ...givenExtraData.groups.flatMap((g) => g.names.split(' '))],
  surnames: [...spaced(surnamesData.names), ...givenExtraData.surnameGroups.flatMap((g) => g.names.split(' '))],
  nameWords: nameWordsData.words.map((w) => ('wordAfter' in w ? { name: w.name, wordAfter: (w as { wordAfter: string[] }).wordAfter } : { name: w.name })),
  wellKnown: wellKnownData.people.map((p) => p.name),
  nameContext: Object.fromEntries(Object.entries(nameContextData.lists).map(([list, { words }]) => [list, words])),
  terms: termsData as unknown as CompactTerms,
};

installLexicon(BUNDLED_LEXICON);

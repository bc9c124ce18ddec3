/**
 * The checker's word lists (given names, surnames, name-words, well-known people) and sensitive terms, as
 * plain data, installed once per context. Node (the CLI, tests, scripts), the background and the options
 * page install the lists built into them (lexicon-bundled.ts); the content script is sent them by the
 * background with the policy (`get-policy`), after the panel is drawn, so ClassDojo's pages neither download
 * nor evaluate ~100 KB of lists before the panel is up.
 *
 * Safety: a check never runs on missing lists. The content script installs them before it hands the policy
 * to the checker (entrypoints/content/core/policy-sync.ts), and with no policy nothing is checked; anything
 * that reads them before they are installed gets a thrown LexiconMissing (a rule's failure is reported,
 * never taken for "no findings").
 */
import type { CompactTerms } from './term-codec';

export interface LexiconData {
  /** Given names of many languages, as written ("Siân", "Oluwadamilare"). */
  givenNames: string[];
  /** Family names, as written. */
  surnames: string[];
  /** First names that are also ordinary words, and the words after them that make them the word. */
  nameWords: { name: string; wordAfter?: string[] }[];
  /** Well-known people and characters, as written ("Florence Nightingale", "Kipper the Dog"). */
  wellKnown: string[];
  /** The words around a name that say whether it is a pupil's (data/name-context.json), by list. */
  nameContext: Record<string, string[]>;
  /** The sensitive terms, in their compact form (term-codec.ts). */
  terms: CompactTerms;
}

export class LexiconMissing extends Error {
  constructor() {
    super('the word lists have not loaded yet');
    this.name = 'LexiconMissing';
  }
}

let installed: LexiconData | undefined;

/** Installs the lists for this context (a second call replaces them; indexes are rebuilt on next use). */
export function installLexicon(data: LexiconData): void {
  installed = data;
}

export function hasLexicon(): boolean {
  return installed !== undefined;
}

/** The installed lists; throws LexiconMissing when there are none. */
export function lexiconData(): LexiconData {
  if (!installed) throw new LexiconMissing();
  return installed;
}

/**
 * An index built from the lists on first use and kept until other lists are installed: `build` runs once
 * per installed LexiconData.
 */
export function lexiconIndex<T>(build: (data: LexiconData) => T): () => T {
  let from: LexiconData | undefined;
  let index: T | undefined;
  return () => {
    const data = lexiconData();
    if (from !== data) {
      index = build(data);
      from = data;
    }
    return index!;
  };
}

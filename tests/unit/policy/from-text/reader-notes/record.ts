/**
 * Stores the reader's English notes (notes.ts) as reader-notes.json, each text once: `texts`, and by document each
 * note's place → its text's index. Run `npx tsx tests/unit/policy/from-text/reader-notes/record.ts` only when the
 * reader's English changes on purpose.
 */
import { writeFileSync } from 'node:fs';
import { allNotes } from './notes';

const notes = allNotes();
const texts: string[] = [];
const index = new Map<string, number>();
const docs = Object.fromEntries(
  Object.entries(notes).map(([doc, list]) => [
    doc,
    Object.fromEntries(
      list.map(({ at, note }) => {
        if (!index.has(note)) index.set(note, texts.push(note) - 1);
        return [at, index.get(note)!];
      }),
    ),
  ]),
);
writeFileSync(new URL('./reader-notes.json', import.meta.url), `${JSON.stringify({ texts, docs })}\n`);
console.log(Object.values(notes).reduce((n, v) => n + v.length, 0), 'notes,', texts.length, 'texts, in', Object.keys(notes).length, 'documents');

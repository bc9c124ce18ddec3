/**
 * A note of Policy Guard's own in a policy (lib/policy/reader-note.ts) in a catalog's language: `readerNote_<id>`
 * filled from its data in the order READER_NOTE_FIELDS gives. `fields` (the parts of a contact that are
 * defaults, "how, name") is worded part by part (`readerNoteField_<part>`), and a `how` that is one of Policy Guard's
 * own (DEFAULT_HOWS) in the catalog's words; other values are given as written.
 * A note with no id is the school's or IT's own words, and one whose id the catalog lacks (a later version's):
 * either is `note`, as written.
 */
import { defaultHowId, READER_NOTE_FIELDS, type ReaderNote } from '../policy/reader-note';
import type { Messages } from './finding';

/** A contact's way to reach them in the catalog's language where it is Policy Guard's own (DEFAULT_HOWS); else as written. */
export function howText(how: string, t: Messages): string {
  const id = defaultHowId(how);
  return (id && t(`readerNoteHow_${id}`)) || how;
}

export function readerNoteText(n: ReaderNote, t: Messages): string {
  if (!n.noteId) return n.note ?? '';
  // An id this version does not know (a file from a later one) has no catalog entry: its English, as written.
  const fields = READER_NOTE_FIELDS[n.noteId] ?? [];
  const d = n.noteData ?? {};
  const subs = fields.map((name) =>
    name === 'fields'
      ? (d[name] ?? '')
          .split(', ')
          .map((part) => t(`readerNoteField_${part}`) || part)
          .join(', ')
      : name === 'how'
        ? howText(d[name] ?? '', t)
        : (d[name] ?? ''),
  );
  return t(`readerNote_${n.noteId}`, subs) || n.note || '';
}

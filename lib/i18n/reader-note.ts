/**
 * A note of Policy Guard's own in a policy (lib/policy/reader-note.ts) in a catalog's language: `readerNote_<id>`
 * filled from its data in the order READER_NOTE_FIELDS gives. `fields` (the parts of a contact that are
 * defaults, "how, name") is worded part by part (`readerNoteField_<part>`), and a `how` that is one of Policy Guard's
 * own (DEFAULT_HOWS) in the catalog's words; other values are given as written.
 * A note with no id is the school's or IT's own words, and one whose id the catalog lacks (a later version's):
 * either is `note`, as written.
 */
import { defaultHowId, READER_NOTE_FIELDS, READER_NOTE_PARTS, type ReaderNote } from '../policy/reader-note';
import type { Messages } from './finding';

/** A contact's way to reach them in the catalog's language where it is Policy Guard's own (DEFAULT_HOWS); else as written. */
export function howText(how: string, t: Messages): string {
  const id = defaultHowId(how);
  return (id && t(`readerNoteHow_${id}`)) || how;
}

/** People listed as the reader lists them ("A, B and C") with the catalog's "and": the names as written. */
function listText(listed: string, t: Messages): string {
  const at = listed.lastIndexOf(' and ');
  return at < 0 ? listed : t('readerNoteListAnd', [listed.slice(0, at), listed.slice(at + 5)]) || listed;
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
      : name === 'listed'
        ? listText(d[name] ?? '', t)
        : name === 'how'
        ? howText(d[name] ?? '', t)
        : name in READER_NOTE_PARTS
          ? d[name]
            ? `${READER_NOTE_PARTS[name]}${t(`readerNotePart_${name}_${d[name]}`) || d[name]}`
            : ''
          : (d[name] ?? ''),
  );
  return t(`readerNote_${n.noteId}`, subs) || n.note || '';
}

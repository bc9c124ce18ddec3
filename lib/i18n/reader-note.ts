/**
 * A note of Policy Guard's own in a policy (lib/policy/reader-note.ts) in a catalog's language: `readerNote_<id>`
 * filled from its data in the order READER_NOTE_FIELDS gives. `fields` (the parts of a contact that are
 * defaults, "how, name") is worded part by part (`readerNoteField_<part>`), and a `how` that is one of Policy Guard's
 * own (DEFAULT_HOWS) in the catalog's words; other values are given as written.
 * A note with no id is the school's or IT's own words, and one whose id the catalog lacks (a later version's):
 * either is `note`, as written.
 */
import { DEFAULT_NAME_TEXT, DEFAULT_NAMES, defaultHowId, READER_NOTE_FIELDS, READER_NOTE_PARTS, type ReaderNote } from '../policy/reader-note';
import type { Messages } from './finding';

/** A contact's way to reach them in the catalog's language where it is Policy Guard's own (DEFAULT_HOWS); else as written. */
export function howText(how: string, t: Messages): string {
  const id = defaultHowId(how);
  return (id && t(`readerNoteHow_${id}`)) || how;
}

/**
 * A contact's name in the catalog's language where it is Policy Guard's own, exactly as it writes it (DEFAULT_NAMES,
 * "the Designated Safeguarding Lead": `readerNoteName_<role>`, whose English is that name); else as written.
 */
function nameText(name: string, t: Messages): string {
  const role = DEFAULT_NAMES[name.toLowerCase()];
  const english = role && t(`readerNoteName_${role}`);
  // Only the name exactly as Policy Guard writes it ("The School Office" in a school's own capitals is theirs).
  return role && english !== undefined && name === DEFAULT_NAME_TEXT[role] ? english || name : name;
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
      : name === 'name'
        ? nameText(d[name] ?? '', t)
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

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

/** The ways the reader words from a document's sentence (from-text/extract.ts `howOf`), by their catalog id. */
const WAYS: Readonly<Record<string, string>> = { 'by phone': 'phone', 'by email': 'email', 'in person': 'inPerson', 'in writing': 'writing', 'by a ClassDojo message': 'dojoMessage', directly: 'directly', 'through the school office': '' };
/** When to get in touch, as `howOf` writes it after "before"/"by", by its catalog id. */
const WHENS: Readonly<Record<string, string>> = { registration: 'registration', 'the school day': 'schoolDay', 'the school day starts': 'dayStarts', 'the start of the school day': 'startOfDay' };
/** How soon, alone ("without delay") or after a way ("in person, the same day"), by its catalog id. */
const URGENCY: Readonly<Record<string, string>> = { immediately: 'immediately', 'straight away': 'straightAway', 'without delay': 'withoutDelay', 'on the same day': 'onSameDay', 'the same day': 'sameDay' };

/**
 * A way to reach a contact as the reader composes it from the document (`howOf`: "by phone or email before 9.15am,
 * not through ClassDojo"), part by part in the catalog's words; undefined when any part is not one of the reader's
 * own (a service the document names, its own phrasing). Parts are matched whole, so the English catalog gives back
 * exactly `how` (tests/unit/policy/from-text/reader-notes/ways.test.ts, over every document's contacts): nothing is
 * ever reworded, only translated.
 */
function composedHow(how: string, t: Messages): string | undefined {
  if (URGENCY[how]) return t(`readerNoteUrgency_${URGENCY[how]}`) || undefined;
  let rest = how;
  const tails: string[] = [];
  for (const [suffix, key] of [[', not through ClassDojo', 'readerNoteWayNotDojo'], [', in the usual way', 'readerNoteWayUsual']] as const) {
    if (rest.endsWith(suffix)) {
      rest = rest.slice(0, -suffix.length);
      tails.unshift(key);
    }
  }
  const comma = rest.lastIndexOf(', ');
  const soon = comma > 0 ? URGENCY[rest.slice(comma + 2)] : undefined;
  if (soon) rest = rest.slice(0, comma);
  const timed = / (before|by) (.+)$/.exec(rest);
  let when: string | undefined;
  if (timed) {
    const time = /^(\d{1,2}(?:[:.]\d{2})?)(am|pm)$/.exec(timed[2]!);
    when = time ? t(`readerNoteWhen_${time[2]}`, [time[1]!]) : WHENS[timed[2]!] && t(`readerNoteWhen_${WHENS[timed[2]!]}`);
    if (!when) return undefined;
    rest = rest.slice(0, timed.index);
  }
  const ways = rest.replace(/^by phone or email$/, 'by phone or by email').split(' or ');
  if (!rest || ways.some((w) => WAYS[w] === undefined)) return undefined;
  const worded = ways.map((w) => (WAYS[w] ? t(`readerNoteWay_${WAYS[w]}`) : t('readerNoteHow_viaOffice')));
  if (worded.some((w) => !w)) return undefined;
  // "by phone or email": the catalog's own wording of the pair, as DEFAULT_HOWS' phoneOrEmail.
  let text = rest === 'by phone or email' ? t('readerNoteHow_phoneOrEmail') : worded.reduce((a, b) => t('readerNoteWayOr', [a, b]));
  if (timed) text = t(timed[1] === 'by' ? 'readerNoteWayBy' : 'readerNoteWayBefore', [text, when!]);
  if (soon) text = t('readerNoteWayThen', [text, t(`readerNoteUrgency_${soon}`)]);
  for (const key of tails) text = t(key, [text]);
  return text || undefined;
}

/**
 * A contact's way to reach them in the catalog's language where it is Policy Guard's own (DEFAULT_HOWS) or composed
 * by the reader from its own parts (`composedHow`); else as written (the school's own words, or a service it names).
 */
export function howText(how: string, t: Messages): string {
  const id = defaultHowId(how);
  return (id && t(`readerNoteHow_${id}`)) || composedHow(how, t) || how;
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

/**
 * The value of a note's data named `name` in the catalog's language, where it is something of Policy Guard's own
 * (a default name, a way to reach a contact); undefined to give it as written.
 */
export type NoteValueText = (name: string, value: string, t: Messages) => string | undefined;

/**
 * A note in the catalog's language, its values worded by `value` (none: as written, with the fields and parts every
 * note may hold). For a rule's clause line (lib/rules/rule.ts, in the content script), whose notes name no contact:
 * without the contacts' wording, which the content script need not carry.
 */
export function noteTextWith(n: ReaderNote, t: Messages, value?: NoteValueText): string {
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
      : name in READER_NOTE_PARTS
        ? d[name]
          ? `${READER_NOTE_PARTS[name]}${t(`readerNotePart_${name}_${d[name]}`) || d[name]}`
          : ''
        : (value?.(name, d[name] ?? '', t) ?? d[name] ?? ''),
  );
  return t(`readerNote_${n.noteId}`, subs) || n.note || '';
}

/** A contact's values: its default name, people listed, a way to reach them. */
const contactValue: NoteValueText = (name, value, t) =>
  name === 'name' ? nameText(value, t) : name === 'listed' ? listText(value, t) : name === 'how' ? howText(value, t) : undefined;

/** A note in the catalog's language, with every value of Policy Guard's own worded too (the setup review, the options page). */
export function readerNoteText(n: ReaderNote, t: Messages): string {
  return noteTextWith(n, t, contactValue);
}

/**
 * The English of the notes and checks the reader (extract.ts) writes in Policy Guard's own words, by id
 * (lib/policy/reader-note.ts), as templates: `{field}` is a value of the note's data in READER_NOTE_FIELDS order.
 * A worded field (READER_NOTE_PARTS) holds the id of one of a few fixed English parts (`days: 'assumed'`), which the
 * interface words in its own language (`readerNotePart_<field>_<id>`); any other field is a value as written.
 *
 * The reader writes its notes where it reads (found(value, sentences, note)); `identifyNote` then gives each note
 * that is exactly one of these templates its id and data, once, at the end of the reading. An id stands only for
 * the exact English (ownNoteText(id, data) === note): a note the reader joined to another, or a school's, has none
 * and is shown as written. Matching the reader's own templates here, in one place, keeps the reading code as it is.
 */
import { READER_NOTE_FIELDS, READER_NOTE_PARTS, type ReaderNoteData, type ReaderNoteId } from '../reader-note';

/** The English fixed parts of worded fields, by field then id (without the lead READER_NOTE_PARTS adds). */
export const NOTE_PARTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  days: {
    assumed: 'The document names no days for these hours: Monday to Friday, the school week, is assumed.',
    assumedShort: 'The document names no days: Monday to Friday, the school week, is assumed.',
    weekendsToo: 'Quiet at weekends too: Monday to Friday.',
    notWeekends: 'Not at weekends: Monday to Friday.',
  },
  reply: { same: 'Parents are told to expect replies in the same hours.' },
  said: {
    consent: 'No photo of a pupil without photo consent.',
    classStory: 'Consent is needed for the Class Story; a pupil’s own story and private messages are allowed without it.',
    noPhotosShared: 'No photographs of children where more than one family can see.',
  },
  order: { written: ', in the order written' },
};

/** Each id's English, `{field}` for its data. */
export const OWN_NOTES: Partial<Record<ReaderNoteId, string>> = {
  // extract.ts: contacts
  contactNamed: 'Named in the document; no query is routed to this contact.',
  contactNamedDefaultHow: 'Named in the document; no query is routed to this contact. Not in the document: how to reach them ("{how}") is Policy Guard’s recommended default; check it before use.',
  contactOffice: 'The office’s number and address as the document gives them; no query is routed to this contact.',
  dslPerSchool: "The document is for all the trust's schools and names a Designated Safeguarding Lead for each ({names}): enter your school's.",
  howWorded: 'How to reach them is worded from the document ({how}).',
  oneContactRoles: 'One person with these roles ({roles}): one contact for every route to them.',
  // hours, term time, response time
  staffHoursRead: 'Staff sending hours as the document states them.{days}',
  replyHoursRead: 'When parents are told to expect replies.{days}',
  staffFromReplies: 'The document gives the hours staff reply to messages: staff send in the same hours.{days}',
  quietHours: 'Read from the quiet hours the document sets ({phrase}): the staff hours are the rest of the day.{days}{reply}',
  limitsBoth: 'Read from the limits the document sets (not before {start} and not after {end}).{days}{reply}',
  limitsStart: 'Read from the limits the document sets (not before {start}). The document gives no end: {end} is the recommended default.{days}{reply}',
  limitsEnd: 'Read from the limits the document sets (not after {end}). The document gives no start: {start} is the recommended default.{days}{reply}',
  oneSetOfHours: 'The document gives one set of hours: parents are told to expect replies in them.',
  parentsQuiet: 'The document asks parents not to message {phrase} (“{quote}”): that is when parents should not send, not the staff hours.',
  namesNoDaysCheck: 'The document names no days for these hours: Monday to Friday is assumed.',
  termTimeRead: 'The document limits ClassDojo to term time: outside term, every time is out of hours. Add the term dates.',
  termTimeCheck: 'Term time only: until the term dates are added to the policy (hours.terms), holidays are not treated as out of hours.',
  inDocumentWords: 'In the document’s words.',
  // routes
  routeShared: 'The document sends {count} kinds of query to {listed} without saying who takes which: {who} is proposed{order}. Check who deals with this one.',
  noMessagesAtAll: 'Parents do not contact school through ClassDojo messages: every query goes the way the document says instead.',
  sicknessAsAbsence: 'The document routes absences; sickness that keeps a child at home is an absence.',
  absenceAsSickness: 'The document routes sickness; an absence for any reason goes the same way.',
  safeguardingRoute: 'A worry about a child’s safety goes to the Designated Safeguarding Lead; Policy Guard never suggests a canned reply to it.',
  // rules, audiences, monitoring
  firstNamesOnly: 'First names only.',
  firstNamesInitial: 'First names only; a surname initial where two pupils share a first name.',
  fullNameNoNames: 'The document allows no names at all in shared spaces, so the stricter pupil-name rule applies instead.',
  noPupilNames: 'No pupil names at all where more than one family can see. How firmly the rule acts is Policy Guard’s default; the school can change it.',
  sensitivePrivate: 'Sensitive and personal matters belong in private messages only.',
  sensitiveNowhere: 'Not on the class page, and not in messages either.',
  photoRead: '{said}',
  photoReadCare: '{said} The document says nothing of children in Local Authority care: no photos of them is Policy Guard’s recommended default; check it.',
  photoReadCareAllowed: '{said} The document allows photos of children in care (with the consent it describes).',
  photoCareOnly: 'No photographs of looked-after children (the document). The document says nothing of photo consent for other pupils: consent is Policy Guard’s recommended default; check it.',
  photoConsentCheck: 'The document says nothing of photo consent for other pupils: consent is Policy Guard’s recommended default.',
  photoCareCheck: 'The document says nothing of children in Local Authority care: no photos of them is Policy Guard’s recommended default.',
  outOfHoursDocument: 'Checks sending outside the staff hours the document states.',
  pointsNever: 'Points are never taken away.',
  studentStoryShared: 'The document describes Student Story as shared with the class, so it counts as shared.',
  leadersReview: 'Senior leaders review the class pages: Policy Guard’s spot-check helps them.',
  // the school's name
  trustName: 'A policy for all the schools of {trust}: named after the trust. A school setting it up for itself can enter its own name.',
};

/** The English of an id with its data, exactly as the reader writes it; undefined for an id not here or a part not known. */
export function ownNoteText(id: ReaderNoteId, data: ReaderNoteData = {}): string | undefined {
  const template = OWN_NOTES[id];
  if (template === undefined) return undefined;
  let unknown = false;
  const text = template.replace(/\{(\w+)\}/g, (_m, field: string) => {
    const v = data[field] ?? '';
    const parts = NOTE_PARTS[field];
    if (!parts) return v;
    if (!v) return '';
    if (!(v in parts)) unknown = true;
    return `${READER_NOTE_PARTS[field] ?? ''}${parts[v] ?? ''}`;
  });
  return unknown ? undefined : text;
}

/** A template's pieces: fixed English, or a field by name. */
type Piece = { text: string } | { field: string };

/** Each template in pieces ("Staff sending hours as the document states them." then `days`). */
const PIECES: [ReaderNoteId, Piece[]][] = (Object.entries(OWN_NOTES) as [ReaderNoteId, string][]).map(([id, template]) => [
  id,
  template
    .split(/(\{\w+\})/)
    .filter(Boolean)
    .map((piece) => (piece.startsWith('{') && piece.endsWith('}') ? { field: piece.slice(1, -1) } : { text: piece })),
]);

/**
 * The data that makes `pieces` say exactly `note` from `at`, or undefined. No regular expression is built at run
 * time (tests/unit/text/regex-sweep.test.ts): fixed text is matched as it stands; a worded field is one of its parts
 * (with its lead) or none; any other field is the shortest non-empty text that lets the rest match.
 */
function matchPieces(pieces: Piece[], note: string, at: number, data: ReaderNoteData): ReaderNoteData | undefined {
  if (!pieces.length) return at === note.length ? data : undefined;
  const [piece, ...rest] = pieces as [Piece, ...Piece[]];
  if ('text' in piece) return note.startsWith(piece.text, at) ? matchPieces(rest, note, at + piece.text.length, data) : undefined;
  const parts = NOTE_PARTS[piece.field];
  if (parts) {
    for (const [id, part] of Object.entries(parts)) {
      const text = `${READER_NOTE_PARTS[piece.field] ?? ''}${part}`;
      const got = note.startsWith(text, at) ? matchPieces(rest, note, at + text.length, { ...data, [piece.field]: id }) : undefined;
      if (got) return got;
    }
    return matchPieces(rest, note, at, { ...data, [piece.field]: '' });
  }
  for (let end = at + 1; end <= note.length; end++) {
    const got = matchPieces(rest, note, end, { ...data, [piece.field]: note.slice(at, end) });
    if (got) return got;
  }
  return undefined;
}

/** The id and data of a note that is exactly one of OWN_NOTES's templates, else undefined (shown as written). */
export function identifyNote(note: string): { noteId: ReaderNoteId; noteData?: ReaderNoteData } | undefined {
  for (const [id, pieces] of PIECES) {
    // Only a template whose fixed start the note has is tried (most notes fail on their first words).
    const first = pieces[0];
    if (first && 'text' in first && !note.startsWith(first.text)) continue;
    const found = matchPieces(pieces, note, 0, {});
    if (!found) continue;
    // Data in READER_NOTE_FIELDS's order, and only what the note names: the same note always has the same data.
    const named = READER_NOTE_FIELDS[id] ?? [];
    const data: ReaderNoteData = Object.fromEntries(named.map((f) => [f, found[f] ?? '']));
    if (ownNoteText(id, data) !== note) continue;
    return named.length ? { noteId: id, noteData: data } : { noteId: id };
  }
  return undefined;
}

/**
 * Policy Guard's own notes in a policy the reader writes (lib/policy/from-text), as data: which message (`noteId`,
 * the catalog's `readerNote_<id>`) and the values it names (`noteData`), beside the English `note` the file has
 * always had. lib/i18n/reader-note.ts words it in the interface's language; a note with no `noteId` is the school's
 * or IT's own words, shown as written. Pure, no zod (lib/policy/schema.ts takes the ids from here).
 */

/** The values a note names, by name: each a string (a count in digits, a file name as written). */
export type ReaderNoteData = Record<string, string>;

/** Every note's id (the catalog's `readerNote_<id>`), by where the reader writes it. */
export const READER_NOTE_IDS = [
  // lib/policy/from-text/build.ts: how the school decided, and what a policy always has
  'school', 'off', 'recommended', 'notInDocument', 'staffHoursTermQuoted', 'safeguardingDsl', 'dslAlways', 'outOfHoursNoHours', 'closures', 'leadersNoReview',
  // the policy's own note (build.ts summary): what was read from which document
  'summaryOffTopic', 'summaryOffTopicName', 'summaryNothing', 'summaryNothingName', 'summaryRead',
  // lib/policy/from-text/defaults.ts: each recommended default and why
  'safeguarding', 'routeTeacher', 'nameEntered', 'nameMissing', 'staffHours', 'replyHours', 'termTime', 'responseTime', 'dsl',
  'fullName', 'pupilName', 'sensitiveContent', 'photoConsent', 'outOfHours', 'negativePoints', 'audiences', 'conduct', 'monitoring',
  // lib/policy/from-text/extract.ts: a contact the document names, some of whose parts are Policy Guard's defaults
  'contactDefaultHow', 'contactDefaultName', 'contactNamed', 'contactNamedDefaultHow', 'contactOffice', 'dslPerSchool',
  // extract.ts (from-text/own-notes.ts): what the reader read (a note), or what the school must check (an item's
  // `check`, proposal only), in Policy Guard's own words
  'howWorded', 'oneContactRoles', 'staffHoursRead', 'replyHoursRead', 'staffFromReplies', 'quietHours', 'limitsBoth', 'limitsStart', 'limitsEnd', 'oneSetOfHours', 'parentsQuiet',
  'termTimeRead', 'termTimeCheck', 'namesNoDaysCheck', 'inDocumentWords', 'routeShared', 'noMessagesAtAll',
  'sicknessAsAbsence', 'absenceAsSickness', 'safeguardingRoute', 'firstNamesOnly', 'firstNamesInitial', 'fullNameNoNames',
  'noPupilNames', 'sensitivePrivate', 'sensitiveNowhere', 'photoRead', 'photoReadCare', 'photoReadCareAllowed',
  'photoCareOnly', 'photoConsentCheck', 'photoCareCheck', 'outOfHoursDocument', 'pointsNever', 'studentStoryShared',
  'leadersReview', 'trustName',
  // lib/policy/attribute.ts: a setting changed in Policy Guard's settings, over the file's
  'schoolChanged',
] as const;

export type ReaderNoteId = (typeof READER_NOTE_IDS)[number];

/**
 * The names of a note's data in the order its catalog entry takes them ($1, $2…), for the ids that have data (the
 * others take none). Kept apart from the ids so the content script, which words findings' notes, carries only this.
 */
export const READER_NOTE_FIELDS: Partial<Record<ReaderNoteId, readonly string[]>> = {
  notInDocument: ['fields'],
  summaryOffTopic: ['file'],
  summaryOffTopicName: ['file'],
  summaryNothing: ['file'],
  summaryNothingName: ['file'],
  summaryRead: ['file', 'read', 'all'],
  contactDefaultHow: ['how'],
  contactDefaultName: ['name'],
  contactNamedDefaultHow: ['how'],
  dslPerSchool: ['names'],
  trustName: ['trust'],
  howWorded: ['how'],
  oneContactRoles: ['roles'],
  staffHoursRead: ['days'],
  replyHoursRead: ['days'],
  staffFromReplies: ['days'],
  parentsQuiet: ['phrase', 'quote'],
  quietHours: ['phrase', 'days', 'reply'],
  limitsBoth: ['start', 'end', 'days', 'reply'],
  limitsStart: ['start', 'end', 'days', 'reply'],
  limitsEnd: ['end', 'start', 'days', 'reply'],
  routeShared: ['count', 'listed', 'who', 'order'],
  photoRead: ['said'],
  photoReadCare: ['said'],
  photoReadCareAllowed: ['said'],
};

/**
 * Fields whose value is the id of a fixed part of the note (from-text/own-notes.ts NOTE_PARTS), worded by the
 * catalog (`readerNotePart_<field>_<id>`) after this lead; an empty value is no part at all.
 */
export const READER_NOTE_PARTS: Readonly<Record<string, string>> = {
  days: ' ',
  said: '',
  order: '',
  reply: ' ',
};

/**
 * The ways to reach a contact Policy Guard writes itself (English, as a policy file keeps them), by id: the
 * defaults (defaults.ts's DSL and office, extract.ts's fallbacks) and the ways the reader words from a number or an
 * address the document gives. The interface words one of these in its language (`readerNoteHow_<id>`); any other
 * `how` is the reader's wording of the document's own words, shown as written. A `how` that is exactly one of these
 * means exactly that, whoever wrote it, so wording it by its text is safe.
 */
export const DEFAULT_HOWS = {
  dsl: "in person, straight away, following the school's safeguarding procedure",
  office: 'by phone or in person, not through ClassDojo',
  direct: 'directly (by phone or in person)',
  viaOffice: 'through the school office',
  phone: 'by phone',
  email: 'by email',
  phoneOrEmail: 'by phone or email',
} as const;

/** The id of one of Policy Guard's own ways to reach a contact (DEFAULT_HOWS), or undefined for any other. */
export function defaultHowId(how: string | undefined): keyof typeof DEFAULT_HOWS | undefined {
  return (Object.keys(DEFAULT_HOWS) as (keyof typeof DEFAULT_HOWS)[]).find((id) => DEFAULT_HOWS[id] === how?.trim());
}

/**
 * Policy Guard's own names for a role left unnamed (lower case), by the role (from-text/defaults.ts GENERIC_NAMES):
 * a note quoting one words it in the interface's language (`destination_<role>`).
 */
export const DEFAULT_NAMES: Readonly<Record<string, 'attendance' | 'office' | 'nursing' | 'dsl'>> = {
  'the attendance officer': 'attendance',
  'the school office': 'office',
  'the school nursing team': 'nursing',
  'the designated safeguarding lead': 'dsl',
};

/** Each of DEFAULT_NAMES as Policy Guard writes it (the capitals too), by role. */
export const DEFAULT_NAME_TEXT: Readonly<Record<'attendance' | 'office' | 'nursing' | 'dsl', string>> = {
  attendance: 'the attendance officer',
  office: 'the school office',
  nursing: 'the school nursing team',
  dsl: 'the Designated Safeguarding Lead',
};

/** A note as the reader writes it: the English the file keeps, and its id and data where it is Policy Guard's own. */
export interface ReaderNote {
  note?: string;
  noteId?: ReaderNoteId;
  noteData?: ReaderNoteData;
}

/** The note's id and data only (for spreading into a source): `{}` where it has none. */
export function noteIdOf(n: ReaderNote): Pick<ReaderNote, 'noteId' | 'noteData'> {
  return n.noteId ? { noteId: n.noteId, ...(n.noteData ? { noteData: n.noteData } : {}) } : {};
}

/**
 * A class roster from the file a school's management system exports (SIMS, Arbor, Bromcom, ScholarPack,
 * ClassDojo's own), or from a list pasted from a spreadsheet. One reader for the options page and the
 * `guard` CLI: `readRoster(bytes)` decodes (lib/roster/decode.ts) and parses.
 *
 * - Excel's `sep=;` first line names the delimiter and is not a row; otherwise the delimiter (`,` `;`
 *   tab `|`) is the one under which a heading row is found, else papaparse's guess.
 * - Lines above the heading row (a report title, "Printed on…") are skipped: the heading row is the one of
 *   the first 20 that scores highest on known headings (lib/roster/headers.ts), wherever it is.
 * - Legal, preferred and known-as names are all read: the preferred (known-as) name is what teachers write,
 *   so it is the pupil's `first`/`last`; a legal name that differs is kept as `legalFirst`/`legalLast`.
 *   Headings over two rows ("Legal" / "Preferred" above repeated "Surname, Forename") and two columns headed
 *   the same are resolved in lib/roster/columns.ts, and every choice is a note saying which column is used.
 * - Photo consent has three states: yes, no, and not recorded (an empty cell, "not known", "awaiting").
 * - Rows must line up with the headings: a row with a cell more (a comma without quotes in a name or a note)
 *   or a cell less than the heading row is refused by row, never read into the wrong fields; so is a name
 *   that is a yes/no answer or an email (the row has moved along), and a consent cell holding a name or date
 *   says so. An unquoted "Surname, Forename" heading over quoted "Hughes, Amelia" cells is read as one column.
 * - Names must look like names: a cell with control characters (a damaged file), a "?" or "�" where a letter
 *   was (saved in an encoding without that letter), digits (a date or class in the wrong column) or a column
 *   heading (a second heading row) is refused, by row. UTF-8 garbled by a program that read it as
 *   Windows-1252 ("ZoÃ«") is mended (lib/roster/mend.ts) and said to be.
 * - An Excel workbook (.xlsx) is read from its cells (lib/roster/xlsx.ts): the first sheet with a heading row,
 *   dates in date-formatted cells as yyyy-mm-dd. Another workbook or document (.xls, .ods, .docx, PDF, zip), or
 *   an .xlsx that cannot be read, is refused whole with how to save it as CSV.
 *
 * All or nothing: any row that cannot be read makes the whole file a list of problems, by row (as the
 * spreadsheet numbers them), and nothing is imported until it is fixed. Columns the checks do not need
 * (date of birth, UPN, address…) are not read, and the preview says so. Pure: no DOM or browser access.
 */
import Papa from 'papaparse';
import type { Channel } from '../policy/schema';
import type { Consent, Pupil } from '../rules/types';
import { consentPhrase } from './consent-words';
import { columnLetter, type ColumnNote, type ColumnUse, resolveColumns } from './columns';
import { binaryFormat, decodeRoster, oddWords, type BinaryFormat, type RosterEncoding } from './decode';
import { CONSENT_COLUMNS, fieldOf, headingMeaning, squash, otherUseOf, headingScore, headingWords, isHeadingWord, isNameField, looksLikeHeading, type Field } from './headers';
import { mendMojibake } from './mend';
import { XlsxError, xlsxSheets, type XlsxSheet } from './xlsx';

export { CONSENT_COLUMNS, type ConsentColumn } from './headers';
export { columnLetter, type ColumnUse } from './columns';

// "x" is not here: in some registers it ticks a box, in others it crosses one out. Such a file is asked about.
// Welsh answers as Welsh forms have them: Ie/Na, Oes/Nac oes (is there), Do/Naddo (did you), Ydw/Nac ydw (I am),
// Ydy/Nac ydy (he or she is). "Na" alone squashes as
// "N/A" does, so in a consent column it is not recorded (a photo is held, as for a refusal; the preview says so).
const YES = new Set(['y', 'yes', 'true', '1', '✓', '✔', 'given', 'consent', 'consented', 'granted', 'allowed', 'ok', 'consentgiven', 'permissiongiven', 'ie', 'oes', 'do', 'ydw', 'ydy', 'tak']);
const NO = new Set(['', 'n', 'no', 'false', '0', '-', '✗', '✘', 'none', 'refused', 'withdrawn', 'notgiven', 'noconsent', 'na', 'nacoes', 'nage', 'naddo', 'nacydw', 'nacydy', 'nie']);
// Answers that say the register has no answer yet: consent is not recorded, never assumed either way.
const NOT_RECORDED = new Set(['', 'notrecorded', 'unknown', 'notknown', 'awaiting', 'awaitingreply', 'pending', 'notreturned', 'noreply', 'noresponse', 'tbc', 'notasked', 'dimateb', 'anhysbys']);

const squashCell = (value: string) => value.trim().toLowerCase().replace(/[^a-z0-9✓✔✗✘-]/g, '');

// An answer is its first word ("Yes - all media", "Given 01/09/2025", "Withdrawn by parent"), after a leading
// "consent" or "permission" ("Consent given"). Whole words only: a name that lands in the column after a
// shifted row ("Noah", "Nowak", "Yesenia") is not an answer, and is asked about.
const YES_WORDS = new Set(['y', 'yes', 'given', 'granted', 'consented', 'allowed', 'agreed', 'ok', 'true', 'ie', 'oes', 'ydw', 'ydy', 'tak']);
const NO_WORDS = new Set(['n', 'no', 'refused', 'withdrawn', 'withheld', 'denied', 'declined', 'false', 'nie', 'nage', 'nac', 'naddo']);
// A yes with a limit ("Yes - internal use only", "Yes (not social media)") is not a plain yes: asked about.
const LIMIT = new Set(['only', 'internal', 'except', 'not', 'no', 'but', 'excluding', 'excl', 'exclude', 'excludes', 'without', 'limited', 'restricted', 'some', 'partial']);
// A yes that was since taken back or is in doubt ("Yes - withdrawn 03/2026", "Y (revoked by mum)", "Yes -
// expired", "Yes - pending review", "Yes - form lost"): never read as a yes, asked about.
// A yes that points elsewhere ("Y - see note", "Yes (ask office)", "Yes, conditions apply") is as open as a limit.
const UNDONE = /^(withdr|revok|rescind|cancel|expir|laps|pend|review|lost|missing|quer|unsure|uncertain|check|chang|remov|retract|object|stop|tb[cd]|unknown|until|old|previous|formerly|was|see|note|refer|ask|comment|detail|condition|caveat|speak|discuss)/;

// The words a yes may carry and still be a plain yes: what was agreed to in full, that a form came back, when.
const PLAIN_YES_WORDS = new Set(['all', 'full', 'fully', 'any', 'every', 'media', 'photo', 'photos', 'photographs', 'images', 'video', 'videos', 'consent', 'consented', 'permission', 'given', 'granted', 'agreed', 'signed', 'form', 'returned', 'received', 'on', 'file', 'in', 'and', 'of', 'to', 'the', 'a', 'by', 'parent', 'parents', 'carer', 'carers', 'mum', 'dad', 'mother', 'father', 'date', 'dated', 'yes', 'y', 'ok', 'ie', 'oes', 'do', 'ydw', 'ydy', 'gdpr', 'st', 'nd', 'rd', 'th',
  // "Yes, I consent", "Yes - I am happy for my child to be photographed".
  'i', 'we', 'am', 'are', 'is', 'happy', 'agree', 'give', 'be', 'taken', 'used', 'photographed', 'my', 'our', 'child', 'children', 'son', 'daughter', 'can', 'may', 'for', 'them', 'him', 'her', 'please', 'thank', 'thanks', 'you']);
const MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/;

const wordsOf = (value: string) => value.trim().toLowerCase().split(/[^a-z0-9✓✔✗✘]+/).filter(Boolean);

/** Yes, no, or undefined when a cell says neither ("maybe", a name). Empty means no (the in-care column). */
export function cellBool(value: string): boolean | undefined {
  const v = squashCell(value);
  // "?" or "…": something is written, but no answer. (An empty cell is no.)
  if (!v && value.trim()) return undefined;
  // "Yes*", "Y†": a footnote, which may limit or undo the yes: asked about, like "Y - see note".
  if (/[*†‡]/.test(value)) return undefined;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  let [word, ...rest] = wordsOf(value);
  if ((word === 'consent' || word === 'permission') && rest.length > 0) [word, ...rest] = rest;
  // "Not given", "Not granted" (Arbor's wording), "Not agreed", "Not consented".
  if (word === 'not' && ['given', 'granted', 'agreed', 'consented', 'allowed', 'permitted'].includes(rest[0] ?? '')) return false;
  // A yes with more words is a plain yes only when every other word is one that never limits it ("Yes - all
  // media", "Given 01/09/2025", "Yes, form signed"); any other ("with restrictions", "exc. website") is asked.
  if (word && YES_WORDS.has(word)) return rest.some((w) => LIMIT.has(w) || UNDONE.test(w) || !(PLAIN_YES_WORDS.has(w) || /^\d+$/.test(w) || MONTH.test(w))) ? undefined : true;
  if (word && NO_WORDS.has(word)) return false;
  return undefined;
}

/**
 * An in-care cell: yes or no as cellBool reads them, and a cell that names the status itself ("LAC", "CLA",
 * "Looked after", "Foster care") as in care; "PLAC" or "Previously looked after" as not in care now (a
 * combined "LAC/PLAC" column says which). Undefined when it says neither.
 */
export function inCareCellBool(value: string): boolean | undefined {
  const v = cellBool(value);
  if (v !== undefined) return v;
  // The statuses a management system writes in its looked-after column: Section 20 (accommodated by the local
  // authority) is looked after; a child in need, or one under a special guardianship order, is not.
  const code = value.trim().toLowerCase().replace(/[^a-z0-9]+/g, '');
  if (['s20', 'section20', 'sec20'].includes(code)) return true;
  if (['cin', 'childinneed', 'sgo', 'specialguardianship', 'specialguardianshiporder'].includes(code)) return false;
  const meaning = headingMeaning(value);
  if (meaning.concern === 'plac') return false;
  // "Not looked after", "Non-LAC", "Not in care", "Ddim mewn gofal", "No longer looked after", "Left care",
  // "Care leaver": the status named, and denied or in the past. ("Ever in care" says neither: asked about.)
  if (meaning.field === 'inCare' || meaning.concern === 'care-unclear') {
    const words = value.toLowerCase().replace(/[-_/]/g, ' ');
    if (/\b(?:not|non|no|never|isn'?t|ddim|dim|nid|left|leaver|ceased|former)\b/i.test(words)) return false;
    if (meaning.field === 'inCare') return true;
  }
  // A status written beside the answer ("Yes - S20", "Y (SGO)", "Section 20 - voluntary"): the status decides,
  // a status that is not in care first ("Yes - previously looked after").
  const text = ` ${value.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  if (NOT_IN_CARE_STATUS.test(text)) return false;
  if (IN_CARE_STATUS.test(text)) return true;
  // "Yes - since March", "Y - see note": a yes in the in-care column is in care whatever follows it, the
  // stricter reading for photos (a looked-after child's photo is held), unlike a consent yes with a limit.
  const first = wordsOf(value)[0];
  if (first && YES_WORDS.has(first)) return true;
  return undefined;
}

// Looked after: Section 20 (accommodated), a care order (Section 31), LAC/CLA/CiC, fostered.
const IN_CARE_STATUS = / (s ?20|sec(tion)? ?20|s ?31|sec(tion)? ?31|lac|cla|cic|looked after|in care|foster(ed)?|care order|interim care order) /;
// Not looked after now: a special guardianship order, a child in need, a child protection plan's CIN, or a
// child previously looked after (adopted from care, "post-LAC", "ex-CLA").
const NOT_IN_CARE_STATUS = / (sgo|special guardianship|cin|child in need|plac|previously|formerly|adopted|post (lac|cla)|ex (lac|cla)) /;

/** A consent cell: given (true), refused (false), not recorded (null: empty or "not known"), or unreadable. */
export function cellConsent(cell: string): Consent | undefined {
  // The register's phrases beyond yes and no ("Form not returned", "Opted out", "Gwrthodwyd", "Heb ei dderbyn").
  const phrase = consentPhrase(cell);
  if (phrase !== undefined) return phrase;
  // "Consent Not Returned", "Photo consent given", "Permission pending", "Consent form not returned" (SIMS and
  // Arbor statuses): the column's own word first, then the answer, which is what is read.
  const value = cell.replace(/^\s*(?:(?:photo(?:graph)?s?|images?|media)\s+)?(?:consent|permission)(?:\s+form)?[\s:–-]+(?=\S)/i, '');
  const v = squashCell(value).replace(/-/g, '');
  if (NOT_RECORDED.has(v)) return null;
  // "Not yet returned", "Not sure", "No form", "N/A": the register has no answer, which is not a refusal.
  if (/^(not(yet)?(returned|recorded|known|asked|sure|received|applicable)|no(reply|response|form|answer|return)|nothing(yet)?(returned|received)|notapplicable|awaiting|pending)/.test(v) || v === 'na') return null;
  return cellBool(value);
}

/**
 * A cell of an opt-out or restriction column ("Photo Opt Out", "No Photos", "Media Restrictions") as consent:
 * a plain yes is a refusal; a plain no or "none" is a yes (no opt-out, no restriction); empty or "not
 * known" is not recorded; anything else written there ("School use only", "No social media") is a
 * restriction, so a refusal. Never a yes from words it cannot read.
 */
export function optOutConsent(value: string): Consent | undefined {
  const v = squashCell(value).replace(/-/g, '');
  if (NOT_RECORDED.has(v) || v === 'na') return null;
  if (['y', 'yes', 'true', '1', '✓', '✔', 'optedout', 'ie', 'oes', 'do', 'ydw', 'ydy', 'tak'].includes(v)) return false;
  if (['n', 'no', 'none', 'nil', 'false', '0', '✗', '✘', 'norestrictions', 'norestriction', 'nage', 'nacoes', 'naddo', 'nacydw', 'nacydy', 'nie'].includes(v)) return true;
  return v ? false : null;
}

// Characters with no width that a copy from a web page or a word processor leaves in a name (zero-width space,
// soft hyphen, word joiner, direction marks and embeddings, a stray byte-order mark): invisible in the preview,
// but "Am\u200belia" would never match the "Amelia" a teacher types. Zero-width (non-)joiners stay: they shape
// letters in Persian and Indic names.
const INVISIBLE = /[\u00ad\u200b\u200e\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]/g;
// Particles that stay in lower case inside a surname written in capitals ("AP RHYS" is "ap Rhys").
const PARTICLES = new Set(['ap', 'ab', 'van', 'von', 'de', 'der', 'den', 'du', 'da', 'di', 'le', 'la']);

/**
 * A name written all in capitals, in title case: each word, and each part after a hyphen or apostrophe,
 * capitalised ("SMITH-WALKER" → "Smith-Walker", "O'NEILL" → "O'Neill", "MCDONALD" → "McDonald"); a particle
 * before another word in lower case ("AP RHYS" → "ap Rhys"). A name with any small letter, or of two letters
 * ("AJ"), is left as written.
 */
export function titleCase(name: string): string {
  // Two capitals ("AJ", "DJ") are initials, not a name in capitals.
  if (!/\p{Lu}.*\p{Lu}.*\p{Lu}/u.test(name) || /\p{Ll}/u.test(name)) return name;
  const words = name.toLowerCase().split(' ');
  return words
    .map((word, i) => {
      if (i < words.length - 1 && PARTICLES.has(word)) return word;
      return word.replace(/(^|[-'’])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()).replace(/^Mc(\p{L})/u, (_, letter: string) => `Mc${letter.toUpperCase()}`);
    })
    .join(' ');
}

/** Whether a word of a name is written in capitals: two letters or more, none small ("HUGHES", "O'NEILL", "SMITH-WALKER"). */
const inCapitals = (word: string) => (word.match(/\p{L}/gu) ?? []).length >= 2 && !/\p{Ll}/u.test(word);

/**
 * A whole name whose surname alone is in capitals, as SIMS and Arbor write it ("HUGHES Amelia", "Mary Jane
 * WATSON", "DE LA CRUZ Maria"): [forenames, surname], before title case loses the clue; undefined when the
 * capitals do not tell. They tell when the words in capitals are one run at the start or the end, and the others
 * are not in capitals but have small letters (a name in capitals throughout, "AMELIA HUGHES", does not tell; a
 * one-letter initial, "Amelia J HUGHES", is a forename's). A particle in small letters just before the surname
 * is the surname's ("Siân ap RHYS"). Two capitals alone at the start are initials ("AJ Smith"), not a surname.
 */
function surnameInCapitals(words: readonly string[]): [string, string] | undefined {
  const caps = words.map(inCapitals);
  const from = caps.indexOf(true);
  if (from < 0) return undefined;
  let to = from;
  while (to < words.length && caps[to]) to++;
  if (caps.slice(to).includes(true)) return undefined;
  let start = from;
  while (start > 0 && PARTICLES.has(words[start - 1]!)) start--;
  const atStart = start === 0;
  if (!atStart && to !== words.length) return undefined;
  const rest = atStart ? words.slice(to) : words.slice(0, start);
  if (rest.length === 0 || !rest.some((w) => /\p{Ll}/u.test(w))) return undefined;
  // Particles in capitals too, so title case reads the surname as one ("ap RHYS" → "AP RHYS" → "ap Rhys").
  const surname = words.slice(start, to).map((w) => w.toUpperCase());
  if (atStart && surname.length === 1 && (surname[0]!.match(/\p{L}/gu) ?? []).length === 2 && !PARTICLES.has(surname[0]!.toLowerCase())) return undefined;
  return [rest.join(' '), surname.join(' ')];
}

const tidy = (s: string) => s.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
const foldName = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f'’‘`ʼ]/g, '').toLowerCase();
// C0 and C1 control characters: what a misread encoding or a damaged file leaves in a name.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
// A letter the saving program could not write: Windows-1252 has no "Ł", so Excel's plain "CSV" writes "?";
// a decoder that met bytes it could not read writes U+FFFD.
const LOST_LETTER = /[?\ufffd]/u;
const DIGIT = /\p{Nd}/u;
// Cells that are answers, not names: a name column holding one has taken the next column's value.
const ANSWER = new Set(['y', 'n', 'yes', 'no', 'true', 'false', '✓', '✔', '✗', '✘']);
// Characters that turn the text's direction round (overrides, embeddings, isolates): "\u202eecila" shows as
// "alice". Direction marks (U+200E, U+200F) are left to tidy, which removes them: names copied from
// right-to-left text carry them harmlessly.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;
// What a name holds: letters, marks, spaces, hyphens and dashes, apostrophes, a full stop, a comma (between a
// surname and a forename), brackets (a second name) and a middle dot (Catalan "l·l"). Digits, "?", "@" and
// control characters are left to their own checks below, which say more.
const NAME_CHAR = /[\p{L}\p{M}\p{Nd}\s\-‐‑–—'’‘ʼ`´.,()·?@\u00ad\u200b-\u200f\u2060\ufeff\ufffd\u0000-\u001f\u007f-\u009f]/u;

/** The first character of a name cell that no name holds (a formula's "=", markup's "<", a bidi override, a symbol), or undefined. */
function notNameChar(value: string): string | undefined {
  const v = value.trim();
  if (/^[=+<>@]/.test(v)) return v[0];
  const bidi = BIDI.exec(v);
  if (bidi) return bidi[0];
  // A date, a class or a count in the name column: the digits check says so better.
  if (DIGIT.test(v)) return undefined;
  for (const c of v) if (!NAME_CHAR.test(c)) return c;
  return undefined;
}

/** Why a character is not a name's, for the message (not-letters' third value): a direction mark, a formula, markup, else a symbol. */
function notNameWhy(value: string, c: string): 'bidi' | 'formula' | 'markup' | 'symbol' {
  if (BIDI.test(c)) return 'bidi';
  if (/^\s*[=+@-]/.test(value) && /^[=+@]/.test(c)) return 'formula';
  if (c === '<' || c === '>') return 'markup';
  return 'symbol';
}

const shown = (s: string) => s.replace(/\u0000/g, '␀').replace(/[\u0001-\u001f\u007f-\u009f]/g, '�').slice(0, 40);

/** Every problem a roster can have, each translated as csv_<code> (public/_locales/en and cy; lib/i18n/roster.ts builds its substitutions). */
export const PROBLEM_CODES = [
  'empty', 'empty-file', 'too-big', 'too-many-rows', 'no-first-name', 'too-long', 'not-yes-no', 'duplicate', 'no-pupils', 'control-chars', 'digits', 'heading-word',
  'not-text', 'extra-cells', 'missing-cells', 'heading-width', 'not-a-name', 'lost-letter', 'not-letters', 'several-classes', 'group-not-found', 'unclear-heading', 'unclear-care-heading', 'no-name-heading', 'unknown-headings',
] as const;

/** Every note the reader can add, each translated as csvNote_<code> (not-an-answer: csvNote_not_an_answer_<concern>). */
export const NOTE_CODES = [
  'two-row-heading', 'same-names-twice', 'names-used', 'first-filled', 'column-not-read',
  'heading-split', 'mended', 'nul-padding', 'footer', 'name-split', 'same-name', 'not-an-answer', 'channel-under-refusal', 'welsh-na', 'opt-out-date', 'group-kept',
  'heading-repeated', 'lines-quoted', 'sheet-chosen', 'capitals', 'bracket-preferred', 'yes-under-refusal', 'mac-roman', 'group-headings', 'staff-row',
] as const;

export interface RosterProblem {
  /** 1-based row as the spreadsheet numbers it (a `sep=` line is not a row); 0 for the whole file. */
  row: number;
  /** What is wrong, for translation (csv_<code> in the interface's messages), with its values in `data`. */
  code: (typeof PROBLEM_CODES)[number];
  /**
   * Its values, each a string (counts in decimal; a list's items joined by "\n"; a variant's id where the
   * message has two wordings), as lib/i18n/roster.ts's `problemText` reads them for each code.
   */
  data?: string[];
}

/** Something the reader did that the person importing should know, though nothing was refused. */
export interface RosterNote {
  code: (typeof NOTE_CODES)[number];
  /** Its values, as for RosterProblem's `data` (lib/i18n/roster.ts's `noteText` words it). */
  data: string[];
}

export interface RosterParse {
  ok: boolean;
  pupils: Pupil[];
  problems: RosterProblem[];
  /** Headers read, by what they were read as. */
  used: string[];
  /** Headers the checks do not need, not read. */
  ignored: string[];
  /** Each column read: its letter, heading, and the field it is read as (legal, preferred, consent…). */
  columns: ColumnUse[];
  /** What the reader chose or mended on its own (two name columns, a split heading, garbled letters). */
  notes: RosterNote[];
  delimiter: string;
  /** Whether a heading row was found (a pasted list often has none). */
  header: boolean;
  /** The heading row's number (0 when there is none). */
  headerRow: number;
  /** Lines above the heading row that were skipped (a title, a date), as the file has them (60 characters at most). */
  skipped: string[];
  /** Whether the file began with Excel's `sep=` line. */
  sepLine: boolean;
  /** How the bytes were read, when they came from a file. */
  encoding?: RosterEncoding;
  /** The sheet read, when the file was an Excel workbook. */
  sheet?: string;
  /** Data rows read (below the heading row, blank lines not counted). */
  rowsRead: number;
  /** Pupils with no consent recorded in any column: their photos are held until it is (per the policy). */
  noConsentRecorded: number;
  /** No column says who is in care: every pupil is read as not in care (said in the preview and the CLI, not assumed quietly). */
  noInCareColumn: boolean;
  /** Pupils whose legal name differs from the preferred name (both are matched). */
  legalNames: number;
  /**
   * When the file was refused as several classes (`several-classes`): its class column and every group in it,
   * in the file's order, with how many rows each has, so that one can be chosen (`RosterReadOptions.group`).
   */
  groups?: { heading: string; letter: string; names: string[]; rows: number[] };
  /** The class kept when one was chosen from a file of several (`RosterReadOptions.group`), as the file writes it. */
  group?: string;
}

/** How to read a roster file beyond what it says itself. */
export interface RosterReadOptions {
  /**
   * Keep only the rows of this class ("4W", matched ignoring capitals and spaces at the ends) from a file whose
   * class, registration, form or tutor group column holds several: the other classes' rows are not read (a
   * note says how many). Without it such a file is refused, listing the groups. A group no row has is a problem.
   */
  group?: string;
}

const MAX_ROWS = 2000;
/** The largest roster file read, in bytes (options page and CLI alike): a class list as CSV is a few kilobytes. */
export const MAX_ROSTER_BYTES = 2_000_000;
const HEADING_SEARCH = 20;

/**
 * A file's bytes as text (see lib/roster/decode.ts); kept for callers that only need the text.
 */
export function decodeText(bytes: Uint8Array): string {
  return decodeRoster(bytes).text;
}

function emptyParse(): RosterParse {
  return { ok: false, pupils: [], problems: [], used: [], ignored: [], columns: [], notes: [], delimiter: ',', header: false, headerRow: 0, skipped: [], sepLine: false, rowsRead: 0, noConsentRecorded: 0, noInCareColumn: false, legalNames: 0 };
}

/**
 * Decodes and reads a roster file: the one entry point for the options page and the CLI. An .xlsx is read
 * from its cells (management systems export class lists as .xlsx as often as CSV; the zip reader, fflate,
 * is already the .docx reader's, and loads only with the import). Another workbook or document (xls, ods,
 * docx, pdf, zip), or an .xlsx that cannot be read, is refused as a whole with how to save it as CSV.
 */
export function readRoster(bytes: Uint8Array, size = bytes.length, options: RosterReadOptions = {}): RosterParse {
  const format = binaryFormat(bytes);
  const spreadsheet = format === 'xlsx' || format === 'xls' || format === 'ods' || format === 'html' || format === 'utf32';
  // How to save it as CSV: from a spreadsheet, or from the management system.
  const how = spreadsheet ? 'sheet' : 'export';
  // One limit for the options page and the CLI: a class list is a few kilobytes, so a bigger text file is the
  // whole school's export (or not a list), refused unread; a bigger workbook is named as one, with how to save it.
  if (size > MAX_ROSTER_BYTES && !format) {
    const mb = (size / 1_000_000).toFixed(1);
    return { ...emptyParse(), problems: [{ row: 0, code: 'too-big', data: [mb] }] };
  }
  if (format === 'xlsx' && size <= MAX_ROSTER_BYTES) {
    try {
      return readWorkbook(bytes, options);
    } catch (error) {
      if (!(error instanceof XlsxError)) throw error;
      // The workbook's own reason (too large once unpacked, damaged, no sheet), then how to save it as CSV.
      return { ...emptyParse(), problems: [{ row: 0, code: 'not-text', data: [format, error.reason, how] }] };
    }
  }
  if (format) {
    return { ...emptyParse(), problems: [{ row: 0, code: 'not-text', data: [format, '', how] }] };
  }
  const { text, encoding, macRoman } = decodeRoster(bytes);
  const result: RosterParse = { ...parseRosterCsv(text, false, encoding === 'windows-1252', options), encoding };
  if (macRoman) {
    const pairs = macRoman.map(([a, b]) => `“${shown(a)}” → “${shown(b)}”`).join(', ');
    result.notes.unshift({ code: 'mac-roman', data: [pairs] });
  }
  return result;
}

/**
 * An Excel workbook's class list (lib/roster/xlsx.ts): of the sheets Excel shows (hidden ones hold a template's
 * drop-down lists; read only when every sheet is hidden), the first with a heading row that reads as a
 * roster, else the first with a heading row the reader knows, else the first; read as its CSV would be; which sheet, when there are
 * several, is a note. Throws XlsxError when the workbook cannot be read (damaged, too large, no sheet).
 */
function readWorkbook(bytes: Uint8Array, options: RosterReadOptions): RosterParse {
  const sheets: XlsxSheet[] = xlsxSheets(bytes);
  const shown = sheets.filter((s) => !s.hidden);
  const parsed = (shown.length ? shown : sheets).map((s) => ({ sheet: s, result: parseRosterCsv(s.text, false, false, options) }));
  const chosen = parsed.find((p) => p.result.header && p.result.ok) ?? parsed.find((p) => p.result.header) ?? parsed.find((p) => p.result.rowsRead > 0) ?? parsed[0]!;
  const result: RosterParse = { ...chosen.result, encoding: 'xlsx', sheet: chosen.sheet.name };
  if (sheets.length > 1) {
    // Every sheet's name, and (by their places in that list) the hidden ones.
    const names = sheets.map((s) => s.name).join('\n');
    const hidden = sheets.flatMap((s, i) => (s.hidden ? [String(i)] : [])).join('\n');
    result.notes = [
      { code: 'sheet-chosen', data: [chosen.sheet.name, String(sheets.length), names, hidden] },
      ...result.notes,
    ];
  }
  return result;
}

type Grid = string[][];

function parseWith(text: string, delimiter: string, preview = 0): Grid {
  return Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter, preview }).data.filter(Array.isArray);
}

const blank = (row: readonly string[]) => row.every((c) => c.trim() === '');
const filledWidth = (row: readonly string[]) => {
  let n = row.length;
  while (n > 0 && !row[n - 1]!.trim()) n--;
  return n;
};

/** The heading row among the first rows: the best score, the earliest on a tie; -1 when none. */
function findHeading(rows: Grid): { index: number; score: number } {
  let best = { index: -1, score: 0 };
  for (let i = 0, seen = 0; i < rows.length && seen < HEADING_SEARCH; i++) {
    if (blank(rows[i]!)) continue;
    seen++;
    const score = headingScore(rows[i]!);
    if (score > best.score) best = { index: i, score };
  }
  return best;
}

/**
 * "Surname, Forename" written as a heading without quotes splits into two headings while the names under
 * it ("Hughes, Amelia", quoted) stay one cell, so every row is one cell short and each value would sit
 * under the wrong heading. When every row is exactly one short and two neighbouring headings joined by the
 * delimiter make one name heading, they are read as that one heading. Returns the index joined, or -1.
 */
function joinSplitHeading(head: string[], body: readonly (readonly string[])[], delimiter: string): number {
  if (body.length === 0 || !body.every((r) => r.length === head.length - 1)) return -1;
  for (let i = 0; i + 1 < head.length; i++) {
    const joined = `${head[i]}${delimiter}${head[i + 1]}`;
    // The names under it hold the delimiter too ("Hughes, Amelia", quoted): a plain "Forename,Surname" pair never does.
    if (fieldOf(joined) === 'full' && fieldOf(head[i]!) !== 'full' && body.every((r) => (r[i] ?? '').includes(delimiter))) {
      head.splice(i, 2, joined);
      return i;
    }
  }
  return -1;
}

// What a report prints below its list: a count, a total, a page number, a print date, an end line.
const FOOTER = /\d|:|^\s*(end of|total|count|printed)\b/i;

// A count's label in a report's totals row ("Total", "Number of pupils", "No. on roll", "Count", "Class size").
const COUNT_LABEL = /^(grand )?(total|totals|count|sum|number|no\.?|class size|on roll|pupils|students|children|learners|records|rows)\b/i;

// Headings of a column naming each pupil's class: registration, form or tutor group (not the year group: a
// mixed-age class holds two years, and not a teaching set or house, which cut across classes).
const GROUP_KEYS = new Set(['class', 'classname', 'classgroup', 'reggroup', 'registrationgroup', 'regform', 'regclass', 'registrationclass', 'form', 'formgroup', 'formclass', 'formname', 'tutorgroup', 'formtutorgroup', 'tutor', 'tutorform', 'yearclass', 'yearandclass', 'yeargroupclass', 'homeroom', 'dosbarth', 'grwpcofrestru']);
// A title before a name: a member of staff ("Ms Carter", "Mrs. Jones", "Dr Patel"), never a pupil.
const STAFF_TITLE = /^(?:mr|mrs|ms|miss|mx|dr)\.?(?:\s|$)/i;
const isGroupHeading = (cell: string) => GROUP_KEYS.has(squash(cell));
/** A class's name as it is compared: "3 Oak", "3Oak" and "3 oak" are one class (the first spelling is shown). */
const foldGroup = (name: string) => tidy(name).toLowerCase().replace(/\s+/g, '');

/**
 * A report's group sub-heading ("Reg Group: 3 Oak", "Form: 7B (continued)"): its heading word as written ("Reg
 * Group") and the group's name, or undefined for any other cell.
 */
function groupLabel(cell: string): { key: string; name: string } | undefined {
  // Split at the colon by hand, and tidied before the "(continued)" is matched at the end: a pattern with a run of
  // spaces on both sides of what it seeks is quadratic on a cell of spaces (tests/unit/text/regex-sweep.test.ts).
  const colon = cell.indexOf(':');
  if (colon < 0 || colon > 60) return undefined;
  const key = tidy(cell.slice(0, colon));
  if (!key || !isGroupHeading(key)) return undefined;
  const name = tidy(cell.slice(colon + 1)).replace(/ ?\((?:continued|cont\.?|cont'd|contd\.?)\)$/i, '');
  return name ? { key, name } : undefined;
}

/**
 * A totals row whose label and number sit in separate cells ("Total,28,", "Number of pupils<TAB>28",
 * "Pupils,28,Boys,14"): two to four cells, fewer than the headings, each a count's label or a number, with at
 * least one of each. A pupil's row never is: its name is not a count's label, and a name is not a number.
 */
function isSplitFooter(filled: readonly string[], headings: number): boolean {
  if (filled.length < 2 || filled.length > 4 || filled.length >= headings) return false;
  const number = (c: string) => /^\s*\d+(?:\s*(?:pupils|students|children|learners))?\s*$/i.test(c);
  const label = (c: string) => COUNT_LABEL.test(c.trim()) && !/\d/.test(c);
  return filled.every((c) => number(c) || label(c) || (FOOTER.test(c) && /^\s*(end of|printed)/i.test(c))) && filled.some(number) && filled.some(label);
}

const CHANNEL_LIST: Channel[] = ['class-story', 'school-story', 'student-story', 'class-chat', 'private-chat'];
const strictness = (c: Consent) => (c === false ? 0 : c === null ? 1 : 2);
const stricterOf = (a: Consent, b: Consent) => (strictness(a) <= strictness(b) ? a : b);

/** The stricter of two consent records, channel by channel: refused over not recorded over given. */
export function stricterConsent(a: Pupil['photoConsent'], b: Pupil['photoConsent']): Pupil['photoConsent'] {
  const plain = (p: Pupil['photoConsent']): p is Consent => p === null || typeof p === 'boolean';
  if (plain(a) && plain(b)) return stricterOf(a, b);
  const at = (p: Pupil['photoConsent'], c: Channel): Consent => (plain(p) ? p : (p[c] ?? null));
  return Object.fromEntries(CHANNEL_LIST.map((c) => [c, stricterOf(at(a, c), at(b, c))]));
}

// "03/10/2025", "2025-10-03", "03/10/2025 09:12" (Excel's date and time), "3 Oct 2025", "03-Oct-25".
const looksLikeDate = (v: string) => {
  const t = v.trim();
  return /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.test(t) || /^\d{1,2}[ -](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[ -]\d{2,4}$/i.test(t);
};

// An Excel date serial as a date column exports it when the cell lost its date format: 36526 is 1 January 2000,
// 73050 is 31 December 2099.
const isDateSerial = (v: string) => /^\d{5}(?:\.\d+)?$/.test(v.trim()) && Number(v) >= 36526 && Number(v) <= 73050;

/**
 * Reads a roster's text (see the module's comment). `unwrapped` is set when reading the lines found inside
 * one quoted cell each, so they are not unwrapped twice.
 */
export function parseRosterCsv(input: string, unwrapped = false, singleByte = false, options: RosterReadOptions = {}): RosterParse {
  return readable(parseText(input, unwrapped, singleByte, options));
}

// A value quoted in a message past this many characters is cut (a 5,000-character "name" is not shown whole).
const QUOTE_LIMIT = 80;
const clip = (s: string) => (s.length > QUOTE_LIMIT ? `${s.slice(0, QUOTE_LIMIT - 1)}…` : s);
// Control characters as the symbols that picture them (␀ for NUL, ␈ for a backspace; � for the C1 range),
// so a note quoting a damaged line shows where they are instead of printing them.
const pictured = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0))).replace(/\u007f/g, '␡').replace(/[\u0080-\u009f]/g, '�');
/** Text with control characters pictured and each “quoted value” past QUOTE_LIMIT cut (one pass, no regex). */
function readableText(s: string): string {
  const text = pictured(s);
  let out = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('“', at);
    const close = open < 0 ? -1 : text.indexOf('”', open + 1);
    if (close < 0) return out + text.slice(at);
    out += `${text.slice(at, open)}“${clip(text.slice(open + 1, close))}”`;
    at = close + 1;
  }
}

/**
 * A value of a problem's or note's data as it is shown: control characters pictured, and each item of a list
 * ("\n") or part of an item ("\t") cut past QUOTE_LIMIT as the quoted values in the messages are (an item that
 * quotes values of its own, “…”, has those cut instead).
 */
const readableValue = (v: string) =>
  v
    .split('\n')
    .map((item) => item.split('\t').map((part) => readableText(part.includes('“') ? part : clip(part))).join('\t'))
    .join('\n');

/** A reading's notes, problems and skipped lines as they are shown: control characters pictured, long quotes cut. */
function readable(r: RosterParse): RosterParse {
  return {
    ...r,
    notes: r.notes.map((n) => ({ ...n, data: n.data.map(readableValue) })),
    problems: r.problems.map((p) => ({ ...p, ...(p.data ? { data: p.data.map(readableValue) } : {}) })),
    skipped: r.skipped.map(pictured),
  };
}

/**
 * The text with every line end as "\n". papaparse takes the first line end it meets as the file's, so a CRLF
 * file with one LF-only line (a row added in another editor) read that row and the next as one (probe 19 H3);
 * CR alone is old Mac's. A quoted cell's line break stays inside its quotes, only written as "\n". U+2028 and
 * U+2029 (Unicode's line and paragraph separators) end lines only in a text that has no other line end (a
 * tool that writes them instead); within lines they are pasted breaks in a cell, read as a space.
 */
function lineEndsOf(text: string): string {
  const normal = text.replace(/\r\n?/g, '\n');
  if (!/[\u2028\u2029]/.test(normal)) return normal;
  return normal.replace(/[\u2028\u2029]/g, normal.includes('\n') ? ' ' : '\n');
}

/** parseRosterCsv's reading; `singleByte` when the text was decoded as Windows-1252 (letters from another encoding are refused). */
function parseText(input: string, unwrapped: boolean, singleByte = false, options: RosterReadOptions = {}): RosterParse {
  const result = emptyParse();
  // A file with nothing in it (0 bytes, or only spaces, line ends, a byte-order mark or NUL padding): said to be
  // empty, for the whole file; never "no heading row was found, so the first column is read as…".
  if (!/[^\s\uFEFF\u0000]/.test(input)) return { ...result, problems: [{ row: 0, code: 'empty-file' }] };
  let text = lineEndsOf(input.replace(/^\uFEFF/, ''));
  // UTF-8 that was opened as "ANSI" and saved again: "ZoÃ«" is mended to "Zoë", and the preview says so.
  const mended = mendMojibake(text);
  if (mended.count > 0) {
    // A garbled byte-order mark ("ï»¿") mends to one: it is not part of the first heading either.
    text = mended.text.replace(/^\uFEFF/, '');
    const shownPairs = mended.examples.map(([a, b]) => `“${a}” → “${b}”`).join(', ');
    result.notes.push({ code: 'mended', data: [String(mended.count), shownPairs] });
  }
  // A file padded with NUL bytes at the end (a damaged copy): the padding is nothing, and is said to be skipped.
  let end = text.length;
  let nuls = 0;
  for (; end > 0 && (text[end - 1] === '\u0000' || text[end - 1]!.trim() === ''); end--) if (text[end - 1] === '\u0000') nuls++;
  if (nuls > 0) {
    text = text.slice(0, end);
    result.notes.push({ code: 'nul-padding', data: [String(nuls)] });
  }
  // Excel's hint line, "sep=;" (sometimes quoted): it names the delimiter and is not part of the table.
  const sep = /^"?sep=(.)"?[ \t]*(\r\n|\n|\r|$)/i.exec(text);
  if (sep) text = text.slice(sep[0].length);
  result.sepLine = Boolean(sep);
  result.delimiter = sep?.[1] ?? ',';

  // The delimiter under which a heading row is found wins (judged on the first rows only); with no heading
  // anywhere, papaparse guesses.
  let rows: Grid = [];
  let heading = { index: -1, score: 0 };
  let chosen: string | undefined;
  let bestWidth = 0;
  for (const delimiter of sep ? [sep[1]!] : [',', ';', '\t', '|']) {
    const preview = parseWith(text, delimiter, HEADING_SEARCH * 3);
    const found = findHeading(preview);
    const width = found.index >= 0 ? preview[found.index]!.filter((c) => c.trim()).length : 0;
    if (found.score > heading.score || (found.score === heading.score && found.score > 0 && width > bestWidth)) {
      heading = found;
      chosen = delimiter;
      bestWidth = width;
    }
  }
  if (chosen !== undefined) {
    rows = parseWith(text, chosen);
    result.delimiter = chosen;
  }
  if (heading.index < 0) {
    const guessed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, ...(sep ? { delimiter: sep[1] } : { delimitersToGuess: [',', ';', '\t', '|'] }) });
    rows = guessed.data.filter(Array.isArray);
    result.delimiter = guessed.meta.delimiter;
  }

  // Each whole line one quoted cell ("Forename,Surname,Photo consent"): a CSV opened in a spreadsheet with
  // everything in column A and saved again. Read as the lines inside the quotes when they have a heading row
  // there; a single column of "Surname, Forename" names has none, and is read as it is.
  if (heading.index < 0 && !unwrapped) {
    const filled = rows.filter((r) => !blank(r));
    if (filled.length >= 2 && filled.every((r) => filledWidth(r) === 1 && /[,;\t|]/.test(r[0]!))) {
      const inner = parseText(rows.map((r) => r[0] ?? '').join('\n'), true, singleByte, options);
      if (inner.header) {
        const note: RosterNote = { code: 'lines-quoted', data: [] };
        return { ...inner, sepLine: result.sepLine, notes: [...result.notes, note, ...inner.notes] };
      }
    }
  }

  const numbered = rows.map((cells, i) => ({ cells, row: i + 1 })).filter((r) => !blank(r.cells));
  if (numbered.length === 0) {
    result.problems.push({ row: 1, code: 'empty' });
    return result;
  }

  // Which column is what: by heading, else (no heading) first and last name by position.
  let byField = new Map<Field, number[]>();
  let body = numbered;
  let head: string[] = [];
  let headWidth = 0;
  if (heading.index >= 0) {
    head = [...rows[heading.index]!];
    result.header = true;
    result.headerRow = heading.index + 1;
    body = numbered.filter((r) => r.row > heading.index + 1);
    const joined = joinSplitHeading(head, body.map((r) => r.cells), result.delimiter);
    if (joined >= 0) {
      result.notes.push({ code: 'heading-split', data: [tidy(head[joined]!)] });
    }
    const aboveRow = rows[heading.index - 1];
    const above = aboveRow && !blank(aboveRow) ? aboveRow : undefined;
    const cols = resolveColumns(head, above, body.map((r) => r.cells));
    byField = cols.byField;
    result.columns = cols.uses;
    result.notes.push(...cols.notes);
    const skippedRows = numbered.filter((r) => r.row <= heading.index - (cols.groupRow ? 1 : 0));
    result.skipped = skippedRows.map((r) => tidy(r.cells.filter((c) => c.trim()).join(' ')).slice(0, 60));
    const read = new Set([...byField.values()].flat());
    result.used = cols.uses.map((u) => u.heading);
    // Headings about photos, consent or care that are not read say why, one by one: never "not needed".
    const concerns = head.map((cell, i) => (read.has(i) ? undefined : headingMeaning(cell).concern));
    result.ignored = head.flatMap((cell, i) => (!read.has(i) && !concerns[i] && cell.trim() ? [tidy(cell)] : []));
    headWidth = filledWidth(head);
    const label = (i: number) => `“${tidy(head[i]!)}” (${columnLetter(i)})`;
    concerns.forEach((concern, i) => {
      if (concern === 'care-unclear') {
        result.problems.push({ row: result.headerRow, code: 'unclear-care-heading', data: [tidy(head[i]!), columnLetter(i)] });
      } else if (concern === 'photo-unclear') {
        result.problems.push({ row: result.headerRow, code: 'unclear-heading', data: [tidy(head[i]!), columnLetter(i)] });
      } else if (concern) {
        result.notes.push({ code: 'not-an-answer', data: [tidy(head[i]!), columnLetter(i), concern, ...(concern === 'photo-other-use' ? [otherUseOf(head[i]!)] : [])] });
      }
    });
    // Headings we found by their consent or in-care columns, with no column for the pupil's name: the names
    // are under headings we do not know. Refused, naming them; never read by position (which would make the
    // heading row a pupil and drop every answer).
    if (![...byField.keys()].some(isNameField)) {
      const unknown = head.flatMap((cell, i) => (cell.trim() && !read.has(i) && !concerns[i] ? [label(i)] : []));
      // Named in the problem, never as columns "the checks do not need".
      result.ignored = [];
      result.problems.push({
        row: result.headerRow,
        code: 'no-name-heading',
        // The headings read, and the unknown ones ("“Kid” (A)"), each a list.
        data: [String(result.headerRow), unknown.join('\n'), result.used.join('\n')],
      });
    }
    if (result.problems.length > 0) {
      result.rowsRead = body.length;
      return result;
    }
  } else {
    // A first row of headings none of which we know ("Kid", "Family", "Snap OK?"): refused, naming them. Read
    // by position, the heading row would be a pupil and every column past the second would be dropped.
    const first = numbered[0]!.cells.filter((c) => c.trim());
    const headingLike = first.filter(looksLikeHeading);
    // Or a first row of single letters ("a,b,c", a spreadsheet's "A,B,C"): placeholders for headings, never a
    // pupil (a first name is never one letter; "Amy,J", a surname's initial, has a name before it).
    const letters = first.length >= 2 && first.every((c) => /^\p{L}$/u.test(c.trim()));
    if (letters || (headingLike.length > 0 && headingLike.length * 2 >= first.length)) {
      const shownCells = first.map((c) => `“${tidy(c)}”`).join(', ');
      result.problems.push({ row: numbered[0]!.row, code: 'unknown-headings', data: [shownCells, 'headings'] });
      return result;
    }
    const width = Math.max(...numbered.map((r) => r.cells.length));
    // Yes/no answers past the name columns, with no heading to say what they answer (consent? in care? an
    // opt-out?): refused, never dropped by reading names by position.
    const nameCols = numbered.every((r) => r.cells.filter((c) => c.trim()).length <= 1) ? 1 : 2;
    const answered: string[] = [];
    for (let col = nameCols; col < width; col++) {
      const cells = numbered.map((r) => (r.cells[col] ?? '').trim()).filter(Boolean);
      if (cells.length > 0 && cells.some((c) => cellBool(c) !== undefined && !/^\d+$/.test(c))) answered.push(columnLetter(col));
    }
    if (answered.length > 0) {
      result.problems.push({ row: numbered[0]!.row, code: 'unknown-headings', data: [answered.join(', '), 'answers', String(answered.length)] });
      return result;
    }
    if (width === 1) byField.set('full', [0]);
    else {
      byField.set('first', [0]);
      byField.set('last', [1]);
    }
  }
  // A report's footer ("Count: 28", "Total pupils 28", "End of report") under the list: one cell where the
  // headings have several, with a number or a report word. Skipped and said to be, like the title above.
  if (result.header && filledWidth(head) >= 3) {
    while (body.length > 0) {
      const last = body[body.length - 1]!;
      const filled = last.cells.filter((c) => c.trim());
      if (!(filled.length === 1 ? FOOTER.test(filled[0]!) : isSplitFooter(filled, filledWidth(head)))) break;
      body = body.slice(0, -1);
      const line = tidy(filled.join(' ')).slice(0, 60);
      result.notes.push({ code: 'footer', data: [String(last.row), line] });
    }
  }
  // The heading row again further down (two class lists joined, a report's heading on every page): skipped
  // and said to be. Only a row the same as the heading row, cell for cell: any other heading row is refused
  // by row ("a second heading row"), since its columns may not be the first one's.
  if (result.header) {
    const same = (cells: readonly string[]) => filledWidth(cells) === headWidth && cells.slice(0, headWidth).every((c, i) => tidy(c).toLowerCase() === tidy(head[i] ?? '').toLowerCase());
    const repeated = body.filter((r) => same(r.cells)).map((r) => r.row);
    if (repeated.length > 0) {
      body = body.filter((r) => !repeated.includes(r.row));
      const rows = repeated.slice(0, 5).join(', ') + (repeated.length > 5 ? ', …' : '');
      result.notes.push({ code: 'heading-repeated', data: [rows, String(repeated.length)] });
    }
  }
  // A report's group sub-headings (SIMS: "Reg Group: 3 Oak", "Reg Group: 3 Oak (continued)"), one cell on a row
  // of its own: labels of the rows under them, not pupils (probe 19 L4: each was refused as "No first name").
  // Read as a class column of their own, so one group is one class, and several are refused as several classes
  // are, with the choice of one.
  if (result.header) {
    let current = '';
    const labelled: { row: number; name: string }[] = [];
    const groupOf = new Map<number, string>();
    for (const r of body) {
      const filled = r.cells.filter((c) => c.trim());
      const label = filled.length === 1 ? groupLabel(filled[0]!) : undefined;
      if (label) {
        current = label.name;
        labelled.push({ row: r.row, name: label.name });
      } else if (current) groupOf.set(r.row, current);
    }
    if (labelled.length > 0 && !head.some(isGroupHeading)) {
      const keyWord = groupLabel(body.find((r) => r.row === labelled[0]!.row)!.cells.find((c) => c.trim())!)!.key;
      const at = body.reduce((w, r) => Math.max(w, r.cells.length), head.length);
      head = [...head, ...Array<string>(at - head.length).fill(''), keyWord];
      headWidth = head.length;
      const rowsOfLabels = new Set(labelled.map((l) => l.row));
      body = body.filter((r) => !rowsOfLabels.has(r.row)).map((r) => ({ ...r, cells: [...r.cells, ...Array<string>(at - r.cells.length).fill(''), groupOf.get(r.row) ?? ''] }));
      const rowList = labelled.slice(0, 5).map((l) => l.row).join(', ') + (labelled.length > 5 ? ', …' : '');
      const names = [...new Map(labelled.map((l) => [foldGroup(l.name), l.name])).values()].map((n) => `“${n}”`).join(', ');
      result.notes.push({ code: 'group-headings', data: [rowList, names, String(labelled.length)] });
    }
  }
  result.rowsRead = body.length;
  if (body.length > MAX_ROWS) {
    result.problems.push({ row: body[MAX_ROWS]!.row, code: 'too-many-rows', data: [String(MAX_ROWS)] });
    return result;
  }

  // Rows whose cells do not line up with the headings: a comma without quotes in a name or a note adds a
  // cell, a lost one takes one away, and every value after it would be read under the wrong heading
  // (a refusal read as consent). Such a row is refused, never read.
  // Rows as long as the heading row, or as most rows are when all they add is empty cells: some programs
  // end every row with a delimiter, or with empty columns the heading row does not have.
  const padded = new Map<number, number>();
  for (const r of body) if (r.cells.length > head.length && !r.cells.slice(headWidth).some((c) => c.trim())) padded.set(r.cells.length, (padded.get(r.cells.length) ?? 0) + 1);
  const usual = new Set([head.length, ...[...padded].filter(([, n]) => n * 2 > body.length).map(([length]) => length)]);
  const expected = Math.max(...usual);
  const misaligned = (cells: readonly string[]) => {
    if (!result.header) return undefined;
    if (cells.length > headWidth && cells.slice(headWidth).some((c) => c.trim())) return 'extra-cells' as const;
    if (cells.length > head.length && !usual.has(cells.length)) return 'extra-cells' as const;
    if (cells.length < headWidth) return 'missing-cells' as const;
    return undefined;
  };
  // By row number, not position: choosing one class below filters the rows, and a position would then name
  // another row (a shifted row's "missing cells" said of the staff row after it).
  const bad = new Map(body.map((r) => [r.row, misaligned(r.cells)]));
  if (body.length >= 2 && [...bad.values()].every(Boolean)) {
    // Every row: the headings are what is wrong, not the rows.
    const widths = [...new Set(body.map((r) => filledWidth(r.cells)))].join(' or ');
    result.problems.push({ row: result.headerRow, code: 'heading-width', data: [String(headWidth), widths] });
    return result;
  }

  // A class, registration, form or tutor group column with more than one group in it: several classes, or the
  // whole school's export. A roster is one class's pupils (only they are kept on this computer: PRIVACY.md),
  // so the file is refused with the groups it holds, never imported as one class of hundreds.
  // A class chosen from such a file (the options page's choice, the CLI's --group): only its rows are read, the
  // others dropped before anything else is read from them, and a note says so.
  const groupsIn = (i: number) => {
    const groups = new Map<string, { name: string; rows: number }>();
    for (const r of body) {
      const v = tidy(r.cells[i] ?? '');
      // A row out of line with the headings has no class to go by (its class cell may hold its consent).
      if (!v || bad.get(r.row)) continue;
      const g = groups.get(foldGroup(v));
      if (g) g.rows++;
      else groups.set(foldGroup(v), { name: v, rows: 1 });
    }
    return groups;
  };
  const groupColumns = result.header ? head.map((_, i) => i).filter((i) => isGroupHeading(head[i]!)) : [];
  const wanted = options.group === undefined ? undefined : foldGroup(options.group);
  if (wanted !== undefined) {
    const column = groupColumns.find((i) => groupsIn(i).has(wanted));
    if (column === undefined) {
      const known = groupColumns.length ? [...groupsIn(groupColumns[0]!).values()].map((g) => g.name) : [];
      // The first 12 classes (a list), how many in all, and the class column's heading and letter (none: no class column).
      const column = groupColumns.length ? [tidy(head[groupColumns[0]!]!), columnLetter(groupColumns[0]!)] : [];
      result.problems.push({ row: result.headerRow, code: 'group-not-found', data: [tidy(options.group!), known.slice(0, 12).join('\n'), String(known.length), ...column] });
      return result;
    }
    const all = groupsIn(column);
    const kept = all.get(wanted)!;
    const others = [...all.values()].filter((g) => g !== kept);
    const before = body.length;
    // A row out of line with the headings is kept, to be refused by row below, whatever its class cell says.
    body = body.filter((r) => bad.get(r.row) || foldGroup(r.cells[column] ?? '') === wanted);
    result.rowsRead = body.length;
    result.group = kept.name;
    const left = before - body.length;
    // The other classes (the first 8, a list; how many in all) and whether rows with no class were left out too.
    const noClass = left > others.reduce((n, g) => n + g.rows, 0) ? 'no-class' : '';
    // Every row is the class chosen: nothing was left out to tell of.
    if (left) result.notes.push({
      code: 'group-kept',
      data: [kept.name, tidy(head[column]!), columnLetter(column), String(body.length), String(left), others.slice(0, 8).map((g) => g.name).join('\n'), String(others.length), noClass],
    });
  }
  if (result.header) {
    for (const i of groupColumns) {
      const groups = new Map([...groupsIn(i)].map(([k, g]) => [k, g.name]));
      if (groups.size < 2) continue;
      const names = [...groups.values()];
      result.groups = { heading: tidy(head[i]!), letter: columnLetter(i), names, rows: [...groupsIn(i).values()].map((g) => g.rows) };
      // The first 12 classes as a list.
      result.problems.push({ row: result.headerRow, code: 'several-classes', data: [tidy(head[i]!), columnLetter(i), String(names.length), names.slice(0, 12).join('\n')] });
      return result;
    }
  }
  const names = new Set<string>();
  const seen = new Map<string, { row: number; index: number; cells: string }>();
  const refusedOverChannel: string[] = [];
  // Pupils with a yes in one general column and a refusal in another ("Photos on ClassDojo: Yes" beside "Photo
  // opt-out: Y"): the refusal is read, and the preview names each of them, with the columns (probe 19e D11).
  const yesUnderRefusal: string[] = [];
  const columnName = (i: number) => `“${tidy(head[i] ?? '')}” (${columnLetter(i)})`;
  // A register in Welsh (its headings, or its answers): messages asking for yes or no name the Welsh answers.
  const WELSH_WORD = /^(enw|cyfenw|caniatad|lluniau|llun|gofal|plentyn|disgybl|ffefrir|cyntaf|dewisol|ffotograff|cyfreithiol)/;
  const welsh = head.some((h) => headingWords(h).some((w) => WELSH_WORD.test(w))) || body.some((r) => r.cells.some((c) => /^(ie|naddo|nac oes|oes|do|ydw|ydy|nac ydw|nac ydy)$/i.test(c.trim())));
  let welshNa = 0;
  const optOutDates: string[] = [];
  const capitalised: string[] = [];
  const guessedSplits: string[] = [];
  const bracketNames: string[] = [];
  const staffRows: { row: number; name: string }[] = [];
  // The row as the reader split it, so the person fixing it sees where the extra or missing comma is.
  const asSplit = (cells: readonly string[]) => `${cells.slice(0, 8).map((c) => `“${tidy(c).slice(0, 24)}”`).join(' | ')}${cells.length > 8 ? ' | …' : ''}`;
  for (const { cells, row } of body) {
    const shift = bad.get(row);
    if (shift === 'extra-cells') {
      const extra = cells.slice(headWidth).filter((c) => c.trim()).map((c) => `“${tidy(c).slice(0, 30)}”`).join(', ');
      const width = Math.max(filledWidth(cells), headWidth + cells.length - expected);
      result.problems.push({ row, code: 'extra-cells', data: [String(width), String(headWidth), extra, asSplit(cells)] });
      continue;
    }
    if (shift === 'missing-cells') {
      const missing = head.slice(cells.length, headWidth).filter((h) => h.trim()).map((h) => `“${tidy(h)}”`);
      result.problems.push({ row, code: 'missing-cells', data: [String(cells.length), String(headWidth), missing.join(', '), asSplit(cells), String(missing.length)] });
      continue;
    }
    const conflicts = new Set<Field>();
    const get = (field: Field) => {
      let value: string | undefined;
      for (const i of byField.get(field) ?? []) {
        const v = tidy(cells[i] ?? '');
        if (!v) continue;
        if (value === undefined) value = v;
        else if (value.toLowerCase() !== v.toLowerCase()) conflicts.add(field);
      }
      return value ?? '';
    };
    // SIMS and others write the name a pupil goes by in brackets after the legal one ("Hughes, Amelia (Millie)",
    // "Amelia (Millie) Hughes"): the bracketed name is the preferred one (unless a preferred column gives it),
    // the rest the legal one, and no bracket is left in any name.
    let given = get('first');
    let legalF = get('legalFirst');
    let preferredF = get('preferredFirst');
    let surname = get('last');
    let legalL = get('legalLast');
    let preferredL = get('preferredLast');
    let full = get('full');
    // A spreadsheet formula, markup, or a character that turns the text's direction round ("=HYPERLINK(…)",
    // "<b>Bob</b>", "\u202eAlice"): not a name, and refused by row before a bracket in it is read as a name.
    const rawNames = (['first', 'legalFirst', 'preferredFirst', 'last', 'legalLast', 'preferredLast', 'full'] as const).flatMap((f) => (byField.get(f) ?? []).map((i) => cells[i] ?? ''));
    const notName = rawNames.map((v) => [v, notNameChar(v)] as const).find(([, c]) => c);
    if (notName) {
      const [value, c] = notName;
      const v = shown(tidy(value));
      // An invisible character is named by its code point: printed, it would turn the message round too.
      const what = BIDI.test(c!) ? `U+${c!.charCodeAt(0).toString(16).toUpperCase()}` : shown(c!);
      result.problems.push({ row, code: 'not-letters', data: [v, what, notNameWhy(value, c!)] });
      continue;
    }
    const before = [given, legalF, preferredF, surname, legalL, preferredL, full].join('|');
    [given, preferredF] = takeBracket(given, preferredF);
    [legalF, preferredF] = takeBracket(legalF, preferredF);
    [preferredF] = takeBracket(preferredF, preferredF);
    [surname, preferredL] = takeBracket(surname, preferredL);
    [legalL, preferredL] = takeBracket(legalL, preferredL);
    [preferredL] = takeBracket(preferredL, preferredL);
    if (full.includes('(')) {
      const comma = full.indexOf(',');
      if (comma > 0) {
        const [sur, prefL] = takeBracket(full.slice(0, comma), preferredL);
        const [fore, prefF] = takeBracket(full.slice(comma + 1), preferredF);
        [preferredL, preferredF] = [prefL, prefF];
        full = `${sur}, ${fore}`;
      } else {
        // "Amelia (Millie) Hughes": a bracket after the first word is the first name's; later, the surname's.
        const firstWordEnd = full.trim().indexOf(' ');
        const bracketAt = full.trim().indexOf('(');
        const forFirst = firstWordEnd < 0 || bracketAt <= firstWordEnd + 1;
        let taken: string;
        if (forFirst) [taken, preferredF] = takeBracket(full, preferredF);
        else [taken, preferredL] = takeBracket(full, preferredL);
        full = taken;
      }
    }
    const bracketed = before !== [given, legalF, preferredF, surname, legalL, preferredL, full].join('|');
    // The name teachers write: the preferred (known-as) one where the register has it.
    let first = preferredF || given || legalF;
    let last = preferredL || surname || legalL;
    let legalFirst = legalF || (preferredF ? given : '');
    let legalLast = legalL || (preferredL ? surname : '');
    if (full && (!first || !last)) {
      // "Hughes, Amelia" (surname first, as registers list pupils) or "Amelia Hughes".
      const comma = full.indexOf(',');
      const words = full.split(' ');
      // "HUGHES Amelia", "Mary Jane WATSON": the surname in capitals (SIMS and Arbor reports) says which words it is.
      const byCapitals = comma > 0 ? undefined : surnameInCapitals(words);
      const [fullFirst, fullLast] = comma > 0 ? [tidy(full.slice(comma + 1)), tidy(full.slice(0, comma))] : (byCapitals ?? [words[0]!, words.slice(1).join(' ')]);
      if (!first) {
        [first, last] = [fullFirst, last || fullLast];
        // "Mary Jane Smith-Walker": which words are the surname cannot be told; the preview shows the split.
        if (comma < 0 && !byCapitals && words.length > 2) guessedSplits.push(`“${full}” → ${first} / ${last}`);
      } else {
        // A whole name beside a preferred first name ("Name" and "Preferred Name"): the surname comes from
        // the whole name, and its first name is the legal one when it differs.
        last = fullLast;
        if (preferredF && !legalFirst && fullFirst.toLowerCase() !== first.toLowerCase()) legalFirst = fullFirst;
      }
    }
    // A "Preferred Name" column may hold the whole name ("Alex Smith-Walker"): its surname is the surname's.
    const wholeSuffix = last ? ` ${last}`.toLowerCase() : '';
    if (preferredF && wholeSuffix && preferredF.toLowerCase().endsWith(wholeSuffix) && preferredF.length > wholeSuffix.length) {
      first = preferredF.slice(0, preferredF.length - wholeSuffix.length).trim();
    }
    // Names in capitals ("HUGHES", as some reports print surnames): in title case, since the checks' fixes
    // write the name as the roster has it ("Amelia H."), and said to be.
    const cased = [first, last, legalFirst, legalLast].map(titleCase);
    if (cased.some((c, i) => c !== [first, last, legalFirst, legalLast][i])) capitalised.push(`${clip([first, last].filter(Boolean).join(' '))} → ${clip([cased[0], cased[1]].filter(Boolean).join(' '))}`);
    [first, last, legalFirst, legalLast] = cased as [string, string, string, string];
    if (legalFirst === first) legalFirst = '';
    if (legalLast === last) legalLast = '';

    // A member of staff listed with the class ("Teacher, Ms Carter", "Carter, Mrs"): a title is never a pupil's
    // first name. The row is left out and named (probe 19 L3: it was imported as a pupil called "Ms Carter").
    if (STAFF_TITLE.test(first) || (!first && STAFF_TITLE.test(last))) {
      staffRows.push({ row, name: tidy(cells.filter((c) => c.trim()).slice(0, 3).join(' ')).slice(0, 60) });
      continue;
    }
    if (bracketed && first) bracketNames.push(`“${tidy(before.split('|').filter(Boolean).join(' ').slice(0, 60))}” → ${first} ${last}${legalFirst || legalLast ? `\t${[legalFirst || first, legalLast || last].join(' ')}` : ''}`);
    if (!first) {
      result.problems.push({ row, code: 'no-first-name' });
      continue;
    }
    const parts = [first, last, legalFirst, legalLast].filter(Boolean);
    const whole = `${first} ${last}`.trim();
    if (parts.some((p) => CONTROL.test(p))) {
      result.problems.push({ row, code: 'control-chars', data: [shown(whole)] });
      continue;
    }
    const lost = parts.find((p) => LOST_LETTER.test(p));
    if (lost) {
      // "?": the program that saved it could not write the letter; "�": read in the wrong encoding and saved again.
      result.problems.push({ row, code: 'lost-letter', data: [shown(lost), lost.includes('?') ? 'question' : 'replacement'] });
      continue;
    }
    // Read as Windows-1252, a letter from another encoding ("JosŽ", "OÕConnor", "Zo‘": Excel for Mac's "CSV"
    // when the whole file could not be read as Mac Roman): refused by row, never imported with wrong letters.
    const oddPart = singleByte ? parts.find((p) => oddWords(p).length > 0) : undefined;
    if (oddPart) {
      const [from, to] = oddWords(oddPart)[0]!;
      const c = [...oddPart.slice(from, to)].find((ch) => ch.charCodeAt(0) >= 0x80) ?? oddPart.slice(from, to);
      result.problems.push({ row, code: 'not-letters', data: [shown(oddPart), shown(c), 'encoding'] });
      continue;
    }
    if (parts.some((p) => DIGIT.test(p))) {
      result.problems.push({ row, code: 'digits', data: [shown(whole)] });
      continue;
    }
    const headingPart = parts.find(isHeadingWord) ?? (isHeadingWord(whole) ? whole : undefined);
    if (headingPart) {
      result.problems.push({ row, code: 'heading-word', data: [shown(headingPart)] });
      continue;
    }
    const answer = parts.find((p) => ANSWER.has(p.toLowerCase()) || p.includes('@'));
    if (answer) {
      result.problems.push({ row, code: 'not-a-name', data: [shown(answer), answer.includes('@') ? 'email' : 'answer'] });
      continue;
    }
    if (first.length > 60 || last.length > 80 || legalFirst.length > 60 || legalLast.length > 80) {
      result.problems.push({ row, code: 'too-long' });
      continue;
    }
    for (const p of parts) names.add(p.toLowerCase());
    let unreadable = false;
    const cellsOf = (field: Field) => (byField.get(field) ?? []).map((i) => cells[i] ?? '');
    // A value in a yes/no column that is a date, an email or one of this row's names: the row has moved along.
    const moved = (value: string) => looksLikeDate(value) || value.includes('@') || names.has(tidy(value).toLowerCase()) || parts.some((p) => same(p, value));
    // data: the field, the value, "welsh" where a Welsh register is told its answers in Welsh too, and a hint
    // ("moved": the row looks moved along; "limited": a yes with a limit or a note).
    const notYesNo = (field: Field, cell: string) => {
      const v = tidy(cell).slice(0, 40);
      // A yes with a limit or a note ("Yes (not social media)", "Y - see note"): say why it is not read as a yes.
      // (Never in the in-care column: "write no" there would mark a looked-after child as not in care.)
      const limited = field !== 'inCare' && (YES_WORDS.has(wordsOf(cell)[0] ?? '') || /^\s*(y|yes)\s*[*†‡]/i.test(cell));
      const hint = moved(cell) ? 'moved' : limited ? 'limited' : '';
      result.problems.push({ row, code: 'not-yes-no', data: [field, v, welsh ? 'welsh' : '', hint] });
      unreadable = true;
    };
    const consentOf = (field: Field): Consent | undefined => {
      const all = cellsOf(field);
      if (all.length === 0) return undefined;
      const answers: Consent[] = [];
      for (const cell of all) {
        // In a Welsh register "Na" is the Welsh "no", not "N/A".
        const v = welsh && cell.trim().toLowerCase() === 'na' ? false : cellConsent(cell);
        if (v === undefined) {
          // Never a guess: a cell that is neither given, refused nor not recorded stops the file, saying so.
          notYesNo(field, cell);
          return undefined;
        }
        answers.push(v);
      }
      // Several consent columns: refused if any says no; given only if every one says yes; else not recorded.
      if (answers.includes(false)) return false;
      return answers.every((a) => a === true) ? true : null;
    };
    // An opt-out column says the opposite: "Y" (or a restriction written in it) is a refusal, "N" or "None"
    // a yes, empty not recorded.
    const optOuts: Consent[] = [];
    for (const cell of cellsOf('optOut')) {
      const v = optOutConsent(cell);
      // A date in a withdrawal or opt-out column ("Photo consent withdrawn: 03/10/2025") is when the family
      // withdrew or opted out: a refusal, said in a note. A name there still means the row has moved along.
      if (looksLikeDate(cell) || isDateSerial(cell)) {
        optOuts.push(false);
        optOutDates.push(whole);
        continue;
      }
      if (v === undefined || (v === false && moved(cell))) {
        notYesNo('optOut', cell);
        break;
      }
      optOuts.push(v);
    }
    if (welsh && cellsOf('consent').some((c) => c.trim().toLowerCase() === 'na')) welshNa++;
    const givenAnswer = consentOf('consent');
    // An empty opt-out cell beside a consent column's answer says nothing (most of a class has no restriction
    // written): it is not recorded only when the opt-out column is the register's only answer.
    const answers = [...(givenAnswer === undefined ? [] : [givenAnswer]), ...(givenAnswer === undefined ? optOuts : optOuts.filter((v) => v !== null))];
    const all: Consent | undefined = answers.length === 0 ? undefined : answers.includes(false) ? false : answers.every((a) => a === true) ? true : null;
    const per: Partial<Record<Channel, Consent>> = {};
    let anyPer = false;
    for (const c of CONSENT_COLUMNS) {
      // An empty cell in a channel's column says nothing: that channel takes the general answer.
      if (!cellsOf(`consent:${c}`).some((v) => v.trim())) continue;
      const v = consentOf(`consent:${c}`);
      if (v === undefined || v === null) continue;
      anyPer = true;
      if (c === 'messages') per['class-chat'] = per['private-chat'] = v;
      else per[c] = v;
    }
    // In care if any in-care column says so; an answer that is neither yes nor no is asked about.
    let inCare = false;
    for (const inCareCell of cellsOf('inCare')) {
      const v = inCareCellBool(inCareCell);
      if (v === undefined) {
        notYesNo('inCare', inCareCell);
        break;
      }
      if (v) inCare = true;
    }
    if (unreadable) continue;
    if (all === false) {
      // Which general columns said yes and which refused: they disagree, so the refusal is read, and said.
      const said = (field: 'consent' | 'optOut', i: number): Consent | undefined => {
        const cell = cells[i] ?? '';
        if (field === 'consent') return welsh && cell.trim().toLowerCase() === 'na' ? false : cellConsent(cell);
        // A date in a withdrawal column is consent given, then withdrawn: no disagreement (the opt-out-date note names it).
        return looksLikeDate(cell) || isDateSerial(cell) ? undefined : optOutConsent(cell);
      };
      const cols = (['consent', 'optOut'] as const).flatMap((field) => (byField.get(field) ?? []).map((i) => ({ i, v: said(field, i) })));
      const yes = cols.filter((c) => c.v === true).map((c) => columnName(c.i));
      const no = cols.filter((c) => c.v === false).map((c) => columnName(c.i));
      if (yes.length && no.length) yesUnderRefusal.push([[first, last].filter(Boolean).join(' '), String(row), String(yes.length), ...yes, ...no].join('\t'));
    }
    const general: Consent = all ?? null;
    let photoConsent: Pupil['photoConsent'] = general;
    if (anyPer) {
      // Channels without a column of their own take the general answer (or none). A channel's own yes never
      // stands over a general refusal or opt-out ("Photo Opt Out: Y", "Class Story: Yes"): the two disagree,
      // and a photo posted against a refusal cannot be taken back, so the stricter is read and the preview
      // says so. A channel's no stands over a general yes (it is stricter).
      const overRuled: Channel[] = [];
      photoConsent = Object.fromEntries(
        CHANNEL_LIST.map((c) => {
          const own = per[c];
          if (own === true && general === false) {
            overRuled.push(c);
            return [c, false];
          }
          return [c, own ?? general];
        }),
      );
      if (overRuled.length) refusedOverChannel.push(`${[first, last].filter(Boolean).join(' ')}\t${row}`);
    }

    // Accents and apostrophes aside ("Sian" and "Siân", "OConnor" and "O’Connor"): a post's name is matched
    // that way, so two such rows are one pupil to the checks, and get the stricter answers.
    const key = foldName(`${first}|${last}`);
    const earlier = seen.get(key);
    if (earlier) {
      // Two rows with one name: a row pasted twice, or two pupils called the same (in a big school, common).
      // The checks find a name, not a row, so they cannot tell two such pupils apart: one pupil is kept, with
      // the stricter answers of the two (a refusal over a yes, in care if either row says so).
      const prev = result.pupils[earlier.index]!;
      result.pupils[earlier.index] = { ...prev, photoConsent: stricterConsent(prev.photoConsent, photoConsent), inCare: prev.inCare || inCare };
      const identical = earlier.cells === cells.map(tidy).join('\u0001');
      result.notes.push({
        code: 'same-name',
        // "identical": the same row twice (read once); else two rows with one name.
        data: [whole, String(earlier.row), String(row), identical ? 'identical' : ''],
      });
      continue;
    }
    seen.set(key, { row, index: result.pupils.length, cells: cells.map(tidy).join('\u0001') });
    if (legalFirst || legalLast) result.legalNames++;
    result.pupils.push({ first, last, ...(legalFirst ? { legalFirst } : {}), ...(legalLast ? { legalLast } : {}), photoConsent, inCare });
  }
  if (refusedOverChannel.length > 0) {
    const generalCols = result.columns.filter((c) => c.field === 'consent' || c.field === 'optOut').map((c) => `“${c.heading}” (${c.column})`).join('\n');
    // The pupils ("name\trow", a list) and the general consent columns (a list; none: "the general consent column").
    result.notes.push({ code: 'channel-under-refusal', data: [String(refusedOverChannel.length), refusedOverChannel.join('\n'), generalCols] });
  }
  if (yesUnderRefusal.length > 0) {
    const n = yesUnderRefusal.length;
    // Each pupil (a list): "name\trow\t<k>\t<k columns that said yes>\t<the columns that refused>".
    result.notes.push({ code: 'yes-under-refusal', data: [String(n), yesUnderRefusal.join('\n')] });
  }
  if (capitalised.length > 0) {
    const n = capitalised.length;
    // How many, and the first three (a list).
    result.notes.push({ code: 'capitals', data: [String(n), capitalised.slice(0, 3).join('\n')] });
  }
  if (optOutDates.length > 0) {
    // The opt-out columns (a list), how many pupils, and the first five (a list).
    const where = result.columns.filter((c) => c.field === 'optOut').map((c) => `“${c.heading}” (${c.column})`).join('\n');
    result.notes.push({ code: 'opt-out-date', data: [where, String(optOutDates.length), optOutDates.slice(0, 5).join('\n')] });
  }
  if (welshNa > 0) {
    result.notes.push({ code: 'welsh-na', data: [String(welshNa)] });
  }
  if (bracketNames.length > 0) {
    // The first three (a list: "“Amelia (Millie)” → Millie Hughes", with "\t" and the legal name where there is one).
    result.notes.push({ code: 'bracket-preferred', data: [String(bracketNames.length), bracketNames.slice(0, 3).join('\n')] });
  }
  if (staffRows.length > 0) {
    const list = staffRows.slice(0, 3).map((s) => `${s.row} (“${s.name}”)`).join(', ') + (staffRows.length > 3 ? ', …' : '');
    result.notes.push({ code: 'staff-row', data: [String(staffRows.length), list] });
  }
  if (guessedSplits.length > 0) {
    const column = result.columns.find((c) => c.field === 'full');
    // How many, the first three (a list), and the name column ("" where there is no heading).
    result.notes.push({ code: 'name-split', data: [String(guessedSplits.length), guessedSplits.slice(0, 3).join('\n'), column ? `“${column.heading}” (${column.column})` : ''] });
  }
  result.noConsentRecorded = result.pupils.filter((p) => p.photoConsent === null).length;
  result.noInCareColumn = result.pupils.length > 0 && !byField.has('inCare');
  result.ok = result.problems.length === 0 && result.pupils.length > 0;
  if (result.pupils.length === 0 && result.problems.length === 0) result.problems.push({ row: 1, code: 'no-pupils' });
  return result;
}

/**
 * A name with a second one in brackets ("Amelia (Millie)"): [the name without it, the bracketed one as the
 * preferred name unless `preferred` is already set]. A name with no brackets comes back as it is.
 */
const NAME_IN_BRACKETS = /^\p{L}[\p{L}\p{M}'’. -]*$/u;

function takeBracket(name: string, preferred: string): [string, string] {
  const m = /^([^()]*)\(([^()]*)\)(.*)$/.exec(name);
  // Only a name in brackets beside a name: anything else ("=HYPERLINK(…)", "Amelia (Y3)") is left as written.
  if (!m || !NAME_IN_BRACKETS.test(m[2]!.trim()) || !/\p{L}/u.test(m[1]!)) return [name, preferred];
  const rest = tidy(`${m[1]} ${m[3]}`).split(' ,').join(',');
  const inner = tidy(m[2]!);
  return [rest, preferred || inner];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export interface RosterDiff {
  added: Pupil[];
  changed: { before: Pupil; after: Pupil }[];
  removed: Pupil[];
  unchanged: number;
}

/** What an import would do to the class's current roster (it replaces it). */
export function diffRoster(current: readonly Pupil[], next: readonly Pupil[]): RosterDiff {
  const key = (p: Pupil) => `${p.first}|${p.last}`.toLowerCase();
  const before = new Map(current.map((p) => [key(p), p]));
  const diff: RosterDiff = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const p of next) {
    const old = before.get(key(p));
    before.delete(key(p));
    if (!old) diff.added.push(p);
    else if (JSON.stringify(old) !== JSON.stringify(p)) diff.changed.push({ before: old, after: p });
    else diff.unchanged++;
  }
  diff.removed = [...before.values()];
  return diff;
}

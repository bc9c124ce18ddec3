/**
 * A class roster from the CSV a school's management system exports (SIMS, Arbor, Bromcom, ScholarPack…),
 * or from a list pasted from a spreadsheet. Column names vary, so headers are matched by meaning; the
 * delimiter (`,` `;` tab) is guessed by papaparse, which also handles quoted names with commas and line
 * breaks. A byte-order mark is dropped. Columns the checks do not need (date of birth, UPN, address…) are
 * not read, and the preview says so.
 *
 * All or nothing: any row that cannot be read makes the whole file a list of problems, by row, and
 * nothing is imported until it is fixed. Pure: used by the options page and the `guard` CLI.
 */
import Papa from 'papaparse';
import type { Channel } from '../policy/schema';
import type { Pupil } from '../rules/types';

/** The channels a consent register records separately. Messages cover both kinds of chat. */
export const CONSENT_COLUMNS = ['class-story', 'school-story', 'student-story', 'messages'] as const;
export type ConsentColumn = (typeof CONSENT_COLUMNS)[number];

type Field = 'first' | 'last' | 'full' | 'consent' | 'inCare' | `consent:${ConsentColumn}`;

/** Header names by meaning, compared lower case with everything but letters removed. */
const HEADERS: Record<Field, string[]> = {
  first: ['first', 'firstname', 'forename', 'forenames', 'givenname', 'legalforename', 'preferredforename', 'preferredname', 'preferredfirstname', 'childsfirstname', 'pupilforename', 'enwcyntaf'],
  last: ['last', 'lastname', 'surname', 'familyname', 'legalsurname', 'preferredsurname', 'pupilsurname', 'cyfenw'],
  full: ['name', 'fullname', 'pupil', 'pupilname', 'student', 'studentname', 'child', 'childname', 'childsname', 'enw', 'enwllawn'],
  consent: ['photoconsent', 'photopermission', 'photopermissions', 'photos', 'photo', 'consent', 'mediaconsent', 'imageconsent', 'photographconsent', 'photographs', 'caniatadlluniau'],
  'consent:class-story': ['classstory', 'classstoryconsent', 'consentclassstory', 'photoconsentclassstory', 'classstoryphotos'],
  'consent:school-story': ['schoolstory', 'schoolstoryconsent', 'consentschoolstory', 'photoconsentschoolstory', 'schoolstoryphotos'],
  'consent:student-story': ['studentstory', 'portfolio', 'portfolios', 'studentstoryconsent', 'portfolioconsent', 'consentportfolio', 'consentstudentstory'],
  'consent:messages': ['messages', 'messaging', 'messagesconsent', 'consentmessages', 'chat'],
  inCare: ['incare', 'lookedafter', 'lookedafterchild', 'childlookedafter', 'lac', 'cla', 'lookedafterstatus', 'inlocalauthoritycare', 'gofal'],
};

// "x" is not here: in some registers it ticks a box, in others it crosses one out. Such a file is asked about.
const YES = new Set(['y', 'yes', 'true', '1', '✓', '✔', 'given', 'consent', 'consented', 'granted', 'allowed', 'ok', 'consentgiven', 'permissiongiven', 'ie', 'oes', 'tak']);
const NO = new Set(['', 'n', 'no', 'false', '0', '-', '✗', '✘', 'none', 'refused', 'withdrawn', 'notgiven', 'noconsent', 'na', 'nacoes', 'nage', 'nie']);

/** Yes, no, or undefined when a cell says neither ("maybe"). Empty means no: no consent unless recorded. */
export function cellBool(value: string): boolean | undefined {
  const v = value.trim().toLowerCase().replace(/[^a-z0-9✓✔✗✘-]/g, '');
  if (YES.has(v) || /^yes/.test(v)) return true;
  if (NO.has(v) || /^no/.test(v)) return false;
  return undefined;
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
const tidy = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

export interface RosterProblem {
  /** 1-based row in the file (the header is row 1 when there is one). */
  row: number;
  /** What is wrong, for translation (csv_<code> in the interface's messages), with its values in `data`. */
  code: 'empty' | 'too-many-rows' | 'no-first-name' | 'too-long' | 'not-yes-no' | 'duplicate' | 'no-pupils';
  data?: string[];
  message: string;
}

export interface RosterParse {
  ok: boolean;
  pupils: Pupil[];
  problems: RosterProblem[];
  /** Headers read, by what they were read as. */
  used: string[];
  /** Headers the checks do not need, not read. */
  ignored: string[];
  delimiter: string;
  /** Whether the first row was a header (a pasted list often has none). */
  header: boolean;
  /** Pupils with no consent recorded in any column: treated as no consent. */
  noConsentRecorded: number;
}

const MAX_ROWS = 2000;

/**
 * A file's bytes as text. Management systems export UTF-8 (with or without a byte-order mark) or, still
 * often on Windows, Windows-1252; bytes that are not valid UTF-8 are read as Windows-1252, so "Siân"
 * arrives as Siân and not as "Si�n".
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function parseRosterCsv(input: string): RosterParse {
  const text = input.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const rows = parsed.data.filter((r) => Array.isArray(r) && r.some((c) => c.trim() !== ''));
  const result: RosterParse = { ok: false, pupils: [], problems: [], used: [], ignored: [], delimiter: parsed.meta.delimiter, header: false, noConsentRecorded: 0 };
  if (rows.length === 0) {
    result.problems.push({ row: 1, code: 'empty', message: 'The file has no rows.' });
    return result;
  }
  if (rows.length > MAX_ROWS + 1) {
    result.problems.push({ row: MAX_ROWS + 2, code: 'too-many-rows', data: [String(MAX_ROWS)], message: `More than ${MAX_ROWS} rows: a class roster is far shorter. Is this the whole school's export?` });
    return result;
  }

  // Which column is what: by header names, else (no header) first and last name by position.
  const columns = new Map<number, Field>();
  rows[0]!.forEach((cell, i) => {
    const key = squash(cell);
    const field = (Object.keys(HEADERS) as Field[]).find((f) => HEADERS[f].includes(key));
    if (field && ![...columns.values()].includes(field)) columns.set(i, field);
  });
  const hasName = [...columns.values()].some((f) => f === 'first' || f === 'full');
  result.header = hasName;
  if (hasName) {
    rows[0]!.forEach((cell, i) => (columns.has(i) ? result.used : cell.trim() ? result.ignored : []).push(tidy(cell)));
  } else {
    columns.clear();
    const width = Math.max(...rows.map((r) => r.length));
    if (width === 1) columns.set(0, 'full');
    else {
      columns.set(0, 'first');
      columns.set(1, 'last');
    }
  }

  const seen = new Map<string, number>();
  const body = hasName ? rows.slice(1) : rows;
  body.forEach((cells, k) => {
    const row = k + (hasName ? 2 : 1);
    const get = (field: Field) => {
      for (const [i, f] of columns) if (f === field) return cells[i] ?? '';
      return undefined;
    };
    let first = tidy(get('first') ?? '');
    let last = tidy(get('last') ?? '');
    const full = tidy(get('full') ?? '');
    if (!first && full) {
      // "Hughes, Amelia" (surname first, as registers list pupils) or "Amelia Hughes".
      const comma = full.indexOf(',');
      if (comma > 0) [last, first] = [tidy(full.slice(0, comma)), tidy(full.slice(comma + 1))];
      else [first, last] = [full.split(' ')[0]!, full.split(' ').slice(1).join(' ')];
    }
    if (!first) {
      result.problems.push({ row, code: 'no-first-name', message: 'No first name.' });
      return;
    }
    if (first.length > 60 || last.length > 80) {
      result.problems.push({ row, code: 'too-long', message: 'This name is too long to be a pupil’s name: is a column in the wrong place?' });
      return;
    }
    const bool = (field: Field, label: string): boolean | undefined | null => {
      const cell = get(field);
      if (cell === undefined) return undefined;
      const v = cellBool(cell);
      if (v === undefined) {
        result.problems.push({ row, code: 'not-yes-no', data: [field, tidy(cell).slice(0, 40)], message: `${label} says “${tidy(cell).slice(0, 40)}”: write yes or no.` });
        return null;
      }
      return v;
    };
    const all = bool('consent', 'Photo consent');
    const per: Partial<Record<Channel, boolean>> = {};
    let anyPer = false;
    for (const c of CONSENT_COLUMNS) {
      // An empty cell in a channel's column says nothing: that channel takes the general consent.
      if (!(get(`consent:${c}`) ?? '').trim()) continue;
      const v = bool(`consent:${c}`, `Consent for ${c}`);
      if (v === null || v === undefined) continue;
      anyPer = true;
      if (c === 'messages') per['class-chat'] = per['private-chat'] = v;
      else per[c] = v;
    }
    const inCare = bool('inCare', 'In care');
    if (all === null || inCare === null) return;
    const consentCells = (['consent', ...CONSENT_COLUMNS.map((c) => `consent:${c}` as const)] as Field[]).map(get).filter((c) => c !== undefined && c.trim() !== '');
    if (consentCells.length === 0) result.noConsentRecorded++;
    let photoConsent: Pupil['photoConsent'] = all ?? false;
    if (anyPer) {
      // Channels without a column of their own take the general consent (or none).
      photoConsent = Object.fromEntries(['class-story', 'school-story', 'student-story', 'class-chat', 'private-chat'].map((c) => [c, per[c as Channel] ?? all ?? false]));
    }
    const key = `${first}|${last}`.toLowerCase();
    if (seen.has(key)) {
      result.problems.push({ row, code: 'duplicate', data: [`${first} ${last}`.trim(), String(seen.get(key)), String(row)], message: `${first} ${last} is listed twice (rows ${seen.get(key)} and ${row}).` });
      return;
    }
    seen.set(key, row);
    result.pupils.push({ first, last, photoConsent, inCare: inCare ?? false });
  });
  result.ok = result.problems.length === 0 && result.pupils.length > 0;
  if (result.pupils.length === 0 && result.problems.length === 0) result.problems.push({ row: 1, code: 'no-pupils', message: 'No pupils found.' });
  return result;
}

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

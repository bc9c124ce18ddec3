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
 * - Photo consent has three states: yes, no, and not recorded (an empty cell, "not known", "awaiting").
 * - Names must look like names: a cell with control characters (a file whose encoding was misread), digits
 *   (a date or class in the wrong column) or a column heading (a second heading row) is refused, by row.
 *
 * All or nothing: any row that cannot be read makes the whole file a list of problems, by row (as the
 * spreadsheet numbers them), and nothing is imported until it is fixed. Columns the checks do not need
 * (date of birth, UPN, address…) are not read, and the preview says so. Pure: no DOM or browser access.
 */
import Papa from 'papaparse';
import type { Channel } from '../policy/schema';
import type { Consent, Pupil } from '../rules/types';
import { decodeRoster, type RosterEncoding } from './decode';
import { COMBINED_FIELDS, CONSENT_COLUMNS, fieldOf, headingScore, isHeadingWord, type Field } from './headers';

export { CONSENT_COLUMNS, type ConsentColumn } from './headers';

// "x" is not here: in some registers it ticks a box, in others it crosses one out. Such a file is asked about.
const YES = new Set(['y', 'yes', 'true', '1', '✓', '✔', 'given', 'consent', 'consented', 'granted', 'allowed', 'ok', 'consentgiven', 'permissiongiven', 'ie', 'oes', 'tak']);
const NO = new Set(['', 'n', 'no', 'false', '0', '-', '✗', '✘', 'none', 'refused', 'withdrawn', 'notgiven', 'noconsent', 'na', 'nacoes', 'nage', 'nie']);
// Answers that say the register has no answer yet: consent is not recorded, never assumed either way.
const NOT_RECORDED = new Set(['', 'notrecorded', 'unknown', 'notknown', 'awaiting', 'awaitingreply', 'pending', 'notreturned', 'noreply', 'noresponse', 'tbc', 'notasked', 'dimateb', 'anhysbys']);

const squashCell = (value: string) => value.trim().toLowerCase().replace(/[^a-z0-9✓✔✗✘-]/g, '');

/** Yes, no, or undefined when a cell says neither ("maybe"). Empty means no (the in-care column). */
export function cellBool(value: string): boolean | undefined {
  const v = squashCell(value);
  // "Yes - all media", "Given 01/09/2025", "Withdrawn by parent": the answer comes first.
  // A yes with a limit ("Yes - internal use only", "Yes (not social media)") is not a plain yes: asked about.
  if (/^(yes|given|granted)/.test(v) && /only|internal|except|not|no(?!w)|but/.test(v.replace(/^(yes|given|granted)/, ''))) return undefined;
  if (YES.has(v) || /^(yes|given|granted|consentgiven|permissiongiven)/.test(v)) return true;
  // "no…" but not "not…" ("Not yet returned" is no answer, not a refusal).
  if (NO.has(v) || /^(no(?!t)|refused|withdrawn|declined|notgiven|consentwithdrawn)/.test(v)) return false;
  return undefined;
}

/** A consent cell: given (true), refused (false), not recorded (null: empty or "not known"), or unreadable. */
export function cellConsent(value: string): Consent | undefined {
  const v = squashCell(value).replace(/-/g, '');
  if (NOT_RECORDED.has(v)) return null;
  // "Not yet returned", "Not sure", "No form", "N/A": the register has no answer, which is not a refusal.
  if (/^(not(yet)?(returned|recorded|known|asked|sure|received|applicable)|no(reply|response|form|answer)|notapplicable|awaiting|pending)/.test(v) || v === 'na') return null;
  return cellBool(value);
}

const tidy = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
// C0 and C1 control characters and the replacement character: what a misread encoding leaves in a name.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/u;
const DIGIT = /\p{Nd}/u;
const shown = (s: string) => s.replace(/\u0000/g, '␀').replace(/[\u0001-\u001f\u007f-\u009f]/g, '�').slice(0, 40);

export interface RosterProblem {
  /** 1-based row as the spreadsheet numbers it (a `sep=` line is not a row). */
  row: number;
  /** What is wrong, for translation (csv_<code> in the interface's messages), with its values in `data`. */
  code: 'empty' | 'too-many-rows' | 'no-first-name' | 'too-long' | 'not-yes-no' | 'duplicate' | 'no-pupils' | 'control-chars' | 'digits' | 'heading-word';
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
  /** Pupils with no consent recorded in any column: their photos are held until it is (per the policy). */
  noConsentRecorded: number;
  /** Pupils whose legal name differs from the preferred name (both are matched). */
  legalNames: number;
}

const MAX_ROWS = 2000;
const HEADING_SEARCH = 20;

/**
 * A file's bytes as text (see lib/roster/decode.ts); kept for callers that only need the text.
 */
export function decodeText(bytes: Uint8Array): string {
  return decodeRoster(bytes).text;
}

/** Decodes and reads a roster file: the one entry point for the options page and the CLI. */
export function readRoster(bytes: Uint8Array): RosterParse {
  const { text, encoding } = decodeRoster(bytes);
  return { ...parseRosterCsv(text), encoding };
}

type Grid = string[][];

function parseWith(text: string, delimiter: string, preview = 0): Grid {
  return Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter, preview }).data.filter(Array.isArray);
}

const blank = (row: readonly string[]) => row.every((c) => c.trim() === '');

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

export function parseRosterCsv(input: string): RosterParse {
  let text = input.replace(/^\uFEFF/, '');
  // Excel's hint line, "sep=;" (sometimes quoted): it names the delimiter and is not part of the table.
  const sep = /^"?sep=(.)"?[ \t]*(\r\n|\n|\r|$)/i.exec(text);
  if (sep) text = text.slice(sep[0].length);

  const result: RosterParse = { ok: false, pupils: [], problems: [], used: [], ignored: [], delimiter: sep?.[1] ?? ',', header: false, headerRow: 0, skipped: [], sepLine: Boolean(sep), noConsentRecorded: 0, legalNames: 0 };

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

  const numbered = rows.map((cells, i) => ({ cells, row: i + 1 })).filter((r) => !blank(r.cells));
  if (numbered.length === 0) {
    result.problems.push({ row: 1, code: 'empty', message: 'The file has no rows.' });
    return result;
  }

  // Which column is what: by heading, else (no heading) first and last name by position.
  const columns = new Map<number, Field>();
  let body = numbered;
  if (heading.index >= 0) {
    const head = rows[heading.index]!;
    result.header = true;
    result.headerRow = heading.index + 1;
    result.skipped = numbered.filter((r) => r.row <= heading.index).map((r) => tidy(r.cells.filter((c) => c.trim()).join(' ')).slice(0, 60));
    head.forEach((cell, i) => {
      const field = fieldOf(cell);
      // A second column for the same name field is dropped (the first wins); consent and in-care columns
      // are all read and combined (two consent columns, "Internal" and "External", are common).
      if (field && (COMBINED_FIELDS.has(field) || ![...columns.values()].includes(field))) columns.set(i, field);
    });
    head.forEach((cell, i) => (columns.has(i) ? result.used : cell.trim() ? result.ignored : []).push(tidy(cell)));
    body = numbered.filter((r) => r.row > heading.index + 1);
  } else {
    const width = Math.max(...numbered.map((r) => r.cells.length));
    if (width === 1) columns.set(0, 'full');
    else {
      columns.set(0, 'first');
      columns.set(1, 'last');
    }
  }
  if (body.length > MAX_ROWS) {
    result.problems.push({ row: body[MAX_ROWS]!.row, code: 'too-many-rows', data: [String(MAX_ROWS)], message: `More than ${MAX_ROWS} rows: a class roster is far shorter. Is this the whole school's export?` });
    return result;
  }

  const seen = new Map<string, number>();
  for (const { cells, row } of body) {
    const get = (field: Field) => {
      for (const [i, f] of columns) if (f === field) return cells[i] ?? '';
      return undefined;
    };
    const named = (field: Field) => tidy(get(field) ?? '');
    const given = named('first');
    const legalF = named('legalFirst');
    const preferredF = named('preferredFirst');
    const surname = named('last');
    const legalL = named('legalLast');
    const preferredL = named('preferredLast');
    const full = named('full');
    // The name teachers write: the preferred (known-as) one where the register has it.
    let first = preferredF || given || legalF;
    let last = preferredL || surname || legalL;
    let legalFirst = legalF || (preferredF ? given : '');
    let legalLast = legalL || (preferredL ? surname : '');
    if (!first && full) {
      // "Hughes, Amelia" (surname first, as registers list pupils) or "Amelia Hughes".
      const comma = full.indexOf(',');
      if (comma > 0) [last, first] = [tidy(full.slice(0, comma)), tidy(full.slice(comma + 1))];
      else [first, last] = [full.split(' ')[0]!, full.split(' ').slice(1).join(' ')];
    }
    // A "Preferred Name" column may hold the whole name ("Alex Smith-Walker"): its surname is the surname's.
    const wholeSuffix = last ? ` ${last}`.toLowerCase() : '';
    if (preferredF && wholeSuffix && preferredF.toLowerCase().endsWith(wholeSuffix) && preferredF.length > wholeSuffix.length) {
      first = preferredF.slice(0, preferredF.length - wholeSuffix.length).trim();
    }
    if (legalFirst === first) legalFirst = '';
    if (legalLast === last) legalLast = '';

    if (!first) {
      result.problems.push({ row, code: 'no-first-name', message: 'No first name.' });
      continue;
    }
    const parts = [first, last, legalFirst, legalLast].filter(Boolean);
    const whole = `${first} ${last}`.trim();
    if (parts.some((p) => CONTROL.test(p))) {
      result.problems.push({ row, code: 'control-chars', data: [shown(whole)], message: `The name “${shown(whole)}” holds invisible control characters: the file's encoding was not read right. Save it again as “CSV UTF-8” and import that.` });
      continue;
    }
    if (parts.some((p) => DIGIT.test(p))) {
      result.problems.push({ row, code: 'digits', data: [shown(whole)], message: `“${shown(whole)}” has digits in it, so it is not a name: is a date, class or number in the name column, or is this a line above or below the list?` });
      continue;
    }
    const headingPart = parts.find(isHeadingWord) ?? (isHeadingWord(whole) ? whole : undefined);
    if (headingPart) {
      result.problems.push({ row, code: 'heading-word', data: [shown(headingPart)], message: `“${shown(headingPart)}” is a column heading, not a name: is there a second heading row in the file?` });
      continue;
    }
    if (first.length > 60 || last.length > 80 || legalFirst.length > 60 || legalLast.length > 80) {
      result.problems.push({ row, code: 'too-long', message: 'This name is too long to be a pupil’s name: is a column in the wrong place?' });
      continue;
    }
    let unreadable = false;
    const getAll = (field: Field) => [...columns].filter(([, f]) => f === field).map(([i]) => cells[i] ?? '');
    const consentOf = (field: Field, label: string): Consent | undefined => {
      const cellsOf = getAll(field);
      if (cellsOf.length === 0) return undefined;
      const answers: Consent[] = [];
      for (const cell of cellsOf) {
        const v = cellConsent(cell);
        if (v === undefined) {
          result.problems.push({ row, code: 'not-yes-no', data: [field, tidy(cell).slice(0, 40)], message: `${label} says “${tidy(cell).slice(0, 40)}”: write yes, no, or leave it empty if it is not recorded.` });
          unreadable = true;
          return undefined;
        }
        answers.push(v);
      }
      // Several consent columns: refused if any says no; given only if every one says yes; else not recorded.
      if (answers.includes(false)) return false;
      return answers.every((a) => a === true) ? true : null;
    };
    const all = consentOf('consent', 'Photo consent');
    const per: Partial<Record<Channel, Consent>> = {};
    let anyPer = false;
    for (const c of CONSENT_COLUMNS) {
      // An empty cell in a channel's column says nothing: that channel takes the general answer.
      if (!(get(`consent:${c}`) ?? '').trim()) continue;
      const v = consentOf(`consent:${c}`, `Consent for ${c}`);
      if (v === undefined || v === null) continue;
      anyPer = true;
      if (c === 'messages') per['class-chat'] = per['private-chat'] = v;
      else per[c] = v;
    }
    // In care if any in-care column says so; an answer that is neither yes nor no is asked about.
    let inCare: boolean | undefined = false;
    for (const inCareCell of getAll('inCare')) {
      const v = cellBool(inCareCell);
      if (v === undefined) {
        result.problems.push({ row, code: 'not-yes-no', data: ['inCare', tidy(inCareCell).slice(0, 40)], message: `In care says “${tidy(inCareCell).slice(0, 40)}”: write yes or no.` });
        unreadable = true;
        inCare = undefined;
        break;
      }
      if (v) inCare = true;
    }
    if (unreadable) continue;
    const general: Consent = all ?? null;
    let photoConsent: Pupil['photoConsent'] = general;
    if (anyPer) {
      // Channels without a column of their own take the general answer (or none).
      photoConsent = Object.fromEntries(['class-story', 'school-story', 'student-story', 'class-chat', 'private-chat'].map((c) => [c, per[c as Channel] ?? general]));
    } else if (general === null) result.noConsentRecorded++;

    const key = `${first}|${last}`.toLowerCase();
    if (seen.has(key)) {
      result.problems.push({ row, code: 'duplicate', data: [whole, String(seen.get(key)), String(row)], message: `${whole} is listed twice (rows ${seen.get(key)} and ${row}).` });
      continue;
    }
    seen.set(key, row);
    if (legalFirst || legalLast) result.legalNames++;
    result.pupils.push({ first, last, ...(legalFirst ? { legalFirst } : {}), ...(legalLast ? { legalLast } : {}), photoConsent, inCare: inCare ?? false });
  }
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

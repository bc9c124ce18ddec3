/**
 * What the roster reader made of a file, in a few lines in the catalog's language: for the `guard` CLI (written
 * to stderr, so stdout stays the findings or the JSON), in the words the options page's preview uses for the
 * same things (components/roster/RosterRead.tsx: the same catalog keys). Pure: no DOM, no Node.
 */
import { keyPart, plural, type Messages } from '../i18n/finding';
import { noteText, problemText } from '../i18n/roster';
import type { RosterParse, RosterProblem } from './csv';
import type { RosterEncoding } from './decode';

/** How a file was read, in words a school office knows (Excel's own names for its formats): "UTF-16 (Excel “Unicode Text”)". */
export function encodingName(encoding: RosterEncoding, t: Messages): string {
  return t(`rosterEncoding_${keyPart(encoding)}`);
}

/** A separator's name ("commas", Welsh "gomas", as after "separated by"); one the catalog does not name, quoted as it is. */
export function separatorName(delimiter: string, t: Messages): string {
  const key = { ',': 'sep_comma', ';': 'sep_semicolon', '\t': 'sep_tab', '|': 'sep_bar' }[delimiter];
  return (key && t(key)) || `“${delimiter}”`;
}

/** Each column read, as "D “Preferred Forename” → first name the pupil goes by" (the field from the catalog's csvField_<field>). */
export function columnLines(r: RosterParse, t: Messages): string[] {
  return r.columns.map((c) => `${c.column} “${c.heading}” → ${t(`csvField_${c.field.replace(/[-:]/g, '_')}`)}`);
}

/**
 * Problems about the file as a whole, whatever row they name: no rows, no pupil in any, or the pupils of several
 * classes (a class to choose, not a row to mend).
 */
const WHOLE_FILE = new Set<RosterProblem['code']>(['empty', 'empty-file', 'no-pupils', 'several-classes', 'group-not-found', 'unknown-headings']);

/**
 * Where a problem is: `file` (the whole file: no row to name), `headings` (the heading row: its columns, not a pupil),
 * or `row` (a pupil's row, refused).
 */
export function problemPlace(p: RosterProblem, r: Pick<RosterParse, 'header' | 'headerRow'>): 'file' | 'headings' | 'row' {
  if (p.row <= 0 || WHOLE_FILE.has(p.code)) return 'file';
  return r.header && p.row === r.headerRow ? 'headings' : 'row';
}

/** How many pupils' rows were refused (distinct rows; problems with the file or its headings are not rows refused). */
export function refusedRows(r: RosterParse): number {
  return new Set(r.problems.filter((p) => problemPlace(p, r) === 'row').map((p) => p.row)).size;
}

/** A problem as a line: "Row 7: …", "Headings (row 1): …", or, for the whole file, what is wrong alone. */
export function problemLine(p: RosterProblem, r: RosterParse, t: Messages): string {
  const place = problemPlace(p, r);
  const text = problemText(p, t);
  return place === 'file' ? text : t(place === 'row' ? 'rosterProblemRow' : 'rosterProblemHeadings', [String(p.row), text]);
}

/**
 * The summary, one line each (no trailing newlines): how the file was read, rows and pupils, each column
 * read and what as, columns not read, notes (choices and mendings), pupils without consent, and every
 * refused row with why. `name` is how the file is named in the first line. `t`: the catalog every line is
 * worded from (cli/catalog.ts `messagesOf(lang)`); only file names, what is quoted from the file and pupils'
 * names are not the catalog's.
 */
export function rosterSummary(r: RosterParse, name: string, t: Messages): string[] {
  const lines: string[] = [];
  if (r.problems.some((p) => p.row === 0)) {
    for (const p of r.problems) lines.push(t('rosterSummaryFile', [name, problemText(p, t)]));
    return lines;
  }
  const separator = separatorName(r.delimiter, t);
  const how = [
    // A workbook's cells need no separator: which sheet was read is said instead. A pasted list has no encoding.
    r.encoding === 'xlsx'
      ? t('rosterReadSheet', [r.sheet ?? ''])
      : r.encoding
        ? t('rosterReadAs', [encodingName(r.encoding, t), r.sepLine ? t('rosterSeparatorSepLine', [separator]) : separator])
        : t('rosterReadSeparated', [separator]),
    // A file refused for its first row (headings none of which are known, answers with no heading): nothing is read
    // by position, so "the first column is read as the first name" is not said; the problem says why.
    r.header ? t('rosterHeadingRow', [String(r.headerRow)]) : r.problems.some((p) => p.code === 'unknown-headings') ? '' : t('rosterNoHeadingRow'),
  ];
  lines.push(t('rosterSummaryFile', [name, how.filter(Boolean).join(' ')]));
  const line = (key: string, subs?: string[]) => lines.push(`  ${t(key, subs)}`);
  if (r.skipped.length) line('rosterSkipped', [r.skipped.map((s) => `“${s}”`).join(', ')]);
  const refused = refusedRows(r);
  // Nothing is kept from a file refused whole: no count of pupils then (a count of 1 above "Nothing was read").
  if (r.ok) line('rosterSummaryCounts', [String(r.rowsRead), String(r.pupils.length), String(refused)]);
  else line(refused > 0 ? 'rosterRowsRefused' : 'rosterRowsReadCount', [String(r.rowsRead), String(refused)]);
  if (r.columns.length) line('rosterColumnsUsed', [columnLines(r, t).join('; ')]);
  if (r.ignored.length) line('rosterColumnsIgnored', [r.ignored.join(', ')]);
  for (const n of r.notes) line('rosterSummaryNote', [noteText(n, t)]);
  if (r.noInCareColumn) line('rosterNoInCareColumn');
  if (r.noConsentRecorded > 0) line('rosterNoConsent', [String(r.noConsentRecorded)]);
  if (r.legalNames > 0) line('rosterLegalNames', [String(r.legalNames)]);
  for (const p of r.problems) lines.push(`  ${problemLine(p, r, t)}`);
  // A file of several classes: the classes to choose from, with their rows (guard roster read --group <class>).
  const groups = r.groups;
  if (groups) line('rosterSummaryGroups', [groups.names.map((g, i) => `“${g}” (${plural(t, 'rosterGroupRows', groups.rows[i] ?? 0, [String(groups.rows[i] ?? 0)])})`).join(', ')]);
  // "Fix the rows above" only where rows were refused; a file refused whole (its headings, several classes) has none.
  if (!r.ok) line(refused > 0 ? 'rosterSummaryNothingRead' : 'rosterSummaryNothingReadFile');
  return lines;
}

/**
 * What the roster reader made of a file, in a few English lines: for the `guard` CLI (written to stderr,
 * so stdout stays the findings or the JSON), and the same words the options page's preview shows.
 * Pure: no DOM, no Node.
 */
import type { Messages } from '../i18n/finding';
import { noteText, problemText } from '../i18n/roster';
import { FIELD_NAMES } from './columns';
import type { RosterParse } from './csv';
import type { RosterEncoding } from './decode';

/** How a file was read, in words a school office knows (Excel's own names for its formats). */
export const ENCODING_NAMES: Record<RosterEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (Excel “CSV UTF-8”)',
  'utf-16le': 'UTF-16 (Excel “Unicode Text”)',
  'utf-16be': 'UTF-16 big-endian',
  'windows-1252': 'Windows-1252 (Excel “CSV”)',
  macintosh: 'Mac Roman (Excel for Mac “CSV”)',
  xlsx: 'an Excel workbook (.xlsx)',
};
export const SEPARATOR_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'bars' };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Each column read, as "D “Preferred Forename” → first name the pupil goes by". */
export function columnLines(r: RosterParse): string[] {
  return r.columns.map((c) => `${c.column} “${c.heading}” → ${FIELD_NAMES[c.field]}`);
}

/**
 * The summary, one line each (no trailing newlines): how the file was read, rows and pupils, each column
 * read and what as, columns not read, notes (choices and mendings), pupils without consent, and every
 * refused row with why. `name` is how the file is named in the first line. `t`: the catalog the notes and
 * problems are worded from (lib/i18n/roster.ts; cli/catalog.ts `messagesOf(lang)`); the lines around them
 * are English.
 */
export function rosterSummary(r: RosterParse, name: string, t: Messages): string[] {
  const lines: string[] = [];
  if (r.problems.some((p) => p.row === 0)) {
    for (const p of r.problems) lines.push(`roster ${name}: ${problemText(p, t)}`);
    return lines;
  }
  const how = [
    r.encoding ? `read as ${ENCODING_NAMES[r.encoding]}` : 'read',
    // A workbook's cells need no separator: which sheet was read is said instead.
    r.encoding === 'xlsx' ? `sheet “${r.sheet ?? ''}”` : `separated by ${SEPARATOR_NAMES[r.delimiter] ?? `“${r.delimiter}”`}${r.sepLine ? ' (its “sep=” line)' : ''}`,
    r.header ? `headings on row ${r.headerRow}` : 'no heading row (first and last name by position; consent and in care are not read without headings)',
  ];
  lines.push(`roster ${name}: ${how.join(', ')}.`);
  if (r.skipped.length) lines.push(`  Lines above the headings, not read: ${r.skipped.map((s) => `“${s}”`).join(', ')}`);
  const refused = new Set(r.problems.filter((p) => p.row > 0).map((p) => p.row)).size;
  lines.push(`  Rows read: ${r.rowsRead}. Pupils: ${r.pupils.length}. Rows refused: ${refused}.`);
  if (r.columns.length) lines.push(`  Columns read: ${columnLines(r).join('; ')}`);
  if (r.ignored.length) lines.push(`  Columns not read (the checks do not need them): ${r.ignored.join(', ')}`);
  for (const n of r.notes) lines.push(`  Note: ${noteText(n, t)}`);
  if (r.noInCareColumn) lines.push('  In care: no column says which pupils are in care (looked after), so every pupil is read as not in care. Add an "In care" column, or mark them after importing.');
  if (r.noConsentRecorded > 0) lines.push(`  No photo consent recorded: ${plural(r.noConsentRecorded, 'pupil')} (their photos are held until it is, unless the policy says remind).`);
  if (r.legalNames > 0) lines.push(`  Pupils with a legal name as well as the name they go by: ${r.legalNames} (both are matched).`);
  for (const p of r.problems) lines.push(`  Row ${p.row}: ${problemText(p, t)}`);
  // A file of several classes: the classes to choose from, with their rows (guard roster read --group <class>).
  if (r.groups) lines.push(`  To keep one class, read it again with --group and one of: ${r.groups.names.map((g, i) => `“${g}” (${plural(r.groups!.rows[i] ?? 0, 'row')})`).join(', ')}.`);
  if (!r.ok) lines.push('  Nothing was read from this file: fix the rows above and try again.');
  return lines;
}

/**
 * `guard roster read <file>`: what the roster reader (the options page's, lib/roster/csv.ts) makes of a
 * management system's export, without checking anything. The summary (how it was read, rows, pupils, the
 * column used for each field, notes, refused rows) goes to stderr; the pupils go to stdout as the JSON
 * list that `guard check --jsonl` takes as "roster". Exit 0 when every row was read, 1 when the file was
 * refused, 2 on a usage error.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { readRoster } from '../lib/roster/csv';
import { rosterSummary } from '../lib/roster/summary';
import { LANGUAGES, messagesOf, type Language } from './catalog';
import type { CliIO } from './main';

export const ROSTER_HELP = `Usage:
  guard roster read <file> [--group <class>] [--lang en|cy]
                             Read a class roster exported from SIMS, Arbor, Bromcom, ScholarPack, ClassDojo
                             or a spreadsheet (CSV or Excel "Unicode Text", any encoding, or an .xlsx workbook),
                             as the options page does. What was read goes to stderr; the pupils go to stdout as JSON.
  --group <class>            from a file of several classes (a class, registration, form or tutor group column
                             holding more than one), keep only this class's rows ("4W"); without it such a file
                             is refused, listing its classes.
  --lang <en|cy>             the language of the notes and the refused rows' problems (default en), worded as
                             the options page words them in a browser in that language.
`;

export function runRoster(args: string[], io: CliIO): number {
  const [sub] = args;
  // "guard roster read --help" asks for the help as "guard roster --help" does (probe 19 L6: it said "Unknown option").
  if (sub === undefined || args.some((a) => a === '--help' || a === '-h')) {
    (sub === undefined ? io.stderr : io.stdout)(ROSTER_HELP);
    return sub === undefined ? 2 : 0;
  }
  let parsed: { values: { group?: string; lang?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args: args.slice(1), options: { group: { type: 'string' }, lang: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    io.stderr(`guard roster: ${(error as Error).message}\n${ROSTER_HELP}`);
    return 2;
  }
  const [file, ...rest] = parsed.positionals;
  const group = parsed.values.group;
  const lang = parsed.values.lang ?? 'en';
  if (!(LANGUAGES as readonly string[]).includes(lang)) {
    io.stderr(`guard roster: --lang must be one of ${LANGUAGES.join(', ')}.\n`);
    return 2;
  }
  if (sub !== 'read' || !file || rest.length > 0 || (group !== undefined && !group.trim())) {
    io.stderr(`guard roster: expected 'guard roster read <file> [--group <class>] [--lang en|cy]'.\n${ROSTER_HELP}`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    io.stderr(`guard roster: cannot read ${JSON.stringify(file)}: ${(error as Error).message}\n`);
    return 1;
  }
  const result = readRoster(bytes, bytes.length, group === undefined ? {} : { group });
  for (const line of rosterSummary(result, basename(file), messagesOf(lang as Language))) io.stderr(`${line}\n`);
  if (!result.ok) return 1;
  io.stdout(`${JSON.stringify(result.pupils, null, 2)}\n`);
  return 0;
}

/**
 * The rosters `rosterSummary` (lib/roster/summary.ts) is checked on: every file of roster-cases.ts, with the name
 * `guard roster read` would give it (the fixture's own file name, else "class.csv"), and the shapes those do not
 * reach: a file of several classes read whole, a `sep=` line, semicolons, tabs and bars, lines above the
 * headings, a pupil without consent recorded.
 */
import { parseRosterCsv, readRoster, type RosterParse } from '../../../lib/roster/csv';
import { rosterCases } from './roster-cases';

const utf8 = (s: string) => new TextEncoder().encode(s);

const MORE: string[] = [
  'Forename,Surname,Reg Group,Photo consent\nAmelia,Hughes,3 Oak,Yes\nOliver,Bennett,3 Oak,No\nZofia,Kowalska,4 Ash,Yes\n',
  'sep=;\nForename;Surname;Photo consent\nAmelia;Hughes;Yes\nOliver;Bennett;\n',
  'Forename;Surname;Photo consent\nAmelia;Hughes;Yes\n',
  'Forename\tSurname\tPhoto consent\tIn care\nAmelia\tHughes\tYes\tNo\nOliver\tBennett\t\tYes\n',
  'Forename|Surname\nAmelia|Hughes\n',
  'Class list 3 Oak\nPrinted 01/09/2025\nForename,Surname,Photo consent\nAmelia,Hughes,\nOliver,Bennett,\nGrace,Taylor,Yes\n',
];

/** Every roster, named for a failing test's message; `file`: the name the summary's first line gives it. */
export function summaryCases(): { name: string; file: string; result: RosterParse }[] {
  const cases = rosterCases().map(({ name, result }) => ({ name, file: /\.(csv|txt|xlsx)$/.test(name) ? name : 'class.csv', result }));
  for (const text of MORE) cases.push({ name: `more ${JSON.stringify(text)}`, file: 'class.csv', result: readRoster(utf8(text)) });
  cases.push({ name: 'more pasted, one column', file: 'class.csv', result: parseRosterCsv('Amelia Hughes\nOliver Bennett\n') });
  return cases;
}

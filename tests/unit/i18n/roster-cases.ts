/**
 * Roster files that between them reach every problem and note the reader (lib/roster/csv.ts) can give but
 * `duplicate` (no longer given): the shapes of tests/unit/roster and the files of tests/fixtures/rosters, read
 * as the options page and the CLI read them. Used by roster-catalog.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseRosterCsv, readRoster, type RosterParse } from '../../../lib/roster/csv';
import { workbook } from '../../fixtures/rosters/workbook';

const utf8 = (s: string) => new TextEncoder().encode(s);
// Mac Roman bytes for the letters used here, from the platform's own decoder turned round, with CR line ends.
const MAC = new Map(Array.from({ length: 128 }, (_, i) => [new TextDecoder('macintosh').decode(Uint8Array.of(0x80 + i)), 0x80 + i] as const));
const mac = (s: string) => Uint8Array.from([...s.replace(/\n/g, '\r')].map((c) => MAC.get(c) ?? c.charCodeAt(0)));
const bytes = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

const TEXTS: string[] = [
  '',
  // Blank cells only: no rows (an empty file, '', is said to be empty).
  ',,,\n,,,\n',
  'Forename,Surname\n',
  `Forename,Surname\n${'Amelia,Hughes\n'.repeat(2001)}`,
  'Forename,Surname,Photo consent\n,Hughes,Yes\nAmelia,Hughes,Yes\n',
  `Forename,Surname\n${'A'.repeat(61).toLowerCase()},Hughes\n`,
  // An answer that is neither yes nor no: in each kind of column, in a Welsh register, with a limit, moved along.
  'Forename,Surname,Photo consent\nAmelia,Hughes,maybe\n',
  'Forename,Surname,Photo consent\nAmelia,Hughes,maybe\nOliver,Bennett,perhaps\n',
  'Forename,Surname,Photo consent\nAmelia,Hughes,Yes (not social media)\n',
  'Forename,Surname,Photo consent\nAmelia,Hughes,Hughes\n',
  'Forename,Surname,In care\nAmelia,Hughes,maybe\n',
  'Forename,Surname,Class Story\nAmelia,Hughes,maybe\n',
  'Forename,Surname,Photo opt-out\nAmelia,Hughes,Hughes\n',
  'Enw cyntaf,Cyfenw,Caniatâd lluniau\nAmelia,Hughes,efallai\n',
  // Names that are not names.
  'Forename,Surname\nSm\u0000ith,Hughes\nAmelia,Hughes\n',
  'Forename,Surname\nAmelia2,Hughes\n',
  'Forename,Surname,Photo consent\nAmelia,Hughes,Yes\nFirst name,Surname2,Yes\nOliver,Surname,No\n',
  'Forename,Surname\nZo?,Smith\n',
  'Forename,Surname\nZo\ufffd,Smith\n',
  'Forename,Surname,Photo consent\n=HYPERLINK(1),Smith,Yes\n<b>Bob</b>,Jones,Yes\nAli\u202Eecnoc,Evans,No\nJo™,Price,Yes\n',
  'Forename,Surname,Photo consent\nAmelia,Yes,\nOliver,oliver@example.com,No\nGrace,Taylor,No\n',
  // Rows that do not line up with the headings.
  'Forename,Surname,Photo consent\nAmelia,Hughes,Yes,extra\nOliver\nGrace,Taylor,No\n',
  'Forename,Surname,Photo consent\nAmelia,Hughes,Yes,x\nOliver,Bennett,No,y\n',
  'Forename,Surname,Photo consent\nAmelia,Hughes\nOliver,Bennett\n',
  // Headings.
  'Forename,Surname,Photo instructions\nAmelia,Hughes,Y\n',
  'Forename,Surname,Not looked after\nAmelia,Hughes,Yes\n',
  'Kid,Photo consent\nAmelia,Yes\n',
  'Photo consent,In care\nYes,No\n',
  'Kid,Family,Snap OK?\nAmelia,Hughes,Y\n',
  'Amelia,Hughes,Yes\nOliver,Bennett,No\n',
  'Forename,Surname,Photo consent date,PLAC,Trip consent,Consent,Website photos\nAmelia,Hughes,01/09/2025,No,Yes,Yes,Yes\n',
  'Legal,,Preferred,,\nSurname,Forename,Surname,Forename,Photo Consent\nHughes,Amelia,Hughes,Millie,Yes\n',
  'Legal Forename,Preferred Forename,Surname,Photo consent,Photo consent withdrawn\nAmelia,Millie,Hughes,Yes,03/10/2025\nZoÃ«,Zoe,Evans,Yes,\n',
  'Forename,Surname,Photo opt-out\nAmelia,Hughes,03/10/2025\nOliver,Bennett,01/09/2025\nGrace,Taylor,\n',
  'Surname,Forename,Surname,Forename,Photo Consent\nHughes,Amelia,Hughes,Amelia,Yes\nKowalski,Łukasz,Kowalski,,No\n',
  'Forename,Surname,Forename,Surname\nAmelia,Hughes,Millie,Hughes\n',
  'Forename,Forename,Forename,Surname\nAmelia,Millie,Mills,Hughes\n',
  'Legal forename,Preferred forename,Forename,Surname\nAmelia,Millie,Mills,Hughes\n',
  'Forename,Preferred Name,Known As,Surname\nAlexander,,Alex,Smith\nOluwaseun,Seun,Shay,Adebayo\n',
  'Surname, Forename,Photo consent\n"Hughes, Amelia",Yes\n"Bennett, Oliver",No\n',
  `Forename,Surname\nAmelia,Hughes\n${'\u0000'.repeat(500)}`,
  'Forename,Surname,Photo consent\nAmelia,Hughes,Yes\nOliver,Bennett,No\n\nCount: 2\n',
  'Forename,Surname,Photo consent\nReg Group: 3 Oak,,\nAmelia,Hughes,Yes\nOliver,Bennett,No\n',
  'Forename,Surname,Photo consent\nReg Group: 3 Oak,,\nAmelia,Hughes,Yes\nReg Group: 3 Oak (continued),,\nOliver,Bennett,No\n',
  'Forename,Surname,Photo consent\nReg Group: 3 Oak,,\nAmelia,Hughes,Yes\nReg Group: 4 Ash,,\nOliver,Bennett,No\n',
  'Forename,Surname\nMr,Jones\nMrs. Patel,Office\nAmelia,Hughes\n',
  'Name\nMs Carter\nAmelia Hughes\n',
  'Forename,Surname,Photo consent\nAmelia,Hughes,Yes\nAmelia,Hughes,No\n',
  'Forename,Surname,Photo consent\nAmelia,Hughes,Yes\nAmelia,Hughes,Yes\n',
  'Forename,Surname,Photo consent,Class Story\nAmelia,Hughes,No,Yes\n',
  'Forename,Surname,Photo consent,Class Story\nAmelia,Hughes,No,Yes\nOliver,Bennett,No,Yes\n',
  'Forename,Surname,Photo consent,Photo opt-out\nAmelia,Hughes,Yes,Yes\n',
  'Forename,Surname,Photo consent,Photo opt-out\nAmelia,Hughes,Yes,Yes\nOliver,Bennett,Yes,Yes\n',
  'Enw cyntaf,Cyfenw,Caniatâd lluniau\nAmelia,Hughes,Na\nOliver,Bennett,Ie\n',
  'Enw cyntaf,Cyfenw,Caniatâd lluniau\nAmelia,Hughes,Na\nOliver,Bennett,Na\n',
  'Name,Photo consent\nMary Jane Smith,Yes\nAmelia Hughes,No\n',
  'Name,Photo consent\nMary Jane Smith,Yes\nAnna Lisa Jones,No\n',
  'Forename,Surname\nAmelia (Millie),Hughes\nOliver,Bennett\n',
  'Forename,Surname\nAmelia (Millie),Hughes\nOliver (Ollie),Bennett\n',
  'Forename,Surname\nAmelia,HUGHES\nOliver,Bennett\n',
  'Forename,Surname\nAmelia,HUGHES\nOliver,BENNETT\n',
  'Forename,Surname\nAmelia,Hughes\nForename,Surname\nOliver,Bennett\n',
  'Forename,Surname\nAmelia,Hughes\nForename,Surname\nOliver,Bennett\nForename,Surname\nGrace,Taylor\n',
  '"Forename,Surname,Photo consent"\n"Amelia,Hughes,Yes"\n"Oliver,Bennett,No"\n',
  // Classes.
  'Forename,Surname,Reg Group,Photo consent\nAmelia,Hughes,3 Oak,Yes\nZofia,Kowalska,4 Ash,Yes\n',
];

const GROUPED = 'Forename,Surname,Reg Group,Photo consent\nAmelia,Hughes,3 Oak,Yes\nOliver,Bennett,3 Oak,No\nZofia,Kowalska,4 Ash,Yes\nRhys,Evans,4 Ash,No\nGrace,Taylor,5 Elm,No\n';

/** Every roster read here, named for a failing test's message. */
export function rosterCases(): { name: string; result: RosterParse }[] {
  const cases: { name: string; result: RosterParse }[] = TEXTS.map((text) => ({ name: JSON.stringify(text.slice(0, 120)), result: readRoster(utf8(text)) }));
  cases.push({ name: 'pasted list', result: parseRosterCsv('Amelia\tHughes\nOliver\tBennett\n') });
  for (const group of ['3 Oak', '5 Elm', '6 Yew']) cases.push({ name: `group ${group}`, result: parseRosterCsv(GROUPED, false, false, { group }) });
  cases.push({ name: 'group, no class column', result: parseRosterCsv('Forename,Surname\nAmelia,Hughes\n', false, false, { group: '3 Oak' }) });
  cases.push({ name: 'too big', result: readRoster(utf8('Forename,Surname\n'), 3_500_000) });
  cases.push({ name: 'workbook', result: readRoster(workbook()) });
  cases.push({ name: 'Mac Roman', result: readRoster(mac('First name,Surname,Photo consent\nBenoît,Müller,Yes\nInès,Núñez,No\nÉloïse,O’Neill,Yes\n')) });
  cases.push({ name: 'Windows-1252 odd letters', result: readRoster(bytes('Forename,Surname\nNiamh,O\xd5Connor\nAmelia,Hughes\nBad,\xd7\xd7x\xd8\n')) });
  // Not text: a damaged workbook, a PDF, a picture, a zip, a web page, UTF-32, binary.
  cases.push({ name: 'damaged xlsx', result: readRoster(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('[Content_Types].xml xl/workbook.xml')])) });
  cases.push({ name: 'pdf', result: readRoster(utf8('%PDF-1.4\n%âãÏÓ\n1 0 obj\n')) });
  cases.push({ name: 'png', result: readRoster(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])) });
  cases.push({ name: 'html', result: readRoster(utf8('<html><body><table><tr><td>Forename</td></tr></table></body></html>')) });
  cases.push({ name: 'utf32', result: readRoster(new Uint8Array([0xff, 0xfe, 0, 0, 0x46, 0, 0, 0, 0x6f, 0, 0, 0])) });
  cases.push({ name: 'binary', result: readRoster(new Uint8Array([0, 1, 2, 3, 0, 5, 6, 7, 0, 0, 0x10, 0x11])) });
  const dir = new URL('../../fixtures/rosters/', import.meta.url);
  for (const file of readdirSync(dir).filter((f) => /\.(csv|txt|xlsx)$/.test(f)).sort()) cases.push({ name: file, result: readRoster(new Uint8Array(readFileSync(new URL(file, dir)))) });
  return cases;
}

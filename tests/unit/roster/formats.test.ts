import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRosterCsv, readRoster } from '../../../lib/roster/csv';
import { decodeRoster } from '../../../lib/roster/decode';
import { DIR, FIXTURES } from '../../fixtures/rosters/build';
import { withEnglish } from './english';

const read = (file: string) => readRoster(new Uint8Array(readFileSync(join(DIR, file))));
const names = (file: string) => read(file).pupils.map((p) => [p.first, p.last, p.legalFirst ?? '', p.legalLast ?? '']);

// One class, five management systems: every export must give the same pupils, as teachers write them.
const CLASS = [
  ['Amelia', 'Hughes', '', ''],
  ['Siân', 'ap Rhys', '', ''],
  ['Niamh', 'O’Connor', '', ''],
  ['Alex', 'Smith-Walker', 'Alexander', ''],
  ['Seun', 'Adebayo', 'Oluwaseun', ''],
];

describe('roster exports from each management system (tests/fixtures/rosters)', () => {
  it('has the fixtures this build script writes, byte for byte', () => {
    for (const f of FIXTURES) expect(readFileSync(join(DIR, f.file)).equals(f.bytes), f.file).toBe(true);
  });

  it('SIMS, Windows-1252 with a title and print date above the headings: both lines skipped, curly apostrophe intact', () => {
    const r = read('sims-student-list.csv');
    expect(r.ok).toBe(true);
    expect(r.encoding).toBe('windows-1252');
    expect(r.headerRow).toBe(4);
    expect(r.skipped).toEqual(['Student List - 3 Oak', 'Printed 30/11/2026 08:15 by Office']);
    expect(names('sims-student-list.csv')).toEqual(CLASS);
    expect(r.ignored).toEqual(['Adno', 'UPN', 'Reg Group', 'Year', 'DOB']);
    expect(r.pupils.map((p) => p.photoConsent)).toEqual([true, true, false, null, true]);
    expect(r.pupils.map((p) => p.inCare)).toEqual([false, false, true, false, false]);
    expect(r.legalNames).toBe(2);
    expect(r.noConsentRecorded).toBe(1);
  });

  it('SIMS through Excel "Unicode Text": UTF-16 LE with a byte-order mark, tab-separated, no NULs in any name', () => {
    const r = read('sims-unicode-text.txt');
    expect(r.ok).toBe(true);
    expect(r.encoding).toBe('utf-16le');
    expect(r.delimiter).toBe('\t');
    expect(r.pupils).toHaveLength(5);
    expect(names('sims-unicode-text.txt')).toEqual(CLASS);
    expect(JSON.stringify(r.pupils)).not.toMatch(/\\u0000/);
  });

  it('Arbor, UTF-8 with a byte-order mark: the known-as name where there is one, the legal name kept', () => {
    const r = read('arbor-students.csv');
    expect(r.ok).toBe(true);
    expect(r.encoding).toBe('utf-8-bom');
    expect(names('arbor-students.csv')).toEqual(CLASS);
    expect(r.used).toEqual(['Student', 'Legal First Name', 'Legal Last Name', 'Known As First Name', 'Known As Last Name', 'Photo Consent', 'Looked After Child']);
    expect(r.pupils[3]!.photoConsent).toBeNull(); // "Not recorded"
  });

  it('Bromcom through a European Excel: the sep=; line names the delimiter and is not a row', () => {
    const r = read('bromcom-student-list.csv');
    expect(r.ok).toBe(true);
    expect(r.sepLine).toBe(true);
    expect(r.delimiter).toBe(';');
    expect(r.headerRow).toBe(1);
    expect(names('bromcom-student-list.csv')).toEqual(CLASS);
    expect(r.pupils.map((p) => p.photoConsent)).toEqual([true, true, false, null, true]);
  });

  it('ScholarPack, UTF-8 with LF line ends: "Known As" wins over "Forename", an empty "Known As" falls back', () => {
    const r = read('scholarpack-pupils.csv');
    expect(r.ok).toBe(true);
    expect(r.encoding).toBe('utf-8');
    expect(names('scholarpack-pupils.csv')).toEqual(CLASS);
  });

  it('ClassDojo class list with a title line and no consent column: every pupil is "not recorded", never refused', () => {
    const r = read('classdojo-class-list.csv');
    expect(r.ok).toBe(true);
    expect(r.skipped).toEqual(['3 Oak']);
    expect(r.ignored).toEqual(['Parent Email']);
    expect(r.pupils.map((p) => p.first)).toEqual(['Amelia', 'Siân', 'Niamh', 'Alex', 'Seun']);
    expect(r.pupils.every((p) => p.photoConsent === null)).toBe(true);
    expect(r.noConsentRecorded).toBe(5);
  });

  it('UTF-16 without a byte-order mark, either byte order', () => {
    expect(read('unicode-text-be-no-bom.txt')).toMatchObject({ ok: true, encoding: 'utf-16be', delimiter: '\t' });
    expect(names('unicode-text-be-no-bom.txt')).toEqual(CLASS);
    expect(read('unicode-text-le-no-bom.txt')).toMatchObject({ ok: true, encoding: 'utf-16le' });
    expect(names('unicode-text-le-no-bom.txt')).toEqual(CLASS);
  });
});

describe('decoding a roster file', () => {
  it('tells UTF-8, UTF-8 with BOM, UTF-16 LE/BE and Windows-1252 apart, and reads Windows-1252’s 0x80–0x9F block as the web does', () => {
    expect(decodeRoster(Buffer.from('Siân', 'utf8'))).toEqual({ text: 'Siân', encoding: 'utf-8' });
    expect(decodeRoster(Buffer.from('\uFEFFSiân', 'utf8'))).toEqual({ text: 'Siân', encoding: 'utf-8-bom' });
    expect(decodeRoster(Buffer.from('\uFEFFSiân', 'utf16le'))).toEqual({ text: 'Siân', encoding: 'utf-16le' });
    // Node 20.18.3+ decodes 'windows-1252' as Latin-1 (nodejs/node#60888): 0x92 must still be ’ and 0x80 €.
    expect(decodeRoster(Uint8Array.from([0x4f, 0x92, 0x43, 0x6f, 0x6e, 0x6e, 0x6f, 0x72, 0x20, 0x80, 0x9f]))).toEqual({ text: 'O’Connor €Ÿ', encoding: 'windows-1252' });
    expect(decodeRoster(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('names that are not names', () => {
  it('refuses NULs and control characters (a misread encoding), naming the row', () => {
    // UTF-16 read as a single-byte encoding: every other character a NUL.
    const r = parseRosterCsv('First,Last\nA\u0000m\u0000y\u0000,Hughes\nOliver,Bennett\n');
    expect(r.ok).toBe(false);
    expect(withEnglish(r.problems)).toEqual([{ row: 2, code: 'control-chars', data: ['A␀m␀y␀ Hughes'], message: expect.stringContaining('encoding was not read right') }]);
    expect(r.pupils.map((p) => p.first)).toEqual(['Oliver']); // read, but nothing is imported: ok is false
  });

  it('refuses digits (a date or class in the name column), naming the row', () => {
    const r = parseRosterCsv('Forename,Surname\nAmelia,Hughes\n01/04/2018,Bennett\nTotal pupils: 2,\n');
    expect(r.problems.map((p) => [p.row, p.code])).toEqual([[3, 'digits'], [4, 'digits']]);
  });

  it('refuses a heading word as a name (a second heading row), naming the row', () => {
    // A heading row unlike the first (the same one again is skipped: tests/unit/roster/export-shapes.test.ts).
    const r = parseRosterCsv('Forename,Last name\nAmelia,Hughes\nForename,Surname\nOliver,Bennett\n');
    expect(withEnglish(r.problems)).toEqual([{ row: 3, code: 'heading-word', data: ['Forename'], message: '“Forename” is a column heading, not a name: is there a second heading row in the file?' }]);
  });

  it('a pasted list with a title line (no headings anywhere) is refused at the title, not imported as a pupil', () => {
    const r = parseRosterCsv('Class 3 Oak\nAmelia Hughes\nOliver Bennett\n');
    expect(r.header).toBe(false);
    expect(r.problems.map((p) => [p.row, p.code])).toEqual([[1, 'digits']]);
  });
});

describe('finding the heading row by score, not by position', () => {
  it('skips any number of title lines, blank lines and a date, and numbers rows as the spreadsheet does', () => {
    const r = parseRosterCsv('Pupil list\r\n\r\nExported 30 Nov 2026\r\nForename;Surname;Photo consent\r\nAmelia;Hughes;yes\r\n;Bennett;no\r\n');
    expect(r.delimiter).toBe(';');
    expect(r.headerRow).toBe(4);
    expect(r.skipped).toEqual(['Pupil list', 'Exported 30 Nov 2026']);
    expect(r.problems.map((p) => p.row)).toEqual([6]);
  });

  it('a title that is itself a heading word ("Pupil") loses to the real heading row', () => {
    const r = parseRosterCsv('Pupil\nUPN,Forename,Surname,DOB\nX1,Amelia,Hughes,2018-01-01\n');
    expect(r.headerRow).toBe(2);
    expect(r.pupils).toEqual([{ first: 'Amelia', last: 'Hughes', photoConsent: null, inCare: false }]);
  });

  it('a quoted sep line, and a tab file whose title line has commas', () => {
    expect(parseRosterCsv('"sep=|"\nFirst|Last\nAmelia|Hughes\n').pupils[0]).toMatchObject({ first: 'Amelia', last: 'Hughes' });
    const r = parseRosterCsv('Class list, Year 3, Oak\nForename\tSurname\nAmelia\tHughes\n');
    expect(r.delimiter).toBe('\t');
    expect(r.pupils[0]).toMatchObject({ first: 'Amelia', last: 'Hughes' });
  });
});

describe('legal, preferred and known-as names', () => {
  it('every synonym the systems use', () => {
    const cases: [string, string[]][] = [
      ['Legal First Name,Legal Last Name,Preferred First Name,Preferred Last Name', ['Alex', 'Walker', 'Alexander', 'Smith-Walker']],
      ['Legal Forename,Legal Surname,Preferred Forename,Preferred Surname', ['Alex', 'Walker', 'Alexander', 'Smith-Walker']],
      ['Legal First Name,Legal Last Name,Known As First Name,Known As Last Name', ['Alex', 'Walker', 'Alexander', 'Smith-Walker']],
      ['Forename,Surname,Preferred Forename,Preferred Surname', ['Alex', 'Walker', 'Alexander', 'Smith-Walker']],
    ];
    for (const [head, expected] of cases) {
      const p = parseRosterCsv(`${head}\nAlexander,Smith-Walker,Alex,Walker\n`).pupils[0]!;
      expect([p.first, p.last, p.legalFirst, p.legalLast], head).toEqual(expected);
    }
  });
});

describe('consent in three states', () => {
  it('given, refused and not recorded, per channel too', () => {
    const r = parseRosterCsv('First,Last,Photo consent,Class Story\nA,Hughes,yes,\nB,Hughes,no,\nC,Hughes,,\nD,Hughes,Awaiting reply,\nE,Hughes,,no\n');
    expect(r.pupils.map((p) => p.photoConsent)).toEqual([
      true,
      false,
      null,
      null,
      { 'class-story': false, 'school-story': null, 'student-story': null, 'class-chat': null, 'private-chat': null },
    ]);
    expect(r.noConsentRecorded).toBe(2);
  });
});

describe('more ways registers write names and consent', () => {
  it('one "Surname, Forename" column, and a "Preferred Name" column that holds the whole name', () => {
    expect(parseRosterCsv('UPN,"Surname, Forename",DOB\nA1,"Hughes, Amelia",2018-01-01\n').pupils[0]).toMatchObject({ first: 'Amelia', last: 'Hughes' });
    const p = parseRosterCsv('Surname,Forename,Preferred Name\nSmith-Walker,Alexander,Alex Smith-Walker\n').pupils[0]!;
    expect([p.first, p.last, p.legalFirst]).toEqual(['Alex', 'Smith-Walker', 'Alexander']);
  });

  it('consent answers with something after them', () => {
    const r = parseRosterCsv('First,Last,Photo consent\nA,Hughes,Given 01/09/2025\nB,Hughes,Withdrawn by parent\nC,Hughes,Declined\n');
    expect(r.pupils.map((p) => p.photoConsent)).toEqual([true, false, false]);
  });
});

/**
 * Export shapes found by trying more real management-system files (issue 19): SIMS's "Consent Not Returned",
 * invisible characters in names, a heading row repeated down the file (two class lists joined, or a report's
 * page headings), an Excel date serial in a withdrawal column, and a CSV opened in Excel with everything in
 * column A and saved again, so each whole line is one quoted cell.
 */
import { describe, expect, it } from 'vitest';
import { cellConsent, parseRosterCsv, titleCase } from '../../../lib/roster/csv';
import { english } from './english';

const pupils = (csv: string) => parseRosterCsv(csv).pupils.map((p) => [p.first, p.last, p.photoConsent, p.inCare]);

describe('consent statuses as management systems word them', () => {
  it.each([
    ['Consent Given', true],
    ['Consent Refused', false],
    ['Consent Not Returned', null],
    ['Consent not yet returned', null],
    ['Consent form not returned', null],
    ['Consent Pending', null],
    ['Consent Unknown', null],
    ['Photo consent given', true],
    ['Permission not received', null],
  ] as const)('“%s” is %s', (value, expected) => expect(cellConsent(value)).toBe(expected));

  it('a SIMS register with those statuses imports', () => {
    const r = parseRosterCsv('Forename,Surname,Photograph Consent\nAmelia,Hughes,Consent Given\nOliver,Bennett,Consent Refused\nGrace,Taylor,Consent Not Returned\n');
    expect(r.problems).toEqual([]);
    expect(r.pupils.map((p) => p.photoConsent)).toEqual([true, false, null]);
  });
});

describe('invisible characters in names', () => {
  it('a zero-width space, soft hyphen, word joiner or direction mark pasted into a name is removed, so the name is found as typed', () => {
    const r = parseRosterCsv('Forename,Surname,Photo consent\nAm\u200belia,Hu\u00adghes,Yes\n\u200eOliver\u2060,Ben\u200fnett,No\n');
    expect(r.problems).toEqual([]);
    expect(r.pupils.map((p) => `${p.first} ${p.last}`)).toEqual(['Amelia Hughes', 'Oliver Bennett']);
  });
});

describe('a heading row repeated down the file', () => {
  it('is skipped and said to be, when it is the same as the heading row', () => {
    // One class's list printed over two pages (two classes' lists joined are refused: several-classes.test.ts).
    const r = parseRosterCsv('Surname,Forename,Reg Group,Photo Permission\nHughes,Amelia,3O,Yes\nBennett,Oliver,3O,No\n\nSurname,Forename,Reg Group,Photo Permission\nTaylor,Grace,3O,Yes\n');
    expect(r.problems).toEqual([]);
    expect(pupils('Surname,Forename,Reg Group,Photo Permission\nHughes,Amelia,3O,Yes\nSurname,Forename,Reg Group,Photo Permission\nTaylor,Grace,3O,Yes\n')).toEqual([
      ['Amelia', 'Hughes', true, false],
      ['Grace', 'Taylor', true, false],
    ]);
    expect(english(r.notes.find((n) => n.code === 'heading-repeated'))).toBe('Row 5 repeats the heading row (two lists joined, or a report’s page headings), and was not read.');
  });
  it('a different second heading row is still refused: its columns may not be the first one’s', () => {
    const r = parseRosterCsv('Surname,Forename,Photo Permission\nHughes,Amelia,Yes\nForename,Surname,Photo Permission\nGrace,Taylor,Yes\n');
    expect(r.problems.map((p) => p.code)).toEqual(['heading-word']);
  });
});

describe('an Excel date serial in a withdrawal column', () => {
  it('is read as the date consent was withdrawn, and said to be', () => {
    const r = parseRosterCsv('Forename,Surname,Photo consent,Photo consent withdrawn\nAmelia,Hughes,Yes,45567\nOliver,Bennett,Yes,\n');
    expect(r.pupils.map((p) => p.photoConsent)).toEqual([false, true]);
    expect(r.notes.map((n) => n.code)).toContain('opt-out-date');
  });
});

describe('each whole line in one quoted cell (a CSV opened in Excel with everything in column A, and saved again)', () => {
  it('is read as the lines inside the quotes, and said to be', () => {
    const r = parseRosterCsv('"Forename,Surname,Photo consent"\n"Amelia,Hughes,Yes"\n"Oliver,Bennett,No"\n"Niamh,""O\'Connor, Jr"",Yes"\n');
    expect(r.problems).toEqual([]);
    expect(r.pupils.map((p) => [p.first, p.last, p.photoConsent])).toEqual([
      ['Amelia', 'Hughes', true],
      ['Oliver', 'Bennett', false],
      ['Niamh', "O'Connor, Jr", true],
    ]);
    expect(english(r.notes.find((n) => n.code === 'lines-quoted'))).toBe('Each line of the file is one quoted cell (a CSV opened in a spreadsheet with everything in the first column, and saved again): the columns inside the quotes are read.');
  });
  it('one column of names with commas (“Hughes, Amelia”) is still a list of names, not unwrapped', () => {
    const r = parseRosterCsv('"Hughes, Amelia"\n"Bennett, Oliver"\n');
    expect(r.pupils.map((p) => [p.first, p.last])).toEqual([
      ['Amelia', 'Hughes'],
      ['Oliver', 'Bennett'],
    ]);
  });
});

describe('names written in capitals (as some reports print surnames)', () => {
  it.each([
    ['HUGHES', 'Hughes'],
    ['SMITH-WALKER', 'Smith-Walker'],
    ["O'NEILL", "O'Neill"],
    ['O’CONNOR', 'O’Connor'],
    ['MCDONALD', 'McDonald'],
    ['AP RHYS', 'ap Rhys'],
    ['ŁUKASZ', 'Łukasz'],
    ['McDonald', 'McDonald'],
    ['ap Rhys', 'ap Rhys'],
    ['DJ', 'DJ'],
    ['A', 'A'],
  ])('“%s” is read as “%s”', (name, expected) => expect(titleCase(name)).toBe(expected));

  it('are read in title case, so fixes write “Amelia H.”, and the preview says which', () => {
    const r = parseRosterCsv('Name,Photo consent\n"HUGHES, Amelia",Yes\n"AP RHYS, Siân",No\n"Bennett, Oliver",Yes\n');
    expect(r.pupils.map((p) => `${p.first} ${p.last}`)).toEqual(['Amelia Hughes', 'Siân ap Rhys', 'Oliver Bennett']);
    expect(english(r.notes.find((n) => n.code === 'capitals'))).toBe('2 names written in capitals are read in title case, as fixes will write them: Amelia HUGHES → Amelia Hughes, Siân AP RHYS → Siân ap Rhys. Check them below.');
  });
});

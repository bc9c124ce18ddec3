import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../../lib/roster/columns';
import { parseRosterCsv, readRoster } from '../../../lib/roster/csv';
import { DIR } from '../../fixtures/rosters/build';
import { english, withEnglish } from './english';

const who = (csv: string) => parseRosterCsv(csv).pupils.map((p) => [p.first, p.last, p.legalFirst ?? '', p.legalLast ?? '']);

describe('files that give a pupil more than one name column: the right one is used, both are kept, and the reader says which', () => {
  it('reads headings over two rows (Integris): "Legal" and "Preferred" above repeated Surname and Forename', () => {
    const r = readRoster(new Uint8Array(readFileSync(join(DIR, 'integris-grouped-headings.csv'))));
    expect(r.ok).toBe(true);
    expect(r.pupils.map((p) => [p.first, p.last, p.legalFirst, p.photoConsent, p.inCare])).toEqual([
      ['Millie', 'Hughes', 'Amelia', true, false],
      ['Luke', 'Kowalski', 'Łukasz', false, false],
      ['Alex', 'Smith-Walker', 'Alexander', true, true],
    ]);
    expect(r.columns.map((c) => `${c.column}:${c.heading}:${c.field}`)).toEqual([
      'A:Legal Surname:legalLast',
      'B:Legal Forename:legalFirst',
      'C:Preferred Surname:preferredLast',
      'D:Preferred Forename:preferredFirst',
      'G:Photographs:consent',
      'H:Looked After:inCare',
    ]);
    // The group row is part of the headings, not a skipped title line.
    expect(r.skipped).toEqual([]);
    expect(r.notes.map((n) => n.code)).toEqual(['two-row-heading', 'names-used', 'names-used']);
    expect(english(r.notes[1]!)).toBe('First names: “Preferred Forename” (D) is used (the name the pupil goes by; fixes use it), and “Legal Forename” (B) is kept as the legal name and matched too.');
  });

  it('takes the labels in order wherever they sit over their group', () => {
    const labelsOverFirst = 'Legal,,Preferred,,\nSurname,Forename,Surname,Forename,Photo Consent\nHughes,Amelia,Hughes,Millie,Yes\n';
    expect(who(labelsOverFirst)).toEqual([['Millie', 'Hughes', 'Amelia', '']]);
    const preferredFirst = ',Preferred,,Legal,\nSurname,Forename,Surname,Forename,Photo Consent\nHughes,Millie,Hughes,Amelia,Yes\n';
    expect(who(preferredFirst)).toEqual([['Millie', 'Hughes', 'Amelia', '']]);
  });

  it('two unlabelled columns with the same heading and different names: legal first, then the name the pupil goes by; both kept', () => {
    const r = parseRosterCsv('Surname,Forename,Forename,Photo Consent\nHughes,Amelia,Millie,Yes\nAdebayo,Oluwaseun,Seun,No\nPrice,Zoë,Zoë,\n');
    expect(r.pupils.map((p) => [p.first, p.legalFirst ?? ''])).toEqual([['Millie', 'Amelia'], ['Seun', 'Oluwaseun'], ['Zoë', '']]);
    expect(r.notes.map((n) => n.code)).toEqual(['names-used']);
    expect(english(r.notes[0]!)).toMatch(/^Two columns are headed “Forename” and hold different names/);
    expect(r.ignored).toEqual([]);
  });

  it('two columns with the same heading and the same names: the first is read, and the preview says so', () => {
    const r = parseRosterCsv('Surname,Forename,Surname,Forename,Photo Consent\nHughes,Amelia,Hughes,Amelia,Yes\nKowalski,Łukasz,Kowalski,,No\n');
    expect(r.pupils.map((p) => [p.first, p.last, p.legalFirst])).toEqual([['Amelia', 'Hughes', undefined], ['Łukasz', 'Kowalski', undefined]]);
    expect(r.notes.map((n) => n.code)).toEqual(['same-names-twice', 'same-names-twice']);
    expect(r.ignored).toEqual(['Surname', 'Forename']);
  });

  it('Forename next to Preferred Forename and Legal Forename: the preferred is used, the legal kept, the plain one a fallback', () => {
    const r = parseRosterCsv('Legal Forename,Forename,Preferred Forename,Surname\nAlexander,Alexander,Alex,Smith\nOluwaseun,Seun,,Adebayo\n');
    expect(r.pupils.map((p) => [p.first, p.legalFirst ?? ''])).toEqual([['Alex', 'Alexander'], ['Seun', 'Oluwaseun']]);
    expect(english(r.notes[0]!)).toContain('“Forename” (B) is read where they are empty.');
  });

  it('two columns for the preferred name: in each row the first one filled in', () => {
    const r = parseRosterCsv('Forename,Preferred Name,Known As,Surname\nAlexander,,Alex,Smith\nOluwaseun,Seun,Shay,Adebayo\n');
    expect(r.pupils.map((p) => p.first)).toEqual(['Alex', 'Seun']);
    expect(r.notes.map((n) => n.code)).toContain('first-filled');
  });

  it('names columns as the spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('says how a one-column name of three or more words was split (ClassDojo’s "Student Name")', () => {
    const r = parseRosterCsv('Student Name,Parent Email\nMary Jane Smith-Walker,a@example.org\nLuke van der Berg,\nZoë Smith,\n"Hughes, Amelia Rose",\n');
    expect(r.pupils.map((p) => [p.first, p.last])).toEqual([['Mary', 'Jane Smith-Walker'], ['Luke', 'van der Berg'], ['Zoë', 'Smith'], ['Amelia Rose', 'Hughes']]);
    expect(withEnglish(r.notes)).toEqual([
      expect.objectContaining({
        code: 'name-split',
        message: '2 names in “Student Name” (A) have three or more words and no comma, so the first word is read as the first name and the rest as the surname: “Mary Jane Smith-Walker” → Mary / Jane Smith-Walker, “Luke van der Berg” → Luke / van der Berg. Check them below; written “Surname, Forename” they are read exactly.',
      }),
    ]);
  });

  it('a whole-name column beside a preferred first name: the surname from the whole name, its first name kept as legal', () => {
    expect(who('Name,Preferred Name,Photo Consent\n"Hughes, Amelia",Millie,Yes\nSeun Adebayo,,No\n')).toEqual([
      ['Millie', 'Hughes', 'Amelia', ''],
      ['Seun', 'Adebayo', '', ''],
    ]);
  });
});

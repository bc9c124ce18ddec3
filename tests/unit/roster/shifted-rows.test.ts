import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRosterCsv, readRoster } from '../../../lib/roster/csv';
import { DIR } from '../../fixtures/rosters/build';
import { english } from './english';

const codes = (csv: string) => parseRosterCsv(csv).problems.map((p) => [p.row, p.code]);

describe('a row whose cells do not line up with the headings is refused, never read into the wrong fields', () => {
  it('refuses a row with an extra cell: a comma without quotes in a name or a note', () => {
    const csv = ['Forename,Surname,Photo Consent,Looked After', 'Amelia,Hughes,Yes,No', 'Zoë,Price, Jr,No,Yes', 'Seun,Adebayo,Yes,No'].join('\n');
    const r = parseRosterCsv(csv);
    expect(r.ok).toBe(false);
    expect(r.pupils.map((p) => p.first)).not.toContain('Zoë');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 3, code: 'extra-cells' });
    expect(english(r.problems[0]!)).toContain('5 cells but there are 4 headings (“Yes” is past the last one)');
    expect(english(r.problems[0]!)).toContain('It reads: “Zoë” | “Price” | “Jr” | “No” | “Yes”');
  });

  it('refuses a row whose extra cell is past a note column (its values could still have moved)', () => {
    expect(codes('Forename,Surname,Photo Consent,Notes\nAmelia,Hughes,Yes,likes art, music\nSeun,Adebayo,No,\n')).toEqual([[2, 'extra-cells']]);
  });

  it('refuses a row with an extra empty cell when the other rows have none', () => {
    expect(codes('Forename,Surname,Photo Consent,Looked After\nAmelia,Hughes,Yes,No\nSiân,ap Rhys, Jr,Yes,\nSeun,Adebayo,No,No\n')).toEqual([[3, 'extra-cells']]);
  });

  it('refuses a row with a cell missing, naming the headings with no cell', () => {
    const r = parseRosterCsv('Forename,Surname,Photo Consent,Looked After\nAmelia,Hughes,Yes,No\nZoë,No,Yes\n');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 3, code: 'missing-cells' });
    expect(english(r.problems[0]!)).toContain('(“Looked After” has no cell)');
  });

  it('accepts rows that all end in a delimiter, and headings followed by empty columns', () => {
    expect(parseRosterCsv('Forename,Surname,Photo Consent\nAmelia,Hughes,Yes,\nSeun,Adebayo,No,\n').ok).toBe(true);
    expect(parseRosterCsv('Forename,Surname,Photo Consent,,\nAmelia,Hughes,Yes,,\nSeun,Adebayo,No\n').ok).toBe(true);
    // Quoted commas are cells, not separators.
    expect(parseRosterCsv('Forename,Surname,Photo Consent,Notes\nAmelia,"Hughes, Jr",Yes,"art, music"\n').pupils[0]).toMatchObject({ last: 'Hughes, Jr', photoConsent: true });
  });

  it('reads an unquoted "Surname, Forename" heading as one column when every row is one cell short', () => {
    const r = parseRosterCsv('Surname, Forename,Photo Consent,Looked After\r\n"O’Connor, Siobhán",Y,N\r\n"Smith, Zoë",N,Y\r\n');
    expect(r.ok).toBe(true);
    expect(r.pupils.map((p) => [p.first, p.last, p.photoConsent, p.inCare])).toEqual([
      ['Siobhán', 'O’Connor', true, false],
      ['Zoë', 'Smith', false, true],
    ]);
    expect(r.notes.map((n) => n.code)).toContain('heading-split');
  });

  it('blames the heading row, once, when no row lines up with it', () => {
    const r = parseRosterCsv('Forename,Surname,Class,Photo Consent,Looked After\nAmelia,Hughes,Yes,No\nSeun,Adebayo,No,No\n');
    expect(r.problems).toEqual([expect.objectContaining({ row: 1, code: 'heading-width' })]);
    expect(english(r.problems[0]!)).toMatch(/The heading row has 5 headings but the rows under it have 4 cells/);
  });

  it('refuses a name that is a yes/no answer or an email: the row has moved along', () => {
    const r = parseRosterCsv('Forename,Surname,Photo Consent\nAmelia,Y,N\nSeun,parent@example.org,Yes\nJo,No,Yes\n');
    expect(r.problems.map((p) => [p.row, p.code, p.data?.[0]])).toEqual([
      [2, 'not-a-name', 'Y'],
      [3, 'not-a-name', 'parent@example.org'],
      [4, 'not-a-name', 'No'],
    ]);
  });

  it('says so when a consent cell holds a name or a date', () => {
    const r = parseRosterCsv('Forename,Surname,Photo Consent\nAmelia,Hughes,Hughes\nSeun,Adebayo,01/02/2018\n');
    expect(r.problems.map((p) => p.code)).toEqual(['not-yes-no', 'not-yes-no']);
    for (const p of r.problems) expect(english(p)).toContain('may not line up with the headings');
  });

  it('refuses the shifted rows of a hand-made CSV fixture and imports nothing', () => {
    const r = readRoster(new Uint8Array(readFileSync(join(DIR, 'shifted-rows.csv'))));
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'extra-cells'],
      [4, 'extra-cells'],
      [5, 'missing-cells'],
    ]);
    expect(r.rowsRead).toBe(4);
  });

  it('accepts rows that all end in empty columns the heading row does not have (Arbor)', () => {
    const r = parseRosterCsv('Forename,Surname,Photo Consent\r\nAmelia,Hughes,Yes,,\r\nSeun,Adebayo,No,,\r\nZoë,Price,,,\r\nJo,Bell,Yes,Oops,\r\n');
    expect(r.problems.map((p) => [p.row, p.code])).toEqual([[5, 'extra-cells']]);
    expect(english(r.problems[0]!)).toContain('This row has 4 cells but there are 3 headings (“Oops” is past the last one)');
  });

  it('skips a report footer under the list, saying so; a truncated pupil row is still refused', () => {
    const r = parseRosterCsv('Forename,Surname,Photo Consent\nAmelia,Hughes,Yes\nSeun,Adebayo,No\nCount: 2\nEnd of report\n');
    expect(r.ok).toBe(true);
    expect(r.rowsRead).toBe(2);
    expect(r.notes.map((x) => english(x))).toEqual(['Row 5, “End of report”, is below the list (a report\'s footer), and was not read.', 'Row 4, “Count: 2”, is below the list (a report\'s footer), and was not read.']);
    expect(codes('Forename,Surname,Photo Consent\nAmelia,Hughes,Yes\nJimmy Page\n')).toEqual([[3, 'missing-cells']]);
  });

  it('blames every row once when each holds an unquoted comma (an address)', () => {
    const r = parseRosterCsv('Forename,Surname,Address,Photo Consent\nAmelia,Hughes,1 High St, Wrexham,Yes\nSeun,Adebayo,2 Mill Lane, Chirk,No\n');
    expect(r.problems).toEqual([expect.objectContaining({ row: 1, code: 'heading-width' })]);
    expect(english(r.problems[0]!)).toContain('or does every row hold one (in an address or a note)?');
  });
});

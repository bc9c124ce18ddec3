/**
 * Probe 19f M4: a report's totals row whose label and number sit in separate cells ("Total,2,", "Number of
 * pupils,28,", "Total pupils<TAB>2") is a footer: skipped and named, like a one-cell footer, never a reason to
 * refuse the file. A pupil's row with a number in it is still refused.
 */
import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../../lib/roster/csv';
import { english } from './english';

describe('totals rows in separate cells', () => {
  it.each([
    ['Total,2,'],
    ['Number of pupils,2,'],
    ['"Total pupils",2,'],
    ['No. on roll,2,'],
    ['Pupils,2,'],
    ['Grand total,,2'],
    ['Count,2 pupils,'],
  ])('“%s” under the list is skipped and named', (footer) => {
    const r = parseRosterCsv(`Forename,Surname,Photo consent\nAmelia,Hughes,Yes\nOliver,Bennett,No\n\n${footer}\n`);
    expect(r.ok).toBe(true);
    expect(r.pupils.map((p) => p.first)).toEqual(['Amelia', 'Oliver']);
    const note = r.notes.find((n) => n.code === 'footer');
    expect(note?.data[0]).toBe('5');
    expect(english(note)).toMatch(/^Row 5, “.*2.*”, is below the list \(a report's footer\), and was not read\.$/);
  });

  it('reads a tab-separated report with a title above and a split totals row below', () => {
    const r = parseRosterCsv('Class list 4W\n\nForename\tSurname\tPhoto consent\tLooked after\nAmelia\tHughes\tYes\tNo\nOliver\tBennett\tNo\tNo\nTotal pupils\t2\nPrinted 30/11/2026\n');
    expect(r.ok).toBe(true);
    expect(r.pupils).toHaveLength(2);
    expect(r.notes.filter((n) => n.code === 'footer').map((n) => n.data[0])).toEqual(['7', '6']);
  });

  it('still refuses a pupil’s row with a number in the name, and a row as wide as the headings', () => {
    expect(parseRosterCsv('Forename,Surname,Photo consent\nAmelia,Hughes,Yes\nOliver,2,\n').problems.map((p) => p.code)).toEqual(['digits']);
    expect(parseRosterCsv('Forename,Surname,Photo consent\nAmelia,Hughes,Yes\nTotal,2,3\n').ok).toBe(false);
    // A count's label with no number is not a footer either: a pupil called Count stays a pupil.
    expect(parseRosterCsv('Forename,Surname,Photo consent\nAmelia,Hughes,Yes\nCount,Basie,\n').pupils.map((p) => p.first)).toEqual(['Amelia', 'Count']);
  });
});

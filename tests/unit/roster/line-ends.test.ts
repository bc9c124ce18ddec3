import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../../lib/roster/csv';

const names = (csv: string) => parseRosterCsv(csv).pupils.map((p) => `${p.first} ${p.last}`);

// Probe 19 H3: papaparse takes the first line end it meets as the file's, so a CRLF file with one LF-only line (a
// row added in another editor) read two pupils' rows as one. Every line end is read as one now.
describe('line ends', () => {
  it('reads a CRLF file with LF-only lines as one row a line (the probe’s file)', () => {
    const csv = readFileSync(new URL('../../fixtures/rosters/mixed-line-ends.csv', import.meta.url), 'utf8');
    expect(csv).toContain('\r\n');
    expect(csv).toMatch(/[^\r]\n/);
    const r = parseRosterCsv(csv);
    expect(r.problems).toEqual([]);
    expect(r.pupils.map((p) => [p.first, p.last, p.photoConsent])).toEqual([['Amelia', 'Hughes', true], ['Oliver', 'Bennett', false], ['Rhys', 'Evans', true]]);
  });

  it('reads LF then CRLF, CR alone, and a mixture of all three', () => {
    const rows = ['Forename,Surname,Photo consent', 'Amelia,Hughes,yes', 'Oliver,Bennett,no', 'Rhys,Evans,yes', 'Zofia,Kowalska,no'];
    const want = ['Amelia Hughes', 'Oliver Bennett', 'Rhys Evans', 'Zofia Kowalska'];
    expect(names(`${rows.slice(0, 3).join('\n')}\r\n${rows.slice(3).join('\r\n')}\r\n`)).toEqual(want);
    expect(names(rows.join('\r'))).toEqual(want);
    expect(names(`${rows[0]}\r\n${rows[1]}\n${rows[2]}\r${rows[3]}\r\n${rows[4]}`)).toEqual(want);
  });

  it('keeps a quoted cell’s line break inside its cell, whatever the line ends around it', () => {
    const r = parseRosterCsv('Forename,Surname,Photo consent\r\n"Amelia\r\nRose",Hughes,yes\nOliver,Bennett,no\r\n');
    expect(r.pupils.map((p) => p.last)).toEqual(['Hughes', 'Bennett']);
    expect(r.pupils[0]!.first).toMatch(/^Amelia\s+Rose$/);
  });

  it('reads Unicode line separators as line ends only where the file has no other', () => {
    expect(names('Forename,Surname\u2028Amelia,Hughes\u2028Oliver,Bennett')).toEqual(['Amelia Hughes', 'Oliver Bennett']);
    // Pasted into a cell of a file with ordinary line ends: a space in the name, not a new row.
    expect(names('Forename,Surname\nAmelia\u2028Rose,Hughes\nOliver,Bennett\n')).toEqual(['Amelia Rose Hughes', 'Oliver Bennett']);
  });
});

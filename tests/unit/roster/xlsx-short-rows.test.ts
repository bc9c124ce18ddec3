import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readRoster } from '../../../lib/roster/csv';
import { xlsxSheets } from '../../../lib/roster/xlsx';
import { NS } from '../../fixtures/rosters/workbook';

/** A one-sheet workbook of `rows` (each a row's `<c>` elements, written as given). */
function book(rows: string[]): Uint8Array {
  return zipSync({
    'xl/workbook.xml': strToU8(`<workbook ${NS}><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>`),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet ${NS}><sheetData>${rows.map((cells, i) => `<row r="${i + 1}">${cells}</row>`).join('')}</sheetData></worksheet>`),
  });
}
const str = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

// Probe 19 M1: Excel writes no element for an empty cell, so a pupil whose last cells are empty (consent not yet
// filled in, no note) had a shorter row and was refused: "This row has 3 cells but there are 4 headings".
describe('a workbook whose rows leave out their empty cells', () => {
  it('reads a row with empty trailing cells as the heading row’s width (the probe’s workbook)', () => {
    const r = readRoster(new Uint8Array(readFileSync(new URL('../../fixtures/rosters/notes-last-short-rows.xlsx', import.meta.url))));
    expect(r.problems).toEqual([]);
    expect(r.pupils.map((p) => [p.first, p.last, p.photoConsent])).toEqual([['Amelia', 'Hughes', true], ['Oliver', 'Bennett', false], ['Rhys', 'Evans', true]]);
  });

  it('puts each cell at the column its reference names, with a cell left out in the middle or at the end', () => {
    const rows = [
      str('A1', 'First name') + str('B1', 'Surname') + str('C1', 'Photo consent') + str('D1', 'Notes'),
      str('A2', 'Amelia') + str('B2', 'Hughes') + str('C2', 'Yes'),
      // No surname cell: B3 is missing, C3 stays under "Photo consent".
      str('A3', 'Oliver') + str('C3', 'No'),
      // Consent and notes both empty: not recorded, never refused.
      str('A4', 'Rhys') + str('B4', 'Evans'),
    ];
    expect(xlsxSheets(book(rows))[0]!.text.split('\r\n')).toEqual([
      '"First name","Surname","Photo consent","Notes"',
      '"Amelia","Hughes","Yes",""',
      '"Oliver","","No",""',
      '"Rhys","Evans","",""',
      '',
    ]);
    const r = readRoster(book(rows));
    expect(r.problems.map((p) => p.code)).not.toContain('missing-cells');
    expect(r.pupils.map((p) => [p.first, p.last, p.photoConsent])).toEqual([['Amelia', 'Hughes', true], ['Oliver', '', false], ['Rhys', 'Evans', null]]);
  });

  it('a value past the last heading is still refused, and a cell far to the right does not pad every row out to it', () => {
    const r = readRoster(book([str('A1', 'First name') + str('B1', 'Surname'), str('A2', 'Amelia') + str('B2', 'Hughes') + str('C2', 'stray'), str('A3', 'Oliver') + str('B3', 'Bennett')]));
    expect(r.problems.map((p) => [p.row, p.code])).toEqual([[2, 'extra-cells']]);
    const far = xlsxSheets(book([str('A1', 'First name') + str('XFD1', 'x'), str('A2', 'Amelia')]))[0]!.text.split('\r\n');
    expect(far[1]!.split(',').length).toBe(256);
  });
});

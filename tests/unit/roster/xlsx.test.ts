/**
 * A class list exported as an Excel workbook (.xlsx), as SIMS, Arbor and Bromcom offer besides CSV: read from
 * its cells by the same reader as the CSV. The workbook (tests/fixtures/rosters/workbook.ts) is built part by part, as Excel
 * writes it: shared strings with rich text, an inline string, booleans, a date-formatted cell, a title row
 * above the headings, a row the file leaves out, and a notes sheet before the list.
 */
import { strToU8, zipSync } from 'fflate';
import { NS, workbook } from '../../fixtures/rosters/workbook';
import { describe, expect, it } from 'vitest';
import { readRoster } from '../../../lib/roster/csv';
import { rosterSummary } from '../../../lib/roster/summary';
import { xlsxSheets } from '../../../lib/roster/xlsx';
import { EN, english } from './english';

describe('an Excel workbook (.xlsx) class list', () => {
  it('reads each sheet’s cells in place: shared, rich and inline strings, booleans, numbers, a date cell as its date, empty rows kept', () => {
    const [list] = xlsxSheets(workbook());
    expect(list!.name).toBe('3 Oak');
    expect(list!.text.split('\r\n')).toEqual([
      // Every row padded to the widest row's width (probe 19 M1: Excel leaves empty trailing cells out).
      '"Class list & consent – 3 Oak","","","","",""',
      '',
      '"Legal Forename","Preferred Forename","Surname","Photo Consent","Looked After","Photo consent withdrawn"',
      '"Amelia","Millie","Hughes","Yes","FALSE",""',
      '"Siân","","ap Rhys","1","No","2024-10-02"',
      '',
    ]);
  });

  it('imports the class as its CSV would be: title skipped, preferred names, consent, in care and a withdrawal date', () => {
    const r = readRoster(workbook());
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.encoding).toBe('xlsx');
    expect(r.sheet).toBe('3 Oak');
    expect(r.headerRow).toBe(3);
    expect(r.skipped).toEqual(['Class list & consent – 3 Oak']);
    expect(r.pupils).toEqual([
      { first: 'Millie', last: 'Hughes', legalFirst: 'Amelia', photoConsent: true, inCare: false },
      { first: 'Siân', last: 'ap Rhys', photoConsent: false, inCare: false },
    ]);
    expect(r.notes.map((n) => n.code)).toEqual(['sheet-chosen', 'names-used', 'opt-out-date']);
    expect(english(r.notes[0]!)).toBe('The sheet “3 Oak” is read (the workbook has 2 sheets: “3 Oak”, “Notes”). To read another, move it to the front in Excel, or save that sheet as CSV.');
    expect(rosterSummary(r, 'Class list.xlsx', EN)[0]).toBe('roster Class list.xlsx: Read from an Excel workbook, sheet “3 Oak”. Headings on row 3.');
  });

  it('finds the class list when a notes sheet comes first', () => {
    const r = readRoster(workbook({ notesFirst: true }));
    expect(r.ok).toBe(true);
    expect(r.sheet).toBe('3 Oak');
    expect(r.pupils.map((p) => p.first)).toEqual(['Millie', 'Siân']);
  });

  it('a workbook with no sheet, or a damaged one, is refused with how to save it as CSV', () => {
    const empty = zipSync({ 'xl/workbook.xml': strToU8(`<workbook ${NS}><sheets/></workbook>`) });
    expect(readRoster(empty).problems.map((p) => p.code)).toEqual(['not-text']);
    const cut = workbook().slice(0, 400);
    expect(readRoster(cut).problems.map((p) => [p.code, p.data])).toEqual([['not-text', ['xlsx', 'damaged', 'sheet']]]);
  });

  it('a row numbered far past any class list is read without padding the sheet out to it', () => {
    const sheet = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Forename</t></is></c><c r="B1" t="inlineStr"><is><t>Surname</t></is></c></row><row r="1048576"><c r="A1048576" t="inlineStr"><is><t>Amelia</t></is></c><c r="B1048576" t="inlineStr"><is><t>Hughes</t></is></c></row></sheetData></worksheet>`;
    const book = zipSync({ 'xl/workbook.xml': strToU8(`<workbook ${NS}><sheets><sheet name="S" sheetId="1"/></sheets></workbook>`), 'xl/worksheets/sheet1.xml': strToU8(sheet) });
    const started = Date.now();
    const [only] = xlsxSheets(book);
    expect(only!.text.split('\r\n').length).toBeLessThanOrEqual(10_003);
    expect(readRoster(book).pupils.map((p) => p.first)).toEqual(['Amelia']);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

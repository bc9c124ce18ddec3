import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRosterCsv, readRoster } from '../../../lib/roster/csv';
import { binaryFormat } from '../../../lib/roster/decode';
import { mendMojibake } from '../../../lib/roster/mend';
import { DIR } from '../../fixtures/rosters/build';
import { english, withEnglish } from './english';

const fixture = (file: string) => readRoster(new Uint8Array(readFileSync(join(DIR, file))));
// UTF-8 read as Windows-1252 and written again as UTF-8, as Excel does to a UTF-8 CSV opened by double-click.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const garble = (s: string) => [...new TextEncoder().encode(s)].map((b) => (b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80]! : String.fromCharCode(b))).join('');
const utf16le = (s: string) => Uint8Array.from([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Uint8Array.from([0xfe, 0xff, ...le]);
};
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => (CP1252.includes(c) ? 0x80 + CP1252.indexOf(c) : c.charCodeAt(0))));

describe('garbled names (mojibake) are mended and said to be; lost letters are refused', () => {
  it('mends UTF-8 read as Windows-1252, and leaves real accents alone', () => {
    for (const name of ['Zoë', 'Siobhán', 'O’Connor', 'Łukasz', 'Siân', 'Dafydd ap Gruffudd', 'Ægir', '😀']) {
      expect(garble(name) === name || mendMojibake(garble(name)).text === name, name).toBe(true);
      expect(mendMojibake(name).text, name).toBe(name);
    }
    expect(garble('Zoë')).toBe('ZoÃ«');
    for (const real of ['JOÃO', 'André’s', 'Ángel', 'Zoé', 'Bjørn', 'Ögmundur', 'François']) expect(mendMojibake(real)).toEqual({ text: real, examples: [], count: 0 });
    // Read as Latin-1 (C1 controls in place of €, ™, ’), as Node's decoder does: mended all the same.
    expect(mendMojibake('Oâ\u0080\u0099Connor').text).toBe('O’Connor');
  });

  it('mends a whole resaved export, and says which names', () => {
    const r = fixture('excel-resaved-mojibake.csv');
    expect(r.ok).toBe(true);
    expect(r.pupils.map((p) => `${p.first} ${p.last}`)).toContain('Siân ap Rhys');
    expect(r.pupils.map((p) => p.last)).toContain('O’Connor');
    expect(r.notes[0]).toMatchObject({ code: 'mended', data: ['2', '“SiÃ¢n” → “Siân”, “Oâ€™Connor” → “O’Connor”'] });
  });

  it('mends mojibake in Excel "Unicode Text" (UTF-16 LE and BE); resaved as ANSI it reads right as it is', () => {
    const table = `Forename\tSurname\tPhoto Consent\r\n${garble('Zoë')}\tSmith\tNo\r\n${garble('Siobhán')}\t${garble('O’Connor')}\tYes\r\n`;
    for (const bytes of [utf16le(table), utf16be(table)]) {
      const r = readRoster(bytes);
      expect(r.pupils.map((p) => `${p.first} ${p.last}`)).toEqual(['Zoë Smith', 'Siobhán O’Connor']);
      expect(r.notes.map((n) => n.code)).toEqual(['mended']);
    }
    // A UTF-8 file with a byte-order mark, garbled: the mark becomes "ï»¿" and mends back to nothing.
    const bom = readRoster(new TextEncoder().encode(garble('\uFEFFForename,Surname,Photo Consent\r\nZoë,Smith,No\r\nSiobhán,O’Connor,Yes\r\n')));
    expect(bom.used).toEqual(['Forename', 'Surname', 'Photo Consent']);
    expect(bom.pupils.map((p) => p.first)).toEqual(['Zoë', 'Siobhán']);
    // Saved as "ANSI" once more, the garbled letters are the UTF-8 bytes again: read as UTF-8, nothing to mend.
    const ansi = readRoster(cp1252(table));
    expect([ansi.encoding, ansi.pupils.map((p) => `${p.first} ${p.last}`), ansi.notes]).toEqual(['utf-8', ['Zoë Smith', 'Siobhán O’Connor'], []]);
  });

  it('reads Windows-1252 and UTF-16 exports with accents as they are (nothing to mend)', () => {
    const table = 'Forename,Surname,Photo Consent\r\nZoë,Smith,No\r\nSiobhán,O’Connor,Yes\r\nŠárka,Nováková,Yes\r\n';
    for (const bytes of [cp1252(table.replace('Šárka,Nováková', 'Sárka,Novakova')), utf16le(table), utf16be(table), new TextEncoder().encode(table)]) {
      const r = readRoster(bytes);
      expect(r.ok).toBe(true);
      expect(r.pupils.slice(0, 2).map((p) => `${p.first} ${p.last}`)).toEqual(['Zoë Smith', 'Siobhán O’Connor']);
      expect(r.notes).toEqual([]);
    }
  });

  it('refuses a name with a letter the saving program replaced by "?" or "�", naming the row', () => {
    const r = fixture('sims-lost-letters.csv');
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ row: 3, code: 'lost-letter', data: ['?ukasz', 'question'] })]);
    expect(english(r.problems[0]!)).toContain('Save the file as “CSV UTF-8”');
    expect(parseRosterCsv('Forename,Surname\nZo\ufffd,Smith\n').problems[0]).toMatchObject({ code: 'lost-letter', data: ['Zo\ufffd', 'replacement'] });
    // A letter lost inside mojibake ("Á" is C3 81, and 0x81 has no Windows-1252 character) is refused, not half-mended.
    expect(parseRosterCsv('Forename,Surname\nÃ\ufffdine,Murphy\n').problems[0]!.code).toBe('lost-letter');
  });

  it('skips NUL padding at the end of a file, saying so; a NUL inside a name is still refused', () => {
    const r = parseRosterCsv(`Forename,Surname\nAmelia,Hughes\n${'\u0000'.repeat(500)}`);
    expect(r.ok).toBe(true);
    expect(r.notes).toEqual([expect.objectContaining({ code: 'nul-padding', data: ['500'] })]);
    expect(parseRosterCsv('Forename,Surname\nSm\u0000ith,Hughes\nAmelia,Hughes\n').problems[0]!.code).toBe('control-chars');
  });
});

describe('a workbook or document instead of a CSV is refused with how to save it as CSV', () => {
  it('names an .xlsx, even with a .csv name, and says how to save it as CSV UTF-8', () => {
    const r = fixture('class-list.xlsx.csv');
    expect(r.ok).toBe(false);
    expect(withEnglish(r.problems)).toEqual([
      {
        row: 0,
        code: 'not-text',
        data: ['xlsx', 'no-sheet', 'sheet'],
        // The workbook's own reason (probe 19f L2), then how to save it as CSV.
        message: 'This workbook has no sheet Policy Guard can read. Open it in Excel (or LibreOffice), choose File › Save As, pick “CSV UTF-8 (Comma delimited) (*.csv)”, and import the .csv file.',
      },
    ]);
    expect(JSON.stringify(r)).not.toMatch(/PK|Content_Types/);
  });

  it('tells the other formats apart from their first bytes', () => {
    const bytes = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
    expect(binaryFormat(bytes('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest'))).toBe('xls');
    expect(binaryFormat(bytes('%PDF-1.7'))).toBe('pdf');
    expect(binaryFormat(bytes('PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.spreadsheet'))).toBe('ods');
    expect(binaryFormat(bytes('PK\x03\x04....word/document.xml'))).toBe('docx');
    expect(binaryFormat(bytes('PK\x03\x04....photos/1.jpg'))).toBe('zip');
    expect(binaryFormat(bytes('Forename,Surname\r\n'))).toBeUndefined();
    expect(binaryFormat(utf16le('Forename\tSurname'))).toBeUndefined();
    expect(english(readRoster(bytes('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1')).problems[0]!)).toMatch(/^This file is an old Excel workbook \(\.xls\), not a CSV file\. Open it in Excel/);
    expect(english(readRoster(bytes('%PDF-1.7')).problems[0]!)).toMatch(/^This file is a PDF, not a CSV file\. Export the class list/);
  });
});

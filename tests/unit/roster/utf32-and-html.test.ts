import { describe, expect, it } from 'vitest';
import { readRoster } from '../../../lib/roster/csv';
import { binaryFormat } from '../../../lib/roster/decode';
import { english, withEnglish } from './english';

const CSV = 'Forename\tSurname\tPhoto consent\r\nAmelia\tHughes\tYes\r\n';
function utf32(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array((text.length + 1) * 4);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xfeff, !bigEndian);
  [...text].forEach((c, i) => view.setUint32((i + 1) * 4, c.codePointAt(0)!, !bigEndian));
  return out;
}

// Probe 19 L5: a UTF-32 file was said to be "read as UTF-16" with a NUL in every name; an HTML table saved as .xls
// was refused showing its raw markup as a heading row. Each is named now, with what to do.
describe('files that look like text but are not a CSV the reader takes', () => {
  it('UTF-32 (either byte order, with its byte-order mark) is named as such, with how to save it as CSV UTF-8', () => {
    for (const big of [false, true]) {
      expect(binaryFormat(utf32(CSV, big))).toBe('utf32');
      const r = readRoster(utf32(CSV, big));
      expect(r.pupils).toEqual([]);
      expect(withEnglish(r.problems)).toEqual([{ row: 0, code: 'not-text', data: ['utf32', '', 'sheet'], message: expect.stringMatching(/^This file is text in UTF-32, an encoding Policy Guard does not read\. .*CSV UTF-8/) }]);
      expect(english(r.problems[0]!)).not.toContain('\u0000');
    }
  });

  it('an HTML table saved as .xls (or any web page) is named as a web page, never shown as markup', () => {
    const pages = [
      '<html><body><table><tr><td>Forename</td><td>Surname</td></tr><tr><td>Amelia</td><td>Hughes</td></tr></table></body></html>',
      '\uFEFF  <!DOCTYPE html>\n<html><table></table></html>',
      '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><table></table></html>',
      '<table border=1><tr><th>Name</th></tr></table>',
    ];
    for (const page of pages) {
      const r = readRoster(new TextEncoder().encode(page));
      expect(r.problems.map((p) => [p.code, p.data]), page).toEqual([['not-text', ['html', '', 'sheet']]]);
      expect(english(r.problems[0]!)).toMatch(/^This file is a web page \(an HTML table.*Save As.*CSV UTF-8/);
      expect(english(r.problems[0]!)).not.toContain('<td>');
    }
  });

  it('UTF-16 text, and a CSV whose names hold markup, are still read as before', () => {
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(CSV, 'utf16le'))]);
    expect(binaryFormat(le)).toBeUndefined();
    expect(readRoster(le).pupils.map((p) => p.first)).toEqual(['Amelia']);
    expect(binaryFormat(new TextEncoder().encode('Name\n<b>Bob</b>\n'))).toBeUndefined();
  });
});

/**
 * Probe 19f L1, L2, L6: a workbook whose first sheet is hidden (a consent template's drop-down lists) is read
 * from the sheet Excel shows; a workbook that cannot be read is refused with its own reason (too large once
 * unpacked, damaged); a roster file over the one size limit is refused with one message, in the CLI and the
 * options page alike (both call readRoster).
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_ROSTER_BYTES, readRoster } from '../../../lib/roster/csv';
import { MAX_PART_BYTES } from '../../../lib/roster/xlsx';
import { english, withEnglish } from './english';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const sheet = (rows: string[][]) => `<worksheet ${NS}><sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r.map((t, j) => cell(`${String.fromCharCode(65 + j)}${i + 1}`, t)).join('')}</row>`).join('')}</sheetData></worksheet>`;
function book(sheets: { name: string; state?: string; rows: string[][] }[], extra: Record<string, Uint8Array> = {}): Uint8Array {
  const listed = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ''}/>`).join('');
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(`<workbook ${NS}><sheets>${listed}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<Relationships>${rels}</Relationships>`),
    ...Object.fromEntries(sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, strToU8(sheet(s.rows))])),
    ...extra,
  });
}
const LISTS = [['Photo Consent'], ['Yes'], ['No']];
const CLASS = [['Forename', 'Surname', 'Photo Consent'], ['Amelia', 'Hughes', 'Yes'], ['Oliver', 'Bennett', 'No']];

describe('hidden sheets (L1)', () => {
  it.each(['hidden', 'veryHidden'])('a %s first sheet of drop-down lists is skipped, and the note says so', (state) => {
    const r = readRoster(book([{ name: 'Lists', state, rows: LISTS }, { name: 'Class 2B', rows: CLASS }]));
    expect(r.ok).toBe(true);
    expect(r.sheet).toBe('Class 2B');
    expect(r.pupils.map((p) => p.first)).toEqual(['Amelia', 'Oliver']);
    expect(english(r.notes[0]!)).toContain('“Lists” (hidden, not read), “Class 2B”');
  });

  it('a workbook whose only sheet is hidden is still read', () => {
    expect(readRoster(book([{ name: 'Class', state: 'hidden', rows: CLASS }])).pupils).toHaveLength(2);
  });
});

describe('a workbook that cannot be read says why (L2)', () => {
  it('one too large once unpacked (a zip bomb) is refused as too large, not as “not a CSV file”', () => {
    const huge = new Uint8Array(MAX_PART_BYTES + 1).fill(0x20);
    const r = readRoster(book([{ name: 'Class', rows: CLASS }], { 'xl/sharedStrings.xml': huge }));
    expect(r.problems).toHaveLength(1);
    expect(english(r.problems[0]!)).toMatch(/^This workbook is too large to be a class list \(a sheet is over 20 MB\)\. Open it in Excel/);
  });

  it('a damaged one says it is damaged', () => {
    const r = readRoster(book([{ name: 'Class', rows: CLASS }]).slice(0, 300));
    expect(english(r.problems[0]!)).toMatch(/^This workbook cannot be read: it is damaged \(not a complete zip\)\. Open it in Excel/);
  });
});

describe('one size limit, one message (L6)', () => {
  it('a text file over the limit is refused unread, naming its size, from its whole bytes or from its first bytes and size', () => {
    const line = 'Amelia,Hughes,Yes\n';
    const big = new TextEncoder().encode(`Forename,Surname,Photo consent\n${line.repeat(Math.ceil(MAX_ROSTER_BYTES / line.length) + 10)}`);
    const whole = readRoster(big);
    // The options page reads only the first 64 KB of a big file, and gives its size.
    const head = readRoster(big.slice(0, 64 * 1024), big.length);
    expect(whole.problems).toEqual(head.problems);
    expect(withEnglish(whole.problems)).toEqual([{ row: 0, code: 'too-big', data: [(big.length / 1_000_000).toFixed(1)], message: `This file is ${(big.length / 1_000_000).toFixed(1)} MB: a class roster is a few kilobytes (at most 2 MB), so it was not read. Is it the whole school's export? Export one class's list and import that.` }]);
  });

  it('a workbook over the limit is named as a workbook, with how to save it as CSV', () => {
    const r = readRoster(book([{ name: 'Class', rows: CLASS }]), MAX_ROSTER_BYTES + 1);
    expect(english(r.problems[0]!)).toMatch(/^This file is an Excel workbook \(\.xlsx\), not a CSV file\. Open it in Excel/);
  });

  it('a file at the limit is read', () => {
    expect(readRoster(new TextEncoder().encode('Forename,Surname\nAmelia,Hughes\n'), MAX_ROSTER_BYTES).ok).toBe(true);
  });
});

/**
 * The sheets of an Excel workbook (.xlsx, SpreadsheetML: ECMA-376 Part 1 §18) as CSV text, so a class list
 * exported from a management system as .xlsx is read by the same roster reader as its CSV export
 * (lib/roster/csv.ts). Pure: no DOM, so the options page and the `guard` CLI read a workbook alike.
 *
 * - Sheets in the workbook's order (xl/workbook.xml, through xl/_rels/workbook.xml.rels), each as
 *   `{ name, text }`: one line per spreadsheet row, empty rows kept so row numbers are the spreadsheet's,
 *   cells placed by their reference (B3 is the second cell of the third line), every cell quoted.
 * - Shared strings and inline strings (rich-text runs joined, phonetic guides left out), numbers as written
 *   in the file, booleans as TRUE/FALSE, a formula's last value. A number in a date format (built-in formats
 *   14–22 and 45–47, or a custom format with a day or year in it) is written as its date, yyyy-mm-dd
 *   (the 1900 date system; a workbook in the 1904 system is counted from 1904).
 * - Old binary .xls, .ods and macro-enabled .xlsm/.xlsb binaries are not read here.
 *
 * Errors: XlsxError with a plain sentence when the bytes are not a complete zip, hold no worksheet, or a part
 * is larger than MAX_PART_BYTES once inflated (a zip bomb).
 */
import { strFromU8 } from 'fflate';
import { unzipParts } from '../text/unzip';
import { decodeEntities } from '../policy/from-text/docx';

/** 20 MB of XML: a class list's sheet is a few hundred KB; a whole school's, a few MB. */
export const MAX_PART_BYTES = 20_000_000;

/** Empty rows kept before a row, at most: far past a class list, and a hostile row number pads no further. */
const MAX_GAP_ROWS = 10_000;

/** Why a workbook cannot be read (`reason`, the roster problem's id for it), with the English for a log. */
export class XlsxError extends Error {
  constructor(
    readonly reason: 'too-large' | 'damaged' | 'no-sheet',
    message: string,
  ) {
    super(message);
  }
}

export interface XlsxSheet {
  name: string;
  /** Hidden in Excel (`state="hidden"` or `veryHidden`): a template's drop-down lists, never the class list. */
  hidden?: boolean;
  /** The sheet as CSV (commas, every cell quoted, CRLF line ends). */
  text: string;
}

/** Each `<tag …>` (or `<tag …/>`) in `xml` with its attributes and, unless self-closing, the text up to `</tag>`. */
function* elements(xml: string, tag: string): Generator<{ attrs: string; body: string }> {
  const open = `<${tag}`;
  const close = `</${tag}>`;
  let at = 0;
  for (;;) {
    let start = xml.indexOf(open, at);
    // "<c" must not match "<col" or "<cfRule": the next character ends the name.
    while (start >= 0 && !/[\s/>]/.test(xml[start + open.length] ?? '')) start = xml.indexOf(open, start + 1);
    if (start < 0) return;
    const end = xml.indexOf('>', start);
    if (end < 0) return;
    const attrs = xml.slice(start + open.length, end);
    if (attrs.endsWith('/')) {
      yield { attrs, body: '' };
      at = end + 1;
      continue;
    }
    const stop = xml.indexOf(close, end);
    if (stop < 0) return;
    yield { attrs, body: xml.slice(end + 1, stop) };
    at = stop + close.length;
  }
}

/** An attribute's value in a tag's attribute text (`name="…"`, preceded by a space so "r" never matches "ref"). */
function attr(attrs: string, name: string): string | undefined {
  const key = `${name}="`;
  let i = attrs.indexOf(key);
  while (i > 0 && !/\s/.test(attrs[i - 1]!)) i = attrs.indexOf(key, i + 1);
  if (i < 0) return undefined;
  const end = attrs.indexOf('"', i + key.length);
  return end < 0 ? undefined : decodeEntities(attrs.slice(i + key.length, end));
}

/** The text of a string item (`<si>` or `<is>`): its `<t>`s, outside phonetic guides (`<rPh>`). */
function stringText(body: string): string {
  let plain = '';
  for (let at = 0; ; ) {
    const start = body.indexOf('<rPh', at);
    const stop = start < 0 ? -1 : body.indexOf('</rPh>', start);
    if (stop < 0) {
      plain += body.slice(at);
      break;
    }
    plain += body.slice(at, start);
    at = stop + '</rPh>'.length;
  }
  let text = '';
  for (const t of elements(plain, 't')) text += decodeEntities(t.body);
  return text;
}

const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A number format's own letters: without its quoted text, [colour] and [$-locale] sections and \-escaped characters. */
function formatLetters(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '\\') i++;
    else if (c === '"') i = code.indexOf('"', i + 1) < 0 ? code.length : code.indexOf('"', i + 1);
    else if (c === '[') i = code.indexOf(']', i + 1) < 0 ? code.length : code.indexOf(']', i + 1);
    else out += c;
  }
  return out;
}

/** Which cell styles (`s` index) show a number as a date. */
function dateStyles(styles: string | undefined): Set<number> {
  const dates = new Set<number>();
  if (!styles) return dates;
  const custom = new Map<number, string>();
  for (const f of elements(styles, 'numFmt')) custom.set(Number(attr(f.attrs, 'numFmtId')), attr(f.attrs, 'formatCode') ?? '');
  const xfs = [...elements(styles, 'cellXfs')][0]?.body ?? '';
  let i = 0;
  for (const xf of elements(xfs, 'xf')) {
    const id = Number(attr(xf.attrs, 'numFmtId') ?? 0);
    // A custom format's letters outside quotes and [colour]/[$-locale] sections: d or y means a date.
    const code = formatLetters(custom.get(id) ?? '');
    if (BUILT_IN_DATES.has(id) || /[dy]/i.test(code)) dates.add(i);
    i++;
  }
  return dates;
}

/** A serial day number as yyyy-mm-dd (1900 system: day 1 is 1 January 1900, with Lotus's 29 February 1900). */
function serialDate(serial: number, date1904: boolean): string {
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  const ms = Date.UTC(1899, 11, 30) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** "B12" → 1 (the column's index from 0); -1 when the reference has no letters. */
function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length && /[A-Za-z]/.test(ref[i]!); i++) n = n * 26 + (ref.toUpperCase().charCodeAt(i) - 64);
  return i === 0 ? -1 : n - 1;
}

const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

// Rows are padded out to the sheet's widest row up to this many columns (a class list has a dozen; a stray cell
// far to the right is not worth a megabyte of empty cells on every row).
const MAX_PAD_COLUMNS = 256;

/**
 * A sheet as CSV text, one line a row, each cell at its column. Excel leaves out empty cells, at a row's end as in
 * its middle: a cell is put at the column its reference names (A2, C2 with B2 missing), and every row is padded to
 * the widest row's width, so a pupil whose last cells are empty (consent not filled in, no note) lines up with the
 * headings instead of being refused as a row with cells missing (probe 19 M1).
 */
function sheetText(xml: string, strings: string[], dates: Set<number>, date1904: boolean): string {
  const lines: string[][] = [];
  const data = [...elements(xml, 'sheetData')][0]?.body ?? '';
  for (const row of elements(data, 'row')) {
    const r = Number(attr(row.attrs, 'r') ?? lines.length + 1);
    // Rows the file leaves out are empty rows: kept, so row numbers stay the spreadsheet's, up to a class list's
    // length (a row numbered 1,000,000 is never padded out to it, and is still read).
    while (lines.length < Math.min(r - 1, MAX_GAP_ROWS)) lines.push([]);
    const cells: string[] = [];
    for (const c of elements(row.body, 'c')) {
      const ref = attr(c.attrs, 'r');
      const at = ref ? columnIndex(ref) : cells.length;
      const type = attr(c.attrs, 't') ?? 'n';
      const v = [...elements(c.body, 'v')][0]?.body;
      let value = '';
      if (type === 'inlineStr') value = stringText([...elements(c.body, 'is')][0]?.body ?? '');
      else if (v === undefined) value = '';
      else if (type === 's') value = strings[Number(v)] ?? '';
      else if (type === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
      else if (type === 'str' || type === 'e') value = decodeEntities(v);
      else {
        const n = Number(v);
        value = dates.has(Number(attr(c.attrs, 's') ?? -1)) && Number.isFinite(n) && n >= 1 ? serialDate(n, date1904) : v;
      }
      if (at < 0 || at > 16_383) continue;
      while (cells.length < at) cells.push('');
      cells[at] = value;
    }
    lines.push(cells);
  }
  const width = Math.min(MAX_PAD_COLUMNS, lines.reduce((w, cells) => Math.max(w, cells.length), 0));
  const text = lines.map((cells) => {
    const row = cells.length > 0 && cells.length < width ? [...cells, ...Array<string>(width - cells.length).fill('')] : cells;
    return row.map(quote).join(',');
  });
  return text.join('\r\n') + (text.length ? '\r\n' : '');
}

function unzip(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, Uint8Array> {
  return unzipParts(bytes, wanted, MAX_PART_BYTES, (why) =>
    new XlsxError(why === 'too-large' ? 'too-large' : 'damaged', why === 'too-large' ? 'This workbook is too large to be a class list (a sheet is over 20 MB).' : 'This workbook cannot be read: it is damaged (not a complete zip).'),
  );
}

/** The workbook's sheets as CSV text, in the workbook's order (see the module comment). Throws XlsxError. */
export function xlsxSheets(bytes: Uint8Array): XlsxSheet[] {
  const parts = unzip(bytes, (name) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/.test(name));
  const text = (name: string) => (parts[name] ? strFromU8(parts[name]) : undefined);
  const workbook = text('xl/workbook.xml') ?? '';
  const targets = new Map<string, string>();
  for (const rel of elements(text('xl/_rels/workbook.xml.rels') ?? '', 'Relationship')) {
    const id = attr(rel.attrs, 'Id');
    const target = attr(rel.attrs, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const strings = [...elements(text('xl/sharedStrings.xml') ?? '', 'si')].map((si) => stringText(si.body));
  const dates = dateStyles(text('xl/styles.xml'));
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook);
  const sheets: XlsxSheet[] = [];
  const listed = [...elements(workbook, 'sheet')];
  listed.forEach((s, i) => {
    const path = targets.get(attr(s.attrs, 'r:id') ?? '') ?? `xl/worksheets/sheet${i + 1}.xml`;
    const xml = text(path);
    const hidden = /^(hidden|veryHidden)$/.test(attr(s.attrs, 'state') ?? '');
    if (xml !== undefined) sheets.push({ name: attr(s.attrs, 'name') ?? `Sheet${i + 1}`, text: sheetText(xml, strings, dates, date1904), ...(hidden ? { hidden } : {}) });
  });
  if (sheets.length === 0) throw new XlsxError('no-sheet', 'This workbook has no sheet Policy Guard can read.');
  return sheets;
}

/**
 * A roster file's bytes as text, whatever the school's management system or Excel wrote:
 *
 * - UTF-8, with or without a byte-order mark (Arbor, Bromcom, ClassDojo, Excel's "CSV UTF-8");
 * - UTF-16 LE or BE, with a byte-order mark (Excel's "Unicode Text", tab-separated) or without one
 *   (told by where the zero bytes fall: ASCII letters in UTF-16 are a letter and a zero);
 * - Windows-1252 (SIMS and ScholarPack CSV on a Windows PC, Excel's plain "CSV"), when the bytes are not
 *   valid UTF-8;
 * - Mac Roman (Excel for Mac's plain "CSV"), when read as Windows-1252 the text has characters no name holds
 *   stuck to its words ("Zo‘", "JosŽ", "OÕConnor") and read as Mac Roman it has none ("Zoë", "José",
 *   "O’Connor"). Otherwise Windows-1252 stays, and the reader refuses the names that are not letters.
 *
 * Decoding is the platform's TextDecoder (browsers and Node). Pure: used by the options page and the CLI.
 */

import { utf16WithoutBom, windows1252 } from '../text/encoding';
/** How a roster's bytes were read: a text encoding, or `xlsx` (an Excel workbook's cells, lib/roster/xlsx.ts). */
export type RosterEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'macintosh' | 'xlsx';

export interface DecodedRoster {
  text: string;
  encoding: RosterEncoding;
  /** Why Mac Roman was chosen: up to three words as Windows-1252 reads them, and as Mac Roman does. */
  macRoman?: [string, string][];
}


/** A file that is not text at all: a workbook or document saved in its own format. */
export type BinaryFormat = 'xlsx' | 'xls' | 'ods' | 'docx' | 'pdf' | 'zip' | 'image' | 'binary' | 'html' | 'utf32';


/**
 * What a file is when it is not text, from its first bytes, or undefined for text. A zip's first entry
 * names tell the Office formats apart (an .xlsx holds `[Content_Types].xml` and `xl/…`, an .ods begins with
 * its `mimetype` entry); an OLE2 compound file (D0 CF 11 E0) is an old Excel .xls (or Word .doc). Text in
 * any encoding decodeRoster reads never starts with these bytes.
 */
export function binaryFormat(bytes: Uint8Array): BinaryFormat | undefined {
  const at = (...sig: number[]) => sig.every((x, i) => bytes[i] === x);
  if (at(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  // A picture saved or renamed as .csv (a photo of the register, a screenshot): PNG, JPEG, GIF, BMP, TIFF, WebP.
  if (at(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) || at(0xff, 0xd8, 0xff) || at(0x47, 0x49, 0x46, 0x38) || at(0x49, 0x49, 0x2a, 0x00) || at(0x4d, 0x4d, 0x00, 0x2a)) return 'image';
  if (at(0x42, 0x4d) && bytes.length >= 26 && bytes[14]! >= 12 && bytes[15] === 0 && bytes[6] === 0 && bytes[7] === 0) return 'image';
  if (at(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'image';
  if (at(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'xls';
  // UTF-32 with its byte-order mark (LE FF FE 00 00, BE 00 00 FE FF): it was read as UTF-16 with a NUL after every
  // letter (probe 19 L5). UTF-16 text never starts with a NUL character.
  if (at(0xff, 0xfe, 0x00, 0x00) || at(0x00, 0x00, 0xfe, 0xff)) return 'utf32';
  // A web page saved with a spreadsheet's name (Excel's "Web Page" save, or a report's "Export to Excel" that
  // writes an HTML table as .xls): its markup was shown as a heading row (probe 19 L5).
  const start = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024)).replace(/^(?:\u00ef\u00bb\u00bf|\u00ff\u00fe|\u00fe\u00ff)?\s*/, '');
  if (/^<(?:!doctype\s+html|html|table|\?xml[^>]*>\s*<html)\b/i.test(start.replace(/\u0000/g, ''))) return 'html';
  if (at(0x50, 0x4b, 0x03, 0x04) || at(0x50, 0x4b, 0x05, 0x06)) {
    // Entry names are stored uncompressed in the local headers: the first few KB name the parts.
    const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 64 * 1024));
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    if (/xl\/(workbook|worksheets|sharedStrings|styles)/.test(head)) return 'xlsx';
    if (head.includes('word/')) return 'docx';
    return 'zip';
  }
  return undefined;
}

/**
 * Decodes a roster file. Never throws: bytes that fit no encoding are read as Windows-1252, which
 * gives every byte a character (the roster reader then refuses names holding control characters).
 */
export function decodeRoster(bytes: Uint8Array): DecodedRoster {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const wide = utf16WithoutBom(bytes);
  if (wide) return { text: new TextDecoder(wide).decode(bytes), encoding: wide };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = windows1252(bytes);
    const odd = oddWords(text);
    if (odd.length === 0) return { text, encoding: 'windows-1252' };
    let mac: string;
    try {
      // The platform's Mac Roman (WHATWG's "macintosh", in Chromium, Firefox and Node with ICU).
      mac = new TextDecoder('macintosh').decode(bytes);
    } catch {
      return { text, encoding: 'windows-1252' };
    }
    if (oddWords(mac).length > 0) return { text, encoding: 'windows-1252' };
    // Both decodings have one character per byte, so a word's place is the same in each.
    const examples = odd.slice(0, 3).map(([from, to]): [string, string] => [text.slice(from, to), mac.slice(from, to)]);
    return { text: mac, encoding: 'macintosh', macRoman: examples };
  }
}

const LETTER = /[\p{L}\p{M}]/u;
// Letters a single-byte decoding gives that no pupil's name holds (ƒ, µ, dotless ı, ª º, the modifier ˆ).
const ODD_LETTER = /[ƒµıªºˆ]/u;
const OPENING = new Set(['“', '‘', '„', '‚', '«', '‹']);
const CLOSING = new Set(['”', '’', 'ʼ', '»', '›']);
const APOSTROPHE = new Set(['’', 'ʼ']);
const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();

/**
 * The words of a single-byte decoding that hold a character above ASCII no name would have where it is, as
 * [start, end] offsets: a symbol stuck to a letter ("Zo‘", "‰PNG"; an apostrophe between two letters,
 * "O’Brien", is a name's), a capital after a small letter or inside a word in small letters ("JosŽ",
 * "OÕConnor"), a small accented letter before a capital ("OíBrien"), or a letter no name holds ("Zoƒ").
 * Characters away from any letter (a dash or a bullet between words) say nothing.
 */
export function oddWords(text: string): [number, number][] {
  const out: [number, number][] = [];
  let lastEnd = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c.charCodeAt(0) < 0x80 || c === '\u00a0' || i < lastEnd) continue;
    const prev = text[i - 1] ?? '';
    const next = text[i + 1] ?? '';
    const prevL = LETTER.test(prev);
    const nextL = LETTER.test(next);
    let odd: boolean;
    if (!LETTER.test(c)) {
      // Quotes around a word (“Millie”, ‘Millie’, a note in Word's quotes), an apostrophe inside or after one
      // (O’Brien, Evans’), a dash between two (Smith–Jones), an ellipsis after one: what text holds. A quote on
      // the wrong side of a letter ("Zo‘") or any other symbol stuck to one ("‰PNG", "Zo•") is not.
      if (OPENING.has(c)) odd = prevL;
      else if (CLOSING.has(c)) odd = nextL && !(APOSTROPHE.has(c) && prevL);
      else if (c === '–' || c === '—') odd = prevL !== nextL;
      else if (c === '…') odd = nextL;
      else odd = prevL || nextL;
    }
    else if (ODD_LETTER.test(c)) odd = true;
    else {
      let from = i;
      let to = i + 1;
      while (from > 0 && LETTER.test(text[from - 1]!)) from--;
      while (to < text.length && LETTER.test(text[to]!)) to++;
      const word = text.slice(from, to);
      if (isUpper(c)) odd = (prevL && isLower(prev)) || (prevL && /\p{Ll}/u.test(word));
      else odd = prevL && isUpper(next);
    }
    if (!odd) continue;
    let from = i;
    let to = i + 1;
    while (from > 0 && /\S/.test(text[from - 1]!) && !/[,;\t|"]/.test(text[from - 1]!)) from--;
    while (to < text.length && /\S/.test(text[to]!) && !/[,;\t|"]/.test(text[to]!)) to++;
    out.push([from, to]);
    lastEnd = to;
  }
  return out;
}

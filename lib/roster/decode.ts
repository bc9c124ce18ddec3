/**
 * A roster file's bytes as text, whatever the school's management system or Excel wrote:
 *
 * - UTF-8, with or without a byte-order mark (Arbor, Bromcom, ClassDojo, Excel's "CSV UTF-8");
 * - UTF-16 LE or BE, with a byte-order mark (Excel's "Unicode Text", tab-separated) or without one
 *   (told by where the zero bytes fall: ASCII letters in UTF-16 are a letter and a zero);
 * - Windows-1252 (SIMS and ScholarPack CSV on a Windows PC, Excel's plain "CSV"), when the bytes are not
 *   valid UTF-8.
 *
 * Decoding is the platform's TextDecoder (browsers and Node). Pure: used by the options page and the CLI.
 */

import { utf16WithoutBom, windows1252 } from '../text/encoding';
/** How a roster's bytes were read: a text encoding, or `xlsx` (an Excel workbook's cells, lib/roster/xlsx.ts). */
export type RosterEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'xlsx';

export interface DecodedRoster {
  text: string;
  encoding: RosterEncoding;
}


/** A file that is not text at all: a workbook or document saved in its own format. */
export type BinaryFormat = 'xlsx' | 'xls' | 'ods' | 'docx' | 'pdf' | 'zip' | 'binary';


/**
 * What a file is when it is not text, from its first bytes, or undefined for text. A zip's first entry
 * names tell the Office formats apart (an .xlsx holds `[Content_Types].xml` and `xl/…`, an .ods begins with
 * its `mimetype` entry); an OLE2 compound file (D0 CF 11 E0) is an old Excel .xls (or Word .doc). Text in
 * any encoding decodeRoster reads never starts with these bytes.
 */
export function binaryFormat(bytes: Uint8Array): BinaryFormat | undefined {
  const at = (...sig: number[]) => sig.every((x, i) => bytes[i] === x);
  if (at(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (at(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'xls';
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
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}

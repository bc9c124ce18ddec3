/**
 * A policy document's bytes as plain text: `.txt` (UTF-8, UTF-16 with or without a byte-order mark,
 * Windows-1252) or `.docx`
 * (lib/policy/from-text/docx.ts, with fflate's unzip, loaded only when a .docx is opened).
 * One reader for the options page and the `guard` CLI. No DOM, no network.
 *
 * Refused, each with a message a school can act on: an empty document, a binary file (a PDF, an old .doc,
 * an image…), a file named as a Word document that is not one, a file over MAX_DOCUMENT_BYTES, or text
 * over MAX_DOCUMENT_CHARS.
 */

import { isUtf8, utf16WithoutBom, windows1252 } from '../../text/encoding';

/** 5 MB: a long policy in .docx with its images is well under 1 MB. */
export const MAX_DOCUMENT_BYTES = 5_000_000;
/** 500,000 characters: about 150 pages of text; a ClassDojo policy is 2 to 10 pages. */
export const MAX_DOCUMENT_CHARS = 500_000;

export class DocumentError extends Error {}

const startsWith = (b: Uint8Array, ...sig: number[]) => sig.every((x, i) => b[i] === x);

function megabytes(n: number): string {
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

/** Why a text cannot be a policy document (empty, too long, binary), or undefined. */
export function textProblem(text: string): string | undefined {
  if (!text.trim()) return 'The document is empty: there is no text to read.';
  if (text.length > MAX_DOCUMENT_CHARS) return `The document is too long (${text.length.toLocaleString('en-GB')} characters; at most ${MAX_DOCUMENT_CHARS.toLocaleString('en-GB')}). Paste only the ClassDojo policy.`;
  // Control characters other than tab, line breaks and form feed: a binary file read as text.
  const control = text.slice(0, 20_000).match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  if (control > 8 || control / Math.min(text.length, 20_000) > 0.01) return 'This does not look like text (it holds binary data). Open a .txt or .docx file, or paste the policy’s text.';
  return undefined;
}

/**
 * The text of a document. `name` is the file's name (its extension picks the reader when the bytes do not).
 * Throws DocumentError with a plain message for anything that cannot be read.
 */
export async function documentText(bytes: Uint8Array, name: string): Promise<string> {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw new DocumentError(`The file is too large (${megabytes(bytes.byteLength)}; at most ${megabytes(MAX_DOCUMENT_BYTES)}).`);
  if (bytes.byteLength === 0) throw new DocumentError('The file is empty.');
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) throw new DocumentError('This is a PDF. Open it, select all its text, copy it and paste it into the box instead.');
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) throw new DocumentError('This is an old Word document (.doc). Save it as .docx (Word: File › Save As), or paste its text.');
  let text: string;
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    if (!/\.doc[xm]$/i.test(name)) throw new DocumentError('This is a compressed (zip) file, not a .docx or a text file.');
    text = await docxText(bytes);
  } else if (/\.(docx|docm|doc|dotx|odt|rtf|pages)$/i.test(name)) {
    throw new DocumentError(`“${name}” is named as a word-processor document but is not a Word .docx. Open it and save it as .docx, or as plain text (.txt), or paste its text.`);
  } else if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) {
    text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
  } else if (utf16WithoutBom(bytes)) {
    text = new TextDecoder(utf16WithoutBom(bytes)).decode(bytes);
  } else if (isUtf8(bytes)) {
    text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  } else {
    // Not UTF-8: saved by Notepad or Word as "ANSI" on a UK Windows machine (its ’ – “ ” are single bytes).
    text = windows1252(bytes);
  }
  text = text.replace(/\r\n?/g, '\n');
  const problem = textProblem(text);
  if (problem) throw new DocumentError(problem);
  return text;
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const { docxText: read, DocxError } = await import('./docx');
  try {
    return read(bytes);
  } catch (error) {
    if (error instanceof DocxError) throw new DocumentError(error.message);
    throw new DocumentError('This .docx cannot be read. Open it in Word and save it again, or paste its text.');
  }
}

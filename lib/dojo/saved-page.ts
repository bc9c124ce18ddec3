/**
 * A page saved with the browser's "Save page as", as bytes, turned into the HTML text `guard outline
 * from-html` reads (lib/dojo/outline-html.ts). Pure: bytes in, text out; no file or DOM access.
 *
 * Browsers save in more than one way, and a school sends whatever it has:
 * - "Webpage, complete" (and "HTML only", which for ClassDojo holds only its empty start page: cli/outline.ts
 *   says so): an HTML file in the page's own encoding, which is said by a
 *   byte order mark (UTF-8, UTF-16LE, UTF-16BE) or a `<meta charset>` (UTF-8, Windows-1252…), else is UTF-8
 *   or, failing that, Windows-1252 (what browsers assume for an undeclared Western page).
 * - "Webpage, single file" (Chrome, Edge): MHTML, a MIME message (RFC 2557) whose text/html part holds the
 *   page, quoted-printable or base64 encoded, with the address it came from in its headers.
 * Anything else is refused with one line saying what it is and what to do; nothing is guessed.
 */

import { utf16WithoutBom, windows1252 } from '../text/encoding';
export type SavedPage =
  | {
      ok: true;
      html: string;
      /** The encoding the HTML was read in (a WHATWG label: "utf-8", "utf-16le", "windows-1252"…). */
      encoding: string;
      /** How it was saved. */
      kind: 'html' | 'mhtml';
      /** The address the page was saved from, when the file says (an MHTML header; HTML is read later). */
      url?: string;
    }
  | { ok: false; problem: string };

/** What a file that is no page at all is told: the two ways of saving a page we read. */
const SAVE_AGAIN = `save the page again with the browser's "Save page as…", as "Webpage, Single File" (or "Webpage, Complete")`;

/** Bytes as a "binary string" (one character per byte, 0–255), to search MIME structure without decoding. */
function binaryString(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let s = '';
  // In chunks: String.fromCharCode takes its bytes as arguments, and engines cap how many there may be.
  for (let i = start; i < end; i += 8192) s += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 8192)));
  return s;
}

function bytesOf(binary: string): Uint8Array {
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i) & 0xff;
  return out;
}

/** An encoding label TextDecoder knows, normalised ("latin1" → "windows-1252"), or undefined. */
function knownEncoding(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** A `charset=` in a header value or a meta tag's attributes. */
const CHARSET = /charset\s*=\s*["']?([\w.:-]{1,40})/i;

/**
 * The encoding a `<meta>` in the first 1,024 bytes declares (the HTML standard's prescan, simplified: a
 * `<meta charset>` or `<meta http-equiv content="…; charset=…">`). Each tag is cut at its `>` before it is
 * matched, so no pattern runs across the whole file.
 */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = binaryString(bytes, 0, Math.min(bytes.length, 1024)).toLowerCase();
  for (let at = head.indexOf('<meta'); at >= 0; at = head.indexOf('<meta', at + 5)) {
    const end = head.indexOf('>', at);
    const tag = head.slice(at, end < 0 ? head.length : end);
    const label = CHARSET.exec(tag)?.[1];
    if (label) return label;
  }
  return undefined;
}


/**
 * HTML bytes as text, in the encoding the bytes themselves say: a byte order mark first (it wins over
 * everything, as in browsers), then UTF-16 by its zero bytes, then `hint` (an MHTML part's charset), then a
 * `<meta>` charset, else UTF-8 if the bytes are valid UTF-8, else Windows-1252. A meta that says UTF-16 on a
 * page that is not is read as UTF-8 (the HTML standard's rule).
 */
export function decodeHtml(bytes: Uint8Array, hint?: string): { text: string; encoding: string } {
  const decode = (encoding: string, from = 0) => ({
    text: encoding === 'windows-1252' ? windows1252(bytes) : new TextDecoder(encoding).decode(bytes.subarray(from)),
    encoding,
  });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', 2);
  const sixteen = utf16WithoutBom(bytes);
  if (sixteen) return decode(sixteen);
  for (const label of [hint, metaCharset(bytes)]) {
    if (!label) continue;
    const known = knownEncoding(label);
    if (known?.startsWith('utf-16')) return decode('utf-8');
    if (known) return decode(known);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return decode('windows-1252');
  }
}

/**
 * The address a saved page came from: Chrome's `<!-- saved from url=(N)… -->` mark, else a canonical
 * `<link>`, read from the first 64 KB only (both sit at the top), each tag cut at its `>` before it is
 * matched (so a file of `<link<link<link…` cannot make the search quadratic). Undefined when neither is there.
 */
export function savedFromUrl(html: string): string | undefined {
  const top = html.slice(0, 65536);
  const at = top.indexOf('saved from url=(');
  if (at >= 0) {
    const end = top.indexOf('-->', at);
    const mark = /^saved from url=\(\d{1,6}\)(\S{1,4000})/.exec(top.slice(at, end < 0 ? at + 4100 : end).trim())?.[1];
    if (mark) return mark;
  }
  const lower = top.toLowerCase();
  for (let i = lower.indexOf('<link'); i >= 0; i = lower.indexOf('<link', i + 5)) {
    const close = top.indexOf('>', i);
    // A tag longer than 4 KB is no link a browser wrote.
    const tag = top.slice(i, Math.min(close < 0 ? top.length : close, i + 4096));
    if (!/\brel\s*=\s*["']?canonical\b/i.test(tag)) continue;
    const href = /\bhref\s*=\s*["']([^"']{1,4000})["']/i.exec(tag)?.[1];
    if (href) return href;
  }
  return undefined;
}

// ---- MHTML ("Webpage, single file") --------------------------------------------------------------------

interface Part {
  headers: Map<string, string>;
  /** The body, still in its transfer encoding, as a binary string. */
  body: string;
}

/** A MIME header block (lines up to the first empty one; folded lines joined), by lower-case name. */
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  let last = '';
  for (const line of block.split(/\r?\n/)) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  return headers;
}

/** A header block and the body after it (split at the first empty line). */
function splitPart(text: string): Part {
  const crlf = text.indexOf('\r\n\r\n');
  const lf = text.indexOf('\n\n');
  const [at, skip] = crlf >= 0 && (lf < 0 || crlf < lf) ? [crlf, 4] : lf >= 0 ? [lf, 2] : [text.length, 0];
  return { headers: parseHeaders(text.slice(0, at)), body: text.slice(at + skip) };
}

/** One parameter of a header value: `boundary` of `multipart/related; boundary="----x"`. */
function headerParam(value: string, name: string): string | undefined {
  for (const piece of value.split(';').slice(1)) {
    const eq = piece.indexOf('=');
    if (eq < 0 || piece.slice(0, eq).trim().toLowerCase() !== name) continue;
    const raw = piece.slice(eq + 1).trim();
    return raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw;
  }
  return undefined;
}

const HEADER_LINE = /^[A-Za-z][\w-]{0,60}:/;

/**
 * Whether a file is a MIME message (MHTML): its first lines are headers, among them MIME-Version or a
 * Content-Type, before the first empty line. An HTML page never starts like that.
 */
export function isMime(bytes: Uint8Array): boolean {
  const start = binaryString(bytes, 0, Math.min(bytes.length, 4096)).replace(/^\xEF\xBB\xBF/, '');
  const lines = start.split(/\r?\n/);
  let sawMime = false;
  for (const line of lines) {
    if (line === '') return sawMime;
    if (line.startsWith(' ') || line.startsWith('\t')) continue;
    if (!HEADER_LINE.test(line)) return false;
    const name = line.slice(0, line.indexOf(':')).toLowerCase();
    if (name === 'mime-version' || name === 'content-type') sawMime = true;
  }
  return false;
}

/** Quoted-printable (RFC 2045) to bytes: `=XX` is a byte, `=` at a line's end joins it to the next. */
export function decodeQuotedPrintable(body: string): string {
  let out = '';
  const hex = (c: string) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  let from = 0;
  for (let i = body.indexOf('='); i >= 0; i = body.indexOf('=', from)) {
    out += body.slice(from, i);
    const a = body[i + 1] ?? '';
    const b = body[i + 2] ?? '';
    if (a === '\r' && b === '\n') from = i + 3;
    else if (a === '\n') from = i + 2;
    else if (hex(a) && hex(b)) {
      out += String.fromCharCode(parseInt(a + b, 16));
      from = i + 3;
    } else {
      // Not an escape (a writer that did not encode "="): kept as written.
      out += '=';
      from = i + 1;
    }
  }
  return out + body.slice(from);
}

function decodeBase64(body: string): string | undefined {
  try {
    return atob(body.replace(/[^A-Za-z0-9+/=]/g, ''));
  } catch {
    return undefined;
  }
}

/** A part's body decoded from its transfer encoding, as a binary string (undefined: an encoding we do not read). */
function transferDecode(part: Part): string | undefined {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
  if (encoding === 'base64') return decodeBase64(part.body);
  if (encoding === '7bit' || encoding === '8bit' || encoding === 'binary') return part.body;
  return undefined;
}

const mediaType = (headers: Map<string, string>) => (headers.get('content-type') ?? 'text/plain').split(';')[0]!.trim().toLowerCase();

/**
 * The page inside an MHTML file: the text/html part the message's `type` or its first part names (Chrome
 * puts the page first, then its frames, styles and images), decoded. Refused, with a reason, when there is
 * no HTML part or its encoding is one we do not read.
 */
export function readMhtml(bytes: Uint8Array): SavedPage {
  const whole = splitPart(binaryString(bytes).replace(/^\xEF\xBB\xBF/, ''));
  const address = whole.headers.get('snapshot-content-location') ?? whole.headers.get('content-location');
  let parts: Part[];
  if (mediaType(whole.headers) === 'multipart/related' || mediaType(whole.headers) === 'multipart/mixed') {
    const boundary = headerParam(whole.headers.get('content-type') ?? '', 'boundary');
    if (!boundary) return { ok: false, problem: `is a "single file" web page (MHTML) with no part boundary, so its page cannot be found: ${SAVE_AGAIN}` };
    const delimiter = `--${boundary}`;
    parts = [];
    // Parts lie between delimiter lines; the one followed by "--" closes the message.
    let at = whole.body.indexOf(delimiter);
    while (at >= 0) {
      const start = at + delimiter.length;
      if (whole.body.startsWith('--', start)) break;
      const next = whole.body.indexOf(delimiter, start);
      const raw = whole.body.slice(start, next < 0 ? whole.body.length : next).replace(/^[ \t]*\r?\n/, '').replace(/\r?\n$/, '');
      parts.push(splitPart(raw));
      at = next;
    }
  } else {
    parts = [whole];
  }
  const html = parts.find((p) => mediaType(p.headers) === 'text/html');
  if (!html) return { ok: false, problem: `is a "single file" web page (MHTML) with no HTML part (${parts.length} parts): ${SAVE_AGAIN}` };
  const body = transferDecode(html);
  if (body === undefined) {
    return { ok: false, problem: `is a "single file" web page (MHTML) whose page is in an encoding Policy Guard does not read (${html.headers.get('content-transfer-encoding')}): ${SAVE_AGAIN}` };
  }
  const { text, encoding } = decodeHtml(bytesOf(body), headerParam(html.headers.get('content-type') ?? '', 'charset'));
  const url = address ?? html.headers.get('content-location');
  return { ok: true, html: text, encoding, kind: 'mhtml', ...(url ? { url } : {}) };
}

/** A saved page's bytes as HTML text: MHTML unpacked, any encoding decoded (see the module comment). */
export function readSavedPage(bytes: Uint8Array): SavedPage {
  if (bytes.length === 0) return { ok: false, problem: `is empty: ${SAVE_AGAIN}` };
  // Other browsers' and tools' containers, named so the school knows what to do instead.
  const magic = binaryString(bytes, 0, Math.min(bytes.length, 8));
  if (magic === 'bplist00') return { ok: false, problem: `is a Safari web archive, which Policy Guard does not read: in Chrome, Edge or Firefox, ${SAVE_AGAIN.slice(0, 1).toLowerCase()}${SAVE_AGAIN.slice(1)}` };
  if (magic.startsWith('PK\x03\x04')) return { ok: false, problem: `is a zip archive: unzip it and give the .html or .mhtml file inside` };
  const picture = magic.startsWith('\x89PNG') ? 'a PNG picture' : magic.startsWith('\xff\xd8\xff') ? 'a JPEG picture' : magic.startsWith('GIF8') ? 'a GIF picture' : magic.startsWith('RIFF') ? 'a picture or media file' : undefined;
  if (picture) return { ok: false, problem: `is ${picture} (a screenshot?), not a saved page: ${SAVE_AGAIN}` };
  if (magic.startsWith('%PDF')) return { ok: false, problem: `is a PDF (printed to PDF?), not a saved page: ${SAVE_AGAIN}` };
  if (magic.startsWith('\x1f\x8b')) return { ok: false, problem: `is compressed (gzip): decompress it and give the .html or .mhtml file inside` };
  // JSON: DevTools' "Save all as HAR", or an outline given to the wrong command. A HAR holds the page's HTML
  // as an escaped string, which would be read as a page of a different shape.
  const first = binaryString(bytes, 0, Math.min(bytes.length, 64)).replace(/^\xEF\xBB\xBF/, '').trimStart()[0];
  if (first === '{' || first === '[') {
    return { ok: false, problem: `is a JSON file (a DevTools HAR, or an outline: that goes to 'guard outline to-fixture'), not a saved page: ${SAVE_AGAIN}` };
  }
  if (isMime(bytes)) return readMhtml(bytes);
  const { text, encoding } = decodeHtml(bytes);
  return { ok: true, html: text, encoding, kind: 'html' };
}

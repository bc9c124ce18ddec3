/**
 * What schools' files are written in, read the same way in the options page, the background and the
 * `guard` CLI: Windows-1252 (Excel's and Notepad's "ANSI" on a UK Windows machine) and UTF-16 without a
 * byte-order mark. Used by the roster reader (lib/roster/decode.ts), the saved-page reader
 * (lib/dojo/saved-page.ts) and the policy-document reader (lib/policy/from-text/document.ts).
 */

/** Windows-1252's characters for bytes 0x80–0x9F (the rest of its range is Latin-1's); the five unassigned bytes stay as they are. */
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/**
 * Windows-1252 by hand (the WHATWG Encoding Standard's table): Node's TextDecoder decodes 'windows-1252'
 * as Latin-1 (nodejs/node#60888), turning ’ “ ” – € (0x80–0x9F, what text typed in Word is full of) into
 * control characters, while a browser reads them right. By hand, every platform reads the same.
 */
export function windows1252(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, Math.min(bytes.length, i + 8192)), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b)));
    s += chunk.join('');
  }
  return s;
}

/**
 * UTF-16 without a byte-order mark: in the first 4 KB, at least a third of the even (LE: odd) bytes are
 * zero and almost none of the others are. Text in any 8-bit encoding has no zero bytes at all.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs / 3 && evenZero <= pairs / 20) return 'utf-16le';
  if (evenZero >= pairs / 3 && oddZero <= pairs / 20) return 'utf-16be';
  return undefined;
}

/** Whether bytes are valid UTF-8 (a file that is not is, in a UK school, almost always Windows-1252). */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

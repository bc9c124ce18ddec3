/**
 * Mends text that was UTF-8, was read by a program as Windows-1252 ("ANSI"), and was saved again as
 * UTF-8: "Zoë" becomes "ZoÃ«", "Siobhán" "SiobhÃ¡n", "O’Connor" "Oâ€™Connor". Excel does this when a
 * UTF-8 CSV without a byte-order mark is opened by double-click and saved; so do many mail-merge tools.
 *
 * Each run of characters that Windows-1252 maps back to bytes forming one whole UTF-8 sequence (a lead
 * byte C2–F4 and its continuation bytes 80–BF) is decoded as that sequence. Such runs never occur in a
 * name written on purpose ("Ã" followed by "«" or "¡"); a lone accented letter ("é", "Ã" in "JOÃO")
 * is not a run and is left alone. Pure: no DOM.
 */

// Windows-1252 bytes 0x80–0x9F as the WHATWG Encoding Standard maps them (0x81, 0x8D, 0x8F, 0x90, 0x9D are
// unassigned; decoders give them as U+0081 etc., which maps back to the same byte).
const HIGH_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const BYTE_OF = new Map<string, number>();
for (let i = 0; i < 32; i++) BYTE_OF.set(HIGH_1252[i]!, 0x80 + i);
for (let b = 0xa0; b <= 0xff; b++) BYTE_OF.set(String.fromCharCode(b), b);
// Read as Latin-1 rather than Windows-1252 (as Node 20's decoder does), 0x80–0x9F arrive as C1 controls.
for (let b = 0x80; b <= 0x9f; b++) BYTE_OF.set(String.fromCharCode(b), b);

// A lead character (bytes C2–F4: Â…ô) followed by one to three characters whose bytes are 80–BF: the
// Windows-1252 characters for 0x80–0x9F, the same bytes read as Latin-1 (C1 controls), and U+00A0–U+00BF.
const RUN = /[\u00c2-\u00f4][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]{1,3}/gu;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function expected(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  return 4;
}

export interface Mended {
  text: string;
  /** The words that were mended, before and after ("ZoÃ«" → "Zoë"), each once, at most 5. */
  examples: [string, string][];
  /** How many sequences were mended. */
  count: number;
}

function mendRuns(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(RUN, (run) => {
    const bytes = [...run].map((c) => BYTE_OF.get(c)!);
    const n = expected(bytes[0]!);
    if (bytes.length < n) return run;
    try {
      const mended = utf8.decode(Uint8Array.from(bytes.slice(0, n)));
      count++;
      return mended + run.slice(n);
    } catch {
      return run;
    }
  });
  return { text: out, count };
}

/** Mends UTF-8 that was read as Windows-1252 and saved again (see the file's comment). */
export function mendMojibake(text: string): Mended {
  const { text: out, count } = mendRuns(text);
  if (count === 0) return { text, examples: [], count: 0 };
  // The words around the mended letters, for the preview and the CLI to show.
  const examples: [string, string][] = [];
  const seen = new Set<string>();
  for (const word of text.split(/[\s,;|"]+/)) {
    if (examples.length >= 5) break;
    if (seen.has(word)) continue;
    seen.add(word);
    const after = mendRuns(word).text;
    if (after !== word) examples.push([word, after]);
  }
  return { text: out, examples, count };
}

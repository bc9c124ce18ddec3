/**
 * Characters that show nothing and join nothing a reader sees: the soft hyphen, zero-width spaces and joiners,
 * word joiner, invisible operators, bidirectional marks and embeddings, variation selectors, the Mongolian vowel
 * separator, Hangul fillers, tags: Unicode's Default_Ignorable_Code_Point property, as the regular expression
 * engine knows it.
 *
 * A word with one inside ("L\u00ADeo", "diag\u2060nosed") reads as the word to the teacher and to families, but
 * not to a checker matching letters: a page script slipping soft hyphens between the letters a teacher types, or
 * a paste from a word processor that keeps optional hyphens, would blind every check (probe 14i M3). So the
 * checker reads the text without them (`withoutIgnorable`) and maps what it finds back onto the text as written
 * (`toWritten`), so highlights and fixes land where the teacher sees the words.
 *
 * Pure: no DOM.
 */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * `text` without its ignorable characters, and `at`: for each UTF-16 offset of the clean text (and one past its
 * end), the offset in `text` it came from. `at` is undefined when there were none (the clean text is `text`).
 */
export function withoutIgnorable(text: string): { clean: string; at?: number[] } {
  IGNORABLE.lastIndex = 0;
  if (!IGNORABLE.test(text)) return { clean: text };
  const at: number[] = [];
  let clean = '';
  let from = 0;
  IGNORABLE.lastIndex = 0;
  for (let m = IGNORABLE.exec(text); m; m = IGNORABLE.exec(text)) {
    for (let i = from; i < m.index; i++) at.push(i);
    clean += text.slice(from, m.index);
    from = m.index + m[0].length;
  }
  for (let i = from; i < text.length; i++) at.push(i);
  at.push(text.length);
  return { clean: clean + text.slice(from), at };
}

/**
 * The span [start, end) of the clean text as a span of the text as written (the characters between its first
 * and last included, so a fix replaces the whole word the teacher sees). 0,0 (no span) stays 0,0.
 */
export function toWritten(at: readonly number[], start: number, end: number): { start: number; end: number } {
  if (start === 0 && end === 0) return { start, end };
  const s = at[Math.min(start, at.length - 1)]!;
  return { start: s, end: end > start ? at[Math.min(end - 1, at.length - 1)]! + 1 : s };
}

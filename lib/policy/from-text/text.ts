/**
 * A policy document's plain text as sentences, each with its exact place in the text and the heading it
 * sits under. Pure. Every sentence's `text` is `source.slice(start, end)`, so a quote taken from one is
 * always a verbatim substring of the document (the extractor's one promise about quotes).
 */

export interface Sentence {
  /** The sentence exactly as written: `source.slice(start, end)`. May span a line break the PDF put in. */
  text: string;
  start: number;
  end: number;
  /** The heading it is under ("3.1 Response Times"), its clause number ("4.7"), or "Paragraph N". */
  section: string;
  /** For a bullet or table item: the sentence introducing the list ("…only to report:"). */
  intro?: Sentence;
  /** Whether it is a list item (a bullet or a numbered point under an intro ending with ':'). */
  item: boolean;
  index: number;
}

interface Line {
  start: number;
  end: number;
  /** Where the content starts, after a bullet or a clause number. */
  body: number;
  raw: string;
  bullet: boolean;
  number?: string;
}

const BULLET = /^[\t ]*(?:[-•·*●▪◦‣–—]|o(?=\s)|\(?[a-z]\)|\(?[ivx]+\))[\t ]+/;
const NUMBERED = /^[\t ]*(\d+(?:\.\d+)+)\.?[\t ]+(?=\S)/;
const SIMPLE_NUMBER = /^[\t ]*\d{1,2}[.)][\t ]+(?=\S)/;
const NOISE = /^\s*\[(?:bookmark|image)[^\]]*\]\s*/i;

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Mx|Dr|St|Prof|Rev|No|vs|approx|etc|e\.g|i\.e|incl|Tel|tel|Ext|ext)|\b[A-Z])$/;

function linesOf(source: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  for (const raw of source.split('\n')) {
    const start = pos;
    pos += raw.length + 1;
    // Table rows become one "line" per cell, so a cell is quoted on its own.
    let cellStart = start;
    for (const cell of raw.split('\t')) {
      const cStart = cellStart;
      cellStart += cell.length + 1;
      let body = cStart;
      let text = cell;
      const noise = NOISE.exec(text);
      if (noise) {
        body += noise[0].length;
        text = text.slice(noise[0].length);
      }
      const numbered = NUMBERED.exec(text);
      const bullet = !numbered ? BULLET.exec(text) ?? SIMPLE_NUMBER.exec(text) : null;
      const lead = numbered ?? bullet;
      if (lead) body += lead[0].length;
      const trimmedEnd = cell.replace(/[\s\r]+$/, '').length;
      const end = cStart + trimmedEnd;
      // leading spaces
      while (body < end && /\s/.test(source[body]!)) body++;
      if (body >= end) continue;
      lines.push({ start: cStart, end, body, raw: source.slice(body, end), bullet: !!bullet, number: numbered?.[1] });
    }
  }
  return lines;
}

function isHeading(line: Line, next: Line | undefined): boolean {
  const t = line.raw.trim();
  if (line.bullet || t.length > 80) return false;
  const words = t.split(/\s+/).length;
  if (/[.!?,;]$/.test(t)) return false;
  if (/:$/.test(t)) return words <= 8 && /^[A-Z0-9'‘“"]/.test(t);
  if (words > 10 || !/^[A-Z0-9'‘“"]/.test(t)) return false;
  // A line the PDF wrapped (the next line starts in lower case) is not a heading.
  if (next && /^[a-z]/.test(next.raw) && !next.bullet) return false;
  return true;
}

const SENTENCE_END = /([.!?])(["”’)\]]*)(\s+)(?=["“‘(\[]?[A-Z0-9])/g;

function splitSentences(source: string, from: number, to: number): [number, number][] {
  const text = source.slice(from, to);
  const out: [number, number][] = [];
  let last = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const before = text.slice(0, m.index);
    if (m[1] === '.' && ABBREVIATION.test(before)) continue;
    const endHere = m.index + m[1]!.length + m[2]!.length;
    out.push([from + last, from + endHere]);
    last = m.index + m[0].length;
  }
  out.push([from + last, to]);
  return out.filter(([a, b]) => source.slice(a, b).trim().length > 0);
}

function cleanHeading(raw: string): string {
  return raw.replace(/\s+/g, ' ').replace(/:\s*$/, '').trim().slice(0, 100);
}

/** The document's sentences in order, with sections and list intros. */
export function sentencesOf(source: string): Sentence[] {
  const lines = linesOf(source);
  const sentences: Sentence[] = [];
  let heading = '';
  let paragraph = 0;
  let intro: Sentence | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    // A numbered heading ("3.1 Response Times", "1. Introduction", "4.0 PARENT/CARER RESPONSIBILITIES").
    const lead = source.slice(line.start, line.body).replace(NOISE, '').replace(/^[\s\t]+|[\s\t]+$/g, '');
    const numberedHeading = (!!line.number || (line.bullet && /^\d{1,2}[.)]$/.test(lead))) && isHeading({ ...line, bullet: false }, next) && line.raw.trim().split(/\s+/).length <= 6 && !line.raw.trim().endsWith(':');
    if (numberedHeading) {
      heading = cleanHeading(`${lead.replace(/[.)]$/, '')} ${line.raw}`);
      intro = undefined;
      continue;
    }
    if (!line.number && !line.bullet && isHeading(line, next) && !(line.raw.trim().endsWith(':') && next?.bullet && line.raw.trim().split(/\s+/).length > 8)) {
      const t = line.raw.trim();
      if (t.endsWith(':') && next && (next.bullet || isListy(next))) {
        // "What Class Dojo must not be used for:" heads a section and introduces its list.
        heading = cleanHeading(t);
        const s = push(sentences, source, line.body, line.end, heading, undefined, false);
        intro = s;
      } else {
        heading = cleanHeading(t);
        intro = undefined;
      }
      continue;
    }
    // A block: this line and the lines the PDF wrapped from it (next starts in lower case).
    let end = line.end;
    let j = i;
    while (j + 1 < lines.length) {
      const n = lines[j + 1]!;
      const tail = source.slice(line.body, end).trimEnd();
      if (n.bullet || n.number || /[.!?:;]["”’)]?$/.test(tail) || !/^[a-z(]/.test(n.raw)) break;
      // At most one blank line between the two parts.
      if (source.slice(end, n.start).split('\n').length > 3) break;
      end = n.end;
      j++;
    }
    i = j;
    paragraph++;
    const section = line.number ?? (heading || `Paragraph ${paragraph}`);
    const isItem = line.bullet || (!!intro && !line.number && SIMPLE_NUMBER.test(source.slice(line.start, line.end)));
    const parts = splitSentences(source, line.body, end);
    let first: Sentence | undefined;
    for (const [a, b] of parts) {
      const s = push(sentences, source, a, b, section, isItem || (intro && !line.number) ? intro : undefined, isItem);
      first ??= s;
    }
    const last = sentences[sentences.length - 1]!;
    if (last.text.trimEnd().endsWith(':')) intro = last;
    else if (!line.bullet && !isItem && !intro) intro = undefined;
    else if (!line.bullet && !isItem && intro && !isListy(line)) intro = undefined;
  }
  return sentences;
}

/** A short line without a full stop, under an intro: a list item written without a bullet. */
function isListy(line: Line): boolean {
  const t = line.raw.trim();
  return line.bullet || (t.split(/\s+/).length <= 8 && !/[.!?]$/.test(t));
}

function push(list: Sentence[], source: string, a: number, b: number, section: string, intro: Sentence | undefined, item: boolean): Sentence {
  // Trim to the words: a quote never starts or ends with white space.
  while (a < b && /\s/.test(source[a]!)) a++;
  while (b > a && /\s/.test(source[b - 1]!)) b--;
  const s: Sentence = { text: source.slice(a, b), start: a, end: b, section, item, index: list.length, ...(intro ? { intro } : {}) };
  list.push(s);
  return s;
}

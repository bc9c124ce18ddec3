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
  /**
   * For a table row (cells separated by tabs, as a .docx table row is read, or by "|", as in a markdown or
   * plain-text table): each cell's place in the text, trimmed; an empty cell is `start === end` (it keeps
   * the columns lined up with the header's). The row is one sentence, never a heading.
   */
  cells?: { start: number; end: number }[];
  /** For a table row: what separates its cells. */
  separator?: '\t' | '|' | ':';
  /** For a table row below the table's first row: that first row (the column labels, when it has no times). */
  header?: Sentence;
  /**
   * For a sentence answering a question (an FAQ: "Q: How do I report an absence?" then "A: Phone the office
   * before 9am."): the question, which says what the answer is about.
   */
  question?: Sentence;
  /**
   * Where a sentence runs on over a page break of a text copied from a PDF ("…starting with⏎⏎School –
   * ClassDojo Policy   Page 2 of 3⏎⏎School   ClassDojo Policy⏎⏎the class teacher…"): the stretch [start,
   * end) of the source between its two parts (blank lines, the footer, the next page's header). Read as one
   * space; quoted as written.
   */
  pageBreaks?: [number, number][];
}

interface Line {
  start: number;
  end: number;
  /** Where the content starts, after a bullet or a clause number. */
  body: number;
  raw: string;
  bullet: boolean;
  number?: string;
  /** A table row's cells (see Sentence.cells). */
  cells?: { start: number; end: number }[];
  /** The physical line it is on (0-based), so a table is its rows on neighbouring lines. */
  lineNo: number;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v' || c === '\u00a0';

/**
 * The cells of one physical line [from, to): split at tabs, else at "|"; each trimmed. An empty cell is kept
 * (as `start === end`), so a row with an empty Notes cell lines up with its header: only the empty edges of
 * a "| a | b |" row (outside its first and last bars) are dropped. A Word row's cells are its tabs' fields,
 * an empty first or last cell included.
 */
function cellsOf(source: string, from: number, to: number): { start: number; end: number }[] {
  const raw = source.slice(from, to);
  const sep = raw.includes('\t') ? '\t' : raw.includes('|') ? '|' : '';
  if (!sep) return [];
  const out: { start: number; end: number }[] = [];
  let a = from;
  for (let i = from; i <= to; i++) {
    if (i < to && source[i] !== sep) continue;
    let x = a;
    let y = i;
    while (x < y && isSpace(source[x])) x++;
    while (y > x && isSpace(source[y - 1])) y--;
    out.push({ start: x, end: y });
    // More cells than any table has columns: a line of text with bars or tabs in it, read as text.
    if (out.length > MAX_CELLS + 2) return [];
    a = i + 1;
  }
  if (sep === '|') {
    if (out.length && out[0]!.start === out[0]!.end) out.shift();
    if (out.length && out[out.length - 1]!.start === out[out.length - 1]!.end) out.pop();
  }
  return out.length > MAX_CELLS ? [] : out;
}

/**
 * A contact line written as "Label: value" with spaces, not a tab ("Attendance: Mrs Dawn Harris, 01632 960555",
 * "DSL: Mrs Fiona Hart", "School office: 01632 960500"): read as a two-cell row, the label and the value, as
 * the same line with a tab (a Word table's row) is read. Only when the label is a few words and the value
 * gives a person (a title and a name), a phone number or an email address: "Section 3: Communication with
 * parents" stays a heading, "Please note: we reply…" a sentence.
 */
function labelCells(source: string, from: number, to: number): { start: number; end: number }[] {
  const colon = source.indexOf(':', from);
  if (colon < 0 || colon >= to || colon - from > 48) return [];
  let a = from;
  while (a < colon && isSpace(source[a])) a++;
  const label = source.slice(a, colon);
  if (!/^[A-Z][\p{L}'’/&() -]{0,46}$/u.test(label) || label.trim().split(/\s+/).length > 5) return [];
  // An FAQ's "Q:" and "A:" start a question and its answer, not a contact line.
  if (/^(?:Q|A|Question|Answer)$/i.test(label.trim())) return [];
  let b = colon + 1;
  while (b < to && isSpace(source[b])) b++;
  let e = to;
  while (e > b && isSpace(source[e - 1])) e--;
  if (b === colon + 1 || e <= b || e - b > 300) return [];
  const value = source.slice(b, e);
  // Prose the PDF wrapped ("Medical needs and medication: please speak to our school nurse, Mrs Aisha⏎Rahman,
  // via the school office."): a sentence going on to the next line, read as one (sentencesOf).
  const lower = (value.match(/(?<![\p{L}'’-])\p{Ll}+(?![\p{L}'’-])/gu) ?? []).length;
  if (lower >= 4 && /^\p{Ll}/u.test(value) && (!/[.!?)]["”’]?$/.test(value) || /@[\w-]+(?:\.[\w-]+)*\.$/.test(value)) && /\n[ \t]*\S/.test(source.slice(to, to + 3))) return [];
  const contactish = /\b(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s{1,3}[A-Z]/.test(value) || /(?:\+44|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/.test(value) || /[\w.+-]@[\w-]+\.[\w.-]+/.test(value);
  return contactish ? [{ start: a, end: colon + 1 }, { start: b, end: e }] : [];
}

/** The cells with words in them. */
const filled = (cells: { start: number; end: number }[]) => cells.filter((c) => c.end > c.start);

/** A table has at most this many columns (a school's hours table has two to five). */
const MAX_CELLS = 12;

/** A markdown table's rule ("---|:---:|---"): only dashes, colons, pluses, bars and spaces. */
function isTableRule(raw: string): boolean {
  let dashes = 0;
  for (const c of raw) {
    if (c === '-' || c === '\u2013' || c === '\u2014') dashes++;
    else if (c !== ':' && c !== '+' && c !== '|' && !isSpace(c)) return false;
  }
  return dashes >= 3 && raw.includes('|');
}

/** A cell that is only a clause number or a bullet ("4.1", "2.", "•"): "4.1<tab>Text" is a clause, not a row. */
const LEAD_CELL = /^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|\(?[a-z]\)|[-•·*●▪◦‣–—])$/;

const BULLET = /^[\t ]*(?:[-•·*●▪◦‣–—]|o(?=\s)|\(?[a-z]\)|\(?[ivx]+\))[\t ]+/;
const NUMBERED = /^[\t ]*(\d+(?:\.\d+)+)\.?[\t ]+(?=\S)/;
const SIMPLE_NUMBER = /^[\t ]*\d{1,2}[.)][\t ]+(?=\S)/;
const NOISE = /^\s*\[(?:bookmark|image)[^\]]*\]\s*/i;

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Mx|Dr|St|Prof|Rev|No|vs|approx|etc|e\.g|i\.e|incl|Tel|tel|Ext|ext)|\b[A-Z])$/;

/** A PDF's page number line on its own: "Page 3 of 7", "Page 3", "PAGE 3/7" (never "page 3" in lower case: a wrapped sentence). */
const BARE_PAGE = /^[ \t]*(?:Page|PAGE)[ \u00a0]+\d{1,3}(?:[ \u00a0]+(?:of|\/)[ \u00a0]+\d{1,3})?[ \t]*$/;

/** "page N of M" at a line's end, after a space or tab (the text before it is read by `trailingPage`). */
const TRAILING_PAGE = /[ \t]page[ \u00a0]+\d{1,3}[ \u00a0]+of[ \u00a0]+\d{1,3}[ \t]*$/i;

/**
 * A line ending in "page N of M": the text before it (trimmed, at most 120 characters) and the white space
 * between them; undefined for any other line. (Sliced, not captured: a lazy capture before a run of spaces
 * backtracks over the run, ~60 ms on 100 KB of tabs in the regex sweep.)
 */
function trailingPage(line: string): { text: string; gap: string } | undefined {
  const m = TRAILING_PAGE.exec(line);
  if (!m) return undefined;
  const before = line.slice(0, m.index + 1);
  let end = before.length;
  while (end > 0 && (before[end - 1] === ' ' || before[end - 1] === '\t')) end--;
  const text = before.slice(0, end).trim();
  return text.length <= 120 ? { text, gap: before.slice(end) } : undefined;
}

/**
 * Whether a line ending in "page N of M" is a footer ("Ashby Fields Primary School – ClassDojo Policy      Page 1
 * of 3") rather than a sentence that mentions a page ("…before 9am. The full procedure is on page 3 of 12", whose
 * line must never be dropped). A footer is one of: its text before the page number stands on another page's line
 * too (the running footer); the page number is set apart by a tab or a run of spaces; or the text has no sentence
 * in it (no ". ", "! ", "? ", ":", ";") and does not run into "page" from a word in lower case ("is on page 3").
 *
 * @param text the text before the page number, trimmed
 * @param gap the white space between that text and "page"
 * @param before how many lines of the document have this same text before their page number
 */
function footerBeforePage(text: string, gap: string, before: number): boolean {
  if (before >= 2 || !text) return true;
  const sentence = /[.!?]\s|[:;]/.test(text);
  // Set apart: a footer unless a sentence of four words or more follows a full stop in it.
  if (/\t| {2}/.test(gap)) return !/[.!?]\s+\S+(?:\s+\S+){3}/.test(text);
  const last = /(\S+)$/.exec(text)?.[1] ?? '';
  return !sentence && !/^[a-z]+$/.test(last);
}

/**
 * The lines of a text copied from a PDF that are its page furniture, by line number: each page number line,
 * and the lines around one (within three lines) that the text has more than once, word for word (the running
 * header and footer). Not read as sentences or headings; a sentence runs on over them (Sentence.pageBreaks).
 */
function pageFurniture(raws: string[]): Set<number> {
  const out = new Set<number>();
  const trailing = raws.map((r) => (r.length <= 200 ? trailingPage(r) : undefined));
  const before = new Map<string, number>();
  for (const m of trailing) if (m) before.set(m.text, (before.get(m.text) ?? 0) + 1);
  const pages: number[] = [];
  for (let i = 0; i < raws.length; i++) {
    const m = trailing[i];
    if ((raws[i]!.length <= 200 && BARE_PAGE.test(raws[i]!)) || (m && footerBeforePage(m.text, m.gap, before.get(m.text) ?? 0))) pages.push(i);
  }
  if (!pages.length) return out;
  const count = new Map<string, number>();
  for (const r of raws) {
    const t = r.trim();
    if (t && t.length <= 200) count.set(t, (count.get(t) ?? 0) + 1);
  }
  for (const i of pages) {
    out.add(i);
    for (let j = Math.max(0, i - 3); j <= Math.min(raws.length - 1, i + 3); j++) if ((count.get(raws[j]!.trim()) ?? 0) >= 2) out.add(j);
  }
  return out;
}

function linesOf(source: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  let lineNo = -1;
  const raws = source.split('\n');
  const furniture = pageFurniture(raws);
  for (const raw of raws) {
    const start = pos;
    pos += raw.length + 1;
    lineNo++;
    const lineEnd = start + raw.length;
    if (isTableRule(raw) || furniture.has(lineNo)) continue;
    // A table row is one line of its own: its cells are read together ("Monday | 8am | 5pm").
    const cells = cellsOf(source, start, lineEnd);
    const words = filled(cells);
    if (words.length >= 2 && !(words.length === 2 && LEAD_CELL.test(source.slice(words[0]!.start, words[0]!.end)))) {
      // The row runs from its first word to its last; an empty cell at either end lies outside it.
      const a = words[0]!.start;
      const b = words[words.length - 1]!.end;
      lines.push({ start: a, end: b, body: a, raw: source.slice(a, b), bullet: false, cells, lineNo });
      continue;
    }
    let body = start;
    let text = raw;
    const noise = NOISE.exec(text);
    if (noise) {
      body += noise[0].length;
      text = text.slice(noise[0].length);
    }
    const numbered = NUMBERED.exec(text);
    const bullet = !numbered ? BULLET.exec(text) ?? SIMPLE_NUMBER.exec(text) : null;
    const lead = numbered ?? bullet;
    if (lead) body += lead[0].length;
    // Trailing white space trimmed by hand: /\s+$/ backtracks on a long run of spaces.
    let end = lineEnd;
    while (end > start && isSpace(source[end - 1])) end--;
    while (body < end && isSpace(source[body])) body++;
    if (body >= end) continue;
    // "Attendance: Mrs Harris, 01632 960555" (after any clause number: "D1. Attendance queries: …"): a row.
    const labelled = labelCells(source, body, end);
    if (labelled.length) {
      lines.push({ start: labelled[0]!.start, end: labelled[1]!.end, body: labelled[0]!.start, raw: source.slice(labelled[0]!.start, labelled[1]!.end), bullet: false, cells: labelled, lineNo });
      continue;
    }
    lines.push({ start, end, body, raw: source.slice(body, end), bullet: !!bullet, number: numbered?.[1], lineNo });
  }
  return lines;
}

/**
 * A line that stops mid-clause ("…between 8.15am and", "…Monday to", "…the office on"): the next line goes on
 * with it, whatever its first letter (a PDF's or an email's hard line breaks: "Monday to⏎Friday.").
 */
const JOINS_NEXT = /(?:^|[\s(])(?:to|and|or|between|from|until|till|the|a|an|of|on|at|by|for|with|in|is|are|will|be|than|after|before|via|&)$|[,–—-]$/i;

/** A line that is a label and its value: a few words, a colon, then the value ("Replies: within 2 working days"). */
const LABEL_LINE = /^[ \t]*\p{Lu}[\p{L}'’/&() -]{0,40}:[ \t]/u;

/** The endings no heading has ("…between 8am and", "…the office on"); a heading may end "…used for" or "…speak to". */
const STOPS_MID_CLAUSE = /(?:^|[\s(])(?:and|or|between|from|until|till|the|a|an|of|on|at|by|via|&)$|[,–—-]$/i;

/** Times in a line ("8.30", "4pm", "08:15"): a line that states hours is content, never a heading. */
const HAS_TIME = /\d[.:]\d\d|\d ?(?:am|pm|a\.m|p\.m)\b/i;

function isHeading(line: Line, next: Line | undefined): boolean {
  const t = line.raw.trim();
  if (line.bullet || line.cells || t.length > 80 || HAS_TIME.test(t) || STOPS_MID_CLAUSE.test(t)) return false;
  const words = t.split(/\s+/).length;
  if (/[.!?,;]$/.test(t)) return false;
  // A sentence ends inside it ("…on ClassDojo. Contact our Attendance"): text a PDF wrapped, not a heading.
  if (/\p{Ll}{2}[.!?][ \u00a0]+\p{Lu}/u.test(t)) return false;
  // "Replies: within 2 working days", "Response time: 2 days": a label and its value, not a heading.
  if (/^[^:]{1,48}:\s+[a-z0-9£]/.test(t)) return false;
  // A long role and the person holding it ("Designated Safeguarding and Child Protection Lead: Mrs Yusuf"): a label and its value.
  if (/^[^:]{1,80}:[ \t]{1,4}(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?[ \t]/.test(t)) return false;
  // "Review: March 2027", "Policy title: ClassDojo Protocol": a label and its value too, unless the label
  // numbers a part of the document ("Section 3: Communication with parents", "Part B: Staff").
  if (/^[^:]{1,48}:\s+\S/.test(t) && !/^(?:section|part|appendix|annex|chapter|schedule|step|unit|module)\b|^[\dA-Z][.)]?\s*:/i.test(t)) return false;
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
    // Only the word before the stop is looked at: testing the whole text so far is quadratic in a long document.
    if (m[1] === '.' && ABBREVIATION.test(` ${text.slice(Math.max(0, m.index - 8), m.index)}`)) continue;
    const endHere = m.index + m[1]!.length + m[2]!.length;
    out.push([from + last, from + endHere]);
    last = m.index + m[0].length;
  }
  out.push([from + last, to]);
  return out.filter(([a, b]) => source.slice(a, b).trim().length > 0);
}

function cleanHeading(raw: string): string {
  let t = raw.replace(/\s+/g, ' ').trim();
  if (t.endsWith(':')) t = t.slice(0, -1).trim();
  return t.slice(0, 100);
}

/** The document's sentences in order, with sections and list intros. */
export function sentencesOf(source: string): Sentence[] {
  const lines = linesOf(source);
  const wrapAt = wrapWidth(lines);
  let question: Sentence | undefined;
  const sentences: Sentence[] = [];
  let heading = '';
  let paragraph = 0;
  let intro: Sentence | undefined;
  // The table being read: its first row, and the physical line of its last row.
  let table: { first: Sentence; lastLine: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (line.cells) {
      // Rows on neighbouring lines (at most one blank line apart) are one table.
      if (!table || line.lineNo - table.lastLine > 2) table = undefined;
      const section = heading || `Paragraph ${++paragraph}`;
      const s = push(sentences, source, line.start, line.end, section, undefined, false);
      s.cells = line.cells;
      s.separator = line.raw.includes('\t') ? '\t' : line.raw.includes('|') ? '|' : ':';
      if (table) {
        s.header = table.first;
        table.lastLine = line.lineNo;
      } else table = { first: s, lastLine: line.lineNo };
      intro = undefined;
      continue;
    }
    table = undefined;
    // A numbered heading ("3.1 Response Times", "1. Introduction", "4.0 PARENT/CARER RESPONSIBILITIES",
    // "3. What ClassDojo should not be used for"): short, or up to ten words above ordinary text.
    const lead = source.slice(line.start, line.body).replace(NOISE, '').trim();
    const words = line.raw.trim().split(/\s+/).length;
    const short = words <= 6 || (words <= 10 && !!next && !next.bullet && !next.number && !next.cells);
    const numberedHeading = (!!line.number || (line.bullet && /^\d{1,2}[.)]$/.test(lead))) && isHeading({ ...line, bullet: false }, next) && short && !line.raw.trim().endsWith(':');
    if (numberedHeading) {
      heading = cleanHeading(`${lead.replace(/[.)]$/, '')} ${line.raw}`);
      intro = undefined;
      question = undefined;
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
      question = undefined;
      continue;
    }
    // A block: this line and the lines the PDF wrapped from it (next starts in lower case).
    let end = line.end;
    let j = i;
    const breaks: [number, number][] = [];
    while (j + 1 < lines.length) {
      const n = lines[j + 1]!;
      const tail = lines[j]!.raw;
      // Page furniture between the two parts (lines left out by linesOf), and only blank lines besides: a page break.
      const between = source.slice(end, n.start).split('\n').slice(1, -1);
      const pageBreak = n.lineNo - lines[j]!.lineNo - 1 > between.filter((l) => !l.trim()).length;
      // An email address the PDF broke after a dot ("senco@ashbyfields.⏎sch.uk") is no stop.
      const brokenAddress = /@[\w-]+(?:\.[\w-]+)*\.$/.test(tail) && /^[a-z]{2}/.test(n.raw);
      if (n.bullet || n.number || n.cells || (/[.!?:;]["”’)]?$/.test(tail) && !brokenAddress)) break;
      // A line as wide as the text's wrapped lines, with no stop at its end, was wrapped (a PDF's or an
      // email's hard line break): the next goes on with it, whatever its first letter ("…our Attendance⏎Lead, Mr Lewis").
      // Never a "Label: value" line ("Staff messaging hours: Monday to Friday, 8.30am – 4.30pm"): each is whole.
      // A label line that is prose after its colon ("Medical needs and medication: please speak to our school
      // nurse, Mrs Aisha⏎Rahman, via the school office.") wraps as any line does.
      const prose = LABEL_LINE.test(tail) && (tail.slice(tail.indexOf(':') + 1).match(/[\p{L}\d][\p{L}\d.'’-]*/gu) ?? []).length >= 7;
      const wrapped = wrapAt > 0 && tail.length >= wrapAt && source.slice(end, n.start).split('\n').length === 2 && !/^(?:page \d|\d+ of \d+)/i.test(n.raw.trim()) && (!LABEL_LINE.test(tail) || prose) && !LABEL_LINE.test(n.raw);
      if (!/^[a-z(]/.test(n.raw) && !JOINS_NEXT.test(tail) && !wrapped) break;
      // At most one blank line between the two parts, or a page break.
      if (source.slice(end, n.start).split('\n').length > 3 && !pageBreak) break;
      if (pageBreak) breaks.push([end + 1, n.start]);
      end = n.end;
      j++;
    }
    i = j;
    paragraph++;
    const section = line.number ?? (heading || `Paragraph ${paragraph}`);
    const isItem = line.bullet || (!!intro && !line.number && SIMPLE_NUMBER.test(source.slice(line.start, line.end)));
    const parts = splitSentences(source, line.body, end);
    let first: Sentence | undefined;
    const before = sentences.length;
    for (const [a, b] of parts) {
      const s = push(sentences, source, a, b, section, isItem || (intro && !line.number) ? intro : undefined, isItem);
      const own = breaks.filter(([x, y]) => x > s.start && y < s.end);
      if (own.length) s.pageBreaks = own;
      first ??= s;
    }
    // A question and its answer on one line ("Q: How do I report an absence? A: Phone the office."): the
    // answer's sentences are read with the question (from the paragraph's start to its "?").
    const own = sentences.slice(before);
    for (let k = 0, q: Sentence | undefined; k < own.length; k++) {
      if (q) own[k]!.question = q;
      else if (/\?["”’)]?$/.test(own[k]!.text) && /^(?:A|Answer)[ \u00a0]?[:.)]/.test(own[k + 1]?.text ?? '')) q = k ? { ...own[k]!, text: source.slice(own[0]!.start, own[k]!.end), start: own[0]!.start } : own[k];
    }
    const last = sentences[sentences.length - 1]!;
    // An FAQ: a paragraph ending in "?" is a question; the paragraphs after it, to the next question or
    // heading, answer it.
    // The whole paragraph is the question: "Q: My child needs medicine in school. Who do I tell?" asks about medicine.
    // "Q: I want to make a complaint." is a question too, by its label (not when its answer is on the same line).
    if (/\?["”’)]?$/.test(last.text) || (/^(?:Q|Question)[ \u00a0]?[:.)]/i.test(source.slice(line.body, end).trimStart()) && !/\b(?:A|Answer)[ \u00a0]?[:)]/.test(source.slice(line.body, end).trimStart().slice(2)))) question = first && first !== last && last.end - first.start <= 300 ? { ...last, text: source.slice(first.start, last.end), start: first.start } : last;
    else if (question) for (const s of sentences.slice(before)) s.question = question;
    if (last.text.trimEnd().endsWith(':')) intro = last;
    else if (!line.bullet && !isItem && !intro) intro = undefined;
    else if (!line.bullet && !isItem && intro && !isListy(line)) intro = undefined;
  }
  return sentences;
}

/**
 * How wide a hard-wrapped text's lines are: the typical length of its lines of ordinary text (the 60th
 * percentile, in characters), less a margin for the words a wrap moves down. 0 for a text written a
 * paragraph to a line (its lines are long), or with too few lines near one width: no line is taken for a
 * wrapped one.
 */
function wrapWidth(lines: Line[]): number {
  const lengths = lines.filter((l) => !l.cells && !l.bullet).map((l) => l.raw.trimEnd().length).filter((n) => n >= 20).sort((a, b) => a - b);
  if (lengths.length < 4) return 0;
  // Most of a wrapped paragraph's lines are near the width (the last is shorter): the 60th percentile is it.
  const width = lengths[Math.floor(lengths.length * 0.6)]!;
  // Hard-wrapped text is wrapped at 60 to 110 characters; a paragraph a line is longer.
  if (width > 120) return 0;
  const wide = lengths.filter((n) => n >= width * 0.8).length;
  // Wrapped text has many lines near the width; a list of short lines does not.
  return wide >= 3 && wide >= lengths.length / 4 ? Math.max(40, Math.floor(width * 0.8)) : 0;
}

/** A short line without a full stop, under an intro: a list item written without a bullet. */
function isListy(line: Line): boolean {
  const t = line.raw.trim();
  return line.bullet || (t.split(/\s+/).length <= 8 && !/[.!?]$/.test(t));
}

function push(list: Sentence[], source: string, a: number, b: number, section: string, intro: Sentence | undefined, item: boolean): Sentence {
  // Trim to the words: a quote never starts or ends with white space.
  while (a < b && isSpace(source[a])) a++;
  while (b > a && isSpace(source[b - 1])) b--;
  const s: Sentence = { text: source.slice(a, b), start: a, end: b, section, item, index: list.length, ...(intro ? { intro } : {}) };
  list.push(s);
  return s;
}

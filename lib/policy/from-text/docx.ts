/**
 * The text of a Word document (.docx, .docm): its main document part (WordprocessingML, ECMA-376 Part 1
 * §17) read out of the zip. Pure: no DOM, so the options page and the `guard` CLI read a document alike.
 *
 * Layout kept for the extractor (lib/policy/from-text/extract.ts):
 * - each paragraph is a line, paragraphs separated by a blank line;
 * - each table row is one line, its cells separated by a tab (a cell's own paragraphs, tabs and breaks
 *   become spaces), rows on consecutive lines; a nested table is read into its cell;
 * - merged cells as the reader sees them: a cell spanning columns (`w:gridSpan`) is followed by empty cells
 *   for the columns it covers, so the row's cells line up with the header's; a row whose first cell
 *   continues a merged cell from the row above (`w:vMerge` without "restart": the row has no label of its
 *   own, "Absence | Phone the office…" then " | or email attendance@…") is joined to that row, each cell's
 *   text after the same column's; any other continued cell is empty, as Word shows it (no text is repeated:
 *   every line is text the document has once);
 * - tabs (`w:tab`) are tabs and breaks (`w:br`, `w:cr`) line breaks; a non-breaking hyphen is "-".
 * Left out: deleted text of tracked changes (`w:delText`), field instructions (`w:instrText`), and the
 * fallback copy of a text box (`mc:Fallback`, which repeats its `mc:Choice`). Headers, footers and
 * footnotes live in other parts and are not read.
 *
 * Errors: DocxError with a plain sentence when the bytes are not a zip, the zip holds no Word document, or
 * the document part is larger than MAX_DOCUMENT_PART_BYTES once inflated (a zip bomb).
 */
import { strFromU8 } from 'fflate';
import { unzipParts } from '../../text/unzip';

/** 40 MB of XML: a 150-page policy's document.xml is 2 to 5 MB. */
export const MAX_DOCUMENT_PART_BYTES = 40_000_000;

export class DocxError extends Error {}

const OFFICE_DOCUMENT = /Type="[^"]*\/officeDocument"/;

/** The main part's path from the package's relationships (`_rels/.rels`); Word's usual path otherwise. */
function mainPartPath(rels: string | undefined): string {
  for (const tag of rels?.match(/<Relationship\b[^>]*>/g) ?? []) {
    if (!OFFICE_DOCUMENT.test(tag)) continue;
    const target = /Target="([^"]*)"/.exec(tag)?.[1];
    if (target) return target.replace(/^\//, '');
  }
  return 'word/document.xml';
}

function unzip(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, Uint8Array> {
  return unzipParts(bytes, wanted, MAX_DOCUMENT_PART_BYTES, (why) =>
    why === 'too-large'
      ? new DocxError('This .docx is too large to read (its text part is over 40 MB).')
      : new DocxError('This .docx cannot be read: it is damaged (not a complete zip). Open it in Word and save it again, or paste its text.'),
  );
}

/**
 * The plain text of a .docx's bytes, laid out as the module comment says.
 * Throws DocxError (see above).
 */
export function docxText(bytes: Uint8Array): string {
  const rels = unzip(bytes, (name) => name === '_rels/.rels')['_rels/.rels'];
  const path = mainPartPath(rels ? strFromU8(rels) : undefined);
  const part = unzip(bytes, (name) => name === path)[path];
  if (!part) throw new DocxError('This is a zip file but not a Word document (it has no document text). Open it in Word and save it as .docx, or paste its text.');
  if (part.byteLength > MAX_DOCUMENT_PART_BYTES) throw new DocxError('This .docx is too large to read (its text part is over 40 MB).');
  return wordprocessingText(strFromU8(part));
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character references and the five named entities as characters (shared with lib/roster/xlsx.ts). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name]!;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The text of a WordprocessingML document part (`word/document.xml`'s XML), laid out as the module comment
 * says. One pass over tags and text (linear in the part's length); never throws on odd XML.
 */
export function wordprocessingText(xml: string): string {
  const blocks: string[] = []; // paragraphs and tables, in document order
  let paragraph = '';
  let inText = false; // inside <w:t>
  let skip = 0; // depth inside parts whose text is not the document's (deleted, field code, fallback)
  let tableDepth = 0;
  let rows: string[][] = []; // the outermost table's rows, each its cells by grid column
  let cells: string[] = []; // the current row's cells, by grid column
  let cell = ''; // the current cell's text
  let span = 1; // the current cell's `w:gridSpan`
  let continues = false; // the current cell continues a vertically merged cell (`w:vMerge`, not "restart")
  let firstContinues = false; // the current row's first cell does

  const flushParagraph = () => {
    if (tableDepth > 0) cell += (cell && paragraph ? ' ' : '') + paragraph;
    else if (paragraph.trim()) blocks.push(paragraph);
    paragraph = '';
  };

  // A tag ends at ">" and holds no "<" (well-formed XML never does): `[^>]*` rescanned the rest of the part from
  // every stray "<", quadratic on the regex sweep's 100 KB of "<"; `[^<>]*` stops at the next "<".
  for (const m of xml.matchAll(/<([^<>]*)>|[^<]+/g)) {
    const tag = m[1];
    if (tag === undefined) {
      if (inText && skip === 0) paragraph += decodeEntities(m[0]);
      continue;
    }
    const closing = tag.startsWith('/');
    const selfClosing = tag.endsWith('/');
    const name = (closing ? tag.slice(1) : tag).split(/[\s/]/, 1)[0]!;
    switch (name) {
      case 'w:t':
        inText = !closing && !selfClosing;
        break;
      case 'w:delText':
      case 'w:instrText':
      case 'mc:Fallback':
      case 'w:del':
        if (!selfClosing) skip = Math.max(0, skip + (closing ? -1 : 1));
        break;
      case 'w:tab':
        if (!closing && skip === 0 && inParagraphContent(tag)) paragraph += tableDepth > 0 ? ' ' : '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (!closing && skip === 0) paragraph += tableDepth > 0 ? ' ' : '\n';
        break;
      case 'w:noBreakHyphen':
        if (!closing && skip === 0) paragraph += '-';
        break;
      case 'w:p':
        if (closing || selfClosing) flushParagraph();
        break;
      case 'w:tbl':
        if (selfClosing) break;
        if (!closing) {
          flushParagraph();
          tableDepth += 1;
        } else if (tableDepth > 0) {
          tableDepth -= 1;
          if (tableDepth === 0) {
            if (rows.length > 0) blocks.push(rows.map((r) => r.join('\t')).join('\n'));
            rows = [];
          }
        }
        break;
      case 'w:gridSpan':
        if (tableDepth === 1 && !closing) span = Math.min(64, Math.max(1, Number(/\bw:val="(\d{1,3})"/.exec(tag)?.[1] ?? 1)));
        break;
      case 'w:vMerge':
        if (tableDepth === 1 && !closing) continues = !/\bw:val="restart"/.test(tag);
        break;
      case 'w:tc':
        if (tableDepth === 1 && !closing && !selfClosing) {
          span = 1;
          continues = false;
        } else if (tableDepth === 1 && closing) {
          flushParagraph();
          if (cells.length === 0) firstContinues = continues;
          cells.push(cell.replace(/\s+/g, ' ').trim());
          for (let k = 1; k < span; k++) cells.push('');
          cell = '';
        }
        break;
      case 'w:tr':
        if (tableDepth === 1 && closing) {
          const above = rows[rows.length - 1];
          if (firstContinues && above) {
            // The row goes on the row above: one record whose label cell is merged down.
            cells.forEach((c, k) => {
              if (c) above[k] = above[k] ? `${above[k]} ${c}` : c;
            });
          } else if (cells.some((c) => c)) rows.push(cells);
          cells = [];
          firstContinues = false;
        }
        break;
      default:
        break;
    }
  }
  flushParagraph();
  if (rows.length > 0) blocks.push(rows.map((r) => r.join('\t')).join('\n'));
  return blocks.join('\n\n');
}

/**
 * `<w:tab/>` is a tab character only as run content; inside paragraph properties (`<w:tabs><w:tab
 * w:val="left" w:pos="720"/>`) it defines a tab stop, which has a `w:pos`.
 */
function inParagraphContent(tag: string): boolean {
  return !/\bw:pos=/.test(tag);
}

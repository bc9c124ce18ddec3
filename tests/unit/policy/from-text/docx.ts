/** A real .docx built in the test (the OOXML parts Word writes), zipped as Word zips it, so the reader meets what Word would save. */
import { strToU8, zipSync } from 'fflate';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A paragraph as Word writes it: split into two runs (Word splits at every formatting or edit). */
function paragraph(p: string): string {
  const style = p.startsWith('# ') ? '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' : p.startsWith('- ') ? '<w:pPr><w:pStyle w:val="ListParagraph"/></w:pPr>' : '';
  const text = p.replace(/^(# |- )/, '');
  const mid = Math.floor(text.length / 2);
  return `<w:p>${style}<w:r><w:t xml:space="preserve">${esc(text.slice(0, mid))}</w:t></w:r><w:r><w:t xml:space="preserve">${esc(text.slice(mid))}</w:t></w:r></w:p>`;
}

/** A table: each row an array of cells, each cell's text one paragraph. */
export function table(rows: string[][]): string {
  const tr = (cells: string[]) => `<w:tr>${cells.map((c) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${paragraph(c)}</w:tc>`).join('')}</w:tr>`;
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>${rows.map(tr).join('')}</w:tbl>`;
}

/** A .docx whose document part's body is `bodyXml` as given (for odd markup). */
export function docxFromBody(bodyXml: string, mainPart = 'word/document.xml'): Uint8Array {
  const rels = mainPart === 'word/document.xml' ? RELS : RELS.replace('Target="word/document.xml"', `Target="/${mainPart}"`);
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(rels),
    [mainPart]: strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}</w:body></w:document>`),
  });
}

/**
 * Paragraphs become `<w:p>`; a line starting "# " is a Heading 1, "- " a list paragraph. An array item is a
 * table (rows of cells).
 */
export async function makeDocx(blocks: (string | string[][])[]): Promise<Uint8Array> {
  return docxFromBody(blocks.map((b) => (typeof b === 'string' ? paragraph(b) : table(b))).join(''));
}

/** A real .docx built in the test (the OOXML parts Word writes), so mammoth reads what Word would save. */
import JSZip from 'jszip';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Paragraphs become `<w:p>`; a line starting "# " is a Heading 1, "- " a list paragraph. */
export async function makeDocx(paragraphs: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs
    .map((p) => {
      const style = p.startsWith('# ') ? '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' : p.startsWith('- ') ? '<w:pPr><w:pStyle w:val="ListParagraph"/></w:pPr>' : '';
      const text = p.replace(/^(# |- )/, '');
      // Word splits a paragraph into runs; two runs check that mammoth joins them.
      const mid = Math.floor(text.length / 2);
      return `<w:p>${style}<w:r><w:t xml:space="preserve">${esc(text.slice(0, mid))}</w:t></w:r><w:r><w:t xml:space="preserve">${esc(text.slice(mid))}</w:t></w:r></w:p>`;
    })
    .join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

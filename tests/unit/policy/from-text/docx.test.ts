/**
 * The .docx reader (lib/policy/from-text/docx.ts) on documents zipped as Word zips them: paragraphs, runs,
 * tables, tracked changes, fields, text boxes and odd packages, and the refusals of documentText for files
 * that only claim to be Word documents.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentText, DocumentError } from '../../../../lib/policy/from-text/document';
import { docxText, DocxError, wordprocessingText } from '../../../../lib/policy/from-text/docx';
import { docxFromBody, makeDocx } from './docx';

const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;

describe('the .docx reader', () => {
  it('joins a paragraph’s runs and separates paragraphs by a blank line, as a typed .txt would', async () => {
    const bytes = await makeDocx(['# 1. Communication hours', 'Staff will reply between 8.30am and 4pm, Monday to Friday.', '- Absence: ring the office.']);
    expect(docxText(bytes)).toBe('1. Communication hours\n\nStaff will reply between 8.30am and 4pm, Monday to Friday.\n\nAbsence: ring the office.');
  });

  it('reads a table row as one line with its cells separated by tabs, so hours in a table stay together', async () => {
    const bytes = await makeDocx([
      'Our messaging hours:',
      [
        ['Days', 'From', 'To'],
        ['Monday – Thursday', '8.15am', '5.00pm'],
        ['Friday', '8.15am', '3.30pm'],
      ],
      'Messages outside these hours will be answered the next working day.',
    ]);
    expect(docxText(bytes)).toBe(
      'Our messaging hours:\n\nDays\tFrom\tTo\nMonday – Thursday\t8.15am\t5.00pm\nFriday\t8.15am\t3.30pm\n\nMessages outside these hours will be answered the next working day.',
    );
  });

  it('keeps a cell’s several paragraphs, breaks and tabs in its cell, and reads a nested table into it', () => {
    const cell = (x: string) => `<w:tc>${x}</w:tc>`;
    const inner = `<w:tbl><w:tr>${cell(p(run('a')))}${cell(p(run('b')))}</w:tr></w:tbl>`;
    const xml = `<w:tbl><w:tr>${cell(p(run('Staff')) + p(run('hours')))}${cell(p(run('8am'), '<w:r><w:br/></w:r>', run('to 4pm')))}${cell(inner)}</w:tr></w:tbl>`;
    expect(wordprocessingText(xml)).toBe('Staff hours\t8am to 4pm\ta b');
  });

  it('leaves out deleted text, field codes and a text box’s fallback copy; keeps a field’s shown result', () => {
    const xml =
      p(run('Reply by '), '<w:del w:id="1" w:author="Head"><w:r><w:delText>5pm</w:delText></w:r></w:del>', '<w:ins w:id="2"><w:r><w:t>4pm</w:t></w:r></w:ins>', run('.')) +
      p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "mailto:office@school.example" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>', run('office@school.example'), '<w:r><w:fldChar w:fldCharType="end"/></w:r>') +
      p(`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent>${p(run('Urgent? Ring 01234 567890'))}</w:txbxContent></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p(run('Urgent? Ring 01234 567890'))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`);
    expect(wordprocessingText(xml)).toBe('Reply by 4pm.\n\noffice@school.example\n\nUrgent? Ring 01234 567890');
  });

  it('decodes XML entities and character references, and tab characters but not tab stops', () => {
    const xml = `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${run('Tom &amp; Jerry&#8217;s &lt;class&gt; &#x2013;')}<w:r><w:tab/></w:r>${run('8am')}</w:p>`;
    expect(wordprocessingText(xml)).toBe('Tom & Jerry’s <class> –\t8am');
  });

  it('finds the main part where the package’s relationships say it is', () => {
    expect(docxText(docxFromBody(p(run('Moved part')), 'word/document2.xml'))).toBe('Moved part');
  });

  it('refuses a zip that is not a Word document, and a damaged one, with a sentence to act on', () => {
    const notWord = zipSync({ 'notes.txt': strToU8('hello') });
    expect(() => docxText(notWord)).toThrow(DocxError);
    expect(() => docxText(notWord)).toThrow(/not a Word document/);
    const damaged = (docxFromBody(p(run('x'))) as Uint8Array).slice(0, 60);
    expect(() => docxText(damaged)).toThrow(/damaged|not a Word document/);
  });

  it('reads a 150-page document part in well under a second (one linear pass)', () => {
    const para = p(run('Staff will reply to messages between 8.30am and 4pm on school days; '.repeat(4)));
    const xml = para.repeat(6000); // ≈ 1.9 MB of XML, 1.6 M characters of text
    const started = performance.now();
    const text = wordprocessingText(xml);
    expect(text.split('\n\n')).toHaveLength(6000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('documentText and files that only claim to be Word documents', () => {
  it('refuses plain text named .docx or .doc rather than read it as an empty policy', async () => {
    const bytes = strToU8('Staff reply between 8am and 4pm.');
    await expect(documentText(bytes, 'policy.docx')).rejects.toThrow(DocumentError);
    await expect(documentText(bytes, 'policy.docx')).rejects.toThrow(/is not a Word \.docx/);
    await expect(documentText(bytes, 'policy.doc')).rejects.toThrow(/is not a Word \.docx/);
    await expect(documentText(bytes, 'policy.txt')).resolves.toBe('Staff reply between 8am and 4pm.');
  });

  it('refuses a zip named .zip, and reads a real .docx', async () => {
    const bytes = await makeDocx(['Hello']);
    await expect(documentText(bytes, 'policy.zip')).rejects.toThrow(/compressed \(zip\) file/);
    await expect(documentText(bytes, 'Policy.DOCX')).resolves.toBe('Hello');
  });
});

describe('documentText and text files as Windows saves them', () => {
  it('reads Windows-1252 (Notepad’s and Word’s "ANSI") with its dashes and curly quotes, not as binary', async () => {
    const text = 'Staff reply between 8.30am – 4pm; parents’ “urgent” messages go to the office.';
    const bytes = Uint8Array.from([...text].map((c) => ({ '–': 0x96, '’': 0x92, '“': 0x93, '”': 0x94 })[c] ?? c.charCodeAt(0)));
    await expect(documentText(bytes, 'policy.txt')).resolves.toBe(text);
  });
  it('reads UTF-16 without a byte-order mark', async () => {
    const text = 'Staff reply between 8.30am and 4pm.';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i);
    await expect(documentText(bytes, 'policy.txt')).resolves.toBe(text);
  });
});

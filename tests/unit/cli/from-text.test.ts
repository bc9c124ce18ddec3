import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGuard } from '../../../cli/main';
import { documentText } from '../../../lib/policy/from-text/document';
import { makeDocx } from '../policy/from-text/docx';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runGuard(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}
const dir = mkdtempSync(join(tmpdir(), 'guard-from-text-'));
const put = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const quotesIn = (policy: unknown): string[] => JSON.stringify(policy).match(/"quote":"((?:[^"\\]|\\.)*)"/g)!.map((m) => JSON.parse(m.slice(8)) as string);

const HILLTOP = [
  '# Hilltop Primary ClassDojo Policy',
  'Hilltop Primary uses ClassDojo to share news with families.',
  '# When staff use ClassDojo',
  'Staff will only send or reply to ClassDojo messages between 8.30am and 4pm, Monday to Friday.',
  'The school office is open from 8am to 4.30pm.',
  '# What goes where',
  'Absences must be reported to our Attendance Lead, Mrs Okafor, by phone before 9.15am, not through ClassDojo.',
  'Only first names will be used on Class Story.',
];

describe('guard policy from-text', () => {
  it('reads a .txt and prints a policy that `guard policy validate` accepts, quoting the file', async () => {
    const src = new URL('../../fixtures/policies/hilltop-primary.txt', import.meta.url);
    const path = put('hilltop.txt', readFileSync(src));
    const r = await run('policy', 'from-text', path);
    expect(r.code, r.err).toBe(0);
    const policy = JSON.parse(r.out);
    expect(policy).toMatchObject({ name: 'Hilltop Primary', document: { file: 'hilltop.txt' }, hours: { staff: [{ start: '08:30', end: '16:00' }] } });
    expect((await run('policy', 'validate', put('out.json', r.out))).code).toBe(0);
    const text = readFileSync(src, 'utf8');
    for (const q of quotesIn(policy)) expect(text).toContain(q);
    expect(JSON.stringify(policy)).toMatch(/"file":"hilltop.txt"/);
  });

  it('reads a .docx (Word’s paragraphs and runs) the same way', async () => {
    const path = put('hilltop.docx', await makeDocx(HILLTOP));
    const r = await run('policy', 'from-text', path, '--name', 'Hilltop Primary School');
    expect(r.code, r.err).toBe(0);
    const policy = JSON.parse(r.out);
    expect(policy.name).toBe('Hilltop Primary School');
    expect(policy.hours.staff).toEqual([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '16:00' }]);
    expect(policy.routing.routes.absence).toMatchObject({ destination: 'attendance', contact: 'attendance-officer' });
    expect(policy.routing.contacts['attendance-officer'].name).toBe('Mrs Okafor');
    const text = await documentText(readFileSync(path), 'hilltop.docx');
    for (const q of quotesIn(policy)) expect(text).toContain(q);
    expect(policy.hours.source.clauses[0]).toEqual({ file: 'hilltop.docx', section: 'When staff use ClassDojo', quote: HILLTOP[3] });
  });

  it.each([
    ['empty.txt', '', /empty/],
    ['blank.txt', '   \n\n  \t', /empty/],
    ['binary.txt', new Uint8Array(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)), /binary/],
    ['policy.pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj', /PDF.*paste/],
    ['old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /\.docx/],
    ['broken.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), /cannot be read/],
    ['huge.txt', 'a'.repeat(5_000_001), /too large/],
    ['long.txt', 'ClassDojo policy. '.repeat(30_000), /too long/],
  ])('refuses %s with a clear message and exit 1', async (name, content, message) => {
    const r = await run('policy', 'from-text', put(name, content));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });

  it('says so for a missing file, a missing argument, and an unknown option', async () => {
    expect((await run('policy', 'from-text', join(dir, 'nope.txt'))).err).toMatch(/no such file/);
    expect((await run('policy', 'from-text')).code).toBe(2);
    expect((await run('policy', 'from-text', 'a.txt', '--nam', 'x')).code).toBe(2);
    expect((await run('policy', 'from-text', 'a.txt', '--name')).code).toBe(2);
  });

  it('reads hours from a Word table (a staff column beside a parents column), quoting cells that are verbatim in the document', async () => {
    const path = put(
      'larkspur.docx',
      await makeDocx([
        '# Larkspur Primary School ClassDojo Policy',
        '# When we use ClassDojo',
        [
          ['Day', 'Teachers reply', 'Families may send'],
          ['Monday to Thursday', '8.15am – 4.45pm', '7am – 7pm'],
          ['Friday', '8.15am – 2.30pm', '7am – 2.30pm'],
        ],
        'Safeguarding concerns must be passed to the Designated Safeguarding Lead (DSL), Mr K Mensah, in person or by telephone.',
      ]),
    );
    const r = await run('policy', 'from-text', path);
    expect(r.code, r.err).toBe(0);
    const policy = JSON.parse(r.out);
    expect(policy.hours.staff).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu'], start: '08:15', end: '16:45' },
      { days: ['fri'], start: '08:15', end: '14:30' },
    ]);
    // Each row quoted whole, its day label with its times (probe 18g: a cell alone did not say which days);
    // not the header row (probe 18m: a row's quote is its own cells).
    expect(policy.hours.source.clauses.map((c: { quote: string }) => c.quote)).toEqual(['Monday to Thursday\t8.15am – 4.45pm\t7am – 7pm', 'Friday\t8.15am – 2.30pm\t7am – 2.30pm']);
    expect(policy.routing.contacts.dsl).toMatchObject({ name: 'Mr K Mensah', how: 'in person or by telephone', source: { origin: 'policy' } });
    const text = await documentText(readFileSync(path), 'larkspur.docx');
    // Verbatim in the document's text; and however else a table is turned into text (a cell per line, as
    // mammoth does), a row's words are there in order with only white space between them.
    const cellPerLine = text.replace(/\t/g, '\n\n');
    const squash = (x: string) => x.replace(/\s+/g, ' ').trim();
    for (const q of quotesIn(policy)) {
      expect(text).toContain(q);
      expect(squash(cellPerLine)).toContain(squash(q));
    }
  });

  it('warns on stderr and exits 3 when nothing but the school’s name is read (a newsletter, meeting minutes)', async () => {
    for (const [name, content] of [
      ['newsletter.txt', 'Larkspur Primary School\nOur harvest festival raised £412 for the food bank. Thank you to every family who gave.'],
      ['minutes.txt', 'Governors met on 12 March. Item 1: the new library. Item 2: the roof repairs are finished.'],
    ] as const) {
      const r = await run('policy', 'from-text', put(name, content));
      expect(r.code, name).toBe(3);
      expect(r.err).toMatch(/warning: nothing was read from "(newsletter|minutes)\.txt".*recommended default/);
      // The defaults are still printed, valid, and say in their note that nothing was read.
      const policy = JSON.parse(r.out);
      expect(policy.note).toMatch(/NOTHING was read/);
      expect((await run('policy', 'validate', put(`${name}.json`, r.out))).code).toBe(0);
    }
  });

  it('exits 3 and says so plainly for a document about something else (probe 18e: a uniform policy), taking nothing from it', async () => {
    const src = new URL('../../fixtures/policies/probe-18e/13-uniform-offtopic.txt', import.meta.url);
    const r = await run('policy', 'from-text', put('13-uniform-offtopic.txt', readFileSync(src)));
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/warning: nothing was read from "13-uniform-offtopic\.txt": it does not look like a ClassDojo or communication policy/);
    const policy = JSON.parse(r.out);
    expect(policy.name).toBe('Ashdown Primary School');
    expect(policy.note).toMatch(/does not look like a ClassDojo or communication policy/);
    // Who helps with the cost of uniform is not the school office's ClassDojo contact.
    expect(r.out).not.toContain('Linda Brooks');
    expect((await run('policy', 'validate', put('13.json', r.out))).code).toBe(0);
  });

  it('a document with at least one setting read exits 0 with nothing on stderr', async () => {
    const r = await run('policy', 'from-text', put('one-line.txt', 'Teachers will not check ClassDojo after 5pm or at weekends.'));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });

  it('reads UTF-16 with a byte-order mark (Notepad’s "Unicode")', async () => {
    const text = 'Teachers reply to ClassDojo messages between 8am and 4pm.';
    const bytes = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0), 0])]);
    const r = await run('policy', 'from-text', put('utf16.txt', bytes));
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).hours.staff[0]).toMatchObject({ start: '08:00', end: '16:00' });
  });
});

describe('guard policy from-text: term time with no term dates', () => {
  it('says on stderr that the term dates are missing (exit 0), and says nothing when the document has no term-time limit', async () => {
    const termly = put('termly.txt', 'Elmfield Primary School\n\nTeachers answer ClassDojo messages from 8.15am to 4.15pm on school days.\n');
    const r = await run('policy', 'from-text', termly);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).hours.termTimeOnly).toBe(true);
    expect(r.err).toMatch(/term time, but gives no term dates/);
    const always = put('always.txt', 'Elmfield Primary School\n\nTeachers answer ClassDojo messages from 8.15am to 4.15pm, Monday to Friday.\n');
    const r2 = await run('policy', 'from-text', always);
    expect(JSON.parse(r2.out).hours.termTimeOnly).toBe(false);
    expect(r2.err).toBe('');
  });
});

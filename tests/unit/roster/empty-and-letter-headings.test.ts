/**
 * Fix 18q (issue #18, roster): a file with nothing in it (0 bytes, or only spaces, line ends, a byte-order mark,
 * NUL padding) is said to be empty, never "no heading row was found, so the first column is read as the first
 * name"; a first row of single letters ("a,b,c", a spreadsheet's "A,B,C") is a heading row none of whose headings
 * is known, refused, never read as a pupil. Through the reader, the summary the CLI prints, and `guard roster read`
 * in English and Welsh.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runGuard } from '../../../cli/main';
import { parseRosterCsv, readRoster } from '../../../lib/roster/csv';
import { rosterSummary } from '../../../lib/roster/summary';
import { EN, english } from './english';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runGuard(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) }, Readable.from(['']));
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'pg-roster-18q-'));
function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const EMPTY: [string, Uint8Array][] = [
  ['0 bytes', new Uint8Array()],
  ['only a byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf])],
  ['spaces and line ends', new TextEncoder().encode('  \r\n\n\t \n')],
  ['a byte-order mark and line ends', new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x20, 0x0a])],
  ['NUL padding', new Uint8Array([0, 0, 0, 0])],
];

describe('an empty file is said to be empty', () => {
  it.each(EMPTY)('%s', (_, bytes) => {
    const r = readRoster(bytes);
    expect(r.ok).toBe(false);
    expect(r.pupils).toEqual([]);
    expect(r.problems).toEqual([{ row: 0, code: 'empty-file' }]);
    const summary = rosterSummary(r, 'class.csv', EN).join('\n');
    expect(summary).toMatch(/^roster class\.csv: The file is empty: there is nothing in it to read\./);
    expect(summary).not.toContain('No heading row');
  });

  it('clean twin: a file of blank cells still has no rows; a file of names is read', () => {
    expect(parseRosterCsv(',,,\n,,,\n').problems[0]?.code).toBe('empty');
    expect(parseRosterCsv('\uFEFF\nAmelia,Hughes\n').pupils.map((p) => p.first)).toEqual(['Amelia']);
  });

  it('guard roster read, in English and Welsh', async () => {
    const path = file('empty.csv', new Uint8Array());
    const en = await run('roster', 'read', path);
    expect(en.code).toBe(1);
    expect(en.err).toContain('The file is empty: there is nothing in it to read.');
    expect(en.err).not.toContain('No heading row');
    const cy = await run('roster', 'read', file('bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, 0x0a])), '--lang', 'cy');
    expect(cy.code).toBe(1);
    expect(cy.err).toContain("Mae'r ffeil yn wag: does dim ynddi i'w ddarllen.");
    expect(cy.err).not.toMatch(/\bThe file\b|heading/);
  });
});

describe('a first row of single letters is a heading row nobody can read, refused', () => {
  it.each([
    ['"a,b,c" then a pupil', 'a,b,c\nAmelia,Hughes,yes\n'],
    ['"a,b,c" alone', 'a,b,c\n'],
    ['"A,B,C" (a spreadsheet\'s column letters)', 'A,B,C\nAmelia,Hughes,3 Oak\nArjun,Patel,3 Oak\n'],
    ['tab-separated "a b c x"', 'a\tb\tc\tx\nAmelia\tHughes\tyes\tz\nArjun\tPatel\tno\tz\n'],
  ])('%s', (_, text) => {
    const r = parseRosterCsv(text);
    expect(r.ok).toBe(false);
    expect(r.pupils).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 1, code: 'unknown-headings' });
    expect(english(r.problems[0]!)).toMatch(/^Row 1 looks like a heading row \(“a”, “b”|^Row 1 looks like a heading row \(“A”, “B”/);
    // Nothing is read by position: the summary never says the first column is read as the first name.
    const summary = rosterSummary(r, 'class.csv', EN);
    expect(summary.join('\n')).not.toContain('No heading row was found');
    expect(summary.join('\n')).not.toMatch(/Row 1: Row 1/);
  });

  it('clean twins: a first name and a surname initial, and a pasted list, are pupils', () => {
    expect(parseRosterCsv('Amy,J\nBen,K\n').pupils.map((p) => `${p.first} ${p.last}`)).toEqual(['Amy J', 'Ben K']);
    const pasted = parseRosterCsv('Amelia,Hughes\nArjun,Patel\n');
    expect(pasted.ok).toBe(true);
    expect(rosterSummary(pasted, 'p.csv', EN)[0]).toContain('No heading row was found');
  });

  it('guard roster read, in English and Welsh', async () => {
    const path = file('abc.csv', 'a,b,c\nAmelia,Hughes,yes\n');
    const en = await run('roster', 'read', path);
    expect(en.code).toBe(1);
    expect(en.out).toBe('');
    expect(en.err).toContain('Row 1 looks like a heading row (“a”, “b”, “c”), but Policy Guard knows none of these headings');
    expect(en.err).not.toContain('No heading row was found');
    const cy = await run('roster', 'read', path, '--lang', 'cy');
    expect(cy.code).toBe(1);
    expect(cy.err).toContain('Mae rhes 1 yn edrych fel rhes penawdau (“a”, “b”, “c”)');
    expect(cy.err).not.toContain('Ni chafwyd rhes penawdau');
  });
});

/**
 * The spot-check CSV: every cell neutralised for a spreadsheet (not only the first character of a cell,
 * which is all papaparse's escapeFormulae looks at), and a UTF-8 byte order mark so Excel reads accents.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, CSV_COLUMNS, escapeFormula, exportRecord } from '../../../lib/spot-check/export';
import { emptyRecord, mergeScan, setOutcome } from '../../../lib/spot-check/record';

const NOW = '2026-11-23T09:00:00.000Z';

function recordWithNote(note: string, author = 'Ms Carter') {
  const r = mergeScan(
    emptyRecord('c1', 'class-story', '2026-11-23', NOW),
    [{ id: 'p1', postAt: '2026-11-20T14:10:00.000Z', author, findings: [{ rule: 'full-name', start: 0, end: 4 }] }],
    NOW,
  );
  return setOutcome(r, r.findings[0]!.key, 'follow-up', note, NOW);
}

/** The cells of the CSV's rows, as a spreadsheet would read them. */
function cells(note: string, author?: string): string[][] {
  const body = exportRecord(recordWithNote(note, author), 'csv').body;
  return Papa.parse<string[]>(body.replace(/^\uFEFF/, '').trim(), { skipEmptyLines: true }).data;
}

/**
 * Whether any line of any cell could start a formula, as the most generous reader would see it: split on
 * every line break a tool may honour, blanks and invisible characters trimmed (LibreOffice's "trim spaces").
 */
const runnable = (cell: string) =>
  cell
    .split(/\r\n|[\r\n\v\f\x1c-\x1e\u0085\u2028\u2029]/)
    .some((line, i) => (i === 0 && /^\r/.test(cell)) || /^\t/.test(line) || /^[\p{Zs}\t\p{Cf}\p{Cc}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u.test(line));

describe('CSV formula escaping', () => {
  it.each([
    ['=HYPERLINK("http://evil")'],
    ['+1+1'],
    ['-2+3'],
    ['@SUM(A1)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['fine\n=HYPERLINK("http://evil","click")'],
    ['fine\r\n+cmd|"/c calc"!A1'],
    ['fine\r@SUM(A1)'],
    ['two lines\n-1'],
    ['three\nlines\n\t=1'],
    // Blanks and invisible characters before the sign (probe 14d #8): LibreOffice with "trim spaces" reads a formula.
    [' =1+1'],
    ['   +A1'],
    ['\u00a0=1'],
    ['\u3000=1'],
    ['\u202f-2'],
    ['\u200b=1'],
    ['\ufeff@SUM(A1)'],
    ['\u200e\u200b =1'],
    ['\u00ad=1'],
    ['\t =1'],
    ['\uff1d1+1'],
    // Python's splitlines breaks at the file, group and record separators; other controls may be dropped (probe 14f #6).
    ['x\x1e=HYPERLINK("http://evil")'],
    ['x\x1c+1'],
    ['x\x1d@SUM(A1)'],
    ['\x00=1'],
    ['\x1f=1'],
    ['x\n\x7f-1'],
    // A later line, after any line break a tool may split on.
    ['a\u2028=1'],
    ['a\u2029=1'],
    ['a\u0085=1'],
    ['a\v=1'],
    ['a\f=1'],
    ['ok\n =1'],
    ['ok\r\n\u00a0+1'],
    ['ok\n\n=1'],
    ['ok\n \n=1'],
  ])('neutralises %j in every cell', (note) => {
    const kept = recordWithNote(note, note).findings[0]!;
    const row = cells(note, note)[1]!;
    expect(row[CSV_COLUMNS.indexOf('note')]).toBe(escapeFormula(kept.note!));
    expect(row[CSV_COLUMNS.indexOf('author')]).toBe(escapeFormula(kept.author!));
    for (const cell of row) expect(runnable(cell), JSON.stringify(cell)).toBe(false);
    // The cell as given (a record trims notes and authors; held sends' reasons and other columns may not be).
    expect(runnable(note)).toBe(true);
    expect(runnable(escapeFormula(note)), JSON.stringify(escapeFormula(note))).toBe(false);
  });

  it('leaves ordinary text as it is, line breaks included', () => {
    expect(escapeFormula('Talk to Ms Carter\nthen re-check — 2 + 2')).toBe('Talk to Ms Carter\nthen re-check — 2 + 2');
    expect(cells('Talk to Ms Carter\nthen re-check')[1]![CSV_COLUMNS.indexOf('note')]).toBe('Talk to Ms Carter\nthen re-check');
  });

  it('escapes each dangerous line start once, and keeps the rest of the text', () => {
    expect(escapeFormula('=A1')).toBe("'=A1");
    expect(escapeFormula('ok\n=A1\r\n@B2')).toBe("ok\n'=A1\r\n'@B2");
    expect(escapeFormula(' =1')).toBe("' =1");
    expect(escapeFormula('ok\u2028\u200b=1')).toBe("ok\u2028'\u200b=1");
  });

  it('leaves signs inside a line, and blanks before ordinary words, alone', () => {
    for (const s of ['2 + 2 = 4', ' see you at 3', 'a-b', 'x\u00a0=1', 'Mr Lund @ office', '\u00a0Hello', 'ok\n hello']) expect(escapeFormula(s)).toBe(s);
  });

  it('stays linear on long runs of line breaks and blanks', () => {
    for (const text of ['\n'.repeat(100_000) + '=1', ' '.repeat(100_000) + 'x', '\n\u00a0'.repeat(50_000) + 'x', '\u200b'.repeat(100_000)]) {
      const t0 = performance.now();
      escapeFormula(text);
      expect(performance.now() - t0).toBeLessThan(50);
    }
  });
});

describe('CSV encoding', () => {
  it('starts with a UTF-8 byte order mark so Excel reads accented names', () => {
    const file = exportRecord(recordWithNote('Siân and Zoë: ask Mrs Ní Bhriain'), 'csv');
    expect(file.body.startsWith(BOM)).toBe(true);
    expect(file.body.charCodeAt(0)).toBe(0xfeff);
    expect(file.body.slice(1).startsWith(CSV_COLUMNS.join(','))).toBe(true);
    expect(new TextEncoder().encode(file.body).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(file.mime).toMatch(/^text\/csv/);
    expect(cells('Siân and Zoë')[1]![CSV_COLUMNS.indexOf('note')]).toBe('Siân and Zoë');
  });

  it('the JSON export has no byte order mark', () => {
    expect(exportRecord(recordWithNote('x'), 'json').body.charCodeAt(0)).toBe('{'.charCodeAt(0));
  });
});

describe('file names', () => {
  it('named by the class; with its id too when another known class has the same name (probe 20g)', () => {
    const r = recordWithNote('x');
    expect(exportRecord(r, 'csv', { className: 'Class 3 Oak' }).filename).toBe('spot-check-class-3-oak-class-story-2026-11-23.csv');
    const c1 = exportRecord(r, 'csv', { className: 'Class 3 Oak', sharedName: true }).filename;
    const c2 = exportRecord({ ...r, classId: 'c2' }, 'json', { className: 'Class 3 Oak', sharedName: true }).filename;
    expect(c1).toBe('spot-check-class-3-oak-c1-class-story-2026-11-23.csv');
    expect(c2).toBe('spot-check-class-3-oak-c2-class-story-2026-11-23.json');
    // No name known: the id alone, once.
    expect(exportRecord(r, 'csv', { sharedName: true }).filename).toBe('spot-check-c1-class-story-2026-11-23.csv');
  });
});

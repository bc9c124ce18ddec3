/**
 * Probe 19f M1, L3, L4, L5: Excel for Mac's plain "CSV" (Mac Roman) is read as Mac Roman when Windows-1252
 * would put symbols or stray capitals inside names, and said to be; a name with letters from the wrong
 * encoding, a formula, markup or a bidi override is refused by row; a picture is not read as text; notes show
 * control characters as symbols and cut long quoted values.
 */
import { describe, expect, it } from 'vitest';
import { parseRosterCsv, readRoster } from '../../../lib/roster/csv';
import { binaryFormat, decodeRoster, oddWords } from '../../../lib/roster/decode';
import { rosterSummary } from '../../../lib/roster/summary';
import { EN, english } from './english';

/** Text as Mac Roman bytes (the letters these tests use), as Excel for Mac's "CSV" writes them, with CR line ends. */
// Mac Roman's table, from the platform's own decoder (the one the reader uses), turned round.
const MAC = new Map(Array.from({ length: 128 }, (_, i) => [new TextDecoder('macintosh').decode(Uint8Array.of(0x80 + i)), 0x80 + i] as const));
const mac = (text: string) => Uint8Array.from([...text.replace(/\n/g, '\r')].map((c) => MAC.get(c) ?? c.charCodeAt(0)));
const CP1252: Record<string, number> = { '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 };
const latin = (text: string) => Uint8Array.from([...text].map((c) => CP1252[c] ?? c.charCodeAt(0)));

describe('Excel for Mac’s “CSV” (Mac Roman)', () => {
  it('is read as Mac Roman when Windows-1252 would put symbols and stray capitals in the names, with a note naming the encoding', () => {
    const r = readRoster(mac('First name,Surname,Photo consent\nBenoît,Müller,Yes\nInès,Núñez,No\nÉloïse,O’Neill,Yes\n'));
    expect(r.encoding).toBe('macintosh');
    expect(r.ok).toBe(true);
    expect(r.pupils.map((p) => `${p.first} ${p.last}`)).toEqual(['Benoît Müller', 'Inès Núñez', 'Éloïse O’Neill']);
    const note = r.notes.find((n) => n.code === 'mac-roman');
    expect(english(note)).toMatch(/^The file is not UTF-8, and read as Windows-1252 its words hold characters that are not letters, so it was read as Mac Roman \(Excel for Mac's plain “CSV”\): .*“MŸller” → “Müller”/);
    expect(rosterSummary(r, 'class.csv', EN)[0]).toBe('roster class.csv: Read as Mac Roman (Excel for Mac “CSV”), separated by commas. Headings on row 1.');
  });

  it('leaves a Windows-1252 file as it is: curly quotes in a note, an apostrophe, a dash between words', () => {
    const bytes = latin('Forename,Surname,Photo consent,Notes\nNiamh,O’Brien,Yes,Mum said “yes” – fine\nSi\xe2n,ap Rhys,No,\n');
    const d = decodeRoster(bytes);
    expect(d.encoding).toBe('windows-1252');
    expect(oddWords(d.text)).toEqual([]);
    expect(readRoster(bytes).pupils.map((p) => `${p.first} ${p.last}`)).toEqual(['Niamh O’Brien', 'Siân ap Rhys']);
  });

  it('finds the words Windows-1252 gets wrong, and none of a name it gets right', () => {
    const text = 'Zo‘ Evans, JosŽ, OÕConnor, OíBrien, O’Brien, Zoë, ÉLOÏSE, “Millie”, Smith–Jones';
    expect(oddWords(text).map(([a, b]) => text.slice(a, b))).toEqual(['Zo‘', 'JosŽ', 'OÕConnor', 'OíBrien']);
  });

  it('refuses, by row, a name Windows-1252 reads with a letter from another encoding when Mac Roman does not fit either', () => {
    // 0xD5 (Mac ’) in one name, and 0x81 (no Mac Roman reading makes the file clean: "Zo\x81" is a control there) elsewhere.
    const bytes = Uint8Array.from([...'Forename,Surname\nNiamh,O\xd5Connor\nAmelia,Hughes\nBad,\xd7\xd7x\xd8\n'].map((c) => c.charCodeAt(0)));
    const d = decodeRoster(bytes);
    expect(d.encoding).toBe('windows-1252');
    const r = readRoster(bytes);
    expect(r.ok).toBe(false);
    expect(r.pupils.map((p) => p.last)).not.toContain('OÕConnor');
    const problem = r.problems.find((p) => p.row === 2);
    expect(problem?.code).toBe('not-letters');
    expect(english(problem)).toContain('“OÕConnor” holds “Õ”, which is not part of a name (a letter read in the wrong encoding');
  });
});

describe('names that are not names (L4)', () => {
  it.each([
    ['=HYPERLINK(A1;x)', 'spreadsheet formula'],
    ['+44 7700', 'spreadsheet formula'],
    ['<b onmouseover=alert(1)>Bob</b>', 'web page code'],
    ['Ali\u202Eecnoc', 'another order'],
    ['Amelia #1 fan', ''],
    ['Jo™', 'a symbol'],
  ])('“%s” is refused by row, and no bracket in it becomes a name', (name, why) => {
    const r = readRoster(new TextEncoder().encode(`Forename,Surname,Photo consent\r\nAmelia,Hughes,Yes\r\n${name},Smith,Yes\r\n`));
    expect(r.ok).toBe(false);
    expect(r.pupils.map((p) => p.last)).toEqual(['Hughes']);
    const problem = r.problems.find((p) => p.row === 3)!;
    expect(['not-letters', 'digits']).toContain(problem.code);
    if (problem.code === 'not-letters') expect(english(problem)).toContain(why);
    // Never printed raw: a bidi override in the message would turn the message itself round.
    expect(english(problem)).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('keeps the names schools write: hyphens, apostrophes, accents, a full stop, a middle dot, a second name in brackets', () => {
    const r = readRoster(new TextEncoder().encode('Forename,Surname\nMary-Jane,O’Neill\nJ.,D’Souza\nNúria,Ol·la\nAmelia (Millie),Hughes\nشيماء,الحسن\n'));
    expect(r.ok).toBe(true);
    expect(r.pupils.map((p) => `${p.first} ${p.last}`)).toEqual(['Mary-Jane O’Neill', 'J. D’Souza', 'Núria Ol·la', 'Millie Hughes', 'شيماء الحسن']);
  });
});

describe('pictures and damaged text (L3, L5)', () => {
  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]],
    ['GIF', [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]],
  ])('a %s renamed .csv is refused as a picture, not read as text', (_, sig) => {
    const bytes = Uint8Array.from([...sig, ...Array(40).fill(0x41)]);
    expect(binaryFormat(bytes)).toBe('image');
    const r = readRoster(bytes);
    expect(r.problems).toHaveLength(1);
    expect(english(r.problems[0]!)).toMatch(/^This file is a picture \(PNG, JPEG, GIF, BMP, TIFF or WebP\), not a class list\. Export/);
    expect(r.notes).toEqual([]);
  });

  it('shows control characters in notes and skipped lines as symbols, never raw', () => {
    const r = readRoster(new TextEncoder().encode('Pupil list\u0008\u0001\nForename,Surname,Photo consent\nAmelia,Hughes,Yes\n'));
    expect(r.skipped).toEqual(['Pupil list␈␁']);
    for (const text of [...r.notes.map((x) => english(x)), ...r.problems.map((x) => english(x)), ...r.skipped]) expect(text).not.toMatch(/[\u0000-\u0008\u000e-\u001f]/);
  });

  it('cuts a long value quoted in a note or a problem at 80 characters', () => {
    const long = 'A'.repeat(5000);
    const r = readRoster(new TextEncoder().encode(`Forename,Surname\nAmelia,Hughes\nBEN,${long}\n`));
    for (const text of [...r.notes.map((x) => english(x)), ...r.problems.map((x) => english(x))]) expect(text.length, text.slice(0, 100)).toBeLessThan(600);
    // A heading the message quotes is cut the same way, whatever language words it (the data carries it cut).
    const heading = `Photo ${'x'.repeat(200)} instructions`;
    const unclear = parseRosterCsv(`Forename,Surname,${heading}\nAmelia,Hughes,Y\n`).problems[0]!;
    expect(unclear.data![0]).toBe(`${heading.slice(0, 79)}…`);
    expect(english(unclear)).toContain(`Column “${heading.slice(0, 79)}…” (C) is about photos`);
  });
});

import { describe, expect, it } from 'vitest';
import { cellBool, decodeText, diffRoster, parseRosterCsv, stricterConsent } from '../../../lib/roster/csv';
import { english, withEnglish } from './english';

describe('reading a roster CSV as schools export them', () => {
  it('reads a SIMS-style export: BOM, semicolons, quoted names with commas, Welsh accents, extra columns ignored', () => {
    const csv = '\uFEFFUPN;Legal Surname;Preferred Forename;Date of Birth;Photo Permission;Looked After\r\n' +
      'A123;"Hughes";"Amelia";2018-04-01;Yes;No\r\n' +
      'A124;"ap Rhys";"Siân";2018-05-02;yes;\r\n' +
      'A125;"O\'Connor, Jr";"Niamh";2018-06-03;N;Y\r\n' +
      '\r\n';
    const r = parseRosterCsv(csv);
    expect(r.ok).toBe(true);
    expect(r.delimiter).toBe(';');
    expect(r.pupils).toEqual([
      { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
      { first: 'Siân', last: 'ap Rhys', photoConsent: true, inCare: false },
      { first: 'Niamh', last: "O'Connor, Jr", photoConsent: false, inCare: true },
    ]);
    expect(r.ignored).toEqual(['UPN', 'Date of Birth']);
    expect(r.used).toEqual(['Legal Surname', 'Preferred Forename', 'Photo Permission', 'Looked After']);
  });

  it('reads one name column, surname first with a comma or first name first', () => {
    const r = parseRosterCsv('Pupil Name,Photo consent\n"Hughes, Amelia",yes\nOliver Bennett,no\n');
    expect(r.pupils.map((p) => [p.first, p.last, p.photoConsent])).toEqual([['Amelia', 'Hughes', true], ['Oliver', 'Bennett', false]]);
  });

  it('reads a pasted list with no header: tab-separated first and last names, or one name a line', () => {
    expect(parseRosterCsv('Amelia\tHughes\nJayden\tSmith-Walker\n').pupils.map((p) => `${p.first} ${p.last}`)).toEqual(['Amelia Hughes', 'Jayden Smith-Walker']);
    const one = parseRosterCsv('Amelia Hughes\nZofia Kowalska\n');
    expect(one.header).toBe(false);
    expect(one.pupils.map((p) => p.last)).toEqual(['Hughes', 'Kowalska']);
    expect(one.noConsentRecorded).toBe(2); // no consent column: treated as no consent, and said so
  });

  it('keeps consent per channel, and a channel without its own column (or with an empty cell) takes the general answer', () => {
    const r = parseRosterCsv('First name,Last name,Photo consent,Class Story,Portfolio\nAmelia,Hughes,yes,no,yes\nOliver,Bennett,yes,,\nZofia,Kowalska,no,,yes\n');
    expect(r.pupils[0]!.photoConsent).toEqual({ 'class-story': false, 'school-story': true, 'student-story': true, 'class-chat': true, 'private-chat': true });
    expect(r.pupils[1]!.photoConsent).toBe(true);
    // A channel's yes under a general no: the two disagree, so the refusal holds everywhere, and the preview says so.
    expect(r.pupils[2]!.photoConsent).toEqual({ 'class-story': false, 'school-story': false, 'student-story': false, 'class-chat': false, 'private-chat': false });
    expect(r.notes.find((n) => n.code === 'channel-under-refusal')?.data).toEqual(['1', 'Zofia Kowalska\t4', '“Photo consent” (C)']);
    expect(english(r.notes.find((n) => n.code === 'channel-under-refusal'))).toContain('a refusal in “Photo consent” (C): Zofia Kowalska (row 4).');
  });

  it('reads a Windows-1252 export (as SIMS often writes) as well as UTF-8', () => {
    const cp1252 = Uint8Array.from([...'First,Last\nSi'].map((c) => c.charCodeAt(0)).concat([0xe2], [...'n,Evans\n'].map((c) => c.charCodeAt(0))));
    expect(parseRosterCsv(decodeText(cp1252)).pupils[0]!.first).toBe('Siân');
    expect(decodeText(new TextEncoder().encode('\uFEFFFirst,Last\nSiân,Evans\n'))).toBe('First,Last\nSiân,Evans\n'); // the BOM goes too
  });

  it('imports nothing when any row is wrong, and says which rows and why', () => {
    const r = parseRosterCsv('Forename,Surname,Photo consent\nAmelia,Hughes,yes\n,Bennett,no\nJayden,Smith,maybe\nAmelia,Hughes,no\n');
    expect(r.ok).toBe(false);
    expect(withEnglish(r.problems)).toEqual([
      { row: 3, code: 'no-first-name', message: 'No first name.' },
      { row: 4, code: 'not-yes-no', data: ['consent', 'maybe', '', ''], message: "Photo consent says “maybe”: Policy Guard cannot tell whether that is consent given, refused or not recorded, and does not guess: write yes (given), no (refused, withdrawn or opted out), or leave it empty (not recorded)." },
    ]);
  });

  it('refuses empty files, files of blank lines and whole-school exports', () => {
    expect(english(parseRosterCsv('').problems[0]!)).toMatch(/^The file is empty: there is nothing in it to read\./);
    expect(parseRosterCsv('\n\n ,\n').ok).toBe(false);
    expect(english(parseRosterCsv(',,,\n,,,\n').problems[0]!)).toBe('The file has no rows.');
    expect(english(parseRosterCsv(`First,Last\n${'Amy,Hughes\n'.repeat(2500)}`).problems[0]!)).toMatch(/More than 2000 rows/);
  });

  it('survives hostile cells: an unterminated quote, a name 10,000 letters long, formula-looking cells', () => {
    expect(() => parseRosterCsv('First,Last\n"Amelia,Hughes\n')).not.toThrow();
    expect(english(parseRosterCsv(`First,Last\n${'a'.repeat(10_000)},b\n`).problems[0]!)).toMatch(/too long/);
    // A formula is refused by row (probe 19f L4): never stored as a pupil's name, never evaluated.
    expect(parseRosterCsv('First,Last\n=HYPERLINK("x"),Hughes\n').problems.map((p) => [p.row, p.code])).toEqual([[2, 'not-letters']]);
  });

  it('reads yes and no as schools write them', () => {
    for (const yes of ['Yes', 'Y', 'TRUE', '1', '✓', 'Yes - all media', 'Consent given', 'Ie']) expect(cellBool(yes)).toBe(true);
    for (const no of ['No', 'n', '', 'FALSE', '0', 'None', 'Withdrawn', 'No consent', 'N/A', 'Nac oes']) expect(cellBool(no)).toBe(false);
    for (const unsure of ['x', 'maybe', 'see notes', '?', 'Not known']) expect(cellBool(unsure)).toBeUndefined();
  });
});

describe('two rows with one name', () => {
  it('keeps one pupil with the stricter answers, and says so (two pupils called Mohammed Ali are common)', () => {
    const r = parseRosterCsv('Forename,Surname,DOB,Photo Consent,Class Story,Looked After\nMohammed,Ali,01/02/2018,Yes,,No\nAmelia,Hughes,03/04/2018,Yes,,No\nMohammed,Ali,05/07/2018,Yes,No,Yes\nAmelia,Hughes,03/04/2018,Yes,,No\n');
    expect(r.ok).toBe(true);
    expect(r.pupils).toEqual([
      { first: 'Mohammed', last: 'Ali', photoConsent: { 'class-story': false, 'school-story': true, 'student-story': true, 'class-chat': true, 'private-chat': true }, inCare: true },
      { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
    ]);
    expect(r.notes.map((x) => english(x))).toEqual([
      'Two rows are named Mohammed Ali (rows 2 and 4): perhaps two pupils with one name. A post names them the same way, so they are kept as one pupil with the stricter answers of the two (a refusal over a yes; in care if either row says so).',
      'Amelia Hughes is listed twice, the same both times (rows 3 and 5): read once.',
    ]);
  });

  it('orders consent refused, not recorded, given', () => {
    expect(stricterConsent(true, null)).toBeNull();
    expect(stricterConsent(null, false)).toBe(false);
    expect(stricterConsent(true, true)).toBe(true);
    expect(stricterConsent({ 'class-story': true }, null)).toEqual({ 'class-story': null, 'school-story': null, 'student-story': null, 'class-chat': null, 'private-chat': null });
  });
});

describe('what an import would change', () => {
  it('lists pupils added, changed and removed', () => {
    const now = [{ first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false }, { first: 'Oliver', last: 'Bennett', photoConsent: true, inCare: false }];
    const next = [{ first: 'Amelia', last: 'Hughes', photoConsent: false, inCare: false }, { first: 'Zofia', last: 'Kowalska', photoConsent: true, inCare: false }];
    const d = diffRoster(now, next);
    expect(d.added.map((p) => p.first)).toEqual(['Zofia']);
    expect(d.changed.map((c) => c.after.first)).toEqual(['Amelia']);
    expect(d.removed.map((p) => p.first)).toEqual(['Oliver']);
    expect(d.unchanged).toBe(0);
  });
});

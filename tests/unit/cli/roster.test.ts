import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runGuard } from '../../../cli/main';
import { DIR } from '../../fixtures/rosters/build';

async function run(stdin: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runGuard(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) }, Readable.from([stdin]));
  return { code, out, err };
}

describe('the CLI says what it read from a roster (stderr), as the options page does', () => {
  it('guard check --roster: rows read, pupils, the column for each field and the notes, before the findings', async () => {
    const r = await run('Well done Luke Kowalski!', 'check', '--policy', 'bentley-new-village', '--channel', 'class-story', '--media', '--at', '2026-11-24T10:15:00Z', '--roster', join(DIR, 'integris-grouped-headings.csv'));
    expect(r.err.split('\n')).toEqual([
      'roster integris-grouped-headings.csv: Read as UTF-8, separated by commas. Headings on row 2.',
      '  Rows read: 3. Pupils: 3. Rows refused: 0.',
      '  Columns read: A “Legal Surname” → legal surname; B “Legal Forename” → legal first name; C “Preferred Surname” → surname the pupil goes by; D “Preferred Forename” → first name the pupil goes by; G “Photographs” → photo consent; H “Looked After” → in care',
      '  Columns not read (the checks do not need them): Reg Group, DOB',
      '  Note: The headings are over two rows: “Legal”, “Preferred” above them say which names are which.',
      '  Note: First names: “Preferred Forename” (D) is used (the name the pupil goes by; fixes use it), and “Legal Forename” (B) is kept as the legal name and matched too.',
      '  Note: Surnames: “Preferred Surname” (C) is used (the name the pupil goes by; fixes use it), and “Legal Surname” (A) is kept as the legal name and matched too.',
      '  Pupils with a legal name as well as the name they go by: 3. Both are recognised in posts; fixes use the name they go by.',
      '',
    ]);
    // Luke's consent is refused in the file: the preferred name (from the second "Forename") finds him.
    expect(r.out).toContain('BLOCK  photo-consent “Luke Kowalski”');
    expect(r.out).toContain('the consent register says no');
  });

  it('guard check --roster with a refused row: every row and why, and nothing is checked', async () => {
    const r = await run('Hello', 'check', '--policy', 'bentley-new-village', '--channel', 'class-story', '--roster', join(DIR, 'shifted-rows.csv'));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    // Nothing is kept from a refused file: the rows read and refused, as the options page says them (no pupils counted).
    expect(r.err).toContain('Rows read: 4. Rows with a problem: 3.');
    expect(r.err).not.toContain('Pupils: 1');
    expect(r.err).toMatch(/Row 3: This row has 6 cells but there are 5 headings \(“music” is past the last one\)/);
    expect(r.err).toMatch(/Row 5: This row has 3 cells but there are 5 headings/);
    expect(r.err).toContain('guard check: the roster was not read, so nothing was checked.');
  });

  it('guard roster read: the pupils as JSON on stdout, the summary on stderr', async () => {
    const r = await run('', 'roster', 'read', join(DIR, 'excel-resaved-mojibake.csv'));
    expect(r.code).toBe(0);
    const pupils = JSON.parse(r.out) as { first: string; last: string }[];
    expect(pupils.map((p) => `${p.first} ${p.last}`)).toContain('Siân ap Rhys');
    expect(r.err).toContain('Note: Letters garbled by a program that read the file in the wrong encoding were mended (2): “SiÃ¢n” → “Siân”, “Oâ€™Connor” → “O’Connor”.');
    expect(r.err).toContain('Columns read: A “Surname” → surname; B “Forename” → first name; C “Known As” → first name the pupil goes by; G “Photo Consent” → photo consent; H “In Care” → in care');
  });

  it('guard roster read --lang cy: every line in Welsh (the notes, the refused rows and the lines around them), from the catalog the options page uses', async () => {
    const r = await run('', 'roster', 'read', join(DIR, 'shifted-rows.csv'), '--lang', 'cy');
    expect(r.code).toBe(1);
    const rows = r.err.split('\n').filter((l) => l.startsWith('  Rhes '));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toBe(
      "  Rhes 3: Mae gan y rhes hon 6 cell ond mae 5 pennawd (“music” y tu hwnt i'r olaf), felly dydy ei gwerthoedd ddim yn cyd-fynd â'r penawdau: oes coma heb ddyfynodau mewn enw neu nodyn? Mae'n darllen: “Zoë” | “Price” | “No” | “No” | “likes art” | “music”. Ni ddarllenwyd dim yn y rhes hon.",
    );
    // No English sentence is left in a refused row.
    for (const row of rows) expect(row, row).not.toMatch(/This row|headings|Nothing in this row/);
    const workbook = await run('', 'roster', 'read', join(DIR, 'class-list.xlsx.csv'), '--lang', 'cy');
    expect(workbook.err).toBe('rhestr class-list.xlsx.csv: Does gan y llyfr gwaith hwn ddim taflen y gall Policy Guard ei darllen. Agorwch hi yn Excel (neu LibreOffice), dewiswch Ffeil › Cadw Fel, dewiswch “CSV UTF-8 (Comma delimited) (*.csv)”, a mewnforiwch y ffeil .csv.\n');
    const notes = await run('', 'roster', 'read', join(DIR, 'excel-resaved-mojibake.csv'), '--lang', 'cy');
    expect(notes.err).toContain("rhestr excel-resaved-mojibake.csv: Wedi'i ddarllen fel UTF-8, wedi'i wahanu gan gomas. Penawdau ar res 1.");
    expect(notes.err).toContain('Nodyn: Trwsiwyd llythrennau a ddifrodwyd gan raglen a ddarllenodd y ffeil yn yr amgodiad anghywir (2): “SiÃ¢n” → “Siân”, “Oâ€™Connor” → “O’Connor”. Gwiriwch yr enwau isod.');
    // --lang en is the default's English; any other language is a usage error.
    expect((await run('', 'roster', 'read', join(DIR, 'shifted-rows.csv'), '--lang', 'en')).err).toBe((await run('', 'roster', 'read', join(DIR, 'shifted-rows.csv'))).err);
    const bad = await run('', 'roster', 'read', join(DIR, 'shifted-rows.csv'), '--lang', 'fr');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--lang must be one of en, cy');
  });

  it('guard check --roster --lang cy: the roster’s refused rows in Welsh, as its findings are', async () => {
    const r = await run('Hello', 'check', '--policy', 'bentley-new-village', '--channel', 'class-story', '--roster', join(DIR, 'shifted-rows.csv'), '--lang', 'cy');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Rhes 3: Mae gan y rhes hon 6 cell ond mae 5 pennawd \(“music” y tu hwnt i'r olaf\)/);
    expect(r.err).not.toMatch(/This row has/);
  });

  it('guard roster read: an Excel workbook is named as one, with how to save it as CSV', async () => {
    const r = await run('', 'roster', 'read', join(DIR, 'class-list.xlsx.csv'));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe('roster class-list.xlsx.csv: This workbook has no sheet Policy Guard can read. Open it in Excel (or LibreOffice), choose File › Save As, pick “CSV UTF-8 (Comma delimited) (*.csv)”, and import the .csv file.\n');
  });

  it('guard roster: usage errors exit 2; a missing file exits 1', async () => {
    expect((await run('', 'roster')).code).toBe(2);
    expect((await run('', 'roster', 'show', 'x.csv')).code).toBe(2);
    expect((await run('', 'roster', '--help')).out).toContain('guard roster read <file>');
    // Probe 19 L6: help asked after the subcommand is help, not an unknown option.
    for (const argv of [['roster', 'read', '--help'], ['roster', 'read', 'x.csv', '-h'], ['policy', 'validate', '--help'], ['policy', 'show', '-h']]) {
      const help = await run('', ...argv);
      expect([help.code, help.err], argv.join(' ')).toEqual([0, '']);
      expect(help.out, argv.join(' ')).toMatch(/^Usage:/);
    }
    const dir = mkdtempSync(join(tmpdir(), 'guard-roster-'));
    const missing = await run('', 'roster', 'read', join(dir, 'none.csv'));
    expect([missing.code, missing.err]).toEqual([1, expect.stringContaining('cannot read')]);
    writeFileSync(join(dir, 'list.csv'), 'Amelia Hughes\nSeun Adebayo\n');
    const plain = await run('', 'roster', 'read', join(dir, 'list.csv'));
    expect(plain.err).toContain('No heading row was found, so the first column is read as the first name and the second as the surname (a pasted list).');
    expect(plain.err).toContain('Pupils with no photo consent recorded: 2.');
  });
});

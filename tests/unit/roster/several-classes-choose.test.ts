/**
 * Issue 19 (probe 19f M2, fix report "not done"): a file holding several classes was refused listing the groups,
 * with no way to keep the class being imported. Now one class may be chosen (`group`, the options page's choice,
 * the CLI's --group): only its rows are read, and a note says how many were left out. With no choice the file is
 * still refused, and the refusal carries the groups to choose from.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGuard } from '../../../cli/main';
import { parseRosterCsv } from '../../../lib/roster/csv';
import { rosterSummary } from '../../../lib/roster/summary';
import { EN, english, withEnglish } from './english';

const CSV = 'Forename,Surname,Reg Group,Photo consent\nAmelia,Hughes,4W,Yes\nOliver,Bennett,4w ,No\nGrace,Taylor,4O,Yes\nNoah,Wilson,,Yes\nIsla,Roberts,5B,Opted out\n';

describe('a file of several classes', () => {
  it('is refused without a choice, with every class and its rows for the choice', () => {
    const r = parseRosterCsv(CSV);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(['several-classes']);
    expect(r.groups).toEqual({ heading: 'Reg Group', letter: 'C', names: ['4W', '4O', '5B'], rows: [2, 1, 1] });
    expect(rosterSummary(r, 'x.csv', EN)).toContain('  To keep one class, read it again with --group and one of: “4W” (2 rows), “4O” (1 row), “5B” (1 row).');
  });

  it('keeps only the chosen class’s rows (capitals and spaces at the ends ignored), saying how many were left out', () => {
    const r = parseRosterCsv(CSV, false, false, { group: ' 4w' });
    expect(r.ok).toBe(true);
    expect(r.group).toBe('4W');
    expect(r.groups).toBeUndefined();
    expect(r.pupils.map((p) => [`${p.first} ${p.last}`, p.photoConsent])).toEqual([
      ['Amelia Hughes', true],
      ['Oliver Bennett', false],
    ]);
    expect(r.rowsRead).toBe(2);
    expect(english(r.notes.find((n) => n.code === 'group-kept'))).toBe('Only class “4W” is read (column “Reg Group”, C: 2 rows); the other 3 rows (“4O”, “5B”, and rows with no class) were left out and are not kept.');
  });

  it('refuses a row out of line by its own number, however the class chosen filters the rows (a tester: a shifted row\'s "missing cells" was said of the staff row after it, "( have no cell)", and the shifted row\'s consent offered as a class)', () => {
    const shifted = 'Forename,Surname,Class,Photo consent\nAmelia,Jones,Year 3,Yes\nCharlie,Year 3,Yes\nMs,Hughes,Year 3,No\nNoah,Williams,Year 3,Yes\n';
    for (const group of [undefined, 'Year 3']) {
      const r = parseRosterCsv(shifted, false, false, group ? { group } : {});
      expect(r.groups, 'a shifted row’s “Yes” is no class').toBeUndefined();
      const missing = r.problems.filter((p) => p.code === 'missing-cells');
      expect(missing.map((p) => p.row)).toEqual([3]);
      expect(english(missing[0])).toMatch(/^This row has 3 cells but there are 4 headings \(“Photo consent” has no cell\)/);
      expect(r.notes.map((n) => n.code)).toContain('staff-row');
      expect(r.notes.map((n) => n.code)).not.toContain('group-kept'); // no other class: nothing left out to tell of
    }
  });

  it('names a class no row has, listing the classes, and reads nothing', () => {
    const r = parseRosterCsv(CSV, false, false, { group: '6Z' });
    expect(r.ok).toBe(false);
    expect(r.pupils).toEqual([]);
    expect(withEnglish(r.problems)).toEqual([{ row: 1, code: 'group-not-found', data: ['6Z', '4W\n4O\n5B', '3', 'Reg Group', 'C'], message: 'No row\'s class is “6Z”: the classes in column “Reg Group” (C) are “4W”, “4O”, “5B”. Choose one of them.' }]);
  });

  it('a class chosen for a file with no class column is a problem, not ignored', () => {
    const r = parseRosterCsv('Forename,Surname,Photo consent\nAmelia,Hughes,Yes\n', false, false, { group: '4W' });
    expect(r.ok).toBe(false);
    expect(r.problems[0]?.code).toBe('group-not-found');
  });

  it('still checks the kept rows: a bad row of the chosen class refuses the file, one of another class does not', () => {
    const withBad = 'Forename,Surname,Form,Photo consent\nAmelia,Hughes,4W,Yes\nOliver,Bennett,4O,Maybe\n';
    expect(parseRosterCsv(withBad, false, false, { group: '4W' }).ok).toBe(true);
    expect(parseRosterCsv(withBad, false, false, { group: '4O' }).problems.map((p) => p.code)).toEqual(['not-yes-no']);
  });
});

describe('guard roster read --group and guard check --group', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guard-group-'));
  const path = join(dir, 'school.csv');
  writeFileSync(path, CSV);
  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await runGuard(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) }, (await import('node:stream')).Readable.from(['Well done Grace Taylor']));
    return { code, out, err };
  };

  it('reads one class, refuses without it, and says what is wrong with a bad --group', async () => {
    const refused = await run('roster', 'read', path);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('--group and one of: “4W” (2 rows)');
    const kept = await run('roster', 'read', path, '--group', '4W');
    expect(kept.code).toBe(0);
    expect(JSON.parse(kept.out).map((p: { first: string }) => p.first)).toEqual(['Amelia', 'Oliver']);
    expect(kept.err).toContain('Note: Only class “4W” is read');
    expect((await run('roster', 'read', '--group', '6Z', path)).code).toBe(1);
    expect((await run('roster', 'read', path, '--group', '')).code).toBe(2);
    expect((await run('roster', 'read', path, '--grop', '4W')).code).toBe(2);
  });

  it('checks against the chosen class only', async () => {
    const r = await run('check', '--policy', 'bentley-new-village', '--channel', 'class-story', '--at', '2026-11-24T10:15:00Z', '--roster', path, '--group', '4O', '--tag', 'Grace Taylor', '--media');
    expect(r.err).toContain('Only class “4O” is read');
    expect(r.out).not.toContain('is not on the class roster');
    const without = await run('check', '--policy', 'bentley-new-village', '--channel', 'class-story', '--group', '4O');
    expect(without.code).toBe(2);
  });
});

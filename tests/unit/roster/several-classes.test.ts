/**
 * Probe 19f M2: a file whose class, registration, form or tutor group column holds more than one group is
 * several classes or a whole-school export. It is refused, naming the column and listing the groups, never
 * imported as one class (a roster keeps one class's pupils on a teacher's computer).
 */
import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../../lib/roster/csv';
import { rosterSummary } from '../../../lib/roster/summary';
import { EN, english } from './english';
import { messagesOf } from '../../../cli/catalog';
import { problemText } from '../../../lib/i18n/roster';

describe('a file holding several classes', () => {
  it.each(['Reg Group', 'Form', 'Class', 'Tutor Group', 'Year/Class', 'Registration group', 'Form Tutor Group'])('is refused when its “%s” column holds two groups, with the groups listed', (heading) => {
    const r = parseRosterCsv(`Forename,Surname,${heading},Photo consent\nAmelia,Hughes,4W,Yes\nOliver,Bennett,4W,No\nGrace,Taylor,4O,Yes\n`);
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(1);
    const problem = r.problems[0]!;
    expect(problem.code).toBe('several-classes');
    expect(problem.data).toEqual([heading, 'C', '2', '4W\n4O']);
    expect(english(problem)).toContain(`Column “${heading}” (C) holds 2 different classes (“4W”, “4O”): this file looks like several classes, or the whole school's export.`);
    // A class to choose, not a row to mend: no "Row 1:", no rows refused, no pupils counted above "Nothing was read".
    const summary = rosterSummary(r, 'x.csv', EN);
    expect(summary).toContain('  Rows read: 3.');
    expect(summary).toContain('  Nothing was read from this file: see why above.');
    expect(summary.join('\n')).not.toMatch(/Row 1|Pupils: |Rows refused|fix the rows|below/);
  });

  it('says in Welsh how many, mutated after two ("2 ddosbarth", "3 dosbarth")', () => {
    const cy = messagesOf('cy');
    const two = parseRosterCsv('Forename,Surname,Class\nAmelia,Hughes,4W\nGrace,Taylor,4O\n').problems[0]!;
    expect(problemText(two, cy)).toContain('yn dal 2 ddosbarth gwahanol');
    const three = parseRosterCsv('Forename,Surname,Class\nAmelia,Hughes,4W\nGrace,Taylor,4O\nOliver,Bennett,4P\n').problems[0]!;
    expect(problemText(three, cy)).toContain('yn dal 3 dosbarth gwahanol');
  });

  it('lists a dozen groups of a whole-school export, and says how many there are', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `Pupil,Number${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))},Y${Math.floor(i / 4)},Yes`).join('\n');
    const r = parseRosterCsv(`Forename,Surname,Reg Group,Photo consent\n${rows}\n`);
    expect(r.problems[0]!.code).toBe('several-classes');
    expect(r.problems[0]!.data![2]).toBe('15');
    expect(english(r.problems[0]!)).toContain('“Y11”, … (15 in all)');
  });

  it('reads one class: one group (written the same or in other case), blanks ignored, and a year group column with two years (a mixed-age class)', () => {
    const r = parseRosterCsv('Forename,Surname,Reg Group,Year Group,Photo consent\nAmelia,Hughes,4W,3,Yes\nOliver,Bennett,4w,4,No\nGrace,Taylor,,4,Yes\n');
    expect(r.ok).toBe(true);
    expect(r.pupils).toHaveLength(3);
    expect(r.ignored).toContain('Reg Group');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../../lib/roster/csv';
import { english } from './english';

// Probe 19 L3: a class list with its teacher on a row ("Teacher, Ms Carter") imported her as a pupil called "Ms Carter".
describe('a member of staff on the class list', () => {
  it('is left out, and the note names the row (the probe’s file)', () => {
    const r = parseRosterCsv(readFileSync(new URL('../../fixtures/rosters/teacher-row.csv', import.meta.url), 'utf8'));
    expect(r.problems).toEqual([]);
    expect(r.pupils.map((p) => `${p.first} ${p.last}`)).toEqual(['Amelia Hughes', 'Oliver Bennett']);
    const note = r.notes.find((n) => n.code === 'staff-row');
    expect(english(note)).toBe('Row 3 (“Teacher Ms Carter”) names a member of staff (a title such as Ms or Mr), not a pupil, and was not read.');
  });

  it('knows each title, with or without a full stop, as the first name or in one name column', () => {
    const r = parseRosterCsv('Forename,Surname\nMr,Jones\nMrs. Patel,Office\nMiss Evans,TA\nDr Rhys,Head\nMx Lee,Support\nAmelia,Hughes\n');
    expect(r.pupils.map((p) => p.first)).toEqual(['Amelia']);
    expect(r.notes.find((n) => n.code === 'staff-row')?.data[0]).toBe('5');
    expect(parseRosterCsv('Name\nMs Carter\nAmelia Hughes\n').pupils.map((p) => p.first)).toEqual(['Amelia']);
  });

  it('pupils whose names begin with the same letters are pupils', () => {
    const r = parseRosterCsv('Forename,Surname\nMrinalini,Das\nMisty,Evans\nDrew,Mills\nMsizi,Dube\n');
    expect(r.pupils.map((p) => p.first)).toEqual(['Mrinalini', 'Misty', 'Drew', 'Msizi']);
    expect(r.notes.map((n) => n.code)).not.toContain('staff-row');
  });
});

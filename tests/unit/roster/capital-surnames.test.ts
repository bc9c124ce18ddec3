import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../../lib/roster/csv';

// Each name read alone (a roster refuses a pupil twice).
const split = (...names: string[]) => names.map((n) => parseRosterCsv(`Pupil Name,Photo consent\n"${n}",yes\n`).pupils.map((p) => [p.first, p.last])[0]);

// Probe 19 H4: SIMS and Arbor print the surname in capitals in a one-column name ("HUGHES Amelia", "Mary Jane
// WATSON"). The first word was taken as the first name and the whole then title-cased, which lost the clue: Amelia
// became the surname. The words in capitals are the surname now, read before title case.
describe('a surname in capitals in one name column', () => {
  it('reads "Forename SURNAME" and "SURNAME Forename", with particles kept in the surname (the probe’s file)', () => {
    const r = parseRosterCsv(readFileSync(new URL('../../fixtures/rosters/surname-in-capitals.csv', import.meta.url), 'utf8'));
    expect(r.problems).toEqual([]);
    expect(r.pupils.map((p) => [p.first, p.last])).toEqual([['Amelia', 'Hughes'], ['Mary Jane', 'Watson'], ['Siân', 'ap Rhys'], ['Maria', 'de la Cruz']]);
    // Not a guess, so not said to be one.
    expect(r.notes.map((n) => n.code)).not.toContain('name-split');
  });

  it('reads the surname first in SIMS style, with apostrophes, hyphens and a lower-case particle', () => {
    expect(split('HUGHES Amelia', "O'NEILL Niamh", 'SMITH-WALKER Jayden Lee', 'AP RHYS Siân', 'Siân ap RHYS', 'Maria de la CRUZ')).toEqual([
      ['Amelia', 'Hughes'], ['Niamh', "O'Neill"], ['Jayden Lee', 'Smith-Walker'], ['Siân', 'ap Rhys'], ['Siân', 'ap Rhys'], ['Maria', 'de la Cruz'],
    ]);
  });

  it('an initial is part of the forenames, not a surname in capitals', () => {
    expect(split('Amelia J HUGHES', 'HUGHES Amelia J')).toEqual([['Amelia J', 'Hughes'], ['Amelia J', 'Hughes']]);
  });

  // The clean twins: names the capitals do not tell about are read as before.
  it('leaves names in capitals throughout, or with none, or with two-letter initials first, as before', () => {
    expect(split('AMELIA HUGHES', 'Amelia Hughes', "Niamh O'Neill", 'Jayden Smith-Walker', 'AJ Smith', 'Hughes Amelia')).toEqual([
      ['Amelia', 'Hughes'], ['Amelia', 'Hughes'], ['Niamh', "O'Neill"], ['Jayden', 'Smith-Walker'], ['AJ', 'Smith'], ['Hughes', 'Amelia'],
    ]);
    // Capitals in the middle tell nothing: the first word is the first name, as before, and the split is said to be a guess.
    const middle = parseRosterCsv('Pupil Name\nMary WATSON Jane\n');
    expect(middle.pupils.map((p) => [p.first, p.last])).toEqual([['Mary', 'WATSON Jane']]);
    expect(middle.notes.map((n) => n.code)).toContain('name-split');
  });

  it('still reads "Surname, Forename", capitals or not', () => {
    expect(split('HUGHES, Amelia', 'Hughes, Amelia', 'DE LA CRUZ, Maria Jose')).toEqual([['Amelia', 'Hughes'], ['Amelia', 'Hughes'], ['Maria Jose', 'de la Cruz']]);
  });
});

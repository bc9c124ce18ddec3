import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../../lib/roster/csv';
import { rosterSummary } from '../../../lib/roster/summary';
import { EN, english } from './english';

// Probe 19e D11: a general photo refusal over another column's yes was applied but not named in the preview,
// though the README says the preview says which pupils. Now every such pupil is named, with the columns.

const noteOf = (csv: string, code: string) => parseRosterCsv(csv).notes.find((n) => n.code === code);

describe('a yes in one photo consent column and a refusal in another', () => {
  it('an opt-out beside a consent column: the refusal is read, and the pupil and both columns are named', () => {
    const csv = 'Surname,Forename,Photo Opt Out,Photos on ClassDojo\nHughes,Amelia,Y,Yes\nJones,Tomos,N,No\nBegum,Aisha,N,Yes\n';
    const r = parseRosterCsv(csv);
    expect(r.pupils.map((p) => p.photoConsent)).toEqual([false, false, true]);
    const note = noteOf(csv, 'yes-under-refusal')!;
    expect(note.data[0]).toBe('2');
    expect(note.data[1]).toBe('Amelia Hughes\t2\t1\t“Photos on ClassDojo” (D)\t“Photo Opt Out” (C)\nTomos Jones\t3\t1\t“Photo Opt Out” (C)\t“Photos on ClassDojo” (D)');
    expect(english(note)).toContain(': Amelia Hughes (row 2: photos allowed in “Photos on ClassDojo” (D), refused in “Photo Opt Out” (C)); Tomos Jones (row 3: photos allowed in “Photo Opt Out” (C), refused in “Photos on ClassDojo” (D)). The refusal is read');
    // The preview and `guard roster read` print the reader's notes.
    expect(rosterSummary(r, 'f.csv', EN).join('\n')).toContain('2 pupils have photos allowed in one photo consent column and refused in another: Amelia Hughes (row 2');
  });

  it('two consent columns that disagree are named the same way; a yes later withdrawn (a date) is named by its own note', () => {
    const two = noteOf('First name,Surname,Photo consent,Media consent\nAmelia,Hughes,Yes,No\n', 'yes-under-refusal');
    expect(two?.data[1]).toBe('Amelia Hughes\t2\t1\t“Photo consent” (C)\t“Media consent” (D)');
    expect(english(two)).toContain('A pupil has photos allowed in one photo consent column and refused in another: Amelia Hughes (row 2: photos allowed in “Photo consent” (C), refused in “Media consent” (D)). The refusal');
    const csv = 'First name,Surname,Photo consent,Photo consent withdrawn\nAmelia,Hughes,Yes,03/10/2025\nTom,Jones,Yes,\n';
    expect(noteOf(csv, 'yes-under-refusal')).toBeUndefined();
    expect(english(noteOf(csv, 'opt-out-date'))).toContain('Amelia Hughes');
    // A written "Y" in the withdrawal column beside a yes is a disagreement, and named.
    expect(noteOf('First name,Surname,Photo consent,Photo consent withdrawn\nAmelia,Hughes,Yes,Y\n', 'yes-under-refusal')?.data[0]).toBe('1');
  });

  it('columns that agree, or a refusal with nothing beside it, are not named', () => {
    expect(noteOf('First name,Surname,Photo consent,Photo opt-out\nAmelia,Hughes,No,Y\nTom,Jones,Yes,N\nSian,Evans,No,\n', 'yes-under-refusal')).toBeUndefined();
  });

  it('every pupil is named, not the first five', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `Pupil${String.fromCharCode(65 + i)},Hughes,No,Yes`).join('\n');
    const r = parseRosterCsv(`First name,Surname,Photo consent,Class Story\n${rows}\n`);
    const channel = r.notes.find((n) => n.code === 'channel-under-refusal')!;
    expect(channel.data[0]).toBe('8');
    expect(channel.data[1]!.split('\n')).toHaveLength(8);
    expect(english(channel)).not.toContain('…');
    expect(english(channel)).toContain('PupilH Hughes (row 9)');
  });
});

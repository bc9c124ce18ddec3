/**
 * Headings as schools, forms and management systems word them, read by their words (lib/roster/headers.ts):
 * which way round a photo column goes, in-care columns by their abbreviations, name columns with qualifiers
 * and "Child"/"Pupil" prefixes, and a heading row found even when its name headings are not known (refused
 * by name, never read as a pupil). From probe 19c (D1-D4, D7-D9); each case has a clean twin that must
 * still import.
 */
import { describe, expect, it } from 'vitest';
import { cellConsent, inCareCellBool, parseRosterCsv } from '../../../lib/roster/csv';
import { fieldOf, headingMeaning, headingScore, isHeadingWord } from '../../../lib/roster/headers';
import { rosterSummary } from '../../../lib/roster/summary';
import { EN, english } from './english';

const pupilsOf = (csv: string) => {
  const r = parseRosterCsv(csv);
  return { r, rows: r.pupils.map((p) => [`${p.first} ${p.last}`, p.photoConsent, p.inCare]) };
};

describe('a photo heading with any word of refusal is an opt-out (D1)', () => {
  it.each([
    'Photos not allowed',
    'Not to be photographed',
    'Photography - not permitted',
    'Without photo consent',
    'Photo ban',
    'Images prohibited',
    'Keep out of photos',
    'Parent says no photos',
    'No to photos',
    'Photos: never',
    'Photo consent refused',
    'Media consent declined',
    'Exclude from photos',
    'Photo permission withdrawn',
    'Do NOT photograph (Y/N)',
    'Pictures forbidden',
    'Avoid photographing',
    'Images - withhold',
    'Dim lluniau',
  ])('“%s” is read as an opt-out (Y = no photos)', (heading) => expect(fieldOf(heading)).toBe('optOut'));

  it.each(['Photo consent', 'Photos allowed', 'Photography permitted', 'Happy for photos', 'Photo consent (Yes/No)', 'Photo consent (Y/N)', 'Images OK', 'Photographs (Internal)', 'Photos', 'Media - ClassDojo', 'Caniatâd lluniau', 'Lluniau', 'Ffotograffau', 'Photo opt-in', 'Publish photos', 'Can we photograph your child?'])(
    'its clean twin “%s” is still consent',
    (heading) => expect(fieldOf(heading)).toBe('consent'),
  );

  it('a photo heading that cannot be told either way is refused by column, never read as consent', () => {
    for (const h of ['Photo instructions', 'Media preference', 'Do you consent to photos? We will not share them outside school']) {
      expect(headingMeaning(h), h).toEqual({ concern: 'photo-unclear' });
    }
    const r = parseRosterCsv('Forename,Surname,Photo instructions,Looked After\nAmelia,Hughes,Y,N\n');
    expect(r.ok).toBe(false);
    expect(r.pupils).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ row: 1, code: 'unclear-heading', data: ['Photo instructions', 'C'] })]);
    expect(english(r.problems[0]!)).toMatch(/“Photo consent” \(yes = photos allowed\) or “Photo opt-out” \(yes = no photos\)/);
  });

  it('Y under “Photos not allowed” is a refusal and N consent, in the reader the options page and the CLI share', () => {
    const { r, rows } = pupilsOf('Forename,Surname,Photos not allowed,Looked After\nAmelia,Hughes,Y,N\nArjun,Patel,N,N\nAisha,Begum,,N\n');
    expect(r.ok).toBe(true);
    expect(rows).toEqual([
      ['Amelia Hughes', false, false],
      ['Arjun Patel', true, false],
      ['Aisha Begum', null, false],
    ]);
    expect(rosterSummary(r, 'f.csv', EN).join('\n')).toContain('C “Photos not allowed” → photo opt-out (yes means no photos)');
  });

  it('a heading about consent to something else is not photo consent, and says so rather than “not needed”', () => {
    const { r, rows } = pupilsOf('Forename,Surname,Photo consent,Trip consent\nAmelia,Hughes,Yes,No\n');
    expect(rows).toEqual([['Amelia Hughes', true, false]]);
    expect(r.ignored).toEqual([]);
    expect(r.notes).toContainEqual(expect.objectContaining({ code: 'not-an-answer', data: ['Trip consent', 'D', 'consent-other'] }));
  });
});

describe('a heading’s own legend says which way round it goes', () => {
  it.each([
    ['Photos (Y = do not photograph)', 'optOut'],
    ['Photos (N = photos OK)', 'optOut'],
    ['Photo opt-out (Y = no photos)', 'optOut'],
    ['Photo consent (N = no photos)', 'consent'],
    ['Photo consent (Y = yes, N = no)', 'consent'],
    ['Media (Y: consent given; N: refused)', 'consent'],
    ['Permission to photograph: No/Yes', 'consent'],
    ['Photo consent (Yes / No / Not returned)', 'consent'],
  ])('“%s” is %s', (heading, field) => expect(fieldOf(heading)).toBe(field));

  it('reads Y under “Photos (Y = do not photograph)” as a refusal', () => {
    expect(pupilsOf('Forename,Surname,Photos (Y = do not photograph)\nAmelia,Hughes,Y\nArjun,Patel,N\n').rows.map((p) => p[1])).toEqual([false, true]);
  });
});

describe('in-care columns by LAC, CLA, CiC, foster, looked after or in care anywhere in the heading (D2)', () => {
  it.each(['Care status (LAC)', 'LAC/PLAC', 'CLA/CP', 'Child in need / LAC', 'Foster Care', 'Plentyn mewn gofal', "Plentyn sy'n derbyn gofal", 'Is your child looked after by the local authority?', 'Looked-after child', 'In LA care?', 'Fostered (Y/N)', 'LAC flag'])(
    '“%s” is the in-care column',
    (heading) => expect(fieldOf(heading)).toBe('inCare'),
  );

  it.each(['After School Care', 'Childcare', 'Health care plan', 'Medical care needs', 'Carer email', 'Parent/Carer name', 'Child protection (CP)', 'Child in need'])('“%s” is not', (heading) => {
    expect(fieldOf(heading)).not.toBe('inCare');
  });

  it('PLAC alone (previously looked after) is not in care, and the preview says why instead of “not needed”', () => {
    expect(headingMeaning('PLAC')).toEqual({ concern: 'plac' });
    expect(headingMeaning('Previously looked after')).toEqual({ concern: 'plac' });
    expect(headingMeaning('Post-LAC')).toEqual({ concern: 'plac' });
    // With the looked-after children in the same column, it is the in-care column (the stricter reading).
    expect(fieldOf('LAC / Post-LAC')).toBe('inCare');
    const { r, rows } = pupilsOf('Forename,Surname,Photo Consent,Looked After,PLAC\nAmelia,Hughes,Yes,N,Y\nArjun,Patel,Yes,Y,N\n');
    expect(rows).toEqual([
      ['Amelia Hughes', true, false],
      ['Arjun Patel', true, true],
    ]);
    expect(r.ignored).toEqual([]);
    expect(english(r.notes.find((n) => n.code === 'not-an-answer'))).toMatch(/^“PLAC” \(E\) is not read: previously looked-after children .* are not in care/);
  });

  it('a cell that names the status (“LAC”, “Looked after”) is in care; “PLAC” is not; anything else is asked about', () => {
    for (const v of ['LAC', 'CLA', 'Looked after', 'In care', 'Foster care', 'Yes', 'Y']) expect(inCareCellBool(v), v).toBe(true);
    for (const v of ['PLAC', 'Previously looked after', 'No', '']) expect(inCareCellBool(v), v).toBe(false);
    for (const v of ['Maybe', 'Kinship?']) expect(inCareCellBool(v), v).toBeUndefined();
    expect(pupilsOf('Forename,Surname,Photo consent,LAC/PLAC\nAmelia,Hughes,Yes,LAC\nArjun,Patel,Yes,PLAC\nAisha,Begum,Yes,\n').rows.map((p) => p[2])).toEqual([true, false, false]);
  });

  it('a yes under “Care status (LAC)” puts the pupil in care', () => {
    expect(pupilsOf('Forename,Surname,Photo Consent,Care status (LAC)\nAmelia,Hughes,Yes,Yes\nArjun,Patel,Yes,No\n').rows).toEqual([
      ['Amelia Hughes', true, true],
      ['Arjun Patel', true, false],
    ]);
  });
});

describe('name headings by their words, and the heading row found by scoring (D3, D8)', () => {
  it.each([
    ['Child First Name', 'first'],
    ['Child Surname', 'last'],
    ["Child's Surname", 'last'],
    ['First name(s)', 'first'],
    ['Surname(s)', 'last'],
    ['Pupil Forename(s)', 'first'],
    ['Given name', 'first'],
    ['Family name', 'last'],
    ['Pupil Known As', 'preferredFirst'],
    ['Preferred First Name(s)', 'preferredFirst'],
    ['Name (Preferred)', 'preferredFirst'],
    ['Name (Legal)', 'full'],
    ['Surname (Legal)', 'legalLast'],
    ['Forename (Preferred)', 'preferredFirst'],
    ['First Name (Legal)', 'legalFirst'],
    ["Child's full name", 'full'],
    ['Name of child', 'full'],
    ['Nickname', 'preferredFirst'],
    ['Goes by', 'preferredFirst'],
    ['Name used', 'preferredFirst'],
    ['Enw a ffefrir', 'preferredFirst'],
    // Probe 19 L2: "the name used", as Welsh registers write it.
    ['Enw a ddefnyddir', 'preferredFirst'],
    ['Enw arferol', 'preferredFirst'],
    ['Enw cyntaf cyfreithiol', 'legalFirst'],
    ['Cyfenw cyfreithiol', 'legalLast'],
  ])('“%s” is the %s', (heading, field) => expect(fieldOf(heading)).toBe(field));

  it.each(['Parent name', 'Name of parent/carer', 'Middle name', 'Class name', 'Teacher name', 'Emergency contact name', 'Name badge printed', 'Timestamp'])('“%s” is not a pupil’s name', (heading) => {
    expect(fieldOf(heading)).toBeUndefined();
  });

  it('reads “Child First Name, Child Surname” with its consent and in-care columns, not by position', () => {
    const { r, rows } = pupilsOf('Child First Name,Child Surname,Photo Consent,Looked After\r\nAmelia,Hughes,No,Yes\r\n');
    expect(r.header).toBe(true);
    expect(rows).toEqual([['Amelia Hughes', false, true]]);
  });

  it('reads “Surname (Legal), Forename (Legal), Forename (Preferred)” the right way round, with the preferred name used', () => {
    const r = parseRosterCsv('Surname (Legal),Forename (Legal),Forename (Preferred),Photo Consent,Looked After\nHughes,Amelia,Millie,Yes,N\nPatel,Arjun,,No,Y\n');
    expect(r.pupils.map((p) => [p.first, p.last, p.legalFirst, p.photoConsent, p.inCare])).toEqual([
      ['Millie', 'Hughes', 'Amelia', true, false],
      ['Arjun', 'Patel', undefined, false, true],
    ]);
  });

  it('refuses a heading row whose name headings are unknown, naming them, and never reads the headings as a pupil', () => {
    const r = parseRosterCsv('Kid,Family,Photo Consent,Looked After\nAmelia,Hughes,No,Yes\n');
    expect(r.ok).toBe(false);
    expect(r.pupils).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 1, code: 'no-name-heading' });
    expect(english(r.problems[0]!)).toContain('“Kid” (A), “Family” (B) are headings Policy Guard does not know');
    expect(english(r.problems[0]!)).toContain('These are the headings (“Photo Consent”, “Looked After” are read)');
    expect(r.ignored).toEqual([]);
    expect(rosterSummary(r, 'k.csv', EN).join('\n')).not.toContain('the checks do not need them');
  });

  it('refuses a first row of headings none of which it knows, rather than read it as a pupil', () => {
    const r = parseRosterCsv('Kid name?,Household surname?,Snap status,Notes\nAmelia,Hughes,OK,\n');
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ row: 1, code: 'unknown-headings' });
    // Its twin, a pasted list of names with no heading row, still reads by position, and says so.
    const pasted = parseRosterCsv('Amelia,Hughes\nArjun,Patel\n');
    expect(pasted.ok).toBe(true);
    expect(pasted.header).toBe(false);
    expect(rosterSummary(pasted, 'p.csv', EN)[0]).toContain('No heading row was found, so the first column is read as the first name and the second as the surname (a pasted list).');
  });

  it('refuses a file with no heading row whose columns past the names hold yes/no answers, rather than drop them', () => {
    const r = parseRosterCsv('Amelia,Hughes,Y,N\nArjun,Patel,N,Y\n');
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ code: 'unknown-headings', data: ['C, D', 'answers', '2'] });
    expect(english(r.problems[0]!)).toMatch(/^The file has no heading row, but columns C, D hold yes\/no answers:/);
    // Its twin: names and a class, no answers, still read by position.
    expect(parseRosterCsv('Amelia,Hughes,3 Oak\nArjun,Patel,3 Oak\n').pupils.map((p) => p.last)).toEqual(['Hughes', 'Patel']);
  });

  it('a pupil called Care, Foster or Photo is a pupil, not a heading row', () => {
    expect(headingScore(['Amelia', 'Foster'])).toBe(0);
    expect(headingScore(['John', 'Care', 'Yes'])).toBe(0);
    expect(isHeadingWord('Foster')).toBe(false);
    expect(isHeadingWord('Child Surname')).toBe(true);
    expect(isHeadingWord('Forename (Legal)')).toBe(true);
    expect(pupilsOf('Forename,Surname,Photo consent\nGrace,Foster,Yes\nJohn,Care,No\n').rows).toEqual([
      ['Grace Foster', true, false],
      ['John Care', false, false],
    ]);
  });

  it('reads a Google Forms consent export: timestamp, “Child’s full name”, and the questions as headings', () => {
    const csv = [
      '"Timestamp","Child\'s full name","Class","Do you consent to photos of your child being shared on ClassDojo?","Is your child looked after by the local authority?"',
      '"2026/09/03 8:14:02 pm GMT+1","Amelia Hughes","3 Oak","No, I do not consent","Yes"',
      '"2026/09/03 9:01:11 pm GMT+1","Arjun Patel","3 Oak","Yes, I consent","No"',
    ].join('\n');
    const { r, rows } = pupilsOf(csv);
    expect(r.problems).toEqual([]);
    expect(rows).toEqual([
      ['Amelia Hughes', false, true],
      ['Arjun Patel', true, false],
    ]);
    expect(r.ignored).toEqual(['Timestamp', 'Class']);
  });

  it('a form whose photo question carries a “not” cannot be read either way, and is refused for that (not for a timestamp)', () => {
    const r = parseRosterCsv('Timestamp,Pupil name,Do you consent to photos? We will not share them outside school.\n2026/09/03 8:14:02,Amelia Hughes,No\n');
    expect(r.problems.map((p) => p.code)).toEqual(['unclear-heading']);
  });
});

describe('a channel’s yes never stands over a general refusal or opt-out (D4)', () => {
  it('reads the refusal for every channel, and says so with the rows', () => {
    const { r, rows } = pupilsOf('Forename,Surname,Photo Consent,Photo Opt Out,Class Story\nArjun,Patel,Yes,Y,Yes\nAmelia,Hughes,No,,Yes\nAisha,Begum,Yes,N,Yes\n');
    const refusedEverywhere = { 'class-story': false, 'school-story': false, 'student-story': false, 'class-chat': false, 'private-chat': false };
    expect(rows[0]![1]).toEqual(refusedEverywhere);
    expect(rows[1]![1]).toEqual(refusedEverywhere);
    // The clean twin: a general yes and a channel yes.
    expect(rows[2]![1]).toEqual({ 'class-story': true, 'school-story': true, 'student-story': true, 'class-chat': true, 'private-chat': true });
    const note = r.notes.find((n) => n.code === 'channel-under-refusal')!;
    expect(note.data).toEqual(['2', 'Arjun Patel\t2\nAmelia Hughes\t3', '“Photo Consent” (C)\n“Photo Opt Out” (D)']);
    expect(english(note)).toContain('2 pupils have a yes for a channel but a refusal in “Photo Consent” (C) and “Photo Opt Out” (D): Arjun Patel (row 2), Amelia Hughes (row 3).');
    expect(rosterSummary(r, 'f.csv', EN).join('\n')).toContain('The refusal is read for every channel');
  });

  it('a channel’s no still stands over a general yes, and a channel yes with no general answer is a yes', () => {
    const { rows } = pupilsOf('Forename,Surname,Photo Consent,Class Story\nAmelia,Hughes,Yes,No\nArjun,Patel,,Yes\n');
    expect((rows[0]![1] as Record<string, unknown>)['class-story']).toBe(false);
    expect((rows[0]![1] as Record<string, unknown>)['school-story']).toBe(true);
    expect((rows[1]![1] as Record<string, unknown>)['class-story']).toBe(true);
  });
});

describe('Welsh registers (D7)', () => {
  it('reads the preferred name, photos and in-care headings in Welsh, and Do/Naddo, Oes/Nac oes, Ie answers', () => {
    const { r, rows } = pupilsOf('Enw cyntaf,Cyfenw,Enw a ffefrir,Lluniau,Plentyn mewn gofal\nGwenllian,Jones,Gwen,Do,Naddo\nDafydd,Williams,Dai,Naddo,Do\nCerys,Evans,,Oes,Nac oes\n');
    expect(r.problems).toEqual([]);
    expect(r.pupils.map((p) => [p.first, p.legalFirst])).toEqual([
      ['Gwen', 'Gwenllian'],
      ['Dai', 'Dafydd'],
      ['Cerys', undefined],
    ]);
    expect(rows.map((p) => [p[1], p[2]])).toEqual([
      [true, false],
      [false, true],
      [true, false],
    ]);
  });

  it('reads “Na” in a Welsh register’s consent column as the Welsh no (a refusal), and says so (probe 19d)', () => {
    const { r, rows } = pupilsOf('Enw cyntaf,Cyfenw,Caniatâd lluniau,Gofal\nGwenllian,Jones,Na,Na\n');
    expect(rows).toEqual([['Gwenllian Jones', false, false]]);
    expect(english(r.notes.find((n) => n.code === 'welsh-na'))).toMatch(/read as a refusal/);
    // In an English register "NA" is still "N/A": not recorded.
    expect(parseRosterCsv('Forename,Surname,Photo consent\nAmelia,Hughes,NA\n').pupils[0]!.photoConsent).toBeNull();
  });

  it('consent for another use of photos (website, prospectus, press, a display, the photographer, another app) is not ClassDojo consent (probe 19d)', () => {
    for (const h of ['Photos for internal display', 'School photographer', 'Website photo consent', 'Photo consent (prospectus)', 'Seesaw photo consent', 'Media - school website']) {
      const r = parseRosterCsv(`Forename,Surname,${h}\nAmelia,Hughes,Yes\n`);
      expect(r.pupils[0]!.photoConsent, h).toBeNull();
    }
    // Beside a ClassDojo consent column, the other use says nothing either way.
    const both = parseRosterCsv('Forename,Surname,Photo consent,Website photo consent\nAmelia,Hughes,Yes,No\n');
    expect(both.pupils[0]!.photoConsent).toBe(true);
  });

  it('a yes with words that may limit it is asked about; words that never limit it are a plain yes (probe 19d)', () => {
    for (const v of ['Yes - with restrictions', 'Y (restrictions)', 'Yes - w/ restrictions', 'Yes (exc. website)', 'Yes for website']) {
      expect(parseRosterCsv(`Forename,Surname,Photo consent\nAmelia,Hughes,${JSON.stringify(v)}\n`).pupils, v).toEqual([]);
    }
    for (const v of ['Yes - all media', 'Given 01/09/2025', 'Yes, I consent', 'Yes - form signed Sept 2025']) {
      expect(parseRosterCsv(`Forename,Surname,Photo consent\nAmelia,Hughes,${JSON.stringify(v)}\n`).pupils[0]?.photoConsent, v).toBe(true);
    }
  });

  it('“Not looked after”, “Non-LAC”, “Not in care” are not in care (probe 19d)', () => {
    for (const v of ['Not looked after', 'Not in care', 'Non-LAC', 'Not LAC', 'Not CLA']) {
      const r = parseRosterCsv(`Forename,Surname,Photo consent,Looked after\nAmelia,Hughes,Yes,${v}\n`);
      expect(r.pupils[0]?.inCare, v).toBe(false);
    }
    expect(parseRosterCsv('Forename,Surname,Photo consent,Looked after\nAmelia,Hughes,Yes,LAC\n').pupils[0]?.inCare).toBe(true);
  });

  it('“Not granted” and “Withheld” are refusals; Section 20 is in care, a child in need or an SGO is not (probe 19d)', () => {
    for (const v of ['Not granted', 'Withheld', 'Not agreed']) expect(parseRosterCsv(`Forename,Surname,Photo consent\nAmelia,Hughes,${v}\n`).pupils[0]?.photoConsent, v).toBe(false);
    const care = (v: string) => parseRosterCsv(`Forename,Surname,Photo consent,Looked after\nAmelia,Hughes,Yes,${v}\n`).pupils[0]?.inCare;
    for (const v of ['S20', 'Section 20']) expect(care(v), v).toBe(true);
    for (const v of ['Child in need', 'CIN', 'SGO']) expect(care(v), v).toBe(false);
  });

  it('a blank opt-out cell beside an explicit consent yes does not unset it (probe 19d)', () => {
    const r = parseRosterCsv('Forename,Surname,Photo consent,Photo restrictions\nAmelia,Hughes,Y,\nLeo,Wright,Y,Yes\n');
    expect(r.pupils.map((p) => p.photoConsent)).toEqual([true, false]);
    // The opt-out column alone, blank: not recorded.
    expect(parseRosterCsv('Forename,Surname,No photos\nAmelia,Hughes,\n').pupils[0]!.photoConsent).toBeNull();
  });

  it('asks for the Welsh answers too when a Welsh register has an answer it cannot read', () => {
    const r = parseRosterCsv('Enw cyntaf,Cyfenw,Lluniau\nGwenllian,Jones,Efallai\n');
    expect(english(r.problems[0]!)).toContain('(in Welsh: ie or na, oes or nac oes, do or naddo, ydy or nac ydy)');
    // An English register is not told about Welsh answers.
    expect(english(parseRosterCsv('Forename,Surname,Photo consent\nAmelia,Hughes,Maybe\n').problems[0]!)).not.toContain('Welsh');
  });
});

describe('low ones (D9)', () => {
  it('“Y - see note” and “Yes*” are asked about and say why; a plain yes is still a yes', () => {
    for (const v of ['Y - see note', 'Yes*', 'Yes (see office)', 'Y - ask office', 'Yes, conditions apply']) expect(cellConsent(v), v).toBeUndefined();
    for (const v of ['Y', 'Yes', 'Yes - all media']) expect(cellConsent(v), v).toBe(true);
    const r = parseRosterCsv('Forename,Surname,Photo consent\nAmelia,Hughes,Y - see note\n');
    expect(english(r.problems[0]!)).toContain('It is a yes with a limit, a condition or a note');
  });

  it('“Media Consent Received” is not read as consent, and the preview says why', () => {
    const { r, rows } = pupilsOf('Forename,Surname,Media Consent Received,Photo consent given?\nAmelia,Hughes,Y,N\nArjun,Patel,Y,Y\n');
    expect(rows.map((p) => p[1])).toEqual([false, true]);
    expect(r.ignored).toEqual([]);
    expect(english(r.notes.find((n) => n.code === 'not-an-answer'))).toMatch(/^“Media Consent Received” \(C\) is not read: .*whether a form came back/);
  });
});

/**
 * Probe 19f L8 / issue 19: consent words read one way everywhere. "Form not returned" refused the whole file while
 * "No reply" was not recorded; "Opted out" in a consent column refused the file rather than being a refusal; Welsh
 * phrases beyond the yes/no words ("Gwrthodwyd", "Heb ei dderbyn", "Caniatâd wedi'i roi") were not read. Every
 * cell is given, refused or not recorded, or the file is refused naming the cell: never a guess.
 */
import { describe, expect, it } from 'vitest';
import { consentPhrase } from '../../../lib/roster/consent-words';
import { cellConsent, parseRosterCsv } from '../../../lib/roster/csv';
import { withEnglish } from './english';

const GIVEN = ['Yes', 'Y', 'y', '✓', '✔', 'TRUE', '1', 'Consented', 'Given', 'Granted', 'Agreed', 'Consent given', 'Yes - 01/09/2025', 'Given 1st Sept 2025',
  'Ie', 'Oes', 'Do', 'Ydw', 'Ydy', 'Rhoddwyd', 'Caniatâd wedi’i roi', "Caniatad wedi'i roi", 'Wedi cytuno', 'Cytuno', 'Wedi rhoi', 'Parent agreed'];
const REFUSED = ['No', 'N', '✗', '✘', 'FALSE', '0', 'Refused', 'Withdrawn', 'Not given', 'Consent withdrawn', 'Opted out', 'Opted-out', 'Opt out', 'OPT OUT',
  'Opted out 03/10/2025', 'Opted out by parent', 'Declined', 'Denied', 'No consent', 'Consent refused', 'Permission refused', 'Objected', 'Parent refused',
  'Refused by parent', 'Does not consent', "Doesn't consent", 'No photos', 'Nac oes', 'Naddo', 'Nac ydw', 'Nac ydy', 'Gwrthodwyd', 'Wedi gwrthod',
  'Tynnwyd yn ôl', 'Dim caniatâd', 'Heb ei roi', 'Ddim yn cytuno', 'Gwrthodwyd gan y rhiant'];
const NOT_RECORDED = ['', '   ', 'Not recorded', 'Unknown', 'Awaiting', 'Awaiting form', 'Form not returned', 'Consent form not returned', 'Not returned',
  'Form Not Returned', 'No reply', 'No response', 'No answer', 'Pending', 'TBC', 'Not asked', 'N/A', 'Not yet received', 'Form not received', 'Missing form',
  'Form missing', 'No form returned', 'Outstanding', 'Chased', 'Sent home', 'Not completed', 'Unanswered', 'Not known', 'Not given yet',
  'Dim ateb', 'Heb ateb', 'Anhysbys', 'Heb ei gofnodi', 'Heb ei dderbyn', 'Ffurflen heb ei dychwelyd', 'Yn aros', 'Aros', "I'w gadarnhau"];
// Written, but none of the three: asked about, never guessed.
const UNREADABLE = ['Maybe', 'See note', 'x', 'Yes - internal only', 'Yes (not social media)', 'Opted out - but OK for Class Story', 'Noah', 'Happy-ish', 'Refused?*'];

describe('a consent cell', () => {
  it.each(GIVEN)('“%s” is consent given', (cell) => expect(cellConsent(cell)).toBe(true));
  it.each(REFUSED)('“%s” is consent refused', (cell) => expect(cellConsent(cell)).toBe(false));
  it.each(NOT_RECORDED)('“%s” is consent not recorded', (cell) => expect(cellConsent(cell)).toBeNull());
  it.each(UNREADABLE)('“%s” is none of the three, so it is asked about', (cell) => expect(cellConsent(cell)).toBeUndefined());

  it('a phrase is read only as the whole cell, with a date or who said it after it', () => {
    expect(consentPhrase('Opted out on 3 Oct 2025 by mum')).toBe(false);
    expect(consentPhrase('Form not returned - chased twice')).toBeUndefined();
    expect(consentPhrase('Not returned')).toBeNull();
    expect(consentPhrase('Photo consent: form not returned')).toBeNull();
    // A longer phrase wins over the shorter one it starts with.
    expect(consentPhrase('Not given yet')).toBeNull();
  });

  it('the three lists never disagree on a phrase', () => {
    const seen = new Map<string, unknown>();
    for (const [cells, want] of [[GIVEN, true], [REFUSED, false], [NOT_RECORDED, null]] as const) {
      for (const c of cells) {
        const key = c.trim().toLowerCase();
        expect(seen.has(key) ? seen.get(key) : want, c).toBe(want);
        seen.set(key, want);
      }
    }
  });
});

describe('a register using them', () => {
  it('is read, every pupil in one of the three states (the words that refused the file before included)', () => {
    const r = parseRosterCsv(
      'Forename,Surname,Photo consent\nAmelia,Hughes,Form not returned\nOliver,Bennett,Opted out\nGrace,Taylor,Caniatâd wedi’i roi\nNoah,Wilson,Heb ei dderbyn\nIvy,Evans,Gwrthodwyd\n',
    );
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.pupils.map((p) => [p.first, p.photoConsent])).toEqual([
      ['Amelia', null],
      ['Oliver', false],
      ['Grace', true],
      ['Noah', null],
      ['Ivy', false],
    ]);
  });

  it('with a cell it cannot read is refused, saying what the cell would have to say, never guessed', () => {
    const r = parseRosterCsv('Forename,Surname,Photo consent\nAmelia,Hughes,Yes\nOliver,Bennett,Maybe\n');
    expect(r.ok).toBe(false);
    expect(withEnglish(r.problems)).toEqual([
      {
        row: 3,
        code: 'not-yes-no',
        data: ['consent', 'Maybe', '', ''],
        message: 'Photo consent says “Maybe”: Policy Guard cannot tell whether that is consent given, refused or not recorded, and does not guess: write yes (given), no (refused, withdrawn or opted out), or leave it empty (not recorded).',
      },
    ]);
  });
});

// Probe 19 M2: "No objection" was read by its first word, "No", as a refusal; it means consent given. So do the
// phrases like it: an objection, an opt-out or a restriction denied.
describe('a consent cell that denies an objection', () => {
  const NO_OBJECTION = ['No objection', 'No Objections', 'no objection raised', 'No objection from parent', 'No objection 03/09/2025', 'Not opposed', 'Does not object',
    "Doesn't object", 'Parent has no objection', 'Parents have no objection', 'No opt-out', 'No opt out', 'Not opted out', 'No restrictions', 'Photo consent: no objection',
    'Dim gwrthwynebiad', 'Dim gwrthwynebiadau', 'Heb wrthwynebiad', 'Ddim yn gwrthwynebu', "Nid yw'n gwrthwynebu", 'Heb optio allan'];
  it.each(NO_OBJECTION)('“%s” is consent given', (cell) => expect(cellConsent(cell)).toBe(true));

  it('an objection itself, a plain no and a no with more to say are still refusals', () => {
    for (const cell of ['Objection', 'Objected', 'No', 'No - withdrawn', 'No objection - withdrawn', 'Opted out', 'Gwrthodwyd']) expect(cellConsent(cell), cell).toBe(false);
  });

  it('in a roster: the pupil with no objection is given, the others as written', () => {
    const r = parseRosterCsv('Forename,Surname,Photo consent\nAmelia,Hughes,No objection\nOliver,Bennett,No\nRhys,Evans,Objection\n');
    expect(r.problems).toEqual([]);
    expect(r.pupils.map((p) => p.photoConsent)).toEqual([true, false, false]);
  });
});

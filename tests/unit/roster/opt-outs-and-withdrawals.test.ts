/**
 * Registers written the other way round (opt-outs, restrictions, refusals), yeses since taken back, columns
 * about consent that are not answers, in-care headings by other names, and Welsh headings with accents.
 * A pupil without consent must never be read as consenting.
 */
import { describe, expect, it } from 'vitest';
import { fieldOf } from '../../../lib/roster/headers';
import { cellConsent, optOutConsent, parseRosterCsv } from '../../../lib/roster/csv';
import { english } from './english';

const consentOf = (csv: string) => {
  const r = parseRosterCsv(csv);
  return { ok: r.ok, pupils: r.pupils.map((p) => [p.first, p.photoConsent, p.inCare]), problems: r.problems.map((p) => p.code) };
};

describe('opt-out and restriction columns', () => {
  it.each(['Photo Opt Out', 'No Photos', 'Do Not Photograph', 'Media Restrictions', 'Photo Refusal', 'Withhold Image', 'Photo Consent Withdrawn', 'Opted out of photos (Y/N)', "Don't photograph"])(
    '“%s” is read as an opt-out',
    (heading) => expect(fieldOf(heading)).toBe('optOut'),
  );

  it('reads Y as a refusal, N as consent, empty as not recorded, and a restriction written in as a refusal', () => {
    const r = consentOf('Forename,Surname,Photo Opt Out\nAmelia,Hughes,Y\nOliver,Bennett,N\nZofia,Kowalska,\nLeo,Wright,School use only\n');
    expect(r.pupils).toEqual([
      ['Amelia', false, false],
      ['Oliver', true, false],
      ['Zofia', null, false],
      ['Leo', false, false],
    ]);
  });

  it('never reads a yes from an opt-out column’s words', () => {
    for (const v of ['Yes', 'Y', 'opted out', 'No social media', 'internal only']) expect(optOutConsent(v), v).toBe(false);
    for (const v of ['No', 'N', 'None', 'no restrictions']) expect(optOutConsent(v), v).toBe(true);
    for (const v of ['', 'not known', 'N/A']) expect(optOutConsent(v), v).toBeNull();
  });

  it('takes the stricter answer when a file has a consent column and an opt-out column', () => {
    const r = consentOf('First name,Last name,Photo consent,Photo Opt Out\nAmelia,Hughes,Yes,Y\nOliver,Bennett,Yes,N\n');
    expect(r.pupils.map((p) => p[1])).toEqual([false, true]);
  });
});

describe('a yes since taken back, or in doubt, is never a yes', () => {
  it.each(['Yes - withdrawn 03/2026', 'Y (withdrawn by mum)', 'Yes - revoked', 'Y - parent rang to withdraw', 'Yes - expired', 'Yes - pending review', 'Yes - form lost', 'Yes until July 2026'])(
    '“%s” is asked about',
    (value) => expect(cellConsent(value)).toBeUndefined(),
  );
  it('a plain or dated yes is still a yes', () => {
    for (const v of ['Yes', 'Y', 'Yes - all media', 'Given 01/09/2025', 'Consent given']) expect(cellConsent(v), v).toBe(true);
  });
  it('refuses the row rather than read it', () => {
    const r = consentOf('Forename,Surname,Photo consent\nAmelia,Hughes,Yes - withdrawn 03/2026\n');
    expect(r.ok).toBe(false);
    expect(r.problems).toContain('not-yes-no');
  });
});

describe('columns about consent that are not answers', () => {
  it.each(['Photo Consent Date', 'Photo Consent Notes', 'Consent given by', 'Consent Expiry', 'Photo consent comments', 'Date consent received'])('“%s” is not read as an answer', (heading) => {
    expect(fieldOf(heading)).toBeUndefined();
  });
  it('leaves the answers alone when they sit beside a date and a note', () => {
    const r = consentOf('Forename,Surname,Photo Consent,Photo Consent Date,Photo Consent Notes\nAmelia,Hughes,Yes,01/09/2025,\nOliver,Bennett,No,02/09/2025,Mum rang\n');
    expect(r.ok).toBe(true);
    expect(r.pupils.map((p) => p[1])).toEqual([true, false]);
  });
});

describe('in-care headings by other names, and Welsh headings with accents', () => {
  // "Care Experienced" (in care now or at any time before) is asked about, as "Ever in care" is (headings-care-direction.test.ts).
  it.each(['Care Status', 'LA Care', "Plentyn sy'n derbyn gofal", 'Care'])('“%s” is the in-care column', (heading) => {
    expect(fieldOf(heading)).toBe('inCare');
  });
  it.each(['Childcare', 'After School Care', 'Wraparound care booking'])('“%s” is not', (heading) => {
    expect(fieldOf(heading)).not.toBe('inCare');
  });
  it('reads “Caniatâd lluniau” as photo consent', () => {
    expect(fieldOf('Caniatâd lluniau')).toBe('consent');
    // In a Welsh register "Na" is the Welsh no: a refusal (probe 19d; it was read as "N/A" before).
    const r = consentOf('Enw cyntaf,Cyfenw,Caniatâd lluniau,Care Status\nSiân,Evans,Ie,Y\nGwenllïan,Jones,Na,N\nDafydd,Rees,Nac ydw,N\n');
    expect(r.pupils).toEqual([
      ['Siân', true, true],
      ['Gwenllïan', false, false],
      ['Dafydd', false, false],
    ]);
  });
});

describe('near-duplicate rows', () => {
  it('takes “Sian Jones” and “Siân Jones”, or “OConnor” and “O’Connor”, as one pupil with the stricter answer', () => {
    const r = parseRosterCsv('Forename,Surname,Photo consent\nSian,Jones,Yes\nSiân,Jones,No\nNiamh,OConnor,Yes\nNiamh,O’Connor,No\n');
    expect(r.pupils.map((p) => [p.first, p.last, p.photoConsent])).toEqual([
      ['Sian', 'Jones', false],
      ['Niamh', 'OConnor', false],
    ]);
    expect(r.notes.filter((n) => n.code === 'same-name')).toHaveLength(2);
  });
});

describe('a file with no in-care column', () => {
  it('says so rather than read every pupil as not in care quietly', () => {
    expect(parseRosterCsv('Forename,Surname,Photo consent\nAmelia,Hughes,Yes\n').noInCareColumn).toBe(true);
    expect(parseRosterCsv('Forename,Surname,Photo consent,Looked After\nAmelia,Hughes,Yes,N\n').noInCareColumn).toBe(false);
  });
});

// Probe 19d D8: a withdrawal column that holds the date consent was withdrawn, as Arbor and SIMS registers keep it.
describe('a date in a withdrawal or opt-out column', () => {
  it('is read as withdrawn (on that date), said in a note, not refused as a row that does not line up', () => {
    const r = parseRosterCsv('Forename,Surname,Photo consent,Photo consent withdrawn\nAmelia,Hughes,Yes,03/10/2025\nOliver,Bennett,Yes,\nGrace,Taylor,Yes,2026-01-15\n');
    expect(r.problems).toEqual([]);
    expect(r.pupils.map((p) => [p.first, p.photoConsent])).toEqual([
      ['Amelia', false],
      ['Oliver', true],
      ['Grace', false],
    ]);
    const note = r.notes.find((n) => n.code === 'opt-out-date');
    expect(english(note)).toBe('“Photo consent withdrawn” (D) holds dates: a date there is read as withdrawn on that date, so 2 pupils are read as refusing photos (Amelia Hughes, Grace Taylor).');
  });
  it.each(['3 Oct 2025', '03-Oct-25', '03/10/2025 09:12', '2025-10-03T09:12'])('reads “%s” as a date of withdrawal', (date) => {
    expect(parseRosterCsv(`Forename,Surname,Photo Opt Out\nAmelia,Hughes,${date}\n`).pupils[0]?.photoConsent).toBe(false);
  });
  it('still refuses a name in the column: that row has moved along', () => {
    const r = parseRosterCsv('Forename,Surname,Photo consent withdrawn\nAmelia,Hughes,Amelia\n');
    expect(r.problems.map((p) => p.code)).toEqual(['not-yes-no']);
  });
});

/**
 * Only a heading about photos, images or filming is read as photo consent (probe 19e, D1). Consent to
 * something else ("GDPR consent", "Consent to use ClassDojo"), photos for another use ("Social media consent",
 * "Photo consent: Website") and a consent heading that does not say what it is for ("Consent") are not read,
 * and a note names the column and why.
 */
import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../../lib/roster/csv';
import { fieldOf, headingMeaning } from '../../../lib/roster/headers';
import { english } from './english';

const noteOf = (csv: string) => {
  const r = parseRosterCsv(csv);
  return { r, note: r.notes.find((n) => n.code === 'not-an-answer') };
};

describe('only photo headings are read as photo consent', () => {
  it.each(['GDPR consent', 'Consent to use ClassDojo', 'ClassDojo consent', 'Data processing consent', 'Trip consent', 'Internet consent', 'Consent for ClassDojo account'])(
    '“%s” is consent to something other than photos: not read',
    (h) => {
      expect(fieldOf(h), h).toBeUndefined();
      expect(headingMeaning(h), h).toEqual({ concern: 'consent-other' });
    },
  );

  it.each(['Consent', 'Parental consent', 'Parent permission', 'Permission', 'Permissions', 'Permission(s)', 'Consent (Y/N)', 'Consent given', 'Consents', 'Caniatâd', 'Consent not given', 'Consent withdrawn', 'No consent'])(
    '“%s” does not say what the consent is for: not read',
    (h) => {
      expect(fieldOf(h), h).toBeUndefined();
      expect(headingMeaning(h), h).toEqual({ concern: 'consent-unclear' });
    },
  );

  it.each(['Social media consent', 'Social Media Permission', 'Photos on social media', 'Photo consent: Website', 'Photo Permission - Website', 'Website photo consent', 'Photos - Facebook'])(
    '“%s” is about photos for another use than ClassDojo: not read',
    (h) => {
      expect(fieldOf(h), h).toBeUndefined();
      expect(headingMeaning(h), h).toEqual({ concern: 'photo-other-use' });
    },
  );

  it.each(['Photo consent', 'Photo Consent ClassDojo', 'Photo consent: ClassDojo', 'Image permission', 'Media consent', 'Filming consent', 'Photo/Video Consent', 'Photographs', 'Consent - Photographs (Internal)', 'Caniatâd lluniau', 'Photos on ClassDojo?'])(
    '“%s” is still photo consent',
    (h) => expect(fieldOf(h), h).toBe('consent'),
  );

  it('a “GDPR consent: Yes” pupil has no photo consent recorded, and the note says which column and why', () => {
    const { r, note } = noteOf('Surname,Forename,GDPR consent\nHughes,Amelia,Yes\n');
    expect(r.ok).toBe(true);
    expect(r.pupils.map((p) => [p.first, p.photoConsent])).toEqual([['Amelia', null]]);
    expect(note).toMatchObject({ data: ['GDPR consent', 'C', 'consent-other'] });
    expect(english(note!)).toMatch(/^“GDPR consent” \(C\) is not read: .*not about photos/);
    expect(english(note!)).not.toMatch(/no word for photos/);
  });

  it('“Consent to use ClassDojo: Yes” is not photo consent either', () => {
    const { r, note } = noteOf('Surname,Forename,Consent to use ClassDojo\nHughes,Amelia,Yes\n');
    expect(r.pupils[0]!.photoConsent).toBeNull();
    expect(note).toMatchObject({ data: ['Consent to use ClassDojo', 'C', 'consent-other'] });
  });

  it('plain “Consent” is not read, and the note tells IT how to head it', () => {
    const { r, note } = noteOf('Forename,Surname,Consent,Photo consent\nAmelia,Hughes,Yes,No\n');
    expect(r.pupils[0]!.photoConsent).toBe(false);
    expect(note).toMatchObject({ data: ['Consent', 'C', 'consent-unclear'] });
    expect(english(note!)).toMatch(/does not say what the consent is for.*head it “Photo consent”/);
  });

  it('“Social media consent” is photos for another use, said so (not “no word for photos”); the ClassDojo column is read', () => {
    const { r, note } = noteOf('Forename,Surname,Social media consent,Photo consent: ClassDojo,Photo consent: Website\nAmelia,Hughes,No,Yes,No\n');
    expect(r.pupils[0]!.photoConsent).toBe(true);
    const notes = r.notes.filter((n) => n.code === 'not-an-answer');
    expect(notes.map((n) => n.data)).toEqual([
      ['Social media consent', 'C', 'photo-other-use', 'social media'],
      ['Photo consent: Website', 'E', 'photo-other-use', 'website'],
    ]);
    for (const n of notes) expect(english(n)).toMatch(/another use than ClassDojo/);
    for (const n of notes) expect(english(n)).not.toMatch(/no word for photos/);
    expect(english(note!)).toMatch(/social media/);
  });
});

import { describe, expect, it } from 'vitest';
import { cellBool, cellConsent } from '../../../lib/roster/csv';
import { fieldOf } from '../../../lib/roster/headers';
import { parseRosterCsv } from '../../../lib/roster/csv';

describe('in-care and consent columns are read by their words, never dropped unread', () => {
  it('knows the in-care column however the system names it', () => {
    for (const h of ['Looked After (Y/N)', 'Looked after child (Y/N)', 'In Care (Y/N)', 'Child in Care', 'CiC', 'LAC Status', 'CLA Status', 'Is LAC', 'Looked After']) {
      expect(fieldOf(h), h).toBe('inCare');
    }
  });

  it('knows a photo consent column however the system names it', () => {
    for (const h of ['Photo consent: Y/N', 'Photo consent (Y/N)', 'Consent - Photographs (Internal)', 'Consent - Photographs (External)', 'Photography Consent', 'Image Permission', 'Media Permission', 'Photo/Video Consent']) {
      expect(fieldOf(h), h).toBe('consent');
    }
    // Photos on social media are another use than ClassDojo (consent-scope.test.ts): not ClassDojo photo consent.
    expect(fieldOf('Social Media Consent')).toBeUndefined();
    // Not every heading is ours.
    for (const h of ['UPN', 'Date of Birth', 'Reg Group', 'Parent Email']) expect(fieldOf(h), h).toBeUndefined();
  });

  it('combines two consent columns (refused if either says no) and reads every in-care column', () => {
    const csv = [
      'Forename,Surname,Consent - Photographs (Internal),Consent - Photographs (External),Looked After (Y/N)',
      'Amelia,Hughes,Yes,Yes,N',
      'Zoë,Price,Yes,No,N',
      'Luke,Kowalski,Yes,,Y',
    ].join('\n');
    const r = parseRosterCsv(csv);
    expect(r.problems).toEqual([]);
    expect(r.pupils.map((p) => [p.first, p.photoConsent, p.inCare])).toEqual([
      ['Amelia', true, false],
      ['Zoë', false, false],
      ['Luke', null, true],
    ]);
  });

  it('reads "no answer yet" as not recorded, not refused; asks about a yes with a limit', () => {
    for (const v of ['Not yet returned', 'Not recorded yet', 'No response yet', 'Not sure', 'No form', 'N/A', 'Not applicable']) expect(cellConsent(v), v).toBeNull();
    for (const v of ['No', 'N', 'Refused', 'Consent withdrawn', 'Withdrawn by parent']) expect(cellConsent(v), v).toBe(false);
    for (const v of ['Yes', 'Y', 'Given 01/09/2025', 'Yes - all media']) expect(cellConsent(v), v).toBe(true);
    for (const v of ['Yes - internal use only', 'Yes (not social media)']) expect(cellConsent(v), v).toBeUndefined();
  });

  it('reads an answer by its first whole word: a name in a consent or in-care column is asked about, never read as yes or no', () => {
    for (const name of ['Noah', 'Nora', 'Noreen', 'Nowak', 'Yesenia', 'Grant', 'Nottingham', 'Hughes']) {
      expect(cellConsent(name), name).toBeUndefined();
      expect(cellBool(name), name).toBeUndefined();
    }
    for (const v of ['Nothing returned', 'No form returned']) expect(cellConsent(v), v).toBeNull();
    expect(cellConsent('Yes – excl. social media')).toBeUndefined();
    expect(cellConsent('Consent given 01/09/2025')).toBe(true);
    expect(cellConsent('Not given')).toBe(false);
    // In care: "?" is asked about, not taken as "not in care".
    expect(cellBool('?')).toBeUndefined();
    const r = parseRosterCsv('Forename,Surname,Photo Consent,Looked After\nAmelia,Hughes,Noah,No\n');
    expect(r.problems[0]).toMatchObject({ code: 'not-yes-no', data: ['consent', 'Noah', '', ''] });
  });
});

/**
 * In-care headings that are turned round or into the past ("Not LAC", "No longer looked after", "Care leaver",
 * "Ever in care") and photo-consent headings that mention care ("Photo consent (not for LAC)", "Foster carer
 * consent to photos"): never read as the in-care column the plain way round (probe 19f H1). A yes under
 * "Not LAC" read as in care marks the wrong children, and a looked-after child's tagged photo goes through.
 */
import { describe, expect, it } from 'vitest';
import { inCareCellBool, parseRosterCsv, readRoster } from '../../../lib/roster/csv';
import { fieldOf, headingMeaning } from '../../../lib/roster/headers';
import { english } from './english';

const file = (heading: string, rows = 'Amelia,Hughes,Yes,Yes\nArjun,Patel,No,No\n') => parseRosterCsv(`Forename,Surname,Photo consent,${JSON.stringify(heading)}\n${rows}`);

describe('in-care headings turned round or into the past', () => {
  const turned = ['Not LAC', 'Not looked after', 'Not in care', 'No longer looked after', 'No longer LAC', 'Left care', 'Ever in care', 'Care leaver', 'Care leavers', 'Non-CLA', 'NON LAC', 'Never looked after', 'LAC (ceased)', 'Care experienced', 'Has left local authority care', 'CLA - excluding SGO', 'Is not a child in care'];

  it.each(turned)('“%s” is never the in-care column: it is asked about', (heading) => {
    expect(fieldOf(heading)).toBeUndefined();
    expect(headingMeaning(heading).concern).toBe('care-unclear');
  });

  it.each(turned)('a file headed “%s” is refused, naming the column, and no pupil is read', (heading) => {
    const r = file(heading);
    expect(r.ok).toBe(false);
    expect(r.pupils).toEqual([]);
    const problem = r.problems.find((p) => p.code === 'unclear-care-heading');
    expect(problem?.data).toEqual([heading, 'D']);
    expect(english(problem)).toContain(`Column “${heading}” (D) is about children in care, but its heading does not say which way round it is`);
    expect(english(problem)).toContain('Rename it “Looked after”');
  });

  it('the plain in-care headings still read the plain way round', () => {
    for (const heading of ['LAC', 'Looked after', 'In care', 'CLA', 'Care status (LAC)', 'Looked after (Y/N)', 'LAC - Yes/No', 'Child looked after?']) {
      const r = file(heading);
      expect(r.ok, heading).toBe(true);
      expect(r.pupils.map((p) => p.inCare), heading).toEqual([true, false]);
    }
  });

  it('previously looked-after children are still named, not refused (“Previously looked after”, “PLAC”, “Post-LAC”)', () => {
    for (const heading of ['Previously looked after', 'PLAC', 'Post-LAC', 'Formerly LAC']) expect(headingMeaning(heading).concern, heading).toBe('plac');
  });

  it('a cell that denies care or puts it in the past is not in care; one that says it plainly is', () => {
    for (const v of ['Not LAC', 'No longer looked after', 'Left care', 'Care leaver', 'Non-CLA']) expect(inCareCellBool(v), v).toBe(false);
    for (const v of ['LAC', 'Looked after', 'In care']) expect(inCareCellBool(v), v).toBe(true);
  });

  it('the refusal is translated: the bytes from a file give the same refusal as the text', () => {
    const r = readRoster(new TextEncoder().encode('Forename,Surname,Not looked after\r\nAmelia,Hughes,Yes\r\n'));
    expect(r.problems.map((p) => p.code)).toEqual(['unclear-care-heading']);
  });
});

describe('photo-consent headings that mention care are never the in-care column', () => {
  it.each([
    ['Foster carer consent to photos', 'consent'],
    ['Photos allowed (CLA: ask social worker)', 'consent'],
    ['Photo consent (LAC children too)', 'consent'],
  ])('“%s” is read as %s', (heading, field) => {
    expect(fieldOf(heading)).toBe(field);
    const r = file(heading);
    expect(r.ok).toBe(true);
    // The column's answers are photo consent: Amelia's yes is consent, Arjun's no a refusal, and nobody is marked in care by it.
    expect(r.pupils.map((p) => [p.photoConsent, p.inCare])).toEqual([
      [true, false],
      [false, false],
    ]);
  });

  it.each(['Photo consent (not for LAC)', 'Photo consent - LAC excluded', 'Photos (no LAC)', 'Photo consent not needed for looked after children'])(
    '“%s” could be turned either way by its “not”: refused as an unclear photo heading',
    (heading) => {
      expect(fieldOf(heading)).toBeUndefined();
      expect(headingMeaning(heading).concern).toBe('photo-unclear');
      const r = file(heading);
      expect(r.pupils).toEqual([]);
      expect(r.problems.map((p) => p.code)).toContain('unclear-heading');
    },
  );

  it('consent that names care but not photos is asked about, never read as in care (“LAC consent”)', () => {
    expect(headingMeaning('Consent (LAC)').concern).toBe('care-unclear');
    expect(headingMeaning('Foster carer consent').concern).toBe('care-unclear');
  });

  it('“social worker” is a person, not social media: a photo heading naming one is not a photo for another use', () => {
    expect(headingMeaning('Photos allowed (ask social worker)')).toEqual({ field: 'consent' });
    expect(headingMeaning('Photos on social media').concern).toBe('photo-other-use');
  });
});

/**
 * In-care cells are read with in-care wording (probe 19e, D2): "Yes - S20" is looked after, "Y (SGO)" is not;
 * a refused in-care cell gets advice about in-care status, never the consent columns' "write no".
 */
import { describe, expect, it } from 'vitest';
import { inCareCellBool, parseRosterCsv } from '../../../lib/roster/csv';
import { english } from './english';

describe('in-care cells with a status written beside the yes', () => {
  it.each([
    ['Yes - S20', true],
    ['Yes (Section 20)', true],
    ['Y - LAC', true],
    ['Yes - foster care', true],
    ['Yes - since March', true],
    ['Yes - see note', true],
    ['Y (SGO)', false],
    ['Yes - SGO', false],
    ['Yes (CIN)', false],
    ['Y - child in need', false],
    ['Yes - PLAC', false],
    ['Yes - previously looked after', false],
    ['Section 20 - voluntary', true],
    ['No', false],
    ['No - adopted', false],
  ])('“%s” → %s', (cell, want) => expect(inCareCellBool(cell)).toBe(want));

  it('reads the probe’s file: S20 in care, SGO not', () => {
    const r = parseRosterCsv('Surname,Forename,Photo Consent,LAC\nHughes,Amelia,Yes,Yes - S20\nJones,Tomos,Yes,Y (SGO)\nPatel,Arjun,Yes,No\n');
    expect(r.problems).toEqual([]);
    expect(r.pupils.map((p) => [p.first, p.inCare])).toEqual([['Amelia', true], ['Tomos', false], ['Arjun', false]]);
  });

  it('a refused in-care cell is told about in-care status, never to write no', () => {
    const r = parseRosterCsv('Surname,Forename,Photo Consent,LAC\nHughes,Amelia,Yes,CP plan\nJones,Tomos,Yes,Maybe\n');
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(2);
    for (const p of r.problems) {
      expect(p.code).toBe('not-yes-no');
      expect(english(p)).toMatch(/^In care says “[^”]+”: write yes for a child looked after by the local authority/);
      expect(english(p)).not.toMatch(/write no|each channel|Class Story/);
    }
  });

  it('a consent cell with a limit still gets the consent advice', () => {
    const r = parseRosterCsv('Surname,Forename,Photo Consent\nHughes,Amelia,Yes - internal only\n');
    expect(english(r.problems[0]!)).toMatch(/write no \(or use a column for each channel/);
  });
});

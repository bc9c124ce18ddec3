/**
 * Probe 19e: "Hughes, Amelia (Millie)" (SIMS, preferred name in brackets) is the legal first name with the
 * preferred one (D5); Welsh "Ydy"/"Nac ydy" are yes/no like "Ydw"/"Nac ydw" (D8).
 */
import { describe, expect, it } from 'vitest';
import { cellConsent, inCareCellBool, optOutConsent, parseRosterCsv } from '../../../lib/roster/csv';
import { english } from './english';

describe('a preferred name in brackets', () => {
  it('reads “Hughes, Amelia (Millie)” as Millie, legal Amelia, and says so', () => {
    const r = parseRosterCsv('Name,Photo Consent\n"Hughes, Amelia (Millie)",Yes\n"Jones, Thomas (Tom)",No\n"Patel, Arjun",Yes\n');
    expect(r.problems).toEqual([]);
    expect(r.pupils.map((p) => [p.first, p.last, p.legalFirst ?? '', p.photoConsent])).toEqual([
      ['Millie', 'Hughes', 'Amelia', true],
      ['Tom', 'Jones', 'Thomas', false],
      ['Arjun', 'Patel', '', true],
    ]);
    const note = r.notes.find((n) => n.code === 'bracket-preferred');
    expect(english(note)).toMatch(/Hughes, Amelia \(Millie\).*Millie/);
  });

  it('no brackets are left in any name, whichever column holds them', () => {
    const r = parseRosterCsv('Forename,Surname,Photo consent\nAmelia (Millie),Hughes,Yes\nAmelia (Millie) Hughes,,Yes\n');
    for (const p of r.pupils) for (const part of [p.first, p.last, p.legalFirst ?? '', p.legalLast ?? '']) expect(part).not.toMatch(/[()]/);
    expect(r.pupils[0]).toMatchObject({ first: 'Millie', last: 'Hughes', legalFirst: 'Amelia' });
    const whole = parseRosterCsv('Name,Photo consent\nAmelia (Millie) Hughes,Yes\n');
    expect(whole.pupils[0]).toMatchObject({ first: 'Millie', last: 'Hughes', legalFirst: 'Amelia' });
  });

  it('a preferred-name column wins over the brackets, which are still taken off the legal name', () => {
    const r = parseRosterCsv('Forename,Preferred Forename,Surname,Photo consent\nAmelia (Millie),Mils,Hughes,Yes\n');
    expect(r.pupils[0]).toMatchObject({ first: 'Mils', last: 'Hughes', legalFirst: 'Amelia' });
  });
});

describe('Welsh Ydy / Nac ydy', () => {
  it('reads them like Ydw / Nac ydw in consent, in-care and opt-out columns', () => {
    expect(cellConsent('Ydy')).toBe(true);
    expect(cellConsent('Nac ydy')).toBe(false);
    expect(inCareCellBool('Ydy')).toBe(true);
    expect(inCareCellBool('Nac ydy')).toBe(false);
    expect(optOutConsent('Ydy')).toBe(false);
    expect(optOutConsent('Nac ydy')).toBe(true);
    const r = parseRosterCsv('Cyfenw,Enw cyntaf,Caniatâd lluniau,Plentyn mewn gofal\nHughes,Amelia,Ydy,Nac ydy\nJones,Tomos,Ydw,Nac ydw\nEvans,Ffion,Oes,Nac oes\n');
    expect(r.problems).toEqual([]);
    expect(r.pupils.map((p) => [p.first, p.photoConsent, p.inCare])).toEqual([['Amelia', true, false], ['Tomos', true, false], ['Ffion', true, false]]);
  });

  it('names ydy / nac ydy when asking a Welsh register for yes or no', () => {
    const r = parseRosterCsv('Cyfenw,Enw cyntaf,Caniatâd lluniau\nHughes,Amelia,Efallai\n');
    expect(english(r.problems[0]!)).toMatch(/ydy or nac ydy/);
  });
});

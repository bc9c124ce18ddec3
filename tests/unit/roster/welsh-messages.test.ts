/**
 * A roster's problems and notes in Welsh, on the options page: RosterRead.tsx words them from the browser's
 * catalog (public/_locales/cy, through lib/i18n/roster.ts) with the values their code carries, never the
 * English. (tests/unit/i18n/roster-catalog.test.ts checks every code on many files, in both languages.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteText, problemText } from '../../../components/roster/RosterRead';
import { parseRosterCsv, readRoster } from '../../../lib/roster/csv';
import cyJson from '../../../public/_locales/cy/messages.json';
import { english } from './english';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const cy = cyJson as Record<string, Entry>;

/** chrome.i18n.getMessage as the browser does it: named placeholders to $1…$9, from the Welsh messages. */
function getMessage(name: string, subs: string[] = []): string {
  const entry = cy[name];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, p: string) => {
    const content = entry.placeholders?.[p.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, d: string) => subs[Number(d) - 1] ?? '');
  });
}

describe('roster problems and notes in Welsh', () => {
  // The browser's own i18n, in Welsh (the fake browser's stands in for it in unit tests).
  const i18n = (globalThis as unknown as { browser: { i18n: unknown } }).browser;
  const before = i18n.i18n;
  beforeAll(() => {
    i18n.i18n = { getMessage, getUILanguage: () => 'cy' };
  });
  afterAll(() => {
    i18n.i18n = before;
  });

  it('writes a real file’s notes in Welsh, with its values: a withdrawal date, a mended name, names used', () => {
    const r = parseRosterCsv('Legal Forename,Preferred Forename,Surname,Photo consent,Photo consent withdrawn\nAmelia,Millie,Hughes,Yes,03/10/2025\nZoÃ«,Zoe,Evans,Yes,\n');
    const texts = r.notes.map(noteText);
    expect(texts).toContain('Mae “Photo consent withdrawn” (E) yn dal dyddiadau: darllenir dyddiad yno fel tynnu caniatâd yn ôl ar y dyddiad hwnnw, felly darllenir bod 1 disgybl yn gwrthod lluniau (Millie Hughes).');
    expect(texts.find((t) => t.startsWith('Trwsiwyd llythrennau'))).toContain('“ZoÃ«” → “Zoë”');
    expect(texts.find((t) => t.includes('defnyddir “Preferred Forename” (B)'))).toMatch(/^Enwau cyntaf: defnyddir “Preferred Forename” \(B\)/);
    // No English note is left untranslated.
    expect(texts.filter((t) => r.notes.some((n) => english(n) === t))).toEqual([]);
    expect(texts.every(Boolean)).toBe(true);
  });

  it('writes a real file’s problems in Welsh: shifted rows, a workbook, an unclear heading', () => {
    const shifted = parseRosterCsv('Forename,Surname,Photo consent\nAmelia,Hughes,Yes,extra\nOliver\nGrace,Taylor,No\n');
    expect(shifted.problems.map(problemText)).toEqual([
      'Mae gan y rhes hon 4 cell ond mae 3 pennawd (“extra” y tu hwnt i\'r olaf), felly dydy ei gwerthoedd ddim yn cyd-fynd â\'r penawdau: oes coma heb ddyfynodau mewn enw neu nodyn? Mae\'n darllen: “Amelia” | “Hughes” | “Yes” | “extra”. Ni ddarllenwyd dim yn y rhes hon.',
      'Mae gan y rhes hon 1 cell ond mae 3 pennawd (does gan “Surname”, “Photo consent” ddim cell), felly efallai nad yw ei gwerthoedd yn cyd-fynd â\'r penawdau: oes cell ar goll, neu goma wedi\'i golli? Mae\'n darllen: “Oliver”. Ni ddarllenwyd dim yn y rhes hon.',
    ]);
    const workbook = readRoster(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('[Content_Types].xml xl/workbook.xml')]));
    expect(problemText(workbook.problems[0]!)).toBe(
      "Does dim modd darllen y llyfr gwaith hwn: mae wedi'i ddifrodi (nid yw'n zip cyflawn). Agorwch hi yn Excel (neu LibreOffice), dewiswch Ffeil › Cadw Fel, dewiswch “CSV UTF-8 (Comma delimited) (*.csv)”, a mewnforiwch y ffeil .csv.",
    );
    const unclear = parseRosterCsv('Forename,Surname,Photo instructions\nAmelia,Hughes,Y\n');
    expect(unclear.problems.map(problemText)).toEqual([expect.stringMatching(/^Mae colofn “Photo instructions” \(C\) yn sôn am luniau/)]);
  });
});

/**
 * The roster reader (lib/roster/csv.ts) gives message ids and data only; the catalogs word them
 * (lib/i18n/roster.ts). On the files of roster-cases.ts, the English catalog gives, for every problem and note,
 * the reader's own English as it was before it stopped building sentences (tests/fixtures/roster/
 * english-messages.json, written by scripts/roster-english-fixture.ts), word for word, but for the deliberate
 * changes listed in IMPROVED with why. The Welsh catalog gives a whole text for each, with no slot left unfilled
 * and no English sentence. The policy's field labels (lib/policy/field-label.ts) are checked the same way.
 */
import { describe, expect, it } from 'vitest';
import { formatMessage, type Catalog } from '../../../lib/i18n/format';
import type { Messages } from '../../../lib/i18n/finding';
import { noteText, problemText } from '../../../lib/i18n/roster';
import { fieldLabel, FIELD_WORDS } from '../../../lib/policy/field-label';
import { NOTE_CODES, PROBLEM_CODES, type RosterProblem } from '../../../lib/roster/csv';
import cyJson from '../../../public/_locales/cy/messages.json';
import enJson from '../../../public/_locales/en/messages.json';
import fixtureJson from '../../fixtures/roster/english-messages.json';
import { rosterCases } from './roster-cases';

const en = enJson as Catalog;
const cy = cyJson as Catalog;
const lookupIn = (catalog: Catalog): Messages => (key, subs) => formatMessage(catalog, key, subs);
type Said = { row?: number; code: string; message: string };
const fixture = fixtureJson as Record<string, { problems: Said[]; notes: Said[] }>;

/**
 * Deliberate changes from the reader's old English, by file and code, with the text the catalog gives now and why.
 * Each must still differ from the fixture (else it belongs to the word-for-word check).
 */
const IMPROVED: { file: string; code: string; text: string; why: string }[] = [
  {
    file: JSON.stringify('Forename,Surname,Class Story\nAmelia,Hughes,maybe\n'),
    code: 'not-yes-no',
    text: 'Class Story photos says “maybe”: Policy Guard cannot tell whether that is consent given, refused or not recorded, and does not guess: write yes (given), no (refused, withdrawn or opted out), or leave it empty (not recorded).',
    why: 'the reader named a channel’s column by its field id (“Consent for class-story”); the catalog names it as the options page does everywhere else (rosterConsent_class_story)',
  },
];

/** Deliberate changes to a code's wording on every file that has it: the old English with `from` replaced by `to` is the catalog's. */
const REWORDED: { code: string; from: RegExp; to: string; why: string }[] = [
  {
    code: 'several-classes',
    from: / \(below, or guard roster read --group "[^"]*"\)/,
    to: '',
    why: 'the options page lists the classes to choose from and the CLI says how to read one again with --group (rosterSummaryGroups): each says only its own way, not the other’s',
  },
];

/** Codes the reader no longer gives. */
const NOT_GIVEN = ['duplicate'];

const cases = rosterCases();
const said = cases.flatMap(({ name, result }) => [
  ...result.problems.map((p) => ({ file: name, code: p.code as string, english: problemText(p, lookupIn(en)), welsh: problemText(p, lookupIn(cy)) })),
  ...result.notes.map((n) => ({ file: name, code: n.code as string, english: noteText(n, lookupIn(en)), welsh: noteText(n, lookupIn(cy)) })),
]);

describe('the catalogs word every roster problem and note', () => {
  it('reaches every problem and note code on these files (all but the ones no longer given)', () => {
    const codes = new Set(said.map((s) => s.code));
    expect([...PROBLEM_CODES, ...NOTE_CODES].filter((c) => !codes.has(c) && !NOT_GIVEN.includes(c))).toEqual([]);
    for (const c of NOT_GIVEN) expect(codes.has(c), c).toBe(false);
    expect(said.length).toBeGreaterThan(100);
  });

  it('has stored the reader’s English for exactly these files, in the same order and codes', () => {
    expect(Object.keys(fixture).sort()).toEqual(cases.map((c) => c.name).sort());
    for (const { name, result } of cases) {
      const f = fixture[name]!;
      expect(result.problems.map((p) => [p.row, p.code]), name).toEqual(f.problems.map((p) => [p.row, p.code]));
      expect(result.notes.map((n) => n.code), name).toEqual(f.notes.map((n) => n.code));
    }
  });

  it('gives the reader’s English word for word in English, but for the changes listed with why', () => {
    const wrong: string[] = [];
    const improved = new Set<string>();
    for (const { name } of cases) {
      const stored = [...fixture[name]!.problems, ...fixture[name]!.notes];
      const mine = said.filter((s) => s.file === name);
      mine.forEach((s, i) => {
        const change = IMPROVED.find((c) => c.file === name && c.code === s.code);
        if (change) {
          improved.add(`${name} ${s.code}`);
          expect(s.english, `${name} ${s.code}`).toBe(change.text);
          expect(s.english, `${name} ${s.code}: matches the old English; take it out of IMPROVED`).not.toBe(stored[i]!.message);
        } else if (s.english !== REWORDED.filter((c) => c.code === s.code).reduce((m, c) => m.replace(c.from, c.to), stored[i]!.message)) wrong.push(`${s.code} [${name}]\n  reader:  ${stored[i]!.message}\n  catalog: ${s.english}`);
      });
    }
    expect(wrong).toEqual([]);
    expect([...improved].sort()).toEqual(IMPROVED.map((c) => `${c.file} ${c.code}`).sort());
  });

  it('gives a whole Welsh text for every problem and note: no placeholder or slot unfilled, no key, no English sentence', () => {
    const englishTexts = new Set(said.map((s) => s.english));
    const bad = said.filter(
      (s) =>
        !s.welsh ||
        /\$/.test(s.welsh) ||
        /\b(?:csv|csvNote|csvList|csvField)_\w+/.test(s.welsh) ||
        englishTexts.has(s.welsh) ||
        // Words only the English sentences use (a value quoted from the file is the school's own words, so these are checked outside quotes).
        /\b(?:the|is|are|was|were|and|row|rows|pupil|pupils|heading|headings|column)\b/.test(s.welsh.replace(/“[^”]*”/g, '')),
    );
    expect(bad.map((s) => `${s.code} [${s.file}]: ${s.welsh}`)).toEqual([]);
  });

  it('words a value with a “$” in it as written (a substitution is not read for placeholders)', () => {
    const p: RosterProblem = { row: 2, code: 'digits', data: ['$1 $$ Amelia$NAME$'] };
    expect(problemText(p, lookupIn(en))).toBe('“$1 $$ Amelia$NAME$” has digits in it, so it is not a name: is a date, class or number in the name column, or is this a line above or below the list?');
  });
});

describe('the English catalog gives the policy’s field labels', () => {
  const translate = (key: string, sub?: string) => formatMessage(en, key, sub === undefined ? [] : [sub]) || undefined;
  it.each([...FIELD_WORDS, '(root)', '(file)', 'hours.staff[0].end', 'routing.contacts[12].email', 'rules.photo-consent.channels[1]', 'unknownPart[3]'])('“%s” reads the same through the catalog', (path) => {
    expect(fieldLabel(path, translate)).toBe(fieldLabel(path));
  });
  it('has a field_ key for every word, and no other', () => {
    const keys = [...FIELD_WORDS.map((w) => `field_${w.replace(/[^A-Za-z0-9]/g, '_')}`), 'field_file', 'field_number'].sort();
    expect(Object.keys(en).filter((k) => k.startsWith('field_')).sort()).toEqual(keys);
  });
});

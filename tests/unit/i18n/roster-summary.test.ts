/**
 * `guard roster read`'s summary (lib/roster/summary.ts `rosterSummary`) is worded from the catalog, every line
 * (#15). In English it is what the CLI wrote before (tests/fixtures/roster/english-summary.json, written by
 * scripts/roster-summary-fixture.ts from the hard-coded English), word for word, but for the deliberate changes
 * in CHANGES: lines the options page's preview already says, now in its words (the same catalog key), so the
 * CLI and the options page word a roster alike. In Welsh no line is an English sentence.
 */
import { describe, expect, it } from 'vitest';
import { formatMessage, type Catalog } from '../../../lib/i18n/format';
import type { Messages } from '../../../lib/i18n/finding';
import { rosterSummary } from '../../../lib/roster/summary';
import cyJson from '../../../public/_locales/cy/messages.json';
import enJson from '../../../public/_locales/en/messages.json';
import fixtureJson from '../../fixtures/roster/english-summary.json';
import { summaryCases } from './roster-summary-cases';

const lookupIn = (catalog: Catalog): Messages => (key, subs) => formatMessage(catalog, key, subs);
const EN = lookupIn(enJson as Catalog);
const CY = lookupIn(cyJson as Catalog);
const fixture = fixtureJson as Record<string, string[]>;

const NO_HEADING = 'No heading row was found, so the first column is read as the first name and the second as the surname (a pasted list). Consent and in care are not read from a file without headings: add a heading row to import them.';

/** The old English line and the catalog's, for the lines the options page words too (rosterReadAs, rosterReadSheet, rosterNoHeadingRow, …); why for each. */
const CHANGES: { why: string; from: RegExp; to: string }[] = [
  // The first line, part by part (a line may take several of these, in this order).
  {
    why: 'how a file was read, as the preview says it (rosterReadAs: a sentence of its own)',
    from: /^(roster [^:]*): read as (?!an Excel workbook)(.*?), separated by (.*?), (?=headings on row|no heading row)/,
    to: '$1: Read as $2, separated by $3. ',
  },
  {
    why: 'a workbook: the sheet read, as the preview says it (rosterReadSheet)',
    from: /^(roster [^:]*): read as an Excel workbook \(\.xlsx\), sheet “(.*)”, (?=headings on row|no heading row)/,
    to: '$1: Read from an Excel workbook, sheet “$2”. ',
  },
  {
    why: 'a pasted list (no encoding): how its columns were told apart, a sentence as rosterReadAs is',
    from: /^(roster [^:]*): read, separated by (.*?), (?=headings on row|no heading row)/,
    to: '$1: Separated by $2. ',
  },
  { why: 'the heading row, a sentence of its own', from: /^(roster [^:]*: .*\. )headings on row (\d+)\.$/, to: '$1Headings on row $2.' },
  {
    why: 'no heading row: the preview’s rosterNoHeadingRow, which says how the columns are read and how to have consent read',
    from: /^(roster [^:]*: .*\. )no heading row \(first and last name by position; consent and in care are not read without headings\)\.$/,
    to: `$1${NO_HEADING}`,
  },
  { why: 'the preview’s rosterSkipped', from: /^ {2}Lines above the headings, not read: /, to: '  Lines above the column headings, not read: ' },
  {
    why: 'the preview’s rosterNoInCareColumn',
    from: /^ {2}In care: no column says which pupils are in care \(looked after\), so every pupil is read as not in care\. Add an "In care" column, or mark them after importing\.$/,
    to: '  No column says which pupils are in care (looked after), so every pupil is read as not in care. Add an “In care” column to the file, or mark those pupils in the table after importing.',
  },
  {
    why: 'the preview’s rosterNoConsent (whose English now says, as the CLI did, that a policy that only reminds does not hold photos)',
    from: /^ {2}No photo consent recorded: (\d+) pupils? \(their photos are held until it is, unless the policy says remind\)\.$/,
    to: '  Pupils with no photo consent recorded: $1. Their photos are held until consent is recorded, unless the policy says only to remind.',
  },
  {
    why: 'the preview’s rosterLegalNames (which says what each name is used for)',
    from: /^ {2}Pupils with a legal name as well as the name they go by: (\d+) \(both are matched\)\.$/,
    to: '  Pupils with a legal name as well as the name they go by: $1. Both are recognised in posts; fixes use the name they go by.',
  },
];

const cases = summaryCases();

describe('guard roster read’s summary, from the catalog', () => {
  it('has stored the old English for exactly these rosters', () => {
    expect(Object.keys(fixture).sort()).toEqual(cases.map((c) => c.name).sort());
  });

  it('gives the old English word for word, but for the changes listed with why', () => {
    const used = new Set<number>();
    const wrong: string[] = [];
    for (const { name, file, result } of cases) {
      const expected = fixture[name]!.map((line) =>
        CHANGES.reduce((l, c, i) => {
          if (!c.from.test(l)) return l;
          used.add(i);
          return l.replace(c.from, c.to);
        }, line),
      );
      const mine = rosterSummary(result, file, EN);
      if (JSON.stringify(mine) !== JSON.stringify(expected)) wrong.push(`${name}\n  want: ${expected.join('\n        ')}\n  got:  ${mine.join('\n        ')}`);
    }
    expect(wrong).toEqual([]);
    // Every change listed is one these rosters make (else it is not a change).
    expect(CHANGES.filter((_, i) => !used.has(i)).map((c) => c.why)).toEqual([]);
  });

  it('in Welsh: every line differs from the English, fills every slot, and is no English sentence (beyond file names, what is quoted from the file and pupils’ names)', () => {
    const bad: string[] = [];
    let lines = 0;
    for (const { name, file, result } of cases) {
      const en = rosterSummary(result, file, EN);
      const cy = rosterSummary(result, file, CY);
      expect(cy.length, name).toBe(en.length);
      // What comes from the file, not the catalog: its name, its headings (quoted, or listed as columns not read), the pupils' names.
      const fromFile = [file, ...result.ignored, ...result.pupils.flatMap((p) => [p.first, p.last, p.legalFirst ?? '', p.legalLast ?? ''])].filter((s) => s.length > 1).sort((a, b) => b.length - a.length);
      cy.forEach((line, i) => {
        lines++;
        // The CLI's own command, as the Welsh names it too.
        let own = line.replace(/“[^”]*”/g, '“”').replace(/guard roster read --group/g, '');
        for (const s of fromFile) own = own.split(s).join('');
        if (!line.trim() || line === en[i] || /\$|\b(?:csv|csvNote|csvField|csvList|roster|sep)_?[A-Z_a-z]*_\w+/.test(line) || /\b(?:the|is|are|was|were|and|read|row|rows|pupil|pupils|heading|headings|column|columns|note|separated|refused|nothing|keep|consent|care|sheet|workbook)\b/i.test(own))
          bad.push(`${name} [${i}]: ${line}`);
      });
    }
    expect(bad).toEqual([]);
    expect(lines).toBeGreaterThan(300);
  });

  it('counts a class’s rows with the catalog’s plural forms (Welsh “2 res”, “3 rhes”)', () => {
    const several = cases.find((c) => c.result.groups && c.result.groups.rows.includes(2) && c.result.groups.rows.includes(1))!;
    expect(rosterSummary(several.result, 'x.csv', EN).join('\n')).toContain('“3 Oak” (2 rows), “4 Ash” (1 row)');
    expect(rosterSummary(several.result, 'x.csv', CY).join('\n')).toContain('“3 Oak” (2 res), “4 Ash” (1 rhes)');
  });
});

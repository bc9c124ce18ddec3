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
import type { RosterParse, RosterProblem } from '../../../lib/roster/csv';
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

/** Problems about the whole file, whatever row they name: no rows, no pupils, a class to choose, a first row of headings none of which is known. */
const WHOLE_FILE = new Set(['empty', 'empty-file', 'no-pupils', 'several-classes', 'group-not-found', 'unknown-headings']);

/**
 * A deliberate change across lines, after CHANGES: a file refused whole (no rows, no pupils, several classes) or for
 * its headings is not a pupil's row refused. The old summary called each "Row 1:", counted it among the rows refused
 * ("Pupils: 1. Rows refused: 1." above "Nothing was read") and said to fix "the rows above". Now a whole-file problem
 * is said alone, a heading row's as "Headings (row 1):", the counts of a refused file are the options page's
 * (rosterRowsRefused, or rosterRowsReadCount when no row was refused), and with no row refused the last line says
 * to see why above. The several-classes text no longer says "(below, or guard roster read --group …)": the
 * options page lists the classes, and the CLI's next line says how to read one again with --group.
 */
function refusedWhole(lines: string[], r: RosterParse): string[] {
  if (r.ok) return lines;
  // Fix 18q: a file refused for its first row (headings none of which are known, answers with no heading) reads
  // nothing by position, so its first line no longer says "the first column is read as the first name".
  if (r.problems.some((p) => p.code === 'unknown-headings')) lines = [lines[0]!.replace(` ${NO_HEADING}`, ''), ...lines.slice(1)];
  const placeOf = (p: RosterProblem) => (p.row <= 0 || WHOLE_FILE.has(p.code) ? 'file' : r.header && p.row === r.headerRow ? 'headings' : 'row');
  const refused = new Set(r.problems.filter((p) => placeOf(p) === 'row').map((p) => p.row)).size;
  let k = 0;
  return lines.map((l) => {
    const row = /^ {2}Row (\d+): (.*)$/.exec(l);
    if (row) {
      const p = r.problems[k++]!;
      expect(String(p.row)).toBe(row[1]);
      const text = row[2]!.replace(/ \(below, or guard roster read --group "[^"]*"\)/, '');
      return placeOf(p) === 'file' ? `  ${text}` : placeOf(p) === 'headings' ? `  Headings (row ${p.row}): ${text}` : `  Row ${p.row}: ${text}`;
    }
    const counts = /^ {2}Rows read: (\d+)\. Pupils: \d+\. Rows refused: \d+\.$/.exec(l);
    if (counts) return refused ? `  Rows read: ${counts[1]}. Rows with a problem: ${refused}.` : `  Rows read: ${counts[1]}.`;
    if (l === '  Nothing was read from this file: fix the rows above and try again.' && !refused) return '  Nothing was read from this file: see why above.';
    return l;
  });
}

const cases = summaryCases();

describe('guard roster read’s summary, from the catalog', () => {
  it('has stored the old English for exactly these rosters', () => {
    expect(Object.keys(fixture).sort()).toEqual(cases.map((c) => c.name).sort());
  });

  it('gives the old English word for word, but for the changes listed with why', () => {
    const used = new Set<number>();
    const wrong: string[] = [];
    for (const { name, file, result } of cases) {
      const expected = refusedWhole(fixture[name]!.map((line) =>
        CHANGES.reduce((l, c, i) => {
          if (!c.from.test(l)) return l;
          used.add(i);
          return l.replace(c.from, c.to);
        }, line),
      ), result);
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

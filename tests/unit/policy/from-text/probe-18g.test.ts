/**
 * Probe 18g (issue #18): a table of hours with a row per day range quotes the row for the day a finding is
 * about (MEDIUM-4a); a Word table row is quoted whole, its day label with its times (MEDIUM-4b); one person
 * holding two roles is one contact for both roles' routes; a Welsh-medium school's replies are in Welsh too.
 * Each in several layouts, with clean twins where a naive reading would be wrong.
 */
import { describe, expect, it } from 'vitest';
import { ukBankHolidays } from '../../../../lib/calendar/bank-holidays';
import { documentText } from '../../../../lib/policy/from-text/document';
import { buildPolicy, proposalItems, proposeFromText, type Proposal } from '../../../../lib/policy/from-text';
import { parsePolicy } from '../../../../lib/policy/parse';
import type { Policy } from '../../../../lib/policy/schema';
import { checkDraft } from '../../../../lib/rules/index';
import { dayClause } from '../../../../lib/rules/out-of-hours';
import { makeDocx } from './docx';

const windows = (p: Proposal) => p.staffHours.value.map((w) => `${w.days.join(',')} ${w.start}-${w.end}`);

/** The proposal, checked as every proposal must be: quotes verbatim, and a policy `validate` accepts. */
function read(text: string): Proposal {
  const p = proposeFromText(text, { file: 'policy.txt' });
  for (const { key, item } of proposalItems(p)) {
    for (const q of item.quotes) expect(text.slice(q.at, q.at + q.quote.length), key).toBe(q.quote);
  }
  return p;
}

function policyOf(p: Proposal): Policy {
  const parsed = parsePolicy(buildPolicy(p));
  expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  return (parsed as { policy: Policy }).policy;
}

/** The out-of-hours finding's clause for a class story sent at `at` (UTC; GMT in November). */
function outOfHoursClause(policy: Policy, at: string): string | undefined {
  return checkDraft({ text: 'Lovely work today!', channel: 'class-story', at, media: false, tagged: [] }, { policy, roster: [], calendar: ukBankHolidays }).find((f) => f.rule === 'out-of-hours')?.clause;
}

// 2026-11-25 is a Wednesday, 2026-11-27 a Friday, 2026-11-23 a Monday, 2026-11-26 a Thursday.
const WED_LATE = '2026-11-25T17:30:00Z';
const FRI_AFTERNOON = '2026-11-27T16:00:00Z';
const THU_LATE = '2026-11-26T17:45:00Z';
const MON_EARLY = '2026-11-23T07:00:00Z';

describe('hours in a table row per day range: each finding quotes the row for its day (MEDIUM-4a, 4b)', () => {
  const head = 'Hilltop Primary School\n\nClassDojo Policy\n\nStaff messaging hours\n\n';
  const layouts: [string, string][] = [
    ['a pasted Word table (tabs)', `${head}Day\tHours\nMonday – Thursday\t8.00am – 5.00pm\nFriday\t8.00am – 3.30pm\n\nParents should not expect replies outside these hours.\n`],
    ['a markdown table', `${head}| Day | Hours |\n|---|---|\n| Monday – Thursday | 8.00am – 5.00pm |\n| Friday | 8.00am – 3.30pm |\n`],
    ['rows without a header, abbreviated days', `${head}Mon-Thurs\t08:00 - 17:00\nFri\t08:00 - 15:30\n`],
    ['label lines', `${head}Monday to Thursday: 8am to 5pm\nFriday: 8am to 3.30pm\n`],
    ['the Friday row first', `${head}Day\tHours\nFriday\t8.00am – 3.30pm\nMonday – Thursday\t8.00am – 5.00pm\n`],
    ['sentences, one per day range', `${head}Staff will send ClassDojo messages between 8am and 5pm from Monday to Thursday. On Fridays, staff will send messages between 8am and 3.30pm.\n`],
  ];
  it.each(layouts)('%s', (_, text) => {
    const p = read(text);
    expect([...windows(p)].sort()).toEqual(['fri 08:00-15:30', 'mon,tue,wed,thu 08:00-17:00']);
    const policy = policyOf(p);
    const fri = outOfHoursClause(policy, FRI_AFTERNOON)!;
    expect(fri).toMatch(/3[.:]30|15:30/);
    expect(fri).toMatch(/\bFri/);
    const wed = outOfHoursClause(policy, WED_LATE)!;
    expect(wed).toMatch(/17:00|5(?:\.00)? ?pm/);
    expect(wed).not.toMatch(/3[.:]30|15:30/);
    const thu = outOfHoursClause(policy, THU_LATE)!;
    expect(thu).not.toMatch(/3[.:]30|15:30/);
  });

  it('a row quote has its day label with its times (a Word table through the .docx reader)', async () => {
    const bytes = await makeDocx([
      '# Hilltop Primary School – ClassDojo policy',
      'Staff will send ClassDojo messages at these times:',
      [
        ['Monday – Thursday', '8.00am – 5.00pm'],
        ['Friday', '8.00am – 3.30pm'],
      ],
    ]);
    const text = await documentText(bytes, 'hilltop.docx');
    const p = read(text);
    const quotes = p.staffHours.quotes.map((q) => q.quote);
    expect(quotes).toContain('Monday – Thursday\t8.00am – 5.00pm');
    expect(quotes).toContain('Friday\t8.00am – 3.30pm');
    // No quote is a bare cell of times.
    expect(quotes).not.toContain('8.00am – 3.30pm');
    // However else the table is turned into text (mammoth puts each cell's paragraph on its own line), the
    // row's words are the same, in the same order, with only white space between them.
    const mammothLike = '\n\nMonday – Thursday\n\n8.00am – 5.00pm\n\nFriday\n\n8.00am – 3.30pm\n\n';
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    for (const q of quotes.filter((x) => x.includes('\t'))) expect(squash(mammothLike)).toContain(squash(q));
    expect(outOfHoursClause(policyOf(p), FRI_AFTERNOON)).toContain('Friday\t8.00am – 3.30pm');
  });

  it('one row for the whole week is quoted for every day (clean twin: no day row to prefer)', () => {
    const p = read(`${head}Day\tHours\nMonday – Friday\t8.30am – 4.30pm\n`);
    const policy = policyOf(p);
    expect(outOfHoursClause(policy, FRI_AFTERNOON.replace('16:00', '17:00'))).toContain('Monday – Friday\t8.30am – 4.30pm');
    expect(outOfHoursClause(policy, MON_EARLY)).toContain('Monday – Friday\t8.30am – 4.30pm');
  });

  it('a Friday row that states no times is not quoted for hours (clean twin: "Friday | Celebration assembly")', () => {
    const p = read(`${head}Staff send ClassDojo messages between 8am and 5pm, Monday to Friday.\n\nFriday\tCelebration assembly photos on Class Story\n`);
    expect(windows(p)).toEqual(['mon,tue,wed,thu,fri 08:00-17:00']);
    expect(outOfHoursClause(policyOf(p), '2026-11-27T18:00:00Z')).toContain('between 8am and 5pm, Monday to Friday');
  });

  it('a row of staff and parents columns is quoted whole, header and all', () => {
    const p = read(`${head}Days\tStaff send\tParents may expect replies\nMonday – Thursday\t8am – 5pm\t9am – 4pm\nFriday\t8am – 3.30pm\t9am – 3pm\n`);
    expect([...windows(p)].sort()).toEqual(['fri 08:00-15:30', 'mon,tue,wed,thu 08:00-17:00']);
    expect(p.staffHours.quotes.map((q) => q.quote)).toContain('Friday\t8am – 3.30pm\t9am – 3pm');
    expect(outOfHoursClause(policyOf(p), FRI_AFTERNOON)).toContain('Friday\t8am – 3.30pm');
  });
});

describe('dayClause: the words of a clause giving one day’s hours', () => {
  it.each([
    [4, 'Friday\t8.00am – 3.30pm', true],
    [4, 'Fri: 8-3.30', true],
    [4, 'Monday – Thursday\t8.00am – 5.00pm', false],
    [2, 'Monday – Thursday\t8.00am – 5.00pm', true],
    [2, 'Mon-Thurs 08:00 - 17:00', true],
    [2, 'Monday to Friday 8.30 - 4.30', true],
    [0, 'Monthly newsletter at 9.00am', false],
    [3, 'Tuesday – Thursday 8am – 5pm', true],
    [0, 'Tuesday – Thursday 8am – 5pm', false],
    [4, 'rhwng 8.30yb a 3.30yp ar ddydd Gwener', true],
    [2, 'dydd Llun i ddydd Iau rhwng 8yb a 5yp', true],
    [4, 'dydd Llun i ddydd Iau rhwng 8yb a 5yp', false],
    [6, 'Sunday', true],
    [5, 'Saturdays 9am - 12pm', true],
  ] as const)('day %i: %s → %s', (day, text, expected) => expect(dayClause(day).test(text)).toBe(expected));
});

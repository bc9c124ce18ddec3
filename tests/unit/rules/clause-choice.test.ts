/**
 * Which of a rule's clauses a finding quotes (probe 18e #13): a policy read from a school's document quotes
 * several for one rule, and the teacher must see the clause that says what the finding is about, not the
 * first one: the looked-after clause (5.3) for a pupil in care, not the consent clause (5.2); the hours,
 * not a table's header cell ("Day") or header row ("Who | Days | Times").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ukBankHolidays } from '../../../lib/calendar/bank-holidays';
import { buildPolicy, proposeFromText } from '../../../lib/policy/from-text';
import { documentText } from '../../../lib/policy/from-text/document';
import { parsePolicy } from '../../../lib/policy/parse';
import type { Policy } from '../../../lib/policy/schema';
import { checkDraft } from '../../../lib/rules/index';
import type { Pupil } from '../../../lib/rules/types';

const DIR = new URL('../../fixtures/policies/probe-18e/', import.meta.url);

async function policyFrom(file: string): Promise<Policy> {
  const text = await documentText(new Uint8Array(readFileSync(new URL(file, DIR))), file);
  const parsed = parsePolicy(buildPolicy(proposeFromText(text, { file })));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.policy;
}

const roster: Pupil[] = [
  { first: 'Leo', last: 'Wright', photoConsent: true, inCare: true },
  { first: 'Isla', last: 'Roberts', photoConsent: false, inCare: false },
];
/** Tuesday 24 November 2026, 10:15 and 23:00 in London. */
const IN_HOURS = '2026-11-24T10:15:00Z';
const LATE = '2026-11-24T23:00:00Z';

describe('a finding quotes the clause that says it', () => {
  it('01-oakfield: a pupil in care is held quoting 5.3 (looked after), a refusal quoting 5.2 (consent)', async () => {
    const pol = await policyFrom('01-oakfield-numbered.txt');
    const found = checkDraft({ text: 'Our trip!', channel: 'class-story', at: IN_HOURS, media: true, tagged: ['Leo Wright', 'Isla Roberts'] }, { policy: pol, roster, calendar: ukBankHolidays }).filter((f) => f.rule === 'photo-consent');
    const inCare = found.find((f) => f.messageId === 'inCare')!;
    expect(inCare.clause).toMatch(/^5\.3: “Photographs of children who are looked after/);
    expect(found.find((f) => f.messageId === 'noConsent')!.clause).toMatch(/^5\.2: “.*written photographic consent/);
  });

  it.each(['03-brooklane.docx', '04-riverside-markdown.md'])('%s: an out-of-hours finding quotes the hours, not the table header', async (file) => {
    const pol = await policyFrom(file);
    const f = checkDraft({ text: 'Hello', channel: 'class-story', at: LATE }, { policy: pol, roster, calendar: ukBankHolidays }).find((x) => x.rule === 'out-of-hours')!;
    expect(f.messageId).toBe('outside-window'); // a Tuesday at 23:00
    expect(f.clause).toMatch(/\d[.:]\d\d|\d ?[ap]m/i);
    expect(f.clause).not.toMatch(/“(?:Day|Who \| Days \| Times)”/);
  });
});

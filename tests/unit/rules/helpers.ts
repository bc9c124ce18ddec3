import { expect } from 'vitest';
import { ukBankHolidays } from '../../../lib/calendar/bank-holidays';
import type { PresetId } from '../../../lib/policy/catalog';
import { parsePolicy } from '../../../lib/policy/parse';
import { presetInput } from '../../../lib/policy/presets/index';
import type { Policy, RuleId } from '../../../lib/policy/schema';
import { checkDraft } from '../../../lib/rules/index';
import type { Draft, Finding, Pupil } from '../../../lib/rules/types';

const p = (first: string, last: string, extra: Partial<Pupil> = {}): Pupil => ({ first, last, photoConsent: true, inCare: false, ...extra });

/** A Year 3 class with the names that make matching hard: shared first names, word names, accents. */
export const ROSTER: Pupil[] = [
  p('Amelia', 'Hughes'),
  p('Oliver', 'Bennett'),
  p('Oliver', 'Patel'),
  p('Niamh', "O'Connor"),
  p('Jayden', 'Smith-Walker'),
  p('Siân', 'Evans'),
  p('Zofia', 'Kowalska'),
  p('Grace', 'Taylor'),
  p('Will', 'Harris'),
  p('Rose', 'Ahmed'),
  p('Harry', 'Davies', { photoConsent: false }),
  p('Hope', 'Clarke'),
  p('May', 'Chen'),
  p('Leo', 'Wright', { inCare: true }),
  p('Freya', 'Thomas', { photoConsent: { 'class-story': false, 'private-chat': true, 'student-story': true } }),
  p('Dafydd', 'Jones'),
];

export function policy(id: PresetId, edit?: (p: any) => void): Policy {
  const input: any = presetInput(id);
  edit?.(input);
  const r = parsePolicy(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.policy;
}

/** A weekday, mid-morning: inside every preset's hours. */
export const IN_HOURS = '2026-11-24T10:15:00Z';

export function check(pol: Policy, draft: Partial<Draft> & { text: string }, roster: Pupil[] = ROSTER): Finding[] {
  return checkDraft({ channel: 'class-story', at: IN_HOURS, ...draft }, { policy: pol, roster, calendar: ukBankHolidays });
}

export interface Expected {
  /** The text of the span, or '' for a finding with no span. */
  span: string;
  fix?: string;
}

/** The findings of one rule, as span texts and fixes. */
export function only(rule: RuleId, findings: Finding[], text: string): Expected[] {
  return findings
    .filter((f) => f.rule === rule)
    .map((f) => ({ span: text.slice(f.start, f.end), ...(f.fix !== undefined ? { fix: f.fix } : {}) }));
}

export function expectFindings(rule: RuleId, pol: Policy, draft: Partial<Draft> & { text: string }, expected: Expected[], roster?: Pupil[]) {
  const findings = check(pol, draft, roster);
  expect(only(rule, findings, draft.text)).toEqual(expected);
  for (const f of findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(draft.text.length);
    expect(f.message.length).toBeGreaterThan(20);
    expect(f.clause.length).toBeGreaterThan(10);
  }
}

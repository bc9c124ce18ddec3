import { expect } from 'vitest';
import { ukBankHolidays } from '../../../lib/calendar/bank-holidays';
import type { PresetId } from '../../../lib/policy/catalog';
import { parsePolicy } from '../../../lib/policy/parse';
import { presetInput } from '../../../lib/policy/presets/index';
import type { Policy, RuleId } from '../../../lib/policy/schema';
import { checkDraft, RULES } from '../../../lib/rules/index';
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

/**
 * One finding a test expects, as ESLint's RuleTester states an invalid case: where, which message, what fix.
 * `messageId` is a key of the rule's `meta.messages`; a case without one is a mistake, not "any message".
 */
export interface Expected {
  /** The text of the span, or '' for a finding with no span. */
  span: string;
  messageId: string;
  fix?: string;
}

/** The message ids a rule declares (its `meta.messages` keys). */
export function declaredMessageIds(rule: RuleId): string[] {
  return Object.keys(RULES[rule].meta.messages);
}

/** The findings of one rule, as span texts, message ids and fixes. */
export function only(rule: RuleId, findings: Finding[], text: string): Expected[] {
  return findings
    .filter((f) => f.rule === rule)
    .map((f) => ({ span: text.slice(f.start, f.end), messageId: f.messageId, ...(f.fix !== undefined ? { fix: f.fix } : {}) }));
}

/**
 * Checks the expected cases themselves before any finding: every one names a message id the rule declares.
 * Throws (failing the test) with the case and the ids to choose from, so a new case cannot leave it out.
 */
export function checkExpected(rule: RuleId, expected: readonly Expected[]): void {
  const declared = declaredMessageIds(rule);
  for (const [i, e] of expected.entries()) {
    const id: unknown = (e as Partial<Expected>).messageId;
    if (typeof id !== 'string' || id === '') {
      throw new Error(`${rule}: expected finding ${i} (span ${JSON.stringify(e.span)}) has no messageId: state one of ${declared.join(', ')}`);
    }
    if (!declared.includes(id)) {
      throw new Error(`${rule}: expected finding ${i} (span ${JSON.stringify(e.span)}) has messageId ${JSON.stringify(id)}, which the rule does not declare: one of ${declared.join(', ')}`);
    }
  }
}

export function expectFindings(rule: RuleId, pol: Policy, draft: Partial<Draft> & { text: string }, expected: Expected[], roster?: Pupil[]) {
  checkExpected(rule, expected);
  const findings = check(pol, draft, roster);
  expect(only(rule, findings, draft.text)).toEqual(expected);
  for (const f of findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(draft.text.length);
    expect(f.message.length).toBeGreaterThan(20);
    expect(f.clause.length).toBeGreaterThan(10);
    expect(declaredMessageIds(f.rule), `${f.rule} gave an undeclared messageId`).toContain(f.messageId);
  }
}

import '../../../lib/rules/lexicon-bundled';
import { describe, expect, it, vi } from 'vitest';
import { ukBankHolidays } from '../../../lib/calendar/bank-holidays';
import { parsePolicy } from '../../../lib/policy/parse';
import { presetInput } from '../../../lib/policy/presets/index';
import * as rosterModule from '../../../lib/rules/roster';
import { checkDraft, warmChecker } from '../../../lib/rules/index';
import type { Pupil } from '../../../lib/rules/types';

const parsed = parsePolicy(presetInput('bentley-new-village'));
if (!parsed.ok) throw new Error('preset invalid');
const policy = parsed.policy;
const draft = { text: 'Well done Amelia Hughes!', channel: 'class-story' as const, at: new Date('2026-11-24T10:15:00Z') };

describe('warmChecker (the content script runs it when the page is idle)', () => {
  it('indexes the roster, so the first real check with it does not', () => {
    const roster: Pupil[] = [{ first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false }];
    const spy = vi.spyOn(rosterModule, 'indexRoster');
    try {
      warmChecker({ policy, roster, calendar: ukBankHolidays });
      expect(spy).toHaveBeenCalledTimes(1);
      const findings = checkDraft(draft, { policy, roster, calendar: ukBankHolidays });
      expect(spy).toHaveBeenCalledTimes(1);
      expect(findings.some((f) => f.rule === 'full-name')).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it('changes nothing a later check finds, and is safe with an empty roster or a checker that throws', () => {
    const roster: Pupil[] = [{ first: 'Oliver', last: 'Bennett', photoConsent: false, inCare: false }];
    const cold = checkDraft(draft, { policy, roster: [...roster], calendar: ukBankHolidays });
    warmChecker({ policy, roster, calendar: ukBankHolidays });
    expect(checkDraft(draft, { policy, roster, calendar: ukBankHolidays })).toEqual(cold);
    expect(() => warmChecker({ policy, roster: [] })).not.toThrow();
    expect(() => warmChecker({ policy, roster, calendar: { isBankHoliday: () => { throw new Error('no calendar'); } } as never })).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { itPolicyBroken, managedFrom, resolveState } from '../../../lib/policy/managed-values';
import { presetInput } from '../../../lib/policy/presets/index';

describe('resolveState: the policy in force from the staff choice, their edits and IT’s settings', () => {
  it('IT’s whole policy with no presetId is the policy, even where staff chose a preset before', () => {
    // Found by `guard policy validate` (probe 19e D4): merged over the staff's preset, the clauses of the two
    // policies mixed and the policy could not be used, so nothing was checked in that browser.
    const read = managedFrom({ policyJson: JSON.stringify(presetInput('malpas-court')) });
    for (const choice of [null, { kind: 'preset' as const, presetId: 'bentley-new-village' }]) {
      const state = resolveState(choice, null, read);
      expect(state.policy?.id, JSON.stringify(choice)).toBe('malpas-court');
      expect(state.itChoosesPolicy).toBe(true);
      expect(state.problems).toBeUndefined();
    }
  });

  it('IT’s settings alone (no presetId) go over the staff’s choice, and are the whole policy where there is none', () => {
    const read = managedFrom({ policyJson: '{"hours":{"closures":[]}}' });
    const over = resolveState({ kind: 'preset', presetId: 'broughton' }, null, read);
    expect(over.policy?.id).toBe('broughton');
    expect(over.itChoosesPolicy).toBe(false);
    const none = resolveState(null, null, read);
    expect(none.policy).toBeNull();
    expect(none.problems?.[0]?.layer).toBe('preset');
  });

  it('itPolicyBroken: only when IT’s own settings are why nothing is checked', () => {
    expect(itPolicyBroken(resolveState(null, null, managedFrom({ presetId: 'broughton', policyJson: '{"hours": ' })))).toBe(true);
    expect(itPolicyBroken(resolveState(null, null, managedFrom({ presetId: 'bentley' })))).toBe(true);
    expect(itPolicyBroken(resolveState({ kind: 'preset', presetId: 'broughton' }, null, managedFrom({ policyJson: '{"rules":{"full-name":{"action":"nope"}}}' })))).toBe(true);
    // A policy in force with IT's bad locks, nothing chosen, or the staff's own file broken: not IT's policy.
    expect(itPolicyBroken(resolveState(null, null, managedFrom({ presetId: 'broughton', locked: ['hourz'] })))).toBe(false);
    expect(itPolicyBroken(resolveState(null, null, {}))).toBe(false);
    expect(itPolicyBroken(resolveState({ kind: 'file', policy: { id: 'x' } }, null, {}))).toBe(false);
  });
});

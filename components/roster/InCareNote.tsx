import { t } from '../../lib/ext/i18n';
import type { Policy } from '../../lib/policy/schema';

/**
 * How the policy in use treats pupils in care, worded from its photo rule: `never` (no photo of them,
 * whatever the consent: Bentley New Village 5.4), `check` (consent is required but the policy does not
 * speak of children in care: read by the register, a consented photo gets a note to check the local
 * authority gave it), `off` (the policy checks no photo consent pupil by pupil). Undefined before a policy
 * is chosen.
 */
export type InCareRule = 'never' | 'check' | 'off';

export function inCareRule(policy: Policy | undefined): InCareRule | undefined {
  if (!policy) return undefined;
  const rule = policy.rules['photo-consent'];
  if (rule.action === 'off') return 'off';
  if (rule.neverInCare) return 'never';
  return rule.consentRequiredIn.length > 0 ? 'check' : 'off';
}

/** The line under the roster (and in an import's preview) saying what "in care" does under this policy. */
export function InCareNote(props: { policy: Policy | undefined }) {
  const rule = inCareRule(props.policy);
  // Before a policy is chosen nothing is checked, and what "in care" will do is not known yet: nothing said.
  if (!rule) return null;
  const text = rule === 'check' ? t('rosterInCareCheck', props.policy!.name) : rule === 'off' ? t('rosterInCareNotChecked', props.policy!.name) : t('rosterInCareNote');
  return (
    <p class="muted" data-policy-guard="roster-in-care-note" data-rule={rule ?? ''}>
      {text}
    </p>
  );
}

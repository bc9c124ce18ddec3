import type { PolicyState } from '../../lib/ext/active-policy';
import { t } from '../../lib/ext/i18n';

/** "(set by your school's IT)", and when the browser has not answered yet, that it is the policy as last seen. */
export function fromIt(state: Pick<PolicyState, 'managedFromCache' | 'managedSeenAt'>): string {
  if (!state.managedFromCache || !state.managedSeenAt) return t('policyFromIt');
  const when = new Date(state.managedSeenAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return t('policyFromItLastSeen', when);
}

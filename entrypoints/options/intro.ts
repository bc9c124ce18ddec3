import type { PolicyState } from '../../lib/ext/active-policy';
import type { MessageKey } from '../../lib/ext/i18n';
import { itPolicyBroken } from '../../lib/policy/it-policy';

/**
 * The options page's opening line for the policy in force: set by the school's IT (a managed policy in force),
 * chosen in this browser, or none yet ("checks nothing until you do"). When the policy IT set cannot be read,
 * it says so and that only IT can fix it (probe 19e D10): choosing here would not help, IT's setting wins.
 */
export function introKey(state: Pick<PolicyState, 'policy' | 'itChoosesPolicy' | 'problems'> | undefined): MessageKey {
  if (itPolicyBroken(state)) return 'optionsIntroItBroken';
  if (!state?.policy) return 'optionsIntro';
  // IT may manage only locks or hours while the school's leader chose the policy here: that is "chosen".
  return state.itChoosesPolicy ? 'optionsIntroManaged' : 'optionsIntroChosen';
}

import type { PolicyState } from '../../lib/ext/active-policy';
import type { MessageKey } from '../../lib/ext/i18n';

/**
 * The options page's opening line for the policy in force: set by the school's IT (a managed policy in force),
 * chosen in this browser, or none yet ("checks nothing until you do"). A managed browser whose IT pushed no
 * usable policy is asked to choose, like any other: the problem with IT's policy is shown below it.
 */
export function introKey(state: Pick<PolicyState, 'policy' | 'itChoosesPolicy'> | undefined): MessageKey {
  if (!state?.policy) return 'optionsIntro';
  // IT may manage only locks or hours while the school's leader chose the policy here: that is "chosen".
  return state.itChoosesPolicy ? 'optionsIntroManaged' : 'optionsIntroChosen';
}

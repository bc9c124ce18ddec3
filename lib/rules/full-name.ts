/**
 * full-name: a pupil's first name with their surname where the policy allows first names only.
 * Fix: the first name, or first name and surname initial ("Oliver B.") where two pupils share it.
 */
import { MAX_FINDINGS_PER_RULE, ruleChannels, type RuleModule } from './rule';

/** A pupil's full name where only first names are allowed. */
export const fullName: RuleModule = {
  meta: {
    id: 'full-name',
    fixable: true,
    // The catalog key of each message (public/_locales/<lang>/messages.json), worded by lib/i18n/finding.ts.
    messages: {
      onRoster: 'f_full_name_onRoster',
      likely: 'f_full_name_likely',
    },
  },
  appliesIn: (policy) => ruleChannels(policy, 'full-name'),
  check(draft, { policy }, { mentions, roster }) {
    const allowInitial = policy.rules['full-name'].allowSurnameInitial;
    return mentions
      .filter((m) => m.kind === 'full' || m.kind === 'likely-full')
      .slice(0, MAX_FINDINGS_PER_RULE)
      .map((m) => {
        const name = draft.text.slice(m.start, m.end);
        const pupil = m.pupils[0];
        // Use the roster's spelling of the first name: "amelia hughes" is fixed to "Amelia".
        const first = pupil ? pupil.pupil.first : m.first;
        const shared = pupil !== undefined && roster.sharedFirst.has(pupil.firstKey);
        const initial = pupil?.pupil.last.trim()[0]?.toUpperCase();
        const fix = shared && allowInitial && initial ? `${first} ${initial}.` : first;
        return {
          start: m.start,
          end: m.end,
          messageId: m.kind === 'full' ? 'onRoster' : 'likely',
          data: { name, fix },
          fix,
        };
      });
  },
};

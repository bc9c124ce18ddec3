/** pupil-name: any pupil's name where the policy allows no names of children (AUP v2, 4.12). */
import { MAX_FINDINGS_PER_RULE, ruleChannels, type RuleModule } from './rule';

/** Any pupil's name where the policy allows no names. */
export const pupilName: RuleModule = {
  meta: {
    id: 'pupil-name',
    fixable: false,
    // The catalog key of each message (public/_locales/<lang>/messages.json), worded by lib/i18n/finding.ts.
    messages: {
      named: 'f_pupil_name_named',
    },
  },
  appliesIn: (policy) => ruleChannels(policy, 'pupil-name'),
  check(draft, { policy }, { mentions }) {
    // A first name shared by two pupils is still a child's name: every mention counts.
    // A lone first name on no roster with nothing saying it is a child (`weak`) may be an adult's: not reported.
    return mentions.filter((m) => !m.weak).slice(0, MAX_FINDINGS_PER_RULE).map((m) => {
      const name = draft.text.slice(m.start, m.end);
      return { start: m.start, end: m.end, messageId: 'named', data: { name } };
    });
  },
};

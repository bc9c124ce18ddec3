/** What every rule module is, and the small helpers they share. */

/** At most this many findings of one rule per draft: nobody acts on more, and it bounds the work on hostile text. */
export const MAX_FINDINGS_PER_RULE = 100;

import type { Messages } from '../i18n/finding';
import { noteTextWith } from '../i18n/reader-note';
import type { Channel, Policy, RuleId, Source } from '../policy/schema';
import type { Token } from '../text/tokens';
import type { Mention } from './names';
import type { RosterIndex } from './roster';
import type { CheckContext, Draft, RawFinding, RuleMeta } from './types';

/** Computed once per draft and shared by every rule. */
export interface Analysis {
  tokens: Token[];
  mentions: Mention[];
  roster: RosterIndex;
}

export interface RuleModule {
  meta: RuleMeta;
  /** Channels where the rule checks, under this policy. */
  appliesIn(policy: Policy): Channel[];
  check(draft: Draft, ctx: CheckContext, analysis: Analysis): RawFinding[];
}

export function sharedChannels(policy: Policy): Channel[] {
  const { source: _source, ...audiences } = policy.audiences;
  return (Object.entries(audiences) as [Channel, string][]).filter(([, a]) => a === 'shared').map(([c]) => c);
}

export function ruleChannels(policy: Policy, id: RuleId): Channel[] {
  return policy.rules[id].channels ?? sharedChannels(policy);
}

/**
 * The school's own words for a finding: a clause quoted with its section. The first clause whose words
 * match `says` (what the finding is about, RuleMeta.clauseFor), else `unquoted` when given (RuleMeta.unquoted:
 * the catalog key of a default the clauses do not state), else the first clause. Of the clauses matching `says`,
 * the first that `about` matches too comes first (the finding's own day of a table of hours per day). Policy
 * Guard's own words around the school's (a recommended default, a school setting) are worded from the catalog
 * `t`. `byDefault`: the clause is Policy Guard's recommended default, not the school's written policy.
 */
export function clauseText(source: Source, t: Messages, says?: RegExp, unquoted?: string, about?: (quote: string) => boolean): { text: string; byDefault: boolean } {
  if (source.origin === 'policy') {
    const said = says && ((about && source.clauses.find((x) => says.test(x.quote) && about(x.quote))) || source.clauses.find((x) => says.test(x.quote)));
    if (says && !said && unquoted) return { text: t('clause_recommended', [t(unquoted)]), byDefault: true };
    const c = said || source.clauses[0]!;
    return { text: `${c.section}: “${c.quote}”`, byDefault: false };
  }
  // A preset's note on a recommended setting, or one a school or IT wrote, is the policy's data, quoted as it
  // stands; one of the policy reader's own (a `noteId`) is worded in the catalog's language.
  if (source.origin === 'recommended') return { text: t('clause_recommended', [noteTextWith(source, t)]), byDefault: false };
  if (source.origin === 'school') return { text: source.note ? t('clause_school', [noteTextWith(source, t)]) : t('clause_school_bare'), byDefault: false };
  return { text: '', byDefault: false };
}

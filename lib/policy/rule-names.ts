/**
 * Each rule's name as a person reads it, in English, for files a school keeps (exports). The interface
 * shows the same names from its messages (`rule_*` in public/_locales, translated); a file must read the
 * same whatever the browser's language, so it carries these and the rule's id beside them.
 */
import { RULE_IDS, type RuleId } from './vocab';

export const RULE_NAMES: Record<RuleId, string> = {
  'full-name': 'Full name',
  'pupil-name': "Pupil's name",
  'sensitive-content': 'Sensitive content',
  'photo-consent': 'Photo without consent',
  'out-of-hours': 'Out of hours',
  'negative-points': 'Points taken away',
};

/** The English name of a rule id; an unknown id (a record from a later version) is given as it is. */
export function ruleName(rule: string): string {
  return (RULE_IDS as readonly string[]).includes(rule) ? RULE_NAMES[rule as RuleId] : rule;
}

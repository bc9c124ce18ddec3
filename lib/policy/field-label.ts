import { RULE_NAMES } from './rule-names';
import { RULE_IDS, type RuleId } from './vocab';

/**
 * A policy path in words, for people who do not read JSON: `hours.staff[0].end` -> "Staff sending hours,
 * window 1: end time"; a rule by its name (`rules.full-name` -> "Rule › Full name"). Unknown parts are shown as
 * they are, so nothing is hidden.
 */
const WORDS: Record<string, string> = {
  schemaVersion: 'Format version',
  id: 'Policy id',
  name: 'School name',
  timeZone: 'Time zone',
  languages: 'Languages',
  document: 'Policy document',
  audiences: 'Who sees each channel',
  hours: 'Hours',
  staff: 'Staff sending hours',
  parents: 'Hours parents are told',
  closures: 'Closure',
  terms: 'Term',
  termTimeOnly: 'Term time only',
  bankHolidays: 'Bank holidays',
  start: 'start',
  end: 'end',
  days: 'days',
  label: 'label',
  rules: 'Rule',
  action: 'action',
  channels: 'channels',
  source: 'source',
  clauses: 'clause',
  routing: 'Routing',
  contacts: 'Contact',
  routes: 'Route for',
  templates: 'Reply template for',
  conduct: 'Conduct',
  monitoring: 'Monitoring',
  email: 'email',
  phone: 'phone',
  policyJson: 'Managed policy (policyJson)',
  presetId: 'Preset',
};

/**
 * The label in English, or through `translate` (the interface's messages: `field_<part>`, `field_number`,
 * `field_file`), which answers undefined for a word it has no translation for.
 */
export function fieldLabel(path: string, translate?: (key: string, sub?: string) => string | undefined): string {
  const word = (key: string, english: string, sub?: string) => translate?.(key, sub) || english;
  if (path === '(root)' || path === '(file)') return word('field_file', 'The whole file');
  const parts: string[] = [];
  let previous: string | undefined;
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    const name = m[1];
    if (m[2] !== undefined) parts.push(word('field_number', `no. ${Number(m[2]) + 1}`, String(Number(m[2]) + 1)));
    // A rule's id after "rules" is the rule's name, as the interface names it (`rule_<id>`), not its id.
    else if (previous === 'rules' && (RULE_IDS as readonly string[]).includes(name!)) parts.push(word(`rule_${name!.replace(/-/g, '_')}`, RULE_NAMES[name as RuleId]));
    else parts.push(WORDS[name!] ? word(`field_${name!.replace(/[^A-Za-z0-9]/g, '_')}`, WORDS[name!]!) : name!);
    previous = name;
  }
  return parts.join(' › ');
}

/** The words a translation needs: one key for each known part of a path. */
export const FIELD_WORDS = Object.keys(WORDS);

/**
 * A policy path in words, for people who do not read JSON: `hours.staff[0].end` -> "Staff sending hours,
 * window 1: end time". Unknown parts are shown as they are, so nothing is hidden.
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
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) parts.push(word('field_number', `no. ${Number(m[2]) + 1}`, String(Number(m[2]) + 1)));
    else parts.push(WORDS[m[1]!] ? word(`field_${m[1]!.replace(/[^A-Za-z0-9]/g, '_')}`, WORDS[m[1]!]!) : m[1]!);
  }
  return parts.join(' › ');
}

/** The words a translation needs: one key for each known part of a path. */
export const FIELD_WORDS = Object.keys(WORDS);

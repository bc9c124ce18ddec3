/**
 * A policy's problem as data: where (`path`), which message (`id`, the catalog's `policyProblem_<id>`) and the
 * values it names (`data`: ids, the value as written, counts as digits), never a sentence. lib/i18n/policy-problem.ts
 * words it in a catalog's language, for the options page, the popup and the `guard` CLI alike.
 *
 * Pure, no zod: the schema's own messages carry an id and data through zod as `zodMessage(...)` text, which
 * lib/policy/parse.ts reads back (`fromZodMessage`).
 */

/** The values a problem's message names, by name: each a string (a count in digits, a list already joined). */
export type ProblemData = Record<string, string>;

/** A message of a problem: its id and its data. */
export interface ProblemMessage {
  id: PolicyProblemId;
  data?: ProblemData;
}

export interface PolicyProblem extends ProblemMessage {
  /** Where, as a dotted path: `rules.full-name.action`, `hours.staff[1].end`; `(file)` for the whole file. */
  path: string;
  /** Further messages said after the first, each after "; " (a managed setting's name, then what Chrome does with it). */
  more?: ProblemMessage[];
  /** Set when the problem arises only where staff chose this preset (a policyJson pushed with no presetId). */
  preset?: string;
}

/**
 * Every problem's id, and the names of its data in the order its catalog entry takes them ($1, $2…). A data
 * value named `what`, `expected` or `got` is a word from the catalog (lib/i18n/policy-problem.ts says how).
 */
export const PROBLEM_FIELDS = {
  // lib/policy/parse.ts
  unknownRule: ['key', 'rules'],
  unknownField: ['key'],
  required: ['expected'],
  wrongType: ['expected', 'got'],
  notJson: ['error'],
  notObject: [],
  // lib/policy/schema.ts
  expectedText: ['what', 'got'],
  empty: ['what'],
  oneOf: ['what', 'allowed', 'value'],
  time: ['got'],
  timeRange: ['value'],
  date: ['got'],
  realDate: ['value'],
  timeZone: ['value'],
  origin: [],
  citeClause: [],
  oneDay: [],
  endBeforeStart: ['start', 'end'],
  overlap: ['window', 'start', 'end', 'days'],
  closureEnd: [],
  rulesObject: [],
  oneCategory: [],
  email: ['value'],
  contactWay: [],
  unknownPlaceholders: ['count', 'placeholders', 'allowed'],
  contactKey: [],
  contactKeyInherited: ['value', 'key'],
  schemaVersion: ['version'],
  policyId: [],
  oneLanguage: [],
  routeContactMissing: ['contact', 'contacts'],
  routeContactNone: ['contact'],
  routeNeedsContact: ['destination'],
  noTemplate: ['destination', 'category'],
  outOfHoursNoWindows: [],
  clauseHours: ['phrase', 'quote', 'hours'],
  silentRuleOn: [],
  lockPathEmpty: [],
  lockPathEmptyPart: ['path'],
  lockPathInherited: ['path', 'key'],
  lockPathUnknown: ['path'],
  lockPathUnknownMeant: ['path', 'meant'],
  lockPathUnknownPart: ['path', 'part'],
  lockPathUnknownPartMeant: ['path', 'part', 'meant'],
  // zod's own issues the schema does not word: by zod's issue code, with the bounds
  tooBig: ['maximum'],
  tooSmall: ['minimum'],
  invalidFormat: ['format'],
  invalid: ['code'],
  // lib/policy/resolve.ts
  lockNotText: ['value'],
  unknownPreset: ['value'],
  // lib/policy/managed-values.ts, deploy-files.ts
  unknownSetting: ['settings'],
  unknownSettingMeant: ['meant'],
  managedNotJson: ['error'],
  deployNotObject: [],
  noExtension: [],
  registryValue: ['value'],
  registryNoExtension: [],
  notPlist: [],
  noPayload: [],
  settingListed: [],
  settingDropped: [],
  managedType: ['expected', 'value'],
  managedTypeObject: ['expected'],
  chromeDrops: [],
  // cli/policy.ts
  cannotReadMissing: ['file', 'presets'],
  cannotReadFolder: ['file', 'presets'],
  cannotRead: ['file', 'error', 'presets'],
  fileTooBig: ['size', 'max'],
  presetIdNotSet: ['presets'],
  // the options page
  storageFailed: [],
  fileTooBigToImport: [],
  fileUnreadable: [],
} as const satisfies Record<string, readonly string[]>;

export type PolicyProblemId = keyof typeof PROBLEM_FIELDS;

/** The ids, for tests and catalogs. */
export const PROBLEM_IDS = Object.keys(PROBLEM_FIELDS) as PolicyProblemId[];

/** The kinds of value a problem may say it expected or got (`expected`, `got`): catalog `policyProblemKind_<kind>`. */
export const VALUE_KINDS = ['string', 'object', 'array', 'boolean', 'number', 'textList', 'null', 'nothing'] as const;

/** What a text or choice setting is, as the schema names it (`what`): catalog `policyProblemWhat_<what>`. */
export const WHATS = [
  'policyFile',
  'section',
  'quote',
  'note',
  'closureLabel',
  'contactName',
  'template',
  'schoolName',
  'policyTitle',
  'weekday',
  'bankHolidays',
  'channel',
  'action',
  'category',
  'notRecorded',
  'destination',
  'language',
  'audience',
] as const;
export type What = (typeof WHATS)[number];

const MARK = '\u0001policyProblem:';

/** A problem's message as the text zod carries (an error function's or refinement's message). */
export function zodMessage(id: PolicyProblemId, data?: ProblemData): string {
  return MARK + JSON.stringify(data ? { id, data } : { id });
}

/** The message `zodMessage` made, or undefined for zod's own text. */
export function fromZodMessage(message: string): ProblemMessage | undefined {
  if (!message.startsWith(MARK)) return undefined;
  try {
    return JSON.parse(message.slice(MARK.length)) as ProblemMessage;
  } catch {
    return undefined;
  }
}

/**
 * A value as a problem says it got it: `got` its kind (VALUE_KINDS, or `typeof`'s name), `gotValue` the value as
 * JSON (for text, numbers and true/false; empty for a list, an object, null or nothing).
 */
export function describedValue(value: unknown): ProblemData {
  if (value === undefined) return { got: 'nothing', gotValue: '' };
  if (value === null) return { got: 'null', gotValue: '' };
  if (Array.isArray(value)) return { got: 'array', gotValue: '' };
  if (typeof value === 'object') return { got: 'object', gotValue: '' };
  return { got: typeof value, gotValue: String(JSON.stringify(value)) };
}

/** Two problems the same (path, message, data): for leaving out one said twice. */
export function problemKey(p: PolicyProblem): string {
  return JSON.stringify([p.path, p.id, p.data ?? {}, p.more ?? [], p.preset ?? '']);
}

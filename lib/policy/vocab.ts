/**
 * The policy format's vocabularies, with no dependency on zod: the content script checks drafts with
 * these on every keystroke and must stay small. lib/policy/schema.ts builds the validators from them.
 */

// ---- vocabularies -------------------------------------------------------------------------------------

/** Where a teacher's words go. `points` is an award on the points page (text is the skill's name). */
export const CHANNELS = ['class-story', 'school-story', 'class-chat', 'private-chat', 'student-story', 'points'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The checks, by id: one file each in lib/rules/. */
export const RULE_IDS = ['full-name', 'pupil-name', 'sensitive-content', 'photo-consent', 'out-of-hours', 'negative-points'] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** How firmly a rule acts: record only, show a warning, ask for a reason before sending, or stop the send. */
export const ACTIONS = ['off', 'audit', 'warn', 'confirm', 'block'] as const;
export type Action = (typeof ACTIONS)[number];

export const SENSITIVE_CATEGORIES = [
  'health', // health and medical
  'mental-health',
  'sen', // special educational needs
  'safeguarding', // safeguarding and child protection
  'behaviour', // behaviour incidents and restraint
  'family', // family circumstances
  'finance', // free school meals and finances
  'looked-after', // looked-after (in care) status
  'contact-details',
] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

export const QUERY_CATEGORIES = [
  'absence',
  'sickness',
  'medical',
  'dinners',
  'complaint',
  'urgent',
  'clubs',
  'lost-property',
  'progress',
  'trip',
  'safeguarding',
  'general',
] as const;
export type QueryCategory = (typeof QUERY_CATEGORIES)[number];

export const DESTINATIONS = ['attendance', 'office', 'nursing', 'dsl', 'meeting', 'teacher'] as const;
export type Destination = (typeof DESTINATIONS)[number];

/**
 * What a reply template may say in braces, filled by lib/routing/index.ts: the pupil's first name, the
 * contact's name, how to reach them, their phone and email, and the hours parents are told to expect
 * replies. A closed list: any other `{word}` is a validation problem, never filled from elsewhere.
 */
export const TEMPLATE_PLACEHOLDERS = ['pupil', 'contact', 'how', 'phone', 'email', 'hours'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** The `{word}` placeholders in a template, in order (as lib/routing/index.ts finds them). */
export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** A policy's own entry by key, never an inherited one ("constructor", "toString"…). */
export function ownEntry<T>(record: Partial<Record<string, T>> | undefined, key: string | undefined): T | undefined {
  return record && key !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Names every object inherits (`constructor`, `toString`, `__proto__`…): never a key of ours, so a lookup
 * by a name from a policy file can never reach one, whatever the lookup does.
 */
export function isInheritedName(key: string): boolean {
  return key === '__proto__' || key === 'prototype' || key in Object.prototype;
}

/**
 * Languages a school may declare, as ISO 639-3 codes (what franc returns): English, Welsh, and the
 * languages most often spoken at home by pupils in UK schools.
 */
export const LANGUAGES = {
  eng: 'English',
  cym: 'Welsh',
  gla: 'Scottish Gaelic',
  gle: 'Irish',
  pol: 'Polish',
  ron: 'Romanian',
  urd: 'Urdu',
  pan: 'Panjabi',
  ben: 'Bengali',
  guj: 'Gujarati',
  arb: 'Arabic',
  som: 'Somali',
  por: 'Portuguese',
  spa: 'Spanish',
  lit: 'Lithuanian',
  tur: 'Turkish',
  ita: 'Italian',
  fra: 'French',
  bul: 'Bulgarian',
  ukr: 'Ukrainian',
  rus: 'Russian',
  tam: 'Tamil',
  pus: 'Pashto',
  fas: 'Persian',
} as const;
export type LanguageCode = keyof typeof LANGUAGES;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const BANK_HOLIDAY_REGIONS = ['england-and-wales', 'scotland', 'northern-ireland', 'none'] as const;


export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}


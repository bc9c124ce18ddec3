/**
 * A finding's message, from the interface's message catalog: the same function for every language, used by
 * the panel, the gate, the options page's "try it" and the `guard` CLI (`--lang`). A finding carries its
 * message id and data (`f.messageId`, `f.data`: the words found, names, `channel`, times as ISO instants); the
 * sentence is the catalog's `f_<rule>_<messageId>` template, filled from them and the policy.
 *
 * Every finding template takes the same nine substitutions, in this order, so each language may use any of
 * them: $1 name, $2 where, $3 whose policy, $4 label (category, contact kind or school), $5 the words found,
 * $6 when, $7 the hours, $8 "schedule for…", $9 anything else (a closure's name, a points count).
 * The school's own words (a closure's name, its name, a pupil's name) are quoted as written, in any language.
 */
import { describeWindows, ENGLISH_NAMES, formatWhen, type DateNames } from '../calendar/hours';
import type { Channel, Policy, Window } from '../policy/schema';
import type { Finding } from '../rules/types';

/**
 * A message catalog as the interface reads it: the text of `key` with `$1`…`$9` filled from `subs`, or "" when
 * the catalog has no such key. In the browser, `chrome.i18n.getMessage`; in Node (the CLI, tests), `formatMessage`
 * over `public/_locales/<lang>/messages.json` (cli/catalog.ts).
 */
export type Messages = (key: string, subs?: string[]) => string;

/** A message id or rule id as a catalog key part: "out-of-hours" is "out_of_hours". */
export const keyPart = (s: string): string => s.replace(/-/g, '_');

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * A count's message in the catalog's language, ICU-style: `<base>_<form>` for the form the catalog's language
 * (its `catalogLocale` entry) gives `n` under CLDR's plural rules ("x_points_one" for 1 in English; Welsh
 * "x_points_two" for 2, "_few" for 3, "_many" for 6), else `<base>_other`. `subs` as for the catalog.
 */
export function plural(t: Messages, base: string, n: number, subs?: string[]): string {
  const locale = t('catalogLocale') || 'en';
  let form = n === 1 ? 'one' : 'other';
  try {
    let rules = pluralRules.get(locale);
    if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
    form = rules.select(n);
  } catch {
    // An engine without the locale's rules: English's two forms.
  }
  return t(`${base}_${form}`, subs) || t(`${base}_other`, subs);
}

/** Day and month names from the catalog (`day_mon`…, `month_1`…), English where it has none. */
export function dateNames(t: Messages): DateNames {
  return { day: (d) => t(`day_${d}`) || ENGLISH_NAMES.day(d), month: (m) => t(`month_${m + 1}`) || ENGLISH_NAMES.month(m) };
}

/** "Llun 23 Tach, 08:00": a moment in the school's time zone, in the catalog's language (`dayOnly`: "Llun 23 Tach"). */
export function whenText(at: Date, timeZone: string, t: Messages, dayOnly = false, withYear = false): string {
  return formatWhen(at, timeZone, withYear, dateNames(t), dayOnly);
}

/** "Llun–Gwe 08:00–17:00": windows of hours, in the catalog's language. */
export function windowsText(windows: Window[], t: Messages): string {
  return describeWindows(windows, dateNames(t));
}

/**
 * `windowsText` of a policy's staff hours, per catalog function and windows array: every finding's template
 * takes them ($7), and naming the days asks the catalog again each time (19 messages in the browser). A
 * policy's windows are not changed in place (a new policy is a new object), nor is a catalog function's text.
 */
const windowsCache = new WeakMap<Messages, WeakMap<Window[], string>>();
function staffHoursText(windows: Window[], t: Messages): string {
  let byWindows = windowsCache.get(t);
  if (!byWindows) windowsCache.set(t, (byWindows = new WeakMap()));
  let text = byWindows.get(windows);
  if (text === undefined) byWindows.set(windows, (text = windowsText(windows, t)));
  return text;
}

/** A policy's own title rather than a school's name ("ClassDojo Policy", "Polisi Cyfathrebu"). */
export const POLICY_TITLE = /\b(?:policy|polisi)\b/i;

/**
 * Whose policy says it: "The school's policy" where the school's name is a policy's title, else "Oakfield
 * Primary School's policy"; `byDefault`, for a setting kept from Policy Guard's recommended default.
 */
export function policyText(name: string, t: Messages, byDefault = false): string {
  const stem = byDefault ? 'w_default_of' : 'w_policy_of';
  return POLICY_TITLE.test(name) ? t(`${stem}_school`) : t(stem, [name]);
}

/** Where a channel's families see it: "Class Story, which the families of the whole class see". */
export function whereText(channel: Channel, policy: Policy, t: Messages): string {
  return t(channel === 'student-story' && policy.audiences['student-story'] === 'shared' ? 'w_student_story_shared' : `w_${keyPart(channel)}`);
}

/**
 * An instant of a finding (`iso`, else `at`, else now) in the policy's time zone, in the catalog's language.
 * A function of the module, not a closure made per finding: the CLI runs under tsx, which names each closure
 * as it is made (esbuild's keepNames), a cost on every finding of every line.
 */
function whenIn(policy: Policy, t: Messages, iso: string | undefined, at: Date | undefined, dayOnly = false): string {
  return whenText(iso ? new Date(iso) : (at ?? new Date()), policy.timeZone, t, dayOnly);
}

/**
 * The finding's message in the catalog's language. `channel`: where it was found, for findings made before
 * they carried it (`f.data.channel` wins). `at`: when it was checked, for an out-of-hours finding made before
 * it carried `f.data.at`. Where the catalog lacks the template or a fragment, the checker's English
 * (`f.message`), whole, rather than a sentence with a hole.
 */
export function findingText(f: Finding, policy: Policy, t: Messages, channel?: Channel, at?: Date): string {
  const d = f.data;
  const where = whereText((d.channel as Channel | undefined) ?? channel ?? 'class-story', policy, t);
  const whose = policyText(policy.name, t, d.policyIs === 'default');
  const school = policy.name;
  let name = d.name ?? '';
  let label = '';
  let now = '';
  let extra = '';
  let schedule = '';
  if (f.rule === 'sensitive-content') {
    label = f.messageId === 'contact' ? t(`ct_${keyPart(d.what ?? '')}`) : (d.labelId && t(`cat_${keyPart(d.labelId)}`)) || d.label || '';
  } else if (f.rule === 'out-of-hours') {
    label = school;
    now = whenIn(policy, t, d.at, at, f.messageId === 'closure' || f.messageId === 'out-of-term');
    extra = d.label ?? '';
    schedule = f.next ? t('x_schedule', [whenIn(policy, t, f.next, at)]) : '';
  } else if (f.rule === 'photo-consent') {
    if (f.messageId === 'noConsent' && d.alternative) extra = t('x_private_alternative');
    if (f.messageId === 'ambiguous') extra = d.pupils ?? '';
  } else if (f.rule === 'negative-points') {
    name = d.skill ?? '';
    label = school;
    const n = d.points ?? '1';
    extra = plural(t, 'x_points', Number(n), [n]);
  }
  if (!where || !whose) return f.message;
  const subs = [name, where, whose, label, d.term ?? '', now, staffHoursText(policy.hours.staff, t), schedule, extra];
  return t(`f_${keyPart(f.rule)}_${keyPart(f.messageId)}`, subs) || f.message;
}

/**
 * A finding's message in the interface's language. The checker (lib/rules) writes its messages in
 * English, the same text the `guard` CLI prints, and that is what an English interface shows. Any other
 * interface language is built here from the browser's i18n messages (`f_<rule>_<messageId>` templates and
 * the fragments they need), from the finding's own data and the policy; where a language has no template,
 * the English message is shown rather than nothing.
 *
 * Every template takes the same nine substitutions, in this order, so each language may use any of them:
 * $1 name, $2 where, $3 whose policy, $4 label (category, contact kind or school), $5 the words found,
 * $6 when, $7 the hours, $8 "schedule for…", $9 anything else (a closure's name, a points count).
 */
import { formatWhen } from '../lib/calendar/hours';
import type { Channel, Policy, Window } from '../lib/policy/schema';
import type { Finding } from '../lib/rules/types';

const key = (s: string) => s.replace(/-/g, '_');

interface NativeI18n {
  getMessage(key: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

/**
 * The browser's own i18n (synchronous in every browser), not webextension-polyfill's: the chunk holding this
 * module is also loaded by the framed pages (entrypoints/gate-reason, spot-note), which must never evaluate
 * the polyfill (it throws into ClassDojo's console where the extension has been reloaded; see
 * scripts/vite/polyfill-chunk.ts). Undefined outside an extension (unit tests, the CLI).
 */
function i18n(): NativeI18n | undefined {
  const g = globalThis as unknown as { browser?: { i18n?: NativeI18n }; chrome?: { i18n?: NativeI18n } };
  return (g.browser ?? g.chrome)?.i18n;
}

export function message(name: string, subs?: string[]): string {
  try {
    // Keys are built at run time here (f_<rule>_<message>), so not the typed keys of en/messages.json.
    return i18n()?.getMessage(name, subs) || '';
  } catch {
    return '';
  }
}

export function english(): boolean {
  try {
    return (i18n()?.getUILanguage() ?? 'en').toLowerCase().startsWith('en');
  } catch {
    return true;
  }
}

function uiLanguage(): string {
  try {
    return i18n()?.getUILanguage() ?? 'en-GB';
  } catch {
    return 'en-GB';
  }
}

const WEEKDAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * "Llun 23 Tach, 08:00": a moment in the school's time zone, with day and month names from the interface's
 * messages. (Chromium's own Intl data has no Welsh names: it would print "M11 22, Sun".) `withYear`: "Llun 23
 * Tach 2026, 08:00", for ranges that cross a year or are not this year.
 */
export function localWhen(at: Date, timeZone: string, dayOnly = false, withYear = false): string {
  if (english()) return dayOnly ? formatWhen(at, timeZone, withYear).split(',')[0]! : formatWhen(at, timeZone, withYear);
  try {
    const parts = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(at);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const day = message(`day_${DAYS[WEEKDAY_INDEX[get('weekday')] ?? 0]}`);
    const month = message(`month_${Number(get('month'))}`);
    const date = `${day} ${get('day')} ${month}${withYear ? ` ${get('year')}` : ''}`;
    return dayOnly ? date : `${date}, ${get('hour')}:${get('minute')}`;
  } catch {
    return formatWhen(at, timeZone, withYear);
  }
}

/** "Llun–Gwe 08:00–17:00", with the day names from the interface's messages. */
export function localWindows(windows: Window[]): string {
  const order = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  return windows
    .map((w) => {
      const idx = w.days.map((d) => order.indexOf(d)).sort((a, b) => a - b);
      const contiguous = idx.length > 1 && idx.every((v, k) => k === 0 || v === idx[k - 1]! + 1);
      const name = (i: number) => message(`day_${order[i]}`) || order[i]!;
      const days = contiguous ? `${name(idx[0]!)}–${name(idx[idx.length - 1]!)}` : idx.map(name).join(', ');
      return `${days} ${w.start}–${w.end}`;
    })
    .join('; ');
}

export interface FindingContext {
  policy: Policy;
  channel: Channel;
  /** When the draft is being checked: now, for the composer. */
  at?: Date;
}

export function findingText(f: Finding, ctx: FindingContext): string {
  if (english()) return f.message;
  const template = `f_${key(f.rule)}_${key(f.messageId)}`;
  const d = f.data;
  const { policy, channel } = ctx;
  const at = ctx.at ?? new Date();
  const whereKey = channel === 'student-story' && policy.audiences['student-story'] === 'shared' ? 'w_student_story_shared' : `w_${key(channel)}`;
  const where = message(whereKey);
  const policyOf = /\bpolicy\b/i.test(policy.name) ? message('w_policy_of_school') : message('w_policy_of', [policy.name]);
  const next = f.next ? localWhen(new Date(f.next), policy.timeZone) : '';
  const schedule = next ? message('x_schedule', [next]) : '';
  let label = '';
  let extra = '';
  let now = '';
  let name = d.name ?? '';
  if (f.rule === 'sensitive-content') label = f.messageId === 'contact' ? message(`ct_${(d.what ?? '').replace(/[^a-z]+/gi, '_')}`) || d.what || '' : message(`cat_${key(d.labelId ?? f.category ?? '')}`) || d.label || '';
  if (f.rule === 'out-of-hours') {
    label = policy.name;
    const dayOnly = f.messageId === 'closure' || f.messageId === 'out-of-term';
    now = localWhen(at, policy.timeZone, dayOnly);
    extra = d.label ?? '';
  }
  if (f.rule === 'photo-consent' && d.alternative) extra = message('x_private_alternative');
  if (f.rule === 'photo-consent' && f.messageId === 'ambiguous') extra = d.pupils ?? '';
  if (f.rule === 'negative-points') {
    name = d.skill ?? '';
    label = policy.name;
    extra = message('x_points', [(/^\d+/.exec(d.points ?? '') ?? ['1'])[0]]);
  }
  const subs = [name, where, policyOf, label, d.term ?? '', now, localWindows(policy.hours.staff), schedule, extra];
  // A template or fragment this language lacks: the English message, whole, rather than a sentence with a hole.
  if (!where || !policyOf) return f.message;
  return message(template, subs) || f.message;
}

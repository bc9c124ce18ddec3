/**
 * Where a parent's message belongs under the school's policy, and a kind reply that sends the parent
 * there, in the parent's language where the school has a template. A safeguarding message never gets a
 * canned reply; an abusive one gets the school's conduct clause and no reply that argues back.
 */
import { describeWindows } from '../calendar/hours';
import type { Messages } from '../i18n/finding';
import { messages } from '../i18n/messages';
import { adviceText, hintText } from '../i18n/routing';
import type { Contact, Destination, Policy, QueryCategory, TemplatePlaceholder } from '../policy/schema';
import { ownEntry } from '../policy/vocab';
import { findMentions } from '../rules/names';
import { indexRoster } from '../rules/roster';
import type { HolidayCalendar, Pupil } from '../rules/types';
import { tokenize } from '../text/tokens';
import { classify, type SafeguardingLevel } from './classify';
import { detectConduct, type Conduct } from './conduct';
import replyWordsData from './data/reply-words.json';

/**
 * The router's language codes (franc's macrolanguage or individual codes, lib/routing/language.ts) that the
 * policy format writes otherwise (lib/policy/vocab.ts LANGUAGES): without this a school's Arabic or Persian
 * reply templates were never used (probe 16i).
 */
const POLICY_LANGUAGE: Record<string, string> = { ara: 'arb', pes: 'fas' };

/**
 * A detected language's code as the policy format writes it (lib/policy/vocab.ts LANGUAGES): `ara` → `arb`,
 * `pes` → `fas`, any other code unchanged. For output a school reads beside its policy file (`guard route`).
 */
export function policyLanguageCode(code: string): string {
  return POLICY_LANGUAGE[code] ?? code;
}

export interface RouteResult {
  intent: QueryCategory;
  secondary: QueryCategory[];
  destination: Destination;
  /** ISO 639-3 code of the message's language. */
  language: string;
  confidence: number;
  cues: string[];
  /** A suggested reply to put in the composer; null where none should be sent (safeguarding, abuse, the teacher answers). */
  reply: string | null;
  /** What the teacher should do, in one or two sentences. */
  advice: string;
  conduct?: Conduct;
  conductCues?: string[];
  /** The abusive, threatening or aggressive message is written mostly in capitals (shouted). */
  conductInCapitals?: true;
  contact?: Contact;
  /** Safeguarding only: `disclosure` (the DSL now, no reply) or `concern` (read it as one; the DSL one click away). */
  level?: SafeguardingLevel;
  /** When the router is not sure: the two likeliest intents and where each goes, most likely first (no reply). */
  unsure?: { intent: QueryCategory; destination: Destination; contact?: string; contactGeneric?: Contact['generic'] }[];
  /** The language of `reply`: the parent's where the school has a template in it, otherwise English. */
  replyLanguage?: string;
}

type ReplyWords = { [K in Destination | 'child' | 'translateNote']?: string } & { days?: Record<string, string> };

/**
 * Policy Guard's own words in a reply to a parent, by the reply's language (ISO 639-3; lib/routing/data/
 * reply-words.json): the roles a contact stands for where the policy names none or names a role in Policy
 * Guard's words (`generic`), "your child", the day names of the reply hours, the note on ClassDojo's Translate
 * button. The reply is in its template's language (English where the school wrote none in the parent's), not
 * the interface's: these are not from the interface's catalog. English where a language lacks a word.
 */
const REPLY_WORDS = replyWordsData as Record<string, ReplyWords>;

/** A word of Policy Guard's in the reply's `language`, English where that language has none. */
function replyWord(language: string, key: Destination | 'child' | 'translateNote'): string {
  return REPLY_WORDS[language]?.[key] ?? REPLY_WORDS.eng![key]!;
}

/** Said (in English) at the end of an English reply to a parent who wrote in a language Policy Guard has no note in. */
export const TRANSLATE_NOTE = replyWord('eng', 'translateNote');

/**
 * Welsh joins a word to the next as its first letter asks ("â" + "y swyddog" is "â'r swyddog", "â" before a
 * vowel is "ag"): applied where a filled slot starts, so a role name or a pupil's name reads right after the
 * template's "â", "i", "gyda" or "o". The school's own words elsewhere are left as written.
 */
export function welshJoins(text: string): string {
  return text
    .replace(/(?<!\p{L})(â|i|gyda|o|a) (?:y|yr) (?=\p{L})/gu, (_, w: string) => `${w}'r `)
    .replace(/(?<!\p{L})â (?=[aeiouâêîôûAEIOUÂÊÎÔÛ])/gu, 'ag ');
}

/**
 * A name's possessive with the template's apostrophe (' or ’): "Mia" → "Mia's", "James" → "James'", and a name
 * already possessive ("Mia's", "Charles'") as it is. Never "Mia's's".
 */
export function possessive(name: string, apostrophe = "'"): string {
  const n = name.trimEnd();
  if (/['’]s$/i.test(n) || /s['’]$/i.test(n)) return n;
  return /s$/i.test(n) ? `${n}${apostrophe}` : `${n}${apostrophe}s`;
}

/** Fills a template's placeholders from `values` (only its own keys: `{constructor}` is left as written). "{pupil}'s" is the pupil's possessive (see possessive). */
export function fill(template: string, values: Partial<Record<TemplatePlaceholder, string>>): string {
  const pupil = ownEntry<string>(values, 'pupil');
  return template
    .replace(/\{pupil\}(['’])s(?![\p{L}])/gu, (whole, apostrophe: string) => (pupil === undefined ? whole : possessive(pupil, apostrophe)))
    .replace(/\{(\w+)\}/g, (whole, key: string) => ownEntry<string>(values, key) ?? whole)
    // From the start of a run of spaces only: "\s+" tried at every space of a long run is quadratic.
    .replace(/(?<!\s)\s+([,.])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** The pupil a parent writes about: a roster name, or a common first name used as a name. */
function pupilIn(tokens: ReturnType<typeof tokenize>, roster: readonly Pupil[]): string | undefined {
  const mention = findMentions(tokens, indexRoster(roster))[0];
  if (!mention) return undefined;
  // A name read from the message as written may be possessive ("Is Mia's book…"): the name alone.
  return mention.pupils[0]?.pupil.first ?? mention.first.replace(/['’]s$|(?<=s)['’]$/i, '');
}

export function routeMessage(
  text: string,
  policy: Policy,
  options: { language: string; roster?: readonly Pupil[]; at?: Date; calendar?: HolidayCalendar; messages?: Messages } = { language: 'eng' },
): RouteResult {
  const tokens = tokenize(text.slice(0, 20_000));
  const c = classify(text, tokens);
  const route = policy.routing.routes[c.intent];
  const destination = route.destination;
  const contact = ownEntry(policy.routing.contacts, route.contact);
  const language = options.language;
  const conduct = detectConduct(text, tokens);
  const pupil = pupilIn(tokens, options.roster ?? []) ?? replyWord(language, 'child');
  const whereTo = (intent: QueryCategory) => {
    const r = policy.routing.routes[intent];
    const who = ownEntry(policy.routing.contacts, r.contact);
    return { intent, destination: r.destination, ...(who?.name ? { contact: who.name, ...(who.generic ? { contactGeneric: who.generic } : {}) } : {}) };
  };

  // Unsure between two intents that go to the same place is sure enough to route (absence or sickness).
  const unsure = c.unsure && whereTo(c.unsure[0]).destination !== whereTo(c.unsure[1]).destination ? c.unsure : undefined;
  let reply: string | null = null;
  let replyLanguage: string | undefined;
  if (destination !== 'dsl' && !unsure && destination !== 'teacher') {
    const templates = policy.routing.templates[destination] ?? {};
    const written = policyLanguageCode(language);
    const own = ownEntry<string>(templates, written);
    const template = own ?? templates.eng;
    if (template) {
      replyLanguage = own ? written : 'eng';
      const days = REPLY_WORDS[replyLanguage]?.days ?? REPLY_WORDS.eng!.days!;
      reply = fill(template, {
        pupil: own ? pupil : pupilIn(tokens, options.roster ?? []) ?? replyWord('eng', 'child'),
        // A role in Policy Guard's words is said in the reply's language; the school's own name as written.
        contact: contact?.generic ? replyWord(replyLanguage, contact.generic) : contact?.name ?? replyWord(replyLanguage, destination),
        how: contact?.how ?? '',
        phone: contact?.phone ?? '',
        email: contact?.email ?? '',
        hours: describeWindows(policy.hours.parentReplies, { day: (d) => days[d] ?? d, month: (m) => String(m + 1) }),
      });
      if (replyLanguage === 'cym') reply = welshJoins(reply);
      // No template in the parent's language: English, and where to read it in theirs, said in theirs where
      // Policy Guard has the words (English otherwise).
      if (!own && language !== 'eng' && language !== 'und') reply = `${reply} ${replyWord(language, 'translateNote')}`;
    }
  }
  if (conduct) {
    reply = null;
    replyLanguage = undefined;
  }
  const result: RouteResult = {
    intent: c.intent,
    secondary: c.secondary,
    destination,
    language,
    confidence: c.confidence,
    cues: c.cues,
    reply,
    advice: '',
    ...(conduct ? { conduct: conduct.conduct, conductCues: conduct.cues, ...(conduct.capitals ? { conductInCapitals: true as const } : {}) } : {}),
    ...(contact ? { contact } : {}),
    ...(c.level ? { level: c.level } : {}),
    ...(unsure && !c.level ? { unsure: unsure.map(whereTo) } : {}),
    ...(reply && replyLanguage ? { replyLanguage } : {}),
  };
  // Worded once, here, in the installed catalog's language (lib/i18n/messages.ts).
  result.advice = adviceText(result, policy, options.messages ?? messages) || `${c.intent}: ${destination}`;
  return result;
}

/**
 * For the parent writing on home.classdojo.com: where this belongs (`redirect`: none when it is the teacher's or
 * the DSL's, or when unsure between two places) and when the teacher will reply (`replies`, with the earliest
 * reply when it is outside those hours at `at`), worded in the installed catalog's language (`messages`: another).
 */
export function parentHint(text: string, policy: Policy, at: Date, calendar?: HolidayCalendar, catalog: Messages = messages) {
  const c = classify(text.slice(0, 20_000));
  const route = policy.routing.routes[c.intent];
  const elsewhere = !(route.destination === 'teacher' || route.destination === 'dsl' || (c.unsure && c.unsure.some((i) => policy.routing.routes[i].destination !== route.destination)));
  const hint = { intent: c.intent, destination: route.destination, redirect: elsewhere ? 'yes' : undefined, replies: policy.hours.parentReplies.length ? 'yes' : undefined, confidence: c.confidence };
  return { ...hint, ...hintText(hint, policy, catalog, at, calendar) };
}

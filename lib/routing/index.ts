/**
 * Where a parent's message belongs under the school's policy, and a kind reply that sends the parent
 * there, in the parent's language where the school has a template. A safeguarding message never gets a
 * canned reply; an abusive one gets the school's conduct clause and no reply that argues back.
 */
import { checkHours, describeWindows, formatWhen } from '../calendar/hours';
import { policyOf } from '../policy/describe';
import type { Contact, Destination, Policy, QueryCategory, TemplatePlaceholder } from '../policy/schema';
import { ownEntry } from '../policy/vocab';
import { findMentions } from '../rules/names';
import { indexRoster } from '../rules/roster';
import type { HolidayCalendar, Pupil } from '../rules/types';
import { tokenize } from '../text/tokens';
import { classify, type SafeguardingLevel } from './classify';
import { detectConduct, type Conduct } from './conduct';

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
  contact?: Contact;
  /** Safeguarding only: `disclosure` (the DSL now, no reply) or `concern` (read it as one; the DSL one click away). */
  level?: SafeguardingLevel;
  /** When the router is not sure: the two likeliest intents and where each goes, most likely first (no reply). */
  unsure?: { intent: QueryCategory; destination: Destination; contact?: string }[];
  /** The language of `reply`: the parent's where the school has a template in it, otherwise English. */
  replyLanguage?: string;
}

/** Said at the end of an English reply to a parent who wrote in another language. */
export const TRANSLATE_NOTE = "ClassDojo's Translate button shows this message in your language.";

const CHILD: Record<string, string> = { eng: 'your child', cym: 'eich plentyn', pol: 'dziecko' };

const DESTINATION_NAMES: Record<Destination, string> = {
  attendance: 'the attendance officer',
  office: 'the school office',
  nursing: 'the school nursing team',
  dsl: 'the Designated Safeguarding Lead',
  meeting: 'a meeting with the teacher',
  teacher: 'the class teacher',
};

const INTENT_NAMES: Record<QueryCategory, string> = {
  absence: 'Absences',
  sickness: 'Sickness absences',
  medical: 'Medication and medical needs',
  dinners: 'School dinner queries',
  complaint: 'Complaints',
  urgent: 'Urgent messages',
  clubs: 'Club queries',
  'lost-property': 'Lost property',
  progress: 'Questions about progress',
  trip: 'Trip questions',
  safeguarding: 'Safeguarding concerns',
  general: 'General messages',
};

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
  options: { language: string; roster?: readonly Pupil[]; at?: Date; calendar?: HolidayCalendar } = { language: 'eng' },
): RouteResult {
  const tokens = tokenize(text.slice(0, 20_000));
  const c = classify(text, tokens);
  const route = policy.routing.routes[c.intent];
  const destination = route.destination;
  const contact = ownEntry(policy.routing.contacts, route.contact);
  const language = options.language;
  const conduct = detectConduct(text, tokens);
  const pupil = pupilIn(tokens, options.roster ?? []) ?? CHILD[language] ?? CHILD.eng!;
  const policyName = policyOf(policy.name).replace(/^The/, 'the');
  const whereTo = (intent: QueryCategory) => {
    const r = policy.routing.routes[intent];
    const who = ownEntry(policy.routing.contacts, r.contact);
    return { intent, destination: r.destination, ...(who?.name ? { contact: who.name } : {}) };
  };

  // Unsure between two intents that go to the same place is sure enough to route (absence or sickness).
  const unsure = c.unsure && whereTo(c.unsure[0]).destination !== whereTo(c.unsure[1]).destination ? c.unsure : undefined;
  let reply: string | null = null;
  let replyLanguage: string | undefined;
  let advice: string;
  if (destination === 'dsl' && c.level === 'concern') {
    const other = c.secondary[0];
    advice = `This may be a safeguarding concern: read it as one. If anything in it suggests a child is at risk, tell ${contact?.name ?? 'the Designated Safeguarding Lead'} today, following the school's safeguarding procedure. Do not send a redirect reply.${other ? ` Otherwise it reads as: ${INTENT_NAMES[other].toLowerCase()}.` : ''}`;
  } else if (destination === 'dsl') {
    advice = `This may be a safeguarding concern. Follow the school's safeguarding procedure: tell ${contact?.name ?? 'the Designated Safeguarding Lead'} now, in person. Do not send a redirect reply.`;
  } else if (unsure) {
    const [a, b] = unsure.map(whereTo);
    const name = (w: typeof a) => `${INTENT_NAMES[w!.intent].toLowerCase()} (${w!.contact ?? DESTINATION_NAMES[w!.destination]})`;
    advice = `Not sure where this belongs: most likely ${name(a)}, or ${name(b)}. Read it and choose.`;
  } else if (destination === 'teacher') {
    advice = `${INTENT_NAMES[c.intent]} are yours to answer under ${policyName}.`;
  } else {
    const templates = policy.routing.templates[destination] ?? {};
    const written = policyLanguageCode(language);
    const own = ownEntry<string>(templates, written);
    const template = own ?? templates.eng;
    if (template) {
      replyLanguage = own ? written : 'eng';
      reply = fill(template, {
        pupil: own ? pupil : pupilIn(tokens, options.roster ?? []) ?? CHILD.eng!,
        contact: contact?.name ?? DESTINATION_NAMES[destination],
        how: contact?.how ?? '',
        phone: contact?.phone ?? '',
        email: contact?.email ?? '',
        hours: describeWindows(policy.hours.parentReplies),
      });
      // No template in the parent's language: English, and where to read it in theirs.
      if (!own && language !== 'eng' && language !== 'und') reply = `${reply} ${TRANSLATE_NOTE}`;
    }
    advice =
      destination === 'meeting'
        ? `${INTENT_NAMES[c.intent]} are discussed at a meeting, not over ClassDojo, under ${policyName}.`
        : `${INTENT_NAMES[c.intent]} go to ${contact?.name ?? DESTINATION_NAMES[destination]}${contact?.how ? ` (${contact.how})` : ''} under ${policyName}.`;
  }
  if (conduct) {
    reply = null;
    replyLanguage = undefined;
    advice = `This message reads as ${conduct.conduct}. ${policy.conduct.consequence} ${policy.conduct.report} Do not reply to argue back. ${advice}`.trim();
  }
  return {
    intent: c.intent,
    secondary: c.secondary,
    destination,
    language,
    confidence: c.confidence,
    cues: c.cues,
    reply,
    advice,
    ...(conduct ? { conduct: conduct.conduct, conductCues: conduct.cues } : {}),
    ...(contact ? { contact } : {}),
    ...(c.level ? { level: c.level } : {}),
    ...(unsure && !c.level ? { unsure: unsure.map(whereTo) } : {}),
    ...(reply && replyLanguage ? { replyLanguage } : {}),
  };
}

/** For the parent writing on home.classdojo.com: where this belongs, and when the teacher will reply. */
export function parentHint(text: string, policy: Policy, at: Date, calendar?: HolidayCalendar) {
  const c = classify(text.slice(0, 20_000));
  const route = policy.routing.routes[c.intent];
  const contact = ownEntry(policy.routing.contacts, route.contact);
  const redirect =
    route.destination === 'teacher' || route.destination === 'dsl' || (c.unsure && c.unsure.some((i) => policy.routing.routes[i].destination !== route.destination))
      ? undefined
      : route.destination === 'meeting'
        ? `${INTENT_NAMES[c.intent]} are best discussed at a meeting: you can use this message to arrange one.`
        : `${INTENT_NAMES[c.intent]} go to ${contact?.name ?? DESTINATION_NAMES[route.destination]}${contact?.how ? `, ${contact.how}` : ''}.`;
  const windows = policy.hours.parentReplies;
  let replies: string | undefined;
  if (windows.length) {
    const verdict = checkHours(at, windows, policy.hours, policy.timeZone, calendar);
    const hours = describeWindows(windows);
    replies = verdict.allowed
      ? `Teachers reply ${hours}${policy.hours.responseTime ? `, ${policy.hours.responseTime}` : ''}.`
      : `Teachers reply ${hours}. The earliest reply would be ${verdict.next ? formatWhen(verdict.next, policy.timeZone) : 'next term'}.`;
  }
  return { intent: c.intent, destination: route.destination, redirect, replies, confidence: c.confidence };
}

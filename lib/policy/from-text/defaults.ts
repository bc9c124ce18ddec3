/**
 * Policy Guard's recommended defaults: what a proposal offers where a school's document is silent, and
 * the neutral template a school starts from without a document. They cite no school.
 */
import { CHANNELS, QUERY_CATEGORIES, SENSITIVE_CATEGORIES, type Channel, type Contact, type QueryCategory, type Routing, type Window } from '../schema';
import { DEFAULT_NAMES, type ReaderNoteId } from '../reader-note';
import type { Item, Proposal, RouteValue } from './types';

export const WEEKDAYS_MON_FRI = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

export const DEFAULT_HOURS: Window[] = [{ days: [...WEEKDAYS_MON_FRI], start: '08:00', end: '17:00' }];

/** The channels more than one family sees, by ClassDojo's own audiences. */
export const SHARED_CHANNELS: Channel[] = ['class-story', 'school-story', 'class-chat'];
/** Every channel a teacher writes in (points are awards, not messages). */
export const WRITING_CHANNELS: Channel[] = CHANNELS.filter((c) => c !== 'points');

export const DEFAULT_AUDIENCES: Record<Channel, 'shared' | 'private'> = {
  'class-story': 'shared',
  'school-story': 'shared',
  'class-chat': 'shared',
  'private-chat': 'private',
  'student-story': 'private',
  points: 'private',
};

/**
 * Policy Guard's own English names for the roles a policy may leave unnamed, as its readers and presets write
 * them (lower case): a contact so named is `generic` (lib/policy/schema.ts Contact), worded in the interface's
 * and a reply's own language rather than quoted.
 */
export const GENERIC_NAMES: Readonly<Record<string, NonNullable<Contact['generic']>>> = DEFAULT_NAMES;

/**
 * The reader's own role wordings (extract.ts's contact table, the defaults here), by the role they name: a role
 * in these words is Policy Guard's, and the review names it in the interface's language; any other is the school's.
 */
export const GENERIC_ROLES: Readonly<Record<string, NonNullable<Contact['generic']>>> = {
  'attendance officer': 'attendance',
  'school office': 'office',
  'school nursing team': 'nursing',
  'designated safeguarding lead': 'dsl',
};

/**
 * Policy Guard's own words for the other roles its reader writes (extract.ts: ROLES, CONTACT_ROLES, the head's
 * title; lower case), by the catalog's `setupRole_<id>`: the review names such a role in the interface's language.
 * A role the document words itself ("Family Liaison Officer") is the school's, shown as written.
 */
export const ROLE_WORDS: Readonly<Record<string, string>> = {
  headteacher: 'headteacher',
  'head of school': 'headOfSchool',
  principal: 'principal',
  'deputy designated safeguarding lead': 'deputyDsl',
  senco: 'senco',
  'attendance officer': 'attendanceOfficer',
  attendance: 'attendanceOnly',
  'complaints procedure': 'complaints',
};

/**
 * A contact marked `generic` when its name is one of Policy Guard's own role names; a name of the school's own is
 * never generic (a mark left from a default whose name the document then gave: the routing card said "the DSL",
 * not "Mrs Rachel Dunmore"). `false` (a name the school edited) stays as it is.
 */
export function markGeneric<C extends Contact>(contact: C): C {
  const generic = GENERIC_NAMES[contact.name.trim().toLowerCase()];
  if (generic) return contact.generic === undefined ? { ...contact, generic } : contact;
  return contact.generic ? { ...contact, generic: false } : contact;
}

export const DSL_CONTACT: Contact = {
  name: 'the Designated Safeguarding Lead',
  role: 'Designated Safeguarding Lead',
  how: "in person, straight away, following the school's safeguarding procedure",
  generic: 'dsl',
};

export const OFFICE_CONTACT: Contact = { name: 'the school office', role: 'School office', how: 'by phone or in person, not through ClassDojo', generic: 'office' };

/**
 * Replies written for any contact's name: no pronoun is baked in ("please contact them {how}"), and a
 * contact's `how` is a phrase such as "by phone before 9am", never "by sending him a message".
 */
export const TEMPLATES: Routing['templates'] = {
  attendance: { eng: "Thank you for letting me know. So that it is recorded properly, please report {pupil}'s absence to {contact} {how}. Thank you." },
  office: { eng: 'Thank you for your message. This needs to go to {contact}, who will deal with it directly: please contact them {how}. Thank you for your help.' },
  nursing: { eng: 'Thank you for letting me know. Changes to medication or feeds need to be discussed with {contact}: please contact them {how}, so that everyone who needs to know is told.' },
  meeting: { eng: 'Thank you for your message. I would be happy to talk about how {pupil} is getting on. Please let me know some times that suit you and we can arrange a meeting.' },
};

/**
 * The same replies in Welsh, for a Welsh-medium or bilingual school (its document in Welsh, or both). A
 * contact's `how` is worded in English ("by phone before 9am"), and a Welsh reply with English in the middle
 * would not do: `{ffordd}` is where the way to reach the contact goes, in Welsh (welshWays), filled when the
 * policy is built (buildPolicy); it is never left in a policy's template.
 */
export const WELSH_TEMPLATES: Partial<Record<keyof typeof TEMPLATES, string>> = {
  attendance: "Diolch am roi gwybod i mi. Er mwyn iddo gael ei gofnodi'n gywir, rhowch wybod i {contact} am absenoldeb {pupil}{ffordd}, os gwelwch yn dda. Diolch.",
  office: 'Diolch am eich neges. Mae angen i {contact} ddelio â hyn yn uniongyrchol: cysylltwch â {contact}{ffordd}, os gwelwch yn dda. Diolch am eich help.',
  nursing: 'Diolch am roi gwybod i mi. Mae angen trafod newidiadau i feddyginiaeth neu fwydo gyda {contact}: cysylltwch â {contact}{ffordd}, os gwelwch yn dda, er mwyn i bawb sydd angen gwybod gael gwybod.',
  meeting: "Diolch am eich neges. Byddwn yn hapus i siarad am sut mae {pupil} yn dod yn ei flaen. Rhowch wybod pa amserau sy'n gyfleus i chi, a gallwn drefnu cyfarfod.",
};

/** The parts of a way of reaching someone that Welsh replies say, each in Welsh. */
interface WelshWay {
  ways: string[];
  before?: string;
  notDojo: boolean;
}

/** "9am" → "9yb", "3.30pm" → "3.30yp": Welsh writes the time of day as "yb" (morning) and "yp" (afternoon). */
const welshTime = (t: string) => t.replace(/\s?a\.?m\.?$/i, 'yb').replace(/\s?p\.?m\.?$/i, 'yp');

/**
 * A contact's `how` (English, as Policy Guard words it from a document or as a school writes it) read for
 * the ways it gives: by phone, by email, in person, in writing; before a time or the school day; not
 * through ClassDojo. Words it does not know are left out (never English in a Welsh reply).
 */
function welshWayOf(how: string): WelshWay {
  const ways: string[] = [];
  if (/\b(?:by (?:tele)?phone|phon(?:e|ing)|telephon\w*|ring(?:ing)?|call(?:ing)?)\b/i.test(how)) ways.push('dros y ffôn');
  if (/\be-?mail\w*\b/i.test(how)) ways.push('drwy e-bost');
  if (/\bin person\b|\bface[- ]to[- ]face\b/i.test(how)) ways.push('yn bersonol');
  if (/\bin writing\b|\bby letter\b/i.test(how)) ways.push('yn ysgrifenedig');
  const time = /\b(?:before|by)\s+(\d{1,2}(?:[:.]\d{2})?\s?(?:a\.?m\.?|p\.?m\.?))/i.exec(how);
  const day = /\bbefore (?:the start of )?(?:the )?school day\b/i.test(how) ? "cyn i'r diwrnod ysgol ddechrau" : /\bbefore registration\b/i.test(how) ? 'cyn cofrestru' : undefined;
  return { ways, ...(time ? { before: `cyn ${welshTime(time[1]!)}` } : day ? { before: day } : {}), notDojo: /\bnot (?:through|via|on|using|by) (?:class ?dojo|dojo)\b/i.test(how) };
}

/**
 * The way to reach a destination's contacts in Welsh, for a Welsh reply's `{ffordd}`: " dros y ffôn cyn 9yb",
 * " drwy e-bost, nid drwy ClassDojo". Where several contacts share the destination (one reply for all),
 * only what every one of them has in common; "" when nothing is known (the reply then names the contact only).
 */
export function welshWays(hows: string[]): string {
  if (!hows.length) return '';
  const all = hows.map(welshWayOf);
  const ways = all[0]!.ways.filter((w) => all.every((x) => x.ways.includes(w)));
  const before = all.every((x) => x.before && x.before === all[0]!.before) ? all[0]!.before : undefined;
  const notDojo = all.every((x) => x.notDojo);
  const parts = [ways.join(' neu '), before].filter(Boolean).join(' ');
  return `${parts ? ` ${parts}` : ''}${notDojo ? `${parts ? ',' : ''} nid drwy ClassDojo` : ''}`;
}

/**
 * The recommended conduct rule. Its consequence is what the review shows: worded in the interface's language
 * (`setupConductDefault`) while it is still exactly this.
 */
export const DEFAULT_CONDUCT = { consequence: "The school's usual procedure for inappropriate messages applies.", report: 'Report the message to a senior leader straight away.' } as const;

export const SAFEGUARDING_NOTE =
  "A worry about a child's safety always goes to the Designated Safeguarding Lead under statutory guidance (Keeping Children Safe in Education), whatever the ClassDojo policy says; Policy Guard never suggests a canned reply to it.";

/**
 * The English of each recommended default's note, as the policy file keeps it (`note`); the interface words the
 * note from its id instead (`readerNote_<id>`, lib/i18n/reader-note.ts). tests/unit/policy/from-text/reader-notes
 * checks that the English catalog says exactly this.
 */
export const DEFAULT_NOTES = {
  safeguarding: SAFEGUARDING_NOTE,
  routeTeacher: 'Not in the document: the class teacher answers (recommended default).',
  nameEntered: 'Entered by the school.',
  nameMissing: "The document does not name the school: enter the school's name.",
  staffHours: 'Not in the document. Recommended: Monday to Friday, 8am to 5pm, the hours most school ClassDojo policies set.',
  replyHours: 'Not in the document. Recommended: parents are told to expect replies in the staff sending hours.',
  termTime: 'Not in the document: the hours apply all year (add holidays as closures).',
  responseTime: 'Not in the document: parents are not told a response time.',
  dsl: 'Every school has a Designated Safeguarding Lead; enter their name if parents should see it.',
  fullName: 'Not in the document. Recommended: first names only where more than one family sees a post (a surname initial where two pupils share a first name).',
  pupilName: 'Not in the document: pupils’ first names may be used (recommended default: off).',
  sensitiveContent: 'Not in the document. Recommended: health, SEN, safeguarding, behaviour and family matters only in private messages, never where other families see them.',
  photoConsent: 'Not in the document. Recommended: no photo of a pupil without photo consent, and none of a child in Local Authority care (UK data protection and looked-after children guidance).',
  outOfHours: 'Not in the document. Recommended: a check before sending outside the sending hours.',
  negativePoints: 'Not in the document: taking points away is not checked (recommended default: off).',
  audiences: "ClassDojo's own audiences: Class Story, School Story and class chats reach many families; a one-to-one chat, a pupil's portfolio and points reach one family.",
  conduct: 'Not in the document: the recommended wording.',
  monitoring: 'Not in the document: leaders are not asked to review class pages.',
} as const satisfies Partial<Record<ReaderNoteId, string>>;
export type DefaultNoteId = keyof typeof DEFAULT_NOTES;

/** A default's note: its English and its id. */
const noted = (id: DefaultNoteId) => ({ note: DEFAULT_NOTES[id], noteId: id });

function rec<T>(value: T, id: DefaultNoteId): Item<T> {
  return { value, origin: 'recommended', quotes: [], ...noted(id) };
}
function silent<T>(value: T, id: DefaultNoteId): Item<T> {
  return { value, origin: 'silent', quotes: [], ...noted(id) };
}

/**
 * Leaves out (in place) an item's note id where its note is no longer the default's (the reader wrote its own,
 * or added to it): such a note is shown as written, never worded as the default it replaced.
 */
export function dropStaleNoteId(item: Item<unknown>): void {
  if (item.noteId && !(item.noteId in DEFAULT_NOTES && item.note === DEFAULT_NOTES[item.noteId as DefaultNoteId])) {
    delete item.noteId;
    delete item.noteData;
  }
}

export function defaultRoute(category: QueryCategory): Item<RouteValue> {
  if (category === 'safeguarding') return rec({ destination: 'dsl', contact: 'dsl' }, 'safeguarding');
  return rec({ destination: 'teacher' }, 'routeTeacher');
}

/**
 * A proposal with every item at its recommended default and no quotes: the neutral template for a school
 * with no document, and what extraction starts from. `name` is the school's name ("Our school" if none).
 */
export function blankProposal(file: string, name?: string): Proposal {
  const routes = Object.fromEntries(QUERY_CATEGORIES.map((c) => [c, defaultRoute(c)])) as Proposal['routes'];
  return {
    file,
    title: name ? `${name} ClassDojo policy` : 'ClassDojo policy',
    languages: ['eng'],
    name: name ? { value: name, origin: 'recommended', quotes: [], ...noted('nameEntered') } : rec('Our school', 'nameMissing'),
    staffHours: rec(structuredClone(DEFAULT_HOURS), 'staffHours'),
    replyHours: rec(structuredClone(DEFAULT_HOURS), 'replyHours'),
    termTime: rec(false, 'termTime'),
    responseTime: silent('', 'responseTime'),
    contacts: { dsl: rec(structuredClone(DSL_CONTACT), 'dsl') },
    routes,
    rules: {
      'full-name': rec({ action: 'confirm', allowSurnameInitial: true }, 'fullName'),
      'pupil-name': silent({ action: 'off' }, 'pupilName'),
      'sensitive-content': rec(
        { action: 'confirm', categories: [...SENSITIVE_CATEGORIES], channels: [...SHARED_CHANNELS] },
        'sensitiveContent',
      ),
      'photo-consent': rec(
        { action: 'block', consentRequiredIn: [...WRITING_CHANNELS], neverInCare: true, noChildrenIn: [], notRecorded: 'hold' },
        'photoConsent',
      ),
      'out-of-hours': rec({ action: 'confirm', channels: [...WRITING_CHANNELS] }, 'outOfHours'),
      'negative-points': silent({ action: 'off' }, 'negativePoints'),
    },
    audiences: rec({ ...DEFAULT_AUDIENCES }, 'audiences'),
    conduct: rec({ ...DEFAULT_CONDUCT }, 'conduct'),
    monitoring: silent(false, 'monitoring'),
  };
}

/**
 * Routing advice (for the teacher) and hints (for the parent), from the interface's message catalog: the same
 * functions for every language, used by the routing card, the parent's hint and the `guard` CLI. A route carries
 * ids and data (intent, destination, contact, the unsure pair, the safeguarding tier, the conduct); the sentence
 * is the catalog's `r_*` or `h_*` template filled from them. The school's own words (a contact's name and "how
 * to reach them", its conduct consequence and report line, its response time) are quoted as the school wrote
 * them, in either language.
 */
import { checkHours } from '../calendar/hours';
import type { Contact, Destination, Policy, QueryCategory } from '../policy/schema';
import { ownEntry } from '../policy/vocab';
import type { RouteResult } from '../routing/index';
import type { HolidayCalendar } from '../rules/types';
import { keyPart, POLICY_TITLE, whenText, windowsText, type Messages } from './finding';

/** What a parent's hint is made from: the query, where it goes, and whether to say where (`redirect`) and when teachers reply (`replies`). */
export interface HintFacts {
  intent: QueryCategory;
  destination: Destination;
  redirect?: unknown;
  replies?: unknown;
}

/** A kind of query as a sentence's subject ("Absences", "absenoldeb"); `mid`: within a sentence ("absences"). */
const queryName = (intent: QueryCategory, t: Messages, mid = false) => {
  const name = t(`q_${keyPart(intent)}`);
  return mid ? name.toLowerCase() : name;
};

/** Whom a destination stands for where the policy names no contact ("the school office"). */
const destinationName = (destination: Destination, t: Messages) => t(`to_${destination}`);

/**
 * A contact's name as the interface says it: a role named in Policy Guard's own words (`generic`: the presets'
 * DSL, a role a document reader found no name for) in the interface's language (`to_<role>`); the school's own
 * name as written.
 */
export function contactName(contact: { name: string; generic?: Contact['generic'] }, t: Messages): string {
  return (contact.generic && t(`to_${contact.generic}`)) || contact.name;
}

/** "the school's policy" / "Oakfield Primary School's policy", within a sentence. */
const policyName = (policy: Policy, t: Messages) => (POLICY_TITLE.test(policy.name) ? t('r_policy_school') : t('r_policy_of', [policy.name]));

/**
 * The teacher's advice for a routed message, in the catalog's language: where it belongs and why (the DSL now,
 * or today for a possible concern; the pair it may be; the contact and how to reach them), after what the
 * policy says of abusive, threatening or aggressive messages. Where the catalog lacks a template, the router's
 * English (`route.advice`), whole.
 */
export function adviceText(route: RouteResult, policy: Policy, t: Messages): string {
  const contact = route.contact?.name ? contactName(route.contact, t) : destinationName(route.destination, t);
  const under = policyName(policy, t);
  let advice: string;
  if (route.destination === 'dsl' && route.level === 'concern') {
    const other = route.secondary[0];
    advice = t('r_concern', [contact, other ? t('x_otherwise', [queryName(other, t, true)]) : '']);
  } else if (route.destination === 'dsl') advice = t('r_dsl', [contact]);
  else if (route.unsure) advice = t('r_unsure', route.unsure.map((u) => `${queryName(u.intent, t, true)} (${u.contact ? contactName({ name: u.contact, generic: u.contactGeneric }, t) : destinationName(u.destination, t)})`));
  else if (route.destination === 'teacher') advice = t('r_teacher', [queryName(route.intent, t), under]);
  else if (route.destination === 'meeting') advice = t('r_meeting', [queryName(route.intent, t), under]);
  else advice = t('r_other', [queryName(route.intent, t), contact, route.contact?.how ? ` (${route.contact.how})` : '', under]);
  if (advice && route.conduct) advice = t('r_conduct', [t(`x_conduct_${route.conduct}`), `${policy.conduct.consequence} ${policy.conduct.report}`, advice]).trim();
  return advice || route.advice;
}

/**
 * The parent's hint, in the catalog's language: where the message really goes (none when it is the teacher's,
 * or the DSL's: a parent is never told to go elsewhere with a concern), and when teachers reply, with the
 * earliest reply when it is outside those hours now (`at`). Nothing where the catalog lacks the template.
 */
export function hintText(hint: HintFacts, policy: Policy, t: Messages, at: Date, calendar?: HolidayCalendar): { urgent?: string; redirect?: string; replies?: string } {
  const route = policy.routing.routes[hint.intent];
  const contact = ownEntry(policy.routing.contacts, route.contact);
  const redirect = hint.redirect
    ? hint.destination === 'meeting'
      ? t('h_meeting', [queryName(hint.intent, t)])
      : t('h_other', [queryName(hint.intent, t), contact?.name ? contactName(contact, t) : destinationName(hint.destination, t), contact?.how ? `, ${contact.how}` : ''])
    : undefined;
  let replies: string | undefined;
  const windows = policy.hours.parentReplies;
  if (hint.replies && windows.length) {
    const verdict = checkHours(at, windows, policy.hours, policy.timeZone, calendar);
    const hours = windowsText(windows, t);
    replies = verdict.allowed
      ? t('h_replies_in', [hours, policy.hours.responseTime ? `, ${policy.hours.responseTime}` : ''])
      : t('h_replies_out', [hours, verdict.next ? whenText(verdict.next, policy.timeZone, t) : t('x_next_term')]);
  }
  // A worry about a child's safety is never sent elsewhere (the teacher passes it to the DSL), but a parent is
  // told what to do when a child is in danger now, which no message should wait for.
  const urgent = hint.intent === 'safeguarding' ? t('h_safeguarding') : '';
  return { urgent: urgent || undefined, redirect: redirect || undefined, replies: replies || undefined };
}

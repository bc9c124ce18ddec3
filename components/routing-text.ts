/**
 * Routing advice (for the teacher) and hints (for the parent) in the interface's language. As with
 * findings (finding-text.ts), English is the router's own text, shared with the `guard` CLI; another
 * language is built from its messages and the route's data. The school's own words (a contact's "how to
 * reach them", its conduct clause, its response time) are quoted as the school wrote them.
 */
import { checkHours } from '../lib/calendar/hours';
import type { ParentHint } from '../lib/ext/messages';
import type { Policy } from '../lib/policy/schema';
import type { RouteResult } from '../lib/routing/index';
import { ownEntry } from '../lib/policy/vocab';
import type { HolidayCalendar } from '../lib/rules/types';
import { english, localWhen, localWindows, message } from './i18n';

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const intentName = (intent: string) => lower(message(`intent_${intent.replace(/-/g, '_')}`));
const policyOf = (policy: Policy) => (/\bpolicy\b/i.test(policy.name) ? message('w_policy_of_school') : message('w_policy_of', [policy.name]));

export function adviceText(route: RouteResult, policy: Policy | undefined): string {
  if (english() || !policy) return route.advice;
  const contact = route.contact?.name ?? message(`dest_${route.destination}`);
  const intent = intentName(route.intent);
  const where = (u: NonNullable<RouteResult['unsure']>[number]) => `${intentName(u.intent)} (${u.contact ?? message(`dest_${u.destination}`)})`;
  let advice: string;
  if (route.destination === 'dsl') advice = message(route.level === 'concern' ? 'r_concern' : 'r_dsl', [contact]);
  else if (route.unsure) advice = message('r_unsure', route.unsure.map(where));
  else if (route.destination === 'teacher') advice = message('r_teacher', [intent, policyOf(policy)]);
  else if (route.destination === 'meeting') advice = message('r_meeting', [intent, policyOf(policy)]);
  else advice = message('r_other', [intent, contact, route.contact?.how ? ` (${route.contact.how})` : '', policyOf(policy)]);
  if (route.conduct) advice = message('r_conduct', [message(`x_conduct_${route.conduct}`), `${policy.conduct.consequence} ${policy.conduct.report}`.trim(), advice]);
  return advice || route.advice;
}

export function hintText(hint: ParentHint, policy: Policy | undefined, calendar?: HolidayCalendar): { redirect?: string; replies?: string } {
  if (english() || !policy) return { redirect: hint.redirect, replies: hint.replies };
  const route = policy.routing.routes[hint.intent];
  const contact = ownEntry(policy.routing.contacts, route.contact);
  const redirect = hint.redirect
    ? hint.destination === 'meeting'
      ? message('h_meeting', [intentName(hint.intent)])
      : message('h_other', [intentName(hint.intent), contact?.name ?? message(`dest_${hint.destination}`), contact?.how ? `, ${contact.how}` : ''])
    : undefined;
  let replies: string | undefined;
  const windows = policy.hours.parentReplies;
  if (hint.replies && windows.length) {
    const verdict = checkHours(new Date(), windows, policy.hours, policy.timeZone, calendar);
    replies = verdict.allowed
      ? message('h_replies_in', [localWindows(windows), policy.hours.responseTime ? `, ${policy.hours.responseTime}` : ''])
      : message('h_replies_out', [localWindows(windows), verdict.next ? localWhen(verdict.next, policy.timeZone) : message('x_next_term')]);
  }
  return { redirect: redirect || hint.redirect, replies: replies || hint.replies };
}

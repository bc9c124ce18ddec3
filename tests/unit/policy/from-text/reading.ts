/**
 * What a careful reader would write down from a school's policy document, in a form a person can check
 * against it: the values the document states, and "not found" where it states none (the proposal then
 * offers a recommended default, never a guess). Used by the school-document fixtures
 * (tests/fixtures/policies/schools/*.expected.json).
 */
import { WEEKDAYS } from '../../../../lib/policy/vocab';
import type { Proposal } from '../../../../lib/policy/from-text';
import type { Window } from '../../../../lib/policy/schema';

export const NOT_FOUND = 'not found';

/** "mon-fri 08:00-17:00", "mon-thu 08:00-17:00", "sat,sun 09:00-12:00". */
function windowText(w: Window): string {
  const idx = w.days.map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
  const run = idx.length > 2 && idx.every((d, i) => i === 0 || d === idx[i - 1]! + 1);
  const days = run ? `${WEEKDAYS[idx[0]!]}-${WEEKDAYS[idx[idx.length - 1]!]}` : idx.map((i) => WEEKDAYS[i]).join(',');
  return `${days} ${w.start}-${w.end}`;
}

export interface Reading {
  name: string;
  staffHours: string[] | string;
  replyHours: string[] | string;
  termTimeOnly: boolean | string;
  responseTime: string;
  /** Each query the document routes: "destination: name (role), phone, email, how". */
  routes: Record<string, string>;
  dsl: string;
  deputies: string[];
  /** People named with a role no query is routed to: "name (role)". */
  otherContacts: string[];
  rules: Record<string, string>;
}

export function reading(p: Proposal): Reading {
  const hours = (item: Proposal['staffHours']) => (item.origin === 'document' ? item.value.map(windowText) : NOT_FOUND);
  const routes: Record<string, string> = {};
  const routed = new Set<string>();
  for (const [category, item] of Object.entries(p.routes)) {
    if (item.origin !== 'document' || category === 'safeguarding') continue;
    const c = item.value.contact ? p.contacts[item.value.contact] : undefined;
    if (item.value.contact) routed.add(item.value.contact);
    const v = c?.value;
    routes[category] = v ? `${item.value.destination}: ${[`${v.name}${v.role ? ` (${v.role})` : ''}`, v.phone, v.email, c!.defaults?.includes('how') ? undefined : v.how].filter(Boolean).join(', ')}` : item.value.destination;
  }
  const dsl = p.contacts.dsl!;
  const deputyKeys = Object.keys(p.contacts).filter((k) => /^deputy-dsl(?:-\d+)?$/.test(k));
  return {
    name: p.name.origin === 'document' ? p.name.value : NOT_FOUND,
    staffHours: hours(p.staffHours),
    replyHours: hours(p.replyHours),
    termTimeOnly: p.termTime.origin === 'document' ? p.termTime.value : NOT_FOUND,
    responseTime: p.responseTime.origin === 'document' ? p.responseTime.value : NOT_FOUND,
    routes,
    dsl: dsl.origin === 'document' && !dsl.defaults?.includes('name') ? dsl.value.name : NOT_FOUND,
    deputies: deputyKeys.map((k) => p.contacts[k]!.value.name),
    otherContacts: Object.entries(p.contacts)
      .filter(([k]) => k !== 'dsl' && !deputyKeys.includes(k) && !routed.has(k))
      .map(([, c]) => `${c.value.name}${c.value.role ? ` (${c.value.role})` : ''}`),
    rules: Object.fromEntries(
      (['full-name', 'pupil-name', 'sensitive-content', 'photo-consent', 'negative-points'] as const).map((id) => {
        const r = p.rules[id];
        const channels = 'channels' in r.value && r.value.channels ? ` [${r.value.channels.join(', ')}]` : '';
        return [id, r.origin === 'document' ? `${r.value.action}${id === 'sensitive-content' ? channels : ''}` : NOT_FOUND];
      }),
    ),
  };
}

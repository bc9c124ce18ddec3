/**
 * out-of-hours: sending outside the policy's hours, in the school's time zone, on weekends, bank
 * holidays (substitute days included) and closure dates. Says when the next allowed time is.
 */
import { checkHours, describeWindows, formatWhen } from '../calendar/hours';
import { ruleChannels, type RuleModule } from './rule';

/** A clause that states hours: a time of day in it ("8.30am", "08:30", "4pm", "half past eight"). */
const HOURS_CLAUSE = /\d[.:]\d\d|\d ?[ap]\.?m\b|\bnoon\b|\bmidday\b|\b(?:half|quarter) past\b/i;

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** Each day as a policy writes it: whole ("Fridays"), or cut short ("Fri", "Tues", "Thurs."). */
const DAY_WORDS = ['monday|mon', 'tuesday|tues?', 'wednesday|weds?', 'thursday|thu(?:rs?)?', 'friday|fri', 'saturday|sat', 'sunday|sun'];
/** Welsh day names as a policy writes them after "dydd" (Llun = Monday … Sul = Sunday). */
const DYDD = ['llun', 'mawrth', 'mercher', 'iau', 'gwener', 'sadwrn', 'sul'];

/**
 * The words of a clause that gives the hours of weekday `day` (0 = Monday): the day named ("Friday",
 * "Fri", "dydd Gwener"), or a range of days that covers it ("Monday – Thursday", "Mon-Thurs", "dydd Llun i
 * ddydd Iau"). A finding about a Friday send quotes the Friday row of a table, not the Monday–Thursday one.
 */
export function dayClause(day: number): RegExp {
  const w = (i: number) => `(?:${DAY_WORDS[i]})s?\\.?(?!\\p{L})`;
  const alts = [w(day), `dd?ydd(?:iau)? ${DYDD[day]}`];
  for (let a = 0; a <= day; a++) for (let b = Math.max(day, a + 1); b < 7; b++) alts.push(`${w(a)}\\s*(?:-|–|—|to|until|till|through|thru)\\s*${w(b)}`, `${DYDD[a]} (?:i|hyd at) (?:dd)?ydd ${DYDD[b]}`);
  return new RegExp(`(?<!\\p{L})(?:${alts.join('|')})`, 'iu');
}

/** Sending outside the school's ClassDojo hours. */
export const outOfHours: RuleModule = {
  meta: {
    id: 'out-of-hours',
    fixable: false,
    messages: {
      'outside-window': (d) => `It is ${d.now}: outside ${d.school}'s ClassDojo hours (${d.windows}).${d.schedule}`,
      'weekend-or-no-window': (d) => `It is ${d.now}: ${d.school}'s ClassDojo hours are ${d.windows}.${d.schedule}`,
      'bank-holiday': (d) => `${d.now} is a bank holiday, outside ${d.school}'s ClassDojo hours (${d.windows}).${d.schedule}`,
      closure: (d) => `The school is closed on ${d.day} (${d.label}).${d.schedule}`,
      'out-of-term': (d) => `${d.day} is outside term time, when ${d.school}'s staff do not send ClassDojo messages.${d.schedule}`,
    },
    // The clause with the times in it, not a table's header ("Day", "Who | Days | Times").
    clauseFor: {
      'outside-window': HOURS_CLAUSE,
      'weekend-or-no-window': HOURS_CLAUSE,
      'bank-holiday': HOURS_CLAUSE,
      'out-of-term': /\bterm[- ]time\b|\bholidays?\b/i,
    },
  },
  appliesIn: (policy) => ruleChannels(policy, 'out-of-hours'),
  check(draft, { policy, calendar }) {
    const at = draft.at instanceof Date ? draft.at : new Date(draft.at);
    if (Number.isNaN(at.getTime())) return [];
    const verdict = checkHours(at, policy.hours.staff, policy.hours, policy.timeZone, calendar);
    if (verdict.allowed) return [];
    const now = formatWhen(at, policy.timeZone);
    const next = verdict.next ? formatWhen(verdict.next, policy.timeZone) : '';
    return [
      {
        start: 0,
        end: 0,
        messageId: verdict.reason!,
        data: {
          now,
          day: now.split(',')[0]!,
          school: policy.name,
          windows: describeWindows(policy.hours.staff),
          label: verdict.label ?? '',
          nextAllowed: next,
          schedule: next ? ` Schedule for ${next}.` : '',
        },
        ...(verdict.next ? { next: verdict.next.toISOString() } : {}),
        // The hours of the day it is sent on: a table row per day range quotes the row for that day.
        ...(DAYS.includes(now.slice(0, 3).toLowerCase()) ? { clauseAbout: dayClause(DAYS.indexOf(now.slice(0, 3).toLowerCase())) } : {}),
      },
    ];
  },
};

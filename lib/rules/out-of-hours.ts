/**
 * out-of-hours: sending outside the policy's hours, in the school's time zone, on weekends, bank
 * holidays (substitute days included) and closure dates. Says when the next allowed time is.
 */
import { checkHours, describeWindows, formatWhen } from '../calendar/hours';
import { ruleChannels, type RuleModule } from './rule';

/** A clause that states hours: a time of day in it ("8.30am", "08:30", "4pm", "half past eight"). */
const HOURS_CLAUSE = /\d[.:]\d\d|\d ?[ap]\.?m\b|\bnoon\b|\bmidday\b|\b(?:half|quarter) past\b/i;

/** Days by their first three letters, then in Welsh ("dydd Gwener"): a day's index is its place here, modulo 7. */
const DAY_NAMES = 'mon tue wed thu fri sat sun llun mawrth mercher iau gwener sadwrn sul'.split(' ');
/** A day as a policy writes it: "Fri", "Tues", "Thurs.", "Wednesdays", "Saturday", "Gwener"; never "month". */
// A literal, not built from DAY_NAMES at run time, so the regex sweep (tests/unit/text/regex-sweep.test.ts) times it.
const DAY = /(?<!\p{L})(mon|tue|wed|thu|fri|sat|sun|llun|mawrth|mercher|iau|gwener|sadwrn|sul)(?:day|s|nes|rs|ur)*\.?(?!\p{L})/giu;

/**
 * Whether a clause gives the hours of weekday `day` (0 = Monday): it names the day ("Friday", "Fri", "dydd
 * Gwener"), or days before and after it (a range: "Monday – Thursday", "Mon-Thurs", "dydd Llun i ddydd Iau").
 * A finding about a Friday send quotes the Friday row of a table, not the Monday–Thursday one.
 */
export function aboutDay(day: number): (quote: string) => boolean {
  return (quote) => {
    const days = Array.from(quote.matchAll(DAY), (m) => DAY_NAMES.indexOf(m[1]!.toLowerCase()) % 7);
    return days.includes(day) || (days.some((d) => d < day) && days.some((d) => d > day));
  };
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
          at: at.toISOString(),
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
        clauseAbout: aboutDay(DAY_NAMES.indexOf(now.slice(0, 3).toLowerCase())),
      },
    ];
  },
};

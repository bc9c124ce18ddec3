/**
 * out-of-hours: sending outside the policy's hours, in the school's time zone, on weekends, bank
 * holidays (substitute days included) and closure dates. Says when the next allowed time is.
 */
import { checkHours, formatWhen } from '../calendar/hours';
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
    // The catalog key of each message (public/_locales/<lang>/messages.json), worded by lib/i18n/finding.ts.
    messages: {
      'outside-window': 'f_out_of_hours_outside_window',
      'weekend-or-no-window': 'f_out_of_hours_weekend_or_no_window',
      'bank-holiday': 'f_out_of_hours_bank_holiday',
      closure: 'f_out_of_hours_closure',
      'out-of-term': 'f_out_of_hours_out_of_term',
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
    // The weekday it is sent on, in the school's time zone ("Tue 24 Nov, 21:15" starts with it).
    const weekday = formatWhen(at, policy.timeZone).slice(0, 3).toLowerCase();
    return [
      {
        start: 0,
        end: 0,
        messageId: verdict.reason!,
        // When it is sent (ISO) and a closure's name as the school wrote it; `next` below is the next time allowed.
        data: { at: at.toISOString(), ...(verdict.label ? { label: verdict.label } : {}) },
        ...(verdict.next ? { next: verdict.next.toISOString() } : {}),
        // The hours of the day it is sent on: a table row per day range quotes the row for that day.
        clauseAbout: aboutDay(DAY_NAMES.indexOf(weekday)),
      },
    ];
  },
};

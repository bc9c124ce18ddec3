/**
 * What a check takes and gives. Plain serialisable records: findings cross from the checker to the
 * page, the background worker and the `guard` CLI unchanged.
 */
import type { Action, Channel, Policy, RuleId, SensitiveCategory } from '../policy/schema';

/** A pupil on the class roster. `photoConsent` may differ by channel (Broughton: not on Class Story). */
export interface Pupil {
  first: string;
  last: string;
  photoConsent: boolean | Partial<Record<Channel, boolean>>;
  inCare: boolean;
}

/** What the teacher is about to send. */
export interface Draft {
  text: string;
  channel: Channel;
  /** When it would be sent: an ISO instant or a Date. */
  at: string | Date;
  /** Pupils tagged in the post composer, as shown ("Amelia Hughes" or "Amelia"). */
  tagged?: string[];
  /** Whether (or how many) photos or videos are attached. */
  media?: boolean | number;
  /** On the points page: the award's weight (negative takes points away); `text` is the skill's name. */
  points?: number;
}

/** Bank holidays, supplied by the caller so the checker needs no calendar data of its own. */
export interface HolidayCalendar {
  /** `date` is YYYY-MM-DD in the school's time zone. */
  isBankHoliday(region: Policy['hours']['bankHolidays'], date: string): boolean;
}

export interface CheckContext {
  policy: Policy;
  roster: Pupil[];
  calendar?: HolidayCalendar;
}

export type Severity = 'info' | 'warn' | 'block';

export interface Finding {
  rule: RuleId;
  /** From the policy's action: audit -> info, warn and confirm -> warn, block -> block. */
  severity: Severity;
  action: Action;
  /** The span in the text it is about, as UTF-16 offsets (JavaScript string indices); 0,0 when none. */
  start: number;
  end: number;
  messageId: string;
  /** Values the message was made from, for translation and for tests. */
  data: Record<string, string>;
  message: string;
  /** Replacement text for [start, end): applying it is the one-click fix. */
  fix?: string;
  /** The school's own words this comes from, quoted, with the section. */
  clause: string;
  category?: SensitiveCategory;
  /** out-of-hours: the next time the policy allows sending, as an ISO instant. */
  next?: string;
}

/** What a rule reports; the engine adds severity, action and the clause from the policy. */
export type RawFinding = Omit<Finding, 'rule' | 'severity' | 'action' | 'clause' | 'message'> & { message?: string };

export interface RuleMeta {
  id: RuleId;
  description: string;
  fixable: boolean;
  messages: Record<string, (data: Record<string, string>) => string>;
}

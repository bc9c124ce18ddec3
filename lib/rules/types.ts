/**
 * What a check takes and gives. Plain serialisable records: findings cross from the checker to the
 * page, the background worker and the `guard` CLI unchanged.
 */
import type { Messages } from '../i18n/finding';
import type { Action, Channel, Policy, RuleId, SensitiveCategory } from '../policy/schema';

/**
 * Photo consent for one channel: `true` given, `false` refused, `null` not recorded (no answer in the
 * consent register, or a roster saved from the Classroom page, which cannot know). Never guessed.
 */
export type Consent = boolean | null;

/** The three states a finding names. */
export type ConsentState = 'given' | 'refused' | 'not-recorded';

/**
 * A pupil on the class roster. `first` and `last` are the names teachers write (the preferred or
 * known-as name where the register has one); `legalFirst`/`legalLast` are the legal names, kept only
 * where they differ, so a draft that uses them is matched too (a fix always uses the preferred name).
 * `photoConsent` may differ by channel (Broughton: not on Class Story); a channel missing from a
 * per-channel record is not recorded.
 */
export interface Pupil {
  first: string;
  last: string;
  legalFirst?: string;
  legalLast?: string;
  photoConsent: Consent | Partial<Record<Channel, Consent>>;
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
  /** The catalog to word findings with, where not the installed one (lib/i18n/messages.ts): `guard check --lang`. */
  messages?: Messages;
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
  /**
   * What the message is made from (lib/i18n/finding.ts): the words found, names, labels and their catalog ids,
   * `channel`, times as ISO instants. Never sentences.
   */
  data: Record<string, string>;
  /** Worded by the checker from `messageId` and `data` in the installed catalog's language (lib/i18n/messages.ts). */
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
/** A rule may set a milder `action` than the policy's for one finding (a reminder, never a stronger hold). */
export type RawFinding = Omit<Finding, 'rule' | 'severity' | 'action' | 'clause' | 'message'> & {
  message?: string;
  action?: 'audit';
  /**
   * Whether a clause is about this one finding: of the clauses `clauseFor` matches, the first this accepts too
   * is quoted (one naming Friday for a Friday send, so a table of hours per day quotes its Friday row).
   */
  clauseAbout?: (quote: string) => boolean;
};

export interface RuleMeta {
  id: RuleId;
  fixable: boolean;
  /** Each message id the rule gives, with its key in the message catalog (`f_<rule>_<messageId>`). */
  messages: Record<string, string>;
  /**
   * For a message, the words of the policy clause that says it ("looked after", a time of day): a finding
   * quotes the first of the rule's clauses with them, not merely its first clause (a rule read from a
   * document may quote the consent clause and the looked-after one, or a table's header and its row).
   */
  clauseFor?: Record<string, RegExp>;
  /**
   * By message id: the catalog key of what the finding cites, after "Recommended by Policy Guard (not in the
   * school's written policy): " (`clause_recommended`), when the policy's clauses have none that `clauseFor`
   * matches (the setting behind it is Policy Guard's default, kept beside clauses the document does state).
   */
  unquoted?: Record<string, string>;
}

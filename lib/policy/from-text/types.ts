/** What the extractor proposes: every item with its value, where it came from and the document's words. */
import type { ReaderNoteData, ReaderNoteId } from '../reader-note';
import type { Channel, Contact, Destination, LanguageCode, QueryCategory, RuleId, Rules, Window } from '../schema';

/** `document`: the document says so (quoted). `recommended`: it does not; Policy Guard's default. `silent`: it does not, and the default is off. */
export type ItemOrigin = 'document' | 'recommended' | 'silent';

export interface Quote {
  /** Exactly as in the document: always `text.slice(at, at + quote.length)`. */
  quote: string;
  section: string;
  at: number;
}

export interface Item<T> {
  value: T;
  origin: ItemOrigin;
  quotes: Quote[];
  /** Why the value was read this way, or what the recommended default is and why (English, as the policy file keeps it). */
  note?: string;
  /** Where `note` is one of Policy Guard's recommended defaults' notes: its id, for the interface to word it (lib/policy/reader-note.ts). */
  noteId?: ReaderNoteId;
  noteData?: ReaderNoteData;
  /**
   * Fields of the value the document does not give, filled from Policy Guard's defaults (a contact named in
   * the document whose `how` it does not say). The item is then the document's only in part: the policy
   * file marks it `recommended`, quoting the document for the rest.
   */
  defaults?: string[];
  /**
   * What the school must check in the review even though the item is the document's: something read one
   * way of two ("a policy for all the trust's schools: named after the trust"), or left out on purpose
   * ("a window for residential visits is not weekly hours"). Also in `note`, which the policy file keeps.
   */
  check?: string;
  /** Where `check` is Policy Guard's own words: its id and data (lib/policy/reader-note.ts), worded as a note's are. */
  checkId?: ReaderNoteId;
  checkData?: ReaderNoteData;
}

export interface RouteValue {
  destination: Destination;
  contact?: string;
}

export type RuleValue<K extends RuleId> = Omit<Rules[K], 'source'>;

export interface Proposal {
  /** The document's file name (`document.file` and every clause's `file`). */
  file: string;
  title: string;
  languages: LanguageCode[];
  name: Item<string>;
  staffHours: Item<Window[]>;
  replyHours: Item<Window[]>;
  termTime: Item<boolean>;
  responseTime: Item<string>;
  contacts: Record<string, Item<Contact>>;
  routes: Record<QueryCategory, Item<RouteValue>>;
  rules: { [K in RuleId]: Item<RuleValue<K>> };
  audiences: Item<Record<Channel, 'shared' | 'private'>>;
  conduct: Item<{ consequence: string; report: string }>;
  monitoring: Item<boolean>;
  /**
   * The document is not about ClassDojo or communication with parents at all (a uniform policy, a
   * safeguarding policy): it mentions none of ClassDojo, messages or communication, and only people (and
   * where safeguarding disclosures go) were read from it. Nothing is taken from it (every item is the recommended
   * default, the school's name apart), and the review and the CLI say why (exit 3, as for nothing read).
   */
  offTopic?: boolean;
}

/** What the school decided for one item in the review: keep it as proposed, change it, or switch it off. */
export type Decision = { state: 'accept' } | { state: 'edit'; value: unknown } | { state: 'off' };

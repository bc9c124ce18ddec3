/**
 * A roster problem or note in English as the options page and `guard roster` word it: from the English
 * catalog (public/_locales/en) through lib/i18n/roster.ts, for tests that assert what a person reads.
 */
import { formatMessage, type Catalog } from '../../../lib/i18n/format';
import type { Messages } from '../../../lib/i18n/finding';
import { noteText, problemText } from '../../../lib/i18n/roster';
import type { RosterNote, RosterProblem } from '../../../lib/roster/csv';
import enJson from '../../../public/_locales/en/messages.json';

/** The English catalog as `Messages` (what `rosterSummary` and the CLI word with for `--lang en`). */
export const EN: Messages = (key, subs) => formatMessage(enJson as Catalog, key, subs);

/** The English text of a problem (it has a `row`) or a note; undefined for none, so `english(list.find(…))` reads as `find(…)?.message` did. */
export function english(item: RosterProblem | RosterNote): string;
export function english(item: RosterProblem | RosterNote | undefined): string | undefined;
export function english(item: RosterProblem | RosterNote | undefined): string | undefined {
  if (!item) return undefined;
  return 'row' in item ? problemText(item, EN) : noteText(item, EN);
}

/** Each problem or note with its English text as `message`, for tests that compare whole objects (data and text together). */
export function withEnglish<T extends RosterProblem | RosterNote>(items: readonly T[]): (T & { message: string })[] {
  return items.map((x) => ({ ...x, message: english(x) }));
}

/**
 * A roster reader's problem or note (lib/roster/csv.ts) as a catalog message: its key (csv_<code>,
 * csvNote_<code>; csvNote_not_an_answer_<concern>) and substitutions, from its `code` and `data` only, never its
 * English `message`. One function for the options page (through the browser's i18n), the unit tests and the
 * CLI (through lib/i18n/format.ts). Pure.
 */
import type { RosterNote, RosterProblem } from '../roster/csv';

/** A catalog lookup: the message `key` with `subs` as $1…$9, or "" when the catalog has no such key (chrome.i18n.getMessage's contract). */
export type MessageLookup = (key: string, subs?: string[]) => string;

const keyOf = (code: string) => code.replace(/-/g, '_');

/** A word of the interface's own (a column's name): the key itself when the catalog lacks it, as lib/ext/i18n.ts's t() answers. */
const word = (lookup: MessageLookup, key: string) => lookup(key) || key;

/** [key, substitutions] of a problem: the values of its `data`, a column's field named in the interface's words. */
export function problemArgs(p: RosterProblem, lookup: MessageLookup): [string, string[]] {
  const data = [...(p.data ?? [])];
  if (p.code === 'not-yes-no') {
    const field = data[0] ?? '';
    data[0] = field === 'inCare' ? word(lookup, 'rosterInCare') : field.startsWith('consent:') ? word(lookup, `rosterConsent_${keyOf(field.slice(8))}`) : word(lookup, 'csvFieldConsent');
  }
  // The kind of file, by its extension (the English names the format in words).
  if (p.code === 'not-text') data[0] = data[0] === 'binary' ? '?' : data[0] === 'image' ? '.png/.jpg' : data[0] === 'utf32' ? 'UTF-32' : data[0] === 'html' ? 'HTML' : `.${data[0] ?? ''}`;
  return [`csv_${keyOf(p.code)}`, data];
}

/** [key, substitutions] of a note. */
export function noteArgs(n: RosterNote, lookup: MessageLookup): [string, string[]] {
  let key = `csvNote_${keyOf(n.code)}`;
  let data = [...n.data];
  if (n.code === 'names-used') data[0] = data[0] === 'first' ? word(lookup, 'rosterFirst') : word(lookup, 'rosterLast');
  if (n.code === 'first-filled') data = [data.join(', ')];
  if (n.code === 'not-an-answer') key = `csvNote_not_an_answer_${keyOf(data[2] ?? '')}`;
  return [key, data];
}

/** A problem in the catalog's language; "" when the catalog has no message for it. */
export function problemMessage(p: RosterProblem, lookup: MessageLookup): string {
  return lookup(...problemArgs(p, lookup));
}

/** A note in the catalog's language; "" when the catalog has no message for it. */
export function noteMessage(n: RosterNote, lookup: MessageLookup): string {
  return lookup(...noteArgs(n, lookup));
}

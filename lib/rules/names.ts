/**
 * Where pupils' names appear in a draft. One pass over the words, shared by every rule that cares about
 * names. Precision first: staff with titles (Mr Lund), well-known people (Florence Nightingale), places
 * (Victoria Park), titles in quotes and first names that are also words (Will, May, Hope) are not pupils.
 */
import firstNamesData from './data/first-names.json';
import nameWordsData from './data/name-words.json';
import wellKnownData from './data/well-known-people.json';
import { foldKey, type Token } from '../text/tokens';
import { nameKey, type IndexedPupil, type RosterIndex } from './roster';

export type MentionKind =
  | 'full' // a roster pupil's first name and surname
  | 'first-initial' // a roster pupil's first name and surname initial: allowed where first names are
  | 'first' // a roster pupil's first name alone
  | 'likely-full' // not on the roster, but reads as a child's full name
  | 'likely-first'; // not on the roster, a common first name used as a name (only without a roster)

export interface Mention {
  kind: MentionKind;
  /** The roster pupils it may be (two or more for a shared first name said alone). */
  pupils: IndexedPupil[];
  /** The first name as typed. */
  first: string;
  start: number;
  /** End of the name, a possessive ending ('s) left outside. */
  end: number;
  /** Index of the first word, and of the last word of the name. */
  from: number;
  to: number;
  sentence: number;
}

const COMMON_FIRST = new Set(firstNamesData.names.map((n) => foldKey(n)));
const NAME_WORDS = new Set(nameWordsData.words.map((w) => foldKey(w.name)));
/** Well-known people and characters, by first word: "florence" -> [["florence", "nightingale"]]. */
const WELL_KNOWN = new Map<string, string[][]>();
for (const person of wellKnownData.people) {
  const keys = person.name.split(/\s+/).map(foldKey);
  WELL_KNOWN.set(keys[0]!, [...(WELL_KNOWN.get(keys[0]!) ?? []), keys].sort((a, b) => b.length - a.length));
}

/** Words before a name that make it an adult or not a pupil: "Mr Lund", "Mrs Davies", "St David". */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'doctor', 'sir', 'dame', 'lady', 'lord', 'prof', 'professor', 'rev', 'reverend',
  'father', 'sister', 'brother', 'st', 'saint', 'king', 'queen', 'prince', 'princess', 'captain', 'pc', 'nurse', 'coach', 'auntie', 'uncle', 'nan', 'grandad', 'grandma', 'grandpa',
]);

/** Words after a capitalised pair that make it a place or an organisation: "Victoria Park", "Grace Road". */
const PLACE_WORDS = new Set([
  'road', 'street', 'lane', 'avenue', 'close', 'drive', 'way', 'park', 'hall', 'school', 'primary', 'academy', 'college',
  'church', 'chapel', 'centre', 'center', 'museum', 'library', 'bridge', 'castle', 'court', 'house', 'farm', 'wood', 'woods',
  'hill', 'gardens', 'garden', 'square', 'station', 'hospital', 'theatre', 'stadium', 'leisure', 'pool', 'zoo', 'beach',
  'dock', 'palace', 'line', 'place', 'crescent', 'terrace', 'row', 'green', 'common', 'fields', 'field', 'estate', 'trust',
  'foundation', 'class', 'classroom', 'team', 'group', 'house', 'club', 'day', 'week', 'term', 'year', 'award', 'cup', 'prize',
  'ward', 'nursery', 'surgery', 'infants', 'juniors', 'cathedral', 'abbey', 'tower', 'market', 'shopping', 'retail',
]);

/** Capitalised words that are never surnames in a class post. */
const NOT_SURNAMES = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'the', 'and', 'or', 'but', 'i', 'we', 'you',
  'he', 'she', 'they', 'it', 'is', 'was', 'has', 'had', 'will', 'can', 'did', 'does', 'for', 'to', 'in', 'on', 'at', 'of',
  'with', 'from', 'by', 'a', 'an', 'this', 'that', 'well', 'done', 'thank', 'thanks', 'please', 'happy', 'great', 'star',
  'pe', 'maths', 'english', 'science', 'art', 'music', 'reading', 'phonics', 'spelling', 'spellings', 'homework', 'ok', 'yes', 'no',
]);

/** After a sentence-initial name-word, these words show it is the ordinary word: "Will you...", "May I...". */
const WORD_READING_NEXT = new Set([
  'you', 'i', 'we', 'they', 'everyone', 'all', 'the', 'a', 'an', 'to', 'your', 'our', 'this', 'that', 'there', 'be', 'not',
  'it', 'he', 'she', 'parents', 'families', 'children', 'everybody', 'anyone', 'anybody', 'someone', 'somebody', 'nobody', 'us', 'them', 'some', 'any', 'my',
]);
/** Before "May", these make it the month: "in May", "early May". */
const MONTH_BEFORE = new Set(['in', 'of', 'during', 'since', 'until', 'till', 'by', 'early', 'late', 'mid', 'on', 'from', 'next', 'last', 'this', 'end', 'beginning', 'start', 'to']);
const MONTH_AFTER = new Set(['half', 'term', 'holiday', 'holidays', 'bank', 'day', 'fair']);
/** Words before a capitalised name that make it a title being read: "reading Matilda", "a book called Tom". */
const TITLE_CUES = new Set(['reading', 'read', 'book', 'story', 'novel', 'film', 'called', 'titled', 'author', 'by', 'play', 'character', 'poem', 'song']);

/** A capital letter on its own: "Oliver B." and "Oliver B" both give a surname initial. */
function isInitial(token: Token | undefined): boolean {
  return token !== undefined && token.text.length === 1 && token.capitalised;
}

/** Only spaces (or a hyphen) between two words: the words belong to one name. */
function joined(token: Token | undefined): boolean {
  return token !== undefined && /^[ \t\u00a0\-]*$/.test(token.before) && token.before.length > 0;
}

/** Straight after an opening quotation mark: a title ("Matilda") or a quoted word, not a child. */
function inQuotes(tokens: Token[], i: number): boolean {
  return /(["\u201c\u2018]|(^|\s)')$/.test(tokens[i]!.before);
}

/** How many words of a well-known name start at i ("Isambard Kingdom Brunel" = 3), or 0. */
function wellKnownAt(tokens: Token[], i: number): number {
  const candidates = WELL_KNOWN.get(tokens[i]!.key);
  if (!candidates) return 0;
  // Longest first, so "Martin Luther King" wins over any shorter entry.
  for (const keys of candidates) {
    if (keys.every((k, j) => tokens[i + j]?.key === k)) return keys.length;
  }
  return 0;
}

const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/**
 * A day of the month just before the word at i: "5 May", "21st May". Read from the end of the gaps, in
 * linear time: a regular expression like /\d\s*$/ on the gap retries its "\s*" from every digit and
 * space, quadratic in a gap of 40,000 spaces, and a page controls the gap.
 */
function afterDayNumber(tokens: Token[], i: number): boolean {
  const gap = tokens[i]!.before.trimEnd();
  if (gap !== '') return isDigit(gap[gap.length - 1]);
  // Only spaces before the word: an ordinal's suffix is the word before it, straight after a digit.
  const prev = tokens[i - 1];
  if (!prev || !ORDINAL_SUFFIXES.has(prev.key) || tokens[i]!.before === '') return false;
  return isDigit(prev.before[prev.before.length - 1]);
}

/** Whether a name-word at i reads as a name here, not as the word ("Will you", "in May", "hope"). */
function nameWordReadsAsName(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!t.capitalised) return false;
  if (/['\u2019]s?$/i.test(t.text)) return true; // "Grace's", "Will's": a possessive is a name
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  if (t.key === 'may') {
    if (prev && MONTH_BEFORE.has(prev.key)) return false;
    if (next && (MONTH_AFTER.has(next.key) || /^\s*\d/.test(next.before))) return false;
    if (afterDayNumber(tokens, i)) return false; // "5 May", "5th May"
  }
  if (t.sentenceStart && next && next.sentence === t.sentence && WORD_READING_NEXT.has(next.key)) return false;
  if (t.sentenceStart && !next) return false;
  return true;
}

function surnameMatch(tokens: Token[], i: number, lastKey: string): number {
  // The surname may be one word or several ("O Connor", "Smith Walker", "van der Berg"): up to 3 words.
  let joinedKey = '';
  for (let k = 1; k <= 3 && i + k < tokens.length; k++) {
    const t = tokens[i + k]!;
    if (!joined(t)) break;
    joinedKey += t.key;
    if (joinedKey === lastKey) return k;
    if (!lastKey.startsWith(joinedKey)) break;
  }
  return 0;
}

/** End of a word without its possessive ending, so a fix keeps "'s": "Amelia Hughes's" -> "Amelia's". */
function endWithoutPossessive(t: Token): number {
  const m = /['\u2019]s?$/i.exec(t.text);
  return m ? t.end - m[0].length : t.end;
}

export function findMentions(tokens: Token[], roster: RosterIndex): Mention[] {
  const mentions: Mention[] = [];
  const hasRoster = roster.pupils.length > 0;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const known = wellKnownAt(tokens, i);
    if (known) {
      i += known;
      continue;
    }
    if (prev && TITLES.has(prev.key) && joined(t)) {
      i++;
      continue;
    }
    const candidates = roster.byFirst.get(t.key);
    if (candidates && (!NAME_WORDS.has(t.key) || nameWordReadsAsName(tokens, i))) {
      // A roster first name: with a surname, a surname initial, or alone.
      let matched: Mention | undefined;
      for (const c of candidates) {
        const k = c.lastKey ? surnameMatch(tokens, i, c.lastKey) : 0;
        if (k) {
          const last = tokens[i + k]!;
          matched = { kind: 'full', pupils: [c], first: t.text, start: t.start, end: endWithoutPossessive(last), from: i, to: i + k, sentence: t.sentence };
          break;
        }
      }
      if (!matched && isInitial(tokens[i + 1]) && joined(tokens[i + 1])) {
        const initial = tokens[i + 1]!.key;
        const pupils = candidates.filter((c) => c.lastKey.startsWith(initial));
        matched = { kind: 'first-initial', pupils: pupils.length ? pupils : candidates, first: t.text, start: t.start, end: tokens[i + 1]!.end, from: i, to: i + 1, sentence: t.sentence };
      }
      if (!matched) {
        // Not this pupil's surname: maybe another child's full name that is not on the roster.
        const likely = likelyFullName(tokens, i);
        matched = likely
          ? { kind: 'likely-full', pupils: [], first: t.text, start: t.start, end: endWithoutPossessive(tokens[i + 1]!), from: i, to: i + 1, sentence: t.sentence }
          : { kind: 'first', pupils: candidates, first: t.text, start: t.start, end: endWithoutPossessive(t), from: i, to: i, sentence: t.sentence };
      }
      mentions.push(matched);
      i = matched.to + 1;
      continue;
    }
    // Surname first, as in a register: "Hughes, Amelia" or "Hughes Amelia".
    const bySurname = roster.byLast.get(t.key);
    const next = tokens[i + 1];
    if (bySurname && next && next.sentence === t.sentence && /^[,\s]+$/.test(next.before)) {
      const c = bySurname.find((p) => p.firstKey === next.key);
      if (c && (t.capitalised || next.capitalised)) {
        mentions.push({ kind: 'full', pupils: [c], first: next.text, start: t.start, end: endWithoutPossessive(next), from: i, to: i + 1, sentence: t.sentence });
        i += 2;
        continue;
      }
    }
    // Not on the roster: a common first name and a surname.
    if (COMMON_FIRST.has(t.key) && (!NAME_WORDS.has(t.key) || nameWordReadsAsName(tokens, i))) {
      if (likelyFullName(tokens, i)) {
        mentions.push({ kind: 'likely-full', pupils: [], first: t.text, start: t.start, end: endWithoutPossessive(tokens[i + 1]!), from: i, to: i + 1, sentence: t.sentence });
        i += 2;
        continue;
      }
      if (!hasRoster && likelyFirstName(tokens, i)) {
        mentions.push({ kind: 'likely-first', pupils: [], first: t.text, start: t.start, end: endWithoutPossessive(t), from: i, to: i, sentence: t.sentence });
      }
    }
    i++;
  }
  return mentions;
}

/** "Amelia Jones" not on the roster: both capitalised, a real-looking surname, not a place or a title. */
function likelyFullName(tokens: Token[], i: number): boolean {
  const first = tokens[i]!;
  const second = tokens[i + 1];
  if (!first.capitalised || !second || !second.capitalised || !joined(second)) return false;
  if (second.sentence !== first.sentence || second.text.length < 2) return false;
  const surname = second.key;
  if (NOT_SURNAMES.has(surname) || PLACE_WORDS.has(surname) || NAME_WORDS.has(surname)) return false;
  // Many surnames are also first names (Morgan, Thomas, Lewis); two first names in a row are far more
  // often a full name than a list with its commas left out.
  if (second.text === second.text.toUpperCase()) return false; // an acronym: "Amelia PE"
  const third = tokens[i + 2];
  if (third && joined(third) && (PLACE_WORDS.has(third.key) || (third.capitalised && !/['\u2019]s?$/.test(second.text)))) return false;
  const prev = tokens[i - 1];
  if (prev && TITLE_CUES.has(prev.key)) return false;
  if (inQuotes(tokens, i)) return false;
  return true;
}

/** A common first name alone, used as a name: capitalised, not a title being read, not quoted. */
function likelyFirstName(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!t.capitalised) return false;
  const prev = tokens[i - 1];
  if (prev && TITLE_CUES.has(prev.key)) return false;
  const next = tokens[i + 1];
  if (next && joined(next) && (PLACE_WORDS.has(next.key) || (next.capitalised && !NOT_SURNAMES.has(next.key)))) return false;
  return !inQuotes(tokens, i);
}

export { nameKey };

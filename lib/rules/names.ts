/**
 * Where pupils' names appear in a draft. One pass over the words, shared by every rule that cares about
 * names. Precision first: staff with titles (Mr Lund), well-known people (Florence Nightingale), places
 * (Victoria Park), titles in quotes and first names that are also words (Will, May, Hope) are not pupils.
 */
import { foldKey, stripPossessive, type Token } from '../text/tokens';
import { lexiconIndex } from './lexicon';
import { nameKey, type IndexedPupil, type RosterIndex } from './roster';

export type MentionKind =
  | 'full' // a roster pupil's first name and surname
  | 'first-initial' // a roster pupil's first name and surname initial: allowed where first names are
  | 'first' // a roster pupil's first name alone
  | 'likely-full' // not on the roster, but reads as a child's full name
  | 'likely-first'; // not on the roster, a common first name used as a name (see `weak`)

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
  /**
   * A lone first name that is on no roster, with a roster given and nothing else saying it is a child (no
   * greeting, no "new pupil", no possessive): likely a person, perhaps an adult. Enough to make a sensitive
   * fact about someone ("Chiamaka has asthma"), not enough to report as a pupil's name.
   */
  weak?: true;
}

/**
 * The name lists, folded and indexed once per installed lexicon (lexicon.ts): given names of many languages
 * (ONS, faker's locales, given-names-extra.json), family names (evidence for the second word when the text
 * has no capitals to go by: "tunde bakare"), name-words and the words after them that make them the word
 * ("Summer term", "Sunny spells"), and well-known people by first word ("florence" -> [["florence", "nightingale"]]).
 */
const nameLists = lexiconIndex((data) => {
  const wellKnown = new Map<string, string[][]>();
  for (const name of data.wellKnown) {
    const keys = name.split(/\s+/).map((w) => foldKey(stripPossessive(w)));
    wellKnown.set(keys[0]!, [...(wellKnown.get(keys[0]!) ?? []), keys].sort((a, b) => b.length - a.length));
  }
  return {
    commonFirst: new Set(data.givenNames.map((n) => foldKey(n))),
    surnames: new Set(data.surnames.map((n) => foldKey(n))),
    nameWords: new Set(data.nameWords.map((w) => foldKey(w.name))),
    wordAfter: new Map<string, Set<string>>(data.nameWords.filter((w) => w.wordAfter).map((w) => [foldKey(w.name), new Set(w.wordAfter!.map(foldKey))])),
    wellKnown,
  };
});

/** The lists of data/name-context.json, each as a set (what each list is for: its note there). */
export const NAME_CONTEXT_LISTS = [
  'TITLES', 'PLACE_WORDS', 'FOOD_WORDS', 'EVENT_WORDS', 'ROLE_WORDS', 'FAMOUS_WORDS', 'CHARACTER_WORDS', 'CHILD_WORDS',
  'PARTICLES', 'NOT_SURNAMES', 'WORD_READING_NEXT', 'MONTH_BEFORE', 'TITLE_CUES', 'NAME_VERB_NEXT',
  'FAMILY_TITLES', 'SECOND_PARTICLES', 'GREETING_BEFORE', 'GREETING_TWO_BEFORE', 'NUMBER_WORDS', 'MONTH_AFTER', 'HONORIFICS', 'ORDINAL_SUFFIXES',
] as const;
export type NameContextList = (typeof NAME_CONTEXT_LISTS)[number];
const context = lexiconIndex((data) => {
  const sets = {} as Record<NameContextList, Set<string>>;
  // A list missing from the data is empty, never a crash mid-check (tests/unit/rules/lexicon.test.ts checks they are all there).
  for (const list of NAME_CONTEXT_LISTS) sets[list] = new Set(data.nameContext[list] ?? []);
  return sets;
});

/** Builds the name indexes now (the content script does so when idle, so no keystroke pays for it). */
export function warmNameLists(): void {
  nameLists();
  context();
}







/** The sentence around word i speaks of famous people ("the jazz singers we listened to"). Bounded to 12 words each way. */
function famousInSentence(tokens: Token[], i: number): boolean {
  const sentence = tokens[i]!.sentence;
  for (let k = Math.max(0, i - 12); k <= Math.min(tokens.length - 1, i + 12); k++) {
    const w = tokens[k]!;
    if (w.sentence === sentence && context().FAMOUS_WORDS.has(w.key)) return true;
  }
  return false;
}


/** A family name by its shape, when the text's capitals say nothing: Polish, Romanian, Ukrainian, Georgian, Greek, Turkish endings. */
const SURNAME_ENDINGS = ['ska', 'ski', 'cka', 'cki', 'dzka', 'dzki', 'wicz', 'czyk', 'czak', 'escu', 'eanu', 'enko', 'chuk', 'oglu', 'shvili', 'poulos', 'ova', 'ovic', 'ovich', 'evich', 'owski'];



/** A capital letter on its own: "Oliver B." and "Oliver B" both give a surname initial. */
function isInitial(token: Token | undefined): boolean {
  return token !== undefined && token.text.length === 1 && token.capitalised;
}

/** Only spaces (or a hyphen) between two words: the words belong to one name. */
function joined(token: Token | undefined): boolean {
  // Spaces only: a dash with spaces round it separates ("Alfie - Maple", "Tomasz - SATs book due Fri");
  // a hyphen inside a name has none and is part of its word already ("Smith-Walker").
  return token !== undefined && /^[ \t\u00a0]+$/.test(token.before);
}

/** Straight after an opening quotation mark: a title ("Matilda") or a quoted word, not a child. */
function inQuotes(tokens: Token[], i: number): boolean {
  return /(["\u201c\u2018]|(^|\s)')$/.test(tokens[i]!.before);
}

/** How many words of a well-known name start at i ("Isambard Kingdom Brunel" = 3), or 0. */
function wellKnownAt(tokens: Token[], i: number): number {
  const candidates = nameLists().wellKnown.get(tokens[i]!.key);
  if (!candidates) return 0;
  // Longest first, so "Martin Luther King" wins over any shorter entry.
  // A plural counts: "three Harry Potters" came to the World Book Day parade.
  for (const keys of candidates) {
    const last = keys.length - 1;
    if (keys.every((k, j) => tokens[i + j]?.key === k || (j === last && tokens[i + j]?.key === `${k}s`))) return keys.length;
  }
  return 0;
}

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
  if (!prev || !context().ORDINAL_SUFFIXES.has(prev.key) || tokens[i]!.before === '') return false;
  return isDigit(prev.before[prev.before.length - 1]);
}

/** Whether a name-word at i reads as a name here, not as the word ("Will you", "in May", "hope"). */
function nameWordReadsAsName(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  if (!t.capitalised) return lowerCaseNameWord(tokens, i);
  if (/['\u2019]s?$/i.test(t.text)) return true; // "Grace's", "Will's": a possessive is a name
  if (next && next.sentence === t.sentence && nameLists().wordAfter.get(t.key)?.has(next.key)) return false; // "Summer term", "Sunny spells"

  if (t.key === 'may') {
    if (prev && context().MONTH_BEFORE.has(prev.key)) return false;
    if (next && (context().MONTH_AFTER.has(next.key) || /^\s*\d/.test(next.before))) return false;
    if (afterDayNumber(tokens, i)) return false; // "5 May", "5th May"
  }
  if (t.sentenceStart && next && next.sentence === t.sentence && context().WORD_READING_NEXT.has(next.key)) return false;
  if (t.sentenceStart && !next) return false;
  return true;
}


/** A roster name-word typed in lower case is the child only as a possessive or as a sentence's subject. */
function lowerCaseNameWord(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (/['\u2019]s$/i.test(t.text)) return t.key !== 'will'; // "rose's mum"; "will's" is rare as the verb
  const next = tokens[i + 1];
  if (t.sentenceStart && next !== undefined && next.sentence === t.sentence && context().NAME_VERB_NEXT.has(next.key)) return true;
  return greetedInLowerCase(tokens, i);
}

/**
 * "well done will for reading", "thank you rose!", "happy birthday hunter": a greeting said to a word names the
 * child, when the word ends the greeting (nothing after it in the sentence, a comma, or "for"/"and").
 * "Well done will be given", "happy birthday summer term" are not names.
 */
function greetedInLowerCase(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const p1 = tokens[i - 1];
  const p2 = tokens[i - 2];
  if (!p1 || p1.sentence !== t.sentence || !/^[ \t\u00a0,]+$/.test(t.before)) return false; // "thank you, rose"
  const pair = p2 !== undefined && p2.sentence === t.sentence && joined(p1);
  const greeting = p1.key === 'congratulations' || p1.key === 'congrats' || (pair && ((p2.key === 'well' && p1.key === 'done') || (p2.key === 'thank' && p1.key === 'you') || (p2.key === 'happy' && p1.key === 'birthday')));
  if (!greeting) return false;
  const next = tokens[i + 1];
  if (!next || next.sentence !== t.sentence || /[,!;:)]/.test(next.before)) return true;
  if (nameLists().wordAfter.get(t.key)?.has(next.key)) return false; // "happy birthday summer term"
  return next.key === 'for' || next.key === 'and';
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
    const candidates = roster.byFirst.get(t.key);
    // "Sister Mary" is a title; "her brother tymon" is a sibling, most likely a child.
    const afterTitle = prev !== undefined && context().TITLES.has(prev.key) && joined(t) && (prev.capitalised || !context().FAMILY_TITLES.has(prev.key));
    // A roster pupil's full name is the pupil's, whatever the exception lists say ("Jack Frost" in the class):
    // only an adult's title before it ("Mrs Amelia Hughes", a parent) makes it someone else.
    if (candidates && !(afterTitle && context().HONORIFICS.has(prev!.key))) {
      const full = rosterFullName(tokens, i, candidates);
      if (full) {
        mentions.push(full);
        i = full.to + 1;
        continue;
      }
    }
    const known = wellKnownAt(tokens, i);
    if (known) {
      i += known;
      continue;
    }
    if (afterTitle) {
      i++;
      continue;
    }
    // "The Phoenix and the Carpet": a title in title case, not the pupil called Phoenix; and "the river",
    // "a phoenix": a roster name in lower case after an article is the word.
    const article = prev !== undefined && joined(t) && (prev.key === 'the' || (!t.capitalised && (prev.key === 'a' || prev.key === 'an')));
    if (candidates && article && (t.capitalised ? prev!.capitalised && !prev!.sentenceStart : true)) {
      i++;
      continue;
    }
    if (candidates && (!nameLists().nameWords.has(t.key) || nameWordReadsAsName(tokens, i)) && !notAPersonAfter(tokens, i, i)) {
      // A roster first name with a surname initial, or alone.
      let matched: Mention | undefined;
      if (isInitial(tokens[i + 1]) && joined(tokens[i + 1])) {
        const initial = tokens[i + 1]!.key;
        const pupils = candidates.filter((c) => c.lastKeys.some((k) => k.startsWith(initial)));
        matched = { kind: 'first-initial', pupils: pupils.length ? pupils : candidates, first: t.text, start: t.start, end: tokens[i + 1]!.end, from: i, to: i + 1, sentence: t.sentence };
      }
      if (!matched) {
        // Not this pupil's surname: maybe another child's full name that is not on the roster, when the last
        // word is known as a family name. Otherwise a roster first name with a capital after it is a proper
        // noun of its own ("River Thames", "Sky News", "Chelsea Flower Show", "Santiago de Compostela"): not
        // the pupil, and no child's name.
        const to = unlistedFullName(tokens, i);
        if (to && !surnameEvidence(tokens[to]!) && properNounAround(tokens, i, to)) {
          i = to + 1;
          continue;
        }
        // "the Skye Boat Song", "the Chelsea Flower Show": capitals running on after the name make a title.
        const next = tokens[i + 1];
        if (!to && t.capitalised && !allCaps(t) && !possessive(t.text) && next && joined(next) && next.sentence === t.sentence && next.capitalised && !allCaps(next) && !surnameEvidence(next)) {
          i += 2;
          continue;
        }
        matched = to
          ? { kind: 'likely-full', pupils: [], first: t.text, start: t.start, end: endWithoutPossessive(tokens[to]!), from: i, to, sentence: t.sentence }
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
      const c = bySurname.find((p) => p.firstKeys.includes(next.key));
      // With the comma of a register's "Surname, Forename" the order is plain whatever the case ("adeyemi, hope").
      if (c && (t.capitalised || next.capitalised || /,/.test(next.before))) {
        mentions.push({ kind: 'full', pupils: [c], first: next.text, start: t.start, end: endWithoutPossessive(next), from: i, to: i + 1, sentence: t.sentence });
        i += 2;
        continue;
      }
    }
    // Not on the roster: a given name and a surname.
    if (isGivenName(t) && (!nameLists().nameWords.has(t.key) || nameWordReadsAsName(tokens, i))) {
      const to = unlistedFullName(tokens, i);
      if (to) {
        mentions.push({ kind: 'likely-full', pupils: [], first: t.text, start: t.start, end: endWithoutPossessive(tokens[to]!), from: i, to, sentence: t.sentence });
        i = to + 1;
        continue;
      }
      // "well done oliwia for her handwriting": greeted in lower case, a given name is the child.
      const greetedLower = !t.capitalised && greetedInLowerCase(tokens, i) && !introducedByRole(tokens, i, i);
      if (greetedLower || (likelyFirstName(tokens, i) && !introducedByRole(tokens, i, i))) {
        // With a roster, a first name on none of it is a child when something says so: a greeting ("welcome
        // to Kasia"), a child word before it ("our new pupil Chiamaka"), or a possessive ("Olumide's EHCP").
        const child = greetedLower || !hasRoster || greeted(tokens, i) || childWordBefore(tokens, i) || possessive(t.text);
        mentions.push({ kind: 'likely-first', pupils: [], first: t.text, start: t.start, end: endWithoutPossessive(t), from: i, to: i, sentence: t.sentence, ...(child ? {} : { weak: true as const }) });
      }
    } else if (t.capitalised && !isGivenName(t)) {
      // On no list of names at all ("Bartłomiej", "Adewale"): its place says it is a child.
      const to = nameByPlace(tokens, i);
      if (to >= 0) {
        mentions.push({ kind: to > i ? 'likely-full' : 'likely-first', pupils: [], first: t.text, start: t.start, end: endWithoutPossessive(tokens[to]!), from: i, to, sentence: t.sentence });
        i = to + 1;
        continue;
      }
    }
    i++;
  }
  return mentions;
}

/** A roster pupil's first name and surname (one to three words, any dash or case) starting at i. */
function rosterFullName(tokens: Token[], i: number, candidates: IndexedPupil[]): Mention | undefined {
  const t = tokens[i]!;
  for (const c of candidates) {
    // The preferred surname, then a legal one that differs; the longer match wins ("Adebayo-Okoro" over "Adebayo").
    let k = 0;
    for (const key of c.lastKeys) k = Math.max(k, surnameMatch(tokens, i, key));
    if (k) return { kind: 'full', pupils: [c], first: t.text, start: t.start, end: endWithoutPossessive(tokens[i + k]!), from: i, to: i + k, sentence: t.sentence };
  }
  return undefined;
}

/** A given name, or a double-barrelled one ("Ellie-Mae"). */
function isGivenName(t: Token): boolean {
  if (nameLists().commonFirst.has(t.key)) return true;
  if (t.key.length < 5) return false;
  // Yoruba and Igbo names are built from a few parts ("Oluwa-", "Chukwu-"): the parts say it is a name.
  if (t.key.length >= 7 && GIVEN_STARTS.has(t.key.slice(0, 2)) && GIVEN_PREFIXES.some((p) => t.key.startsWith(p))) return true;
  // Only a word with a dash or an apostrophe in it (its key drops them) can be double-barrelled.
  if (t.key.length >= t.text.length) return false;
  const parts = stripPossessive(t.text).split(/[-\u2010-\u2015]/);
  if (parts.length !== 2) return false;
  const [a, b] = parts.map(foldKey) as [string, string];
  const { commonFirst, nameWords } = nameLists();
  const nameLike = (k: string) => commonFirst.has(k) || nameWords.has(k);
  // "Ellie-Mae", "Lily-Rose", "Mary-Kate": the first part a given name, the second a name or a short one.
  return nameLike(a) && (nameLike(b) || (b.length <= 4 && /^\p{Lu}/u.test(parts[1]!)));
}
const GIVEN_PREFIXES = ['oluwa', 'olu', 'ayo', 'oyin', 'temi', 'tolu', 'chukwu', 'chidi', 'chima', 'ifeoluwa', 'ebuka'];
/** Their first two letters: most words are ruled out by one lookup. */
const GIVEN_STARTS = new Set(GIVEN_PREFIXES.map((p) => p.slice(0, 2)));

/** Whether a word is written in capitals only ("AMELIA"): then its capital says nothing. */
function allCaps(t: Token): boolean {
  if (!t.capitalised || t.text.length < 2) return false;
  const second = t.text[1]!;
  if (second === second.toLowerCase() && second !== second.toUpperCase()) return false; // "Amelia": quick no
  return t.text === t.text.toUpperCase();
}

/** Ends in a possessive: "Noah's", "Hughes'". Without a regular expression: it runs on every name. */
function possessive(text: string): boolean {
  const last = text[text.length - 1];
  if (last === "'" || last === '\u2019') return true;
  const before = text[text.length - 2];
  return (last === 's' || last === 'S') && (before === "'" || before === '\u2019');
}

/** A family name by its shape or from the surname lists, for text whose capitals say nothing. */
function surnameEvidence(t: Token): boolean {
  // A double-barrelled name is a family name when one of its parts is ("Smith-Walker", "Ashworth–Baines").
  const parts = t.text.split(/[-\u2010-\u2015]/);
  if (parts.length === 2 && parts.every((p) => p.length >= 2)) {
    return parts.some((p) => surnameEvidence({ ...t, text: p, key: foldKey(p) }));
  }
  const key = t.key;
  if (key.length < 2 || context().NOT_SURNAMES.has(key) || context().PLACE_WORDS.has(key)) return false;
  if (nameLists().surnames.has(key)) return true;
  if (/^(o|d)['\u2019]\p{L}{2}/u.test(t.text)) return true; // O'Connor, D'Souza
  if (key.length >= 5 && key.endsWith('ez') && /^\p{Lu}/u.test(t.text)) return true; // López, Fernández, Martinez
  if (key.length >= 6 && (key.startsWith('mc') || key.startsWith('mac')) && /^m[ac]/i.test(t.text) && /[A-Z]/.test(t.text.slice(2))) return true;
  return key.length >= 6 && SURNAME_ENDINGS.some((e) => key.endsWith(e));
}

/**
 * The index of the last word of a child's full name that starts at i and is not on the roster, or 0:
 * "Amelia Jones", "tunde bakare", "WIKTORIA KAMIŃSKA", "Gethin ap Rhys", "mateo de la fuente".
 */
function unlistedFullName(tokens: Token[], i: number): number {
  const first = tokens[i]!;
  let j = i + 1;
  let second = tokens[j];
  if (!second || !joined(second) || second.sentence !== first.sentence) return 0;
  // A joining word starts the surname: it needs one more word, of any case.
  if (context().PARTICLES.has(second.key)) {
    let k = j + 1;
    if (tokens[k] && context().SECOND_PARTICLES.has(tokens[k]!.key) && joined(tokens[k])) k++;
    const last = tokens[k];
    if (last && joined(last) && last.sentence === first.sentence && last.key.length >= 2 && !context().NOT_SURNAMES.has(last.key) && !context().PLACE_WORDS.has(last.key) && (last.capitalised || !first.capitalised || allCaps(first))) {
      if (!personCounterEvidence(tokens, i, k)) return k;
    }
    return 0;
  }
  if (second.text.length < 2) return 0;
  // The middle of a longer name ("Carol Ann Duffy"): a grown-up's full name or a title, rarely a child's.
  const before = tokens[i - 1];
  if (before && first.capitalised && before.capitalised && !allCaps(before) && joined(first) && before.sentence === first.sentence && isGivenName(before)) return 0;
  const caseSays = first.capitalised && !allCaps(first);
  if (caseSays) {
    if (possessive(first.text)) return 0; // "Charlotte's Web", "Noah's Ark": a name's thing, titled
    if (!second.capitalised || allCaps(second)) return 0; // "Amelia PE", "Amelia said"
    if (context().NOT_SURNAMES.has(second.key) || context().PLACE_WORDS.has(second.key) || nameLists().nameWords.has(second.key) || context().CHARACTER_WORDS.has(second.key)) return 0;
    // "Victoria Sponge", "Easter Fair": a bake or an event named after a person is not a child.
    if (context().FOOD_WORDS.has(second.key) || context().EVENT_WORDS.has(second.key)) return 0;
    // Many surnames are also first names (Morgan, Thomas, Lewis); two first names in a row are far more
    // often a full name than a list with its commas left out.
    const third = tokens[j + 1];
    const particle = third && joined(third) && third.sentence === first.sentence && !possessive(second.text) && context().PARTICLES.has(third.key);
    if (particle) {
      // Two given names and a surname with its joining word: "Juan Carlos de la Vega", "Ana María da Silva".
      let k = j + 2;
      if (tokens[k] && context().SECOND_PARTICLES.has(tokens[k]!.key) && joined(tokens[k])) k++;
      const last = tokens[k];
      if (last && joined(last) && last.sentence === first.sentence && last.capitalised && !allCaps(last) && !ordinaryWord(last.key)) j = k;
    } else if (third && joined(third) && third.capitalised && !possessive(second.text) && !allCaps(third)) {
      // A second family name ("Mateo García López") belongs to the name; any other third capital makes a title
      // or a grown-up's full name ("Carol Ann Duffy's poems"), rarely a child's.
      if (third.sentence === first.sentence && surnameEvidence(third)) j++;
      else return 0;
    }
  } else {
    // No capitals to go by (all lower case, or all capitals): the first word must be a given name that is not an
    // everyday word, the second a surname, written the same way.
    if (allCaps(first) ? !allCaps(second) : second.capitalised) return 0;
    if (nameLists().nameWords.has(first.key)) return 0;
    if (!surnameEvidence(second)) return 0;
    const third = tokens[j + 1];
    if (third && joined(third) && third.sentence === first.sentence && allCaps(third) === allCaps(second) && !possessive(second.text) && surnameEvidence(third)) j++;
  }
  return personCounterEvidence(tokens, i, j) ? 0 : j;
}

/**
 * Whether a roster first name and the capitalised words after it (i to `to`, no known family name among them)
 * read as a proper noun of their own rather than another child's full name: "the Chelsea Flower Show", "Sky
 * News" (a name that is also a word), "Santiago de Compostela" (a particle). Otherwise ("Amelia Fairweather")
 * it is still read as a child's full name.
 */
function properNounAround(tokens: Token[], i: number, to: number): boolean {
  const prev = tokens[i - 1];
  if (prev?.key === 'the' && joined(tokens[i])) return true;
  if (nameLists().nameWords.has(tokens[i]!.key)) return true;
  if (to > i + 1 && context().PARTICLES.has(tokens[i + 1]!.key)) return true;
  const after = tokens[to + 1];
  return after !== undefined && joined(after) && after.sentence === tokens[to]!.sentence && after.capitalised && !allCaps(after);
}

/** A word that is a place, a thing, an event or an everyday word as well as a name: never a surname by its capital alone. */
function ordinaryWord(key: string): boolean {
  const c = context();
  return c.NOT_SURNAMES.has(key) || c.PLACE_WORDS.has(key) || c.FOOD_WORDS.has(key) || c.EVENT_WORDS.has(key) || c.CHARACTER_WORDS.has(key) || nameLists().nameWords.has(key);
}

/** Reasons a name-shaped run of words from i to `to` is not a child. */
function personCounterEvidence(tokens: Token[], i: number, to: number): boolean {
  const prev = tokens[i - 1];
  if (prev && context().TITLE_CUES.has(prev.key)) return true;
  // "the Jade Emperor", "the Victoria Line": a child is not "the Amelia Jones".
  if (prev && prev.key === 'the' && joined(tokens[i])) return true;
  if (inQuotes(tokens, i)) return true;
  if (notAPersonAfter(tokens, i, to)) return true;
  return introducedByRole(tokens, i, to);
}

/** The word after a name makes it a place, a bake, an event, or a costume ("three Harry Potters"). */
function notAPersonAfter(tokens: Token[], i: number, to: number): boolean {
  if (possessive(tokens[to]!.text)) return false; // "Noah's water bottle", "Mia's party": a possessive is a person
  const after = tokens[to + 1];
  if (after && joined(after) && after.sentence === tokens[to]!.sentence) {
    if (context().PLACE_WORDS.has(after.key) || context().FOOD_WORDS.has(after.key) || context().EVENT_WORDS.has(after.key)) return true;
  }
  // A plural after a number: "three Harry Potters", "2 Elsas".
  const last = tokens[to]!.text;
  if (last.length < 3 || last[last.length - 1] !== 's' || last[last.length - 2] === 's' || last[last.length - 2] === "'") return false;
  const prev = tokens[i - 1];
  const gap = tokens[i]!.before.trimEnd();
  return (prev !== undefined && context().NUMBER_WORDS.has(prev.key) && gap.trim() === '') || isDigit(gap[gap.length - 1]);
}

/**
 * An adult introduced by role, before the name ("our new TA, Sarah Mitchell", "chair of governors Priya
 * Sharma") or after it ("Claire Roberts, our business manager", "Sarah Mitchell (TA)").
 */
function introducedByRole(tokens: Token[], i: number, to: number): boolean {
  const sentence = tokens[i]!.sentence;
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const w = tokens[k]!;
    // "Headteacher's Awards this week: Alfie Whitfield": a colon starts what the words before it head.
    if (w.sentence !== sentence || /[:;]/.test(tokens[k + 1]!.before)) break;
    if (context().CHILD_WORDS.has(w.key)) return false;
    if (context().ROLE_WORDS.has(w.key)) return true;
  }
  const after = tokens[to + 1];
  if (famousInSentence(tokens, i)) return true;
  if (!after || after.sentence !== sentence || !/[,(\u2013\u2014-]/.test(after.before)) return false;
  for (let k = to + 1; k <= Math.min(tokens.length - 1, to + 5); k++) {
    const w = tokens[k]!;
    if (w.sentence !== sentence) break;
    if (context().CHILD_WORDS.has(w.key)) return false;
    if (context().ROLE_WORDS.has(w.key)) return true;
    if (k > to + 1 && /[,.;:)]/.test(w.before)) break;
  }
  return false;
}

/** "our new pupil Chiamaka", "the new girl, Zofia": a child word in the three words before the name. */
function childWordBefore(tokens: Token[], i: number): boolean {
  const sentence = tokens[i]!.sentence;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = tokens[k]!;
    if (w.sentence !== sentence) return false;
    if (context().CHILD_WORDS.has(w.key)) return true;
  }
  return false;
}

/** "Welcome to Kasia", "thank you Oluwadamilare", "well done to Kacper": a greeting names a child. */
function greeted(tokens: Token[], i: number, depth = 0): boolean {
  const t = tokens[i]!;
  if (!t.capitalised || allCaps(t) || nameLists().nameWords.has(t.key) || t.sentenceStart) return false;
  const p1 = tokens[i - 1];
  const p2 = tokens[i - 2];
  // "Thank you Oskar and Tymon", "Welcome Kasia, Kuba and Zosia": a name listed with a greeted one.
  if (p1 && p2 && p1.sentence === t.sentence && (p1.key === 'and' || /^\s*,\s*$/.test(t.before)) && depth < 4) {
    const prevName = p1.key === 'and' ? p2 : p1;
    const at = p1.key === 'and' ? i - 2 : i - 1;
    if (isGivenName(prevName) && greeted(tokens, at, depth + 1)) return true;
  }
  if (!p1 || p1.sentence !== t.sentence || !context().GREETING_BEFORE.has(p1.key)) return false;
  if (p1.key === 'welcome') return true;
  return p2 !== undefined && p2.sentence === t.sentence && context().GREETING_TWO_BEFORE.has(p2.key) && !introducedByRole(tokens, i, i);
}

/** Letters English words do not use: "Bartłomiej", "Wójcik", "Zoë" (not apostrophes or dashes). */
function foreignLetters(text: string): boolean {
  return /[^A-Za-z'\u2019\u2010-\u2015-]/.test(stripPossessive(text));
}

/**
 * The index of the last word of a name on no list, or -1, when its place says it is a child's: straight after a
 * child word in lower case ("our new friend Adewale", "the new girl Oyinkansola"), or welcomed ("please welcome
 * Bartłomiej Wójcik") when its letters or a family name after it say it is a name, not "welcome Reception".
 * Title-case phrases ("Pupil Voice", "Pupil Premium") and everyday or place words are not names.
 */
function nameByPlace(tokens: Token[], i: number): number {
  const t = tokens[i]!;
  const p1 = tokens[i - 1];
  if (!p1 || allCaps(t) || t.sentenceStart || !joined(t) || p1.sentence !== t.sentence || t.key.length < 3) return -1;
  if (!/^\p{Lu}\p{Ll}+(['\u2019]s?)?$/u.test(t.text) || ordinaryWord(t.key)) return -1;
  const afterChildWord = !p1.capitalised && context().CHILD_WORDS.has(p1.key);
  if (!afterChildWord && p1.key !== 'welcome') return -1;
  const next = tokens[i + 1];
  const surname =
    next !== undefined && joined(next) && next.sentence === t.sentence && !possessive(t.text) && next.capitalised && !allCaps(next) && !ordinaryWord(next.key) && (surnameEvidence(next) || foreignLetters(next.text));
  if (!afterChildWord && !surname && !foreignLetters(t.text)) return -1;
  const to = surname ? i + 1 : i;
  return personCounterEvidence(tokens, i, to) ? -1 : to;
}

/** A common first name alone, used as a name: capitalised, not a title being read, not quoted. */
function likelyFirstName(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!t.capitalised) return false;
  const prev = tokens[i - 1];
  if (prev && context().TITLE_CUES.has(prev.key)) return false;
  const next = tokens[i + 1];
  // A capital after it may be a surname or a place ("Amelia Jones", "Victoria Park"); not after a possessive
  // ("Olumide's EHCP"), and not an acronym.
  if (next && joined(next) && (context().PLACE_WORDS.has(next.key) || (next.capitalised && !allCaps(next) && !possessive(t.text) && !context().NOT_SURNAMES.has(next.key)))) return false;
  if (notAPersonAfter(tokens, i, i)) return false;
  return !inQuotes(tokens, i);
}

export { nameKey };

/**
 * Words in a draft, with where they are. Written as a single forward scan (no regular expression can
 * backtrack here), so 100 KB of anything tokenises in linear time.
 */

export interface Token {
  /** The word as typed. */
  text: string;
  /** Folded for matching: lower case, accents removed, apostrophes and hyphens dropped ("O'Connor" -> "oconnor"). */
  key: string;
  start: number;
  end: number;
  /** First letter is upper case. */
  capitalised: boolean;
  /** First word of a sentence (after . ! ? or a line break, or the start of the text). */
  sentenceStart: boolean;
  /** Index of the sentence this word is in (counted from 0). */
  sentence: number;
  /** Text between the previous word and this one (punctuation, spaces). */
  before: string;
}

/**
 * Every hyphen and dash joins the parts of a name written without spaces ("Smith–Walker" with an en dash,
 * "Bevan‑Jones" with a non-breaking hyphen): U+2010 to U+2013, the minus sign, the small and full-width
 * hyphen-minus. An em dash or a horizontal bar joins only before a capital ("Smith—Walker"), since without
 * spaces it also stands between ordinary words ("tired—she").
 * (joinsWords reads them by character code.) Each is folded out of keys: "Smith–Walker" and "Smith-Walker"
 * are one name.
 */
const DASH_CODES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63, 0xff0d]);

const LETTER = /^[\p{L}\p{M}]$/u;

/**
 * The length (in UTF-16 units) of the letter at i: 1, 2 for a letter outside the Basic Multilingual Plane,
 * or 0 for anything else. Emoji and unpaired surrogates are not letters.
 */
function letterAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? 1 : 0;
  if (code >= 0xd800 && code <= 0xdbff) {
    const low = text.charCodeAt(i + 1);
    return low >= 0xdc00 && low <= 0xdfff && LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  if (code >= 0xdc00 && code <= 0xdfff) return 0;
  return LETTER.test(text[i]!) ? 1 : 0;
}

/** An apostrophe or a dash between two letters of one word: "O'Connor", "Smith–Walker", "Smith—Walker". */
function joinsWords(text: string, i: number): boolean {
  // By character code, not set lookups: this runs at the end of every word.
  const c = text.charCodeAt(i);
  if (c === 39 || c === 45) return isLetterAt(text, i + 1); // ' and -
  if (c < 0x2bc) return false;
  if (c === 0x2bc || c === 0x2018 || c === 0x2019 || (c >= 0x2010 && c <= 0x2013) || c === 0x2212 || c === 0xfe63 || c === 0xff0d) return isLetterAt(text, i + 1);
  return (c === 0x2014 || c === 0x2015) && isLetterAt(text, i + 1) && isUpperAt(text, i + 1);
}

function isUpperAt(text: string, i: number): boolean {
  const ch = text[i]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLetterAt(text: string, i: number): boolean {
  return letterAt(text, i) > 0;
}

/** Lower case, no accents, no apostrophes or hyphens: the form names are compared in. */
export function foldKey(word: string): string {
  // Fast path: plain ASCII letters (most words) need only lower-casing.
  let plain = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
      plain = false;
      break;
    }
  }
  if (plain) return word.toLowerCase();
  // One pass over the decomposed word, dropping marks, apostrophes, hyphens and dots: the same as
  // .normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['\u2019\u2018\u02bc\-\u2010\u2011.]/g, ''),
  // without two Unicode-aware regular expressions on every word (most of tokenize's time on accented text).
  const d = word.normalize('NFD');
  let out = '';
  for (let i = 0; i < d.length; i++) {
    const c = d.charCodeAt(i);
    if (c < 0x300) {
      // No marks below U+0300.
      if (c !== 39 && c !== 45 && c !== 46 && c !== 0x2bc) out += d[i];
      continue;
    }
    if (c <= 0x36f || c === 0x2019 || c === 0x2018 || DASH_CODES.has(c)) continue; // combining diacritics, apostrophes, dashes
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < d.length ? d.slice(i, i + 2) : d[i]!;
    if (!MARK.test(pair)) out += pair;
    i += pair.length - 1;
  }
  // Turkish and Azeri dotless ı is typed as i on most keyboards: "Yilmaz" is "Yılmaz".
  return out.toLowerCase().replace(/\u0131/g, 'i');
}
const MARK = /^\p{M}$/u;

/** An apostrophe, by character code: ' ’ ‘ ʼ (U+0027, U+2019, U+2018, U+02BC). */
function isApostropheCode(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018 || c === 0x2bc;
}

/** Drops a possessive ending: "Amelia's" -> "Amelia", "Hughes'" -> "Hughes". */
export function stripPossessive(word: string): string {
  // Fast path: most words have no apostrophe in their last two characters (read by code: this runs on
  // every word).
  if (!isApostropheCode(word.charCodeAt(word.length - 1)) && !isApostropheCode(word.charCodeAt(word.length - 2))) return word;
  // English possessives, and Welsh clitics that join a word ("cinio'r" = "the dinner", "gyda'i" = "with his").
  return word.replace(/['\u2019](s|r|n|i|u|w|m)?$/i, '');
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let sentence = 0;
  let sentenceStart = true;
  let gapStart = 0;
  const n = text.length;
  while (i < n) {
    if (!isLetterAt(text, i)) {
      const code = text.charCodeAt(i);
      if (code === 46 || code === 33 || code === 63 || code === 10) {
        // . ! ? or a line break. "Mr." and initials ("Oliver B.") do not end a sentence; a full stop after a
        // longer word does.
        const prev = tokens[tokens.length - 1];
        const abbreviation = code === 46 && prev && prev.end === i && (prev.text.length === 1 || /^(mr|mrs|ms|dr|st|mx)$/i.test(prev.text));
        if (!abbreviation && !sentenceStart) {
          sentence++;
          sentenceStart = true;
        }
      }
      i++;
      continue;
    }
    const start = i;
    // A word: letters, with single apostrophes or hyphens joining letters ("O'Connor", "Smith-Walker").
    while (i < n) {
      const len = letterAt(text, i);
      if (len > 0) i += len;
      else if (i + 1 < n && joinsWords(text, i)) i++;
      else break;
    }
    // A trailing possessive apostrophe belongs to the word ("Hughes'").
    if (i < n && isApostropheCode(text.charCodeAt(i)) && (i + 1 >= n || !isLetterAt(text, i + 1))) i++;
    const word = text.slice(start, i);
    const firstCode = word.charCodeAt(0);
    const first = firstCode < 128 ? '' : word[0]!;
    tokens.push({
      text: word,
      key: foldKey(stripPossessive(word)),
      start,
      end: i,
      // An ASCII letter by its code; any other by case mapping.
      capitalised: firstCode < 128 ? firstCode >= 65 && firstCode <= 90 : first !== first.toLowerCase() && first === first.toUpperCase(),
      sentenceStart,
      sentence,
      before: text.slice(gapStart, start),
    });
    sentenceStart = false;
    gapStart = i;
  }
  return tokens;
}

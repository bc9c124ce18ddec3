/**
 * The phrases registers write for photo consent beyond a plain yes or no, in English and Welsh, each read as one
 * of the three states: given, refused, not recorded (lib/roster/csv.ts cellConsent asks here first). Pure data
 * and one function, no imports.
 *
 * Probe 19f L8: "Form not returned" refused the whole file while "No reply" was not recorded, and "Opted out" in a
 * consent column refused the file rather than being read as a refusal. A phrase is read only when the whole cell
 * is the phrase, optionally after the column's own words ("Photo consent:", "Form", "Caniatâd") and before a
 * date or who said it ("Opted out 03/10/2025", "Refused by parent", "Gwrthodwyd gan y rhiant"); anything else
 * written is left to the yes/no reader, which asks about what it cannot read rather than guessing. A phrase that
 * starts with "no" but denies an objection ("No objection", "No opt-out") is consent given.
 */

/** Consent given, refused, or not recorded (null): lib/roster/csv.ts Consent. */
type Consent = boolean | null;

// Each phrase in lower case, accents and curly apostrophes folded ("caniatâd wedi’i roi" → "caniatad wedi'i roi").
const GIVEN = [
  // Welsh: given, it was given, agreed, permitted.
  'rhoddwyd', 'wedi rhoi', "wedi'i roi", 'wedi ei roi', "wedi'i rhoi", 'wedi ei rhoi', 'wedi cytuno', 'cytuno', 'cytunwyd', 'caniatawyd', 'caniateir', 'caniatad',
  // English: the plain words again, so that a date or who said it may follow ("Given 1st Sept 2025").
  'yes', 'given', 'granted', 'consented', 'agreed', 'consent given', 'permission given',
  'consent', 'happy', 'parent agreed', 'parents agreed', 'parent consented', 'parent gave consent', 'permitted',
  // No objection is consent given (probe 19 M2: "No objection" was read as "No", a refusal), and so is no opt-out or
  // no restriction; each is longer than "no", so read before it.
  'no objection', 'no objections', 'no objection raised', 'no objections raised', 'not opposed', 'does not object', 'do not object', "doesn't object", "don't object",
  'has no objection', 'have no objection', 'parent has no objection', 'parents have no objection', 'no opt out', 'not opted out', 'has not opted out', 'no restriction', 'no restrictions',
  // Welsh: no objection, without objection, does not object, not opted out.
  'dim gwrthwynebiad', 'dim gwrthwynebiadau', 'heb wrthwynebiad', 'ddim yn gwrthwynebu', 'dim yn gwrthwynebu', "nid yw'n gwrthwynebu", 'heb optio allan',
];
const REFUSED = [
  'no', 'refused', 'withdrawn', 'declined', 'denied', 'not given', 'consent withdrawn', 'consent refused',
  // An opt-out written in a consent column: no photos.
  'opted out', 'opt out', 'optedout', 'optout', 'opted out of photos', 'opted out of photographs', 'objected', 'objects', 'objection',
  'parent refused', 'parents refused', 'family refused', 'carer refused', 'parent declined', 'parents declined', 'parent said no', 'parent withdrew', 'withdrew', 'revoked', 'rescinded', 'refusal',
  'does not consent', 'do not consent', "doesn't consent", "don't consent", 'does not agree', 'do not agree', 'not happy', 'no permission', 'permission denied', 'permission refused', 'permission withdrawn',
  'not permitted', 'not allowed', 'no photos', 'no photographs', 'no images', 'no pictures', 'do not photograph', "don't photograph",
  // Welsh: refused, withdrawn, no consent, not given, does not agree, not permitted.
  'gwrthodwyd', 'gwrthod', 'wedi gwrthod', "wedi'i wrthod", "wedi'i gwrthod", 'tynnwyd yn ol', "wedi tynnu'n ol", 'wedi tynnu yn ol', 'wedi ei dynnu yn ol', "wedi'i dynnu'n ol",
  'dim caniatad', 'heb ganiatad', 'heb ei roi', 'heb roi', "heb ei rhoi", 'ddim yn cytuno', "nid yw'n cytuno", 'dim yn cytuno', 'na chaniateir', 'ni chaniateir', 'dim lluniau',
];
const NOT_RECORDED = [
  // The form has not come back, or the answer is not known yet.
  'form not returned', 'not returned', 'not yet returned', 'not received', 'not yet received', 'form not received', 'not back', 'not yet back', 'form not back',
  'not completed', 'not filled in', 'not answered', 'unanswered', 'not recorded', 'unrecorded', 'no record', 'not on file', 'no form', 'no form returned', 'no form received',
  'form missing', 'missing form', 'missing', 'outstanding', 'form outstanding', 'chased', 'chasing', 'sent home', 'form sent home', 'sent out', 'form sent', 'to follow',
  'awaiting', 'awaiting form', 'awaiting reply', 'awaiting response', 'awaiting return', 'pending', 'tbc', 'tbd', 'to be confirmed', 'unknown', 'not known', 'not sure',
  "don't know", 'do not know', 'blank', 'none recorded', 'no data', 'not asked', 'not applicable', 'no reply', 'no response', 'no answer', 'no return', 'not given yet', 'not yet given', 'not yet asked',
  // Welsh: no answer, unknown, not recorded, not received, not returned, waiting, to be confirmed, don't know.
  'dim ateb', 'heb ateb', 'heb ei ateb', 'anhysbys', 'heb ei gofnodi', 'heb gofnodi', 'heb ei dderbyn', 'heb dderbyn', 'heb ei dychwelyd', 'heb ei ddychwelyd', 'heb ddychwelyd',
  'heb ei chwblhau', 'heb ei gwblhau', 'aros', 'yn aros', 'ar y gweill', "i'w gadarnhau", 'ddim yn gwybod', 'dim gwybodaeth', 'dim cofnod',
];

/** The column's own words before the answer: "Photo consent: …", "Form …", "Caniatâd …", "Ffurflen …". */
const LEAD = new Set(['photo', 'photos', 'photograph', 'photographs', 'image', 'images', 'media', 'consent', 'permission', 'form', 'caniatad', 'ffurflen', 'lluniau', 'status', 'statws']);
/** What may follow the phrase and not change it: a date, who said it, how. */
const TAIL = new Set([
  'by', 'on', 'at', 'in', 'the', 'a', 'via', 'from', 'date', 'dated', 'since', 'as', 'of', 'parent', 'parents', 'carer', 'carers', 'guardian', 'family', 'mum', 'dad', 'mother', 'father', 'email', 'letter', 'phone', 'call', 'writing', 'office',
  'gan', 'ar', 'y', 'yr', 'rhiant', 'rhieni', 'gofalwr', 'mam', 'tad', 'e', 'bost', 'llythyr', 'ffon', 'ers',
]);
const MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|ion|chwe|maw|ebr|mai|meh|gor|awst|medi|hyd|tach|rhag)[a-z]*$/;

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`ʼ]/g, "'");
/** A word without apostrophes at its ends ("'n" → "n"): a scan, as a regex sweep of "'+$" is quadratic on hostile text. */
const unquote = (w: string) => {
  let a = 0;
  let b = w.length;
  while (a < b && w[a] === "'") a++;
  while (b > a && w[b - 1] === "'") b--;
  return w.slice(a, b);
};
const wordsOf = (s: string) => fold(s).split(/[^a-z0-9']+/).map(unquote).filter(Boolean);
const PHRASES: [string[], Consent][] = [
  ...NOT_RECORDED.map((p) => [wordsOf(p), null] as [string[], Consent]),
  ...REFUSED.map((p) => [wordsOf(p), false] as [string[], Consent]),
  ...GIVEN.map((p) => [wordsOf(p), true] as [string[], Consent]),
  // Longest first, so "not yet returned" is read before "not", "form not returned" before "form".
].sort((a, b) => b[0].length - a[0].length);

/**
 * A consent cell written as one of the phrases above: given (true), refused (false), not recorded (null), or
 * undefined when the cell is not one of them (left to the yes/no reader). The phrase must be the whole cell, but
 * for the column's own words before it and a date or who said it after it.
 */
export function consentPhrase(cell: string): Consent | undefined {
  // A footnote mark ("Yes*", "Refused†") or a question ("Given?") may limit or undo the answer: not a phrase.
  if (/[*†‡?]/.test(cell)) return undefined;
  let words = wordsOf(cell);
  for (const pass of [0, 1]) {
    for (const [phrase, meaning] of PHRASES) {
      if (phrase.length > words.length || !phrase.every((w, i) => words[i] === w)) continue;
      const rest = words.slice(phrase.length);
      if (rest.every((w) => TAIL.has(w) || /^\d+(st|nd|rd|th)?$/.test(w) || MONTH.test(w))) return meaning;
    }
    // Then once more without the column's own words in front ("Consent form not returned", "Caniatâd wedi'i roi").
    if (pass === 0) {
      let lead = 0;
      while (lead < words.length - 1 && LEAD.has(words[lead]!)) lead++;
      if (lead === 0) return undefined;
      words = words.slice(lead);
    }
  }
  return undefined;
}

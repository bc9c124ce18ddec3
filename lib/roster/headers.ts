/**
 * Column headings by meaning, as the UK's school management systems and ClassDojo write them, compared
 * lower case with everything but letters removed ("Legal First Name" -> "legalfirstname").
 *
 * Sources for the name columns (each system's own documentation or an integrator's):
 * - SIMS: "Surname", "Forename", "Preferred Surname", "Preferred Forename", "Legal Surname",
 *   "Legal Forename", "Reg Group", "Adno", "UPN", "DOB" (SIMS R&A import format; ParentPay's note that
 *   Schoolcomms takes SIMS's preferred forename and surname for students).
 * - Arbor: "Legal First Name", "Legal Last Name", "Known As First Name", "Known As Last Name"
 *   (its API fields KnownAsFirstName/KnownAsLastName, used before Forename/Surname by ParentPay).
 * - Bromcom: "Legal First Name", "Legal Last Name", "Preferred First Name", "Preferred Last Name",
 *   "Admission Number", "Tutor Group" (Bromcom's own import templates; PreferredFirstName before FirstName).
 * - ScholarPack: "Forename", "Surname", "Known As", "Class", "Year Group".
 * - ClassDojo: "First Name", "Last Name", "Student Name", "Parent Email".
 * Welsh-medium schools' registers: "Enw cyntaf", "Cyfenw", "Enw".
 */

import type { ConsentColumn } from './consent-columns';
export { CONSENT_COLUMNS, type ConsentColumn } from './consent-columns';

export type NameField = 'first' | 'last' | 'legalFirst' | 'legalLast' | 'preferredFirst' | 'preferredLast' | 'full';
export type Field = NameField | 'consent' | 'optOut' | 'inCare' | `consent:${ConsentColumn}`;

export const HEADERS: Record<Field, string[]> = {
  first: ['first', 'firstname', 'forename', 'forenames', 'givenname', 'givennames', 'christianname', 'childsfirstname', 'pupilforename', 'pupilfirstname', 'studentfirstname', 'studentforename', 'learnerforename', 'enwcyntaf'],
  legalFirst: ['legalforename', 'legalforenames', 'legalfirstname', 'legalgivenname', 'officialforename', 'officialfirstname'],
  preferredFirst: ['preferredforename', 'preferredfirstname', 'preferredname', 'preferredgivenname', 'knownas', 'knownasname', 'knownasfirstname', 'knownasforename', 'chosenname', 'chosenfirstname', 'enwdewisol'],
  last: ['last', 'lastname', 'surname', 'familyname', 'pupilsurname', 'pupillastname', 'studentsurname', 'studentlastname', 'learnersurname', 'cyfenw'],
  legalLast: ['legalsurname', 'legallastname', 'legalfamilyname', 'officialsurname', 'officiallastname'],
  preferredLast: ['preferredsurname', 'preferredlastname', 'preferredfamilyname', 'knownassurname', 'knownaslastname'],
  // A single name column, either way round ("Surname, Forename" holds "Hughes, Amelia").
  full: ['name', 'fullname', 'surnameforename', 'surnameforenames', 'surnamefirstname', 'lastnamefirstname', 'forenamesurname', 'firstnamesurname', 'firstnamelastname', 'legalname', 'pupil', 'pupilname', 'pupilfullname', 'student', 'studentname', 'studentfullname', 'child', 'childname', 'childsname', 'learner', 'learnername', 'enw', 'enwllawn'],
  // Never plain "consent": consent to what is not said (GDPR, trips, ClassDojo's account), see headingMeaning.
  consent: ['photoconsent', 'photopermission', 'photopermissions', 'photos', 'photo', 'mediaconsent', 'imageconsent', 'photographconsent', 'photographicconsent', 'photographpermission', 'photographypermission', 'photographs', 'consenttophotographs', 'caniatadlluniau'],
  'consent:class-story': ['classstory', 'classstoryconsent', 'consentclassstory', 'photoconsentclassstory', 'classstoryphotos'],
  'consent:school-story': ['schoolstory', 'schoolstoryconsent', 'consentschoolstory', 'photoconsentschoolstory', 'schoolstoryphotos'],
  'consent:student-story': ['studentstory', 'portfolio', 'portfolios', 'studentstoryconsent', 'portfolioconsent', 'consentportfolio', 'consentstudentstory'],
  'consent:messages': ['messages', 'messaging', 'messagesconsent', 'consentmessages', 'chat'],
  // A register kept the other way round: "Y" here means no photos (an opt-out), read as a refusal.
  optOut: ['optout', 'photooptout', 'mediaoptout', 'imageoptout', 'optedout', 'nophotos', 'nophoto', 'nophotographs', 'noimages', 'nopictures', 'nomedia', 'donotphotograph', 'dontphotograph', 'photorefusal', 'photorefused', 'mediarestrictions', 'mediarestriction', 'photorestrictions', 'photorestriction', 'withholdimage', 'withholdimages', 'photoconsentwithdrawn'],
  inCare: ['incare', 'lookedafter', 'lookedafterchild', 'childlookedafter', 'lac', 'cla', 'lookedafterstatus', 'inlocalauthoritycare', 'inlacare', 'gofal', 'care', 'lacare', 'childincare', 'plentynsynderbyngofal', 'derbyngofal'],
};

/**
 * Headings the checks never read but that mark a row as the heading row (a data row holds names and
 * dates, not these words). They make the heading row score above a title line such as "Pupil list".
 */
export const OTHER_HEADINGS = new Set([
  'upn', 'uln', 'adno', 'admno', 'admissionno', 'admissionnumber', 'dob', 'dateofbirth', 'birthdate', 'gender', 'sex',
  'year', 'yeargroup', 'ncyear', 'reggroup', 'registrationgroup', 'regform', 'form', 'formgroup', 'formtutorgroup', 'tutorgroup',
  'class', 'classname', 'house', 'email', 'parentemail', 'parentemailaddress', 'parentsemail', 'guardianemail', 'studentid', 'pupilid',
  'misid', 'middlename', 'middlenames', 'title', 'senstatus', 'sen', 'fsm', 'eal', 'pupilpremium', 'ethnicity', 'firstlanguage',
  'postcode', 'address', 'enrolmentstatus', 'dateofadmission', 'positive', 'needswork', 'total', 'points', 'parentsconnected',
]);

// Accents go first, so Welsh headings read: "Caniatâd lluniau" is "caniatadlluniau".
export const squash = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');

const FIELD_OF = new Map<string, Field>();
for (const [field, names] of Object.entries(HEADERS) as [Field, string[]][]) for (const n of names) FIELD_OF.set(n, field);

/**
 * A heading's words: accents and possessives gone ("Child's" -> "child"), "(s)" and "(Y/N)" dropped, lower
 * case, split on anything but letters. "First name(s) (Legal)" -> ["first", "name", "legal"].
 */
export function headingWords(cell: string): string[] {
  return cell
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`ʼ]s\b/g, '')
    .replace(/\(s\)/g, '')
    // "(Y/N)", "Yes/No", "Y or N": what the answers look like, not what the column is about.
    .replace(/\b(y|yes)\s*(\/|\bor\b|-)\s*(n|no)\b/g, ' ')
    .replace(/\b(n|no)\s*(\/|\bor\b|-)\s*(y|yes)\b/g, ' ')
    .split(/[^a-z]+/)
    .filter(Boolean);
}

// ── Names by their words ───────────────────────────────────────────────────────────────────────────────────
// A heading is a pupil's name when every word in it is a name word, a qualifier (legal, preferred) or a word
// for the pupil ("Child First Name", "Pupil Forename(s)", "Surname (Legal)", "Child's full name"). One word
// outside them ("Parent name", "Name badge printed", "Middle name") and it is not a pupil's name.
const FIRST_WORDS = new Set(['forename', 'forenames', 'firstname', 'firstnames', 'givenname', 'givennames', 'christianname', 'cyntaf', 'nickname', 'nicknames']);
const LAST_WORDS = new Set(['surname', 'surnames', 'lastname', 'lastnames', 'familyname', 'familynames', 'cyfenw', 'cyfenwau']);
// "first name", "given name", "family name" written as two words.
const FIRST_BEFORE_NAME = new Set(['first', 'given', 'christian', 'fore']);
const LAST_BEFORE_NAME = new Set(['last', 'family', 'sur']);
const NAME_WORD = new Set(['name', 'names', 'enw', 'enwau']);
const LEGAL_WORDS = new Set(['legal', 'official', 'registered', 'cyfreithiol', 'swyddogol']);
// Welsh: "a ffefrir" (preferred), "dewisol" (chosen), "a ddefnyddir" (used, probe 19 L2), "arferol" (usual).
const PREFERRED_WORDS = new Set(['preferred', 'known', 'chosen', 'usual', 'used', 'nick', 'nickname', 'nicknames', 'goes', 'ffefrir', 'dewisol', 'ddefnyddir', 'defnyddir', 'arferol']);
// Words for the pupil, and small words, that say nothing about which name.
const PUPIL_WORDS = new Set(['child', 'children', 'pupil', 'pupils', 'student', 'students', 'learner', 'learners', 'plentyn', 'disgybl', 'your', 'the', 'of', 'as', 'by', 'in', 'use', 'full', 'whole', 'llawn', 'a', 'y', 'yr', 's']);

const PUPIL_NOUN = new Set(['child', 'pupil', 'pupils', 'student', 'students', 'learner', 'plentyn', 'disgybl']);

/** Which name a heading is, by its words (see above), or undefined when it is not a pupil's name. */
function nameFieldOf(words: readonly string[]): NameField | undefined {
  let first = false;
  let last = false;
  let name = false;
  let legal = false;
  let preferred = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (FIRST_WORDS.has(w)) first = true;
    else if (LAST_WORDS.has(w)) last = true;
    else if (FIRST_BEFORE_NAME.has(w) && next && NAME_WORD.has(next)) first = true;
    else if (LAST_BEFORE_NAME.has(w) && next && NAME_WORD.has(next)) last = true;
    else if (NAME_WORD.has(w)) name = true;
    else if (!LEGAL_WORDS.has(w) && !PREFERRED_WORDS.has(w) && !PUPIL_WORDS.has(w)) return undefined;
    if (LEGAL_WORDS.has(w)) legal = true;
    if (PREFERRED_WORDS.has(w)) preferred = true;
  }
  // "Known As", "Goes by", "Nickname": the name the pupil goes by.
  if (!first && !last && !name) {
    if (preferred && (words.includes('known') || words.includes('goes') || words.includes('nickname'))) return 'preferredFirst';
    // "Child", "Pupil's", "Learner": the pupil, so the whole name.
    return words.some((w) => PUPIL_NOUN.has(w)) && !legal && !preferred ? 'full' : undefined;
  }
  if (first && last) return 'full'; // "Forename Surname", "Surname, Forename"
  if (first) return legal ? 'legalFirst' : preferred ? 'preferredFirst' : 'first';
  if (last) return legal ? 'legalLast' : preferred ? 'preferredLast' : 'last';
  // A name alone: the whole name ("Child's full name", "Name (Legal)"); "Preferred name", "Enw a ffefrir"
  // hold the first name the pupil goes by (or the whole of it, which the reader takes apart).
  return preferred && !legal ? 'preferredFirst' : 'full';
}

// ── In care by its words ───────────────────────────────────────────────────────────────────────────────────
// LAC/CLA/CiC are the looked-after child's abbreviations wherever they stand ("Care status (LAC)", "LAC/PLAC",
// "CLA/CP", "Child in need / LAC"). "Care" means in care unless the heading is about another kind of care.
const CARE_CODES = new Set(['lac', 'cla', 'cic', 'lacs', 'clas', 'foster', 'fostered', 'fostering', 'gofal']);
const FORMERLY = new Set(['post', 'previously', 'former', 'formerly', 'ex', 'was']);
const OTHER_CARE = new Set(['plan', 'plans', 'health', 'healthcare', 'medical', 'day', 'after', 'breakfast', 'wraparound', 'club', 'booking', 'personal', 'intimate', 'needs', 'dental', 'cynllun', 'iechyd']);

// Words that turn an in-care heading round or into the past: "Not LAC", "Non-CLA", "No longer looked after",
// "Left care", "Care leaver", "Ever in care", "Ceased LAC", "Care experienced" (in care now or before). A yes
// under such a heading may mean the child is not in care, or was once: never read as the in-care column.
const CARE_TURNED = new Set(['not', 'no', 'non', 'never', 'nor', 'without', 'isnt', 'ever', 'left', 'leaver', 'leavers', 'leaving', 'ceased', 'ceases', 'ended', 'longer', 'experienced', 'experience', 'discharged', 'dim', 'ddim', 'nid', 'heb', 'na', 'nac', 'except', 'excluding']);
const CARE_TURNED_STEM = /^(exclu|withdr|revok|remov)/;

/**
 * Whether a heading is the in-care column (see above): 'plac' when it names only previously looked-after
 * children, 'unclear' when it is about care but turned round or into the past by a word (CARE_TURNED), so a
 * yes there may mean not in care ("Not LAC") or once in care ("Care leaver").
 */
function careOf(words: readonly string[], key: string): 'inCare' | 'plac' | 'unclear' | undefined {
  const previously = words.includes('plac') || /previouslylookedafter|previouslyincare|adoptedfromcare|formerlylookedafter/.test(key) || words.some((w, i) => CARE_CODES.has(w) && FORMERLY.has(words[i - 1] ?? ''));
  // "Post-LAC", "ex-CLA": a code after such a word is the child who was looked after, not one who is.
  const now = words.some((w, i) => CARE_CODES.has(w) && !FORMERLY.has(words[i - 1] ?? '')) || /lookedafter|incare|localauthoritycare|lacare|careexperienced|careleaver|derbyngofal|mewngofal/.test(key.replace(/previouslylookedafter|previouslyincare|formerlylookedafter/g, ''));
  const plainCare = words.includes('care') && !words.some((w) => OTHER_CARE.has(w));
  if (!now && !previously && !plainCare) return undefined;
  if (words.some((w) => CARE_TURNED.has(w) || CARE_TURNED_STEM.test(w)) || /careleaver|careexperienced/.test(key)) return 'unclear';
  if (now) return 'inCare';
  // "PLAC" alone: adopted from care or under a special guardianship order, so not in care now (README, "Pupils and photo consent").
  if (previously) return 'plac';
  return 'inCare';
}

// ── Photos, and which way round ────────────────────────────────────────────────────────────────────────────
// Words that turn a photo heading into an opt-out: "Y" there means no photos. English and Welsh (dim = no,
// heb = without, nid/na = not, gwrthod = refuse, peidio = don't).
const NEGATION_WORDS = new Set(['not', 'no', 'non', 'never', 'nor', 'without', 'ban', 'bans', 'banned', 'dont', 'cannot', 'cant', 'optout', 'dim', 'heb', 'nid', 'na', 'nac', 'naddo']);
const NEGATION_STEM = /^(prohibit|forbid|refus|withdr|withh|restrict|declin|exclu|objec|deni|deny|avoid|gwrthod|peidio|dileu)/;
const NEGATION_PHRASE = /optout|optedout|donot|keepout|dontphotograph/;
// Words that say a yes there is consent ("Photo consent", "Photos allowed", "Happy for photos").
const POSITIVE_WORDS = new Set(['ok', 'okay', 'can', 'may', 'given', 'yes', 'happy', 'optin']);
const POSITIVE_STEM = /^(consent|permission|permit|allow|agree|approv|authori|accept|caniatad|cytun)/;
const POSITIVE_PHRASE = /optin|optedin/;
const negativeWord = (w: string) => NEGATION_WORDS.has(w) || NEGATION_STEM.test(w);
const positiveWord = (w: string) => POSITIVE_WORDS.has(w) || POSITIVE_STEM.test(w);
// Words a plain photo heading may hold besides its subject ("Photos (internal)", "Media - school website"):
// such a heading is a register of photos, read as consent as "Photos" always has been.
const PLAIN = new Set(['internal', 'external', 'school', 'website', 'web', 'social', 'media', 'newsletter', 'newsletters', 'press', 'class', 'story', 'display', 'displays', 'use', 'usage', 'for', 'on', 'in', 'and', 'the', 'of', 'publicity', 'marketing', 'classdojo', 'dojo', 'online', 'public', 'local', 'y', 'n', 'video', 'videos', 'or', 'ysgol', 'gwefan', 'publish', 'published', 'publishing', 'share', 'shared', 'sharing', 'post', 'posted', 'posting', 'taken', 'taking', 'be', 'to', 'used']);
// Uses of photos that are not ClassDojo, and the words that name ClassDojo's own (which win when both are there).
const OTHER_USE = new Set(['social', 'website', 'web', 'prospectus', 'press', 'newspaper', 'newspapers', 'newsletter', 'newsletters', 'display', 'displays', 'photographer', 'seesaw', 'tapestry', 'twitter', 'facebook', 'instagram', 'youtube', 'tiktok', 'yearbook', 'marketing', 'publicity', 'tv', 'television', 'gwefan', 'brochure', 'advert', 'adverts', 'advertising', 'leaflet', 'leaflets']);
// "Social worker", "social care", "social services" are people and services, not social media.
const NOT_A_USE_AFTER_SOCIAL = new Set(['worker', 'workers', 'care', 'services', 'service', 'sw']);
const isOtherUse = (w: string, i: number, words: readonly string[]) => OTHER_USE.has(w) && !(w === 'social' && NOT_A_USE_AFTER_SOCIAL.has(words[i + 1] ?? ''));
const DOJO_USE = new Set(['classdojo', 'dojo', 'class', 'story', 'portfolio', 'portfolios', 'messages', 'app', 'all']);
const PHOTO_WORD = /^(photo|image|picture|pics?$|media|video|film|camera|llun|ffotograff|delwedd|fideo)/;
// The words a consent heading with no word for photos is made of when it does not say what the consent is for
// ("Consent", "Parental consent", "Permission(s)", "Consent given"): not read, since a yes there may be to GDPR,
// trips or ClassDojo's account as well as to photos. Any other word ("GDPR consent", "Consent to use ClassDojo",
// "Trip consent") names something that is not photos.
const CONSENT_ONLY = new Set(['consent', 'consents', 'consented', 'permission', 'permissions', 'caniatad', 'given', 'parental', 'parent', 'parents', 'carer', 'form', 'forms', 'general', 'child', 'pupil', 'student', 'your', 'to', 'be', 'a', 'the', 'y', 'n']);

/**
 * What a heading means beyond its field: `photo-unclear` for a heading about photos whose direction cannot be
 * told (a yes there may be consent or an opt-out, so the file is refused, never guessed); `photo-meta` for one
 * about consent that holds no answer (a date, a note, whether a form came back); `plac` for previously
 * looked-after children (not in care); `consent-other` for consent to something other than photos ("Trip
 * consent", "GDPR consent", "Consent to use ClassDojo"); `consent-unclear` for consent that does not say what it
 * is for ("Consent", "Parental consent"); `photo-other-use` for photos for another use than ClassDojo ("Social
 * media consent", "Photo consent: Website"); `care-unclear` for a heading about children in care turned round or
 * into the past ("Not LAC", "No longer looked after", "Care leaver", "Ever in care"), or about both care and
 * consent where which it is cannot be told: the file is refused, asking which way round it is. None of these is read.
 */
export type HeadingConcern = 'photo-unclear' | 'care-unclear' | 'photo-meta' | 'plac' | 'consent-other' | 'consent-unclear' | 'photo-other-use';

export interface HeadingMeaning {
  field?: Field;
  concern?: HeadingConcern;
}

/**
 * What a heading cell means: a known heading (HEADERS), else by its words. Management systems, forms and
 * schools name columns a hundred ways ("Child First Name", "Surname (Legal)", "Care status (LAC)",
 * "Photos not allowed", "Do you consent to photos of your child…?"), and a column read the wrong way round
 * or not at all changes who may be photographed, so:
 * - names are read by their words (nameFieldOf);
 * - the in-care column by LAC/CLA/CiC/foster/looked after/in care anywhere in it (careOf);
 * - a photo or consent heading with any word of refusal in it (not, no, never, ban, prohibited, refused,
 *   withdrawn, restricted, without, opt out, do not…) is an opt-out: "Y" there means no photos. Such a
 *   heading that is also a question with a yes in it ("Do you consent…? We will not…") cannot be told
 *   either way and is `photo-unclear`, as is a photo heading with no word saying which way it goes.
 */
export function headingMeaning(cell: string): HeadingMeaning {
  const known = FIELD_OF.get(squash(cell));
  if (known) return { field: known };
  // An answer list in brackets ("Photo consent (Yes / No / Not returned)") says nothing about the column.
  const heading = dropAnswerLists(cell);
  // "(Y/N)", "Status", "Flag" and the like add nothing to what a column is.
  const bare = squash(heading).replace(/(yn|yesno|status|flag|indicator)$/, '');
  const field = FIELD_OF.get(bare);
  if (field) return { field };
  const words = headingWords(heading);
  if (words.length === 0) return {};
  const name = nameFieldOf(words);
  if (name) return { field: name };
  const care = careOf(words, bare);
  const photoWords = words.some((w) => PHOTO_WORD.test(w)) || /photo|image|picture|lluniau|ffotograff/.test(bare);
  const consentWords = /consent|permission|caniatad/.test(bare);
  if (!photoWords && !consentWords) {
    if (care === 'inCare') return { field: 'inCare' };
    if (care === 'plac') return { concern: 'plac' };
    if (care === 'unclear') return { concern: 'care-unclear' };
    return {};
  }
  // About photos or consent and about care at once ("Photo consent (not for LAC)", "Foster carer consent to
  // photos", "Photos allowed (CLA: ask social worker)"): the column's answers are photo consent, never who is in
  // care. Read as photo consent only when nothing in it could turn it round (a "not" there may be about the
  // photos or about the care); otherwise refused, asking which it is.
  if (care) {
    if (words.some((w) => negativeWord(w) || CARE_TURNED.has(w) || CARE_TURNED_STEM.test(w)) || NEGATION_PHRASE.test(bare)) return { concern: photoWords ? 'photo-unclear' : 'care-unclear' };
    if (!photoWords) return { concern: 'care-unclear' };
    const meaning = photoMeaning(cell, words, bare);
    return meaning.field === 'consent' ? meaning : { concern: 'photo-unclear' };
  }
  return photoMeaning(cell, words, bare);
}

/** What a heading about photos or consent means (see headingMeaning), from its cell, words and squashed key. */
function photoMeaning(cell: string, words: readonly string[], bare: string): HeadingMeaning {
  const photoWords = words.some((w) => PHOTO_WORD.test(w)) || /photo|image|picture|lluniau|ffotograff/.test(bare);
  // About consent but not an answer: when it was given, by whom, notes on it, whether the form came back.
  // Not read (a date read as an answer refuses every row; an empty note read as one unsets a yes).
  if (/date|notes?$|comments?|details?|expir|given(by|on)|signed|reviewed|updated|received|returned|by$|when|reason/.test(bare)) return { concern: 'photo-meta' };
  // Only a heading about photos, images or filming is photo consent. "GDPR consent" or "Consent to use
  // ClassDojo" is consent to something else; "Consent" alone does not say (a yes there may be to data
  // processing); an opt-out such as "Consent withdrawn" no more so. Not read, and named in the preview.
  if (!photoWords) return { concern: words.every((w) => CONSENT_ONLY.has(w) || negativeWord(w)) ? 'consent-unclear' : 'consent-other' };
  // Photos for another use (the website, social media, the prospectus, the press, a display, the school
  // photographer, another app): a yes there is not a yes to ClassDojo. Not read, and named in the preview.
  if (words.some(isOtherUse) && !words.some((w) => DOJO_USE.has(w))) return { concern: 'photo-other-use' };
  // A legend says it outright: "Photos (Y = do not photograph)", "Photo consent (N = no photos)".
  const legend = legendOf(cell);
  if (legend) return { field: legend };
  const negative = words.some(negativeWord) || NEGATION_PHRASE.test(bare);
  const positive = words.some(positiveWord) || POSITIVE_PHRASE.test(bare);
  const question = cell.includes('?') || words.length > 8;
  if (negative) return question && positive ? { concern: 'photo-unclear' } : { field: 'optOut' };
  if (positive) return { field: 'consent' };
  // No word says which way: a plain photo register ("Photographs (Internal)") is consent, as "Photos" is;
  // any other word ("Photo instructions", "Media status") leaves it unclear.
  return words.every((w) => PHOTO_WORD.test(w) || PLAIN.has(w)) ? { field: 'consent' } : { concern: 'photo-unclear' };
}

const ANSWER_LIST = /\b(?:yes|y)\s*\//i;

/** A heading without its answer lists in brackets ("(Yes / No / Not returned)"); one pass, no backtracking. */
function dropAnswerLists(cell: string): string {
  let out = '';
  let i = 0;
  while (i < cell.length) {
    const open = cell.indexOf('(', i);
    const close = open < 0 ? -1 : cell.indexOf(')', open + 1);
    if (close < 0) return out + cell.slice(i);
    const inner = cell.slice(open + 1, close);
    out += cell.slice(i, open) + (ANSWER_LIST.test(inner) ? ' ' : cell.slice(open, close + 1));
    i = close + 1;
  }
  return out;
}

/**
 * The direction a heading's own legend gives ("Y = no photos", "N: photos allowed"), or undefined when it has
 * none or it says neither. A yes that means a refusal, or a no that means consent, is an opt-out column.
 */
function legendOf(cell: string): 'consent' | 'optOut' | undefined {
  const says = (text: string) => {
    const words = headingWords(text);
    if (words.length === 0) return undefined;
    if (words.some(negativeWord) || NEGATION_PHRASE.test(squash(text))) return 'refusal';
    if (words.some(positiveWord) || words.some((w) => PHOTO_WORD.test(w))) return 'consent';
    return undefined;
  };
  const yes = /\b(?:y|yes)\s*[=:]\s*([^,;)=]*?)\s*(?:[,;)]|\b(?:n|no)\s*[=:]|$)/i.exec(cell);
  const no = /\b(?:n|no)\s*[=:]\s*([^,;)=]*?)\s*(?:[,;)]|\b(?:y|yes)\s*[=:]|$)/i.exec(cell);
  const yesMeans = yes?.[1] ? says(yes[1]) : undefined;
  const noMeans = no?.[1] ? says(no[1]) : undefined;
  if (yesMeans === 'refusal' || noMeans === 'consent') return 'optOut';
  if (yesMeans === 'consent' || noMeans === 'refusal') return 'consent';
  return undefined;
}

/** The other uses of photos a heading names, for the note that says why it is not read ("social media", "website"). */
export function otherUseOf(cell: string): string {
  const words = headingWords(cell);
  const uses = words.flatMap((w, i, all) => (!isOtherUse(w, i, all) ? [] : w === 'social' && words[i + 1] === 'media' ? ['social media'] : [w]));
  // None named: "" (the message says "not ClassDojo" in the interface's language).
  return [...new Set(uses)].join(', ');
}

/** What a heading cell is read as, if it is one of ours (headingMeaning). */
export function fieldOf(cell: string): Field | undefined {
  return headingMeaning(cell).field;
}

/** Fields a file may give in more than one column: their answers are combined, never one silently dropped. */
export const COMBINED_FIELDS: ReadonlySet<Field> = new Set<Field>(['consent', 'optOut', 'inCare']);

const NAME_FIELDS = new Set<Field>(['first', 'last', 'legalFirst', 'legalLast', 'preferredFirst', 'preferredLast', 'full']);

/** Whether a field is one of the name fields. */
export const isNameField = (field: Field | undefined) => field !== undefined && NAME_FIELDS.has(field);

// Words that only ever head a column: a cell made of them is a heading we do not know, never a pupil's name
// or an answer ("Timestamp", "Date of birth", "Kid's surname" has "surname"). Short and common words that are
// also surnames (Young, Parent, Class, Year, Form) are left out.
const HEADING_WORD = /^(name|names|forename|forenames|surname|surnames|firstname|lastname|consent|consents|permission|permissions|photo|photos|photographs?|photography|images?|media|dob|upn|uln|email|address|postcode|gender|timestamp|status|notes?|comments?|date|birth|id|number|pupil|pupils|student|students|learner|learners|carer|carers|guardian|tutor|registration|admission|ethnicity|enw|cyfenw|caniatad|lluniau)$/;

/**
 * Whether a cell reads as a column heading at all (ours, another known one, or made of heading words), for
 * telling a heading row we cannot read from a pasted list of names.
 */
export function looksLikeHeading(cell: string): boolean {
  const key = squash(cell);
  if (!key) return false;
  const meaning = headingMeaning(cell);
  if (meaning.field || meaning.concern || OTHER_HEADINGS.has(key)) return true;
  return headingWords(cell).some((w) => HEADING_WORD.test(w));
}

/**
 * How much a row looks like the heading row: 2 for each of our headings (names, consent, in care, and the
 * photo headings we refuse to guess), 1 for each other heading. 0 when the row cannot be the heading row: it
 * has none of ours, or only one of ours and nothing else that reads as a heading (a pupil called "Care").
 * A row of headings whose name columns are unknown still scores on its consent and in-care columns, so it is
 * found as the heading row and refused for its names (csv.ts), never read as a pupil.
 */
export function headingScore(cells: readonly string[]): number {
  let score = 0;
  let ours = 0;
  let name = false;
  let headings = 0;
  const seen = new Set<string>();
  for (const cell of cells) {
    const key = squash(cell);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const meaning = headingMeaning(cell);
    if (meaning.field || meaning.concern) {
      score += 2;
      ours++;
      headings++;
      if (isNameField(meaning.field)) name = true;
    } else if (OTHER_HEADINGS.has(key) || looksLikeHeading(cell)) {
      score += 1;
      headings++;
    }
  }
  if (ours === 0) return 0;
  return name || headings >= 2 ? score : 0;
}

// Headings that are never a pupil's name: a "name" equal to one is a heading row in the wrong place.
const NAME_HEADINGS = new Set([...(Object.values(HEADERS).flat()), 'upn', 'adno', 'dob', 'dateofbirth', 'yeargroup', 'reggroup', 'tutorgroup', 'admissionnumber', 'gender']);
// Real first names and surnames that are also headings somewhere above.
const REAL_NAMES = ['chat', 'child', 'photo', 'consent', 'care', 'pupil', 'student', 'learner', 'foster'];
for (const real of REAL_NAMES) NAME_HEADINGS.delete(real);

/** Whether a name cell is a column heading ("Surname", "Legal First Name", "Child First Name", "Surname (Legal)"). */
export function isHeadingWord(name: string): boolean {
  const key = squash(name);
  if (NAME_HEADINGS.has(key)) return true;
  if (REAL_NAMES.includes(key)) return false;
  return isNameField(headingMeaning(name).field) && headingWords(name).some((w) => HEADING_WORD.test(w) || FIRST_WORDS.has(w) || LAST_WORDS.has(w));
}

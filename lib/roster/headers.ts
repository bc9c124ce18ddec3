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

/** The channels a consent register records separately. Messages cover both kinds of chat. */
export const CONSENT_COLUMNS = ['class-story', 'school-story', 'student-story', 'messages'] as const;
export type ConsentColumn = (typeof CONSENT_COLUMNS)[number];

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
  consent: ['photoconsent', 'photopermission', 'photopermissions', 'photos', 'photo', 'consent', 'mediaconsent', 'imageconsent', 'photographconsent', 'photographicconsent', 'photographpermission', 'photographypermission', 'photographs', 'consenttophotographs', 'caniatadlluniau'],
  'consent:class-story': ['classstory', 'classstoryconsent', 'consentclassstory', 'photoconsentclassstory', 'classstoryphotos'],
  'consent:school-story': ['schoolstory', 'schoolstoryconsent', 'consentschoolstory', 'photoconsentschoolstory', 'schoolstoryphotos'],
  'consent:student-story': ['studentstory', 'portfolio', 'portfolios', 'studentstoryconsent', 'portfolioconsent', 'consentportfolio', 'consentstudentstory'],
  'consent:messages': ['messages', 'messaging', 'messagesconsent', 'consentmessages', 'chat'],
  // A register kept the other way round: "Y" here means no photos (an opt-out), read as a refusal.
  optOut: ['optout', 'photooptout', 'mediaoptout', 'imageoptout', 'optedout', 'nophotos', 'nophoto', 'nophotographs', 'noimages', 'nopictures', 'nomedia', 'donotphotograph', 'dontphotograph', 'photorefusal', 'photorefused', 'mediarestrictions', 'mediarestriction', 'photorestrictions', 'photorestriction', 'withholdimage', 'withholdimages', 'photoconsentwithdrawn', 'consentwithdrawn', 'noconsent'],
  inCare: ['incare', 'lookedafter', 'lookedafterchild', 'childlookedafter', 'lac', 'cla', 'lookedafterstatus', 'inlocalauthoritycare', 'inlacare', 'gofal', 'care', 'lacare', 'careexperienced', 'careleaver', 'childincare', 'plentynsynderbyngofal', 'derbyngofal'],
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
 * What a heading cell means, if it is one of ours: a known heading (HEADERS), else by what it is about.
 * Management systems and schools name the in-care and consent columns a hundred ways ("Looked After (Y/N)",
 * "CiC", "LAC Status", "Consent - Photographs (Internal)", "Image Permission", "Social Media Consent"); a
 * column about care or about photos and consent that went unread would silently make every pupil "not in
 * care" or "not recorded", so such headings are read by their words, not only by a list.
 */
export function fieldOf(cell: string): Field | undefined {
  const key = squash(cell);
  const known = FIELD_OF.get(key);
  if (known) return known;
  // "(Y/N)", "Status", "Flag" and the like add nothing to what a column is.
  const bare = key.replace(/(yn|yesno|status|flag|indicator)$/, '');
  const field = FIELD_OF.get(bare);
  if (field) return field;
  if (/lookedafter|incare|localauthoritycare|lacare|careexperienced|careleaver|derbyngofal/.test(bare) || /^(is)?(lac|cla|cic|care)$/.test(bare)) return 'inCare';
  const aboutPhotos = /photo|image|picture|media|video|filming|camera/.test(bare) || /consent|permission|caniatad/.test(bare);
  if (!aboutPhotos) return undefined;
  // About consent but not an answer: when it was given, by whom, notes on it. Not read (a date read as an
  // answer refuses every row; an empty note read as one unsets a yes).
  if (/date|notes?$|comments?|details?|expir|given(by|on)|signed|reviewed|updated|received|by$|when|reason/.test(bare)) return undefined;
  // The other way round: an opt-out, a restriction, a refusal or a withdrawal. "Y" there means no photos.
  if (/optout|optedout|^no(photo|image|picture|media|filming|video|consent)|donot|dont|refus|withdr|withh|restrict|object|declin|exclu|notconsent/.test(bare)) return 'optOut';
  return 'consent';
}

/** Fields a file may give in more than one column: their answers are combined, never one silently dropped. */
export const COMBINED_FIELDS: ReadonlySet<Field> = new Set<Field>(['consent', 'optOut', 'inCare']);

const NAME_FIELDS = new Set<Field>(['first', 'legalFirst', 'preferredFirst', 'full']);

/**
 * How much a row looks like the heading row: 2 for each of our headings, 1 for each other known heading;
 * 0 when the row has no heading for a name (it cannot be the heading row).
 */
export function headingScore(cells: readonly string[]): number {
  let score = 0;
  let name = false;
  const seen = new Set<string>();
  for (const cell of cells) {
    const key = squash(cell);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const field = FIELD_OF.get(key);
    if (field) {
      score += 2;
      if (NAME_FIELDS.has(field)) name = true;
    } else if (OTHER_HEADINGS.has(key)) score += 1;
  }
  return name ? score : 0;
}

// Headings that are never a pupil's name: a "name" equal to one is a heading row in the wrong place.
const NAME_HEADINGS = new Set([...(Object.values(HEADERS).flat()), 'upn', 'adno', 'dob', 'dateofbirth', 'yeargroup', 'reggroup', 'tutorgroup', 'admissionnumber', 'gender']);
// Real first names and surnames that are also headings somewhere above.
for (const real of ['chat', 'child', 'photo', 'consent', 'care']) NAME_HEADINGS.delete(real);

/** Whether a name cell is a column heading ("Surname", "Legal First Name"). */
export function isHeadingWord(name: string): boolean {
  return NAME_HEADINGS.has(squash(name));
}

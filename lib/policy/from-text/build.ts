/**
 * A reviewed proposal as a policy file (the format of docs/policy-format.md). Each item's source follows
 * from how it was decided, so an item can never cite a clause that does not say what it does:
 *   accepted, found in the document → `policy`, quoting the document's sentences;
 *   accepted, not in the document   → `recommended` (or `silent` where the default is off), with the note;
 *   edited by the school            → `school` (the document's quote is dropped: it no longer matches);
 *   switched off                    → `silent` (rules off, routes to the class teacher, no hours).
 */
import { QUERY_CATEGORIES, RULE_IDS, SCHEMA_VERSION, type Clause, type PolicyInput, type QueryCategory, type RuleId, type Source } from '../schema';
import { noteIdOf, type ReaderNote, type ReaderNoteId } from '../reader-note';
import { markGeneric, TEMPLATES, WELSH_TEMPLATES, welshWays } from './defaults';
import type { Decision, Item, Proposal, RouteValue } from './types';

export type Decisions = Partial<Record<string, Decision>>;

/** Every reviewable item of a proposal with its key (the key decisions are stored under) and a label. */
export function proposalItems(p: Proposal): { key: string; label: string; item: Item<unknown> }[] {
  return [
    { key: 'name', label: "School's name", item: p.name },
    { key: 'staffHours', label: 'Staff sending hours', item: p.staffHours },
    { key: 'replyHours', label: "Parents' expected reply hours", item: p.replyHours },
    { key: 'termTime', label: 'Term time only', item: p.termTime },
    { key: 'responseTime', label: 'Response time', item: p.responseTime },
    ...Object.entries(p.contacts).map(([k, item]) => ({ key: `contacts.${k}`, label: `Contact: ${item.value.role ?? k}`, item })),
    ...QUERY_CATEGORIES.map((c) => ({ key: `routes.${c}`, label: `Route: ${c}`, item: p.routes[c] as Item<unknown> })),
    ...RULE_IDS.map((r) => ({ key: `rules.${r}`, label: `Rule: ${r}`, item: p.rules[r] as Item<unknown> })),
    { key: 'audiences', label: 'Who sees each channel', item: p.audiences },
    { key: 'conduct', label: 'Conduct', item: p.conduct },
    { key: 'monitoring', label: "Leaders' review", item: p.monitoring },
  ];
}

/**
 * The English of the reader's own notes, as the policy file keeps them (`note`), with their ids (`noteId`): the
 * interface words a note from its id (lib/i18n/reader-note.ts); tests/unit/policy/from-text/reader-notes checks
 * that the English catalog says exactly this.
 */
const NOTES = {
  school: 'Set by the school when reviewing the proposal.',
  off: 'Switched off by the school when reviewing the proposal.',
  recommended: 'Policy Guard’s recommended default.',
  safeguardingDsl: 'A worry about a child’s safety always goes to the DSL.',
  dslAlways: 'Every school has a Designated Safeguarding Lead: safeguarding always goes to them.',
  outOfHoursNoHours: 'No staff sending hours are set, so nothing is flagged as out of hours.',
  closures: 'Add the school’s holidays and INSET days as closures.',
  leadersNoReview: 'Leaders do not review class pages.',
} as const satisfies Partial<Record<ReaderNoteId, string>>;

/** A note of the reader's own: its English and its id. */
const own = (id: keyof typeof NOTES) => ({ note: NOTES[id], noteId: id });
const SCHOOL_NOTE = own('school');
const OFF_NOTE = own('off');

function clauses(file: string, item: Item<unknown>): Clause[] {
  return item.quotes.map((q) => ({ file, section: q.section || 'Document', quote: q.quote }));
}

/** The source an item's decision gives it. */
function sourceOf(file: string, item: Item<unknown>, d: Decision | undefined): Source {
  if (d?.state === 'edit') return { origin: 'school', ...SCHOOL_NOTE };
  if (d?.state === 'off') return { origin: 'silent', ...OFF_NOTE };
  if (item.origin === 'document' && item.quotes.length) return { origin: 'policy', clauses: clauses(file, item), ...(item.note ? { note: item.note, ...noteIdOf(item) } : {}) };
  if (item.origin === 'silent') return { origin: 'silent', ...(item.note ? { note: item.note, ...noteIdOf(item) } : {}) };
  return { origin: 'recommended', ...(item.note ? { note: item.note, ...noteIdOf(item) } : own('recommended')) };
}

/**
 * A contact's source: as any item's, except that a contact the document names but whose `how` (or name)
 * it does not give is `recommended`, quoting the document for the rest and saying which part is the default.
 */
function contactSource(file: string, item: Item<unknown>, d: Decision | undefined): Source {
  if ((!d || d.state === 'accept') && item.origin === 'document' && item.defaults?.length && item.quotes.length) {
    const fields = item.defaults.join(', ');
    return { origin: 'recommended', clauses: clauses(file, item), ...(item.note ? { note: item.note, ...noteIdOf(item) } : { note: `Not in the document: ${fields} (recommended default).`, noteId: 'notInDocument', noteData: { fields } }) };
  }
  return sourceOf(file, item, d);
}

function valueOf<T>(item: Item<T>, d: Decision | undefined): T {
  return d?.state === 'edit' ? (d.value as T) : item.value;
}

export function slug(name: string): string {
  // Dashes trimmed by hand: /^-+|-+$/ backtracks on a long run of dashes.
  let s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  let a = 0;
  let b = s.length;
  while (a < b && s[a] === '-') a++;
  while (b > a && s[b - 1] === '-') b--;
  s = s.slice(a, Math.min(b, a + 60));
  while (s.endsWith('-')) s = s.slice(0, -1);
  return s || 'our-school';
}

/**
 * The policy (as written to a file, before defaults) from a proposal and the school's decisions. Valid
 * against the schema for any decisions the review UI can make (the tests run `parsePolicy` on it).
 */
export function buildPolicy(p: Proposal, decisions: Decisions = {}): PolicyInput {
  const d = (key: string) => decisions[key];
  const file = p.file;
  const name = String(valueOf(p.name, d('name')) || '').trim() || 'Our school';

  const staffOff = d('staffHours')?.state === 'off';
  const staff = staffOff ? [] : valueOf(p.staffHours, d('staffHours'));
  const repliesOff = d('replyHours')?.state === 'off';
  const replies = repliesOff ? [] : valueOf(p.replyHours, d('replyHours'));
  const termTime = d('termTime')?.state === 'off' ? false : Boolean(valueOf(p.termTime, d('termTime')));
  const responseTime = d('responseTime')?.state === 'off' ? '' : String(valueOf(p.responseTime, d('responseTime')) ?? '');
  // Term time's quotes join the hours' (each sentence once: "…during term time only" often says both).
  let hoursSource = sourceOf(file, { ...p.staffHours, quotes: [...p.staffHours.quotes, ...(d('termTime')?.state ? [] : p.termTime.quotes.filter((q) => !p.staffHours.quotes.some((h) => h.at === q.at)))] }, d('staffHours') ?? (d('termTime')?.state === 'edit' ? d('termTime') : undefined));
  // Hours the document does not give, but term time only it does ("available during term time only"):
  // the hours stay a recommended default, and termTimeOnly cites the document's sentence.
  if (hoursSource.origin === 'recommended' && !d('termTime')?.state && p.termTime.origin === 'document' && p.termTime.quotes.length) {
    // The default hours' note with the term time's: one note of its own (any other note is the reader's, as written).
    hoursSource = { origin: 'recommended', clauses: clauses(file, p.termTime), note: `${hoursSource.note} Term time only is the document's (quoted).`, ...(hoursSource.noteId === 'staffHours' ? { noteId: 'staffHoursTermQuoted' } : {}) };
  }

  // Contacts: an edited contact is the school's; every route to it then cites the school, not the document.
  const contacts: Record<string, PolicyInput['routing']['contacts'][string]> = {};
  const editedContacts = new Set<string>();
  for (const [key, item] of Object.entries(p.contacts)) {
    const dec = d(`contacts.${key}`);
    if (dec?.state === 'off') continue;
    if (dec?.state === 'edit') editedContacts.add(key);
    const { source: _, ...value } = structuredClone(valueOf(item, dec));
    // A name of Policy Guard's own ("the school office", where a Welsh document names none the reader knows) is
    // worded in each language; one the school typed in the review is theirs, as written.
    const named = dec?.state === 'edit' && value.name !== item.value.name ? (({ generic: _g, ...rest }) => rest)(value) : markGeneric(value);
    contacts[key] = { ...named, source: contactSource(file, item, dec) };
  }

  const routes = {} as PolicyInput['routing']['routes'];
  for (const c of QUERY_CATEGORIES) {
    const item = p.routes[c];
    const dec = d(`routes.${c}`);
    let value: RouteValue = dec?.state === 'off' ? { destination: c === 'safeguarding' ? 'dsl' : 'teacher' } : structuredClone(valueOf(item, dec));
    if (c === 'safeguarding') value = { destination: 'dsl', contact: 'dsl' };
    if (value.contact && !Object.hasOwn(contacts, value.contact)) {
      // Its contact was switched off: the class teacher answers instead.
      value = c === 'safeguarding' ? value : { destination: 'teacher' };
    }
    if (value.destination === 'teacher' || value.destination === 'meeting') delete value.contact;
    const viaEdited = !!value.contact && editedContacts.has(value.contact) && dec?.state !== 'off';
    const source = viaEdited ? ({ origin: 'school', ...SCHOOL_NOTE } as Source) : sourceOf(file, item, dec);
    routes[c as QueryCategory] = { ...value, source: c === 'safeguarding' && source.origin === 'silent' ? { origin: 'recommended', ...(item.note ? { note: item.note, ...noteIdOf(item) } : own('safeguardingDsl')) } : source };
  }
  if (!Object.hasOwn(contacts, 'dsl')) contacts.dsl = { ...markGeneric(structuredClone(p.contacts.dsl?.value ?? { name: 'the Designated Safeguarding Lead', how: 'in person, straight away' })), source: { origin: 'recommended', ...own('dslAlways') } };

  const rules = {} as PolicyInput['rules'];
  for (const id of RULE_IDS) {
    const item = p.rules[id] as Item<Record<string, unknown>>;
    const dec = d(`rules.${id}`);
    const value = { ...valueOf(item, dec) } as Record<string, unknown>;
    if (dec?.state === 'off') value.action = 'off';
    let source = sourceOf(file, item, dec);
    // The rule quotes the hours clause: hours the school changed are the school's here too.
    if (id === 'out-of-hours' && d('staffHours')?.state === 'edit' && source.origin === 'policy') source = { origin: 'school', ...SCHOOL_NOTE };
    if (id === 'out-of-hours' && staff.length === 0) {
      value.action = 'off';
      source = { origin: 'silent', ...own('outOfHoursNoHours') };
    }
    if (value.action !== 'off' && source.origin === 'silent') source = { origin: 'school', ...SCHOOL_NOTE };
    (rules as Record<RuleId, unknown>)[id] = { ...value, source };
  }

  const conduct = valueOf(p.conduct, d('conduct'));
  const monitoring = d('monitoring')?.state === 'off' ? false : Boolean(valueOf(p.monitoring, d('monitoring')));
  const audiences = valueOf(p.audiences, d('audiences'));
  const used = new Set(Object.values(routes).map((r) => r.destination));
  // A Welsh-medium or bilingual school's replies in Welsh as well: a parent writing in Welsh is answered in Welsh.
  const welsh = p.languages.includes('cym');
  // The Welsh reply says how to reach the contact as the English one does ("{how}"), in Welsh: the ways
  // the destination's contacts are reached, read from their `how`.
  const welshFor = (dest: string, cym: string) => {
    // A route there with no contact is answered with no way (the English "{how}" is empty): nothing in common.
    const hows = Object.values(routes).flatMap((r) => (r.destination === dest ? [(r.contact && contacts[r.contact]?.how) || ''] : []));
    return cym.replace('{ffordd}', welshWays(hows));
  };
  const templates = Object.fromEntries(
    Object.entries(TEMPLATES)
      .filter(([dest]) => used.has(dest as never))
      .map(([dest, t]) => {
        const cym = welsh ? WELSH_TEMPLATES[dest as keyof typeof TEMPLATES] : undefined;
        return [dest, cym ? { ...t, cym: welshFor(dest, cym) } : t];
      }),
  );

  return {
    schemaVersion: SCHEMA_VERSION,
    id: slug(name),
    name,
    document: { title: p.title || `${name} ClassDojo policy`, file },
    timeZone: 'Europe/London',
    languages: p.languages.length ? [...p.languages] : ['eng'],
    audiences: { ...audiences, source: sourceOf(file, p.audiences, d('audiences')) },
    hours: {
      staff,
      parentReplies: replies,
      ...(responseTime ? { responseTime } : {}),
      termTimeOnly: termTime,
      terms: [],
      closures: [],
      bankHolidays: 'england-and-wales',
      source: staffOff ? { origin: 'silent', ...OFF_NOTE } : hoursSource,
      parentRepliesSource: repliesOff ? { origin: 'silent', ...OFF_NOTE } : sourceOf(file, p.replyHours, d('replyHours')),
      ...(p.staffHours.origin === 'document' ? {} : own('closures')),
    },
    rules,
    routing: { contacts, routes, templates },
    conduct: { ...conduct, source: sourceOf(file, p.conduct, d('conduct')) },
    monitoring: { leadersReview: monitoring, source: monitoring ? sourceOf(file, p.monitoring, d('monitoring')) : { origin: 'silent', ...(p.monitoring.note !== undefined ? { note: p.monitoring.note, ...noteIdOf(p.monitoring) } : own('leadersNoReview')) } },
    ...summaryNote(p),
  };
}

/**
 * How many of a proposal's settings were read from the document, not counting the school's name (a
 * newsletter names the school too). 0: nothing in the document reads as a ClassDojo policy.
 */
export function settingsRead(p: Proposal): number {
  return proposalItems(p).filter((i) => i.key !== 'name' && i.item.origin === 'document').length;
}

/** One line saying what was read from the document and what is a recommended default. */
export function summary(p: Proposal): string {
  return summaryNote(p).note;
}

/** The summary as the policy's note: its English and its id and data. */
function summaryNote(p: Proposal): Required<Pick<ReaderNote, 'note' | 'noteId' | 'noteData'>> {
  const items = proposalItems(p);
  const fromDoc = items.filter((i) => i.item.origin === 'document').length;
  const file = p.file;
  if (p.offTopic) {
    return fromDoc
      ? { note: `Proposed by Policy Guard from ${file}: NOTHING was read from the document: it does not look like a ClassDojo or communication policy (it does not speak of ClassDojo, messages or communication), so nothing was taken from it but the school’s name; every setting is a recommended default. Check that this is the school’s ClassDojo policy.`, noteId: 'summaryOffTopicName', noteData: { file } }
      : { note: `Proposed by Policy Guard from ${file}: NOTHING was read from the document: it does not look like a ClassDojo or communication policy (it does not speak of ClassDojo, messages or communication), so nothing was taken from it; every setting is a recommended default. Check that this is the school’s ClassDojo policy.`, noteId: 'summaryOffTopic', noteData: { file } };
  }
  if (settingsRead(p) === 0) {
    return fromDoc
      ? { note: `Proposed by Policy Guard from ${file}: NOTHING was read from the document (no hours, contacts, routes or rules, only the school’s name); every setting is a recommended default. Check that this is the school’s ClassDojo policy.`, noteId: 'summaryNothingName', noteData: { file } }
      : { note: `Proposed by Policy Guard from ${file}: NOTHING was read from the document (no hours, contacts, routes or rules); every setting is a recommended default. Check that this is the school’s ClassDojo policy.`, noteId: 'summaryNothing', noteData: { file } };
  }
  const data = { file, read: String(fromDoc), all: String(items.length) };
  return { note: `Proposed by Policy Guard from ${file}: ${fromDoc} of ${items.length} items read from the document (each quoting it); the rest are recommended defaults or off. Review before use.`, noteId: 'summaryRead', noteData: data };
}

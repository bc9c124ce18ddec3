/**
 * Issue #15: the policy reader's own notes are message ids + data, worded by the catalog in the interface's
 * language (lib/i18n/reader-note.ts), while the policy file keeps the English `note` it always had. The English
 * the reader wrote before the ids existed is stored in reader-notes.json (record.ts), over every document the
 * reader is tested on; the reader must still write exactly that, and the English catalog must say exactly that
 * from each note's id and data, so a Welsh interface shows the same note in Welsh and an English one unchanged.
 */
import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../../../../cli/catalog';
import { readerNoteText } from '../../../../../lib/i18n/reader-note';
import { readFileSync } from 'node:fs';
import { blankProposal, buildPolicy, proposalItems, proposeFromText } from '../../../../../lib/policy/from-text';
import { parsePolicy } from '../../../../../lib/policy/parse';
import { mergeLayers } from '../../../../../lib/policy/resolve';
import { clauseText } from '../../../../../lib/rules/rule';
import { READER_NOTE_FIELDS, READER_NOTE_IDS, type ReaderNote } from '../../../../../lib/policy/reader-note';
import stored from './reader-notes.json';
import { allNotes, documents, notesOf } from './notes';
import type { Proposal } from '../../../../../lib/policy/from-text';

/**
 * Proposals that reach the notes no tested document reaches: the reader's fallbacks where an item has no note of
 * its own, and summaries of documents none of the fixtures is (each built as extract.ts would leave it).
 */
function unreached(): Proposal[] {
  const noNotes = blankProposal('policy.txt');
  for (const item of [noNotes.conduct, noNotes.monitoring, noNotes.routes.safeguarding]) delete item.note, delete item.noteId;
  noNotes.contacts.dsl = { ...noNotes.contacts.dsl!, origin: 'document', quotes: [{ quote: 'Our DSL is Mrs Patel.', section: 'Safeguarding', at: 0 }], defaults: ['how'] };
  delete noNotes.contacts.dsl.note, delete noNotes.contacts.dsl.noteId;
  const termOnly = blankProposal('policy.txt');
  termOnly.termTime = { value: true, origin: 'document', quotes: [{ quote: 'Staff use ClassDojo in term time only.', section: 'Hours', at: 0 }] };
  const offTopic = { ...blankProposal('uniform.txt'), offTopic: true };
  const nameOnly = blankProposal('newsletter.txt');
  nameOnly.name = { value: 'Hilltop Primary', origin: 'document', quotes: [{ quote: 'Hilltop Primary', section: 'Document', at: 0 }] };
  // A document that bars photos of children in care and says nothing else of photos (no tested document does).
  const careOnly = proposeFromText('ClassDojo policy. Staff will not post photographs of children who are looked after on ClassDojo.', { file: 'care.txt' });
  // Hours given only as when replies come, with no days; photos of children in care allowed with consent.
  const repliesOnly = proposeFromText('ClassDojo policy. Replies will be sent between 8am and 4pm.', { file: 'replies.txt' });
  const careAllowed = proposeFromText('ClassDojo policy. Photographs will only be shared with parental consent. Looked after children can be included in photos where the local authority gives consent.', { file: 'care-allowed.txt' });
  // Hours read from quiet hours, or from limits on one side or both (the tested documents give hours outright).
  const hours = [
    'ClassDojo policy. Quiet hours are on between 6pm and 7am.',
    'ClassDojo policy. Notifications are paused between 6pm and 7am at weekends too.',
    'ClassDojo policy. Teachers will not check ClassDojo before 8am.',
    'ClassDojo policy. Teachers will not check ClassDojo after 5pm.',
  ].map((text, i) => proposeFromText(text, { file: `hours-${i}.txt` }));
  return [noNotes, termOnly, offTopic, nameOnly, careOnly, repliesOnly, careAllowed, ...hours];
}

/**
 * The checks the review shows (an item's `check`, proposal only: the policy file keeps none), as notes: those of
 * Policy Guard's own words carry an id (`checkId`) and are worded as notes are.
 */
function checksOf(p: Proposal): ReaderNote[] {
  return proposalItems(p).flatMap(({ item }) => (item.check ? [{ note: item.check, ...(item.checkId ? { noteId: item.checkId } : {}), ...(item.checkData ? { noteData: item.checkData } : {}) }] : []));
}
const checks = [...documents().map((doc) => proposeFromText(readFileSync(doc, 'utf8'), { file: doc.split('/').pop()! })), ...unreached()].flatMap(checksOf);
const checksWithId = checks.filter((n) => n.noteId);

const EN = messagesOf('en');
const CY = messagesOf('cy');
const notes = allNotes();
const withId = Object.values(notes)
  .flat()
  .filter((n) => n.noteId);
const invented = unreached().flatMap(notesOf).filter((n) => n.noteId);

/** English a person would see in a Welsh note: English's small words, which Welsh does not have. */
const ENGLISH_WORDS = /\b(?:the|and|are|not|of|to|their|them|with|when|where|by|only|every)\b/i;
/** Proper names a Welsh note gives as they are: the English title of statutory guidance. */
const NAMES = /Keeping Children Safe in Education|Policy Guard|ClassDojo/g;

describe('the policy reader’s own notes as catalog ids', () => {
  it('writes exactly the English it wrote before, in every document, at every place', () => {
    const now = Object.fromEntries(Object.entries(notes).map(([doc, list]) => [doc, Object.fromEntries(list.map((n) => [n.at, n.note]))]));
    const before = Object.fromEntries(Object.entries(stored.docs).map(([doc, at]) => [doc, Object.fromEntries(Object.entries(at).map(([k, i]) => [k, stored.texts[i]]))]));
    expect(now).toEqual(before);
  });

  it('the English catalog words every note with an id exactly as the note says (7,000 notes, 70 documents)', () => {
    expect(withId.length).toBeGreaterThan(3000);
    const wrong = withId.filter((n) => readerNoteText({ noteId: n.noteId as ReaderNote['noteId'], noteData: n.noteData }, EN) !== n.note);
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('gives an id to every note of Policy Guard’s own, and each id is used', () => {
    // Every stored English text that is the catalog's English for some id is written with that id, wherever it is.
    const englishOf = new Set(withId.map((n) => n.note));
    const withoutId = Object.values(notes)
      .flat()
      .filter((n) => !n.noteId && englishOf.has(n.note));
    expect(withoutId.slice(0, 5)).toEqual([]);
    // The reader's fallbacks where an item has no note (its defaults all have one; a contact with defaults gets
    // extract.ts's own defaultsNote), a document with term time only and no hours, and two summaries: no tested
    // document reaches them, the invented proposals do (unreached()).
    const used = new Set(withId.map((n) => n.noteId));
    // Ids a check uses (the review's, never the file's); the per-school DSL note is only ever joined to another.
    for (const n of checksWithId) used.add(n.noteId!);
    const fallbacks = ['recommended', 'notInDocument', 'staffHoursTermQuoted', 'safeguardingDsl', 'leadersNoReview', 'summaryOffTopic', 'summaryNothingName', 'photoCareOnly', 'staffFromReplies', 'photoReadCareAllowed', 'quietHours', 'limitsStart'];
    // `schoolChanged` is not the reader's: lib/policy/attribute.ts writes it (tests/unit/policy/attribute.test.ts).
    expect(READER_NOTE_IDS.filter((id) => !used.has(id) && id !== 'schoolChanged').sort()).toEqual([...fallbacks].sort());
    expect(fallbacks.filter((id) => !invented.some((n) => n.noteId === id))).toEqual([]);
    expect(invented.filter((n) => readerNoteText({ noteId: n.noteId as ReaderNote['noteId'], noteData: n.noteData }, EN) !== n.note)).toEqual([]);
    expect(readerNoteText({ noteId: 'notInDocument', noteData: { fields: 'name, how' } }, EN)).toBe('Not in the document: name, how (recommended default).');
    expect(readerNoteText({ noteId: 'notInDocument', noteData: { fields: 'name, how' } }, CY)).toBe('Nid yw yn y ddogfen: yr enw, sut i gysylltu â nhw (diofyn a argymhellir).');
  });

  it('words every id in Welsh with no English left in it', () => {
    const seen = new Map<string, ReaderNote>();
    for (const n of [...withId, ...invented, ...checksWithId]) seen.set(`${n.noteId}${JSON.stringify(n.noteData ?? {})}`, { noteId: n.noteId as ReaderNote['noteId'], ...(n.noteData ? { noteData: n.noteData } : {}) });
    for (const [key, n] of seen) {
      const welsh = readerNoteText(n, CY);
      const english = readerNoteText(n, EN);
      expect(welsh, key).toBeTruthy();
      expect(welsh, key).not.toBe(english);
      // The file name a summary names is the school's, as written,
      // and a contact's name or way to reach them (quoted) is the contact's, as the review shows it; so are the
      // document's own words a note quotes (“…”).
      const rest = welsh.replace(NAMES, '').replace(n.noteData?.file ?? '\u0000', '').replace(/\("[^"]*"\)|\(“[^”]*”\)/g, '');
      expect(rest, key).not.toMatch(ENGLISH_WORDS);
    }
    expect(new Set([...seen.values()].map((n) => n.noteId)).size).toBe(READER_NOTE_IDS.length - 1);
  });

  it('words every check of Policy Guard’s own from its id exactly as the check says; the document’s checks keep no id', () => {
    expect(checksWithId.length).toBeGreaterThan(50);
    const wrong = checksWithId.filter((n) => readerNoteText({ noteId: n.noteId, noteData: n.noteData }, EN) !== n.note);
    expect(wrong.slice(0, 5)).toEqual([]);
    // A check with no id quotes the document ("The document asks parents not to message …", a shared route's).
    const englishOf = new Set(checksWithId.map((n) => n.note));
    expect(checks.filter((n) => !n.noteId && englishOf.has(n.note)).slice(0, 5)).toEqual([]);
  });

  it('words the values a note quotes that are Policy Guard’s own (a default name, a default way to reach them)', () => {
    expect(readerNoteText({ noteId: 'contactDefaultName', noteData: { name: 'the Designated Safeguarding Lead' } }, CY)).toContain('("y Person Diogelu Dynodedig")');
    // A school's own capitals are its own words: as written.
    expect(readerNoteText({ noteId: 'contactDefaultName', noteData: { name: 'The School Office' } }, CY)).toContain('("The School Office")');
    expect(readerNoteText({ noteId: 'contactDefaultHow', noteData: { how: 'through the school office' } }, CY)).toContain('("drwy swyddfa\'r ysgol")');
    // The reader's own composed way, part by part (ways.test.ts); one with the document's own words, as written.
    expect(readerNoteText({ noteId: 'contactDefaultHow', noteData: { how: 'by phone before 9am' } }, CY)).toContain('("dros y ffôn cyn 9yb")');
    expect(readerNoteText({ noteId: 'contactDefaultHow', noteData: { how: 'via ParentPay' } }, CY)).toContain('("via ParentPay")');
    expect(readerNoteText({ noteId: 'routeShared', noteData: { count: '2', listed: 'Mrs Ward, Mr Osei and Ms Lee', who: 'Mrs Ward', order: 'written' } }, CY)).toContain('(“Mrs Ward, Mr Osei a Ms Lee”)');
  });

  it('each catalog entry takes its data in the order READER_NOTE_FIELDS names it', () => {
    for (const id of READER_NOTE_IDS) {
      const fields = READER_NOTE_FIELDS[id] ?? [];
      const data = Object.fromEntries(fields.map((f, i) => [f, `<${i}>`]));
      for (const t of [EN, CY]) {
        const text = readerNoteText({ noteId: id, noteData: data }, t);
        fields.forEach((_f, i) => expect(text, id).toContain(`<${i}>`));
      }
    }
  });

  it('a note with no id, or an id the catalog lacks, is the school’s or IT’s own words, as written', () => {
    expect(readerNoteText({ note: 'Agreed by governors in May.' }, CY)).toBe('Agreed by governors in May.');
    expect(readerNoteText({ note: 'As written.', noteId: 'school' }, () => '')).toBe('As written.');
    // A later version's id this one does not know: its English, as the file gives it.
    expect(readerNoteText({ note: 'A later note.', noteId: 'later' as ReaderNote['noteId'] }, CY)).toBe('A later note.');
  });

  it('the policy file keeps its English note beside the id; a file with no ids (saved before) reads the same', () => {
    const policy = buildPolicy(blankProposal('policy.txt', 'Hilltop Primary'));
    const source = policy.rules['full-name'].source;
    expect(source).toMatchObject({ origin: 'recommended', noteId: 'fullName' });
    expect(source.note).toMatch(/^Not in the document\. Recommended: first names only/);
    const parsed = parsePolicy(policy);
    expect(parsed.ok).toBe(true);
    const old = JSON.parse(JSON.stringify(policy), (k, v) => (k === 'noteId' || k === 'noteData' ? undefined : v));
    expect(JSON.stringify(old)).not.toContain('noteId');
    const oldParsed = parsePolicy(old);
    expect(oldParsed.ok).toBe(true);
    if (oldParsed.ok && parsed.ok) expect(oldParsed.policy.rules['full-name'].source.note).toBe(parsed.policy.rules['full-name'].source.note);
    // An id that is not one of Policy Guard's is a problem in the file, not a note worded as something else.
    const bad = structuredClone(policy) as unknown as { rules: Record<string, { source: Record<string, unknown> }> };
    bad.rules['full-name']!.source.noteId = 'madeUp';
    const r = parsePolicy(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toContain('rules.full-name.source.noteId');
  });

  it('a finding quoting a reader’s default or a school decision words its note in the interface’s language', () => {
    const policy = buildPolicy(blankProposal('policy.txt', 'Hilltop Primary'), { 'rules.out-of-hours': { state: 'edit', value: { action: 'block', channels: ['class-story'] } } });
    const fullName = policy.rules['full-name'].source;
    expect(clauseText(fullName, CY).text).toBe(
      "Argymhelliad Policy Guard (nid ym mholisi ysgrifenedig yr ysgol): Nid yw yn y ddogfen. Argymhellir: enwau cyntaf yn unig lle mae mwy nag un teulu'n gweld neges (llythyren gyntaf y cyfenw lle mae gan ddau ddisgybl yr un enw cyntaf).",
    );
    expect(clauseText(policy.rules['out-of-hours'].source, CY).text).toBe("Gosodiad yr ysgol: Wedi'i osod gan yr ysgol wrth adolygu'r cynnig.");
    // In English, as the file says; a note of the school's own (no id) as written in either language.
    expect(clauseText(fullName, EN).text).toBe(`Recommended by Policy Guard (not in the school's written policy): ${fullName.note}`);
    expect(clauseText({ origin: 'recommended', note: 'Agreed by governors in May.' }, CY).text).toBe('Argymhelliad Policy Guard (nid ym mholisi ysgrifenedig yr ysgol): Agreed by governors in May.');
  });

  it('a layer over a built policy (IT’s, the school’s edits) that writes its own note leaves the reader’s id behind', () => {
    const policy = buildPolicy(blankProposal('policy.txt', 'Hilltop Primary'));
    const merged = mergeLayers(policy, { rules: { 'full-name': { source: { origin: 'recommended', note: 'Agreed by governors in May.' } } } }) as typeof policy;
    expect(merged.rules['full-name'].source).toEqual({ origin: 'recommended', note: 'Agreed by governors in May.' });
    expect(clauseText(merged.rules['full-name'].source, CY).text).toContain('Agreed by governors in May.');
    // A layer that changes something else keeps the note and its id.
    const other = mergeLayers(policy, { rules: { 'full-name': { action: 'block' } } }) as typeof policy;
    expect(other.rules['full-name'].source).toMatchObject({ noteId: 'fullName' });
  });
});

/**
 * Every note the policy reader writes, over the documents it is tested on: the proposal's items' notes (what the
 * setup review shows) and the built policy's notes (what the policy file keeps), each with its noteId and
 * noteData where the reader gives one. `record.ts` stores them (reader-notes.json); the test reads them again.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { blankProposal, buildPolicy, proposalItems, proposeFromText, type Decisions, type Proposal } from '../../../../../lib/policy/from-text';

const ROOT = new URL('../../../../../', import.meta.url).pathname;

/**
 * The documents: every text of tests/fixtures/policies and docs/policies (which holds the five schools' own, as
 * ../shared/policies has them: that folder is not in a clean clone).
 */
export function documents(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? walk(p) : /\.txt$/.test(n) ? [p] : [];
      });
  return [...walk(join(ROOT, 'tests/fixtures/policies')), ...walk(join(ROOT, 'docs/policies'))].map((p) => relative(ROOT, p));
}

export interface NoteAt {
  /** `item:<key>` for a proposal item, else the policy file's dotted path of the note. */
  at: string;
  note: string;
  noteId?: string;
  noteData?: Record<string, string>;
}

function policyNotes(value: unknown, path: string, out: NoteAt[]): void {
  if (!value || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  if (typeof o.note === 'string') out.push({ at: path || '(policy)', note: o.note, ...(o.noteId ? { noteId: String(o.noteId) } : {}), ...(o.noteData ? { noteData: o.noteData as Record<string, string> } : {}) });
  for (const [k, v] of Object.entries(o)) if (k !== 'noteData') policyNotes(v, path ? `${path}.${k}` : k, out);
}

/** Decisions that switch everything off, or edit every item as it stands: the school's and the off notes. */
function everything(p: Proposal, state: 'off' | 'edit'): Decisions {
  return Object.fromEntries(proposalItems(p).map(({ key, item }) => [key, state === 'off' ? { state } : { state, value: structuredClone(item.value) }]));
}

/** Every note for one proposal: its items', then the policy's as accepted, all edited and all switched off. */
export function notesOf(p: Proposal): NoteAt[] {
  const out: NoteAt[] = [];
  for (const { key, item } of proposalItems(p)) {
    const i = item as { note?: string; noteId?: string; noteData?: Record<string, string> };
    if (i.note) out.push({ at: `item:${key}`, note: i.note, ...(i.noteId ? { noteId: i.noteId } : {}), ...(i.noteData ? { noteData: i.noteData } : {}) });
  }
  for (const [name, d] of [['accepted', {}], ['edited', everything(p, 'edit')], ['off', everything(p, 'off')]] as const) {
    const got: NoteAt[] = [];
    policyNotes(buildPolicy(p, d), '', got);
    out.push(...got.map((n) => ({ ...n, at: `${name}:${n.at}` })));
  }
  return out;
}

/** document → its notes; `(blank)` and `(blank, named)` for the template with no document. */
export function allNotes(): Record<string, NoteAt[]> {
  const out: Record<string, NoteAt[]> = { '(blank)': notesOf(blankProposal('policy.txt')), '(blank, named)': notesOf(blankProposal('policy.txt', 'Hilltop Primary')) };
  for (const doc of documents()) {
    const file = doc.split('/').pop()!;
    out[doc] = notesOf(proposeFromText(readFileSync(join(ROOT, doc), 'utf8'), { file }));
  }
  return out;
}

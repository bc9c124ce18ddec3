/**
 * Which column of a roster file is read as what, from its heading row (and the row above it when the
 * headings are spread over two rows), including files that give the same name twice:
 *
 * - Integris-style grouped headings: "Legal" and "Preferred" in the row above two "Surname, Forename"
 *   pairs. The labels are taken in order for the repeated headings (the first "Surname" is the legal one,
 *   the second the preferred one), wherever the spreadsheet placed them over their group.
 * - Two columns headed the same ("Forename" twice) with different names in them: the first is read as the
 *   legal name and the second as the name the pupil goes by, the order SIMS, Arbor, Bromcom and Integris
 *   print them in. Both are kept (`Pupil.first` and `legalFirst`), so a teacher writing either is found.
 * - Two such columns holding the same names: the first is read.
 * - Two columns for a preferred (or legal) name ("Preferred Name" and "Known As"): in each row the first
 *   that is filled in is read.
 *
 * Every such choice is returned as a note, so the options page and the CLI can say which column was used.
 * Pure: no DOM.
 */
import { COMBINED_FIELDS, fieldOf, squash, type Field } from './headers';

/** A column the reader uses: its letter as the spreadsheet shows it, its heading, and what it is read as. */
export interface ColumnUse {
  column: string;
  heading: string;
  field: Field;
}

export interface ColumnNote {
  code: 'two-row-heading' | 'same-names-twice' | 'names-used' | 'first-filled' | 'column-not-read';
  data: string[];
}

/** "A", "B", … "Z", "AA": the column as the spreadsheet names it. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// Words in the row above the headings that qualify the names under them.
const QUALIFIER: Record<string, 'legal' | 'preferred'> = {
  legal: 'legal', legalname: 'legal', legalnames: 'legal', official: 'legal', officialname: 'legal',
  preferred: 'preferred', preferredname: 'preferred', preferrednames: 'preferred', knownas: 'preferred', knownasname: 'preferred', chosen: 'preferred', chosenname: 'preferred',
};
const QUALIFIED: Record<'first' | 'last', Record<'legal' | 'preferred', Field>> = {
  first: { legal: 'legalFirst', preferred: 'preferredFirst' },
  last: { legal: 'legalLast', preferred: 'preferredLast' },
};

export interface Columns {
  /** Column indexes for each field, in file order; in a row the first filled one is read (combined fields: all). */
  byField: Map<Field, number[]>;
  uses: ColumnUse[];
  notes: ColumnNote[];
  /** Whether the row above the headings was read as part of them. */
  groupRow: boolean;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * What each column is read as. `head` is the heading row, `above` the non-blank row right above it (if
 * any), `body` the data rows (to tell two same-headed columns apart by what they hold).
 */
export function resolveColumns(head: readonly string[], above: readonly string[] | undefined, body: readonly (readonly string[])[]): Columns {
  const fields: (Field | undefined)[] = head.map((cell) => fieldOf(cell));
  // A heading as the preview shows it: with its group's label when the headings are over two rows.
  const shownHeading: string[] = head.map((cell) => cell.replace(/\s+/g, ' ').trim());
  const notes: ColumnNote[] = [];
  const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();
  const label = (i: number) => `“${shownHeading[i] ?? ''}” (${columnLetter(i)})`;
  const dupsOf = (f: Field) => fields.flatMap((g, i) => (g === f ? [i] : []));

  // Headings over two rows: "Legal" / "Preferred" above repeated "Surname" and "Forename".
  let groupRow = false;
  const labels = (above ?? []).map((c, i) => ({ i, q: QUALIFIER[squash(c)] })).filter((l): l is { i: number; q: 'legal' | 'preferred' } => l.q !== undefined);
  if (labels.length > 0) {
    for (const plain of ['first', 'last'] as const) {
      const cols = dupsOf(plain);
      if (cols.length < 2) continue;
      cols.forEach((col, k) => {
        // As many labels as repeated headings: in order. Otherwise the nearest label at or left of the column.
        const l = labels.length === cols.length ? labels[k] : [...labels].reverse().find((x) => x.i <= col);
        if (!l) return;
        fields[col] = QUALIFIED[plain][l.q];
        shownHeading[col] = `${tidy(above![l.i]!)} ${shownHeading[col]}`;
      });
      groupRow = true;
    }
    if (groupRow) {
      notes.push({ code: 'two-row-heading', data: [labels.map((l) => tidy(above![l.i]!)).join('\n')] });
    }
  }

  // The same name heading twice.
  const sameHeading = new Map<'first' | 'last', number>();
  for (const plain of ['first', 'last'] as const) {
    const cols = dupsOf(plain);
    if (cols.length < 2) continue;
    const [a, b, ...rest] = cols as [number, number, ...number[]];
    for (const extra of rest) {
      fields[extra] = undefined;
      notes.push({ code: 'column-not-read', data: [label(extra), 'many', String(cols.length), tidy(head[a]!)] });
    }
    if (body.every((row) => !(row[a] ?? '').trim() || !(row[b] ?? '').trim() || same(row[a]!, row[b]!))) {
      fields[b] = undefined;
      notes.push({ code: 'same-names-twice', data: [label(a), label(b), columnLetter(a)] });
      continue;
    }
    const legal = QUALIFIED[plain].legal;
    const preferred = QUALIFIED[plain].preferred;
    const hasLegal = fields.includes(legal);
    const hasPreferred = fields.includes(preferred);
    if (hasLegal && hasPreferred) {
      fields[b] = undefined;
      notes.push({ code: 'column-not-read', data: [label(b), plain, label(a)] });
      continue;
    }
    // Legal first, then the name the pupil goes by: the order the management systems print them in.
    if (!hasLegal) fields[a] = legal;
    if (!hasPreferred) fields[b] = preferred;
    sameHeading.set(plain, a);
  }

  // Which name is used where a file has more than one for a pupil: say so, with the columns.
  for (const plain of ['first', 'last'] as const) {
    const cols = (f: Field) => fields.flatMap((g, i) => (g === f ? [i] : []));
    const preferred = cols(QUALIFIED[plain].preferred);
    const given = cols(plain);
    const legal = cols(QUALIFIED[plain].legal);
    const roles = [preferred, given, legal].filter((c) => c.length > 0);
    if (roles.length < 2) continue;
    const list = (c: number[]) => c.map(label).join('\n');
    const used = preferred.length ? preferred : given;
    const kept = legal.length ? legal : given;
    // Read where the name the pupil goes by is empty (with legal and preferred columns beside it).
    const fallback = preferred.length && given.length && legal.length ? list(given) : '';
    const same = sameHeading.get(plain);
    // first/last, the columns used and kept (lists), the heading two columns share (why), the fallback (a list).
    notes.push({ code: 'names-used', data: [plain, list(used), list(kept), same === undefined ? '' : tidy(head[same]!), fallback] });
  }

  const byField = new Map<Field, number[]>();
  fields.forEach((f, i) => f && byField.set(f, [...(byField.get(f) ?? []), i]));
  // Two columns for one preferred or legal name, or two whole-name columns: the first filled one per row.
  for (const [f, cols] of byField) {
    if (cols.length < 2 || COMBINED_FIELDS.has(f)) continue;
    notes.push({ code: 'first-filled', data: [cols.map(label).join('\n'), f] });
  }
  const uses = fields.flatMap((f, i) => (f ? [{ column: columnLetter(i), heading: shownHeading[i]!, field: f }] : []));
  return { byField, uses, notes, groupRow };
}

/**
 * The English catalog (public/_locales/en) gives the roster reader's own English: each problem and note the
 * reader gives on the files of roster-cases.ts, formatted from its catalog entry with the substitutions the
 * options page builds (lib/i18n/roster.ts), is the reader's English `message`, word for word. Where the
 * reader's English says more than its `data` carries (a plural, a row's cells, which of two wordings), the
 * key is in PARTIAL with why: such a key must still be reached, give text in both languages from the same
 * substitutions, and differ from the reader somewhere (else it belongs in the exact list). The policy's field
 * labels (lib/policy/field-label.ts) are checked the same way.
 */
import { describe, expect, it } from 'vitest';
import { formatMessage, type Catalog } from '../../../lib/i18n/format';
import { noteArgs, problemArgs, type MessageLookup } from '../../../lib/i18n/roster';
import { fieldLabel, FIELD_WORDS } from '../../../lib/policy/field-label';
import { NOTE_CODES, PROBLEM_CODES, type RosterNote, type RosterProblem } from '../../../lib/roster/csv';
import cyJson from '../../../public/_locales/cy/messages.json';
import enJson from '../../../public/_locales/en/messages.json';
import { rosterCases } from './roster-cases';

const en = enJson as Catalog;
const cy = cyJson as Catalog;
const lookupIn = (catalog: Catalog): MessageLookup => (key, subs) => formatMessage(catalog, key, subs);

/** Keys whose English cannot be made from the substitutions the Welsh uses, and why. */
const PARTIAL: Record<string, string> = {
  csv_not_yes_no: 'the advice differs by column (consent, opt-out, in care), a Welsh register is told the Welsh answers, and a hint follows a limited yes or a moved row; a channel or opt-out column is labelled differently',
  csv_not_text: 'the reader names the format in words and says how to save it by its kind; the data is the format id, shown as an extension',
  csv_extra_cells: 'the reader quotes the row as it was split ("It reads: …"), which is not in the data',
  csv_missing_cells: 'the reader quotes the row as it was split ("It reads: …"), which is not in the data',
  csv_not_a_name: 'the data says what the cell is in English words (an email address, a yes/no answer); the Welsh has no placeholder for it',
  csv_lost_letter: 'two wordings, for “?” and for “�”',
  csv_not_letters: 'the reason (a formula, web page code, a direction mark, a wrong encoding) is not in the data',
  csv_several_classes: 'the reader names the first class in the CLI’s --group hint, which is not in the data',
  csv_group_not_found: 'the class column’s heading is not in the data, and a file with no class column has its own wording',
  csv_no_name_heading: 'the headings read, and whether there are unknown ones, change the sentence; the data is the heading row and the unknown headings',
  csv_unknown_headings: 'two wordings: a heading row of unknown headings, or no heading row with yes/no columns',
  csvNote_two_row_heading: 'the labels are joined with ", " in the data but quoted one by one in the English',
  csvNote_column_not_read: 'two wordings, with the count of columns or the column read, neither in the data',
  csvNote_same_names_twice: 'the reader names the column letter read, which is in the data only inside the label',
  csvNote_names_used: 'the data names the field (first/last), read through rosterFirst/rosterLast ("First name"), where the English says "First names"/"Surnames"; a reason and a fallback may follow',
  csvNote_first_filled: 'the field read is not in the data; the labels are joined with ", " where the English says "and"',
  csvNote_not_an_answer_photo_other_use: 'the other use named (website, social media) is not in the data',
  csvNote_same_name: 'two wordings: the same row twice, or two rows named the same',
  csvNote_channel_under_refusal: 'the general consent columns are named in the English, not in the data; singular and plural',
  csvNote_name_split: 'the name column is named in the English, not in the data; singular and plural; ", …" past three',
  csvNote_group_headings: 'singular and plural',
  csvNote_staff_row: 'singular and plural',
  csvNote_heading_repeated: 'singular and plural',
  csvNote_welsh_na: 'singular and plural',
  csvNote_opt_out_date: 'singular and plural; ", …" past five dates',
  csvNote_bracket_preferred: 'singular and plural; ", …" past three',
  csvNote_capitals: 'singular and plural',
  csvNote_yes_under_refusal: 'singular and plural',
  csvNote_group_kept: 'singular and plural, and rows with no class said',
};

/** Codes the reader no longer gives: their catalog entries are kept for the code list (PROBLEM_CODES). */
const NOT_GIVEN = ['csv_duplicate'];

type Item = { kind: 'problem'; item: RosterProblem } | { kind: 'note'; item: RosterNote };

describe('the English catalog gives the roster reader’s English', () => {
  const items: { file: string; entry: Item }[] = rosterCases().flatMap(({ name, result }) => [
    ...result.problems.map((item) => ({ file: name, entry: { kind: 'problem', item } as Item })),
    ...result.notes.map((item) => ({ file: name, entry: { kind: 'note', item } as Item })),
  ]);
  const args = (e: Item, catalog: Catalog) => (e.kind === 'problem' ? problemArgs(e.item, lookupIn(catalog)) : noteArgs(e.item, lookupIn(catalog)));
  const byKey = new Map<string, { file: string; message: string; english: string; welsh: string }[]>();
  for (const { file, entry } of items) {
    const [key, subs] = args(entry, en);
    const [cyKey, cySubs] = args(entry, cy);
    const list = byKey.get(key) ?? [];
    list.push({ file, message: entry.item.message, english: formatMessage(en, key, subs), welsh: formatMessage(cy, cyKey, cySubs) });
    byKey.set(key, list);
  }
  const keyOf = (code: string) => code.replace(/-/g, '_');
  const CONCERNS = ['photo-meta', 'plac', 'consent-other', 'consent-unclear', 'photo-other-use'];
  const allKeys = [...PROBLEM_CODES.map((c) => `csv_${keyOf(c)}`), ...NOTE_CODES.flatMap((c) => (c === 'not-an-answer' ? CONCERNS.map((k) => `csvNote_not_an_answer_${keyOf(k)}`) : [`csvNote_${keyOf(c)}`]))];

  it('reaches every problem and note code on these files (all but the ones no longer given)', () => {
    expect(allKeys.filter((k) => !byKey.has(k) && !NOT_GIVEN.includes(k))).toEqual([]);
    for (const k of NOT_GIVEN) expect(byKey.has(k), k).toBe(false);
    expect(items.length).toBeGreaterThan(100);
  });

  it('has an English entry for every problem and note code, with the Welsh placeholders', () => {
    for (const k of allKeys) {
      expect(en[k], k).toBeDefined();
      expect(en[k]!.placeholders, k).toEqual(cy[k]!.placeholders);
    }
  });

  it('gives the reader’s English word for word, for every key not in PARTIAL', () => {
    const wrong: string[] = [];
    for (const [key, list] of byKey) {
      if (key in PARTIAL) continue;
      for (const c of list) if (c.english !== c.message) wrong.push(`${key} [${c.file}]\n  reader:  ${c.message}\n  catalog: ${c.english}`);
    }
    expect(wrong).toEqual([]);
  });

  it('for each PARTIAL key: reached, text in both languages with nothing left unfilled, and differing from the reader somewhere', () => {
    for (const [key, why] of Object.entries(PARTIAL)) {
      const list = byKey.get(key) ?? [];
      expect(list.length, `${key} is not reached`).toBeGreaterThan(0);
      for (const c of list) {
        expect(c.english, key).not.toBe('');
        expect(c.welsh, key).not.toBe('');
        expect(`${c.english} ${c.welsh}`, key).not.toMatch(/\$[A-Za-z0-9_@]+\$/);
      }
      expect(list.some((c) => c.english !== c.message), `${key} matches the reader on every file: take it out of PARTIAL (${why})`).toBe(true);
    }
  });

  it('formats a value with a “$” in it as written (a substitution is not read for placeholders)', () => {
    const p: RosterProblem = { row: 2, code: 'digits', data: ['$1 $$ Amelia$NAME$'], message: '' };
    expect(formatMessage(en, ...problemArgs(p, lookupIn(en)))).toBe('“$1 $$ Amelia$NAME$” has digits in it, so it is not a name: is a date, class or number in the name column, or is this a line above or below the list?');
  });
});

describe('the English catalog gives the policy’s field labels', () => {
  const translate = (key: string, sub?: string) => formatMessage(en, key, sub === undefined ? [] : [sub]) || undefined;
  it.each([...FIELD_WORDS, '(root)', '(file)', 'hours.staff[0].end', 'routing.contacts[12].email', 'rules.photo-consent.channels[1]', 'unknownPart[3]'])('“%s” reads the same through the catalog', (path) => {
    expect(fieldLabel(path, translate)).toBe(fieldLabel(path));
  });
  it('has a field_ key for every word, and no other', () => {
    const keys = [...FIELD_WORDS.map((w) => `field_${w.replace(/[^A-Za-z0-9]/g, '_')}`), 'field_file', 'field_number'].sort();
    expect(Object.keys(en).filter((k) => k.startsWith('field_')).sort()).toEqual(keys);
  });
});

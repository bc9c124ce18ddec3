/**
 * A roster reader's problem or note (lib/roster/csv.ts) in the catalog's language, from its `code` and `data`
 * only (the reader builds no sentences): the catalog entry csv_<code> / csvNote_<code>, or the variant key its
 * data chooses (csv_lost_letter_question, csvNote_same_name_identical; a count's `_one`/`_other`… by
 * `plural`), filled from its data. One function for the options page (through the browser's i18n), the unit
 * tests and the `guard` CLI (`--lang`, through lib/i18n/format.ts). Pure.
 *
 * Data conventions (the reader's, see RosterProblem.data): counts in decimal; a list's items joined by "\n";
 * an item's parts by "\t". Lists are joined here: ", " between items and ", …" past those shown are the same
 * in both languages; "and", "(12 in all)", "(row 3)" come from the catalog.
 */
import type { RosterNote, RosterProblem } from '../roster/csv';
import { keyPart, plural, type Messages } from './finding';

const items = (v: string | undefined): string[] => (v ? v.split('\n') : []);
const quoted = (s: string) => `“${s}”`;
const num = (v: string | undefined) => Number(v ?? '0') || 0;

/** "A and B and C", with the catalog's "and". */
function andList(list: string[], t: Messages): string {
  return list.reduce((a, b) => t('csvList_and', [a, b]));
}

/** "“A”, “B”, … (14 in all)": `shown` of `total` quoted, with how many in all when some are not shown. */
function someOf(shown: string[], total: number, t: Messages): string {
  return shown.map(quoted).join(', ') + (total > shown.length ? t('csvList_in_all', [String(total)]) : '');
}

/** The field a yes/no column is read as, in the interface's words ("Photo consent", "Class Story photos"). */
function fieldWord(field: string, t: Messages): string {
  if (field === 'inCare') return t('rosterInCare');
  if (field === 'optOut') return t('csvFieldOptOut');
  if (field.startsWith('consent:')) return t(`rosterConsent_${keyPart(field.slice(8))}`);
  return t('csvFieldConsent');
}

/** A problem of the roster reader in the catalog's language ("" when the catalog has no message for it). */
export function problemText(p: RosterProblem, t: Messages): string {
  const d = p.data ?? [];
  switch (p.code) {
    case 'not-yes-no': {
      const field = d[0] ?? '';
      const kind = field === 'inCare' ? '_in_care' : field === 'optOut' ? '_opt_out' : '';
      const welsh = d[2] === 'welsh' ? ` ${t('csv_not_yes_no_welsh')}` : '';
      const hint = d[3] ? ` ${t(`csv_not_yes_no_${d[3]}`)}` : '';
      return t(`csv_not_yes_no${kind}`, [fieldWord(field, t), d[1] ?? '', welsh]) + hint;
    }
    case 'not-text': {
      // The workbook's own reason (damaged, too large, no sheet), else the kind of file; then how to save it as CSV.
      const what = t(`csv_not_text_${keyPart(d[1] || d[0] || 'binary')}`);
      return `${what} ${t(`csv_not_text_how_${d[2] === 'sheet' ? 'sheet' : 'export'}`)}`;
    }
    case 'extra-cells':
      return t(d[2] ? 'csv_extra_cells' : 'csv_extra_cells_blank', d);
    case 'missing-cells':
      return plural(t, 'csv_missing_cells', num(d[4]), d.slice(0, 4));
    case 'not-a-name':
      return t(`csv_not_a_name_${d[1] === 'email' ? 'email' : 'answer'}`, d);
    case 'lost-letter':
      return t(`csv_lost_letter_${d[1] === 'question' ? 'question' : 'replacement'}`, d);
    case 'not-letters':
      return t(`csv_not_letters_${keyPart(d[2] || 'symbol')}`, d);
    case 'several-classes': {
      const names = items(d[3]);
      // Welsh mutates after two ("2 ddosbarth"): a plural key, though there are always two or more.
      return plural(t, 'csv_several_classes', num(d[2]), [d[0] ?? '', d[1] ?? '', d[2] ?? '', someOf(names, num(d[2]), t), names[0] ?? '']);
    }
    case 'group-not-found':
      return d[3] === undefined ? t('csv_group_not_found_no_column', [d[0] ?? '']) : t('csv_group_not_found', [d[0] ?? '', d[3], d[4] ?? '', someOf(items(d[1]), num(d[2]), t)]);
    case 'no-name-heading': {
      const unknown = items(d[1]);
      const used = items(d[2]);
      const read = used.length ? ` ${plural(t, 'csv_no_name_heading_read', used.length, [used.map(quoted).join(', ')])}` : '';
      const notKnown = unknown.length ? plural(t, 'csv_no_name_heading_unknown', unknown.length, [unknown.join(', ')]) : '';
      return t('csv_no_name_heading', [read, notKnown]);
    }
    case 'unknown-headings':
      return d[1] === 'answers' ? plural(t, 'csv_unknown_headings_answers', num(d[2]), [d[0] ?? '']) : t('csv_unknown_headings', [d[0] ?? '', String(p.row)]);
    default:
      return t(`csv_${keyPart(p.code)}`, d);
  }
}

/** A note of the roster reader in the catalog's language ("" when the catalog has no message for it). */
export function noteText(n: RosterNote, t: Messages): string {
  const d = n.data;
  const count = num(d[0]);
  switch (n.code) {
    case 'two-row-heading':
      return t('csvNote_two_row_heading', [items(d[0]).join('”, “')]);
    case 'column-not-read':
      return d[1] === 'many' ? t('csvNote_column_not_read_many', [d[0] ?? '', d[2] ?? '', d[3] ?? '']) : t(`csvNote_column_not_read_${d[1] === 'last' ? 'last' : 'first'}`, [d[0] ?? '', d[2] ?? '']);
    case 'names-used': {
      const why = d[3] ? t('csvNote_names_used_why', [d[3]]) : '';
      const used = t(`csvNote_names_used_${d[0] === 'last' ? 'last' : 'first'}`, [andList(items(d[1]), t), andList(items(d[2]), t)]);
      const fallback = d[4] ? t('csvNote_names_used_fallback', [andList(items(d[4]), t)]) : '';
      return [why, used, fallback].filter(Boolean).join(' ');
    }
    case 'first-filled':
      return t('csvNote_first_filled', [andList(items(d[0]), t), t(`csvField_${keyPart(d[1] ?? '')}`)]);
    case 'not-an-answer':
      return t(`csvNote_not_an_answer_${keyPart(d[2] ?? '')}`, [d[0] ?? '', d[1] ?? '', d[3] || t('csvNote_other_use_none')]);
    case 'same-name':
      return t(d[3] === 'identical' ? 'csvNote_same_name_identical' : 'csvNote_same_name', d.slice(0, 3));
    case 'channel-under-refusal': {
      const pupils = items(d[1]).map((i) => {
        const [name, row] = i.split('\t');
        return `${name} ${t('csvNote_row_in_brackets', [row ?? ''])}`;
      });
      const where = items(d[2]);
      return plural(t, 'csvNote_channel_under_refusal', count, [d[0] ?? '', pupils.join(', '), where.length ? andList(where, t) : t('csvNote_general_consent_column')]);
    }
    case 'yes-under-refusal': {
      const pupils = items(d[1]).map((i) => {
        const [name, row, k, ...cols] = i.split('\t');
        const yes = cols.slice(0, num(k));
        return t('csvNote_yes_under_refusal_pupil', [name ?? '', row ?? '', andList(yes, t), andList(cols.slice(yes.length), t)]);
      });
      return plural(t, 'csvNote_yes_under_refusal', count, [d[0] ?? '', pupils.join('; ')]);
    }
    case 'opt-out-date': {
      const n = num(d[1]);
      return plural(t, 'csvNote_opt_out_date', n, [andList(items(d[0]), t), d[1] ?? '', items(d[2]).join(', ') + (n > 5 ? ', …' : '')]);
    }
    case 'bracket-preferred': {
      const names = items(d[1]).map((i) => {
        const [name, legal] = i.split('\t');
        return legal ? `${name} ${t('csvNote_legal_name', [legal])}` : (name ?? '');
      });
      return plural(t, 'csvNote_bracket_preferred', count, [d[0] ?? '', names.join(', ') + (count > 3 ? ', …' : '')]);
    }
    case 'name-split':
      return plural(t, 'csvNote_name_split', count, [d[0] ?? '', items(d[1]).join(', ') + (count > 3 ? ', …' : ''), d[2] || t('csvNote_name_split_no_heading')]);
    case 'capitals':
      return plural(t, 'csvNote_capitals', count, [d[0] ?? '', items(d[1]).join(', ') + (count > 3 ? ', …' : '')]);
    case 'welsh-na':
    case 'staff-row':
      return plural(t, `csvNote_${keyPart(n.code)}`, count, d);
    case 'heading-repeated':
      return plural(t, 'csvNote_heading_repeated', num(d[1]), [d[0] ?? '']);
    case 'group-headings':
      return plural(t, 'csvNote_group_headings', num(d[2]), [d[0] ?? '', d[1] ?? '']);
    case 'sheet-chosen': {
      const hidden = new Set(items(d[3]));
      const sheets = items(d[2]).map((s, i) => quoted(s) + (hidden.has(String(i)) ? ` ${t('csvNote_sheet_hidden')}` : ''));
      return t('csvNote_sheet_chosen', [d[0] ?? '', d[1] ?? '', sheets.join(', ')]);
    }
    case 'group-kept': {
      const left = num(d[4]);
      const others = items(d[5]);
      const which = others.length ? t(d[7] ? 'csvNote_group_kept_others_no_class' : 'csvNote_group_kept_others', [someOf(others, num(d[6]), t)]) : t('csvNote_group_kept_no_class');
      return plural(t, 'csvNote_group_kept', left, [d[0] ?? '', d[1] ?? '', d[2] ?? '', plural(t, 'csvNote_rows', num(d[3]), [d[3] ?? '']), d[4] ?? '', which]);
    }
    default:
      return t(`csvNote_${keyPart(n.code)}`, d);
  }
}

/**
 * A spot-check as a file a leader can keep or hand on: CSV (one row per finding, for a spreadsheet) and
 * JSON (the whole record with its totals).
 *
 * Every export is in English whatever the interface's language (decided in probe 20e D10): a file is read by
 * spreadsheets, scripts and whoever the school hands it to, and one school's files must read alike from a
 * Welsh and an English browser. Headers are English snake_case (camelCase in JSON); fixed values are codes
 * (`view` class-story, `outcome` open/resolved/no-issue/follow-up, `channel` class-chat, held `outcome`
 * fixed/edited/sent-anyway); rules are given by English name and by id; a class by the name the page showed
 * (in whatever language the school wrote it) and by id, an unnamed one as `class id c1` (`exportIdLabel`).
 * Only what people wrote (names, notes, reasons, snippets) is in their own language. CSV is written by papaparse, which quotes commas, quotes and
 * line breaks; every cell is first neutralised by `escapeFormula` (papaparse's own `escapeFormulae` looks
 * only at a cell's first character), and the file starts with a UTF-8 byte order mark so that Excel reads
 * accented names (Siân, Zoë) as written.
 */
import Papa from 'papaparse';
import { classLabel, exportIdLabel } from '../dojo/class-name';
import { ruleName } from '../policy/rule-names';
import { localIso } from '../time/local';
import { totals, type SpotRecord } from './record';

export type ExportFormat = 'csv' | 'json';

export interface ExportFile {
  filename: string;
  mime: string;
  body: string;
}

/**
 * `author_source` is `page` for every author: the name is what the ClassDojo page showed, not a checked
 * identity (records before `authorFromPage` was stored got their authors from the page too).
 * `outcome` is `open` until the leader decides, in both formats. `edited_since_checked` is `yes` when the
 * post was edited after the finding was first recorded; `still_in_post` is `no` when the edited post no
 * longer raises it (kept for the leader's decision).
 */
export const CSV_COLUMNS = ['date', 'class', 'class_id', 'view', 'post_time', 'time_zone', 'author', 'rule', 'rule_id', 'outcome', 'note', 'snippet', 'author_source', 'edited_since_checked', 'still_in_post'] as const;

/**
 * How an export names times and the class. `timeZone` is the school's (the policy's): every time is local
 * wall-clock time with its offset (`2026-11-20T14:10:00+00:00`) and the zone is named in the file. The
 * class is its name as the page showed it (kept on the record), else its id, labelled as one.
 */
export interface ExportOptions {
  timeZone?: string;
  /**
   * The class's name as last read for this class id (lib/ext/classes.ts): preferred to the name stamped on
   * the record, which a record written while the page still showed another class may hold. The plain name,
   * not a label that tells same-name classes apart (`class_id` does that).
   */
  className?: string;
  /**
   * Another class the options page knows has the same name: the file name then carries the class id too, so
   * that two classes' exports of one day are not saved under one name (probe 20g).
   */
  sharedName?: boolean;
}

const authorSource = (f: { author?: string }) => (f.author ? 'page' : null);

/** UTF-8's byte order mark: without it Excel reads a CSV file in the system's legacy code page. */
export const BOM = '\uFEFF';

/**
 * A line start that could be read as a formula: at the start of the cell or after a line break (CR, LF,
 * vertical tab, form feed, the file, group and record separators U+001C–U+001E (Python's splitlines breaks
 * there), NEL U+0085, the line and paragraph separators U+2028 and U+2029: a spreadsheet
 * or another tool may read or split off each line as a cell of its own), any run of
 * spaces (every Unicode space separator, NBSP and U+3000 included), tabs and invisible format characters
 * (zero-width space and joiners, BOM, soft hyphen, bidi controls) and other control characters (NUL, unit
 * separator, DEL…), then =, +, -, @ or their full-width
 * forms. LibreOffice with "trim spaces" drops the run and Excel ignores some of it; a tool that splits on
 * any line break sees each line alone. The run cannot cross a line break, so each character is looked at
 * from one line start only: linear in the cell's length.
 */
const FORMULA_LINE = /(^|[\r\n\v\f\x1c-\x1e\u0085\u2028\u2029])(?=[\p{Zs}\t\p{Cf}\x00-\x08\x0e-\x1b\x1f\x7f]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|\t)/gu;

/**
 * A cell a spreadsheet cannot run as a formula: a `'` goes before every line start (the cell's own and each
 * after a line break, see FORMULA_LINE) that blanks and invisible characters aside begins with =, +, -, @ (or
 * their full-width forms) or a tab, and before a cell that starts with a carriage return. OWASP's CSV
 * injection advice, widened to what Excel and LibreOffice (with trimming on) read; the `'` shows as a
 * plain apostrophe at worst. Input any string; output the same text with `'` inserted, nothing removed.
 */
export function escapeFormula(cell: string): string {
  return cell.replace(/^(?=\r)/, "'").replace(FORMULA_LINE, "$1'");
}

/**
 * A class's name (or any label) as a safe part of a file name: letters and digits of any script kept (NFC),
 * lower-cased, every run of anything else (spaces, quotes, slashes, dots, controls) one `-`, at most 60
 * characters, no `-` at either end. `Year 4 “Willow” – Mrs O'Brien` → `year-4-willow-mrs-o-brien`. Empty
 * (nothing usable) gives `fallback`, itself made safe the same way.
 */
export function fileSlug(s: string, fallback = 'class'): string {
  const slug = (x: string) => {
    const s = x.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').slice(0, 60);
    // Trimmed by a scan, not /^-+|-+$/ (quadratic on a long run of dashes: tests/unit/text/regex-sweep.test.ts).
    let a = 0;
    let b = s.length;
    while (a < b && s[a] === '-') a++;
    while (b > a && s[b - 1] === '-') b--;
    return s.slice(a, b);
  };
  return slug(s) || slug(fallback) || 'class';
}

export function exportRecord(record: SpotRecord, format: ExportFormat, opts: ExportOptions = {}): ExportFile {
  const tz = opts.timeZone ?? 'Europe/London';
  // The class's own name as ClassDojo shows it, never a label made for the screen ("Class 3 Oak (c2)"): the
  // id is a column of its own, so a spreadsheet of many exports groups one class under one name.
  const name = opts.className ?? record.className;
  // The file is named by the class's name where one is known (a folder of exports reads by class), else its id.
  const cls0 = fileSlug(name ?? '', record.classId);
  const id = fileSlug(record.classId);
  const base = `spot-check-${cls0}${name && opts.sharedName && id !== cls0 ? `-${id}` : ''}-${record.view}-${record.date}`;
  const cls = classLabel(record.classId, name ? { [record.classId]: name } : {}, exportIdLabel);
  if (format === 'json') {
    const sum = totals(record);
    const body = {
      // @2: `rule` is the rule's name and `ruleId` its id, times are local with their offset, `class` is the
      // class's name (`classId` its id), and the zone is named (@1 had ids and UTC times). @3: an undecided
      // finding's outcome is "open" as in the CSV (@2 had null), and each item says whether its post was
      // edited since it was checked and whether it still raises it.
      format: 'policy-guard/spot-check@3',
      class: cls,
      classId: record.classId,
      view: record.view,
      date: record.date,
      timeZone: tz,
      started: localIso(record.at, tz),
      updated: localIso(record.updatedAt, tz),
      postsReviewed: sum.posts,
      // Findings still in their posts; those an edit removed (kept for the decision) are counted apart, and
      // listed in `items` with `stillInPost: false`, as in the overlay and the history.
      findings: sum.findings,
      // Of those, the ones still to look at and the ones ruled "No issue" (record.ts `toLookAt`), as the table shows.
      toLook: sum.toLook,
      ruledNoIssue: sum.noIssue,
      removedByEdit: sum.removed,
      byRule: sum.byRule,
      byOutcome: sum.byOutcome,
      snippetsKept: record.keepSnippets,
      items: record.findings.map((f) => ({
        rule: ruleName(f.rule),
        ruleId: f.rule,
        postTime: f.postAt ? localIso(f.postAt, tz) : null,
        author: f.author ?? null,
        authorSource: authorSource(f),
        outcome: f.outcome ?? 'open',
        note: f.note ?? null,
        editedSinceChecked: f.edited === true,
        stillInPost: f.gone !== true,
        ...(f.snippet ? { snippet: f.snippet } : {}),
      })),
    };
    return { filename: `${base}.json`, mime: 'application/json', body: `${JSON.stringify(body, null, 2)}\n` };
  }
  const rows = record.findings.map((f) =>
    [record.date, cls, record.classId, record.view, localIso(f.postAt, tz), tz, f.author ?? '', ruleName(f.rule), f.rule, f.outcome ?? 'open', f.note ?? '', f.snippet ?? '', authorSource(f) ?? '', f.edited ? 'yes' : 'no', f.gone ? 'no' : 'yes'].map((cell) =>
      escapeFormula(String(cell)),
    ),
  );
  // escapeFormulae off: every cell is escaped above, and papaparse's would add a second "'".
  const body = Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { escapeFormulae: false, newline: '\r\n' });
  return { filename: `${base}.csv`, mime: 'text/csv;charset=utf-8', body: `${BOM}${body}\r\n` };
}

/**
 * A spot-check as a file a leader can keep or hand on: CSV (one row per finding, for a spreadsheet) and
 * JSON (the whole record with its totals). CSV is written by papaparse, which quotes commas, quotes and
 * line breaks; every cell is first neutralised by `escapeFormula` (papaparse's own `escapeFormulae` looks
 * only at a cell's first character), and the file starts with a UTF-8 byte order mark so that Excel reads
 * accented names (Siân, Zoë) as written.
 */
import Papa from 'papaparse';
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
 */
export const CSV_COLUMNS = ['date', 'class', 'view', 'post_time', 'author', 'rule', 'outcome', 'note', 'snippet', 'author_source'] as const;

const authorSource = (f: { author?: string }) => (f.author ? 'page' : null);

/** UTF-8's byte order mark: without it Excel reads a CSV file in the system's legacy code page. */
export const BOM = '\uFEFF';

/**
 * A cell a spreadsheet cannot run as a formula: a `'` goes before a cell that starts with =, +, -, @, a
 * tab or a carriage return, and after every line break that is followed by =, +, -, @ or a tab (a
 * spreadsheet may read each line of a cell, or the file may be split on line breaks by another tool).
 * OWASP's CSV injection advice; the `'` shows as a plain apostrophe at worst.
 */
export function escapeFormula(cell: string): string {
  return cell.replace(/^(?=[=+\-@\t\r])/, "'").replace(/([\r\n])(?=[=+\-@\t])/g, "$1'");
}

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60) || 'class';
}

export function exportRecord(record: SpotRecord, format: ExportFormat): ExportFile {
  const base = `spot-check-${safeName(record.classId)}-${record.view}-${record.date}`;
  if (format === 'json') {
    const sum = totals(record);
    const body = {
      format: 'policy-guard/spot-check@1',
      class: record.classId,
      view: record.view,
      date: record.date,
      started: record.at,
      updated: record.updatedAt,
      postsReviewed: sum.posts,
      findings: sum.findings,
      byRule: sum.byRule,
      byOutcome: sum.byOutcome,
      snippetsKept: record.keepSnippets,
      items: record.findings.map((f) => ({
        rule: f.rule,
        postTime: f.postAt ?? null,
        author: f.author ?? null,
        authorSource: authorSource(f),
        outcome: f.outcome ?? null,
        note: f.note ?? null,
        ...(f.snippet ? { snippet: f.snippet } : {}),
      })),
    };
    return { filename: `${base}.json`, mime: 'application/json', body: `${JSON.stringify(body, null, 2)}\n` };
  }
  const rows = record.findings.map((f) =>
    [record.date, record.classId, record.view, f.postAt ?? '', f.author ?? '', f.rule, f.outcome ?? 'open', f.note ?? '', f.snippet ?? '', authorSource(f) ?? ''].map((cell) =>
      escapeFormula(String(cell)),
    ),
  );
  // escapeFormulae off: every cell is escaped above, and papaparse's would add a second "'".
  const body = Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { escapeFormulae: false, newline: '\r\n' });
  return { filename: `${base}.csv`, mime: 'text/csv;charset=utf-8', body: `${BOM}${body}\r\n` };
}

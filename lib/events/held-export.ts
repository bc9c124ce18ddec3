/**
 * Overrides and held sends as a file (CSV or JSON) for a school's leaders. Kept apart from held.ts so that
 * only the options page loads papaparse.
 */
import Papa from 'papaparse';
import { ruleName } from '../policy/rule-names';
import { BOM, escapeFormula, type ExportFile, type ExportFormat } from '../spot-check/export';
import { localIso } from '../time/local';
import type { HeldOutcome, HeldRow } from './held';

export const HELD_CSV_COLUMNS = ['time', 'time_zone', 'class', 'class_id', 'channel', 'rules', 'rule_ids', 'outcome', 'reason'] as const;

const OUTCOME_WORDS: Record<HeldOutcome, string> = { fixed: 'Fixed', edited: 'Went back to edit', 'sent-anyway': 'Sent anyway' };

/**
 * The rows as a file: CSV (UTF-8 with a byte order mark, every cell safe from formulas) or JSON. Times are
 * the school's local time with its offset and the zone named (`2026-11-20T14:10:00+00:00`, `Europe/London`);
 * classes by name with the id beside it; rules by name with their ids. Never the text of a message.
 * `label` names a class: its name as the page showed it (not a screen label with the id in it: `class_id`
 * is beside it), or its id labelled as one.
 */
export function exportHeld(rows: HeldRow[], format: ExportFormat, opts: { timeZone: string; label: (classId: string) => string; today: string }): ExportFile {
  const base = `overrides-and-held-sends-${opts.today}`;
  if (format === 'json') {
    const body = {
      format: 'policy-guard/held-sends@1',
      timeZone: opts.timeZone,
      items: rows.map((r) => ({
        time: localIso(r.at, opts.timeZone),
        class: r.classId ? opts.label(r.classId) : null,
        classId: r.classId ?? null,
        channel: r.channel,
        rules: r.rules.map(ruleName),
        ruleIds: r.rules,
        outcome: r.outcome,
        reason: r.reason ?? null,
      })),
    };
    return { filename: `${base}.json`, mime: 'application/json', body: `${JSON.stringify(body, null, 2)}\n` };
  }
  const data = rows.map((r) =>
    [localIso(r.at, opts.timeZone), opts.timeZone, r.classId ? opts.label(r.classId) : '', r.classId ?? '', r.channel, r.rules.map(ruleName).join('; '), r.rules.join('; '), OUTCOME_WORDS[r.outcome], r.reason ?? ''].map((c) =>
      escapeFormula(String(c)),
    ),
  );
  const body = Papa.unparse({ fields: [...HELD_CSV_COLUMNS], data }, { escapeFormulae: false, newline: '\r\n' });
  return { filename: `${base}.csv`, mime: 'text/csv;charset=utf-8', body: `${BOM}${body}\r\n` };
}

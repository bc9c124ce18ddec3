/**
 * Overrides and held sends as a file (CSV or JSON) for a school's leaders. Kept apart from held.ts so that
 * only the options page loads papaparse.
 */
import Papa from 'papaparse';
import { exportIdLabel } from '../dojo/class-name';
import { ruleName } from '../policy/rule-names';
import { BOM, escapeFormula, type ExportFile, type ExportFormat } from '../spot-check/export';
import { localIso } from '../time/local';
import type { HeldOutcome, HeldRow } from './held';

export const HELD_CSV_COLUMNS = ['time', 'time_zone', 'class', 'class_id', 'channel', 'rules', 'rule_ids', 'outcome', 'reason'] as const;

/**
 * The rows as a file: CSV (UTF-8 with a byte order mark, every cell safe from formulas) or JSON. Times are
 * the school's local time with its offset and the zone named (`2026-11-20T14:10:00+00:00`, `Europe/London`);
 * classes by name with the id beside it; rules by name with their ids; the outcome as a code (`fixed`,
 * `edited`: went back to edit, `sent-anyway`), in both formats. Never the text of a message. In English
 * whatever the interface's language, as every export (lib/spot-check/export.ts). `name` gives a class's name
 * as the page showed it (not a screen label with the id in it: `class_id` is beside it), or undefined: the
 * class is then `class id c1` (`exportIdLabel`).
 */
export function exportHeld(rows: HeldRow[], format: ExportFormat, opts: { timeZone: string; name: (classId: string) => string | undefined; today: string }): ExportFile {
  const base = `overrides-and-held-sends-${opts.today}`;
  const label = (id: string) => opts.name(id) || exportIdLabel(id);
  if (format === 'json') {
    const body = {
      format: 'policy-guard/held-sends@1',
      timeZone: opts.timeZone,
      items: rows.map((r) => ({
        time: localIso(r.at, opts.timeZone),
        class: r.classId ? label(r.classId) : null,
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
    [localIso(r.at, opts.timeZone), opts.timeZone, r.classId ? label(r.classId) : '', r.classId ?? '', r.channel, r.rules.map(ruleName).join('; '), r.rules.join('; '), r.outcome, r.reason ?? ''].map((c) =>
      escapeFormula(String(c)),
    ),
  );
  const body = Papa.unparse({ fields: [...HELD_CSV_COLUMNS], data }, { escapeFormulae: false, newline: '\r\n' });
  return { filename: `${base}.csv`, mime: 'text/csv;charset=utf-8', body: `${BOM}${body}\r\n` };
}

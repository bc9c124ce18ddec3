/**
 * Overrides and held sends as a file (CSV or JSON) for a school's leaders. Kept apart from held.ts so that
 * only the options page loads papaparse.
 */
import Papa from 'papaparse';
import { exportIdLabel } from '../dojo/class-name';
import { ruleName } from '../policy/rule-names';
import { BOM, escapeFormula, fileSlug, type ExportFile, type ExportFormat } from '../spot-check/export';
import { localIso } from '../time/local';
import type { HeldFilter, HeldRow } from './held';

// fixed_first_rule_ids is last: a spreadsheet built on the earlier columns reads on unchanged.
export const HELD_CSV_COLUMNS = ['time', 'time_zone', 'class', 'class_id', 'channel', 'rules', 'rule_ids', 'outcome', 'reason', 'fixed_first_rule_ids'] as const;

/**
 * The file's name without extension: `overrides-and-held-sends-<today>` for the whole record; a filtered
 * export says its filter, so it never shares a name with the whole one:
 * `overrides-and-held-sends-class-3-oak-from-2026-11-01-to-2026-11-24-saved-2026-11-24`. The class is its
 * name made safe (fileSlug), or its id where no name is known.
 */
export function heldFileBase(opts: { today: string; filter?: HeldFilter; name?: (classId: string) => string | undefined }): string {
  const f = opts.filter ?? {};
  const parts = [
    f.classId ? fileSlug(opts.name?.(f.classId) ?? '', f.classId) : '',
    f.from ? `from-${f.from}` : '',
    f.to ? `to-${f.to}` : '',
  ].filter(Boolean);
  return parts.length ? `overrides-and-held-sends-${parts.join('-')}-saved-${opts.today}` : `overrides-and-held-sends-${opts.today}`;
}

/**
 * The rows as a file: CSV (UTF-8 with a byte order mark, every cell safe from formulas) or JSON. Times are
 * the school's local time with its offset and the zone named (`2026-11-20T14:10:00+00:00`, `Europe/London`);
 * classes by name with the id beside it; rules by name with their ids; the outcome as a code (`fixed`,
 * `edited`: went back to edit, `sent-anyway`, `not-sent`: the page was left with the dialog open), in both formats, with the rules fixed in the dialog before it
 * (`fixed_first_rule_ids`, JSON `fixedFirstRuleIds`: a partly fixed send; each other rule's fate is the outcome). Never the text of a message. In English
 * whatever the interface's language, as every export (lib/spot-check/export.ts). `name` gives a class's name
 * as the page showed it (not a screen label with the id in it: `class_id` is beside it), or undefined: the
 * class is then `class id c1` (`exportIdLabel`).
 */
export function exportHeld(rows: HeldRow[], format: ExportFormat, opts: { timeZone: string; name: (classId: string) => string | undefined; today: string; filter?: HeldFilter }): ExportFile {
  const base = heldFileBase(opts);
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
        fixedFirstRuleIds: r.fixedFirst ?? [],
        reason: r.reason ?? null,
      })),
    };
    return { filename: `${base}.json`, mime: 'application/json', body: `${JSON.stringify(body, null, 2)}\n` };
  }
  const data = rows.map((r) =>
    [localIso(r.at, opts.timeZone), opts.timeZone, r.classId ? label(r.classId) : '', r.classId ?? '', r.channel, r.rules.map(ruleName).join('; '), r.rules.join('; '), r.outcome, r.reason ?? '', (r.fixedFirst ?? []).join('; ')].map((c) =>
      escapeFormula(String(c)),
    ),
  );
  const body = Papa.unparse({ fields: [...HELD_CSV_COLUMNS], data }, { escapeFormulae: false, newline: '\r\n' });
  return { filename: `${base}.csv`, mime: 'text/csv;charset=utf-8', body: `${BOM}${body}\r\n` };
}

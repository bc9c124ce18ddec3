/**
 * Writes tests/fixtures/roster/english-messages.json: the roster reader's English for every file of
 * tests/unit/i18n/roster-cases.ts, per file each problem (row, code, message) and note (code, message) in order.
 * Run once, before the reader stopped building sentences (#15), with `npx tsx scripts/roster-english-fixture.ts`:
 * the English catalog (public/_locales/en, through lib/i18n/roster.ts) must give this text word for word
 * (tests/unit/i18n/roster-catalog.test.ts). Not to be run again once the reader carries no `message`.
 */
import { writeFileSync } from 'node:fs';
import { rosterCases } from '../tests/unit/i18n/roster-cases';

type Said = { row?: number; code: string; message: string };
const out: Record<string, { problems: Said[]; notes: Said[] }> = {};
for (const { name, result } of rosterCases()) {
  if (name in out) throw new Error(`two cases named ${name}`);
  const r = result as unknown as { problems: Said[]; notes: Said[] };
  out[name] = {
    problems: r.problems.map((p) => ({ row: p.row, code: p.code, message: p.message })),
    notes: r.notes.map((n) => ({ code: n.code, message: n.message })),
  };
}
writeFileSync(new URL('../tests/fixtures/roster/english-messages.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
console.log(Object.keys(out).length, 'files');

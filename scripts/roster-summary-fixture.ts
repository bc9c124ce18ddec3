/**
 * Writes tests/fixtures/roster/english-summary.json: what `guard roster read --lang en` wrote to stderr for
 * every file of tests/unit/i18n/roster-cases.ts (and a few more shapes, roster-summary-cases.ts), one array of
 * lines per file. Run once, before rosterSummary's own lines came from the catalog (#15), with
 * `npx tsx scripts/roster-summary-fixture.ts`: the English catalog must give these lines word for word
 * (tests/unit/i18n/roster-summary.test.ts), but for the deliberate changes listed there.
 * Not to be run again once the summary is worded from the catalog.
 */
import { writeFileSync } from 'node:fs';
import { messagesOf } from '../cli/catalog';
import { rosterSummary } from '../lib/roster/summary';
import { summaryCases } from '../tests/unit/i18n/roster-summary-cases';

const out: Record<string, string[]> = {};
for (const { name, file, result } of summaryCases()) {
  if (name in out) throw new Error(`two cases named ${name}`);
  out[name] = rosterSummary(result, file, messagesOf('en'));
}
writeFileSync(new URL('../tests/fixtures/roster/english-summary.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
console.log(Object.keys(out).length, 'files');

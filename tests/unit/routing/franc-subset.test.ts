import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { data as full } from 'franc-all/data.js';
import { describe, expect, it } from 'vitest';
import { FRANC_LANGUAGES, SCRIPT_CANDIDATES, UK_HOME_LANGUAGES } from '../../../lib/routing/franc-languages';
import { LANGUAGES } from '../../../lib/policy/vocab';
import { francSubsetSource } from '../../../scripts/vite/franc-subset';

describe("franc-all's data, cut at build time to the languages the router can meet", () => {
  it('keeps every script, and exactly the listed languages that franc-all has', async () => {
    const source = await francSubsetSource();
    const file = join(mkdtempSync(join(tmpdir(), 'franc-')), 'data.mjs');
    writeFileSync(file, source);
    const { data: subset } = (await import(pathToFileURL(file).href)) as { data: Record<string, Record<string, string>> };
    expect(Object.keys(subset).sort()).toEqual(Object.keys(full).sort());
    const kept = [...new Set(Object.values(subset).flatMap((models) => Object.keys(models)))].sort(); // Serbian is in two scripts
    const available = Object.values(full as Record<string, Record<string, string>>).flatMap((models) => Object.keys(models));
    expect(kept).toEqual(FRANC_LANGUAGES.filter((l) => available.includes(l)).sort());
    // A kept model is franc-all's own, unchanged.
    for (const [script, models] of Object.entries(subset)) for (const [l, model] of Object.entries(models)) expect(model).toBe((full as Record<string, Record<string, string>>)[script]![l]);
    // The declared and home languages, and each script's candidates, are all there.
    for (const l of [...Object.keys(LANGUAGES), ...UK_HOME_LANGUAGES, ...Object.values(SCRIPT_CANDIDATES).flat()]) expect(FRANC_LANGUAGES).toContain(l);
    // Welsh, Polish and English among them; and far less than franc-all's 400+.
    for (const l of ['cym', 'pol', 'eng', 'rus', 'hin']) expect(kept).toContain(l);
    expect(source.length).toBeLessThan(120_000);
  });
});

/**
 * A Vite plugin that gives the extension franc-all with the trigram models of FRANC_LANGUAGES only
 * (lib/routing/franc-languages.ts): franc-all's own code, its data cut at build time. Every script key is
 * kept (a script whose languages are all cut stays as an empty table), so franc's script step and its
 * answers for the kept languages are exactly the full package's.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { FRANC_LANGUAGES } from '../../lib/routing/franc-languages';

/** franc-all's data.js, as a path, resolved the way Node resolves the package. */
export function francDataPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('franc-all/package.json')), 'data.js');
}

/** The source of a data.js with only `languages`' models: `{script: {language: trigrams}}`. */
export async function francSubsetSource(languages: readonly string[] = FRANC_LANGUAGES): Promise<string> {
  const { data } = (await import(pathToFileURL(francDataPath()).href)) as { data: Record<string, Record<string, string>> };
  const keep = new Set(languages);
  const subset: Record<string, Record<string, string>> = {};
  for (const [script, models] of Object.entries(data)) {
    subset[script] = Object.fromEntries(Object.entries(models).filter(([language]) => keep.has(language)));
  }
  return `// franc-all's data.js cut to the languages in lib/routing/franc-languages.ts (scripts/vite/franc-subset.ts)\nexport const data = ${JSON.stringify(subset)};\n`;
}

export function francSubset(): Plugin {
  const target = francDataPath();
  return {
    name: 'policy-guard:franc-subset',
    enforce: 'pre',
    async load(id) {
      if (id.split('?')[0] !== target) return null;
      return francSubsetSource();
    },
  };
}

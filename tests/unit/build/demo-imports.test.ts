/**
 * `npm run demo` runs scripts/demo.ts under plain tsx, outside any test run. A module on its import graph
 * that imports vitest (e.g. `expect.poll` in an e2e helper) makes that scenario fail with "Vitest failed to
 * access its internal state", so the demo's screenshots go missing. This walks the demo's own imports (the
 * relative ones, as written) and fails on any that reach vitest.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every module the entry reaches through relative imports (type-only imports are skipped: tsx erases them). */
function graph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    const specs: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      if (/^\s*(?:import|export)\s+type\s/.test(m[0])) continue;
      specs.push((m[1] ?? m[2])!);
    }
    seen.set(file, specs);
    for (const spec of specs) {
      if (!spec.startsWith('.')) continue;
      const next = resolveLocal(file, spec);
      if (next) todo.push(next);
    }
  }
  return seen;
}

describe('the demo runs outside vitest', () => {
  it('no module on scripts/demo.ts’s import graph imports vitest', () => {
    const modules = graph(resolve(ROOT, 'scripts/demo.ts'));
    expect(modules.size).toBeGreaterThan(5);
    expect([...modules.keys()].some((f) => f.endsWith('tests/e2e/gate.ts'))).toBe(true);
    const offenders = [...modules].filter(([, specs]) => specs.some((s) => s === 'vitest' || s.startsWith('vitest/')));
    expect(offenders.map(([f]) => f.slice(ROOT.length + 1))).toEqual([]);
  });
});

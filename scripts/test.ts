/**
 * `npm test`: everything, in the order that fails fastest. Chromium present? Type check, unit tests,
 * build, end-to-end tests in real Chromium. Ends with one line: `tests: N passed, N failed, N skipped`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { FAKETIME_PATHS, findChromium, NO_CHROMIUM_MESSAGE, NO_FAKETIME_MESSAGE } from '../tests/e2e/chromium';

const RESULTS = 'test-results';

function step(title: string, cmd: string, args: string[]): boolean {
  console.log(`\n▶ ${title}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✖'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

function counts(file: string): VitestJson | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
  } catch {
    return undefined;
  }
}

if (!findChromium()) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}
if (!FAKETIME_PATHS.some((p) => existsSync(p))) {
  console.error(NO_FAKETIME_MESSAGE);
  process.exit(1);
}

mkdirSync(RESULTS, { recursive: true });
for (const f of ['unit.json', 'e2e.json']) rmSync(`${RESULTS}/${f}`, { force: true });

const failures: string[] = [];
if (!step('Type check', 'npx', ['tsc', '--noEmit'])) failures.push('type check');
if (!step('Unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/unit.json`]))
  failures.push('unit tests');
if (!step('Build the editor fixtures', 'npx', ['tsx', 'tests/fixtures/editors/build.ts'])) failures.push('editor fixtures (end-to-end tests not run)');
else if (step('Build the extension', 'npx', ['wxt', 'build'])) {
  if (
    !step('End-to-end tests (Chromium)', 'npx', [
      'vitest', 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/e2e.json`,
    ])
  )
    failures.push('end-to-end tests');
} else failures.push('build (end-to-end tests not run)');

let passed = 0;
let failed = 0;
let skipped = 0;
for (const f of ['unit.json', 'e2e.json']) {
  const c = counts(`${RESULTS}/${f}`);
  if (!c) continue;
  passed += c.numPassedTests;
  failed += c.numFailedTests;
  skipped += c.numPendingTests + c.numTodoTests;
}
console.log('');
if (failures.length) console.log(`Failed: ${failures.join(', ')}.`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failures.length ? 1 : 0);

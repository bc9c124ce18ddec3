/**
 * `npm test`: everything, in the order that fails fastest. Chromium and faketime present (installed here
 * when missing, where the machine allows it)? Type check, unit tests, build, the size budgets of the built
 * extension, end-to-end tests in real Chromium. Ends with one line: `tests: N passed, N failed, N skipped`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { CHROMIUM, ensureTools, FAKETIME, installHint } from './ensure-tools';

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
  testResults?: { name?: string; assertionResults?: { status?: string; fullName?: string; failureMessages?: string[] }[] }[];
}

/**
 * One line per failed test in a report, "file > test: first line of the error", so the end of the log
 * (often all a CI summary keeps) names what failed, not only how many.
 */
function failedLines(report: VitestJson): string[] {
  const lines: string[] = [];
  for (const file of report.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status !== 'failed') continue;
      const where = (file.name ?? '').replace(`${process.cwd()}/`, '');
      const why = ((t.failureMessages?.[0] ?? '').split('\n')[0] ?? '').replace(/\x1b\[[0-9;]*m/g, '').slice(0, 300);
      lines.push(`  ✖ ${where} > ${t.fullName ?? '(unnamed)'}: ${why}`);
    }
  }
  return lines;
}

function counts(file: string): VitestJson | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
  } catch {
    return undefined;
  }
}

const missing = ensureTools([CHROMIUM, FAKETIME]);
if (missing.length) {
  console.error(installHint(missing));
  process.exit(1);
}

const REPORTS = ['unit.json', 'size.json', 'e2e.json'];
mkdirSync(RESULTS, { recursive: true });
for (const f of REPORTS) rmSync(`${RESULTS}/${f}`, { force: true });

const failures: string[] = [];
if (!step('Type check', 'npx', ['tsc', '--noEmit'])) failures.push('type check');
if (!step('Unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/unit.json`]))
  failures.push('unit tests');
if (!step('Build the editor fixtures', 'npx', ['tsx', 'tests/fixtures/editors/build.ts'])) failures.push('editor fixtures (end-to-end tests not run)');
else if (step('Build the extension', 'npx', ['wxt', 'build'])) {
  // The budgets are on what was just built, so they run after the build and before the slow tests.
  if (!step('Size budgets (the built extension, gzipped)', 'npx', ['vitest', 'run', '-c', 'vitest.size.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/size.json`]))
    failures.push('size budgets');
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
const failedNames: string[] = [];
for (const f of REPORTS) {
  const c = counts(`${RESULTS}/${f}`);
  if (!c) continue;
  passed += c.numPassedTests;
  failed += c.numFailedTests;
  skipped += c.numPendingTests + c.numTodoTests;
  failedNames.push(...failedLines(c));
}
console.log('');
if (failedNames.length) console.log(`Failed tests:\n${failedNames.join('\n')}`);
if (failures.length) console.log(`Failed: ${failures.join(', ')}.`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failures.length ? 1 : 0);

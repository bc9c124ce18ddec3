import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runGuard } from '../../../cli/main';
import pkg from '../../../package.json';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runGuard(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('guard', () => {
  it('prints help with --help, -h, help, and no arguments', async () => {
    for (const args of [['--help'], ['-h'], ['help'], []]) {
      const r = await run(...args);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Usage: guard <command>');
    }
  });

  it('prints the package version', async () => {
    expect(await run('--version')).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
  });

  it('exits 2 with one clear line for an unknown command', async () => {
    const r = await run('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toBe("guard: unknown command 'frobnicate'. Run 'guard --help' to see the commands.\n");
  });

  it('runs as `npm run guard` does, through tsx', () => {
    const out = execFileSync('npx', ['tsx', 'cli/guard.ts', '--version'], { encoding: 'utf8' });
    expect(out.trim()).toBe(pkg.version);
    const bad = spawnSync('npx', ['tsx', 'cli/guard.ts', 'nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  }, 30_000); // two Node processes: slow on a loaded 2-core machine
});

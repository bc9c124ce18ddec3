/**
 * The machine tools `npm test` and `npm run demo` need: Chromium (the end-to-end tests and the demo) and
 * faketime (tests that start the browser at a set time). When one is missing and this machine allows it
 * (root, with apt-get, as on CI and the project's machines), it is installed from Debian's packages, as
 * `.ci/run` does; otherwise the caller prints one line saying what to install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { FAKETIME_PATHS, findChromium } from '../tests/e2e/chromium';

export interface Tool {
  name: string;
  /** Debian's package. */
  pkg: string;
  present(): boolean;
}

export const CHROMIUM: Tool = { name: 'Chromium', pkg: 'chromium', present: () => Boolean(findChromium()) };
export const FAKETIME: Tool = { name: 'faketime', pkg: 'faketime', present: () => FAKETIME_PATHS.some((p) => existsSync(p)) };

/** Whether this process may install Debian packages itself: root, with apt-get on the PATH. */
export function canApt(): boolean {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return root && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/** The one line for a person: what to install, and how. */
export function installHint(missing: readonly Tool[]): string {
  // CHROME_PATH names the browser to use: when nothing is there, say that, not "install Chromium".
  const chromePath = process.env.CHROME_PATH;
  if (missing.includes(CHROMIUM) && chromePath) return `CHROME_PATH is ${chromePath}, where there is no browser: point it at a Chromium or Chrome binary, or unset it to use Debian's chromium.`;
  const names = missing.map((t) => t.name).join(' and ');
  const chromium = missing.includes(CHROMIUM) ? ' (or set CHROME_PATH to a Chromium or Chrome binary)' : '';
  return `${names} not found: install with \`sudo apt-get install -y ${missing.map((t) => t.pkg).join(' ')}\`${chromium}, then run this again.`;
}

/**
 * Installs the missing `tools` where the machine allows it. Returns the tools still missing afterwards
 * (empty when all are there). `CHROME_PATH`, when set, is the browser: it is never installed over.
 */
export function ensureTools(tools: readonly Tool[], log: (line: string) => void = console.log): Tool[] {
  const missing = tools.filter((t) => !t.present() && !(t === CHROMIUM && process.env.CHROME_PATH));
  if (missing.length === 0 || !canApt()) return tools.filter((t) => !t.present());
  log(`Installing ${missing.map((t) => t.name).join(' and ')} from Debian's packages (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', '-qq', ...missing.map((t) => t.pkg)], { stdio: 'inherit', env });
  return tools.filter((t) => !t.present());
}

import { describe, expect, it } from 'vitest';
import { CHROMIUM, ensureTools, FAKETIME, installHint, type Tool } from '../../../scripts/ensure-tools';

describe('the tools npm test and npm run demo need', () => {
  it('says in one line what to install', () => {
    // As on a machine without CHROME_PATH (a CI machine may set it to its own browser: the hint then differs).
    const before = process.env.CHROME_PATH;
    delete process.env.CHROME_PATH;
    try {
      const line = installHint([CHROMIUM, FAKETIME]);
      expect(line).not.toContain('\n');
      expect(line).toContain('sudo apt-get install -y chromium faketime');
      expect(line).toContain('CHROME_PATH');
      expect(installHint([FAKETIME])).toBe('faketime not found: install with `sudo apt-get install -y faketime`, then run this again.');
    } finally {
      if (before !== undefined) process.env.CHROME_PATH = before;
    }
  });

  it('says CHROME_PATH points at nothing rather than "install Chromium" when it is set', () => {
    const before = process.env.CHROME_PATH;
    process.env.CHROME_PATH = '/nowhere/chrome';
    try {
      expect(installHint([CHROMIUM])).toBe("CHROME_PATH is /nowhere/chrome, where there is no browser: point it at a Chromium or Chrome binary, or unset it to use Debian's chromium.");
    } finally {
      if (before === undefined) delete process.env.CHROME_PATH;
      else process.env.CHROME_PATH = before;
    }
  });

  it('installs nothing when every tool is there, and reports what is still missing', () => {
    const there: Tool = { name: 'sh', pkg: 'dash', present: () => true };
    const lines: string[] = [];
    expect(ensureTools([there], (l) => lines.push(l))).toEqual([]);
    expect(lines).toEqual([]);
    if (typeof process.getuid === 'function' && process.getuid() !== 0) {
      // Not root: nothing is installed, the tool is reported missing.
      const absent: Tool = { name: 'nothing', pkg: 'no-such-package', present: () => false };
      expect(ensureTools([absent], (l) => lines.push(l))).toEqual([absent]);
    }
  });
});

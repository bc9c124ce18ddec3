import { existsSync } from 'node:fs';

/** Where Chromium is: CHROME_PATH, else Debian's package. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

/** One line a person can act on, for when no browser is found. */
export const NO_CHROMIUM_MESSAGE =
  'Chromium not found: install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROME_PATH to a Chromium or Chrome binary.';

export function chromiumPath(): string {
  const path = findChromium();
  if (!path && process.env.CHROME_PATH) throw new Error(`CHROME_PATH is ${process.env.CHROME_PATH}, where there is no browser: point it at a Chromium or Chrome binary, or unset it.`);
  if (!path) throw new Error(NO_CHROMIUM_MESSAGE);
  return path;
}

export const FAKETIME_PATHS = ['/usr/bin/faketime', '/usr/local/bin/faketime'];
export const NO_FAKETIME_MESSAGE =
  'faketime not found (tests that set the browser\'s clock need it): install it with `sudo apt-get install -y faketime`.';

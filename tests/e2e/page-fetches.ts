/**
 * What an extension page costs as Chromium loads it: every file of the extension the page fetched, seen by
 * Chrome DevTools Protocol network events from before its navigation, each gzipped (level 9) as built and
 * added up. Used by tests/e2e/options-load.e2e.ts (the options page's budget, on opening) and `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, type Harness } from './harness';

export interface WatchedPage {
  page: Page;
  /** The extension's files the page has fetched so far, relative to the build folder, in order, once each. */
  files: () => string[];
  /** When the navigation started (ms since the epoch, Date.now()). */
  openedAt: number;
}

/** Opens `path` (e.g. 'options.html') in a new tab, its network watched from before the navigation. */
export async function openWatched(h: Harness, path: string): Promise<WatchedPage> {
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  const origin = `chrome-extension://${h.extensionId}/`;
  const fetched: string[] = [];
  cdp.on('Network.requestWillBeSent', (e: { request: { url: string } }) => {
    const url = e.request.url.split(/[?#]/)[0]!;
    if (url.startsWith(origin)) {
      const file = url.slice(origin.length);
      if (!fetched.includes(file)) fetched.push(file);
    }
  });
  await cdp.send('Network.enable');
  const openedAt = Date.now();
  await page.goto(`${origin}${path}`);
  return { page, files: () => [...fetched], openedAt };
}

/** A built file's size gzipped at level 9, bytes, as the size test counts it (scripts/bundle-sizes.ts). */
export const gzSize = (file: string): number => gzipSync(readFileSync(join(EXTENSION_DIR, file)), { level: 9 }).length;

/** The options page's sections whose heavy code loads on an action: each drawn (as a shell) when this resolves. */
export async function optionsSectionsDrawn(page: Page): Promise<void> {
  // Attached, not visible: the paste box is inside a closed <details>.
  for (const hook of ['setup-read', 'setup-new', 'try-draft', 'roster-file', 'roster-paste']) await page.locator(`pg=[data-policy-guard="${hook}"]`).waitFor({ state: 'attached' });
}

/**
 * Opens options.html, waits until 3 s after the navigation started, and returns the files fetched by then
 * with their gzipped total (bytes). The harness should have a policy chosen and a class roster stored, so
 * every section is drawn.
 */
export async function optionsFetchedOnOpen(h: Harness): Promise<{ page: Page; files: string[]; gz: number }> {
  const { page, files, openedAt } = await openWatched(h, 'options.html');
  await optionsSectionsDrawn(page);
  await page.waitForTimeout(Math.max(0, openedAt + 3000 - Date.now()));
  const list = files();
  return { page, files: list, gz: list.reduce((sum, f) => sum + gzSize(f), 0) };
}

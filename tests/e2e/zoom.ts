/** Browser zoom and whole-window screenshots for the layout tests (coverage.e2e.ts, leaders.e2e.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, type Harness } from './harness';

/** Sets the browser's zoom for `page`'s tab (as Ctrl+Plus does), through the extension's service worker. */
export async function zoomTo(h: Harness, page: Page, factor: number): Promise<void> {
  await h.worker.evaluate(
    async ([url, z]) => {
      const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]>; setZoom(id: number, z: number): Promise<void> } } }).chrome;
      const tab = (await chrome.tabs.query({})).reverse().find((t) => t.url === url);
      if (!tab) throw new Error(`no tab at ${url}`);
      await chrome.tabs.setZoom(tab.id, z as number);
    },
    [page.url(), factor] as const,
  );
}

/** What the window shows, saved as SCREENSHOT_DIR/<name>.png (under zoom Playwright's own screenshot clips the wrong part). */
export async function windowScreenshot(page: Page, name: string): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const { data } = (await session.send('Page.captureScreenshot', { format: 'png' })) as { data: string };
  await session.detach();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(join(SCREENSHOT_DIR, `${name}.png`), Buffer.from(data, 'base64'));
}

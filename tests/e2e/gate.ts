/**
 * The gate's reason box and "Send anyway" are in an extension frame (entrypoints/gate-reason). These find it
 * as the teacher would meet it: among the page's frames (found through Playwright, never through the page).
 */
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { VISIBLE_FOR_MS } from '../../lib/ui/visibility';

/** The held send's reason frame, once it has drawn its box. */
export async function reasonFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(async () => {
      frame = page.frames().find((f) => /\/gate-reason\.html#[0-9a-f-]{36}$/.test(f.url()));
      return frame ? frame.locator('textarea').count() : 0;
    })
    .toBe(1);
  return frame!;
}

/**
 * Types `reason` and presses "Send anyway" as the teacher does. The button counts a click only once it has
 * been in plain view for VISIBLE_FOR_MS (clickjacking defence, lib/ui/visibility.ts), so this waits that long.
 */
export async function sendAnyway(page: Page, reason: string): Promise<void> {
  const frame = await reasonFrame(page);
  await frame.locator('textarea').fill(reason);
  await page.waitForTimeout(VISIBLE_FOR_MS + 200);
  await frame.getByRole('button', { name: 'Send anyway' }).click();
}

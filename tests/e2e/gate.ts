/**
 * Policy Guard's text boxes are in extension frames: the gate's reason box and "Send anyway"
 * (entrypoints/gate-reason) and a spot-check finding's note (entrypoints/spot-note). These find them as the
 * teacher would meet them: among the page's frames (found through Playwright, never through the page).
 */
import type { Frame, Locator, Page } from 'playwright-core';
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

/** The note frame of a spot-check finding's row (`row`: its `pg=` locator), once its box is ready. */
export async function noteFrame(row: Locator): Promise<Frame> {
  const element = row.locator('pg=[data-policy-guard="spot-note-frame"]');
  await element.waitFor();
  let frame: Frame | null = null;
  await expect
    .poll(async () => {
      frame = await (await element.elementHandle())!.contentFrame();
      return frame ? frame.locator('input:not([disabled])').count() : 0;
    })
    .toBe(1);
  return frame!;
}

/** The only note frame on `page`, found among its frames (for tests without access to the closed roots). */
export async function onlyNoteFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(async () => {
      const frames = page.frames().filter((f) => f.url().includes('/spot-note.html#'));
      frame = frames.length === 1 ? frames[0] : undefined;
      return frame ? frame.locator('input:not([disabled])').count() : 0;
    })
    .toBe(1);
  return frame!;
}

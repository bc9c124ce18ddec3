/**
 * Policy Guard's text boxes are in extension frames: the gate's reason box and "Send anyway"
 * (entrypoints/gate-reason) and a spot-check finding's note (entrypoints/spot-note). These find them as the
 * teacher would meet them: among the page's frames (found through Playwright, never through the page).
 *
 * Shared with the demo (scripts/demo-scenarios.ts), which runs under plain tsx: nothing here may import
 * vitest (its `expect` throws "Vitest failed to access its internal state" outside a test run).
 * tests/unit/demo-imports.test.ts holds that.
 */
import type { Frame, Locator, Page } from 'playwright-core';
import { VISIBLE_FOR_MS } from '../../lib/ui/visibility';

/**
 * Polls `find` every 100 ms until it returns a value (not undefined), for at most `timeoutMs`.
 * Throws Error(`what` …) when time runs out, so a failing test or demo says what never appeared.
 */
export async function pollFor<T>(what: string, find: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`${what} did not appear within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The held send's reason frame, once it has drawn its box. */
export async function reasonFrame(page: Page): Promise<Frame> {
  return pollFor('the gate’s reason frame', async () => {
    const frame = page.frames().find((f) => /\/gate-reason\.html#[0-9a-f-]{36}$/.test(f.url()));
    return frame && (await frame.locator('textarea').count()) === 1 ? frame : undefined;
  });
}

/**
 * Types `reason` and presses "Send anyway" as the teacher does. The button counts a click only once it has
 * been in plain view for VISIBLE_FOR_MS (clickjacking defence, lib/ui/visibility.ts), so this waits that long.
 */
export async function sendAnyway(page: Page, reason: string): Promise<void> {
  const frame = await reasonFrame(page);
  await frame.locator('textarea').fill(reason);
  // As a teacher would: press, and if the dialog says the press did not count (the dialog was still
  // settling when it was pressed: it counts once it has stayed put for VISIBLE_FOR_MS), press again.
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    if (frame.isDetached()) return;
    await frame.getByRole('button', { name: 'Send anyway' }).click();
    await page.waitForTimeout(300);
    if (frame.isDetached()) return;
  }
}

/** The note frame of a spot-check finding's row (`row`: its `pg=` locator), once its box is ready. */
export async function noteFrame(row: Locator): Promise<Frame> {
  const element = row.locator('pg=[data-policy-guard="spot-note-frame"]');
  await element.waitFor();
  return pollFor('the finding’s note frame', async () => {
    const frame = await (await element.elementHandle())!.contentFrame();
    return frame && (await frame.locator('input:not([disabled])').count()) === 1 ? frame : undefined;
  });
}

/** The only note frame on `page`, found among its frames (for tests without access to the closed roots). */
export async function onlyNoteFrame(page: Page): Promise<Frame> {
  return pollFor('the only note frame', async () => {
    const frames = page.frames().filter((f) => f.url().includes('/spot-note.html#'));
    const frame = frames.length === 1 ? frames[0] : undefined;
    return frame && (await frame.locator('input:not([disabled])').count()) === 1 ? frame : undefined;
  });
}

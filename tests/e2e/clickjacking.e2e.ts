/**
 * Clickjacking: a page that draws a see-through decoy over Policy Guard (or fades it) so that the teacher's
 * click lands on a button they cannot see. A lasting choice ("Always ignore", a spot-check verdict, "keep
 * snippets", "Send anyway": tests/e2e/gate-frame.e2e.ts) counts only on a button in plain view for a moment.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VISIBLE_FOR_MS } from '../../lib/ui/visibility';
import { c1Pupils } from './class-c1';
import { TEACH } from './harness';
import { useHarness } from './use-harness';

/** The page's decoy: a nearly transparent layer over the whole window that lets clicks through. */
const VEIL = String.raw`(() => {
  const veil = document.createElement('div');
  veil.id = 'veil';
  veil.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:rgba(255,255,255,0.02)';
  document.body.append(veil);
})()`;
const LIFT = `document.getElementById('veil').remove()`;

describe('a covered button does not count a click', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', c1Pupils(true));
  });
  const ignoredAlways = () =>
    h.worker.evaluate(async () => {
      const { ignoredAlways } = await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('ignoredAlways');
      return JSON.stringify(ignoredAlways ?? []);
    });

  it('“Always ignore” under a decoy: not counted, and said; in plain view: counted', async () => {
    const page: Page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator('[data-name="storyComposerTextarea"]').fill('Thank you Grace Taylor!');
    const finding = page.locator('pg=[data-rule="full-name"]');
    await finding.waitFor();
    const before = await ignoredAlways();
    await page.evaluate(VEIL);
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await finding.getByRole('button', { name: 'Always ignore' }).click();
    await finding.locator('[data-policy-guard="covered"]').waitFor();
    expect(await finding.locator('[data-policy-guard="covered"]').textContent()).toContain('covering this button');
    await page.waitForTimeout(300);
    expect(await ignoredAlways()).toBe(before);
    expect(await finding.count()).toBe(1);
    await h.screenshot(page, 'clickjacking-always-ignore');

    await page.evaluate(LIFT);
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await finding.getByRole('button', { name: 'Always ignore' }).click();
    await expect.poll(() => finding.count()).toBe(0);
    expect(await ignoredAlways()).toContain('Grace Taylor');
    await page.close();
  });

  it('a spot-check verdict and “keep snippets” under a decoy: not counted', async () => {
    await h.setSpotCheck(true);
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    const row = page.locator('pg=[data-policy-guard="spot-finding"]').first();
    await row.waitFor();
    await expect.poll(async () => (await h.stored('spotChecks')).length).toBe(1);
    const before = JSON.stringify(await h.stored('spotChecks'));
    await page.evaluate(VEIL);
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await row.getByRole('button', { name: 'No issue' }).click();
    await row.locator('[data-policy-guard="covered"]').waitFor();
    const snippets = page.locator('pg=[data-policy-guard="spot-snippets"]');
    if (await snippets.count()) {
      await snippets.click();
      expect(await snippets.isChecked()).toBe(false);
    }
    await page.waitForTimeout(300);
    expect(JSON.stringify(await h.stored('spotChecks'))).toBe(before);
    expect(await row.getAttribute('data-outcome')).toBe('open');

    await page.evaluate(LIFT);
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await row.getByRole('button', { name: 'No issue' }).click();
    await expect.poll(() => row.getAttribute('data-outcome')).toBe('no-issue');
    await h.setSpotCheck(false);
    await page.close();
  });
});

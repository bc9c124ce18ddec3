/**
 * Clickjacking: a page that draws a see-through decoy over Policy Guard (or fades it) so that the teacher's
 * click lands on a button they cannot see. A lasting choice ("Always ignore", a spot-check verdict, "keep
 * snippets", "Send anyway": tests/e2e/gate-frame.e2e.ts) counts only on a button in plain view for a moment.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

  it('cannot turn Policy Guard transparent by registering its custom properties (@property)', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    // The page registers every custom property name in Policy Guard's published stylesheet as a type only
    // `transparent` satisfies: a value Policy Guard sets for one would be invalid, and fall back to it.
    const names = [...new Set(readFileSync(resolve('entrypoints/content/style.css'), 'utf8').match(/--pg-[a-z-]+/g) ?? [])];
    expect(names.length).toBeGreaterThan(5);
    await page.evaluate(`(() => {
      const css = ${JSON.stringify(names)}.map((n) => '@property ' + n + " { syntax: 'transparent'; inherits: true; initial-value: transparent; }").join('\\n');
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
    })()`);
    await page.locator('[data-name="storyComposerTextarea"]').fill('Thank you Amelia Hughes!') // Grace Taylor is always ignored by now;
    const button = page.locator('pg=[data-rule="full-name"] [data-policy-guard="ignore-always"]');
    await button.waitFor();
    const colours = await page.evaluate(`(() => {
      const b = window.__pgRoot('policy-guard-ui').querySelector('[data-rule="full-name"] [data-policy-guard="ignore-always"]');
      const panel = b.closest('.pg-panel');
      return [getComputedStyle(b).color, getComputedStyle(panel).backgroundColor];
    })()`);
    for (const c of colours as string[]) expect(c, 'a colour the page made transparent').not.toMatch(/transparent|rgba\(0, 0, 0, 0\)/);
    await page.close();
  });

  it('a mask or clip on the page, or a tiny zoom, makes a lasting choice not count', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator('[data-name="storyComposerTextarea"]').fill('Thank you Amelia Hughes and Jacob Ellis!');
    const finding = page.locator('pg=[data-rule="full-name"]').first();
    await finding.waitFor();
    const before = await ignoredAlways();
    for (const css of [
      'mask-image: linear-gradient(transparent, transparent)', // blank to the eye
      'clip-path: inset(0 0 99% 0)', // all but a sliver
      'zoom: 0.3', // too small to be a choice seen
    ]) {
      await page.evaluate(`document.body.style.cssText = ${JSON.stringify(css)}`);
      await page.waitForTimeout(VISIBLE_FOR_MS + 200);
      await finding.getByRole('button', { name: 'Always ignore' }).click({ force: true });
      await page.waitForTimeout(300);
      expect(await ignoredAlways(), css).toBe(before);
    }
    await page.evaluate(`document.body.style.cssText = ''`);
    await page.close();
  });

  it('a lasting choice slid under the pointer (the page moves <body> with contain: paint) does not count until it has stayed put', async () => {
    // Pupils no other test here ignores for good (the first test's teacher does ignore Grace Taylor). The press
    // must come within VISIBLE_FOR_MS of the slide to test anything: on a loaded machine it may come later
    // (and then rightly count), so each try measures it in the page and a late one is tried again with the next
    // name. A clean-clone run at load 13 once pressed after the button had stayed put.
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    let tested = '';
    const late: number[] = [];
    for (const name of ['Jacob Ellis', 'Maya Collins', 'Harvey Price']) {
      await page.evaluate(`document.body.style.cssText = ''; for (const child of document.body.children) child.style.removeProperty('top')`);
      await page.locator('[data-name="storyComposerTextarea"]').fill(`Thank you ${name}!`);
      const finding = page.locator('pg=[data-rule="full-name"]');
      await finding.waitFor();
      const button = finding.getByRole('button', { name: 'Always ignore' });
      await page.waitForTimeout(VISIBLE_FOR_MS + 300); // long in plain view before the slide
      const before = await ignoredAlways();
      // contain: paint makes <body> the containing block of Policy Guard's fixed UI: moving body moves it,
      // with no transform for IntersectionObserver v2 to report.
      // The page's own content is moved back, so only Policy Guard moves (and its placement has no reason to).
      await page.evaluate(`(() => {
        window.__downAt = undefined;
        addEventListener('pointerdown', () => (window.__downAt = performance.now()), { capture: true, once: true });
        Object.assign(document.body.style, { contain: 'paint', position: 'relative', top: '-40px' });
        for (const child of document.body.children) if (!child.localName.startsWith('policy-guard') && !child.hasAttribute('data-policy-guard-host')) Object.assign(child.style, { position: 'relative', top: '40px' });
        window.__slideAt = performance.now();
      })()`);
      // The press comes as soon as the button is still again (within a frame or two of its last move, the
      // slide's or the placement's answer to it), on the button where it now is.
      let last = (await button.boundingBox())!;
      for (let i = 0; i < 20; i++) {
        await page.waitForTimeout(30);
        const now = (await button.boundingBox())!;
        if (now.x === last.x && now.y === last.y) break;
        last = now;
      }
      const at = { x: last.x + last.width / 2, y: last.y + last.height / 2 };
      expect(await page.evaluate(`document.elementFromPoint(${at.x}, ${at.y})?.localName ?? document.elementFromPoint(${at.x}, ${at.y})?.getAttribute('data-policy-guard-host')`)).toBe('policy-guard-ui');
      await page.mouse.click(at.x, at.y);
      await page.waitForTimeout(300);
      const after = Number(await page.evaluate('window.__downAt - window.__slideAt'));
      if (after >= VISIBLE_FOR_MS - 50) {
        // Pressed too late to tell a slid button from a still one: try again with the next name.
        late.push(Math.round(after));
        continue;
      }
      // Pressed within VISIBLE_FOR_MS of the slide: refused.
      expect(await ignoredAlways(), `pressed ${Math.round(after)} ms after the slide`).toBe(before);
      // Left where it is, the teacher's click counts.
      await page.waitForTimeout(VISIBLE_FOR_MS + 300);
      const still = (await button.boundingBox())!;
      await page.mouse.click(still.x + still.width / 2, still.y + still.height / 2);
      await expect.poll(ignoredAlways).toContain(name);
      tested = name;
      break;
    }
    expect(tested, `every press came ${late.join(', ')} ms after its slide: too late to test on this machine`).not.toBe('');
    await page.evaluate(`document.body.style.cssText = ''`);
    await page.close();
  });

  it('a fix and “Ignore for this post” under a mask or a fade do nothing; in plain view a fix works at once', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    const box = page.locator('[data-name="storyComposerTextarea"]');
    await box.fill('Thank you Amelia Hughes!');
    const finding = page.locator('pg=[data-rule="full-name"]').first();
    await finding.waitFor();
    for (const css of ['mask-image: linear-gradient(transparent, transparent)', 'opacity: 0.05']) {
      await page.evaluate(`document.body.style.cssText = ${JSON.stringify(css)}`);
      await finding.locator('pg=[data-policy-guard="fix"]').click({ force: true });
      await finding.locator('pg=[data-policy-guard="ignore-post"]').click({ force: true });
      await page.waitForTimeout(300);
      expect(await box.inputValue(), css).toBe('Thank you Amelia Hughes!');
      expect(await finding.count(), css).toBe(1);
      expect(await finding.locator('pg=[data-policy-guard="covered"]').count(), css).toBeGreaterThan(0);
    }
    await page.evaluate(`document.body.style.cssText = ''`);
    // No wait: the teacher's own quick click on a fix works as soon as the page stops hiding it.
    await finding.locator('pg=[data-policy-guard="fix"]').click();
    await expect.poll(() => box.inputValue()).toBe('Thank you Amelia!');
    await page.close();
  });
});

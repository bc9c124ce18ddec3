import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, HOME, PANEL, TEACH, } from './harness';
import { useHarness } from './use-harness';
import type { PgWindow } from './unseal';

const h = useHarness();

const PAGES = [
  { name: 'teach-class-story', url: `${TEACH}#/classes/c1/story`, view: 'class-story', composers: 1 },
  { name: 'teach-school-story', url: `${TEACH}#/schools/story`, view: 'school-story', composers: 1 },
  { name: 'teach-portfolio', url: `${TEACH}#/classes/c1/portfolio`, view: 'student-story', composers: 0 },
  { name: 'teach-class-chat', url: `${TEACH}#/classes/c1/messaging/g1`, view: 'messaging', composers: 1 },
  { name: 'teach-private-chat', url: `${TEACH}#/classes/c1/messaging/p1`, view: 'messaging', composers: 1 },
  { name: 'teach-points', url: `${TEACH}#/classes/c1/points`, view: 'points', composers: 0 },
  { name: 'home-story', url: `${HOME}#/story`, view: 'parent-story', composers: 0 },
  { name: 'home-messages', url: `${HOME}#/messages/t1`, view: 'parent-messages', composers: 1 },
];

describe('content script', () => {
  for (const p of PAGES) {
    it(`mounts its panel on ${p.name}`, async () => {
      const page = await h.openDojo(p.url);
      const panel = page.locator(PANEL);
      await expect.poll(() => panel.getAttribute('data-view')).toBe(p.view);
      await expect.poll(() => panel.getAttribute('data-composers')).toBe(String(p.composers));
      expect(await page.locator(PANEL).count()).toBe(1);
      // It lives in a closed shadow root (the page sees no `shadowRoot`; the test reaches it through the
      // DevTools protocol), outside ClassDojo's React root, so React re-renders cannot wipe it.
      const host = await page.evaluate(() => {
        const el = document.querySelector('policy-guard-ui');
        return { closed: !!el && el.shadowRoot === null, root: !!(window as unknown as PgWindow).__pgRoot('policy-guard-ui'), insideApp: !!document.querySelector('#reactApplication policy-guard-ui') };
      });
      expect(host).toEqual({ closed: true, root: true, insideApp: false });
      await h.screenshot(page, `foundation-${p.name}`);
      await page.close();
    });
  }

  it('follows hash navigation between views without reloading or duplicating', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    const panel = page.locator(PANEL);
    await expect.poll(() => panel.getAttribute('data-view')).toBe('class-story');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

    await page.getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('link', { name: /Class 3 Oak families/ }).click();
    await expect.poll(() => panel.getAttribute('data-view')).toBe('messaging');
    await expect.poll(() => panel.getAttribute('data-composers')).toBe('1');

    await page.getByRole('link', { name: 'Classroom' }).click();
    await expect.poll(() => panel.getAttribute('data-view')).toBe('points');
    await expect.poll(() => panel.getAttribute('data-composers')).toBe('0');

    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42); // no reload
    expect(await page.locator(PANEL).count()).toBe(1);
    await page.close();
  });

  it('keeps watching when ClassDojo re-renders the composer', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    const panel = page.locator(PANEL);
    await expect.poll(() => panel.getAttribute('data-composers')).toBe('1');
    const box = page.locator('[data-name="storyComposerTextarea"]');
    await box.fill('Trip letters are due back on Friday.');
    const before = await box.elementHandle();

    await page.evaluate(() => (window as unknown as { __dojo: { rerender(): void } }).__dojo.rerender());

    // The fixture really replaced the element (as React does), and kept the draft in its state.
    expect(await before!.evaluate((el) => el.isConnected)).toBe(false);
    await expect.poll(() => box.inputValue()).toBe('Trip letters are due back on Friday.');
    await expect.poll(() => panel.getAttribute('data-composers')).toBe('1');
    await page.close();
  });

  it('puts its panel back if the page removes it', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator(PANEL).waitFor();
    await page.evaluate(() => document.querySelector('policy-guard-ui')?.remove());
    await page.locator(PANEL).waitFor({ timeout: 5_000 });
    expect(await page.locator(PANEL).count()).toBe(1);
    await page.close();
  });

  it('does not run on other sites', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator(PANEL).waitFor();
    // student.classdojo.com is ClassDojo's but not ours to check: no host permission, no content script.
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.content_scripts[0].matches.sort()).toEqual(['https://home.classdojo.com/*', 'https://teach.classdojo.com/*']);
    await page.close();
  });
});

describe('extension pages', () => {
  it('opens the popup, which shows the real policy state', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('pg=[data-policy-guard="popup-policy"]').textContent()).toContain('No school policy chosen');
    expect(await popup.getByRole('heading').textContent()).toContain('Policy Guard for ClassDojo');
    await h.screenshot(popup, 'foundation-popup');
    await popup.close();
  });
});

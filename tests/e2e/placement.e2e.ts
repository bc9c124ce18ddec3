/**
 * The panel never covers ClassDojo's composer or its Post/Send button (lib/ui/placement.ts,
 * components/usePlacement.ts): at 800×600, 1024×700, 1366×768 and at 200% zoom, on Class Story and in a
 * chat, with a finding showing. Whatever Policy Guard shows (the panel, its badge, the "Show" tab) misses
 * the composer's card, and a click at the button's centre reaches the button.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PANEL, SCREENSHOT_DIR, TEACH } from './harness';
import { useHarness } from './use-harness';
import type { PgWindow } from './unseal';

type Box = { x: number; y: number; width: number; height: number };

const SIZES = [
  { name: '800x600', width: 800, height: 600 },
  { name: '1024x700', width: 1024, height: 700 },
  { name: '1366x768', width: 1366, height: 768 },
];

const PAGES = [
  { name: 'story', url: `${TEACH}#/classes/c1/story`, box: '[data-name="storyComposerTextarea"]', card: '[data-name="storyComposer"]', send: 'Post' },
  { name: 'chat', url: `${TEACH}#/classes/c1/messaging/g1`, box: '[data-name="messageComposerInput"]', card: '[data-name="messageComposer"]', send: 'Send' },
] as const;

const BADGE = 'pg=[data-policy-guard="panel-badge"]';
const TAB = 'pg=[data-policy-guard="panel-tab"]';

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function boxOf(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('no box');
  return b;
}

/** The element a click at the centre of `target` would reach is `target` (or inside it). */
async function clickable(page: Page, target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
}

/** Waits until the placement has been measured and has stopped changing (a frame or two after each change). */
async function settled(page: Page): Promise<string> {
  let last = '';
  for (let i = 0; i < 50; i++) {
    const now = await page.evaluate(() => {
      const root = (window as unknown as PgWindow).__pgRoot('policy-guard-ui');
      const panel = root?.querySelector('[data-policy-guard="panel"]');
      const badge = root?.querySelector('[data-policy-guard="panel-badge"]');
      const tab = root?.querySelector('[data-policy-guard="panel-tab"]');
      return JSON.stringify([panel?.getAttribute('data-placement'), panel?.getAttribute('style'), badge?.getAttribute('style'), tab?.getAttribute('style')]);
    });
    if (now === last && !now.includes('"default"')) return now;
    last = now;
    await page.waitForTimeout(100);
  }
  throw new Error(`the placement never settled: ${last}`);
}

/** What Policy Guard shows of itself now: the panel, else the badge, else the tab. */
async function shown(page: Page): Promise<{ what: 'panel' | 'badge' | 'tab'; locator: Locator; box: Box }> {
  for (const [what, sel] of [['panel', PANEL], ['badge', BADGE], ['tab', TAB]] as const) {
    const locator = page.locator(sel);
    if (await locator.isVisible()) return { what, locator, box: await boxOf(locator) };
  }
  throw new Error('Policy Guard shows nothing');
}

/** Nothing Policy Guard shows covers the box, the card or the button, and the button takes a click. */
async function assertClear(page: Page, p: (typeof PAGES)[number], label: string) {
  await settled(page);
  const it = await shown(page);
  const composer = await boxOf(page.locator(p.box));
  const card = await boxOf(page.locator(p.card));
  const send = page.getByRole('button', { name: p.send, exact: true });
  const sendBox = await boxOf(send);
  const placement = (await page.locator(PANEL).count()) ? await page.locator(PANEL).getAttribute('data-placement') : 'hidden';
  const spot = await it.locator.getAttribute('data-spot');
  const round = (b: Box) => `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`;
  console.log(`[placement] ${label}: ${it.what} (${placement}${spot ? `, ${spot}` : ''}) at ${round(it.box)}; composer ${round(composer)}, card ${round(card)}, ${p.send} ${round(sendBox)}`);
  expect(intersects(it.box, composer), `${label}: ${it.what} covers the composer`).toBe(false);
  expect(intersects(it.box, card), `${label}: ${it.what} covers the composer's card`).toBe(false);
  expect(intersects(it.box, sendBox), `${label}: ${it.what} covers ${p.send}`).toBe(false);
  const hit = await send.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return at?.outerHTML.slice(0, 120);
  });
  expect(await clickable(page, send), `${label}: ${p.send} is not clickable (${hit} is there)`).toBe(true);
  expect(await clickable(page, page.locator(p.box)), `${label}: the composer is not clickable`).toBe(true);
  return it;
}

/**
 * Under browser zoom Playwright's screenshot clips the wrong part of a scrolled page: this asks Chromium
 * for what the window shows, as it shows it.
 */
async function zoomedScreenshot(page: Page, name: string) {
  const session = await page.context().newCDPSession(page);
  const { data } = (await session.send('Page.captureScreenshot', { format: 'png' })) as { data: string };
  await session.detach();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(join(SCREENSHOT_DIR, `${name}.png`), Buffer.from(data, 'base64'));
}

async function withFinding(page: Page, p: (typeof PAGES)[number]) {
  await page.locator(`${PANEL} [data-policy-guard="audience"]`).waitFor({ state: 'attached' });
  await page.locator(p.box).fill('Well done Amelia Hughes');
  await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor({ state: 'attached' });
  // As the teacher would, to reach it: in a long chat the button starts below the fold.
  await page.getByRole('button', { name: p.send, exact: true }).scrollIntoViewIfNeeded();
}

describe('the panel keeps clear of the composer', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', [{ first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false }]);
  });

  for (const size of SIZES) {
    for (const p of PAGES) {
      it(`at ${size.name} on ${p.name}`, async () => {
        const page = await h.openDojo(p.url);
        await page.setViewportSize({ width: size.width, height: size.height });
        await withFinding(page, p);
        const label = `${size.name} ${p.name}`;
        const first = await assertClear(page, p, label);
        await h.screenshot(page, `placement-${size.name}-${p.name}`);

        if (first.what === 'badge') {
          // The badge shows the number of findings, and opens the panel (over the page: the teacher's choice).
          expect(await first.locator.textContent()).toContain('1');
          expect(await first.locator.getAttribute('aria-label')).toBe('Policy Guard: 1 thing to check. Show the panel');
          await first.locator.click();
          await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor();
          await h.screenshot(page, `placement-${size.name}-${p.name}-expanded`);
          // Docked again with the dock button, and from the keyboard with Escape.
          await page.locator('pg=[data-policy-guard="panel-dock"]').click();
          await page.locator(BADGE).waitFor();
          await page.locator(BADGE).focus();
          await page.keyboard.press('Enter');
          await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor();
          // Escape acts where focus is: wait until opening the panel has put it on the dock button (a loaded
          // machine can take a frame or two longer than a person's next key).
          await expect.poll(() => page.locator('pg=[data-policy-guard="panel-dock"]').evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
          await page.keyboard.press('Escape');
          await page.locator(BADGE).waitFor();
          await assertClear(page, p, `${label} docked again`);
        } else {
          // The finding is readable where the panel is.
          await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor();
        }

        // Hidden: the tab keeps clear too, and brings the panel back.
        if (first.what === 'badge') {
          await page.locator(BADGE).click();
          await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor();
        }
        await page.locator(PANEL).getByRole('button', { name: 'Hide Policy Guard' }).click();
        await page.locator(TAB).waitFor();
        const tab = await assertClear(page, p, `${label} hidden`);
        expect(tab.what).toBe('tab');
        await page.locator(TAB).click();
        await page.locator(`${PANEL} [data-rule="full-name"]`).or(page.locator(BADGE)).first().waitFor();
        await assertClear(page, p, `${label} shown again`);
        await page.close();
      });
    }
  }

  for (const p of PAGES) {
    it(`at 200% zoom on ${p.name}`, async () => {
      const page = await h.openDojo(p.url);
      // Real browser zoom, as Ctrl + would set it: the 1280×860 window becomes a 640×430 CSS px viewport
      // with two device pixels to the CSS pixel.
      const tabId = await h.worker.evaluate(async (url) => {
        const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]>; setZoom(id: number, z: number): Promise<void> } } }).chrome;
        const tabs = await chrome.tabs.query({});
        const tab = tabs.reverse().find((t) => t.url === url);
        if (!tab) throw new Error(`no tab at ${url}`);
        await chrome.tabs.setZoom(tab.id, 2);
        return tab.id;
      }, page.url());
      expect(tabId).toBeGreaterThan(0);
      await expect.poll(() => page.evaluate(() => [innerWidth, innerHeight, devicePixelRatio])).toEqual([640, 430, 2]);
      await withFinding(page, p);
      const first = await assertClear(page, p, `200% ${p.name}`);
      await zoomedScreenshot(page, `placement-zoom200-${p.name}`);
      if (first.what === 'badge') {
        await first.locator.click();
        await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor();
        await zoomedScreenshot(page, `placement-zoom200-${p.name}-expanded`);
        await page.locator('pg=[data-policy-guard="panel-dock"]').click();
        await page.locator(BADGE).waitFor();
        await page.locator(BADGE).click();
      }
      await page.locator(PANEL).getByRole('button', { name: 'Hide Policy Guard' }).click();
      await page.locator(TAB).waitFor();
      expect((await assertClear(page, p, `200% ${p.name} hidden`)).what).toBe('tab');
      // Chrome keeps a zoom for the whole origin: back to 100% for the tests after this one.
      await h.worker.evaluate(async (id) => (globalThis as unknown as { chrome: { tabs: { setZoom(id: number, z: number): Promise<void> } } }).chrome.tabs.setZoom(id, 1), tabId);
      await page.close();
    });
  }

  it('with the composer scrolled away: top right where the margin has room, else a strip at the edge, never over the posts', async () => {
    const page = await h.openDojo(`${TEACH}?posts=40#/classes/c1/story`);
    await page.setViewportSize({ width: 1366, height: 768 });
    await withFinding(page, PAGES[0]);
    await settled(page);
    await page.mouse.wheel(0, 1500);
    await expect.poll(async () => page.locator(PANEL).getAttribute('data-spot')).toBe('right');
    const panel = await boxOf(page.locator(PANEL));
    expect(panel.y).toBe(68);
    // 800×600: the posts fill the window but for a 36 px margin; the panel would cover their line ends.
    await page.setViewportSize({ width: 800, height: 600 });
    await expect.poll(async () => page.locator(BADGE).getAttribute('data-spot')).toBe('edge-right');
    const strip = await boxOf(page.locator(BADGE));
    const posts = await page.locator('[data-name="storyFeed"] > .card').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect()).filter((r) => r.bottom > 0 && r.top < innerHeight).map((r) => ({ x: r.left, y: r.top, width: r.width, height: r.height })));
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expect(intersects(strip, post)).toBe(false);
    await page.close();
  });
});

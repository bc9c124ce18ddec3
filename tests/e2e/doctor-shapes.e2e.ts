/**
 * The page doctor's mismatch notice on page shapes a fresh tester found it wrong on (probe 21e): no "cannot
 * find the message box" while the page is loading, shows an error, or opens its box from a button (D2), and the
 * notice inside the panel's visible box in small windows (D3). Probe 21f: openers worded otherwise and
 * icon-only, a skeleton first paint (N2), the notice in view in wide windows where the panel docks low (N6),
 * and a dismissed notice that stays dismissed after a reload (21e D10). The pages are tests/fixtures/shapes/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDoctor, summary } from './doctor-helpers';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';

const NOTICE = 'pg=[data-policy-guard="page-mismatch"]';

/** How many mismatch notices show, looked at every 500 ms for `ms`. */
async function noticesOver(page: Page, ms: number): Promise<number[]> {
  const seen: number[] = [];
  for (const until = Date.now() + ms; Date.now() < until; ) {
    seen.push(await page.locator(NOTICE).count());
    await page.waitForTimeout(500);
  }
  return seen;
}

describe('no false alarm: the page says why it has no message box (probe 21e D2)', () => {
  // A school day's morning (libfaketime): nothing else for the panel to say.
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, (h) => h.choosePolicy('bentley-new-village'));

  it('a Class Story whose box opens from "Share something with your class…": nothing said before it is opened; once open, the box is found and checked', async () => {
    const page = await h.openDojo(`${TEACH}?shape=doctor-opener#/classes/c1/story`);
    await page.locator(PANEL).waitFor({ state: 'attached' });
    expect(await noticesOver(page, 4_500)).not.toContain(1);
    const before = await openDoctor(page);
    const composer = before.find((p) => p.part === 'composer')!;
    expect(composer).toMatchObject({ found: 'false', needed: 'false' });
    expect(await page.locator('pg=[data-policy-guard="doctor"] [data-part="composer"]').textContent()).toContain('opens from a button');
    expect(await page.locator('pg=[data-policy-guard="doctor"]').getAttribute('data-mismatch')).toBe('');
    await page.click('#opener');
    await expect.poll(async () => summary(await openDoctor(page))['composer#1'], { timeout: 10_000 }).toBe('found generic');
    // The dialog has a photo control: its photos are needed; no notice.
    expect(summary(await openDoctor(page))['attachments#1']).toBe('missing none');
    expect(await page.locator(NOTICE).count()).toBe(0);
    await page.close();
  });

  it('a first draw 6 s late, over a busy progress bar: nothing said while it loads, and the box found once drawn', async () => {
    const page = await h.openDojo(`${TEACH}?shape=doctor-slow#/classes/c1/story`);
    const seen = await noticesOver(page, 8_000);
    expect(seen.length).toBeGreaterThan(8);
    expect(seen).not.toContain(1);
    expect(summary(await openDoctor(page))['composer#1']).toBe('found guess');
    await page.close();
  });

  it('ClassDojo’s error page (with a Post button of its own): no "ClassDojo may have changed"; the doctor says it is an error page', async () => {
    const page = await h.openDojo(`${TEACH}?shape=doctor-error#/classes/c1/story`);
    await page.locator(PANEL).waitFor({ state: 'attached' });
    expect(await noticesOver(page, 4_500)).not.toContain(1);
    await openDoctor(page);
    expect(await page.locator('pg=[data-policy-guard="doctor"] [data-part="composer"]').textContent()).toContain('ClassDojo shows an error here');
    await page.close();
  });

  it('a redesigned Class Story with posts and a Post button but no box, and nothing that explains it: still said', async () => {
    const page = await h.openDojo(`${TEACH}?shape=doctor-nobox#/classes/c1/story`);
    const notice = page.locator(NOTICE);
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.getAttribute('data-mismatch')).toBe('no-composer');
    await page.close();
  });
});

describe('openers by role and label, and a skeleton first paint (probe 21f N2)', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, (h) => h.choosePolicy('bentley-new-village'));

  for (const [shape, what] of [
    ['doctor-opener-media', 'a button worded about pictures ("Upload a picture or clip for families")'],
    ['doctor-opener-icon', 'an icon-only "+" control named "New"'],
  ] as const) {
    it(`a Class Story whose box opens from ${what}: nothing said before it is opened; once open, the box is found`, async () => {
      const page = await h.openDojo(`${TEACH}?shape=${shape}#/classes/c1/story`);
      await page.locator(PANEL).waitFor({ state: 'attached' });
      expect(await noticesOver(page, 5_000)).not.toContain(1);
      await openDoctor(page);
      expect(await page.locator('pg=[data-policy-guard="doctor"] [data-part="composer"]').textContent()).toContain('opens from a button');
      await page.click('#opener');
      await expect.poll(async () => summary(await openDoctor(page))['composer#1'], { timeout: 10_000 }).toBe('found generic');
      expect(await page.locator(NOTICE).count()).toBe(0);
      await page.close();
    });
  }

  it('grey placeholder blocks under the navigation, no busy mark, the box drawn 6 s later: nothing said meanwhile', async () => {
    const page = await h.openDojo(`${TEACH}?shape=doctor-skeleton#/classes/c1/story`);
    const seen = await noticesOver(page, 8_500);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen).not.toContain(1);
    expect(summary(await openDoctor(page))['composer#1']).toBe('found guess');
    await page.close();
  });
});

describe('a dismissed notice stays dismissed for the session on that kind of page (probe 21e D10)', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, (h) => h.choosePolicy('bentley-new-village'));

  it('dismissed, then the page reloaded and another class’s Class Story opened: not said again', async () => {
    const page = await h.openDojo(`${TEACH}?shape=doctor-nobox#/classes/c1/story`);
    const notice = page.locator(NOTICE);
    await notice.waitFor({ timeout: 10_000 });
    await page.locator('pg=[data-policy-guard="mismatch-dismiss"]').click();
    await expect.poll(() => notice.count(), { timeout: 3_000 }).toBe(0);
    await page.reload();
    await page.waitForFunction(`window.__dojo && window.__dojo.ready === true`);
    expect(await noticesOver(page, 6_000)).not.toContain(1);
    await page.goto(`${TEACH}?shape=doctor-nobox#/classes/c2/story`);
    await page.waitForFunction(`window.__dojo && window.__dojo.ready === true`);
    expect(await noticesOver(page, 6_000)).not.toContain(1);
    // The doctor still says what it sees: the notice is gone, not the finding.
    expect(summary(await openDoctor(page))['composer']).toBe('missing none');
    await page.close();
  });
});

describe('the notice in view in a small window (probe 21e D3)', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, (h) => h.choosePolicy('bentley-new-village'));

  for (const [width, height] of [
    [400, 760],
    [320, 568],
  ] as const) {
    it(`at ${width}×${height}, on a chat with a parent’s message (a tall panel): the notice lies inside the panel’s visible box`, async () => {
      const page = await h.context.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(`${TEACH}?shape=doctor-chat-iconsend#/classes/c1/messaging/p9`);
      await page.waitForFunction(`window.__dojo && window.__dojo.ready === true`);
      const notice = page.locator(NOTICE);
      await notice.waitFor({ state: 'attached', timeout: 10_000 });
      expect(await notice.getAttribute('data-mismatch')).toBe('no-send');
      // Folded to its badge in a narrow window: opened as the teacher would.
      const badge = page.locator('pg=[data-policy-guard="panel-badge"]');
      if (await badge.isVisible().catch(() => false)) await badge.click();
      await notice.waitFor({ state: 'visible', timeout: 5_000 });
      await page.waitForTimeout(500);
      const panel = (await page.locator(PANEL).boundingBox())!;
      const box = (await notice.boundingBox())!;
      const inside = { top: box.y >= panel.y - 1, bottom: box.y + box.height <= panel.y + panel.height + 1, viewport: box.y + box.height <= height };
      await h.screenshot(page, `doctor-shapes-notice-${width}`);
      expect(inside, JSON.stringify({ panel, box })).toEqual({ top: true, bottom: true, viewport: true });
      // Its two actions too: the doctor one click away, and Dismiss.
      for (const action of ['mismatch-open', 'mismatch-dismiss']) {
        const b = (await page.locator(`pg=[data-policy-guard="${action}"]`).boundingBox())!;
        expect(b.y + b.height, action).toBeLessThanOrEqual(Math.min(panel.y + panel.height, height) + 1);
      }
      await page.close();
    });
  }

  // Probe 21f N6: in a wide window the panel docks below the feed, a few hundred pixels tall, and the notice
  // (the last of its first lines) ran below the window.
  for (const [width, height] of [
    [1280, 860],
    [1024, 700],
  ] as const) {
    it(`at ${width}×${height}, where the panel docks low: the notice and Dismiss lie inside the panel and the window`, async () => {
      const page = await h.context.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(`${TEACH}?shape=doctor-nobox-long#/classes/c1/story`);
      await page.waitForFunction(`window.__dojo && window.__dojo.ready === true`);
      const notice = page.locator(NOTICE);
      await notice.waitFor({ state: 'attached', timeout: 10_000 });
      const badge = page.locator('pg=[data-policy-guard="panel-badge"]');
      if (await badge.isVisible().catch(() => false)) await badge.click();
      await notice.waitFor({ state: 'visible', timeout: 5_000 });
      await page.waitForTimeout(500);
      const panel = (await page.locator(PANEL).boundingBox())!;
      const box = (await notice.boundingBox())!;
      await h.screenshot(page, `doctor-shapes-notice-${width}`);
      const bottom = Math.min(panel.y + panel.height, height) + 1;
      expect({ top: box.y >= panel.y - 1, bottom: box.y + box.height <= bottom }, JSON.stringify({ panel, box })).toEqual({ top: true, bottom: true });
      for (const action of ['mismatch-open', 'mismatch-dismiss']) {
        const b = (await page.locator(`pg=[data-policy-guard="${action}"]`).boundingBox())!;
        expect(b.y + b.height, `${action} ${JSON.stringify({ panel, b })}`).toBeLessThanOrEqual(bottom);
      }
      // The panel scrolled, not ClassDojo's page.
      expect(await page.evaluate('window.scrollY')).toBe(0);
      await page.close();
    });
  }
});

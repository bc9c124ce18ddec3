import { c1Pupils } from './class-c1';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, TEACH } from './harness';
import { useHarness } from './use-harness';
import type { PgWindow } from './unseal';

const SPOT = 'pg=[data-policy-guard="spot-check"]';

/** Appends `n` posts naming a child's health (a finding), as ClassDojo's feed does when it loads older posts. */
const plantPosts = (batch: number, n: number) => `(() => {
  const feed = document.querySelector('[data-name="storyFeed"]');
  const frag = document.createDocumentFragment();
  for (let i = 0; i < ${n}; i++) {
    const card = document.createElement('div'); card.className = 'card';
    card.innerHTML = '<div data-name="storyPost" role="article" class="post" data-post-id="g${batch}-' + i + '"><div data-name="storyPostHeader" class="post-header"><div><h3 class="post-author">Ms Carter</h3><span class="nessie-text post-time" title="2026-11-2' + (i % 4) + 'T10:00:00.000Z">Fri 20 Nov, 10:00</span></div></div><div data-name="storyPostContents" class="post-body"><span data-name="richText">${batch}-' + i + ' Leo Wright has been diagnosed with ADHD and Harry Davies with asthma. Well done everyone in Class 3 for a lovely week of learning.</span></div></div>';
    frag.append(card);
  }
  feed.append(frag);
})()`;

/** The page's own record of long tasks (over 50 ms), in ms, in `window.__long`. */
const LONG_TASKS = `(() => {
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask' });
})()`;

describe('senior leaders’ spot-check', () => {
  const h = useHarness({}, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', c1Pupils(false));
  });

  it('is switched on from the popup, and marks every post with a breach, and no clean post', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await popup.getByRole('button', { name: 'Start a spot-check' }).click();
    await expect.poll(() => popup.locator('pg=[data-policy-guard="spot-toggle"]').getAttribute('aria-pressed')).toBe('true');
    await popup.close();

    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    const spot = page.locator(SPOT);
    await expect.poll(() => spot.getAttribute('data-posts')).toBe('9');
    // The fixture feed's known breaches: a full name (post2), a child's health (post4), a Sunday-night post (post5),
    // a photo with Oliver P., who has no photo consent (post9).
    const outlined = async (rule: string) =>
      (await page.locator(`pg=.pg-outline[data-rule="${rule}"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-post-id')))).sort();
    expect(await outlined('full-name')).toEqual(['post2']);
    expect(await outlined('sensitive-content')).toEqual(['post4']);
    expect(await outlined('out-of-hours')).toEqual(['post5']);
    expect(await outlined('photo-consent')).toEqual(['post9']);
    const badges = await page.locator('pg=[data-policy-guard="post-badge"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-post-id')).sort());
    // Clean posts (Oliver B., the head lice notice, the magnets photo, Florence Nightingale) are not marked.
    expect(badges).toEqual(['post2', 'post4', 'post5', 'post9']);
    expect(await spot.getAttribute('data-flagged')).toBe('4');
    expect(await spot.locator('pg=[data-policy-guard="by-rule"] [data-rule="full-name"]').getAttribute('data-count')).toBe('1');
    expect(await spot.textContent()).toContain('“Ms Carter”: 3');
    expect(await spot.textContent()).toContain('“Mr Price”: 1');

    // Each outline sits over its post: the full-name box is inside post2's rectangle.
    const inside = await page.evaluate(() => {
      const post = document.querySelector('[data-post-id="post2"]')!.getBoundingClientRect();
      const box = (window as unknown as PgWindow).__pgRoot('policy-guard-ui')!.querySelector('.pg-outline[data-rule="full-name"]')!.getBoundingClientRect();
      return box.left >= post.left - 4 && box.right <= post.right + 4 && box.top >= post.top - 4 && box.bottom <= post.bottom + 4;
    });
    expect(inside).toBe(true);
    await h.screenshot(page, 'spot-check-class-story');

    // The feed grows (ClassDojo loads older posts as you scroll): only the new post is scanned.
    await page.evaluate(() => {
      const feed = document.querySelector('[data-name="storyFeed"]')!;
      const card = document.createElement('div');
      card.innerHTML = `<div data-name="storyPost" role="article" aria-label="Story post" data-post-id="older1">
        <div data-name="storyPostHeader"><h3>Ms Carter</h3><span class="nessie-text" title="2026-11-09T10:00:00Z">Mon</span></div>
        <div data-name="storyPostContents"><span data-name="richText">Well done Oliver Patel for his reading!</span></div></div>`;
      feed.append(card);
    });
    await expect.poll(() => spot.getAttribute('data-posts')).toBe('10');
    expect(await outlined('full-name')).toEqual(['older1', 'post2']);
    await page.close();
  });

  it('scans a feed of 500 posts in short slices (figures: npm run bench)', async () => {
    await h.setSpotCheck(true);
    const page = await h.openDojo(`${TEACH}?posts=500#/classes/c1/story`);
    const spot = page.locator(SPOT);
    await expect.poll(() => spot.getAttribute('data-posts'), { timeout: 15_000 }).toBe('500');
    const ms = Number(await spot.getAttribute('data-scan-ms'));
    const slice = Number(await spot.getAttribute('data-longest-slice-ms'));
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/spot-check-500.json', JSON.stringify({ posts: 500, scanMs: ms, longestSliceMs: slice }));
    // The scan yielded to the page between slices: no single slice did the whole feed.
    expect(ms).toBeGreaterThan(0);
    expect(slice).toBeLessThan(ms);
    // Every breach in the generated feed is outlined: its 8 source posts repeat, 3 of them with a breach.
    expect(Number(await spot.getAttribute('data-flagged'))).toBeGreaterThanOrEqual(Math.floor((500 * 3) / 8));
    await page.close();
  });

  // Issue 14/22, probe 17 R4: ClassDojo loads older posts 20 at a time as a leader scrolls. Each load must cost
  // the page's main thread work in proportion to the 20 new posts, in short tasks, however long the feed
  // already is: before, each load was one task over the whole feed (1 s to 2.8 s). Long tasks are the page's
  // own PerformanceObserver's ('longtask': any task over 50 ms on the page's main thread, the content
  // scripts' included). The bound is generous for a loaded machine (2 shared cores), far under what a load
  // cost before (figures: test-results/spot-growth.json).
  it('keeps every task short while a 500-post feed grows by 20 posts with findings at a time', async () => {
    await h.setSpotCheck(true);
    const page = await h.openDojo(`${TEACH}?posts=500#/classes/c1/story`);
    await page.setViewportSize({ width: 1280, height: 900 });
    const spot = page.locator(SPOT);
    await page.evaluate(LONG_TASKS);
    await expect.poll(() => spot.getAttribute('data-posts'), { timeout: 30_000 }).toBe('500');
    await page.waitForTimeout(500);
    const opening = (await page.evaluate('window.__long')) as number[];
    const flaggedBefore = Number(await spot.getAttribute('data-flagged'));
    const profile = process.env.PG_PROFILE ? await page.context().newCDPSession(page) : undefined;
    if (profile) {
      await profile.send('Profiler.enable');
      await profile.send('Profiler.setSamplingInterval', { interval: 200 });
      await profile.send('Profiler.start');
    }
    const loads: number[][] = [];
    for (let k = 0; k < 10; k++) {
      await page.evaluate('window.__long = []');
      await page.evaluate(plantPosts(k, 20));
      await expect.poll(() => spot.getAttribute('data-posts'), { timeout: 30_000 }).toBe(String(520 + 20 * k));
      await page.waitForTimeout(400);
      loads.push((await page.evaluate('window.__long')) as number[]);
    }
    mkdirSync('test-results', { recursive: true });
    if (profile) writeFileSync('test-results/spot-growth.cpuprofile', JSON.stringify((await profile.send('Profiler.stop')).profile));
    const longest = Math.max(0, ...loads.flat());
    writeFileSync('test-results/spot-growth.json', JSON.stringify({ opening, loads, longest }));
    // Every new post was scanned and marked (each names a child's health), its badge drawn.
    expect(Number(await spot.getAttribute('data-flagged'))).toBe(flaggedBefore + 200);
    await expect.poll(() => page.locator('pg=[data-policy-guard="post-badge"][data-post-id="g9-19"]').count()).toBe(1);
    expect(longest).toBeLessThan(400);
    await page.close();
  }, 180_000);

  it('declares the keyboard shortcut in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.commands['toggle-spot-check'].suggested_key.default).toBe('Alt+Shift+S');
  });
});

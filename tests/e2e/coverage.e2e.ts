/**
 * Nothing Policy Guard shows on its own covers what a person reads or types into (issue 20, second probe):
 * at 1024×700, 800×600, 1280×800 and 200% zoom, on Class Story (with calendar events) and in a class chat,
 * with the spot-check on and a draft with findings in the message box, every word of every post, event,
 * message and thread header in view, the message box and Post/Send are checked at every scroll stop
 * (tests/e2e/coverage.ts). The guidance panel folds to its badge, or a strip at the window's edge, rather
 * than cover a line's end (lib/ui/placement.ts); the spot-check summary docks beside the column of what is
 * read, or folds to a tab (lib/ui/spot-dock.ts). What the person opens on purpose (the badge's panel, the
 * summary's tab) may lie over the page: that is not checked here.
 */
import { describe, expect, it } from 'vitest';
import { c1Pupils } from './class-c1';
import { coverageWhileScrolling } from './coverage';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';
import { windowScreenshot, zoomTo } from './zoom';

const SPOT = 'pg=[data-policy-guard="spot-check"]';
const DRAFT = 'Well done Amelia Hughes for her brilliant story writing this week! Jayden Smith-Walker has been diagnosed with asthma and needs his inhaler, please remind him.';

const PAGES = [
  { name: 'story', url: `${TEACH}?events=1#/classes/c1/story`, box: '[data-name="storyComposerTextarea"]', items: 11 },
  { name: 'chat', url: `${TEACH}#/classes/c1/messaging/g1`, box: '[data-name="messageComposerInput"]', items: 4 },
] as const;

const SIZES = [
  { name: '1024x700', width: 1024, height: 700, zoom: 1 },
  { name: '800x600', width: 800, height: 600, zoom: 1 },
  { name: '1280x800', width: 1280, height: 800, zoom: 1 },
  { name: 'zoom200', width: 1280, height: 800, zoom: 2 },
];


describe('Policy Guard covers nothing a person reads or types into', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', c1Pupils(false));
    await h.setSpotCheck(true);
  });

  for (const size of SIZES) {
    for (const p of PAGES) {
      it(`${p.name} at ${size.name}, spot-check on, a draft with findings`, async () => {
        const page = await h.openDojo(p.url);
        await page.setViewportSize({ width: size.width, height: size.height });
        if (size.zoom !== 1) {
          await zoomTo(h, page, size.zoom);
          await expect.poll(() => page.evaluate('innerWidth')).toBe(size.width / size.zoom);
        }
        await expect.poll(() => page.locator(SPOT).getAttribute('data-posts')).toBe(String(p.items));
        await page.locator(p.box).fill(DRAFT);
        await page.locator(`${PANEL} [data-rule="full-name"]`).first().waitFor({ state: "attached" });
        const { stops, words, controls } = await coverageWhileScrolling(page);
        await windowScreenshot(page, `coverage-${p.name}-${size.name}`);
        const dock = await page.locator(SPOT).getAttribute('data-dock');
        const panel = await page.locator(PANEL).getAttribute('data-placement');
        console.log(`[coverage] ${p.name} ${size.name}: ${words} word boxes and ${controls} controls at ${stops.length} stops; summary ${dock}, panel ${panel}`);
        expect(words).toBeGreaterThan(p.name === 'story' ? 150 : 40);
        expect(controls).toBeGreaterThan(0);
        // Chrome keeps a zoom for the whole origin: back to 100% before anything else runs.
        if (size.zoom !== 1) await zoomTo(h, page, 1);
        for (const stop of stops) expect(stop.covered, `${p.name} ${size.name}, scrolled to ${stop.y}`).toEqual([]);
        await page.close();
      });
    }
  }
});

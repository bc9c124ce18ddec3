/**
 * Issue 14, probe 14i HIGH 2: Chromium reports layout shifts inside Policy Guard's closed shadow roots to the
 * page's own PerformanceObserver (the node is withheld; the score and each source's rectangles are not). What
 * the panel and the spot-check overlay found must not move their content in a way the page can tell apart.
 * Copied from the probe (tests/e2e/probe14i.e2e.ts in the probe branch), red before the fix.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { c1Pupils } from './class-c1';
import { PANEL, TEACH } from './harness';
import { PLANT_POST } from './page-attacks';
import { SealedView } from './unseal';
import { useHarness } from './use-harness';

const ROSTER = [
  { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
  { first: 'Harry', last: 'Davies', photoConsent: false, inCare: false },
  { first: 'Leo', last: 'Wright', photoConsent: true, inCare: true },
  { first: 'Grace', last: 'Taylor', photoConsent: true, inCare: false },
];

/**
 * The page's own PerformanceObserver, installed before any script: every layout shift it is told of, as the
 * value and each source's rectangles before and after (the source's node is withheld, its rectangles are not).
 */
const SHIFTS = String.raw`(() => {
  const shifts = (window.__shifts = []);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const rect = (r) => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
      shifts.push(e.value.toFixed(5) + ' ' + e.sources.map((s) => rect(s.previousRect) + '>' + rect(s.currentRect)).join(' '));
    }
  }).observe({ type: 'layout-shift', buffered: true });
})()`;

describe('probe 14i: what the page learns from the panel’s layout', () => {
  const h = useHarness({ unseal: false }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  /** A fresh story page, with a photo the page adds itself; the page's own draft naming `pupil`. */
  const story = async (pupil: string): Promise<{ page: Page; ui: SealedView }> => {
    const page = await h.context.newPage();
    await page.addInitScript(SHIFTS);
    await page.goto(`${TEACH}#/classes/c1/story`);
    await page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);
    const ui = await SealedView.of(page);
    await ui.waitFor('[data-policy-guard="panel"]');
    await page.evaluate(`document.querySelector('[data-name="addPhotoButton"]').click()`);
    await page.waitForTimeout(800);
    await page.evaluate('window.__shifts.length = 0');
    await page.evaluate(`(() => {
      const box = document.querySelector('[data-name="storyComposerTextarea"]');
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(box, ${JSON.stringify(`Lovely work from ${pupil} today.`)});
      box.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
    await page.waitForTimeout(1500);
    return { page, ui };
  };

  // HIGH 2. Chromium reports layout shifts inside closed shadow roots to the page's PerformanceObserver: the node
  // is withheld but its rectangles and the score are not. The panel's content moving when it shows a finding
  // tells the page, for a name it writes into ClassDojo's own composer with a photo, whether the roster says the
  // pupil has photo consent, has none, or is in care (each gives a different entry; a name with consent gives
  // the same as a name not on the roster).
  it('cannot tell from its layout-shift entries what the roster says of a pupil it names', async () => {
    const seen: Record<string, string[]> = {};
    for (const pupil of ['Amelia Hughes', 'Harry Davies', 'Leo Wright']) {
      const { page, ui } = await story(pupil);
      // The panel does show something different for each (so the comparison below is not vacuous).
      const text = await ui.text();
      if (pupil === 'Amelia Hughes') expect(text).not.toContain('has no photo consent');
      if (pupil === 'Harry Davies') expect(text).toContain('has no photo consent');
      if (pupil === 'Leo Wright') expect(text).toContain('is in Local Authority care');
      seen[pupil] = (await page.evaluate('window.__shifts.slice()')) as string[];
      await page.close();
    }
    expect(seen['Harry Davies'], 'no photo consent').toEqual(seen['Amelia Hughes']);
    expect(seen['Leo Wright'], 'in care').toEqual(seen['Amelia Hughes']);
  });
});

describe('probe 14i: what the page learns from the spot-check overlay’s layout', () => {
  const h = useHarness({ unseal: false }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', c1Pupils(true));
    await h.setSpotCheck(true);
  });

  // HIGH 2, in the spot-check: sealed.e2e.ts holds that the page's own size says nothing of which posts the
  // overlay marked, but the overlay's summary moving when it lists a post tells the page's PerformanceObserver:
  // a hidden post the page plants naming "Amelia Hughes" (a pupil's full name on the roster: a finding) gives a
  // layout shift inside the summary, one naming "Amelia" gives none.
  it('cannot tell from its layout-shift entries whether a post it planted has a finding', async () => {
    const seen: Record<string, string[]> = {};
    for (const name of ['Amelia', 'Amelia Hughes']) {
      const page = await h.context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.addInitScript(SHIFTS);
      await page.goto(`${TEACH}#/classes/c1/story`);
      const ui = await SealedView.of(page);
      await ui.waitFor('[data-policy-guard="spot-finding"]');
      await page.waitForTimeout(1500);
      await page.evaluate('window.__shifts.length = 0');
      await page.evaluate(PLANT_POST(`Well done ${name} today`, true));
      // The post was scanned and marked, so the comparison is not vacuous.
      if (name === 'Amelia Hughes') await ui.waitFor('[data-post-id="spy1"].pg-outline, .pg-post-badge[data-post-id="spy1"]');
      await page.waitForTimeout(2000);
      seen[name] = (await page.evaluate('window.__shifts.slice()')) as string[];
      await page.close();
    }
    expect(seen['Amelia Hughes']).toEqual(seen.Amelia);
  });
});

describe('the panel’s content rebuilt after each change (components/unshifting.ts) keeps the teacher’s place', () => {
  const h = useHarness({}, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  // Each change inside the panel hides its content for one forced style pass: a panel button the teacher has
  // focused from the keyboard must keep the focus across the updates the draft brings, and still answer keys.
  it('keeps keyboard focus on a panel button while what the panel found changes', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator(PANEL).waitFor();
    await page.evaluate(`document.querySelector('[data-name="addPhotoButton"]').click()`);
    const hide = page.locator(`${PANEL} .pg-header .pg-icon-button`).last();
    await hide.focus();
    const focused = () => hide.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el && document.activeElement !== document.body);
    expect(await focused()).toBe(true);
    for (const pupil of ['Harry Davies', 'Leo Wright', 'Amelia Hughes']) {
      await page.evaluate(`(() => {
        const box = document.querySelector('[data-name="storyComposerTextarea"]');
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(box, ${JSON.stringify(`Lovely work from ${pupil} today.`)});
        box.dispatchEvent(new Event('input', { bubbles: true }));
      })()`);
      if (pupil === 'Harry Davies') await page.locator(`${PANEL} [data-rule="photo-consent"]`).waitFor();
      await page.waitForTimeout(700);
      expect(await focused(), pupil).toBe(true);
    }
    // The key goes to the button: the panel folds to its tab.
    await page.keyboard.press('Enter');
    await page.locator('pg=[data-policy-guard="panel-tab"]').waitFor();
  });
});

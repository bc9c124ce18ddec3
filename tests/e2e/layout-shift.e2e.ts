/**
 * The page learns nothing of what Policy Guard shows from Chromium's Layout Instability API (probe 14h, H1 and
 * H2). `PerformanceObserver({ type: 'layout-shift', buffered: true })` reports every laid-out box whose start
 * moved, boxes inside closed shadow roots included: their `node` is null (the page's own are named), their
 * rectangles are not hidden. Before the seal made a root's boxes anew after each change
 * (entrypoints/content/core/seal.ts `relayout`), the panel's rows moved differently for a tagged pupil with
 * consent, without photo consent and in care; the docked badge's icon moved when a count appeared; the panel's
 * lines moved as the class id in the address switched between a class with a roster and one without; the
 * spot-check's marks followed the posts the page nudged (so it learnt which were flagged); and the summary's rows
 * moved when the leader set a verdict.
 *
 * Here a script of the page's, in its main world and from before the first paint, keeps every source whose node
 * is null, through all of that, driven by the page's own script (composer, address) and by real input (the
 * leader's click): none may come.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEACH } from './harness';
import { SealedView } from './unseal';
import { useHarness } from './use-harness';

const ROSTER = [
  { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
  { first: 'Harry', last: 'Davies', photoConsent: false, inCare: false },
  { first: 'Leo', last: 'Wright', photoConsent: true, inCare: true },
  { first: 'Grace', last: 'Taylor', photoConsent: true, inCare: false },
  // The story feed's pupils (tests/e2e/class-c1.ts); post9 is a photo of Oliver Patel, who has no photo consent.
  { first: 'Jayden', last: 'Smith-Walker', photoConsent: true, inCare: false },
  { first: 'Oliver', last: 'Bennett', photoConsent: true, inCare: false },
  { first: 'Oliver', last: 'Patel', photoConsent: false, inCare: false },
];

/** The page's observer: every shifted box that is not the page's own, as "x,y,w,h>x,y,w,h" with the step it came in. */
const OBSERVE = String.raw`(() => {
  window.__step = 'load';
  window.__ours = [];
  const r = (b) => [b.x, b.y, b.width, b.height].map(Math.round).join(',');
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) for (const s of e.sources || []) {
      if (!s.node) window.__ours.push(window.__step + (e.hadRecentInput ? ' (input) ' : ' ') + r(s.previousRect) + '>' + r(s.currentRect));
    }
  }).observe({ type: 'layout-shift', buffered: true });
})()`;

/** The page's own composer, as probe-h2 drives it: a photo, one pupil tagged, a caption; or back to a clean draft. */
const RESET = `(() => {
  for (const b of [...document.querySelectorAll('button')].filter((b) => /^Remove /.test(b.getAttribute('aria-label') || ''))) b.click();
  for (const c of document.querySelectorAll('[data-name="studentTagOption"]')) if (c.checked) c.click();
  const box = document.querySelector('[data-name="storyComposerTextarea"]');
  box.focus(); box.select();
  document.execCommand('insertText', false, 'Nice work today everyone.');
})()`;
const TAG = (name: string) => `(() => {
  document.querySelector('[data-name="addPhotoButton"]').click();
  if (!document.querySelector('[data-name="studentTagPicker"]')) document.querySelector('[data-name="tagStudentsButton"]').click();
  const c = [...document.querySelectorAll('[data-name="studentTagPicker"] label')].find((l) => l.textContent.includes(${JSON.stringify(name)}));
  c.querySelector('input').click();
  const box = document.querySelector('[data-name="storyComposerTextarea"]');
  box.focus(); box.select();
  document.execCommand('insertText', false, 'Lovely painting today!');
})()`;
const SAY = (sel: string, text: string) => `(() => {
  const box = document.querySelector('${sel}');
  box.focus();
  if (box.select) box.select(); else document.execCommand('selectAll');
  document.execCommand('insertText', false, ${JSON.stringify(text)});
})()`;

async function open(page: Page, url: string): Promise<void> {
  await page.addInitScript(OBSERVE);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);
  await page.waitForTimeout(1500);
}
const step = (page: Page, name: string) => page.evaluate(`window.__step = ${JSON.stringify(name)}`);
const ours = (page: Page) => page.evaluate('window.__ours.slice()') as Promise<string[]>;

describe('layout shifts of Policy Guard’s UI are not seen by the page', () => {
  const h = useHarness({ unseal: false }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  it('the panel: photo drafts tagging a pupil with consent, without photo consent, in care; drafts with and without findings', async () => {
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 860 });
    await open(page, `${TEACH}#/classes/c1/story`);
    const ui = await SealedView.of(page);
    const shown = new Set<string>();
    for (const pupil of ['Amelia Hughes', 'Leo Wright', 'Harry Davies', 'Grace Taylor', 'Leo Wright']) {
      await step(page, `reset before ${pupil}`);
      await page.evaluate(RESET);
      await page.waitForTimeout(900);
      await step(page, `tag ${pupil}`);
      await page.evaluate(TAG(pupil));
      await page.waitForTimeout(900);
      shown.add(await ui.text());
    }
    for (const draft of ['Nice work today.', 'Leo Wright has been diagnosed with ADHD and is in care.', 'Well done Amelia Hughes and Harry Davies.', 'Nice work today.']) {
      await step(page, `say ${draft}`);
      await page.evaluate(SAY('[data-name="storyComposerTextarea"]', draft));
      await page.waitForTimeout(900);
    }
    // The pupils did change what the panel shows (consent, none, in care: else this test would prove nothing).
    expect(shown.size, [...shown].join('\n---\n')).toBeGreaterThanOrEqual(3);
    expect(await ours(page)).toEqual([]);
    await page.close();
  });

  for (const [name, url, sel] of [
    ['class chat', `${TEACH}#/classes/c1/messaging/g1`, '[data-name="messageComposerInput"]'],
    ['Class Story', `${TEACH}#/classes/c1/story`, '[data-name="storyComposerTextarea"]'],
  ] as const) {
    it(`the docked badge at 800×600 in ${name}, as drafts gain and lose findings`, async () => {
      const page = await h.context.newPage();
      await page.setViewportSize({ width: 800, height: 600 });
      await open(page, url);
      const ui = await SealedView.of(page);
      expect(await ui.centre('[data-policy-guard="panel-badge"]'), 'the panel is folded to its badge').toBeTruthy();
      for (const draft of ['Nice work today.', 'Well done Amelia Hughes.', 'Nice work today.', 'Leo Wright has been diagnosed with ADHD.', 'Nice work today.', 'Well done Zara Quill.']) {
        await step(page, `say ${draft}`);
        await page.evaluate(SAY(sel, draft));
        await page.waitForTimeout(900);
      }
      expect(await ours(page)).toEqual([]);
      await page.close();
    });
  }

  it('the class id in the address switched between a class with a roster and one without', async () => {
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 860 });
    await open(page, `${TEACH}#/classes/c2/points`);
    for (const c of ['c1', 'c2', 'c1', 'c2']) {
      await step(page, `class ${c}`);
      await page.evaluate(`location.hash = '#/classes/${c}/points'`);
      await page.waitForTimeout(1500);
    }
    expect(await ours(page)).toEqual([]);
    await page.close();
  });

  it('the spot-check: the page nudges every post; the leader sets a verdict with the mouse', async () => {
    await h.setSpotCheck(true);
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 860 });
    await open(page, `${TEACH}#/classes/c1/story`);
    const ui = await SealedView.of(page);
    await ui.waitFor('[data-policy-guard="spot-check"]', 20_000);
    await page.waitForTimeout(2000);
    const ids = (await page.evaluate(`[...document.querySelectorAll('[data-post-id]')].map((p) => p.getAttribute('data-post-id'))`)) as string[];
    expect(await ui.centre('.pg-outline'), 'posts are outlined').toBeTruthy();
    for (const id of ids) {
      await step(page, `nudge ${id}`);
      await page.evaluate(`document.querySelector('[data-post-id="${id}"]').scrollIntoView({ block: 'center' })`);
      await page.waitForTimeout(400);
      await page.evaluate(`document.querySelector('[data-post-id="${id}"]').style.transform = 'translateX(23px)'`);
      await page.waitForTimeout(600);
      await page.evaluate(`document.querySelector('[data-post-id="${id}"]').style.transform = ''`);
      await page.waitForTimeout(400);
    }
    for (const sel of ['[data-policy-guard="spot-finding"] button[data-outcome]', '[data-policy-guard="spot-finding"] button[data-outcome="follow-up"]']) {
      await step(page, `verdict ${sel}`);
      const at = await ui.centre(sel);
      expect(at, sel).toBeTruthy();
      await page.mouse.move(at!.x, at!.y, { steps: 4 });
      await page.waitForTimeout(700);
      await page.mouse.click(at!.x, at!.y);
      await page.waitForTimeout(1200);
    }
    expect(await ours(page)).toEqual([]);
    await page.close();
    await h.setSpotCheck(false);
  });
});

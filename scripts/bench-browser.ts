/**
 * `npm run bench`, in the browser: the built extension in Debian's Chromium against the fixture apps.
 * The spot-check of a 500-post Class Story, page load after page load: the total time the scan kept the
 * main thread busy, and its longest single slice (what scrolling could have waited for); the content
 * script's size and time to ready; and the time from a keystroke to the panel's update, in each composer.
 * Needs a build (`npm run bench` makes one) and Chromium.
 */
import { c1Pupils } from '../tests/e2e/class-c1';
import { EXTENSION_DIR, launchExtension, TEACH } from '../tests/e2e/harness';
import { optionsFetchedOnOpen } from '../tests/e2e/page-fetches';
import type { PgWindow } from '../tests/e2e/unseal';
import { BUDGETS, bundleSizes, kb, type Part } from './bundle-sizes';

const RUNS = 15;
const KEYSTROKES = 40;
/** The checker's debounce (entrypoints/content/guard.ts) and one frame at 60 Hz: the panel's aim after a keystroke. */
const DEBOUNCE_MS = 120;
const FRAME_MS = 1000 / 60;
/** Composers the keystroke latency is measured in: the fixture's textarea, and real editor libraries. */
const LATENCY_VARIANTS: [string, string][] = [
  ['textarea', ''],
  ['contenteditable', '?composer=editable'],
  ['Draft.js', '?editor=draftjs'],
  ['Lexical', '?editor=lexical'],
  ['ProseMirror', '?editor=prosemirror'],
  ['Slate', '?editor=slate'],
];

function stats(values: number[]) {
  const v = [...values].sort((a, b) => a - b);
  const q = (p: number) => v[Math.min(v.length - 1, Math.ceil(p * v.length) - 1)]!;
  return { median: q(0.5), p95: q(0.95), max: v[v.length - 1]! };
}
const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(10);

const h = await launchExtension();
try {
  await h.choosePolicy('bentley-new-village');
  await h.setRoster('c1', c1Pupils(false));
  await h.setSpotCheck(true);
  const busy: number[] = [];
  const slices: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await h.openDojo(`${TEACH}?posts=500#/classes/c1/story`);
    const spot = page.locator('pg=[data-policy-guard="spot-check"]');
    await page.waitForFunction(
      // The test access to the closed roots (tests/e2e/unseal.ts) comes a few ms after the panel: wait for both.
      () => (window as unknown as Partial<PgWindow>).__pgRoot?.('policy-guard-ui')?.querySelector('[data-policy-guard="spot-check"]')?.getAttribute('data-posts') === '500',
      undefined,
      { timeout: 30_000 },
    );
    busy.push(Number(await spot.getAttribute('data-scan-ms')));
    slices.push(Number(await spot.getAttribute('data-longest-slice-ms')));
    await page.close();
  }
  const b = stats(busy);
  const s = stats(slices);
  console.log(`\nSpot-check of a 500-post Class Story in Chromium, ${RUNS} page loads (aim: under 150 ms; never blocks scrolling):\n`);
  console.log(`  ${''.padEnd(36)} ${'median'.padStart(10)} ${'p95'.padStart(10)} ${'max'.padStart(10)}`);
  console.log(`  ${'main thread busy, whole scan'.padEnd(36)} ${ms(b.median)} ${ms(b.p95)} ${ms(b.max)}`);
  console.log(`  ${'longest slice before yielding'.padEnd(36)} ${ms(s.median)} ${ms(s.p95)} ${ms(s.max)}`);

  // The content script's cost on every ClassDojo page, on a page with 500 posts: the time from its first
  // line (document idle, when the browser runs it) to ready (panel mounted); and, since ClassDojo's app (as
  // the fixture's) draws its page after that, from the app drawing its message box to Policy Guard having
  // found it (their visibility asks for the page's styles, now those of 500 posts). The "ready" is
  // both: the panel, and the boxes found.
  await h.setSpotCheck(false);
  const ready: number[] = [];
  const composers: number[] = [];
  const own: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const styled of [false, true]) {
      const page = await h.openDojo(`${TEACH}?posts=500${styled ? '&styled=1' : ''}#/classes/c1/story`);
      await page.waitForFunction(() => document.querySelector('policy-guard-ui')?.hasAttribute('data-composers-at'), undefined, { timeout: 30_000 });
      const [all, foundAt, drawnAt, styledAt] = (await page.evaluate(`[
        Number(document.querySelector('policy-guard-ui').getAttribute('data-ready-ms')),
        Number(document.querySelector('policy-guard-ui').getAttribute('data-composers-at')),
        window.__dojo.drawnAt,
        window.__dojo.styledAt,
      ]`)) as number[];
      if (styled) own.push(foundAt! - styledAt!);
      else {
        ready.push(all!);
        composers.push(foundAt! - drawnAt!);
      }
      await page.close();
    }
  }
  const r = stats(ready);
  const c = stats(composers);
  const o = stats(own);
  console.log(`\nThe content script on a 500-post Class Story, ${RUNS} loads${' '.repeat(10)}median        p95        max`);
  console.log(`  ${'first line to ready (panel mounted)'.padEnd(48)} ${ms(r.median)} ${ms(r.p95)} ${ms(r.max)}   aim: at most 20 ms median${r.median <= 20 ? '' : '  (OVER)'}`);
  console.log(`  ${'app draws its message box to found'.padEnd(48)} ${ms(c.median)} ${ms(c.p95)} ${ms(c.max)}   (with the browser styling the 500 posts)`);
  console.log(`  ${'  the same, the page already styled'.padEnd(48)} ${ms(o.median)} ${ms(o.p95)} ${ms(o.max)}   aim: at most 20 ms median${o.median <= 20 ? '' : '  (OVER)'}`);

  // What each part of the extension loads at once, gzipped, against its budget (tests/size runs the same).
  const sizes = bundleSizes();
  console.log('\nSizes of the build (each part with every file it loads at once):\n');
  for (const part of Object.keys(BUDGETS) as Part[]) {
    const sz = sizes[part];
    console.log(`  ${part.padEnd(11)} ${kb(sz.raw).padStart(9)} minified ${kb(sz.gz).padStart(9)} gzipped   aim: at most ${kb(BUDGETS[part])}${sz.gz <= BUDGETS[part] ? '' : '  (OVER)'}`);
  }
  // What the options page fetches in Chromium in its first 3 s (a policy chosen, a class roster stored): the
  // files above plus any part drawn at once that loads its own code (tests/e2e/options-load.e2e.ts asserts it).
  const opened = await optionsFetchedOnOpen(h);
  await opened.page.close();
  console.log(`  ${'options, fetched in Chromium in 3 s of opening'.padEnd(47)} ${kb(opened.gz).padStart(9)} gzipped   aim: at most ${kb(BUDGETS.options)}${opened.gz <= BUDGETS.options ? '' : '  (OVER)'}  (${opened.files.length} files)`);

  // From a keystroke (a real input event, typed through the browser's input pipeline) to the panel painted
  // with the findings for the new text (the frame after the panel's DOM changed): the checker's 120 ms
  // debounce, the check, the render and a frame. And the check's own main-thread time (reading the draft and
  // checking it), as the checker measures it. Every composer goes through the debounce: Ctrl+A's keydown and
  // the insert's beforeinput start it, and an editor's redraw does not cut it short (guard.ts, refresh).
  const aimMs = DEBOUNCE_MS + FRAME_MS;
  console.log(`\nKeystroke to panel painted, Class Story (600 characters), ${KEYSTROKES} edits (aim: p95 within the ${DEBOUNCE_MS} ms debounce + one frame = ${aimMs.toFixed(1)} ms; the check itself at most 2 ms p95):\n`);
  console.log(`  ${'composer'.padEnd(20)} ${'median'.padStart(10)} ${'p95'.padStart(10)} ${'max'.padStart(10)}   ${'check median'.padStart(12)} ${'check p95'.padStart(10)}`);
  const allChecks: number[] = [];
  const allPaints: number[] = [];
  for (const [label, query] of LATENCY_VARIANTS) {
    const page = await h.openDojo(`${TEACH}${query}#/classes/c1/story`);
    await page.locator('pg=[data-policy-guard="audience"]').waitFor();
    const box = page.locator('[data-name="storyComposer"] textarea, [data-name="storyComposer"] [contenteditable="true"]').first();
    await box.click();
    const times: number[] = [];
    const checks: number[] = [];
    // A 600-character post around the name, as a teacher's Class Story post runs.
    const filler = 'We had a brilliant week in Class 3, with reading books every day, PE on Tuesday and a trip to the library. ';
    const padding = filler.repeat(6).slice(0, 560);
    for (let i = 0; i < KEYSTROKES; i++) {
      const name = i % 2 ? 'Amelia Hughes' : 'Grace Taylor';
      await page.keyboard.press('Control+a');
      // Sent as source text: under tsx, a function's inner helpers would be wrapped in esbuild's __name(),
    // which does not exist in the page.
    await page.evaluate(`(() => {
      const expected = ${JSON.stringify(name)};
      const root = window.__pgRoot('policy-guard-ui');
      document.addEventListener('beforeinput', (e) => { window.__t0 = e.timeStamp; }, { capture: true, once: true });
      window.__done = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if ([...root.querySelectorAll('[data-rule="full-name"]')].some((el) => el.textContent.includes('“' + expected + '”'))) {
            observer.disconnect();
            // Painted in the next frame: its callback runs just before that frame is drawn.
            requestAnimationFrame(() => resolve(performance.now()));
          }
        });
        observer.observe(root, { childList: true, subtree: true, characterData: true });
      });
    })()`);
      await page.keyboard.insertText(`${padding} Well done ${name} for try ${i}`);
      times.push(await page.evaluate<number>(`window.__done.then((t1) => t1 - window.__t0)`));
      checks.push(await page.evaluate<number>(`Number(window.__pgRoot('policy-guard-ui').querySelector('[data-policy-guard="audience"]').getAttribute('data-check-ms'))`));
    }
    const k = stats(times);
    const ck = stats(checks);
    allChecks.push(...checks);
    allPaints.push(...times);
    console.log(`  ${label.padEnd(20)} ${ms(k.median)} ${ms(k.p95)} ${ms(k.max)}   ${ms(ck.median).padStart(12)} ${ms(ck.p95)}`);
    await page.close();
  }
  const paint = stats(allPaints);
  const check = stats(allChecks);
  console.log(`  ${'all composers'.padEnd(20)} ${ms(paint.median)} ${ms(paint.p95)} ${ms(paint.max)}   ${ms(check.median).padStart(12)} ${ms(check.p95)}`);
  console.log(`  panel painted p95 ${paint.p95.toFixed(1)} ms (aim ${aimMs.toFixed(1)} ms${paint.p95 <= aimMs ? '' : ', OVER'}); check p95 ${check.p95.toFixed(2)} ms (aim 2 ms${check.p95 <= 2 ? '' : ', OVER'})`);
  h.assertNoForeignRequests();
} finally {
  await h.close();
}

/**
 * What Chromium's Layout Instability API (`PerformanceObserver` type `layout-shift`) reports, checked on this
 * machine's Chromium before relying on it (tests/e2e/layout-shift.e2e.ts, the seal's relayout in
 * entrypoints/content/core/seal.ts). A page of our own at a made-up origin, no extension involved:
 * (a) an inserted element is not a shift; (b) a change of `transform` is not; (c) a change of size alone is
 * not; (d) a shift within 500 ms of a person's input is still reported (`hadRecentInput`); (e) a cross-origin
 * frame's inner shifts are not reported to its parent; (f) a box in a closed shadow root that moves is reported
 * (its node hidden), unless the root's layout boxes are made anew in the same task (an adopted sheet hiding
 * them as `display: contents`, a style read, the sheet taken away): then nothing is; (g) that keeps the focus
 * where it was.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium';

const PARENT = String.raw`<!doctype html><html><body style="margin:0">
<div id="moved" style="position:absolute;top:10px;left:10px;width:100px;height:40px;background:#ccc">moved</div>
<div id="tr" style="position:absolute;top:10px;left:200px;width:100px;height:40px;background:#cfc">transform</div>
<div id="sz" style="position:absolute;top:10px;left:400px;width:100px;height:40px;background:#ccf">size</div>
<button id="btn" style="position:absolute;top:300px;left:10px">press</button>
<div id="host" style="position:absolute;top:100px;left:10px"></div>
<iframe id="fr" src="https://other.test/" style="position:absolute;top:400px;left:10px;width:300px;height:150px;border:0"></iframe>
<script>
window.__e = [];
window.__phase = 'load';
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__e.push({ phase: window.__phase, input: e.hadRecentInput, sources: (e.sources || []).map((s) => ({ node: s.node ? (s.node.id || s.node.nodeName) : null, y: Math.round(s.currentRect.y), py: Math.round(s.previousRect.y) })) }); }).observe({ type: 'layout-shift', buffered: true });
const root = document.getElementById('host').attachShadow({ mode: 'closed' });
root.innerHTML = '<div id="inner" style="position:absolute;top:0;left:0;width:120px;height:30px;background:#fcc">inner</div><button id="ib" style="position:absolute;top:60px;left:0">inner button</button>';
window.__inner = root.getElementById('inner');
window.__ib = root.getElementById('ib');
window.__root = root;
const hide = new CSSStyleSheet();
hide.replaceSync(':host>*{display:contents!important}');
window.__relayout = () => {
  const sheets = [...root.adoptedStyleSheets];
  root.adoptedStyleSheets = [...sheets, hide];
  getComputedStyle(root.firstElementChild).display;
  root.adoptedStyleSheets = sheets;
};
document.getElementById('btn').addEventListener('click', () => { document.getElementById('moved').style.top = '60px'; });
</script></body></html>`;
const CHILD = String.raw`<!doctype html><body style="margin:0"><div id="c" style="position:absolute;top:0;left:0;width:200px;height:40px;background:#ffc">child</div>
<script>window.addEventListener('message', () => { document.getElementById('c').style.top = '80px'; });</script></body>`;

const frames = (n = 3) => `new Promise((r) => { let i = 0; const f = () => (++i >= ${n} ? r(0) : requestAnimationFrame(f)); requestAnimationFrame(f); })`;

describe('what the Layout Instability API reports (facts relied on)', () => {
  // No extension: this is about the browser alone. Its own browser, with every request answered by the page's route.
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--host-resolver-rules=MAP * ~NOTFOUND'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reports moved boxes, closed roots included, but not insertions, transforms, resizes, other origins’ frames, or boxes made anew', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.route('https://lab.test/**', (r) => r.fulfill({ contentType: 'text/html', body: PARENT }));
    await page.route('https://other.test/**', (r) => r.fulfill({ contentType: 'text/html', body: CHILD }));
    await page.goto('https://lab.test/');
    await page.waitForTimeout(800);
    const step = async (phase: string, code: string) => {
      await page.evaluate(`window.__phase = ${JSON.stringify(phase)}; ${code}`);
      await page.evaluate(frames());
      await page.waitForTimeout(150);
    };
    await step('control', `document.getElementById('moved').style.top = '30px'`);
    await step('f-closed', `window.__inner.style.top = '20px'`);
    await step('f-relayout', `window.__inner.style.top = '45px'; window.__relayout()`);
    await step('g-focus', `window.__ib.focus(); window.__pre = window.__root.activeElement === window.__ib; window.__ib.style.top = '90px'; window.__relayout(); window.__syncFocus = window.__root.activeElement === window.__ib; setTimeout(() => { window.__taskFocus = window.__root.activeElement === window.__ib; })`);
    await step('f-after', `window.__inner.style.top = '70px'`);
    await step('a-insert', `const d = document.createElement('div'); d.id = 'new'; d.textContent = 'new'; d.style.cssText = 'position:absolute;top:200px;left:300px'; document.body.append(d)`);
    await step('b-transform', `document.getElementById('tr').style.transform = 'translate(40px, 50px)'`);
    await step('c-size', `const s = document.getElementById('sz'); s.style.width = '180px'; s.style.height = '90px'`);
    await step('e-frame', `document.getElementById('fr').contentWindow.postMessage('go', '*')`);
    // Read right after the relayout and a task later (a blur would be due by then).
    const focusKept = (await page.evaluate('[window.__pre, window.__syncFocus, window.__taskFocus]')) as boolean[];
    // (d): a person's click, then the page moves a box.
    await page.evaluate(`window.__phase = 'd-input'`);
    await page.mouse.click(20, 310);
    await page.evaluate(frames());
    await page.waitForTimeout(200);
    const entries = (await page.evaluate('window.__e.filter((e) => e.phase !== "load")')) as { phase: string; input: boolean; sources: { node: string | null; y: number; py: number }[] }[];
    console.log('LSFACTS ' + JSON.stringify(entries) + ' focusKept=' + focusKept);
    const phases = (p: string) => entries.filter((e) => e.phase === p);
    expect(phases('control').flatMap((e) => e.sources.map((s) => s.node))).toContain('moved');
    expect(phases('a-insert'), '(a)').toEqual([]);
    expect(phases('b-transform'), '(b)').toEqual([]);
    expect(phases('c-size'), '(c)').toEqual([]);
    expect(phases('e-frame'), '(e)').toEqual([]);
    expect(phases('f-closed').flatMap((e) => e.sources), '(f) a closed root’s box is reported, its node hidden').toContainEqual({ node: null, y: 120, py: 100 });
    expect(phases('f-relayout'), '(f) boxes made anew are not').toEqual([]);
    expect(phases('g-focus'), '(g)').toEqual([]);
    // The boxes made anew are watched again from the next frame (the sheet is gone): a later move is reported.
    expect(phases('f-after').flatMap((e) => e.sources.map((s) => s.node)), 'tracked again afterwards').toEqual([null]);
    expect(focusKept, '(g) the focus stays').toEqual([true, true, true]);
    expect(phases('d-input').length, '(d)').toBeGreaterThan(0);
    expect(phases('d-input').every((e) => e.input), '(d) hadRecentInput').toBe(true);
    await page.close();
  });
});

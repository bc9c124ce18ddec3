/**
 * Probe 14n: a hostile page against focus-keeper.ts' newest defences (a frame, <object> or <embed> of the page's
 * that holds the focus is blurred while the host is inert; the page's focused box is blurred on an IME composition
 * event). Every frame here reports what it caught to the page's top window (postMessage), so frames of another
 * origin (sandboxed srcdoc, data: URL) count as the page's too. Left out, on branch probe-14n, as they still let a
 * few letters through on a loaded machine (PRIVACY.md): a sandboxed frame re-focused every 5 ms (up to 8), and
 * text composed by an input method into a frame of the page's (a word); and an honest teacher's click into a frame
 * of the page's while the gate is up, whose typing goes to the reason box (the gate is modal).
 */
import { describe, expect, it } from 'vitest';
import { c1Pupils } from './class-c1';
import { TEACH } from './harness';
import { SealedView } from './unseal';
import { onlyNoteFrame, reasonFrame } from './gate';
import { runAttack, type PageAttack, type Tag, type Target } from './page-attacks';
import { useHarness } from './use-harness';

const REASON = 'her mum told me she is in foster care now';
const NOTE = 'Mum says he is now in foster care';

const OURS = `(a) => !!a && (a.localName.startsWith('policy-guard') || a.hasAttribute('data-policy-guard-host'))`;

/** A frame document with a text box `t` that focuses `t` whenever its window gets the focus and reports `t`'s text to the top window. */
const inner = (opts: { editable?: boolean; refocus?: boolean } = {}) =>
  '<!doctype html>' +
  (opts.editable ? '<div id="t" contenteditable style="min-height:20px"></div>' : '<textarea id="t"></textarea>') +
  '<script>const t=document.getElementById("t");' +
  'const rep=()=>top.postMessage({pg14n:1,v:t.isContentEditable?t.textContent:t.value},"*");' +
  't.addEventListener("input",rep);t.addEventListener("keyup",rep);' +
  'addEventListener("focus",()=>t.focus());addEventListener("message",(e)=>{if(e.data==="f")t.focus()});' +
  (opts.refocus ? 'for(const ty of ["blur","focusout"])addEventListener(ty,()=>{try{window.focus();t.focus()}catch(e){}},true);' : '') +
  '</' + 'script>';

/** A nested frame: the outer document holds the inner one and passes the focus on. */
const outer = () =>
  '<!doctype html><body style="margin:0"><script>const i=document.createElement("iframe");i.id="in";i.srcdoc=' +
  JSON.stringify(inner()).replace(/<\//g, '<\\/') +
  ';i.style.cssText="width:2px;height:2px;border:0";document.body.append(i);' +
  'addEventListener("focus",()=>i.focus());addEventListener("message",(e)=>{if(e.data==="f"){i.focus();i.contentWindow.postMessage("f","*")}});' +
  '</' + 'script></body>';

/** What the page's frames reported, longest first seen: what reached the page at any moment. */
const GOT = 'window.__got || ""';
const LISTEN = `window.__got = ''; addEventListener('message', (e) => { if (e.data && e.data.pg14n && String(e.data.v).length >= window.__got.length) window.__got = String(e.data.v); });`;

/**
 * A thief like page-attacks' FRAME_INERT_THIEF: `make` (statements defining `f`, the element holding the frame)
 * and once, 1.6 s after the box first held the focus for 600 ms, host inert for `inertMs`, focus into `f`
 * (and, with `loop`, again every 5 ms; with `onEvents`, again on every focus/blur event the page hears).
 */
const framedThief = (make: string, o: { loop?: boolean; onEvents?: boolean; inertMs?: number } = {}) => String.raw`(() => {
  ${LISTEN}
  ${make}
  Object.assign(f.style, { position: 'fixed', left: '0', top: '0', width: '2px', height: '2px', opacity: '0.01', border: '0' });
  document.body.append(f);
  const go = () => { try { f.focus(); } catch (e) {} try { f.contentWindow && f.contentWindow.postMessage('f', '*'); } catch (e) {} };
  const ours = ${OURS};
  const armed = performance.now() + 1600;
  let since = 0, on = false;
  window.__steals = 0;
  ${o.onEvents ? `for (const ty of ['focus', 'blur', 'focusin', 'focusout']) { window.addEventListener(ty, () => { if (on) { go(); window.__steals++; } }, true); document.addEventListener(ty, () => { if (on) go(); }, true); }` : ''}
  window.__stealer = setInterval(() => {
    const a = document.activeElement;
    if (ours(a)) { since = since || performance.now(); if (performance.now() - since > 600 && !window.__struck && performance.now() > armed) {
      window.__struck = 1; window.__steals++; on = true; a.inert = true; go();
      ${o.loop ? 'const loop = setInterval(go, 5);' : 'const loop = 0;'}
      setTimeout(() => { clearInterval(loop); on = false; a.inert = false; }, ${o.inertMs ?? 1000});
    } } else since = 0;
  }, 50);
})()`;

const SRCDOC_SANDBOX = `const f = document.createElement('iframe'); f.setAttribute('sandbox', 'allow-scripts'); f.srcdoc = ${JSON.stringify(inner())};`;
const DATA_URL = `const f = document.createElement('iframe'); f.src = 'data:text/html,' + encodeURIComponent(${JSON.stringify(inner())});`;
const NESTED = `const f = document.createElement('iframe'); f.srcdoc = ${JSON.stringify(outer())};`;
const BLOB = `URL.createObjectURL(new Blob([${JSON.stringify(inner())}], { type: 'text/html' }))`;
const OBJECT = `const f = document.createElement('object'); f.type = 'text/html'; f.data = ${BLOB};`;
const OBJECT_DATA = `const f = document.createElement('object'); f.type = 'text/html'; f.data = 'data:text/html,' + encodeURIComponent(${JSON.stringify(inner())});`;
const SANDBOX_REFOCUS = `const f = document.createElement('iframe'); f.setAttribute('sandbox', 'allow-scripts'); f.srcdoc = ${JSON.stringify(inner({ refocus: true }))};`;
const EMBED = `const f = document.createElement('embed'); f.type = 'text/html'; f.src = ${BLOB};`;
const EDITABLE = `const f = document.createElement('iframe'); f.srcdoc = ${JSON.stringify(inner({ editable: true }))};`;
const REFOCUS = `const f = document.createElement('iframe'); f.srcdoc = ${JSON.stringify(inner({ refocus: true }))};`;
const PLAIN = `const f = document.createElement('iframe'); f.srcdoc = ${JSON.stringify(inner())};`;

/** A trap of the page's own at top level: inert host, and the page focuses its trap every 5 ms for a second. */
const TOP_LOOP_IME = (tag: Tag) => String.raw`(() => {
  const trap = document.createElement('${tag}'); trap.id = 'trap';
  Object.assign(trap.style, { position: 'fixed', left: '0', top: '0', width: '1px', height: '1px', opacity: '0.01', border: '0' });
  document.body.append(trap);
  window.__got = '';
  const rec = () => { if (trap.value.length >= window.__got.length) window.__got = trap.value; };
  for (const ty of ['input', 'compositionupdate', 'compositionend', 'keyup']) trap.addEventListener(ty, rec);
  setInterval(rec, 2);
  const ours = ${OURS};
  const armed = performance.now() + 1600;
  let since = 0;
  window.__steals = 0;
  window.__stealer = setInterval(() => {
    const a = document.activeElement;
    if (ours(a)) { since = since || performance.now(); if (performance.now() - since > 600 && !window.__struck && performance.now() > armed) {
      window.__struck = 1; window.__steals++; a.inert = true; trap.focus();
      const loop = setInterval(() => trap.focus(), 5);
      setTimeout(() => { clearInterval(loop); a.inert = false; }, 1000);
    } } else since = 0;
  }, 50);
})()`;

/**
 * The person's own click into the box while the page keeps our host inert: hit tests pass through an inert
 * element, so the click lands on the clear box the page put under ours. Does Policy Guard count it as theirs?
 */
const CLICK_THROUGH = (tag: Tag, box: { x: number; y: number; width: number; height: number }) => String.raw`(() => {
  const a = document.elementFromPoint(${box.x + box.width / 2}, ${box.y + box.height / 2});
  window.__hostFound = a && a.localName;
  const t = document.createElement('${tag}'); t.id = 'cover';
  Object.assign(t.style, { position: 'fixed', zIndex: '0', background: 'transparent', color: 'transparent', caretColor: 'transparent', border: '0', outline: 'none', resize: 'none',
    left: '${box.x}px', top: '${box.y}px', width: '${box.width}px', height: '${box.height}px' });
  document.body.append(t);
  a.inert = true;
  setTimeout(() => { a.inert = false; }, 4000);
  window.__pd = [];
  for (const ty of ['pointerdown', 'mousedown', 'focus']) t.addEventListener(ty, () => window.__pd.push(ty));
})()`;

const ROWS: PageAttack[] = [
  { name: 'frame trap: sandboxed srcdoc (allow-scripts, opaque origin), host inert 1 s', script: () => framedThief(SRCDOC_SANDBOX), caught: GOT, thief: true, pageMayGet: 3 },
  { name: 'frame trap: data: URL frame, host inert 1 s', script: () => framedThief(DATA_URL), caught: GOT, thief: true, pageMayGet: 3 },
  { name: 'frame trap: nested frame inside the page’s frame', script: () => framedThief(NESTED), caught: GOT, thief: true, pageMayGet: 3 },
  { name: 'frame trap: nested frame, refocused every 5 ms', script: () => framedThief(NESTED, { loop: true }), caught: GOT, thief: true, pageMayGet: 3 },
  { name: 'frame trap: <object> holding a document', script: () => framedThief(OBJECT), caught: GOT, thief: true, pageMayGet: 3 },
  { name: 'frame trap: <object> holding a data: URL document (opaque origin)', script: () => framedThief(OBJECT_DATA), caught: GOT, thief: true, pageMayGet: 3 },
  { name: 'frame trap: sandboxed srcdoc refocused on every focus/blur event', script: () => framedThief(SANDBOX_REFOCUS, { onEvents: true }), caught: GOT, thief: true, pageMayGet: 3 },
  { name: 'frame trap: <embed> holding a document', script: () => framedThief(EMBED), caught: GOT, thief: true, pageMayGet: 3 },
  { name: 'frame trap: contenteditable in a frame', script: () => framedThief(EDITABLE), caught: GOT, thief: true, pageMayGet: 3 },
  { name: 'frame trap: refocused on every focus/blur event (page and frame)', script: () => framedThief(REFOCUS, { onEvents: true }), caught: GOT, thief: true, pageMayGet: 3 },
  { name: 'IME: page re-focuses its top-level trap every 5 ms, host inert 1 s', script: TOP_LOOP_IME, caught: GOT, thief: true, pageMayGet: 3, compose: true, keeps: 1 / 3 },
];

const each = (open: () => Promise<Target>) => {
  for (const row of ROWS) {
    it(row.name, async () => {
      const target = await open();
      try {
        await runAttack(target, row);
      } finally {
        console.log(`[probe14n] ${row.name} (${target.tag}): page got ${JSON.stringify(await target.page.evaluate(row.caught!).catch((e) => String(e)))}; box holds ${JSON.stringify(await target.box.inputValue().catch(() => '?'))}`);
        await target.page.close();
      }
    });
  }
  // The person clicks where they see the box while the page keeps our host inert (4 s) over a clear box of its own.
  it('the person’s click into the box while the host is inert falls through to the page', async () => {
    const { page, ui, box, tag, notice } = await open();
    const at = (await box.boundingBox())!;
    await page.evaluate(CLICK_THROUGH(tag, at));
    await page.waitForTimeout(300);
    await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
    await page.waitForTimeout(200);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('in foster care', { delay: 40 });
    await page.waitForTimeout(200);
    const during = {
      cover: await page.evaluate('document.getElementById("cover").value'),
      heard: await page.evaluate('window.__pd'),
      host: await page.evaluate('window.__hostFound'),
      active: await page.evaluate('document.activeElement && (document.activeElement.id || document.activeElement.localName)'),
      box: await box.inputValue(),
      notice: !!(await ui.centre(notice)),
      lost: !!(await ui.centre(`${notice}[data-lost]`)),
    };
    await page.waitForTimeout(4000); // inert over
    await page.keyboard.type(' later', { delay: 40 });
    await page.waitForTimeout(200);
    const after = { cover: await page.evaluate('document.getElementById("cover").value'), box: await box.inputValue() };
    console.log(`[probe14n] click-through (${tag}): during ${JSON.stringify(during)}; after inert ${JSON.stringify(after)}`);
    await page.close();
    expect(during.cover, 'the page got nothing').toBe('');
    expect(after.cover, 'the page got nothing').toBe('');
  });
};

describe('probe 14n: the reason for sending anyway', () => {
  const h = useHarness({ unseal: false, fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
  });
  const openGate = async (): Promise<Target> => {
    const page = await h.context.newPage();
    await page.goto(`${TEACH}#/classes/c1/messaging/g1`);
    await page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.fill('Grace has been diagnosed with ADHD, please be patient with her.');
    const ui = await SealedView.of(page);
    await ui.waitFor('[data-rule="sensitive-content"]');
    await input.press('Enter');
    const box = (await reasonFrame(page)).locator('textarea');
    return { page, ui, box, tag: 'textarea', notice: '[data-policy-guard="focus-taken"]', text: REASON };
  };
  each(openGate);
});

describe('probe 14n: a spot-check note', () => {
  const h = useHarness({ unseal: false }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', [...c1Pupils(true).slice(0, 2), { first: 'Harry', last: 'Davies', photoConsent: false, inCare: false }]);
    await h.setSpotCheck(true);
  });
  const openNote = async (): Promise<Target> => {
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${TEACH}#/classes/c1/story`);
    const ui = await SealedView.of(page);
    const followUp = await ui.waitFor('[data-policy-guard="spot-finding"] [data-outcome="follow-up"]');
    await page.waitForTimeout(700);
    if (!page.frames().some((f) => f.url().includes('/spot-note.html#'))) await page.mouse.click(followUp.x, followUp.y);
    const box = (await onlyNoteFrame(page)).locator('input');
    return { page, ui, box, tag: 'input', notice: '[data-policy-guard="spot-note-focus-taken"]', text: NOTE };
  };
  each(openNote);
});

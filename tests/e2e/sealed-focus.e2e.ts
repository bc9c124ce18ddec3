/**
 * The page cannot catch what a teacher types as a reason for sending anyway, or a leader's spot-check note, by any way of moving the typing
 * into a box of its own (probe 14g): a frame of its own laid over the reason box or holding its trap (the
 * parent window hears no press and no focusin for those), or listeners of its own registered before Policy
 * Guard's that stop the events about its own elements (to blind Policy Guard's keepers). And the spot-check
 * summary is one size whatever it found, so its edge tells the page nothing about a post it planted.
 * The same for a spot-check note.
 *
 * Launched without test access to the closed roots: the page's part is page-world script, the person's part
 * real mouse and keyboard input.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { c1Pupils } from './class-c1';
import { TEACH } from './harness';
import { SealedView } from './unseal';
import { onlyNoteFrame, reasonFrame } from './gate';
import { useHarness } from './use-harness';

type Box = { x: number; y: number; width: number; height: number };

/** A clear frame of the page's (same origin, `srcdoc`) laid over `box`, with a clear text box filling it. */
const FRAME_COVER = (tag: string, box: Box) => String.raw`(() => {
  const f = document.createElement('iframe');
  f.id = 'fcover';
  f.srcdoc = '<!doctype html><style>html,body{margin:0;background:transparent;overflow:hidden}${tag}{all:unset;display:block;width:100vw;height:100vh;color:transparent;caret-color:transparent}</style><${tag} id="t"></${tag}>';
  Object.assign(f.style, { position: 'fixed', zIndex: '2147483647', border: '0', background: 'transparent',
    left: '${box.x}px', top: '${box.y}px', width: '${box.width}px', height: '${box.height}px' });
  document.body.append(f);
})()`;
const FRAME_COVER_VALUE = 'document.getElementById("fcover").contentDocument.getElementById("t").value';

/** A trap inside a tiny frame of the page's: once Policy Guard's host has held the focus for 600 ms, take it there. */
const FRAME_THIEF = String.raw`(() => {
  const f = document.createElement('iframe');
  f.id = 'ftrap';
  f.srcdoc = '<!doctype html><textarea id="t"></textarea>';
  Object.assign(f.style, { position: 'fixed', left: '0', top: '0', width: '2px', height: '2px', opacity: '0.01', border: '0' });
  document.body.append(f);
  let since = 0;
  window.__steals = 0;
  window.__stealer = setInterval(() => {
    const a = document.activeElement;
    const ours = a && (a.localName.startsWith('policy-guard') || a.hasAttribute('data-policy-guard-host'));
    if (ours) { since = since || performance.now(); if (performance.now() - since > 600) { f.contentDocument.getElementById('t').focus(); window.__steals++; since = 0; } } else since = 0;
  }, 50);
})()`;
const FRAME_THIEF_VALUE = 'document.getElementById("ftrap").contentDocument.getElementById("t").value';

/**
 * A script of the page's, registered before Policy Guard's keepers start (they start with the gate and the
 * overlay): stop every press and focus event about the page's own elements, to blind them. (A script that
 * runs before Policy Guard's first one, another extension's, is PRIVACY.md's "listen before Policy Guard".)
 */
const BLIND = String.raw`(() => {
  const mine = (t) => !!t && t.nodeType === 1 && t.hasAttribute && t.hasAttribute('data-mine');
  for (const type of ['pointerdown', 'mousedown', 'focusin', 'focus']) {
    window.addEventListener(type, (e) => { if (mine(e.target)) e.stopImmediatePropagation(); }, true);
  }
})()`;

/** A trap of the page's own (marked for BLIND): once Policy Guard's host has held the focus for 600 ms, take it. */
const THIEF = (tag: string) => String.raw`(() => {
  const trap = document.createElement('${tag}');
  trap.id = 'trap'; trap.setAttribute('data-mine', '');
  Object.assign(trap.style, { position: 'fixed', left: '0', top: '0', width: '1px', height: '1px', opacity: '0.01', border: '0' });
  document.body.append(trap);
  let since = 0;
  window.__steals = 0;
  window.__stealer = setInterval(() => {
    const a = document.activeElement;
    const ours = a && (a.localName.startsWith('policy-guard') || a.hasAttribute('data-policy-guard-host'));
    if (ours) { since = since || performance.now(); if (performance.now() - since > 600) { trap.focus(); window.__steals++; since = 0; } } else since = 0;
  }, 50);
})()`;

/** A thief that makes Policy Guard's host inert for the instant of its focus() call, so the focus cannot come back. */
const INERT_THIEF = (tag: string) => String.raw`(() => {
  const trap = document.createElement('${tag}');
  trap.id = 'trap';
  Object.assign(trap.style, { position: 'fixed', left: '0', top: '0', width: '1px', height: '1px', opacity: '0.01', border: '0' });
  document.body.append(trap);
  let since = 0;
  window.__steals = 0;
  window.__stealer = setInterval(() => {
    const a = document.activeElement;
    const ours = a && (a.localName.startsWith('policy-guard') || a.hasAttribute('data-policy-guard-host'));
    if (ours) { since = since || performance.now(); if (performance.now() - since > 600) { a.inert = true; trap.focus(); a.inert = false; window.__steals++; since = 0; } } else since = 0;
  }, 50);
})()`;

/** A modal dialog of the page's (everything else inert) with a clear box over `box`. */
const MODAL = (box: Box) => String.raw`(() => {
  const st = document.createElement('style');
  st.textContent = '#pgm::backdrop{background:transparent} #pgm{position:fixed;margin:0;padding:0;border:0;background:transparent;left:${box.x}px;top:${box.y}px;width:${box.width}px;height:${box.height}px;max-width:none;max-height:none} #pgm textarea{all:unset;display:block;width:100%;height:100%;color:transparent;caret-color:transparent}';
  document.head.append(st);
  const d = document.createElement('dialog'); d.id = 'pgm';
  const t = document.createElement('textarea'); t.id = 'cover';
  d.append(t); document.body.append(d);
  d.showModal();
})()`;

/** A clear box of the page's own (marked for BLIND) laid over `box`. */
const COVER = (tag: string, box: Box) => `(() => {
  const t = document.createElement('${tag}');
  t.id = 'cover'; t.setAttribute('data-mine', '');
  Object.assign(t.style, { position: 'fixed', zIndex: '2147483647', background: 'transparent', color: 'transparent', border: '0', outline: 'none', resize: 'none',
    left: '${box.x}px', top: '${box.y}px', width: '${box.width}px', height: '${box.height}px' });
  document.body.append(t);
})()`;

const REASON = 'her mum told me she is in foster care now';
const NOTE = 'Mum says he is now in foster care';

/**
 * Where Policy Guard hears of the theft only from its own frame (the frame says it lost the focus, through the
 * background: a few milliseconds), a key typed in between may reach the page's box, or be lost: at most two of
 * the person's keys, never their words (PRIVACY.md says so). `box` is what Policy Guard's box holds. Where the
 * focus is taken straight back (`pageMayGet` 0), the page gets nothing, but a key typed while the focus moves
 * back into the frame may still be lost.
 */
function expectAKeyOrTwoAtMost(trap: string, box: string, typed: string, pageMayGet = 2): void {
  expect(trap.length, `the page got ${JSON.stringify(trap)}`).toBeLessThanOrEqual(pageMayGet);
  let i = 0;
  for (const ch of typed) if (box[i] === ch) i++;
  expect(i, `Policy Guard's box holds ${JSON.stringify(box)}`).toBe(box.length); // in order, nothing added
  expect(box.length, `Policy Guard's box holds ${JSON.stringify(box)}`).toBeGreaterThanOrEqual(typed.length - 2);
}

/** The person types `text` in two bursts with a pause (the thieves strike while the focus has been ours a while). */
async function typeWithPause(page: Page, text: string): Promise<void> {
  const half = text.indexOf(' ', text.length / 2);
  await page.keyboard.type(text.slice(0, half), { delay: 60 });
  await page.waitForTimeout(900);
  await page.keyboard.type(text.slice(half), { delay: 60 });
}

describe('the page cannot catch the reason for sending anyway', () => {
  const h = useHarness({ unseal: false, fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
  });

  /** A send held by the gate, sent by keyboard (no press of the teacher's before the gate opens). */
  /** `pageScript`: run by the page as it loads (after Policy Guard's first script, as ClassDojo's own are). */
  const openGate = async (pageScript?: string): Promise<{ page: Page; ui: SealedView; frame: Frame; box: Box }> => {
    const page = await h.context.newPage();
    await page.goto(`${TEACH}#/classes/c1/messaging/g1`);
    if (pageScript) await page.evaluate(pageScript);
    await page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.fill('Grace has been diagnosed with ADHD, please be patient with her.');
    const ui = await SealedView.of(page);
    await ui.waitFor('[data-rule="sensitive-content"]');
    await input.press('Enter');
    const frame = await reasonFrame(page);
    const box = (await frame.locator('textarea').boundingBox())!;
    return { page, ui, frame, box };
  };
  // The teacher clicks where they see the reason box, and starts typing a moment later.
  const click = async (page: Page, box: Box) => {
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(300);
  };

  it('with a frame of its own laid over the reason box', async () => {
    const { page, ui, frame, box } = await openGate();
    await page.evaluate(FRAME_COVER('textarea', box));
    await page.waitForTimeout(1200);
    await click(page, box);
    await page.keyboard.type(REASON, { delay: 30 });
    expect(await page.evaluate(FRAME_COVER_VALUE)).toBe('');
    expect(await frame.locator('textarea').inputValue()).toBe(REASON);
    await ui.waitFor('[data-policy-guard="focus-taken"]');
    await page.close();
  });

  it('with a trap inside a frame of its own', async () => {
    const { page, ui, frame, box } = await openGate();
    await page.evaluate(FRAME_THIEF);
    await page.waitForTimeout(1200);
    await click(page, box);
    await typeWithPause(page, REASON);
    await page.evaluate('clearInterval(window.__stealer)');
    expect(await page.evaluate('window.__steals'), 'the page did try').toBeGreaterThan(0);
    expectAKeyOrTwoAtMost(await page.evaluate(FRAME_THIEF_VALUE), await frame.locator('textarea').inputValue(), REASON);
    await ui.waitFor('[data-policy-guard="focus-taken"]');
    await page.close();
  });

  it('by stopping, before Policy Guard hears them, the events about its own trap', async () => {
    const { page, ui, frame, box } = await openGate(BLIND);
    await page.evaluate(THIEF('textarea'));
    await page.waitForTimeout(1200);
    await click(page, box);
    await typeWithPause(page, REASON);
    await page.evaluate('clearInterval(window.__stealer)');
    expect(await page.evaluate('window.__steals'), 'the page did try').toBeGreaterThan(0);
    expectAKeyOrTwoAtMost(await page.evaluate('document.getElementById("trap").value'), await frame.locator('textarea').inputValue(), REASON, 0);
    await ui.waitFor('[data-policy-guard="focus-taken"]');
    await page.close();
  });

  // Probe 14g MEDIUM 4: the page made Policy Guard's host inert for the instant of its focus(), so the focus
  // could not come straight back; the reason frame's word that it lost the focus brings it back a moment later.
  it('by making Policy Guard’s host inert for the instant it takes the focus', async () => {
    const { page, ui, frame, box } = await openGate();
    await page.evaluate(INERT_THIEF('textarea'));
    await page.waitForTimeout(1200);
    await click(page, box);
    await typeWithPause(page, REASON);
    await page.evaluate('clearInterval(window.__stealer)');
    expect(await page.evaluate('window.__steals'), 'the page did try').toBeGreaterThan(0);
    expectAKeyOrTwoAtMost(await page.evaluate('document.getElementById("trap").value'), await frame.locator('textarea').inputValue(), REASON);
    await ui.waitFor('[data-policy-guard="focus-taken"]');
    await page.close();
  });

  // Probe 14g MEDIUM 4: a modal dialog of the page's makes everything else inert and holds the focus, with its
  // clear box over the reason box. Policy Guard cannot take the focus back; it must not say it did.
  it('is said plainly when the focus cannot be taken back: a modal dialog of the page’s over the reason box', async () => {
    const { page, ui, box } = await openGate();
    await page.evaluate(MODAL(box));
    await page.waitForTimeout(600);
    await click(page, box);
    await ui.waitFor('[data-policy-guard="focus-taken"][data-lost]');
    await page.close();
  });

  it('by stopping, before Policy Guard hears them, the presses on its own box laid over the reason box', async () => {
    const { page, ui, frame, box } = await openGate(BLIND);
    await page.evaluate(COVER('textarea', box));
    await page.waitForTimeout(1200);
    await click(page, box);
    await page.keyboard.type(REASON, { delay: 30 });
    expect(await page.evaluate('document.getElementById("cover").value')).toBe('');
    expect(await frame.locator('textarea').inputValue()).toBe(REASON);
    await ui.waitFor('[data-policy-guard="focus-taken"]');
    await page.close();
  });
});

describe('the page cannot catch a spot-check note, or read the summary’s size', () => {
  const h = useHarness({ unseal: false }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', [...c1Pupils(true).slice(0, 2), { first: 'Harry', last: 'Davies', photoConsent: false, inCare: false }]);
    await h.setSpotCheck(true);
  });

  const openNote = async (pageScript?: string): Promise<{ page: Page; ui: SealedView; frame: Frame; box: Box }> => {
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${TEACH}#/classes/c1/story`);
    if (pageScript) await page.evaluate(pageScript);
    const ui = await SealedView.of(page);
    const followUp = await ui.waitFor('[data-policy-guard="spot-finding"] [data-outcome="follow-up"]');
    await page.waitForTimeout(700); // a lasting choice counts only on a button in plain view
    // A test before may have left this finding at "Follow up", with its note: pressing again would take it back.
    if (!page.frames().some((f) => f.url().includes('/spot-note.html#'))) await page.mouse.click(followUp.x, followUp.y);
    const frame = await onlyNoteFrame(page);
    const box = (await frame.locator('input').boundingBox())!;
    return { page, ui, frame, box };
  };
  /** The leader clicks into the note, a moment later selects what an earlier test left there, and types. */
  const writeNote = async (page: Page, box: Box) => {
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+a');
    await typeWithPause(page, NOTE);
  };

  it('with a trap inside a frame of its own', async () => {
    const { page, ui, frame, box } = await openNote();
    await page.evaluate(FRAME_THIEF);
    await page.waitForTimeout(1200);
    await writeNote(page, box);
    await page.evaluate('clearInterval(window.__stealer)');
    expect(await page.evaluate('window.__steals'), 'the page did try').toBeGreaterThan(0);
    expectAKeyOrTwoAtMost(await page.evaluate(FRAME_THIEF_VALUE), await frame.locator('input').inputValue(), NOTE);
    await ui.waitFor('[data-policy-guard="spot-note-focus-taken"]');
    await page.close();
  });

  it('by stopping, before Policy Guard hears them, the events about its own trap', async () => {
    const { page, ui, frame, box } = await openNote(BLIND);
    await page.evaluate(THIEF('input'));
    await page.waitForTimeout(1200);
    await writeNote(page, box);
    await page.evaluate('clearInterval(window.__stealer)');
    expect(await page.evaluate('window.__steals'), 'the page did try').toBeGreaterThan(0);
    expectAKeyOrTwoAtMost(await page.evaluate('document.getElementById("trap").value'), await frame.locator('input').inputValue(), NOTE, 0);
    await ui.waitFor('[data-policy-guard="spot-note-focus-taken"]');
    await page.close();
  });

  // Probe 14g HIGH 3: the summary grew with its findings, so hit tests along its edge told the page whether a
  // post it planted (a pupil's name and a photo) had a finding: no photo consent, in care, on the roster.
  it('cannot tell from the summary’s edge whether a post it planted has a finding', async () => {
    const EMPTY = String.raw`(() => { new MutationObserver(() => { for (const p of document.querySelectorAll('[data-name="storyPost"]')) if (!(p.dataset.postId || '').startsWith('spy')) (p.closest('.card') || p).remove(); }).observe(document, { childList: true, subtree: true }); })()`;
    const plant = (text: string) => String.raw`(() => {
      const card = document.createElement('div');
      card.className = 'card';
      card.innerHTML = '<div data-name="storyPost" role="article" class="post" data-post-id="spy1">'
        + '<div data-name="storyPostHeader" class="post-header"><div><h3 class="post-author">Ms Carter</h3><span class="nessie-text post-class">Class 3 Oak</span><span class="nessie-text post-time" title="2026-11-20T10:00:00.000Z">Fri 20 Nov, 10:00</span></div></div>'
        + '<div data-name="storyPostContents" class="post-body"><span data-name="richText">${text}</span><img class="photo" data-name="storyPostAttachment" alt="Photo" width="40" height="30" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"></div></div>';
      document.querySelector('[data-name="storyFeed"]').append(card);
    })()`;
    // Policy Guard's footprint in the column where the summary is drawn: every y that hits one of its hosts.
    const FOOTPRINT = String.raw`(() => {
      const ours = (e) => !!e && (e.localName.startsWith('policy-guard') || e.hasAttribute('data-policy-guard-host'));
      const ys = [];
      for (let y = 0; y < innerHeight; y++) if (ours(document.elementFromPoint(20, y))) ys.push(y);
      return ys.length ? [ys[0], ys[ys.length - 1], ys.length] : [];
    })()`;
    const footprints: Record<string, unknown> = {};
    for (const name of ['Amelia', 'Harry']) {
      const page = await h.context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.addInitScript(EMPTY);
      await page.goto(`${TEACH}#/classes/c1/story`);
      // The app has drawn its feed (the overlay may be up before it).
      await page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);
      const ui = await SealedView.of(page);
      await ui.waitFor('[data-policy-guard="spot-check"]');
      await page.evaluate(plant(`Well done ${name} today`));
      // Harry has no photo consent: his post is a finding; Amelia's is not. Wait until the overlay has read it.
      await ui.waitFor(`[data-policy-guard="spot-check"][data-posts="1"][data-flagged="${name === 'Harry' ? 1 : 0}"]`);
      await page.waitForTimeout(300); // drawn
      footprints[name] = await page.evaluate(FOOTPRINT);
      await page.close();
    }
    expect((footprints.Harry as number[]).length, 'the summary is on the page').toBe(3);
    expect(footprints.Harry).toEqual(footprints.Amelia);
  });
});
